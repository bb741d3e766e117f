"""No station stalls the others (issue 18, item 4).

Stations pull order changes below the oldest running transaction (app/sync/pull.py), so one
transaction held open hides every order imported after it from every station. A station's role
can switch its own idle-in-transaction limit off; the central database's watchdog
(ps_end_stale_station_transactions, c0007_guard), swept by every station's sync worker every
WATCHDOG_EVERY_S, ends such transactions whatever the session set. The documented bound
(docs/central.md): a new order reaches every other station within 30 s of its import however a
station holds its transaction (idle in it: 5 s + the sweep; running in it: 15 s + the sweep).
"""

from __future__ import annotations

import threading
import time

import psycopg
import pytest

from app.sync.pg import connect
from app.sync.worker import WATCHDOG_EVERY_S

BOUND_S = 30.0  # docs/central.md, "One station cannot stall the others"


def _import_order(central, number: str) -> float:
    """An order arrives at the central database (as `central import` writes one); returns when it committed."""
    with central.connect() as conn:
        conn.execute("INSERT INTO orders (number, channel, ship_to_name, ship_to_country) "
                     "VALUES (%s, 'Shopify', 'Jürgen Groß', 'DE')", (number,))
        conn.execute("INSERT INTO order_lines (order_id, line_no, product_id, quantity) "
                     "SELECT o.id, 1, p.id, 1 FROM orders o, products p WHERE o.number = %s AND p.sku = 'SKU-00001'",
                     (number,))
    return time.monotonic()


def _seen_after(station, number: str, since: float, timeout: float) -> float:
    while time.monotonic() - since < timeout:
        if station.local("SELECT 1 FROM orders WHERE number = :n", {"n": number}):
            return time.monotonic() - since
        time.sleep(0.05)
    pytest.fail(f"{station.name} did not see order {number} within {timeout:.0f} s")


def _stall(central, station: str, number: str):
    """A station's own connection that switches its limits off, writes (taking a transaction id,
    which holds back every station's pull horizon) and keeps the transaction open."""
    conn = connect(central.settings(station), purpose="stall")
    conn.execute("SET idle_in_transaction_session_timeout = 0")
    conn.execute("SET statement_timeout = 0")
    conn.autocommit = False
    granted = conn.execute("SELECT granted FROM ps_claim(%s, 60)", (number,)).fetchone()[0]
    assert granted
    horizon, mine = conn.execute("SELECT pg_snapshot_xmin(pg_current_snapshot())::text, "
                                 "pg_current_xact_id()::text").fetchone()
    assert horizon == mine  # this transaction now is the horizon every station pulls below
    return conn


def test_a_station_idle_in_a_transaction_with_its_limit_off_is_ended_and_the_others_see_new_orders(
        central, make_station):
    """GIVEN S01 switches off its idle-in-transaction limit, writes, and leaves its transaction open
    WHEN an order is imported while S02 is running
    THEN the central database ends S01's transaction (S02's sweep) and S02 sees the order within
    the documented bound; it was hidden while S01's transaction stood (about the 5 s idle limit)."""
    (claimed, *_) = central.seed(orders=2)
    s2 = make_station("S02")
    s2.sync()
    s2.central.start()
    staller = _stall(central, "S01", claimed)
    try:
        committed = _import_order(central, "NEW-7001")
        took = _seen_after(s2, "NEW-7001", committed, BOUND_S)
        print(f"\norder hidden by an idle station transaction for {took:.1f} s (bound {BOUND_S:.0f} s)")
        assert took >= 3.0, "the order was not held back: the stall did not happen"
        with pytest.raises(psycopg.OperationalError):
            staller.execute("SELECT 1")  # S01's transaction was ended from the server side
        assert s2.central.worker.ended_transactions >= 1
        assert central.value("SELECT count(*) FROM claims") == 0  # its uncommitted claim went with it
    finally:
        staller.close()


def test_a_station_running_one_endless_transaction_is_ended_too(central, make_station):
    """GIVEN the transaction limit set to 6 s for this warehouse (meta.station_transaction_s)
    WHEN S01 runs a statement that never ends inside a transaction that wrote (statement timeout off)
    THEN it is ended after about 6 s + one sweep, and S02 sees an order imported meanwhile;
    S01 cannot raise the limit for itself."""
    (claimed, *_) = central.seed(orders=2)
    central.rows("UPDATE meta SET value = '6' WHERE key = 'station_transaction_s'")
    s2 = make_station("S02")
    s2.sync()
    s2.central.start()
    staller = _stall(central, "S01", claimed)
    with connect(central.settings("S01"), purpose="test") as other, \
            pytest.raises(psycopg.errors.InsufficientPrivilege):
        other.execute("UPDATE meta SET value = '100000' WHERE key = 'station_transaction_s'")
    failure: list[BaseException] = []

    def sleep_forever() -> None:
        try:
            staller.execute("SELECT pg_sleep(120)")
        except BaseException as exc:  # noqa: BLE001 - the test reads it below
            failure.append(exc)

    sleeper = threading.Thread(target=sleep_forever, daemon=True)
    sleeper.start()
    try:
        committed = _import_order(central, "NEW-7002")
        took = _seen_after(s2, "NEW-7002", committed, 6 + WATCHDOG_EVERY_S + 5)
        print(f"\norder hidden by a running station transaction for {took:.1f} s (limit set to 6 s)")
        sleeper.join(10)
        assert failure and isinstance(failure[0], psycopg.OperationalError)
    finally:
        staller.close()


def test_the_sweep_leaves_short_station_transactions_alone(central, make_station):
    """GIVEN two stations packing normally (their transactions last milliseconds)
    WHEN their workers sweep many times
    THEN no transaction of theirs is ended."""
    numbers = central.seed(orders=4)
    s1, s2 = make_station("S01"), make_station("S02")
    for station in (s1, s2):
        station.sync()
        station.sign_in()
        station.central.start()
    assert s1.pack(numbers[0]) == "order_packed"
    assert s2.pack(numbers[1]) == "order_packed"
    deadline = time.monotonic() + WATCHDOG_EVERY_S * 2 + 1
    while time.monotonic() < deadline:
        with connect(central.settings("S01"), purpose="test") as conn:
            assert conn.execute("SELECT count(*) FROM ps_end_stale_station_transactions()").fetchone()[0] == 0
        time.sleep(0.5)
    assert s1.central.flush(timeout_s=10) and s2.central.flush(timeout_s=10)
    assert s1.central.worker.ended_transactions == s2.central.worker.ended_transactions == 0
    assert s1.central.link.online and s2.central.link.online
