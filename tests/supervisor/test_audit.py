"""Finding an order by anything on it, and reading its whole story."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, update

from app.store.models import Order, PackedSerial, Parcel
from app.supervisor.service import StatsService


@pytest.fixture
def tracked(engine):
    with engine.begin() as conn:
        order_id = conn.execute(Order.__table__.select().where(Order.number == "1011")).first().id
        conn.execute(update(Parcel).where(Parcel.order_id == order_id).values(
            tracking_number="1Z999AA10123456784", photo_ref="photos/1011/box-1.jpg"))
    return StatsService(engine)


@pytest.mark.parametrize("text, kind, numbers, matched", [
    ("1011", "auto", ["1011"], "order"),
    ("101", "order", ["1011", "1010"], "order"),
    ("1Z999AA10123456784", "auto", ["1011"], "tracking"),
    ("SN-0001", "auto", ["1003"], "serial"),
    ("MUG-1", "sku", None, "sku"),
    ("priya", "auto", ["1011", "1003"], "packer"),
    ("P-1001", "packer", ["1010", "1005", "1004", "1002", "1001"], "packer"),
])
def test_an_order_is_found_by_number_tracking_serial_sku_or_packer(tracked, text, kind, numbers, matched):
    hits = tracked.search(text, kind)
    assert hits and {h.matched_by for h in hits} == {matched}
    if numbers is not None:
        assert [h.number for h in hits] == numbers  # most recent activity first
    else:
        assert {h.number for h in hits} >= {"1002", "1004", "1010"}


def test_a_serial_freed_again_is_still_found_in_the_log(tracked, engine):
    with engine.begin() as conn:
        conn.execute(delete(PackedSerial).where(PackedSerial.serial == "SN-0002"))
    assert [h.number for h in tracked.search("SN-0002")] == ["1003"]


def test_nothing_found_is_an_empty_answer(tracked):
    assert tracked.search("no-such-thing") == [] and tracked.search("   ") == []


def test_an_orders_history_has_every_scan_override_print_weight_and_photo(tracked):
    """GIVEN order 1011 (shipped short with a supervisor's approval, then its label voided)
    THEN its history tells each step with time, station and packer."""
    history = tracked.history("1011")
    assert history is not None and history.status == "open"  # voided: back to the queue
    lines = [(e.station, e.packer, e.type, e.text) for e in history.events]
    assert lines[0] == ("BENCH-2", "Priya Patel", "order_opened", "Order opened")
    texts = [text for *_, text in lines]
    assert "Packed 1× SOCK-M into box 1" in texts
    assert "Items missing: 1× SOCK-M" in texts
    assert "Supervisor Sam Supervisor approved shipping short" in texts
    # The bench weighs nothing (weighing off): the record says so, never "weighed" the expected weight.
    assert any(t.startswith("Box 1 not weighed (weighing is off; expected 0.") for t in texts)
    assert not any(t.startswith("Box 1 weighed") for t in texts)
    assert "Order packed in 1 box" in texts and "Labels voided (box 1)" in texts
    levels = {e.type: e.level for e in history.events}
    assert (levels["verification_failed"], levels["override_granted"], levels["order_packed"]) == (
        "alert", "warn", "ok")
    assert [e.at for e in history.events] == sorted(e.at for e in history.events)
    parcel = history.parcels[0]
    assert (parcel.box, parcel.tracking, parcel.photo_ref, parcel.station) == (
        1, "1Z999AA10123456784", "photos/1011/box-1.jpg", "BENCH-2")
    assert {p.document for p in history.prints} == {"label", "slip"}
    assert history.lines == [(1, "SOCK-M", "Merino socks M", 2)]


def test_scans_refused_while_an_order_was_open_are_in_its_history(tracked):
    history = tracked.history("1002")
    refused = [e for e in history.events if e.type == "scan_rejected"]
    assert len(refused) == 1 and refused[0].level == "warn" and "PHONE-9" in refused[0].text


def test_an_unknown_order_has_no_history(tracked):
    assert tracked.history("nope") is None
