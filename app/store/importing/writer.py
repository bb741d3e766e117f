"""Writing validated rows: insert the new, update the changed, leave the same alone.

Everything runs in the caller's one transaction on one Connection, with SQLAlchemy Core:
look-ups are preloaded in chunks (SKU -> id, existing rows by key), and writes are
executemany batches. An import of 100,000 orders is then a few dozen statements, not a
million ORM objects.

Each `plan_*` function checks what can only be checked against the database (an unknown SKU,
a barcode that belongs to another product, an order already packed) and returns a plan;
`Plan.apply` writes it. The caller decides in between whether errors refuse the whole file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import Connection, Table, bindparam, delete, false, func, insert, select, update

from app.domain import clock
from app.store.importing.rows import (
    CARTON_DEFAULTS,
    ORDER_DEFAULTS,
    PRODUCT_DEFAULTS,
    BarcodeSpec,
    CartonRow,
    OrderRow,
    ProductRow,
    RowError,
)
from app.store.models import Barcode, Carton, Order, OrderLine, Product

T = TypeVar("T")

PRODUCTS: Table = Product.__table__
BARCODES: Table = Barcode.__table__
CARTONS: Table = Carton.__table__
ORDERS: Table = Order.__table__
LINES: Table = OrderLine.__table__

CHUNK = 500  # keys per IN (...) look-up: well under SQLite's and PostgreSQL's parameter limits
LOCKED_STATUSES = ("packing", "packed", "shipped")  # a bench has it, or it has left: hands off
IMPORT_LOCK_KEY = 0x5053_494D  # "PSIM": the advisory lock imports take on PostgreSQL


def chunks(items: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def claim_write_lock(conn: Connection) -> None:
    """Take the database's write lock now, before reading what the plan is based on.

    SQLite starts a transaction as a reader; if a bench commits a scan between our reads and
    our first write, the upgrade to writer fails with "database is locked" (busy_timeout cannot
    help a stale snapshot). A write that changes nothing takes the lock at the start instead.
    PostgreSQL has no database lock; a transaction-scoped advisory lock makes two imports
    (two supervisors, two stations) take turns instead of colliding on the same new orders.
    """
    if conn.dialect.name == "postgresql":
        conn.execute(select(func.pg_advisory_xact_lock(IMPORT_LOCK_KEY)))
    else:
        conn.execute(update(CARTONS).where(false()).values(code=CARTONS.c.code))  # cartons: no onupdate


ANALYZE_AFTER = 1000  # rows written before PostgreSQL's planner statistics are refreshed
_TABLES_OF = {"products": (PRODUCTS, BARCODES), "cartons": (CARTONS,), "orders": (ORDERS, LINES)}


def refresh_statistics(conn: Connection, kind: str) -> None:
    """ANALYZE the tables a big import filled, on PostgreSQL.

    Until autovacuum gets to them, the planner believes freshly bulk-loaded tables are tiny and
    answers the next import's "number IN (500 values)" with sequential scans: a re-import of
    20,000 orders took 16 s instead of 2. SQLite picks its indexes without statistics.
    """
    if conn.dialect.name == "postgresql":
        for table in _TABLES_OF[kind]:
            conn.exec_driver_sql(f"ANALYZE {table.name}")


@dataclass
class Plan:
    """What an import will write, and what it found wrong against the database."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    errors: list[RowError] = field(default_factory=list)
    steps: list[Callable[[Connection], None]] = field(default_factory=list)

    def apply(self, conn: Connection) -> None:
        for step in self.steps:
            step(conn)


def _updates(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """executemany UPDATE ... WHERE id = :row_id, one batch per set of columns."""
    by_columns: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in rows:
        by_columns.setdefault(tuple(sorted(row)), []).append(row)
    for batch in by_columns.values():
        conn.execute(update(table).where(table.c.id == bindparam("row_id")), batch)


def plain_insert(conn: Connection, table: Table, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]) -> None:
    """executemany straight at the driver, for rows of plain ints and strings (order lines).

    SQLAlchemy's per-row parameter processing costs more than SQLite's own insert; these
    columns need no processing, so the statement is compiled once for the dialect and the
    driver gets the tuples (or dicts, for drivers with named parameters).
    """
    if not rows:
        return
    # for_executemany: no implicit RETURNING of the new ids (PostgreSQL would add one).
    compiled = insert(table).compile(dialect=conn.dialect, column_keys=list(columns), for_executemany=True)
    if compiled.positional:
        order = [columns.index(name) for name in compiled.positiontup or ()]
        params: Sequence[Any] = rows if order == list(range(len(columns))) else [
            tuple(row[i] for i in order) for row in rows]
    else:
        params = [dict(zip(columns, row, strict=True)) for row in rows]
    for chunk in chunks(params, 50_000):
        conn.exec_driver_sql(str(compiled), list(chunk))


def _ids_by(conn: Connection, key, keys: Sequence[str]) -> dict[str, int]:
    """key -> id of rows just inserted.

    A plain executemany and a look-up beat INSERT ... RETURNING: on PostgreSQL, RETURNING turns
    the batch into huge multi-row statements (20,000 orders: 2.9 s against 0.7 s).
    """
    table = key.table
    found: dict[str, int] = {}
    for chunk in chunks(keys):
        found.update({value: row_id for row_id, value in conn.execute(select(table.c.id, key).where(key.in_(chunk)))})
    return found


def _values_differ(existing: Any, values: dict[str, Any]) -> bool:
    return any(getattr(existing, name) != value for name, value in values.items())


def _now() -> datetime:
    return clock.now()


# ------------------------------------------------------------------ products


def plan_products(conn: Connection, rows: list[ProductRow]) -> Plan:
    plan = Plan()
    existing = _existing(conn, PRODUCTS, PRODUCTS.c.sku, [row.sku for row in rows])
    owners = _barcode_owners(conn, sorted({spec.code for row in rows for spec in row.barcodes or ()}))
    good = _without_barcode_conflicts(rows, owners, plan)
    stored = _barcodes_of(conn, [existing[row.sku].id for row in good
                                 if row.sku in existing and row.barcodes is not None])
    inserts: list[ProductRow] = []
    updates: list[tuple[int, ProductRow]] = []
    for row in good:
        old = existing.get(row.sku)
        if old is None:
            inserts.append(row)
            continue
        if row.keep_other_barcodes and row.barcodes:
            # Only what is new is written; the stored barcodes stay.
            have = {spec.code for spec in stored.get(old.id, set())}
            row.barcodes = tuple(spec for spec in row.barcodes if spec.code not in have)
        if _values_differ(old, row.values) or _barcodes_differ(row, stored.get(old.id, set())):
            updates.append((old.id, row))
        else:
            plan.unchanged += 1
    plan.created, plan.updated = len(inserts), len(updates)
    plan.steps.append(lambda c: _write_products(c, inserts, updates))
    return plan


def _barcodes_differ(row: ProductRow, stored: set[BarcodeSpec]) -> bool:
    if row.barcodes is None:
        return False
    if row.keep_other_barcodes:
        return bool(row.barcodes)  # only the new ones are left in it
    return set(row.barcodes) != stored


def _existing(conn: Connection, table: Table, key, keys: Iterable[str]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    wanted = sorted(set(keys))
    for chunk in chunks(wanted):
        for row in conn.execute(select(table).where(key.in_(chunk))):
            found[getattr(row, key.name)] = row
    return found


def _barcode_owners(conn: Connection, codes: Sequence[str]) -> dict[str, str]:
    """code -> SKU of the product it belongs to now."""
    owners: dict[str, str] = {}
    for chunk in chunks(codes):
        query = (select(BARCODES.c.code, PRODUCTS.c.sku).join(PRODUCTS, PRODUCTS.c.id == BARCODES.c.product_id)
                 .where(BARCODES.c.code.in_(chunk)))
        owners.update({code: sku for code, sku in conn.execute(query)})
    return owners


def _barcodes_of(conn: Connection, product_ids: Sequence[int]) -> dict[int, set[BarcodeSpec]]:
    found: dict[int, set[BarcodeSpec]] = {}
    for chunk in chunks(sorted(product_ids)):
        query = select(BARCODES.c.product_id, BARCODES.c.code, BARCODES.c.units).where(
            BARCODES.c.product_id.in_(chunk))
        for product_id, code, units in conn.execute(query):
            found.setdefault(product_id, set()).add(BarcodeSpec(code, units))
    return found


def _without_barcode_conflicts(rows: list[ProductRow], owners: dict[str, str], plan: Plan) -> list[ProductRow]:
    """Rows whose barcodes are free: unused, or held by a product whose barcodes this file replaces.

    A row refused here keeps its product's stored barcodes, which may block another row, so
    the check runs again until nothing changes (usually once).
    """
    refused: set[str] = set()
    while True:
        releasing = {row.sku for row in rows
                     if row.barcodes is not None and not row.keep_other_barcodes and row.sku not in refused}
        newly = []
        for row in rows:
            if row.sku in refused:
                continue
            for spec in row.barcodes or ():
                owner = owners.get(spec.code)
                if owner is not None and owner != row.sku and owner not in releasing:
                    plan.errors.append(RowError(row.line, f"barcode {spec.code} already belongs to SKU {owner}"))
                    newly.append(row.sku)
                    break
        if not newly:
            break
        refused.update(newly)
    plan.rejected += len(refused)
    return [row for row in rows if row.sku not in refused]


def _write_products(conn: Connection, inserts: list[ProductRow], updates: list[tuple[int, ProductRow]]) -> None:
    now = _now()
    ids: dict[str, int] = {}
    if inserts:
        conn.execute(insert(PRODUCTS), [{**PRODUCT_DEFAULTS, **row.values, "sku": row.sku, "updated_at": now}
                                        for row in inserts])
        ids = _ids_by(conn, PRODUCTS.c.sku, [row.sku for row in inserts])
    if updates:
        _updates(conn, PRODUCTS, [{**row.values, "updated_at": now, "row_id": product_id}
                                  for product_id, row in updates])
    replaced = [(product_id, row) for product_id, row in updates if row.barcodes is not None]
    cleared = [product_id for product_id, row in replaced if not row.keep_other_barcodes]
    for chunk in chunks(cleared):
        conn.execute(delete(BARCODES).where(BARCODES.c.product_id.in_(chunk)))
    owned = [(ids[row.sku], row) for row in inserts] + replaced
    barcodes = [(spec.code, product_id, spec.units) for product_id, row in owned for spec in row.barcodes or ()]
    plain_insert(conn, BARCODES, ("code", "product_id", "units"), barcodes)


# ------------------------------------------------------------------ cartons


def plan_cartons(conn: Connection, rows: list[CartonRow]) -> Plan:
    plan = Plan()
    existing = _existing(conn, CARTONS, CARTONS.c.code, [row.code for row in rows])
    inserts = [row for row in rows if row.code not in existing]
    updates = [(existing[row.code].id, row) for row in rows
               if row.code in existing and _values_differ(existing[row.code], row.values)]
    plan.created, plan.updated = len(inserts), len(updates)
    plan.unchanged = len(rows) - len(inserts) - len(updates)

    def write(c: Connection) -> None:
        if inserts:
            c.execute(insert(CARTONS), [{**CARTON_DEFAULTS, **row.values, "code": row.code} for row in inserts])
        if updates:
            _updates(c, CARTONS, [{**row.values, "row_id": carton_id} for carton_id, row in updates])

    plan.steps.append(write)
    return plan


# ------------------------------------------------------------------ orders


def product_ids(conn: Connection) -> dict[str, int]:
    """SKU -> id of the whole catalogue: one query beats 250,000 look-ups."""
    return {sku: product_id for product_id, sku in conn.execute(select(PRODUCTS.c.id, PRODUCTS.c.sku))}


def plan_orders(conn: Connection, rows: list[OrderRow]) -> Plan:
    plan = Plan()
    skus = product_ids(conn)
    known = [row for row in rows if _skus_known(row, skus, plan)]
    existing = _existing(conn, ORDERS, ORDERS.c.number, [row.number for row in known])
    stored_lines = _lines_of(conn, [order.id for order in existing.values()])
    inserts: list[OrderRow] = []
    updates: list[tuple[Any, OrderRow]] = []
    for row in known:
        old = existing.get(row.number)
        if old is None:
            inserts.append(row)
        elif not _order_differs(old, row, skus, stored_lines.get(old.id, [])):
            plan.unchanged += 1
        elif old.status in LOCKED_STATUSES:
            plan.errors.append(RowError(row.line, _locked_message(row, old.status)))
            plan.rejected += 1
        else:
            updates.append((old, row))
    plan.created, plan.updated = len(inserts), len(updates)
    plan.steps.append(lambda c: _write_orders(c, inserts, updates, skus))
    # A platform id names the order, it is not its contents: learnt even for an order packed already.
    named = [{"row_id": old.id, "platform_id": row.platform_id} for row in known
             if (old := existing.get(row.number)) is not None and row.platform_id
             and old.platform_id != row.platform_id]
    if named:
        plan.steps.append(lambda c: _updates(c, ORDERS, named))
    return plan


def _skus_known(row: OrderRow, skus: dict[str, int], plan: Plan) -> bool:
    unknown = [line for line in row.lines if line.sku not in skus]
    for line in unknown:
        plan.errors.append(RowError(line.line, f"order {row.number}: unknown SKU {line.sku!r} — "
                                               "import it as a product first"))
    if unknown:
        plan.rejected += 1
    return not unknown


def _lines_of(conn: Connection, order_ids: Sequence[int]) -> dict[int, list[tuple[int, int]]]:
    """order id -> [(product id, quantity), ...] in line order."""
    found: dict[int, list[tuple[int, int]]] = {}
    for chunk in chunks(sorted(order_ids)):
        query = (select(LINES.c.order_id, LINES.c.product_id, LINES.c.quantity)
                 .where(LINES.c.order_id.in_(chunk)).order_by(LINES.c.order_id, LINES.c.line_no))
        for order_id, product_id, quantity in conn.execute(query):
            found.setdefault(order_id, []).append((product_id, quantity))
    return found


def _order_differs(old: Any, row: OrderRow, skus: dict[str, int], lines: list[tuple[int, int]]) -> bool:
    if row.cancelled and old.status != "cancelled":
        return True
    return _values_differ(old, row.values) or lines != [(skus[line.sku], line.quantity) for line in row.lines]


def _locked_message(row: OrderRow, status: str) -> str:
    message = f"order {row.number} is already {status} — not changed"
    if row.cancelled:
        message += "; it was cancelled upstream: stop it at the bench or recall the parcel"
    return message


def _write_orders(conn: Connection, inserts: list[OrderRow], updates: list[tuple[Any, OrderRow]],
                  skus: dict[str, int]) -> None:
    now = _now()
    ids: dict[str, int] = {}
    if inserts:
        conn.execute(insert(ORDERS), [{**ORDER_DEFAULTS, **row.values, "number": row.number,
                                       "platform_id": row.platform_id,
                                       "status": _status(row, "open"), "created_at": now, "updated_at": now}
                                      for row in inserts])
        ids = _ids_by(conn, ORDERS.c.number, [row.number for row in inserts])
    if updates:
        # An import can cancel an order but never reopens one; a held order stays held.
        _updates(conn, ORDERS, [{**row.values, "status": _status(row, old.status), "updated_at": now,
                                 "row_id": old.id} for old, row in updates])
        for chunk in chunks([old.id for old, _ in updates]):
            conn.execute(delete(LINES).where(LINES.c.order_id.in_(chunk)))
    owned = [(ids[row.number], row) for row in inserts] + [(old.id, row) for old, row in updates]
    lines = [(order_id, line_no, skus[line.sku], line.quantity)
             for order_id, row in owned for line_no, line in enumerate(row.lines, start=1)]
    plain_insert(conn, LINES, ("order_id", "line_no", "product_id", "quantity"), lines)


def _status(row: OrderRow, current: str) -> str:
    return "cancelled" if row.cancelled else current
