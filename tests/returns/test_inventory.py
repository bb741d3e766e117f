"""Stock per SKU per bin: every change a movement; shipments, adjustments, cycle counts, the export."""

from __future__ import annotations

import io

import pytest
from sqlalchemy import func, select, text

from app.domain.inventory import (
    InventoryRules,
    NegativeStock,
    NegativeStockError,
    NotSupervisor,
    Take,
    Variance,
    accuracy,
    plan_take,
)
from app.store.inventory import (
    LEVELS,
    MOVES,
    CountError,
    adjust,
    approve_count,
    count_item,
    count_sheet,
    export_stock_changes,
    finish_count,
    inventory_accuracy,
    levels_of,
    negative_levels,
    receive,
    reconcile_shipments,
    record_shipment,
    recount,
    reverse_shipment,
    start_count,
    transfer,
)
from tests.returns.conftest import ALEX, SAM, ship_order


def test_a_shipment_takes_from_the_primary_bin_first_then_the_fullest_overflow():
    levels = {"A-01-1": 3, "R-01-1": 5, "R-02-1": 9, "QUARANTINE": 50}
    takes, negative = plan_take("SOCK-M", levels, 10, "A-01-1", NegativeStock.FLAG)
    assert takes == [Take("A-01-1", 3), Take("R-02-1", 7)] and not negative
    takes, negative = plan_take("SOCK-M", levels, 20, "A-01-1", NegativeStock.FLAG)
    assert takes == [Take("A-01-1", 6), Take("R-02-1", 9), Take("R-01-1", 5)] and negative  # primary goes to -3
    with pytest.raises(NegativeStockError):
        plan_take("SOCK-M", levels, 20, "A-01-1", NegativeStock.REFUSE)


def test_adjustments_need_a_reason_and_may_not_take_a_bin_below_zero(db):
    engine, _ = db
    with engine.begin() as conn:
        receive(conn, "SOCK-M", "A-01-1", 5, user_id=ALEX.id, reference="PO-1")
        assert adjust(conn, "SOCK-M", "A-01-1", -2, note="found torn", user_id=ALEX.id).on_hand == 3
        with pytest.raises(ValueError, match="reason"):
            adjust(conn, "SOCK-M", "A-01-1", -1, note=" ", user_id=ALEX.id)
        with pytest.raises(NegativeStockError):
            adjust(conn, "SOCK-M", "A-01-1", -4, note="?", user_id=ALEX.id)
        allowed = InventoryRules(on_adjustment=NegativeStock.FLAG)
        flagged = adjust(conn, "SOCK-M", "A-01-1", -4, note="sold at the counter", user_id=ALEX.id, rules=allowed)
        assert flagged.negative and flagged.on_hand == -1
        assert negative_levels(conn) == [("SOCK-M", "A-01-1", -1)]
        with pytest.raises(NegativeStockError):  # nothing to move out of a bin below zero
            transfer(conn, "SOCK-M", "A-01-1", "R-01-1", 1, user_id=ALEX.id)
        receive(conn, "SOCK-M", "R-01-1", 1, user_id=ALEX.id)
        transfer(conn, "SOCK-M", "R-01-1", "A-01-1", 1, user_id=ALEX.id, note="overflow")
        assert levels_of(conn, "SOCK-M") == {"A-01-1": 0, "R-01-1": 0}
        rows = conn.execute(select(MOVES.c.reason, MOVES.c.delta, MOVES.c.note, MOVES.c.user_id, MOVES.c.reference)
                            .order_by(MOVES.c.id)).all()
    assert [tuple(r) for r in rows] == [("receipt", 5, "", 1, "PO-1"), ("adjustment", -2, "found torn", 1, ""),
                                        ("adjustment", -4, "sold at the counter", 1, ""),
                                        ("receipt", 1, "", 1, ""), ("transfer", -1, "overflow", 1, ""),
                                        ("transfer", 1, "overflow", 1, "")]


def test_a_shipment_is_booked_once_flagged_when_short_and_put_back_when_voided(db):
    """GIVEN 2 mugs in B-01-1 and an order that shipped 3
    WHEN its shipment is booked twice, then its labels are voided
    THEN the bin went to -1 (flagged) exactly once, and the void puts all 3 back"""
    engine, sessions = db
    ship_order(sessions, "3001", [("MUG-1", 3)])
    with engine.begin() as conn:
        receive(conn, "MUG-1", "B-01-1", 2, user_id=None)
        first = record_shipment(conn, "3001", station="BENCH-1")
        assert [(m.bin, m.delta, m.negative) for m in first.moved] == [("B-01-1", -3, True)]
        assert record_shipment(conn, "3001").already_recorded
        assert reconcile_shipments(conn) == 0
        reverse_shipment(conn, "3001")
        assert levels_of(conn, "MUG-1") == {"B-01-1": 2}
        assert record_shipment(conn, "3001").moved  # packed again after the void: booked again


def test_reconcile_books_packed_orders_whose_shipment_was_never_booked(db):
    engine, sessions = db
    ship_order(sessions, "3002", [("SOCK-M", 2)])
    ship_order(sessions, "3003", [("MUG-1", 1)])
    with engine.begin() as conn:
        assert reconcile_shipments(conn) == 2
        assert reconcile_shipments(conn) == 0
        assert levels_of(conn, "SOCK-M") == {"A-01-1": -2}


def test_a_cycle_count_with_a_variance_is_approved_by_a_supervisor(db):
    """GIVEN A-01-1 holds 10 socks and 4 mugs on record
    WHEN the counter finds 8 socks, 4 mugs and a hat, and a supervisor approves
    THEN socks -2 and hat +1 are booked as cycle_count movements by the supervisor"""
    engine, _ = db
    with engine.begin() as conn:
        receive(conn, "SOCK-M", "A-01-1", 10, user_id=None)
        receive(conn, "MUG-1", "A-01-1", 4, user_id=None)
        count_id = start_count(conn, "a-01-1", user_id=ALEX.id)
        with pytest.raises(CountError, match="already being counted"):
            start_count(conn, "A-01-1", user_id=ALEX.id)
        for _ in range(8):
            count_item(conn, count_id, "SOCK-M")
        count_item(conn, count_id, "MUG-1", 4)
        count_item(conn, count_id, "HAT-1")
        sheet = finish_count(conn, count_id)
        assert sheet.discrepancies() == (Variance("HAT-1", 0, 1), Variance("SOCK-M", 10, 8))
        with pytest.raises(NotSupervisor):
            approve_count(conn, count_id, ALEX)
        booked = approve_count(conn, count_id, SAM)
        assert [(v.sku, v.delta) for v in booked] == [("HAT-1", 1), ("SOCK-M", -2)]
        assert levels_of(conn, "SOCK-M") == {"A-01-1": 8} and levels_of(conn, "HAT-1") == {"A-01-1": 1}
        users = conn.execute(select(MOVES.c.user_id).where(MOVES.c.reason == "cycle_count")).scalars().all()
        assert users == [SAM.id, SAM.id]
        with pytest.raises(CountError):
            count_item(conn, count_id, "SOCK-M")
        acc = inventory_accuracy(conn)
    assert (acc.lines, acc.lines_right, acc.units_off) == (3, 1, 3)


def test_a_doubtful_count_is_recounted_and_only_the_recount_is_booked(db):
    """GIVEN 12 mugs on record in B-01-1  WHEN the first count finds 2 and the supervisor asks a recount
    that finds 12  THEN nothing is booked, and accuracy counts the recount (all right)"""
    engine, _ = db
    with engine.begin() as conn:
        receive(conn, "MUG-1", "B-01-1", 12, user_id=None)
        count_id = start_count(conn, "B-01-1", user_id=ALEX.id)
        count_item(conn, count_id, "MUG-1", 2)
        assert finish_count(conn, count_id).discrepancies() == (Variance("MUG-1", 12, 2),)
        with pytest.raises(CountError, match="supervisor"):
            recount(conn, count_id, ALEX)
        assert recount(conn, count_id, SAM) == 2
        assert count_sheet(conn, count_id).counted == {}  # a fresh round
        count_item(conn, count_id, "MUG-1", 12)
        assert finish_count(conn, count_id).discrepancies() == ()
        assert approve_count(conn, count_id, SAM) == []
        assert levels_of(conn, "MUG-1") == {"B-01-1": 12}
        acc = inventory_accuracy(conn)
    assert (acc.lines, acc.line_accuracy, acc.unit_accuracy) == (1, 1.0, 1.0)


def test_accuracy_counts_lines_right_and_units_off():
    acc = accuracy([Variance("A", 10, 10), Variance("B", 10, 7), Variance("C", 0, 1)])
    assert (acc.line_accuracy, acc.units_off, round(acc.unit_accuracy, 2)) == (1 / 3, 4, 0.8)


def test_stock_changes_are_exported_once_as_sku_and_available(db):
    """GIVEN socks in a sellable bin and in quarantine  WHEN exporting twice
    THEN the first export lists the SKUs changed with what may be sold, the second only new changes"""
    engine, _ = db
    with engine.begin() as conn:
        receive(conn, "SOCK-M", "A-01-1", 7, user_id=None)
        receive(conn, "SOCK-M", "QUARANTINE", 2, user_id=None)
        receive(conn, "MUG-1", "B-01-1", 1, user_id=None)
        first = io.StringIO()
        assert export_stock_changes(conn, first) == 2
        assert first.getvalue() == "sku,available\nMUG-1,1\nSOCK-M,7\n"
        adjust(conn, "MUG-1", "B-01-1", -1, note="broken", user_id=ALEX.id)
        second = io.StringIO()
        export_stock_changes(conn, second)
        assert second.getvalue() == "sku,available\nMUG-1,0\n"
        empty = io.StringIO()
        assert export_stock_changes(conn, empty) == 0 and empty.getvalue() == "sku,available\n"


def test_movements_are_append_only_and_levels_are_their_sums(db):
    engine, _ = db
    with engine.begin() as conn:
        receive(conn, "SOCK-M", "A-01-1", 3, user_id=None)
    with pytest.raises(Exception, match="append-only"), engine.begin() as conn:
        conn.execute(text("update stock_movements set delta = 300"))
    with pytest.raises(Exception, match="append-only"), engine.begin() as conn:
        conn.execute(text("delete from stock_movements"))
    with engine.connect() as conn:
        assert conn.execute(select(func.sum(MOVES.c.delta))).scalar() == conn.execute(
            select(func.sum(LEVELS.c.on_hand))).scalar() == 3


def test_a_bin_the_records_took_below_zero_lowers_accuracy_instead_of_raising_it():
    from app.domain.inventory import Variance, accuracy

    acc = accuracy([Variance("SKU-1", -2, 0)])  # the records said -2, the counter found none
    assert (acc.units_expected, acc.units_off, acc.unit_accuracy) == (2, 2, 0.0)
