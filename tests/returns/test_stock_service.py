"""Stock views and bookings through their application service (app.returns.stock), with no window:
what the returns bench shows and what `packstation stock` books are the same calls."""

from __future__ import annotations

import io

import pytest

from app.domain.inventory import MovementReason, NegativeStock
from app.domain.returns import Disposition, Grade, ReturnedItem
from app.returns.stock import StockService
from app.store.inventory import levels_of, move
from tests.returns.conftest import ALEX, ship_order


@pytest.fixture
def stock(db):
    service = StockService(db[0], station="BENCH-1")
    yield service
    service.close()


def test_a_badge_names_an_active_user_and_an_unknown_badge_nobody(stock):
    """GIVEN the catalogue's people WHEN a badge is looked up (in any case) THEN its active user, else None"""
    assert stock.user_by_badge("p-1001") == ALEX
    assert stock.user_by_badge("NOBODY") is None


def test_receive_adjust_and_move_book_in_their_own_transactions_and_show_per_bin(stock, db):
    """GIVEN no stock of SOCK-M
    WHEN 10 are received into A-01-1, 2 adjusted away and 3 moved to R-01-1
    THEN each booking is committed (another connection sees it) and `show` says per bin and in total"""
    moved = stock.receive("SOCK-M", "A-01-1", 10, user=ALEX, reference="PO-7")
    assert (moved.bin, moved.on_hand) == ("A-01-1", 10)
    assert stock.adjust("SOCK-M", "A-01-1", -2, note="torn", user=ALEX).on_hand == 8
    out, into = stock.move("SOCK-M", "A-01-1", "R-01-1", 3, user=ALEX)
    assert (out.on_hand, into.on_hand) == (5, 3)
    with db[0].connect() as conn:
        assert levels_of(conn, "SOCK-M") == {"A-01-1": 5, "R-01-1": 3}
    shown = stock.show("SOCK-M", movements=True)
    assert (shown["bins"], shown["on_hand"], shown["available"]) == ({"A-01-1": 5, "R-01-1": 3}, 8, 8)
    assert [m["reason"] for m in shown["movements"]] == ["receipt", "adjustment", "transfer", "transfer"]
    assert all(isinstance(m["at"], str) for m in shown["movements"])  # JSON-ready, as the command prints it
    assert stock.levels(["SOCK-M", "HAT-1"]) == {"SOCK-M": {"A-01-1": 5, "R-01-1": 3}, "HAT-1": {}}


def test_refused_bookings_raise_as_before_and_book_nothing(stock):
    """GIVEN an empty bin WHEN an adjustment has no reason, or a restock no units THEN ValueError, nothing booked"""
    with pytest.raises(ValueError):
        stock.adjust("SOCK-M", "A-01-1", -1, note=" ", user=ALEX)
    with pytest.raises(ValueError):
        stock.receive("SOCK-M", "A-01-1", 0, user=ALEX)
    assert stock.stock("SOCK-M").bins == {}


def test_a_shipment_is_booked_once_voided_back_and_reconciled(stock, db):
    """GIVEN 5 mugs in B-01-1 and order 2001 shipped with 2 of them
    WHEN its shipment is booked twice, then voided
    THEN 2 come out once (the second booking says so), and the void puts them back"""
    stock.receive("MUG-1", "B-01-1", 5, user=ALEX)
    ship_order(db[1], "2001", [("MUG-1", 2)])
    first = stock.ship("2001")
    assert [(m.sku, m.bin, m.delta, m.on_hand) for m in first.moved] == [("MUG-1", "B-01-1", -2, 3)]
    assert stock.ship("2001").already_recorded
    assert [(m.delta, m.on_hand) for m in stock.void("2001")] == [(2, 5)]
    assert stock.reconcile() == 0  # the order is shipped, its shipment booked (and voided): nothing owed


def test_negative_bins_and_the_export_of_changed_skus(stock, db):
    """GIVEN a shipment that took HAT-1 below zero
    WHEN the negative bins are listed and the changes exported twice
    THEN the bin is listed, the first export lists the SKUs, the second (cursor moved) none"""
    stock.receive("SOCK-M", "A-01-1", 4, user=ALEX)
    with db[0].begin() as conn:
        move(conn, "HAT-1", "A-02-1", -1, MovementReason.SHIPMENT, policy=NegativeStock.FLAG, reference="2002")
    assert stock.negative() == [("HAT-1", "A-02-1", -1)]
    out = io.StringIO()
    assert stock.export_changes(out) == 2
    assert out.getvalue().splitlines()[0] == "sku,available"
    assert stock.export_changes(io.StringIO()) == 0


def test_closed_return_says_what_the_return_moved_per_bin_and_what_became_sellable(stock):
    """GIVEN 3 mugs in B-01-1 and a return RET-9 that put 1 mug back into B-01-1 and 1 into quarantine
    WHEN the closed return is read
    THEN per bin: before and after; sellable: 3 -> 4 (quarantine is not sellable)"""
    stock.receive("MUG-1", "B-01-1", 3, user=ALEX)
    stock.receive("MUG-1", "B-01-1", 1, user=ALEX, reference="RET-9")
    stock.receive("MUG-1", "QUARANTINE", 1, user=ALEX, reference="RET-9")
    item = ReturnedItem(1, "MUG-1", Grade.RESELLABLE, "", Disposition.RESTOCK, "B-01-1")
    closed = stock.closed_return("RET-9", "2003", "closed", [item])
    assert (closed.number, closed.order, closed.status, closed.items) == ("RET-9", "2003", "closed", (item,))
    assert [(r.sku, r.bin, r.before, r.after, r.delta) for r in closed.stock] == [
        ("MUG-1", "B-01-1", 3, 4, 1), ("MUG-1", "QUARANTINE", 0, 1, 1)]
    assert closed.available == (("MUG-1", 3, 4),)
