"""Small, explicit test catalogues written straight into a station database."""

from __future__ import annotations

import os
from datetime import date, datetime, time, timedelta

from sqlalchemy.orm import Session, sessionmaker

from app.domain import clock
from app.store import models as t

# Real check digits: these codes scan as valid GTINs.
SOCKS_GTIN = "04006381333931"  # EAN-13 4006381333931
MUG_GTIN = "00036000291452"  # UPC-A 036000291452
PHONE_GTIN = "09506000134352"  # GS1's example GTIN
CASE_GTIN = "14006381333938"  # a case of 6 socks (GTIN-14, indicator 1)


def reference_day(today: date | None = None) -> date:
    """The day the tests take as "today": the first Wednesday from the clock's today on.

    Relative to today, so that nothing the tests seed is in the past on the day the suite runs;
    always a Wednesday, so that the week around it (business days, "ship by tomorrow") has the
    same shape on any date.
    """
    today = today or clock.today()
    return today + timedelta(days=(2 - today.weekday()) % 7)


TODAY = reference_day()
SHIP_BY = TODAY + timedelta(days=1)  # the seeded orders ship by the Thursday after TODAY


def clock_env(day: date = TODAY) -> dict[str, str]:
    """The environment for a command a test starts: its clock (PACKSTATION_CLOCK) stands at 09:00 local
    time on `day`, so the command's "today" is the test's."""
    return {**os.environ, clock.ENV: datetime.combine(day, time(9)).astimezone().isoformat()}


def seed_small(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as db:
        socks = t.Product(sku="SOCK-M", name="Merino socks M", weight_g=80, length_mm=200, width_mm=100,
                          height_mm=30, bin_location="A-01-1")
        mug = t.Product(sku="MUG-1", name="Stoneware mug", weight_g=350, length_mm=120, width_mm=90, height_mm=100)
        phone = t.Product(sku="PHONE-9", name="Phone", weight_g=200, length_mm=160, width_mm=80, height_mm=10,
                          requires_serial=True)
        db.add_all([socks, mug, phone])
        db.flush()
        db.add_all([
            t.Barcode(code=SOCKS_GTIN, product_id=socks.id), t.Barcode(code=CASE_GTIN, product_id=socks.id, units=6),
            t.Barcode(code=MUG_GTIN, product_id=mug.id), t.Barcode(code=PHONE_GTIN, product_id=phone.id),
            t.Barcode(code="HOUSE-MUG", product_id=mug.id),
            t.Carton(code="ENV", name="Padded envelope", length_mm=250, width_mm=180, height_mm=40, tare_g=20,
                     max_weight_g=1000),
            t.Carton(code="M", name="Medium box", length_mm=300, width_mm=250, height_mm=200, tare_g=250,
                     max_weight_g=10000),
            t.User(name="Alex Packer", badge="P-1001", role="packer"),
            t.User(name="Sam Supervisor", badge="S-2001", role="supervisor"),
        ])
        add_order(db, "1001", [(socks, 1)], tote="TOTE-0001")
        add_order(db, "1002", [(socks, 2), (mug, 1)])
        add_order(db, "1003", [(phone, 2)])
        add_order(db, "1004", [(mug, 2)])
        add_order(db, "1005", [(socks, 12)])
        add_order(db, "1006", [(mug, 1)], status="cancelled")


def add_order(db: Session, number: str, lines, *, status: str = "open", tote: str | None = None) -> t.Order:
    order = t.Order(number=number, channel="Shopify", status=status, tote=tote, ship_to_name="Dana Smith",
                    ship_to_line1="1 Main St", ship_to_city="Springfield", ship_to_postcode="12345",
                    ship_to_country="US", carrier="UPS", service_level="Ground", ship_by=SHIP_BY)
    order.lines = [t.OrderLine(line_no=i, product_id=p.id, quantity=q) for i, (p, q) in enumerate(lines, start=1)]
    db.add(order)
    return order
