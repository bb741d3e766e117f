"""The central database checks what stations claim (issue 18, item 3).

A station's pack events reach the orders only through the projection trigger (c0007_guard),
which moves an order for the station holding its claim and files anything else as a conflict
for a supervisor. These tests attack it as a station would: with psql, logged in as the
station's own role, crafting inserts and updates by hand.
"""

from __future__ import annotations

import os
import subprocess
import time

from app.sync.pg import connect

CRAFTED = ("INSERT INTO pack_events (uuid, station, station_seq, order_number, type, payload, at) "
           "VALUES (gen_random_uuid(), '{station}', 999, '{number}', '{type}', '{{}}', now())")


def psql_as(central, station: str, sql: str) -> subprocess.CompletedProcess:
    """Run SQL with the psql client as the station's role, over TCP with its password."""
    role = f"ps_{station.lower()}"
    env = {**os.environ, "PGPASSWORD": central.passwords[station].read_text().strip()}
    return subprocess.run([str(central.pg.bindir / "psql"), "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1",
                           "-h", "127.0.0.1", "-p", str(central.pg.port), "-U", role, "-d", central.db, "-c", sql],
                          capture_output=True, text=True, env=env, timeout=30)


def _status(central, number: str) -> str:
    return central.value("SELECT status FROM orders WHERE number = %s", (number,))


def _conflicts(central) -> list[tuple]:
    return central.rows("SELECT kind, order_number, station, other_station FROM conflicts ORDER BY id")


def test_events_crafted_with_psql_for_orders_the_station_does_not_hold_move_nothing(central):
    """GIVEN open orders nobody has claimed
    WHEN station S01, logged in with psql as its own role, inserts order_packed, order_held and
    order_opened events in its own name for them
    THEN every order stays open (still in the queue) and each event is a `not_claimed` conflict
    for a supervisor."""
    packed, held, opened = central.seed(orders=3)
    central.settings("S01")
    for number, kind in ((packed, "order_packed"), (held, "order_held"), (opened, "order_opened")):
        result = psql_as(central, "S01", CRAFTED.format(station="S01", number=number, type=kind))
        assert result.returncode == 0, result.stderr  # the insert itself is allowed: it is the station's log
    assert [_status(central, n) for n in (packed, held, opened)] == ["open", "open", "open"]
    assert _conflicts(central) == [("not_claimed", packed, "S01", None), ("not_claimed", held, "S01", None),
                                   ("not_claimed", opened, "S01", None)]
    detail = central.value("SELECT detail FROM conflicts WHERE order_number = %s", (packed,))
    assert detail == "order_packed from S01, which did not hold the claim on the order; the order stays open"


def test_a_crafted_event_for_an_order_another_station_holds_is_a_conflict_naming_the_holder(central):
    """GIVEN S02 holds the claim on an order
    WHEN S01 crafts order_held and order_packed events for it
    THEN the order stays as it was and the conflict names S02."""
    (number, *_) = central.seed(orders=1)
    central.settings("S01")
    with connect(central.settings("S02"), purpose="test") as s2:
        assert s2.execute("SELECT granted FROM ps_claim(%s, 60)", (number,)).fetchone()[0]
    for kind in ("order_held", "order_packed"):
        assert psql_as(central, "S01", CRAFTED.format(station="S01", number=number, type=kind)).returncode == 0
    assert _status(central, number) == "open"
    assert _conflicts(central) == [("claimed_elsewhere", number, "S01", "S02")]
    assert central.value("SELECT station FROM claims") == "S02"  # S02's claim is untouched


def test_a_station_cannot_void_an_order_another_station_packed(central, make_station):
    """GIVEN S01 packed an order through the normal station path
    WHEN S02 crafts a labels_voided event for it (which would put it back in the queue)
    THEN it stays packed and S02 has a not_claimed conflict."""
    (number, *_) = central.seed(orders=1)
    s1 = make_station("S01")
    s1.sync()
    s1.sign_in()
    s1.central.start()
    assert s1.pack(number) == "order_packed"
    assert s1.central.flush(timeout_s=10)
    central.settings("S02")
    assert psql_as(central, "S02", CRAFTED.format(station="S02", number=number, type="labels_voided")).returncode == 0
    assert _status(central, number) == "packed"
    assert _conflicts(central) == [("not_claimed", number, "S02", None)]


def test_a_station_cannot_go_around_the_trigger(central):
    """GIVEN a station's role
    WHEN it tries, with psql, to write orders, claims or conflicts itself, switch triggers off for
    its session, disable the projection trigger or rewrite the projection
    THEN PostgreSQL refuses every one, and nothing changed."""
    (number, *_) = central.seed(orders=1)
    central.settings("S01")
    attempts = (
        f"UPDATE orders SET status = 'packed' WHERE number = '{number}'",
        "INSERT INTO claims (order_id, station, kind, lease_until) SELECT id, 'S01', 'scan', now() + interval '1 h' "
        "FROM orders",
        "UPDATE claims SET station = 'S01'",
        "DELETE FROM conflicts",
        "UPDATE conflicts SET resolved_at = now()",
        "SET session_replication_role = replica",
        "ALTER TABLE pack_events DISABLE TRIGGER pack_events_project",
        "CREATE OR REPLACE FUNCTION ps_project_event() RETURNS trigger LANGUAGE plpgsql "
        "AS $$ BEGIN RETURN NULL; END $$",
        "UPDATE pack_events SET type = 'order_packed'",
    )
    for sql in attempts:
        result = psql_as(central, "S01", sql)
        assert result.returncode != 0, f"allowed: {sql}"
        assert "permission denied" in result.stderr or "must be owner" in result.stderr \
            or "append-only" in result.stderr, result.stderr
    assert _status(central, number) == "open"
    assert central.value("SELECT count(*) FROM claims") == 0


def test_the_normal_station_path_still_packs_holds_and_voids_what_it_holds(central, make_station):
    """GIVEN a station that claims orders by scanning them
    WHEN it packs one, voids that order's labels at the bench, and puts another on hold
    THEN the central database follows every step, with no conflict: packed, open again, held."""
    first, second = central.seed(orders=2)
    s1 = make_station("S01")
    s1.sync()
    s1.sign_in()
    s1.central.start()
    assert s1.pack(first) == "order_packed"
    assert s1.central.flush(timeout_s=10)
    assert _status(central, first) == "packed"
    assert s1.station().scan("PS:CMD:VOID").code == "labels_voided"
    assert s1.central.flush(timeout_s=10)
    assert _status(central, first) == "open"
    assert s1.station().scan(second).code == "order_opened"
    assert s1.station().scan("PS:CMD:HOLD").code == "order_held"
    assert s1.central.flush(timeout_s=10)
    deadline = time.monotonic() + 5
    while _status(central, second) != "held" and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _status(central, second) == "held"
    assert _conflicts(central) == []
