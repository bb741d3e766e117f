"""The holds queue and what a supervisor decides about it: every decision is a pack event with
who, what and why, and changes the order in the same transaction."""

from __future__ import annotations

import json
import uuid
from datetime import datetime

import pytest
from sqlalchemy import insert, select, update

from app.store.models import Order, PackedSerial, PackEvent, Product
from app.supervisor import holds
from app.supervisor.actions import ActionError, Actor, resolve_conflict, resolve_hold

SAM = Actor(2, "Sam Supervisor")


def add_event(engine, number: str, kind: str, data: dict, station: str = "BENCH-2") -> int:
    with engine.begin() as conn:
        order_id = conn.execute(select(Order.id).where(Order.number == number)).scalar_one()
        return conn.execute(insert(PackEvent.__table__).values(
            uuid=str(uuid.uuid4()), station=station, packer_id=3, order_id=order_id, type=kind,
            payload=json.dumps(data), at=datetime(2026, 11, 25, 9, 0))).inserted_primary_key[0]


def queue(engine) -> list[holds.HoldItem]:
    with engine.connect() as conn:
        return holds.queue(conn)


def status(engine, number: str) -> tuple[str, str]:
    with engine.connect() as conn:
        return tuple(conn.execute(select(Order.status, Order.hold_reason).where(Order.number == number)).one())


def events(engine, kind: str) -> list[dict]:
    with engine.connect() as conn:
        return [json.loads(p) for p in conn.execute(select(PackEvent.payload).where(PackEvent.type == kind))
                .scalars()]


@pytest.fixture
def weight_hold(engine):
    """Order 1001 reopened on BENCH-2, weighed out of tolerance, then held by the packer."""
    with engine.begin() as conn:
        conn.execute(update(Order).where(Order.number == "1001").values(status="held", hold_reason="held"))
    add_event(engine, "1001", "order_opened", {"number": "1001"})
    add_event(engine, "1001", "weight_recorded", {"box": 1, "grams": 500, "expected": 100, "allowance": 30,
                                                  "within": False, "source": "scale"})
    add_event(engine, "1001", "order_held", {"number": "1001", "reason": "held", "missing": {}})
    return engine


def test_the_queue_shows_short_picks_and_weight_mismatches_with_what_is_missing(weight_hold):
    items = {i.number: i for i in queue(weight_hold)}
    assert set(items) == {"1005", "1001"}
    short = items["1005"]
    assert (short.title, short.detail, short.station, short.packer) == (
        "Short pick", "missing 6× SOCK-M", "BENCH-1", "Alex Packer")
    assert items["1001"].title == "Weight mismatch"
    assert "weighed 500 g, expected 100 g" in items["1001"].detail


def test_releasing_a_hold_records_who_and_why_reopens_the_order_and_frees_its_serials(engine):
    with engine.begin() as conn:
        phone = conn.execute(select(Product.id).where(Product.sku == "PHONE-9")).scalar_one()
        order = conn.execute(select(Order.id).where(Order.number == "1005")).scalar_one()
        conn.execute(insert(PackedSerial.__table__).values(product_id=phone, serial="SN-X", order_id=order,
                                                           event_uuid="e"))
    assert resolve_hold(engine, "1005", "release", "  replacement socks picked  ", SAM, console="SUP-T") == "open"
    assert status(engine, "1005") == ("open", "")
    assert events(engine, "hold_resolved") == [{"number": "1005", "action": "release",
                                                "reason": "replacement socks picked", "by": 2,
                                                "name": "Sam Supervisor"}]
    with engine.connect() as conn:
        assert conn.execute(select(PackedSerial.id).where(PackedSerial.order_id == order)).first() is None
    assert queue(engine) == []


def test_reassigning_names_the_bench_and_cancelling_stops_the_order(engine):
    resolve_hold(engine, "1005", "reassign", "experienced packer", SAM, console="SUP-T", to="BENCH-2")
    assert events(engine, "hold_resolved")[-1]["to"] == "BENCH-2"
    with engine.begin() as conn:
        conn.execute(update(Order).where(Order.number == "1005").values(status="held"))
    assert resolve_hold(engine, "1005", "cancel", "customer cancelled by phone", SAM, console="SUP-T") == "cancelled"
    assert status(engine, "1005")[0] == "cancelled"


@pytest.mark.parametrize("number, action, reason, to, problem", [
    ("1005", "release", "", None, "reason"),
    ("1005", "reassign", "busy bench", None, "who or which bench"),
    ("1002", "release", "just because", None, "not on hold"),
    ("9999", "release", "just because", None, "No order"),
    ("1005", "ship", "just because", None, "action must be"),
])
def test_a_decision_without_a_reason_or_on_the_wrong_order_is_refused_and_not_recorded(engine, number, action,
                                                                                         reason, to, problem):
    with pytest.raises(ActionError, match=problem):
        resolve_hold(engine, number, action, reason, SAM, console="SUP-T", to=to)
    assert events(engine, "hold_resolved") == []
    assert status(engine, "1005")[0] == "held"


def test_a_sync_conflict_waits_in_the_queue_until_a_supervisor_closes_it(engine):
    seq = add_event(engine, "1004", "sync_conflict", {"order": "1004", "kind": "claimed_twice", "detail": "two "
                                                      "stations packed it", "other_station": "BENCH-1"})
    conflict = next(i for i in queue(engine) if i.kind == "conflict")
    assert (conflict.number, conflict.seq, conflict.title) == ("1004", seq, "Sync conflict: claimed twice")
    with pytest.raises(ActionError, match="already packed"):
        resolve_conflict(engine, seq, "release", "packed twice", SAM, console="SUP-T")
    assert resolve_conflict(engine, seq, "acknowledge", "one parcel stopped at the dock", SAM,
                            console="SUP-T") is None
    assert [i.kind for i in queue(engine)] == ["hold"]
    assert events(engine, "conflict_resolved")[0]["conflict_seq"] == seq


def test_supervisor_events_never_count_in_the_productivity_figures(service, engine):
    from datetime import timedelta

    from app.supervisor.periods import Period
    from tests.supervisor.scenario import DAY

    before = service.productivity(Period(DAY, DAY + timedelta(days=1)), "station")
    resolve_hold(engine, "1005", "release", "fixed", SAM, console="SUP-T")
    after = service.productivity(Period(DAY, DAY + timedelta(days=1)), "station")
    assert [f.name for f in after.rows] == [f.name for f in before.rows]
    assert after.total == before.total
