"""The returns bench on a real SQLite file: raw scans in, committed events, returns and stock out."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import select, text

from app.domain import clock
from app.domain.returns import Flag, ReturnPhase, ReturnRules
from app.returns.service import ReturnStation
from app.store.inventory import StockReader, movements_of, record_shipment
from app.store.returns import ReturnsRepository, restock_times, return_rates
from app.store.returns_models import Return, ReturnItem
from tests.returns.conftest import NOW, SAM, Clock, ship_order
from tests.support import MUG_GTIN, PHONE_GTIN, SOCKS_GTIN


def bench(repo, clock=None, station="RET-1", window_days=30) -> ReturnStation:
    return ReturnStation(repo, station=station, rules=ReturnRules(window_days=window_days), clock=clock or Clock())


def stock(engine, sku: str) -> dict[str, int]:
    reader = StockReader(engine)
    try:
        return reader.stock(sku).bins
    finally:
        reader.close()


def test_a_two_item_order_returned_damaged_and_with_a_wrong_sku_is_stored_with_its_refund(db, repo):
    """GIVEN order 2001 shipped a mug and socks, three days ago
    WHEN its parcel holds the mug (damaged: to quarantine) and a hat (never in the order)
    THEN returns, items, stock and the refund_ready event are on disk, and the hat needs a supervisor"""
    engine, sessions = db
    ship_order(sessions, "2001", [("MUG-1", 1), ("SOCK-M", 1)])
    station = bench(repo)
    assert station.scan("PS:BADGE:P-1001").code == "signed_in"
    assert station.scan("2001").code == "return_opened"
    assert station.scan(MUG_GTIN).code == "grade_item"
    assert station.scan("PS:GRADE:DAMAGED:DAMAGED_IN_TRANSIT").code == "dispose_item"
    assert station.scan("PS:CMD:CONFIRM").code == "item_returned"
    assert station.scan("HAT-1").code == "not_in_order"  # typed SKU: a hat has no barcode
    assert station.scan("PS:CMD:COMPLETE").code == "supervisor_needed"
    assert station.scan("PS:BADGE:S-2001").code == "return_closed"

    with engine.connect() as conn:
        ret = conn.execute(select(Return.__table__)).one()
        items = conn.execute(select(ReturnItem.__table__).order_by(ReturnItem.item_no)).all()
        refund = json.loads(conn.execute(text("select payload from return_events where type='refund_ready'")).scalar())
    assert (ret.number, ret.status, ret.order_number, ret.approved_by) == ("2001-R1", "closed", "2001", SAM.id)
    assert [(i.sku, i.grade, i.disposition, i.bin, i.in_order) for i in items] == [
        ("MUG-1", "damaged", "quarantine", "QUARANTINE", True), ("HAT-1", "wrong_item", "quarantine", "QUARANTINE",
                                                                 False)]
    assert [flag["flag"] for flag in json.loads(ret.flags)] == ["not_in_order"]
    assert refund["lines"][0] == {"sku": "MUG-1", "units": 1, "grade": "damaged", "reason": "damaged_in_transit",
                                  "refund_percent": 100, "serials": []}
    assert stock(engine, "MUG-1") == {"QUARANTINE": 1} and stock(engine, "HAT-1") == {"QUARANTINE": 1}
    assert [e.data["number"] for e in repo.refunds_since(0)] == ["2001-R1"]


def test_a_serial_that_was_not_shipped_is_flagged_in_the_store_and_a_shipped_one_restocks(db, repo):
    """GIVEN order 2002 shipped phones SN-1 and SN-2
    WHEN SN-1 comes back in one GS1 barcode and SN-9 is typed after the phone's GTIN
    THEN SN-1 is restocked to F-01-1 and SN-9 is flagged serial_not_shipped and quarantined"""
    engine, sessions = db
    ship_order(sessions, "2002", [("PHONE-9", 2)], serials={"PHONE-9": ["SN-1", "SN-2"]})
    station = bench(repo)
    station.scan("PS:BADGE:P-1001")
    station.scan("2002")
    assert station.scan(f"]C101{PHONE_GTIN}21SN-1").code == "grade_item"
    assert station.scan("PS:GRADE:RESELLABLE").code == "dispose_item"
    assert station.scan("PS:CMD:CONFIRM").code == "item_returned"
    assert station.scan(PHONE_GTIN).code == "serial_needed"
    assert station.scan("SN-9").code == "item_flagged"
    station.scan("PS:GRADE:RESELLABLE")
    assert station.scan("PS:BIN:F-01-1").code == "flagged_not_restocked"
    assert station.scan("PS:DISPOSE:QUARANTINE").code == "item_returned"
    assert [f.flag for f in station.state.open_flags()] == [Flag.SERIAL_NOT_SHIPPED]
    assert stock(engine, "PHONE-9") == {"F-01-1": 1, "QUARANTINE": 1}


def test_a_return_after_the_window_is_flagged_held_and_approved_by_a_supervisor_later(db, repo):
    """GIVEN order 2003 shipped 45 days ago and a 30-day window
    WHEN it is returned, held at the bench, then approved by a supervisor from the office
    THEN it is late, held without refund, and closed with a refund_ready once approved"""
    engine, sessions = db
    ship_order(sessions, "2003", [("SOCK-M", 2)], shipped_at=NOW - timedelta(days=45))
    station = bench(repo)
    station.scan("PS:BADGE:P-1001")
    assert station.scan("2003").code == "late_return"
    station.scan(SOCKS_GTIN)
    station.scan("PS:GRADE:RESELLABLE")
    station.scan("PS:CMD:CONFIRM")
    assert station.scan("PS:CMD:HOLD").code == "return_held"
    assert [r["number"] for r in repo.returns("held")] == ["2003-R1"] and not repo.refunds_since(0)

    facts = repo.approve_held("2003-R1", SAM, station="OFFICE", rules=ReturnRules())
    assert [f.type for f in facts] == ["return_approved", "return_closed", "refund_ready"]
    (refund,) = repo.refunds_since(0)
    assert refund.data["flags"][0]["flag"] == "late_return" and refund.data["approved_by"] == SAM.name
    assert repo.returns("closed")[0]["late"] is True
    with pytest.raises(ValueError, match="not on hold"):
        repo.approve_held("2003-R1", SAM, station="OFFICE", rules=ReturnRules())


def test_the_return_label_qr_code_the_rma_and_the_tracking_number_open_the_same_return(db, repo):
    engine, sessions = db
    ship_order(sessions, "2004", [("MUG-1", 1)], tracking="1Z999AA10123456784")
    rma = repo.issue_rma("2004", reason="wrong colour", return_tracking="RET-TRACK-1")
    assert rma.rma == "RMA-000001" and rma.qr_payload == f"PS:RETURN:2004:{rma.token}"
    for reference in (rma.qr_payload, "rma-000001", "RET-TRACK-1", "1Z999AA10123456784", "2004", "#2004"):
        found = repo.lookup(reference)
        assert found.order_number == "2004" and found.problem is None, reference
    forged = repo.lookup("PS:RETURN:2004:0000000000")
    assert (forged.order_number, forged.problem) == ("2004", "bad_token")

    station = bench(repo)
    station.scan("PS:BADGE:P-1001")
    assert station.scan(f"PS:RETURN:2004:{'0' * 10}").code == "bad_return_code"
    assert station.scan(rma.qr_payload).code == "return_opened"
    assert station.state.rma == rma.rma
    with engine.connect() as conn:
        assert conn.execute(text("select status from return_authorizations")).scalar() == "received"


def test_an_order_that_has_not_shipped_cannot_be_returned(db, repo):
    station = bench(repo)
    station.scan("PS:BADGE:P-1001")
    assert station.scan("1002").code == "order_not_shipped"  # seed_small's orders are open
    assert station.scan("9999").code == "unknown_return"


def test_a_crash_mid_return_resumes_with_every_acknowledged_scan(db):
    """GIVEN a return with one unit recorded and one graded  WHEN the bench restarts (new connections)
    THEN it stands where it stood, and finishing it records the second unit once"""
    engine, sessions = db
    ship_order(sessions, "2005", [("SOCK-M", 2)])
    first_repo = ReturnsRepository(engine)
    first = bench(first_repo)
    first.scan("PS:BADGE:P-1001")
    first.scan("2005")
    for scan in (SOCKS_GTIN, "PS:GRADE:RESELLABLE", "PS:CMD:CONFIRM", SOCKS_GTIN, "PS:GRADE:RESELLABLE"):
        first.scan(scan)
    before = first.state
    first_repo.close()  # the "crash": nothing in memory survives

    repo = ReturnsRepository(engine)
    again = bench(repo)
    assert again.state == before and again.state.phase is ReturnPhase.DISPOSING
    assert again.scan("PS:CMD:CONFIRM").code == "item_returned"
    assert again.scan("PS:CMD:COMPLETE").code == "return_closed"
    assert stock(engine, "SOCK-M") == {"A-01-1": 2}
    repo.close()


def test_undo_at_the_bench_takes_the_unit_back_out_of_stock(db, repo):
    engine, sessions = db
    ship_order(sessions, "2006", [("MUG-1", 1)])
    station = bench(repo)
    station.scan("PS:BADGE:P-1001")
    station.scan("2006")
    station.scan(MUG_GTIN)
    station.scan("PS:GRADE:RESELLABLE")
    station.scan("PS:CMD:CONFIRM")
    assert stock(engine, "MUG-1") == {"B-01-1": 1}
    assert station.scan("PS:CMD:UNDO").code == "item_removed"
    assert stock(engine, "MUG-1") == {"B-01-1": 0}
    with engine.connect() as conn:
        assert [m["reason"] for m in movements_of(conn, "MUG-1")] == ["return_restock", "return_undo"]
        assert conn.execute(select(ReturnItem.removed)).scalar() is True


def test_a_quarantined_unit_released_by_a_supervisor_counts_as_restocked(db, repo):
    """GIVEN a mug returned with missing parts (to quarantine) at the bench's NOW
    WHEN a supervisor releases it to a sellable bin two hours later (the app's clock)
    THEN it counts as restocked, two hours after receipt, and cannot be released twice"""
    engine, sessions = db
    ship_order(sessions, "2007", [("MUG-1", 1)])
    station = bench(repo)
    for scan in ("PS:BADGE:P-1001", "2007", MUG_GTIN, "PS:GRADE:MISSING-PARTS", "PS:CMD:CONFIRM",
                 "PS:CMD:COMPLETE"):
        station.scan(scan)
    with clock.frozen(NOW + timedelta(hours=2)):
        repo.release_from_quarantine("2007-R1", 1, "b-01-1", SAM)
    assert stock(engine, "MUG-1") == {"QUARANTINE": 0, "B-01-1": 1}
    with pytest.raises(ValueError, match="not in quarantine"):
        repo.release_from_quarantine("2007-R1", 1, "B-01-1", SAM)
    with engine.connect() as conn:
        times = restock_times(conn, NOW, NOW + timedelta(days=1))
    assert (times.units, times.median_hours) == (1, 2.0)


def test_return_rate_by_sku_and_reason(db, repo):
    """GIVEN 4 socks and 2 mugs shipped (stock booked)  WHEN 1 sock and 1 mug come back
    THEN the rates are 25% and 50%, with their grade and reason"""
    engine, sessions = db
    ship_order(sessions, "2008", [("SOCK-M", 4), ("MUG-1", 2)])
    with engine.begin() as conn:
        record_shipment(conn, "2008")
    station = bench(repo)
    for scan in ("PS:BADGE:P-1001", "2008", SOCKS_GTIN, "PS:GRADE:RESELLABLE:WRONG_SIZE", "PS:CMD:CONFIRM",
                 MUG_GTIN, "PS:GRADE:DAMAGED:DEFECTIVE", "PS:DISPOSE:DISPOSE", "PS:CMD:COMPLETE"):
        station.scan(scan)
    with engine.connect() as conn:
        now = clock.now()
        rates = {r.sku: r for r in return_rates(conn, now - timedelta(hours=1), now + timedelta(hours=1))}
    assert (rates["SOCK-M"].shipped, rates["SOCK-M"].returned, rates["SOCK-M"].rate) == (4, 1, 0.25)
    assert rates["MUG-1"].rate == 0.5 and rates["MUG-1"].reasons == {"damaged/defective": 1}
    assert rates["SOCK-M"].reasons == {"resellable/wrong_size": 1}
