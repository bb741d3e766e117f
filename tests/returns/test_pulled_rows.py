"""Other stations' stock movements and return events, as app.sync.ledgers hands them to the store.

The central round trip is tested against PostgreSQL in tests/central/test_warehouse_ledgers.py;
these pin the store's side on SQLite: counted once, no stock moved twice, bad rows contained."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest

from app.domain.inventory import Movement
from app.domain.returns import Disposition, Grade, ReturnedItem
from app.store.inventory import StockReader, apply_pulled_movements
from app.store.returns import PulledReturnEvent
from tests.returns.conftest import NOW, ship_order


def movement(sku: str, bin_name: str, delta: int, central_id: int, **kw) -> Movement:
    values = {"uuid": str(uuid.uuid4()), "station": "S02", "sku": sku, "bin": bin_name, "delta": delta,
              "reason": "receipt", "reference": "PO-7", "note": "", "user_name": "Sam Supervisor", "negative": False,
              "at": NOW, "central_id": central_id, **kw}
    return Movement(**values)


def event(kind: str, data: dict, central_id: int, return_id: str | None = None) -> PulledReturnEvent:
    return PulledReturnEvent(str(uuid.uuid4()), "S02", return_id, kind, data, "Alex Packer", NOW, central_id)


def test_pulled_movements_join_the_levels_once_and_name_the_local_user(db):
    engine, _ = db
    rows = [movement("SOCK-M", "A-01-1", 5, 1), movement("SOCK-M", "A-01-1", -2, 2), movement("MUG-1", "B-01-1", 3, 3)]
    with engine.begin() as conn:
        assert apply_pulled_movements(conn, rows) == 3
        assert apply_pulled_movements(conn, rows) == 0  # the same batch read again: nothing twice
        users = conn.exec_driver_sql("SELECT DISTINCT user_id FROM stock_movements").all()
    reader = StockReader(engine)
    try:
        assert reader.stock("SOCK-M").bins == {"A-01-1": 3} and reader.stock("MUG-1").bins == {"B-01-1": 3}
    finally:
        reader.close()
    assert users == [(2,)]  # "Sam Supervisor" is user 2 here, whatever id S02 gave him


def test_a_pulled_return_is_projected_without_moving_stock_and_a_bad_event_is_kept_but_contained(db, repo):
    """GIVEN S02 issued an RMA, opened a return of order 2001, restocked a mug, and one event is garbage
    THEN here the RMA opens the order, the return and its unit are listed, stock is untouched (S02's
    stock movements come on their own), the garbage event is in the log but projected nowhere"""
    engine, sessions = db
    ship_order(sessions, "2001", [("MUG-1", 1), ("SOCK-M", 1)])
    return_id = str(uuid.uuid4())
    item = ReturnedItem(1, "MUG-1", Grade.RESELLABLE, "", Disposition.RESTOCK, "B-01-1").as_data()
    events = [
        event("rma_issued", {"rma": "RMA-000042", "order": "2001", "token": "7K3QZ8M2XA", "reason": "too big"}, 10),
        event("return_opened", {"number": "2001-R1", "rma": "RMA-000042", "late": False,
                                "received_at": (NOW - timedelta(hours=1)).isoformat(),
                                "order": {"number": "2001"}}, 11, return_id),
        event("return_item_recorded", {"number": "2001-R1", "nonsense": True}, 12, return_id),  # unreadable
        event("return_item_recorded", {"number": "2001-R1", **item}, 13, return_id),
        event("return_closed", {"number": "2001-R1"}, 14, return_id),
    ]
    assert repo.apply_pulled(events) == 5
    assert repo.apply_pulled(events) == 0

    found = repo.lookup("PS:RETURN:2001:7K3QZ8M2XA")
    assert (found.order_number, found.rma, found.problem) == ("2001", "RMA-000042", None)
    (ret,) = repo.returns()
    assert (ret["number"], ret["station"], ret["status"], ret["rma"]) == ("2001-R1", "S02", "closed", "RMA-000042")
    assert [(i.sku, i.bin) for i in repo.items_of("2001-R1")] == [("MUG-1", "B-01-1")]
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM stock_movements").scalar() == 0
        assert conn.exec_driver_sql("SELECT count(*) FROM return_events WHERE central_id IS NOT NULL").scalar() == 5
        assert conn.exec_driver_sql("SELECT status FROM return_authorizations").all() == [("received",)]
    assert repo.refunds_since(0) == []  # S02 reports its own refunds to the order source


def test_an_rma_number_the_order_source_gives_twice_is_refused(db, repo):
    _, sessions = db
    ship_order(sessions, "2002", [("MUG-1", 1)])
    repo.issue_rma("2002", rma="SHOP-RMA-9")
    with pytest.raises(ValueError, match="SHOP-RMA-9 is already an RMA"):
        repo.issue_rma("2002", rma="shop-rma-9")
