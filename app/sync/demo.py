"""`packstation central demo-data`: the standalone demo (catalogue, cartons, users, orders, and the
returns, stock and wholesale demo) in a central database, so that a new user can try several
stations at once without files to hand."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, text

from app.store.demo import CARTONS, FIRST_ORDER, catalogue_rows, demo_users, order_rows
from app.store.users import hash_pin
from app.sync.demo_operations import seed_operations
from app.sync.importer import write_records


@dataclass(frozen=True)
class CentralDemo:
    products: int
    cartons: int
    users: int
    orders: int
    first_order: str
    last_order: str
    operations: str = ""  # stock, the wholesale order, orders to take back (app.sync.demo_operations)


def seed_central_demo(engine: Engine, orders: int = 50, seed: int = 7) -> CentralDemo:
    """Add the demo catalogue, cartons and users where missing, then `orders` new orders after the
    highest numbered one. One transaction: all of it or nothing."""
    with engine.begin() as conn:
        products = write_records(conn, "products", catalogue_rows())
        products.apply(conn)
        cartons = write_records(conn, "cartons", list(CARTONS))
        cartons.apply(conn)
        users = 0
        for user in demo_users():
            users += conn.execute(
                text("INSERT INTO users (name, badge, role, pin_hash) VALUES (:name, :badge, :role, :pin) "
                     "ON CONFLICT DO NOTHING"),
                {"name": user.name, "badge": user.badge, "role": user.role,
                 "pin": hash_pin(user.pin) if user.pin else None}).rowcount
        highest = conn.execute(text("SELECT max(number::bigint) FROM orders WHERE number ~ '^[0-9]{1,12}$'")).scalar()
        first = max(FIRST_ORDER, (highest or 0) + 1)
        plan = write_records(conn, "orders", order_rows(first, orders, seed))
        plan.apply(conn)
        operations = seed_operations(conn)
    return CentralDemo(products.created, cartons.created, users, plan.created, str(first), str(first + orders - 1),
                       operations)
