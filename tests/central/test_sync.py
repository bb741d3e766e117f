"""Outbox and pull: events pushed once and in order; order changes pulled by change sequence."""

from __future__ import annotations

import uuid

from sqlalchemy import insert, update

from app.domain import clock
from app.store.models import PrintJob
from app.sync.local import PUSH_EVENTS, write_state, write_transaction


def _central_events(central, number=None):
    where, params = ("WHERE order_number = %s", (number,)) if number else ("", ())
    return central.rows(f"SELECT station, station_seq, type FROM pack_events {where} ORDER BY id", params)


def test_events_are_pushed_once_in_order_and_update_the_central_order(central, make_station):
    """GIVEN a station packed three orders WHEN it pushes, then forgets its cursor and pushes everything again
    THEN each event is in the central database exactly once, each order's in the station's order,
    the orders are packed, their claims released, their parcels recorded."""
    numbers = central.seed(orders=3)
    s1 = make_station("S01")
    s1.sync()
    s1.sign_in()
    assert [s1.pack(n) for n in numbers] == ["order_packed"] * 3
    s1.sync()
    local_count = s1.local("SELECT count(*) FROM pack_events")[0][0]
    assert central.value("SELECT count(*) FROM pack_events") == local_count
    with write_transaction(s1.engine) as conn:
        write_state(conn, PUSH_EVENTS, "0")
    s1.sync()
    assert central.value("SELECT count(*) FROM pack_events") == local_count
    for number in numbers:
        seqs = [seq for _, seq, _ in _central_events(central, number)]
        assert seqs == sorted(seqs)
    assert central.rows("SELECT DISTINCT status FROM orders") == [("packed",)]
    assert central.value("SELECT count(*) FROM claims") == 0
    assert central.value("SELECT count(*) FROM parcels WHERE status = 'labelled' AND tracking_number LIKE '1Z%%'") == 3


def test_new_orders_address_changes_and_cancellations_are_pulled(central, make_station):
    numbers = central.seed(orders=2)
    s1 = make_station("S01")
    s1.sync()
    assert s1.local("SELECT count(*) FROM orders")[0][0] == 2
    central.seed(orders=1, first=200001)
    central.rows("UPDATE orders SET ship_to_city = 'Athens' WHERE number = %s", (numbers[0],))
    central.rows("UPDATE orders SET status = 'cancelled' WHERE number = %s", (numbers[1],))
    s1.sync()
    rows = dict((n, (city, status, version)) for n, city, status, version in
                s1.local("SELECT number, ship_to_city, status, source_version FROM orders"))
    assert rows[numbers[0]][:2] == ("Athens", "open")
    assert rows[numbers[1]][1] == "cancelled"
    assert "200001" in rows
    central_versions = dict(central.rows("SELECT number, change_seq FROM orders"))
    assert {n: v for n, (_, _, v) in rows.items()} == central_versions


def test_a_change_whose_transaction_commits_late_is_not_skipped(central, make_station):
    """GIVEN transaction A changes order X (lower sequence number) and stays open while B changes Y and commits
    WHEN the station pulls before and after A commits THEN it ends with both changes: the cursor never
    passes a change still being written."""
    x, y = central.seed(orders=2)
    s1 = make_station("S01")
    s1.sync()
    a = central.connect()
    a.autocommit = False
    a.execute("UPDATE orders SET ship_to_city = 'Late' WHERE number = %s", (x,))
    central.rows("UPDATE orders SET ship_to_city = 'Early' WHERE number = %s", (y,))
    s1.sync()
    # Y's change is committed but sorts after A's open transaction: held back, not skipped past X.
    assert dict(s1.local("SELECT number, ship_to_city FROM orders")) == {x: "Town", y: "Town"}
    a.commit()
    a.close()
    s1.sync()
    assert dict(s1.local("SELECT number, ship_to_city FROM orders")) == {x: "Late", y: "Early"}
    seq_x, seq_y = (central.value("SELECT change_seq FROM orders WHERE number = %s", (n,)) for n in (x, y))
    assert seq_x < seq_y  # X's change has the lower number although it committed last


def test_an_order_cancelled_while_a_bench_packs_it_stops_the_packer(central, make_station):
    numbers = central.seed(orders=1)
    s1 = make_station("S01")
    s1.sync()
    s1.sign_in()
    assert s1.station().scan(numbers[0]).code == "order_opened"
    s1.sync()
    central.rows("UPDATE orders SET status = 'cancelled' WHERE number = %s", (numbers[0],))
    s1.sync()
    assert s1.changed.get_nowait() == numbers[0]
    outcome = s1.station().order_changed(numbers[0])
    assert outcome.code == "order_stopped"
    s1.sync()
    assert central.value("SELECT count(*) FROM claims") == 0
    assert central.value("SELECT status FROM orders") == "cancelled"
    assert central.value("SELECT count(*) FROM conflicts") == 0  # stopped in time: nothing to resolve


def test_cancelled_while_packed_offline_goes_to_the_supervisor_and_the_stations_log(central, make_station):
    """GIVEN a station packed an order whose events have not reached the central database
    WHEN the order is cancelled upstream and the events arrive later THEN the central conflicts
    table and the station's own log (a sync_conflict event) both show it; nothing is dropped."""
    (number, *_) = central.seed(orders=1)
    s1 = make_station("S01")
    s1.sync()
    s1.sign_in()
    assert s1.pack(number) == "order_packed"  # not pushed yet: no worker round ran
    central.rows("UPDATE orders SET status = 'cancelled' WHERE number = %s", (number,))
    s1.sync()
    s1.sync()
    assert central.rows("SELECT kind, order_number, station FROM conflicts") == [
        ("cancelled_while_packing", number, "S01")]
    local = s1.local("SELECT payload FROM pack_events WHERE type = 'sync_conflict'")
    assert len(local) == 1 and "cancelled_while_packing" in local[0][0]
    assert s1.local("SELECT status FROM orders WHERE number = :n", {"n": number}) == [("cancelled",)]


def test_an_order_packed_on_a_lease_another_station_took_over_is_a_conflict(central, make_station):
    (number, *_) = central.seed(orders=1)
    s1, s2 = make_station("S01"), make_station("S02")
    for s in (s1, s2):
        s.sync()
        s.sign_in()
    assert s1.station().scan(number).code == "order_opened"
    central.rows("UPDATE claims SET lease_until = now() - interval '1 second'")
    assert s2.claims.claim(number).granted  # S01's lease ran out (offline too long): S02 takes over
    assert s1.pack(number) == "order_packed"  # S01 never heard: it finishes the order it had open
    s1.sync()
    kinds = central.rows("SELECT kind, station, other_station FROM conflicts")
    assert ("claimed_elsewhere", "S01", "S02") in kinds


def test_lines_changed_upstream_while_packing_keep_the_benchs_lines_and_are_reported(central, make_station):
    (number, *_) = central.seed(orders=1)
    s1 = make_station("S01")
    s1.sync()
    s1.sign_in()
    assert s1.station().scan(number).code == "order_opened"
    s1.sync()
    before = s1.local("SELECT product_id, quantity FROM order_lines ORDER BY line_no")
    central.rows("UPDATE order_lines SET quantity = quantity + 5")
    central.rows("UPDATE orders SET updated_at = now()")
    s1.sync()
    s1.sync()
    assert s1.local("SELECT product_id, quantity FROM order_lines ORDER BY line_no") == before
    assert central.rows("SELECT kind FROM conflicts") == [("lines_changed_while_packing",)]


def test_print_jobs_are_pushed_and_state_changes_follow(central, make_station):
    central.seed(orders=1)
    s1 = make_station("S01")
    s1.sync()
    job = str(uuid.uuid4())
    jobs = PrintJob.__table__
    now = clock.now()
    with s1.engine.begin() as conn:
        conn.execute(insert(jobs).values(uuid=job, printer="tcp://10.0.0.5:9100", document="label", format="zpl",
                                         reference="order 100001 box 1", data=b"^XA^XZ", state="queued",
                                         created_at=now, updated_at=now))
    s1.sync()
    assert central.rows("SELECT station, state FROM print_jobs") == [("S01", "queued")]
    with s1.engine.begin() as conn:
        conn.execute(update(jobs).values(state="done", attempts=1))
    s1.sync()
    assert central.rows("SELECT state, attempts FROM print_jobs") == [("done", 1)]


def test_pointing_a_station_at_another_central_database_starts_its_cursors_over(central, make_station, pg, tmp_path):
    numbers = central.seed(orders=2)
    s1 = make_station("S01")
    s1.sync()
    s1.sign_in()
    s1.pack(numbers[0])
    s1.sync()
    pushed = central.value("SELECT count(*) FROM pack_events")
    central.rows("UPDATE meta SET value = 'another-central' WHERE key = 'central_id'")
    central.rows("DELETE FROM conflicts")
    s1.central.worker._close()  # the next round connects afresh and checks which database it is
    s1.sync()
    assert central.value("SELECT count(*) FROM pack_events") == pushed  # sent again, inserted once
    assert s1.local("SELECT value FROM sync_state WHERE name = 'central.id'") == [("another-central",)]


def test_a_supervisor_hold_stops_the_bench_and_unhold_puts_the_order_back_in_the_queue(central, make_station,
                                                                                       capsys):
    from app.sync.cli import main

    (number, *_) = central.seed(orders=1)
    s1 = make_station("S01")
    s1.sync()
    s1.sign_in()
    assert s1.station().scan(number).code == "order_opened"
    s1.sync()
    assert main(["central", "hold", number, "--reason", "address check", "--url", central.admin_url]) == 0
    s1.sync()
    assert s1.changed.get_nowait() == number
    assert s1.station().order_changed(number).code == "order_stopped"
    s1.sync()
    assert central.rows("SELECT status, hold_reason FROM orders") == [("held", "address check")]
    assert central.value("SELECT count(*) FROM claims") == 0
    assert main(["central", "unhold", number, "--url", central.admin_url]) == 0
    s1.sync()
    assert s1.local("SELECT status FROM orders") == [("open",)]
    assert main(["central", "status", "--url", central.admin_url]) == 0
    out = capsys.readouterr().out
    assert "S01" in out and "open 1" in out
