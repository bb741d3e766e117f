"""A day at the warehouse, replayed through the real packing Station and the returns bench:
afterwards every bin's stock is exactly the sum of its movements, and the totals add up."""

from __future__ import annotations

from sqlalchemy import func, select

from app.config import Config
from app.domain import clock
from app.returns.service import ReturnStation
from app.station import Station
from app.store.inventory import (
    LEVELS,
    MOVES,
    ShipmentHook,
    approve_count,
    count_item,
    finish_count,
    receive,
    start_count,
)
from app.store.repository import Repository
from app.store.returns import ReturnsRepository
from tests.returns.conftest import SAM, Clock
from tests.support import MUG_GTIN, PHONE_GTIN, SOCKS_GTIN


class NoPrinter:
    """The station's output without printers: every label 'prints' at once."""

    def __init__(self) -> None:
        self.labels = 0

    def print_label(self, job):
        self.labels += 1
        return f"1ZTEST{self.labels:010d}", "zpl", f"label-{self.labels}"

    def print_slip(self, order, parcels, *, job_id=None) -> None:
        pass

    def void_labels(self, order, parcels) -> None:
        pass


class HookedRepository(Repository):
    """How the lead wires inventory into packing: after the facts commit, book their stock."""

    def __init__(self, engine) -> None:
        super().__init__(engine)
        self.hook = ShipmentHook(engine)

    def record(self, facts, *, station, packer_id, order_number, **owed) -> None:
        facts = list(facts)
        super().record(facts, station=station, packer_id=packer_id, order_number=order_number, **owed)
        self.hook.after(facts, station=station, user_id=packer_id)


def pack(station: Station, number: str, *scans: str) -> None:
    assert station.scan(number).code == "order_opened"
    for scan in scans:
        station.scan(scan)
    done = station.scan("PS:CMD:CONFIRM")  # the suggested carton; this bench has no scale
    assert done.code == "order_packed", done.message


def test_stock_equals_the_sum_of_its_movements_after_a_day_of_packing_and_returns(db):
    """GIVEN opening stock for socks, mugs and phones
    WHEN five orders are packed (one voided and packed again), two come back in part (one unit
    damaged, one with a serial that never shipped) and a bin is counted with a variance
    THEN each bin's level is the sum of its movements and each SKU's total is what the day says"""
    engine, _ = db
    with engine.begin() as conn:
        receive(conn, "SOCK-M", "A-01-1", 20, user_id=None, reference="opening")
        receive(conn, "MUG-1", "B-01-1", 10, user_id=None, reference="opening")
        receive(conn, "PHONE-9", "F-01-1", 3, user_id=None, reference="opening")

    repo = HookedRepository(engine)
    packing = Station(Config(station="BENCH-1"), repo, NoPrinter())
    assert packing.scan("PS:BADGE:P-1001").code == "signed_in"
    pack(packing, "1001", SOCKS_GTIN)
    pack(packing, "1002", SOCKS_GTIN, SOCKS_GTIN, MUG_GTIN)
    pack(packing, "1003", PHONE_GTIN, "SN-1", PHONE_GTIN, "SN-2")
    pack(packing, "1004", MUG_GTIN, MUG_GTIN)
    assert packing.scan("PS:CMD:VOID").code == "labels_voided"  # wrong carrier: labels voided...
    pack(packing, "1004", MUG_GTIN, MUG_GTIN)  # ...and the order packed again
    pack(packing, "1005", "PS:CMD:QTY:12", SOCKS_GTIN)
    repo.close()

    returns = ReturnStation(ReturnsRepository(engine), station="RET-1", clock=Clock(clock.now()))
    for scan in ("PS:BADGE:P-1001",
                 "1002", SOCKS_GTIN, "PS:GRADE:RESELLABLE", "PS:CMD:CONFIRM",  # back to A-01-1
                 MUG_GTIN, "PS:GRADE:DAMAGED", "PS:CMD:CONFIRM", "PS:CMD:COMPLETE",  # to quarantine
                 "1003", PHONE_GTIN, "SN-2", "PS:GRADE:RESELLABLE", "PS:CMD:CONFIRM",  # back to F-01-1
                 PHONE_GTIN, "SN-X", "PS:GRADE:RESELLABLE", "PS:CMD:CONFIRM",  # flagged: quarantine
                 "PS:CMD:COMPLETE", "PS:BADGE:S-2001"):
        outcome = returns.scan(scan)
        assert outcome.tone.value != "rejected", (scan, outcome.message)
    assert returns.state.last_return == "1003-R1"
    returns.repo.close()

    with engine.begin() as conn:  # the afternoon count of A-01-1 finds one sock fewer than recorded
        count_id = start_count(conn, "A-01-1", user_id=1)
        count_item(conn, count_id, "SOCK-M", 4)
        finish_count(conn, count_id)
        approve_count(conn, count_id, SAM)

    with engine.connect() as conn:
        levels = {(r.sku, r.bin): r.on_hand for r in conn.execute(select(LEVELS))}
        sums = {(r.sku, r.bin): r.total for r in conn.execute(
            select(MOVES.c.sku, MOVES.c.bin, func.sum(MOVES.c.delta).label("total")).group_by(MOVES.c.sku,
                                                                                                MOVES.c.bin))}
        reasons = conn.execute(select(MOVES.c.reason, func.count()).group_by(MOVES.c.reason)).all()
    assert levels == sums
    assert levels == {
        ("SOCK-M", "A-01-1"): 20 - 1 - 2 - 12 + 1 - 2,  # packed 15, one back, counted 4 of 6
        ("MUG-1", "B-01-1"): 10 - 1 - 2,  # 1004 was voided and packed again: taken once
        ("MUG-1", "QUARANTINE"): 1,
        ("PHONE-9", "F-01-1"): 3 - 2 + 1,
        ("PHONE-9", "QUARANTINE"): 1,
    }
    assert dict(reasons) == {"receipt": 3, "shipment": 7, "shipment_void": 1, "return_restock": 2,
                             "return_quarantine": 2, "cycle_count": 1}
