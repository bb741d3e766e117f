"""Demo data for returns, stock and bulk shipments, on top of app.store.demo's catalogue.

Adds (only what is missing, so it can run on every start):
- opening stock for every demo product in its bin (an INITIAL movement each);
- a wholesale order, SO-90001, big enough for cartons on pallets;
- two shipped retail orders to return: SO-90002 (shipped 5 days ago, with an RMA, a tracking
  number and a serialised earbud) and SO-90003 (shipped 60 days ago: past the window).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.domain import clock
from app.domain.inventory import MovementReason
from app.domain.returns import new_token
from app.store import models as t
from app.store.demo import WHOLESALE, demo_products, seed_demo
from app.store.inventory import LEVELS, receive
from app.store.returns_models import ReturnAuthorization

WHOLESALE_ORDER = "SO-90001"
RETURN_ORDER = "SO-90002"
LATE_RETURN_ORDER = "SO-90003"
RETURN_TRACKING = "1ZDEMO0000000002"
DEMO_SERIAL = "EB-DEMO-0001"
WHOLESALE_LINES = (("SOCK-MER-CHA-M", 240), ("TEE-ORG-WHI-M", 120), ("MUG-STW-SAG", 48), ("CREAM-HAND", 60))
RETURN_LINES = (("MUG-STW-SAN", 1), ("TEE-ORG-BLA-M", 1), ("EARBUD-WL-BLA", 1))


@dataclass
class OperationsDemo:
    stocked_skus: int
    orders: list[str]
    rma: str | None
    qr_payload: str | None

    def __str__(self) -> str:
        rma = f"; RMA {self.rma}, return label {self.qr_payload}" if self.rma else ""
        return f"stock for {self.stocked_skus} SKUs, orders {', '.join(self.orders) or 'none new'}{rma}"


def seed_operations_demo(sessions: sessionmaker[Session], *, seed: int = 11) -> OperationsDemo:
    seed_demo(sessions, orders=0)  # the catalogue, cartons and people, when missing
    rng = random.Random(seed)
    with sessions.begin() as db:
        conn = db.connection()
        stocked = set(conn.execute(select(LEVELS.c.sku).distinct()).scalars())
        count = 0
        for product in demo_products():
            if product.sku not in stocked:
                receive(conn, product.sku, product.bin_location, rng.randint(24, 120), user_id=None,
                        reference="demo", reason=MovementReason.INITIAL, note="demo opening stock")
                count += 1
        # Enough socks and tees for the wholesale order's cartons.
        if count:
            for sku, qty in WHOLESALE_LINES[:2]:
                receive(conn, sku, "R-01-1", qty, user_id=None, reference="demo", reason=MovementReason.INITIAL,
                        note="demo overflow stock")
        added = _orders(db)
        rma = qr = None
        if RETURN_ORDER in added:
            token = new_token()
            rma = "RMA-DEMO-1"
            db.add(ReturnAuthorization(rma=rma, order_number=RETURN_ORDER, token=token,
                                       return_tracking=RETURN_TRACKING, reason="customer: wrong size",
                                       status="issued", issued_at=clock.now()))
            qr = f"PS:RETURN:{RETURN_ORDER}:{token}"
    return OperationsDemo(count, added, rma, qr)


def _orders(db: Session) -> list[str]:
    have = set(db.scalars(select(t.Order.number).where(t.Order.number.in_(
        (WHOLESALE_ORDER, RETURN_ORDER, LATE_RETURN_ORDER)))))
    products = {p.sku: p for p in db.scalars(select(t.Product))}
    added = []
    if WHOLESALE_ORDER not in have:
        customer = WHOLESALE[0]
        db.add(_order(WHOLESALE_ORDER, "Wholesale", "open", WHOLESALE_LINES, products, name=customer.name,
                      company=customer.company, line1=customer.line1, city=customer.city,
                      postcode=customer.postcode, country=customer.country, carrier="DHL", service="Freight"))
        added.append(WHOLESALE_ORDER)
    for number, days in ((RETURN_ORDER, 5), (LATE_RETURN_ORDER, 60)):
        if number in have:
            continue
        order = _order(number, "Shopify", "shipped", RETURN_LINES, products, name="Dana Whitfield",
                       line1="1428 Elm Street", city="Springfield", postcode="62704", country="US", carrier="UPS",
                       service="Ground")
        db.add(order)
        db.flush()
        shipped = clock.now() - timedelta(days=days)
        db.add(t.Parcel(uuid=f"demo-parcel-{number}", order_id=order.id, box_no=1, station="demo",
                        tracking_number=f"1ZDEMO{number[-5:]}OUT", carrier="UPS", service_level="Ground",
                        status="labelled", created_at=shipped))
        serial = DEMO_SERIAL if number == RETURN_ORDER else f"EB-DEMO-{number[-4:]}"
        db.add(t.PackedSerial(product_id=products["EARBUD-WL-BLA"].id, serial=serial, order_id=order.id,
                              event_uuid=f"demo-{number}"))
        added.append(number)
    return added


def _order(number: str, channel: str, status: str, lines: tuple[tuple[str, int], ...], products: dict, *, name: str,
           line1: str, city: str, postcode: str, country: str, carrier: str, service: str,
           company: str = "") -> t.Order:
    order = t.Order(number=number, channel=channel, status=status, ship_to_name=name, ship_to_company=company,
                    ship_to_line1=line1, ship_to_city=city, ship_to_postcode=postcode, ship_to_country=country,
                    carrier=carrier, service_level=service, ship_by=clock.today())
    order.lines = [t.OrderLine(line_no=i, product_id=products[sku].id, quantity=qty)
                   for i, (sku, qty) in enumerate(lines, start=1)]
    return order
