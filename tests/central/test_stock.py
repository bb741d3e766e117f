"""Stock across stations: every station's movements in one central ledger, levels always their sum."""

from __future__ import annotations

import uuid
from collections import Counter

import psycopg
import pytest

from app.domain.inventory import MovementReason
from app.store.inventory import adjust, move, receive, record_shipment
from app.sync.cli import main
from app.sync.local import PUSH_STOCK, write_state, write_transaction
from app.sync.pg import connect
from app.sync.stock import central_levels, central_movements
from tests.central.test_offline import server_stopped


def order_skus(central, numbers: list[str]) -> list[str]:
    return [row[0] for row in central.rows(
        "SELECT DISTINCT p.sku FROM order_lines l JOIN orders o ON o.id = l.order_id JOIN products p "
        "ON p.id = l.product_id WHERE o.number = ANY(%s) ORDER BY 1", (numbers,))]


def local_sums(*stations) -> Counter:
    """Units per (SKU, bin) over what every listed station recorded itself (not what it pulled)."""
    total: Counter = Counter()
    for station in stations:
        for sku, bin_name, delta in station.local("SELECT sku, bin, sum(delta) FROM stock_movements "
                                                  "WHERE central_id IS NULL GROUP BY 1, 2"):
            total[(sku, bin_name)] += delta
    return total


def central_sums(central) -> Counter:
    return Counter({(sku, b): int(n) for sku, b, n in central.rows(
        "SELECT sku, bin, sum(delta) FROM stock_movements GROUP BY 1, 2")})


def central_level_rows(central) -> Counter:
    return Counter({(sku, b): int(n) for sku, b, n in central.rows("SELECT sku, bin, on_hand FROM stock_levels")})


def user_id(station, name: str) -> int:
    return station.local("SELECT id FROM users WHERE name = :n", {"n": name})[0][0]


def test_two_stations_movements_add_up_to_the_central_levels(central, make_station, capsys):
    """GIVEN two networked stations that receive stock, pack orders (the shipment is booked, and
    record_shipment after packing books nothing twice), adjust a bin (reason and supervisor) and
    restock a return
    WHEN both sync
    THEN every movement is in the central ledger once, with its station and user, and the central
    level of each SKU and bin equals both the sum of the central movements and the sum of both
    stations' own ledgers; `packstation central stock` and central_levels show them"""
    numbers = central.seed(orders=4)
    skus = order_skus(central, numbers)
    s1, s2 = make_station("S01"), make_station("S02")
    s1.sync()
    s2.sync()
    with s1.engine.begin() as conn:
        for sku in skus:
            receive(conn, sku, "A-01", 5, user_id=user_id(s1, "Pat Packer"), reference="PO-1", station="S01")
    with s2.engine.begin() as conn:
        for sku in skus:
            receive(conn, sku, "A-01", 3, user_id=None, reference="PO-2", station="S02")
            receive(conn, sku, "B-02", 2, user_id=None, reference="PO-2", station="S02")
    s1.sign_in()
    s2.sign_in()
    assert [s1.pack(n) for n in numbers[:2]] == ["order_packed"] * 2
    assert s2.pack(numbers[2]) == "order_packed"
    with s1.engine.begin() as conn:
        assert record_shipment(conn, numbers[0], station="S01").already_recorded  # the station booked it
    with s2.engine.begin() as conn:
        adjust(conn, skus[0], "B-02", -1, note="crushed in the bin", user_id=user_id(s2, "Sam Supervisor"),
               station="S02")
    with s1.engine.begin() as conn:
        move(conn, skus[-1], "A-01", 1, MovementReason.RETURN_RESTOCK, reference="RMA-000001", station="S01")
    shipped = s1.local("SELECT count(*) FROM stock_movements WHERE reason = 'shipment'")[0][0]
    assert shipped >= 2 and s2.local("SELECT count(*) FROM stock_movements WHERE reason = 'shipment'")[0][0] >= 1

    s1.sync()
    s2.sync()

    local_count = sum(s.local("SELECT count(*) FROM stock_movements WHERE central_id IS NULL")[0][0] for s in (s1, s2))
    assert central.value("SELECT count(*) FROM stock_movements") == local_count
    expected = local_sums(s1, s2)
    assert central_sums(central) == expected
    assert central_level_rows(central) == expected
    assert {k for k, v in expected.items() if v} >= {(sku, "A-01") for sku in skus}
    adjustment = central.rows("SELECT station, user_name, note, delta, bin FROM stock_movements "
                              "WHERE reason = 'adjustment'")
    assert adjustment == [("S02", "Sam Supervisor", "crushed in the bin", -1, "B-02")]
    assert central.rows("SELECT station, reference FROM stock_movements WHERE reason = 'return_restock'") == [
        ("S01", "RMA-000001")]
    assert {r[0] for r in central.rows("SELECT DISTINCT reference FROM stock_movements WHERE reason = 'shipment'")} \
        == set(numbers[:3])
    assert central.rows("SELECT DISTINCT user_name FROM stock_movements WHERE reference = 'PO-1'") == [
        ("Pat Packer",)]
    # Each station's movements keep their local id, for tracing a row back to its station.
    for station in (s1, s2):
        ids = [row[0] for row in station.local("SELECT id FROM stock_movements WHERE central_id IS NULL ORDER BY id")]
        assert [row[0] for row in central.rows("SELECT station_seq FROM stock_movements WHERE station = %s "
                                               "ORDER BY station_seq", (station.name,))] == ids

    with connect(central.settings("S01"), purpose="test") as conn:  # a station reads the warehouse's stock
        levels = central_levels(conn, [skus[0], "NO-SUCH-SKU"])
        history = central_movements(conn, skus[0], limit=100)
    assert levels == {skus[0]: {b: n for (sku, b), n in expected.items() if sku == skus[0]}}
    assert {m.station for m in history} == {"S01", "S02"}
    assert sum(m.delta for m in history) == sum(levels[skus[0]].values())

    assert main(["central", "stock", skus[0], "--url", central.admin_url]) == 0
    out = capsys.readouterr().out
    assert f"{skus[0]}: {sum(levels[skus[0]].values()):,} on hand" in out
    assert "A-01" in out and "B-02" in out
    assert main(["central", "stock", skus[0], "--bin", "B-02", "--movements", "5", "--url", central.admin_url]) == 0
    out = capsys.readouterr().out
    assert f"{skus[0]}: {levels[skus[0]]['B-02']:,} on hand in bin B-02" in out and "A-01" not in out
    assert "crushed in the bin" in out and "Sam Supervisor" in out
    assert main(["central", "stock", "NO-SUCH-SKU", "--url", central.admin_url]) == 1
    assert "no stock recorded" in capsys.readouterr().out


def test_pushing_the_same_movements_again_counts_nothing_twice(central, make_station):
    """GIVEN a station whose 23 movements went up in batches of 5
    WHEN it forgets its stock cursor and pushes everything again
    THEN the central ledger and levels are unchanged: inserted by UUID, counted once"""
    central.seed(orders=0, products=3)
    s1 = make_station("S01")
    s1.sync()
    s1.central.outbox.batch = 5
    with s1.engine.begin() as conn:
        for i in range(23):
            receive(conn, f"SKU-0000{1 + i % 3}", f"A-{i % 2:02d}", 1 + i, user_id=None, station="S01")
    s1.sync()
    assert central.value("SELECT count(*) FROM stock_movements") == 23
    before = central_level_rows(central)
    assert before == local_sums(s1)
    assert s1.central.outbox.stock_cursor() == s1.central.outbox.last_stock_id()
    assert s1.central.outbox.pending_stock() == 0

    with write_transaction(s1.engine) as conn:
        write_state(conn, PUSH_STOCK, "0")
    assert s1.central.outbox.pending_stock() == 23
    s1.sync()
    assert central.value("SELECT count(*) FROM stock_movements") == 23
    assert central_level_rows(central) == before == central_sums(central)


def test_a_station_appends_only_its_own_movements_and_never_writes_levels(central, make_station):
    """GIVEN a station's role
    WHEN it inserts a movement in its own name THEN the level follows;
    WHEN it inserts one in another station's name, updates or deletes a movement, or writes a
    level THEN PostgreSQL refuses; even the owner cannot change the ledger or the levels by hand"""
    central.add_station("S02")
    conn = connect(central.settings("S01"), purpose="test")
    insert = ("INSERT INTO stock_movements (uuid, station, station_seq, sku, bin, delta, reason, at) "
              "VALUES (%s, %s, 1, 'SKU-X', 'A-01', %s, 'receipt', now())")
    try:
        conn.execute(insert, (str(uuid.uuid4()), "S01", 4))
        assert conn.execute("SELECT on_hand FROM stock_levels WHERE sku = 'SKU-X'").fetchone()[0] == 4
        for statement, params in (
                (insert, (str(uuid.uuid4()), "S02", 100)),
                ("UPDATE stock_movements SET delta = 400", None),
                ("DELETE FROM stock_movements", None),
                ("TRUNCATE stock_movements", None),
                ("UPDATE stock_levels SET on_hand = 1000", None),
                ("INSERT INTO stock_levels (sku, bin, on_hand) VALUES ('SKU-Y', 'A-01', 9)", None),
                ("DELETE FROM stock_levels", None),
                ("SELECT ps_apply_stock()", None)):
            with pytest.raises((psycopg.errors.InsufficientPrivilege, psycopg.errors.FeatureNotSupported)):
                conn.execute(statement, params)
    finally:
        conn.close()
    central.rows(insert, (str(uuid.uuid4()), "S02", 2))  # the admin, for another station: readable by S01
    with connect(central.settings("S01"), purpose="test") as conn:
        assert central_levels(conn, ["SKU-X"]) == {"SKU-X": {"A-01": 6}}
        assert {m.station for m in central_movements(conn, "SKU-X")} == {"S01", "S02"}
    for statement in ("UPDATE stock_movements SET delta = 400", "DELETE FROM stock_movements",
                      "TRUNCATE stock_movements", "UPDATE stock_levels SET on_hand = 1000", "DELETE FROM stock_levels",
                      "INSERT INTO stock_levels (sku, bin, on_hand) VALUES ('SKU-Y', 'A-01', 9)"):
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            central.rows(statement)
    assert central.rows("SELECT sku, bin, on_hand FROM stock_levels") == [("SKU-X", "A-01", 6)]
    assert central.value("SELECT count(*) FROM stock_movements") == 2


def test_movements_recorded_offline_arrive_after_reconnect(central, make_station, pg):
    """GIVEN a syncing station WHEN the server stops and the station receives, adjusts and ships
    THEN the movements wait in its own ledger, and when the server is back they are in the
    central ledger and levels exactly once"""
    central.seed(orders=0, products=2)
    s1 = make_station("S01")
    s1.sync()
    with s1.engine.begin() as conn:
        receive(conn, "SKU-00001", "A-01", 10, user_id=None, station="S01")
    s1.sync()
    assert central_level_rows(central) == Counter({("SKU-00001", "A-01"): 10})
    with server_stopped(pg):
        with s1.engine.begin() as conn:
            receive(conn, "SKU-00002", "A-02", 7, user_id=None, station="S01")
            adjust(conn, "SKU-00001", "A-01", -2, note="found damaged", user_id=user_id(s1, "Sam Supervisor"),
                   station="S01")
            record_shipment(conn, "OFFLINE-1", {"SKU-00001": 3}, station="S01")
        assert not s1.central.worker.round()
        assert not s1.central.link.online
        assert s1.central.outbox.pending_stock() == 3  # waiting in the station's own ledger
    s1.sync(timeout_s=20)
    assert s1.central.outbox.pending_stock() == 0
    assert central.value("SELECT count(*) FROM stock_movements") == 4
    assert central_level_rows(central) == local_sums(s1) == Counter(
        {("SKU-00001", "A-01"): 5, ("SKU-00002", "A-02"): 7})


def test_a_refused_stock_push_never_stops_packing_sync(central, make_station, caplog):
    """GIVEN the central database refuses the station's stock movements (INSERT revoked)
    WHEN the station syncs THEN the round still pushes its pack events and pulls orders (the link
    stays online), the refusal is logged, and the movements go up once the grant is back"""
    numbers = central.seed(orders=1)
    s1 = make_station("S01")
    s1.sync()
    with s1.engine.begin() as conn:
        receive(conn, "SKU-00001", "A-01", 4, user_id=None, station="S01")
    central.rows("REVOKE INSERT ON stock_movements FROM ps_station")
    s1.sign_in()
    assert s1.pack(numbers[0]) == "order_packed"
    s1.sync()
    assert s1.central.link.online
    assert central.value("SELECT status FROM orders WHERE number = %s", (numbers[0],)) == "packed"
    assert central.value("SELECT count(*) FROM stock_movements") == 0
    assert "stock movements not pushed" in caplog.text
    central.rows("GRANT INSERT ON stock_movements TO ps_station")
    s1.sync()
    local_count = s1.local("SELECT count(*) FROM stock_movements")[0][0]
    assert local_count >= 2 and central.value("SELECT count(*) FROM stock_movements") == local_count
    assert central_level_rows(central) == local_sums(s1)
