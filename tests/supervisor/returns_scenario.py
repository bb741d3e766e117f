"""Returns, shipments and cycle counts whose true figures are known, for the "Returns & stock" view.

Built through the real APIs (app.store.inventory, app.returns.service.ReturnStation and
app.store.returns.ReturnsRepository) at the wall clock's time, plus explicit rows for restocks
whose durations must be exact (the store stamps a restock with the real clock). The period is
[now - 2 days, now + 1 day).

Shipped in the period (stock movements):   SOCK-M 4 + (6 shipped, voided, shipped again) = 10
                                            MUG-1 2 (and 5 shipped 10 days ago: outside)
Returned in the period (in their order):    SOCK-M 1 + 2 (bench) + 3 (explicit) = 6  -> 60 %
                                            MUG-1 1                                -> 50 %
                                            HAT-1 1, never in its order: left out of the rates
Grades and reasons (every unit received):   resellable/wrong_size 5, damaged/damaged_in_transit 1,
                                            damaged/defective 1, wrong_item/not_in_order 1   (8 units)
Restocked in the period (10 units):         at the bench: 2 real (about 0 s) + 5, 10, 15 min
                                            from quarantine: 50, 60, 70, 80, 90 h
                                            all: median 15 min, P90 80 h; bench 5 min / 15 min;
                                            quarantine 70 h / 90 h
Cycle counts approved in the period:        A-01-1: SOCK-M 42 of 42, HAT-1 2 of 0 (not expected)
                                            B-01-1: MUG-1 12 of 13 (final round; round 1 said 10)
                                            A-02-1: finished, not approved -> left out
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Engine, insert, select, update
from sqlalchemy.orm import Session, sessionmaker

from app.domain import clock
from app.domain.inventory import MovementReason
from app.domain.model import Role, User
from app.domain.returns import ReturnRules
from app.returns.service import ReturnStation
from app.store import inventory
from app.store import models as t
from app.store.returns import ReturnsRepository
from app.store.returns_models import Return, ReturnItem
from app.supervisor.periods import Period
from tests.support import MUG_GTIN, SOCKS_GTIN, add_order, seed_small

SAM = User(2, "Sam Supervisor", Role.SUPERVISOR, "S-2001")
MINUTE, HOUR = 60.0, 3600.0


@dataclass(frozen=True)
class Truth:
    period: Period
    shipped = {"SOCK-M": 10, "MUG-1": 2}
    returned = {"SOCK-M": 6, "MUG-1": 1}
    reasons = {("resellable", "wrong_size"): 5, ("damaged", "damaged_in_transit"): 1,
               ("damaged", "defective"): 1, ("wrong_item", "not_in_order"): 1}
    received = 8
    restocked = 10
    restock_median_s = 15 * MINUTE
    restock_p90_s = 80 * HOUR
    restock_max_s = 90 * HOUR
    bench = (5, 5 * MINUTE, 15 * MINUTE)  # units, median, P90
    quarantine = (5, 70 * HOUR, 90 * HOUR)
    # (lines, right, expected, counted, off)
    accuracy = (3, 1, 55, 56, 3)
    by_bin = {"A-01-1": (2, 1, 42, 44, 2), "B-01-1": (1, 0, 13, 12, 1)}
    by_sku = {"SOCK-M": (1, 1, 42, 42, 0), "HAT-1": (1, 0, 0, 2, 2), "MUG-1": (1, 0, 13, 12, 1)}


def seed_catalogue(sessions: sessionmaker[Session]) -> None:
    seed_small(sessions)  # SOCK-M (A-01-1), MUG-1, PHONE-9; P-1001 packer, S-2001 supervisor
    with sessions.begin() as s:
        s.execute(update(t.Product.__table__).where(t.Product.sku == "MUG-1").values(bin_location="B-01-1"))
        s.add(t.Product(sku="HAT-1", name="Wool hat", weight_g=90, bin_location="A-02-1"))


def ship(sessions: sessionmaker[Session], number: str, lines: list[tuple[str, int]], at: datetime) -> None:
    """An order packed at a bench (its pack events), as the packing station leaves it."""
    with sessions.begin() as s:
        products = {p.sku: p for p in s.scalars(select(t.Product))}
        order = add_order(s, number, [(products[sku], qty) for sku, qty in lines], status="shipped")
        s.flush()
        kinds = [("order_opened", {"number": number}),
                 *[("item_packed", {"line": i, "sku": sku, "units": qty, "box": 1, "serial": None})
                   for i, (sku, qty) in enumerate(lines, start=1)],
                 ("order_packed", {"number": number, "boxes": 1})]
        for kind, data in kinds:
            s.execute(insert(t.PackEvent.__table__).values(uuid=str(uuid.uuid4()), station="BENCH-1", packer_id=1,
                                                           order_id=order.id, type=kind, payload=json.dumps(data),
                                                           at=at))


def build(engine: Engine, sessions: sessionmaker[Session], now: datetime | None = None) -> Truth:
    now = now or clock.now()
    with engine.begin() as conn:  # opening stock
        for sku, bin_location, units in (("SOCK-M", "A-01-1", 50), ("MUG-1", "B-01-1", 20), ("HAT-1", "A-02-1", 10)):
            inventory.receive(conn, sku, bin_location, units, user_id=None, reason=MovementReason.INITIAL)
        inventory.move(conn, "MUG-1", "B-01-1", -5, MovementReason.SHIPMENT, reference="2999",
                       at=now - timedelta(days=10))  # shipped before the period
    ship(sessions, "3001", [("SOCK-M", 4), ("MUG-1", 2)], now)
    ship(sessions, "3002", [("SOCK-M", 6)], now)
    with engine.begin() as conn:
        inventory.record_shipment(conn, "3001")
        inventory.record_shipment(conn, "3002")
        inventory.reverse_shipment(conn, "3002")  # labels voided ...
        inventory.record_shipment(conn, "3002")  # ... and packed again

    repo = ReturnsRepository(engine)
    try:
        bench = ReturnStation(repo, station="RET-1", rules=ReturnRules())
        for scan in ("PS:BADGE:P-1001", "3001", SOCKS_GTIN, "PS:GRADE:RESELLABLE:WRONG_SIZE", "PS:CMD:CONFIRM",
                     MUG_GTIN, "PS:GRADE:DAMAGED:DAMAGED_IN_TRANSIT", "PS:CMD:CONFIRM", "HAT-1", "PS:CMD:COMPLETE",
                     "PS:BADGE:S-2001",
                     "3002", SOCKS_GTIN, "PS:GRADE:DAMAGED:DEFECTIVE", "PS:DISPOSE:DISPOSE",
                     SOCKS_GTIN, "PS:GRADE:RESELLABLE:WRONG_SIZE", "PS:CMD:CONFIRM", "PS:CMD:COMPLETE"):
            outcome = bench.scan(scan)
            assert outcome.code not in ("rejected", "unknown"), (scan, outcome.code, outcome.message)
    finally:
        repo.close()
    _explicit_restocks(engine, now)

    with engine.begin() as conn:  # cycle counts
        a = inventory.start_count(conn, "A-01-1", user_id=1)
        inventory.count_item(conn, a, "SOCK-M", 42)
        inventory.count_item(conn, a, "HAT-1", 2)
        inventory.finish_count(conn, a)
        inventory.approve_count(conn, a, SAM)
        b = inventory.start_count(conn, "B-01-1", user_id=1)
        inventory.count_item(conn, b, "MUG-1", 10)
        inventory.finish_count(conn, b)
        inventory.recount(conn, b, SAM)
        inventory.count_item(conn, b, "MUG-1", 12)
        inventory.finish_count(conn, b)
        inventory.approve_count(conn, b, SAM)
        c = inventory.start_count(conn, "A-02-1", user_id=1)
        inventory.count_item(conn, c, "HAT-1", 7)
        inventory.finish_count(conn, c)
    return Truth(Period(now - timedelta(days=2), now + timedelta(days=1), "Test"))


def _explicit_restocks(engine: Engine, now: datetime) -> None:
    """Restocks with exact durations: three graded and restocked at the bench (SOCK-M, in the
    period), five released from quarantine (MUG-1, received and graded before the period)."""
    returns, items = Return.__table__, ReturnItem.__table__
    bench_received = now - timedelta(hours=30)
    quarantine_received = now - timedelta(hours=96)
    with engine.begin() as conn:
        for number, received, minutes in (("3101-R1", bench_received, (5, 10, 15)),
                                          ("3102-R1", quarantine_received, (50 * 60, 60 * 60, 70 * 60, 80 * 60,
                                                                            90 * 60))):
            return_id = str(uuid.uuid4())
            conn.execute(insert(returns).values(id=return_id, number=number, order_number=number[:4], station="RET-2",
                                                opened_at=received, received_at=received, closed_at=received,
                                                status="closed", late=False, flags="[]"))
            for item_no, m in enumerate(minutes, start=1):
                restocked = received + timedelta(minutes=m)
                at_bench = number == "3101-R1"
                conn.execute(insert(items).values(
                    return_id=return_id, item_no=item_no, sku="SOCK-M" if at_bench else "MUG-1",
                    grade="resellable" if at_bench else "damaged",
                    reason="wrong_size" if at_bench else "damaged_in_transit", disposition="restock",
                    bin="A-01-1" if at_bench else "B-01-1", in_order=True, flags="[]",
                    recorded_at=restocked if at_bench else received + timedelta(minutes=10),
                    restocked_at=restocked, removed=False))
