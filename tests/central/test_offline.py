"""Offline: the station notices within 5 s, keeps packing what it holds, and loses nothing on return."""

from __future__ import annotations

import os
import signal
import time
from contextlib import contextmanager

import psutil


def _wait(predicate, timeout: float, step: float = 0.05) -> float:
    """Seconds until predicate() was true; fails after timeout."""
    start = time.monotonic()
    while not predicate():
        assert time.monotonic() - start < timeout, "timed out"
        time.sleep(step)
    return time.monotonic() - start


@contextmanager
def server_stopped(pg):
    pg.stop("fast")
    try:
        yield
    finally:
        if not pg.running():
            pg.start()


@contextmanager
def server_frozen(pg):
    """Every server process stopped with SIGSTOP: connections stay open, nothing ever answers."""
    postmaster = int((pg.data / "postmaster.pid").read_text().split()[0])
    processes = [psutil.Process(postmaster), *psutil.Process(postmaster).children(recursive=True)]
    for process in processes:
        os.kill(process.pid, signal.SIGSTOP)
    try:
        yield
    finally:
        for process in processes:
            os.kill(process.pid, signal.SIGCONT)


def test_a_stopped_server_is_noticed_within_5_seconds_and_packing_goes_on_with_nothing_lost(central, make_station,
                                                                                           pg):
    """GIVEN a syncing station with two orders reserved ahead WHEN the server stops
    THEN the station reports offline within 5 s, packs both reserved orders without waiting on the
    network, refuses an order it does not hold with a clear reason, and after the server returns
    every event it committed is in the central database exactly once."""
    numbers = central.seed(orders=8)
    s1 = make_station("S01", preclaim=2, sync_interval_ms=200)
    s1.sync()
    s1.sign_in()
    s1.central.start()
    _wait(lambda: len(s1.claims.cache.reserved()) == 2, 10)
    assert s1.pack(s1.claims.next_order()) == "order_packed"
    _wait(lambda: len(s1.claims.cache.reserved()) == 2, 10)
    reserved = {claim.number for claim in s1.claims.cache.reserved()}
    with server_stopped(pg):
        took = _wait(lambda: not s1.central.link.online, 10)
        assert took < 5.0, f"outage noticed after {took:.1f} s"
        slowest = 0.0
        for _ in range(2):
            number = s1.claims.next_order()
            assert number in reserved
            started = time.monotonic()
            assert s1.pack(number) == "order_packed"
            slowest = max(slowest, time.monotonic() - started)
        assert slowest < 1.0  # a whole order, several durable commits: no network timeout in there
        stranger = next(n for n in numbers if n not in reserved and
                        s1.local("SELECT status FROM orders WHERE number = :n", {"n": n}) == [("open",)])
        refused = s1.station().scan(stranger)
        assert refused.code == "order_not_held_offline"
        assert refused.message == (f"Central database offline: order {stranger} is not held here, "
                                   "so it cannot be packed until the connection is back.")
        assert s1.claims.next_order() is None  # nothing reserved left: the screen says wait
    assert s1.central.flush(timeout_s=30)
    _wait(lambda: s1.central.link.online, 10)
    local = s1.local("SELECT count(*) FROM pack_events")[0][0]
    assert central.value("SELECT count(*) FROM pack_events") == local
    assert central.value("SELECT count(DISTINCT uuid) FROM pack_events") == local
    assert central.value("SELECT count(*) FROM orders WHERE status = 'packed'") == 3
    assert central.value("SELECT count(*) FROM conflicts") == 0
    assert [s.online for _, s in s1.statuses][-2:] == [False, True]


def test_a_server_that_stops_answering_is_noticed_within_5_seconds_and_a_claim_never_hangs(central, make_station,
                                                                                           pg):
    """GIVEN an online station WHEN every server process freezes (nothing answers, sockets stay open)
    THEN a claim answers from the cache within about claim_timeout_ms, the link is offline within
    5 s, and once the server answers again the station is back online; the claim that was granted
    after the station stopped waiting is handed back, not left holding the order."""
    numbers = central.seed(orders=3)
    s1 = make_station("S01", sync_interval_ms=200, claim_timeout_ms=800)
    s1.sync()
    s1.central.start()
    _wait(lambda: s1.central.link.online, 5)
    with server_frozen(pg):  # the worker alone notices: its round stalls, the watchdog speaks
        took = _wait(lambda: not s1.central.link.online, 10)
        assert took < 5.0, f"noticed after {took:.1f} s"
        started = time.monotonic()
        assert s1.claims.claim(numbers[1]).offline
        assert time.monotonic() - started < 0.05  # known offline: no network call at all
    _wait(lambda: s1.central.link.online, 15)
    with server_frozen(pg):  # a claim before the worker noticed: bounded by claim_timeout_ms
        started = time.monotonic()
        answer = s1.claims.claim(numbers[0])
        assert time.monotonic() - started < 1.5
        assert (answer.granted, answer.offline) == (False, True)
        assert not s1.central.link.online
    _wait(lambda: s1.central.link.online, 15)
    # The server granted that claim once it woke up; the station had said "not reserved": handed back.
    _wait(lambda: central.value("SELECT count(*) FROM claims") == 0, 10)
