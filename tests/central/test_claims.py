"""Claims: one order, one station. Scans race on one row; leases expire; supervisors release."""

from __future__ import annotations

import threading
import time

from app.sync.claims import claim_next_sql, claim_sql, renew_sql
from app.sync.pg import connect


def test_a_claimed_order_is_refused_to_another_station_with_the_holders_name(central, make_station):
    """GIVEN S01 holds order 100001 WHEN S02 claims it THEN S02 is refused and told S01 has it."""
    (number, *_) = central.seed(orders=3)
    s1, s2 = make_station("S01"), make_station("S02")
    s1.sync()
    s2.sync()
    assert s1.claims.claim(number).granted
    refused = s2.claims.claim(number)
    assert (refused.granted, refused.holder, refused.offline) == (False, "S01", False)
    assert "S01" in refused.message
    assert s1.claims.claim(number).granted  # claiming again is a renewal


def test_two_stations_scanning_the_same_order_at_the_same_moment_one_wins_one_is_told(central, make_station):
    """GIVEN two signed-in stations WHEN both scan the same order released by a barrier, ten times over
    THEN every time exactly one opens it and the other is refused naming the winner."""
    numbers = central.seed(orders=10)
    s1, s2 = make_station("S01"), make_station("S02")
    for s in (s1, s2):
        s.sync()
        s.sign_in()
    for number in numbers:
        barrier = threading.Barrier(2)
        outcomes = {}

        def scan(bench, number=number, barrier=barrier, outcomes=outcomes):
            station = bench.station()
            barrier.wait()
            outcomes[bench.name] = station.scan(number)

        threads = [threading.Thread(target=scan, args=(s,)) for s in (s1, s2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        codes = sorted(outcome.code for outcome in outcomes.values())
        assert codes == ["order_claimed", "order_opened"], number
        winner = next(name for name, o in outcomes.items() if o.code == "order_opened")
        loser = next(o for o in outcomes.values() if o.code == "order_claimed")
        assert winner in loser.message
        assert central.value("SELECT station FROM claims c JOIN orders o ON o.id = c.order_id WHERE o.number = %s",
                             (number,)) == winner
        for s in (s1, s2):
            s.station().scan("PS:CMD:CANCEL")  # stop packing: the order goes back


def test_an_expired_lease_can_be_taken_over_and_is_remembered(central, make_station):
    (number, *_) = central.seed(orders=1)
    s1, s2 = make_station("S01", lease_seconds=15), make_station("S02")
    s1.sync()
    s2.sync()
    assert s1.claims.claim(number).granted
    central.rows("UPDATE claims SET lease_until = now() - interval '1 second'")  # time passes
    taken = s2.claims.claim(number)
    assert taken.granted and taken.holder == "S02"
    assert central.rows("SELECT station, taken_from FROM claims") == [("S02", "S01")]
    assert s1.claims.renew_all() == [number]  # S01 learns it lost the order
    assert s1.claims.held() == []


def test_a_supervisor_releases_a_claim_from_the_command_line(central, make_station, capsys):
    from app.sync.cli import main

    (number, *_) = central.seed(orders=1)
    s1, s2 = make_station("S01"), make_station("S02")
    s1.sync()
    s2.sync()
    assert s1.claims.claim(number).granted
    assert main(["central", "release", number, "--url", central.admin_url]) == 0
    assert "released from station S01" in capsys.readouterr().out
    assert s2.claims.claim(number).granted
    assert main(["central", "release", "999999", "--url", central.admin_url]) == 1


def test_the_queue_gives_the_best_order_first_and_never_the_same_order_twice(central, make_station):
    """Priority first, then ship-by, then carrier cut-off; six stations drain it concurrently."""
    numbers = central.seed(orders=60)
    central.rows("UPDATE orders SET priority = 5 WHERE number = %s", (numbers[40],))
    central.rows("UPDATE orders SET ship_by = current_date - 1 WHERE number = %s", (numbers[30],))
    central.rows("UPDATE orders SET ship_by = current_date - 1, carrier_cutoff = now() WHERE number = %s",
                 (numbers[50],))
    names = [f"Q{i}" for i in range(6)]
    settings = {name: central.settings(name) for name in names}
    first = connect(settings["Q0"], purpose="test")
    assert claim_next_sql(first, 3, 60) == [numbers[40], numbers[50], numbers[30]]
    got: dict[str, list[str]] = {}

    def drain(name):
        conn = connect(settings[name], purpose="test")
        mine = got.setdefault(name, [])
        while batch := claim_next_sql(conn, 2, 60):
            mine.extend(batch)
        conn.close()

    threads = [threading.Thread(target=drain, args=(name,)) for name in names]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    claimed = [n for batch in got.values() for n in batch]
    assert len(claimed) == len(set(claimed)) == 57
    assert central.value("SELECT count(*) FROM claims") == 60


def test_renewal_extends_only_this_stations_leases(central):
    numbers = central.seed(orders=3)
    a, b = (connect(central.settings(name), purpose="test") for name in ("S01", "S02"))
    assert claim_sql(a, numbers[0], 30).granted and claim_sql(b, numbers[1], 30).granted
    before = central.value("SELECT lease_until FROM claims c JOIN orders o ON o.id = c.order_id WHERE number = %s",
                           (numbers[0],))
    time.sleep(0.01)
    rows = renew_sql(a, numbers, 600)
    assert sorted(rows) == [(numbers[0], True, "S01"), (numbers[1], False, "S02"), (numbers[2], False, None)]
    after = central.value("SELECT lease_until FROM claims c JOIN orders o ON o.id = c.order_id WHERE number = %s",
                          (numbers[0],))
    assert after > before


def test_packed_cancelled_and_unknown_orders_cannot_be_claimed(central):
    numbers = central.seed(orders=3)
    central.rows("UPDATE orders SET status = 'packed' WHERE number = %s", (numbers[0],))
    central.rows("UPDATE orders SET status = 'cancelled' WHERE number = %s", (numbers[1],))
    conn = connect(central.settings("S01"), purpose="test")
    assert [(r.granted, r.status) for r in (claim_sql(conn, n, 60) for n in (*numbers[:2], "424242"))] == [
        (False, "packed"), (False, "cancelled"), (False, "unknown")]


def test_a_bench_reserves_orders_ahead_only_while_someone_packs_there(central, make_station):
    central.seed(orders=5)
    s1 = make_station("S01", preclaim=2)
    s1.sync()
    assert len(s1.claims.cache.reserved()) == 2
    assert central.value("SELECT count(*) FROM claims WHERE station = 'S01' AND kind = 'queue'") == 2
    s1.claims.set_reserving(False)  # the packer signed out
    s1.sync()
    assert s1.claims.cache.reserved() == []
    assert central.value("SELECT count(*) FROM claims") == 0
