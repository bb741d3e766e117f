"""Reconnects that work (issue 18, item 5).

After PostgreSQL restarts, every central connection of a station is made again and the first
order scan claims its order; orders a station reserved ahead go back to the queue when it exits
cleanly (even right after an outage) and, after a kill -9, when it next starts; `replay` says
when its events could not be pushed and exits non-zero.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.sync.pg import connect
from app.sync.sequences import allocate

ROOT = Path(__file__).resolve().parents[2]


def _wait(predicate, timeout: float, step: float = 0.02) -> float:
    """Seconds until predicate() was true; fails after timeout."""
    start = time.monotonic()
    while not predicate():
        assert time.monotonic() - start < timeout, "timed out"
        time.sleep(step)
    return time.monotonic() - start


def test_the_first_scan_after_a_server_restart_claims_its_order(pg, central, make_station):
    """GIVEN a networked station that has claimed and packed an order (its claim connection is open)
    WHEN PostgreSQL restarts (pg_ctl restart: every connection is cut) and the station reconnects
    THEN the very first order scan opens the order (claimed centrally, not refused as offline),
    what it packs is pushed, and a central sequence can be drawn again."""
    first, second, *_ = central.seed(orders=3)
    s1 = make_station("S01")
    s1.sync()
    s1.sign_in()
    s1.central.start()
    assert s1.pack(first) == "order_packed"
    assert s1.central.flush(timeout_s=10)
    errors = s1.central.worker.errors
    pg.restart()
    restarted = time.monotonic()
    # The worker notices the cut (its next round fails) and connects again (at most once a second).
    _wait(lambda: s1.central.worker.errors > errors, 10)
    _wait(lambda: s1.central.link.online, 10)
    reconnect_s = time.monotonic() - restarted
    print(f"\nreconnected {reconnect_s:.2f} s after pg_ctl restart returned")
    assert reconnect_s < 3.0
    outcome = s1.station().scan(second)
    assert outcome.code == "order_opened", outcome.message
    assert s1.claims.counts["reconnect"] == 1  # the dead claim connection was replaced, once
    assert central.value("SELECT station FROM claims c JOIN orders o ON o.id = c.order_id WHERE o.number = %s",
                         (second,)) == "S01"
    assert s1.pack(second) == "order_packed"
    assert s1.central.flush(timeout_s=10)
    assert central.value("SELECT status FROM orders WHERE number = %s", (second,)) == "packed"
    assert len(allocate(lambda: s1.central.connect("sequences"), "sscc", 2)) == 2


def _spawn_holder(central, home: Path, name: str, preclaim: int) -> subprocess.Popen:
    home.mkdir(exist_ok=True)
    (home / "station.toml").write_text(f'[station]\nname = "{name}"\n')
    url = central.pg.tcp_url(f"ps_{name.lower()}", central.db)
    env = {**os.environ, "PACKSTATION_HOME": str(home), "PYTHONPATH": str(ROOT)}
    env.pop("PACKSTATION_CONFIG", None)
    return subprocess.Popen([sys.executable, "-m", "tests.central.station_proc", "--url", url, "--password-file",
                             str(central.passwords[name]), "--preclaim", str(preclaim), "--interval-ms", "100",
                             "--hold", "--max-seconds", "60"],
                            env=env, cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def _line(process: subprocess.Popen) -> dict:
    line = process.stdout.readline()
    if not line:
        raise AssertionError(f"station process said nothing: {process.stderr.read()[-3000:]}")
    return json.loads(line)


def _claimable_by(other, numbers: list[str]) -> bool:
    """Another station tries to claim every one of them (and keeps what it gets)."""
    granted = [other.execute("SELECT granted FROM ps_claim(%s, 60)", (n,)).fetchone()[0] for n in numbers]
    return all(granted)


@pytest.fixture
def other_station(central):
    conn = connect(central.settings("S02"), purpose="test")
    yield conn
    conn.close()


def test_reserved_orders_go_back_on_a_clean_exit_even_right_after_an_outage(pg, central, other_station, tmp_path):
    """GIVEN station S01 (its own process) holding 3 orders reserved ahead, and a PostgreSQL restart
    that killed every connection it had
    WHEN it exits cleanly
    THEN another station can claim all three at once (within a second of the exit), not after the
    300 s lease."""
    central.seed(orders=6)
    central.settings("S01")
    process = _spawn_holder(central, tmp_path / "S01", "S01", preclaim=3)
    try:
        reserved = _line(process)["reserved"]
        assert len(reserved) == 3
        assert not any(other_station.execute("SELECT granted FROM ps_claim(%s, 60)", (n,)).fetchone()[0]
                       for n in reserved)  # held by S01
        pg.restart()
        other_station.close()
        other = connect(central.settings("S02"), purpose="test")
        asked = time.monotonic()
        out, err = process.communicate("exit\n", timeout=30)
        exited = time.monotonic()
        assert process.returncode == 0, err[-3000:]
        assert json.loads(out.strip().splitlines()[-1])["stopped"] is True
        assert _claimable_by(other, reserved)
        print(f"\nhanded back on a clean exit: claimable {time.monotonic() - exited:.2f} s after the process ended "
              f"({exited - asked:.2f} s to stop)")
        other.close()
    finally:
        if process.poll() is None:
            process.kill()


def test_reserved_orders_go_back_on_the_next_start_after_a_kill_9(central, other_station, tmp_path):
    """GIVEN station S01 (its own process) holding 3 orders reserved ahead
    WHEN it is killed with SIGKILL (nothing runs on exit) and started again (set to reserve none)
    THEN the three stay blocked while it is down (their lease runs 300 s), and are claimable by
    another station as soon as the restarted S01 has connected."""
    central.seed(orders=6)
    central.settings("S01")
    home = tmp_path / "S01"
    process = _spawn_holder(central, home, "S01", preclaim=3)
    try:
        reserved = _line(process)["reserved"]
        assert len(reserved) == 3
    finally:
        os.kill(process.pid, signal.SIGKILL)
        process.communicate(timeout=30)
    assert not any(other_station.execute("SELECT granted FROM ps_claim(%s, 60)", (n,)).fetchone()[0]
                   for n in reserved)
    started = time.monotonic()
    again = _spawn_holder(central, home, "S01", preclaim=0)
    try:
        ready = _line(again)
        connected = time.monotonic()
        assert ready["reserved"] == []
        assert _claimable_by(other_station, reserved)
        print(f"\nhanded back on the next start: claimable when it was up ({connected - started:.2f} s after "
              "the restart, process start-up included)")
        again.communicate("exit\n", timeout=30)
    finally:
        if again.poll() is None:
            again.kill()


def _networked_home(central, tmp_path: Path, monkeypatch, name: str) -> Path:
    home = tmp_path / name
    home.mkdir()
    url = central.add_station(name)
    (home / "station.toml").write_text(
        f'[station]\nname = "{name}"\n\n[central]\nurl = "{url}"\npassword_file = "{central.passwords[name]}"\n'
        "preclaim = 0\n", encoding="utf-8")
    monkeypatch.setenv("PACKSTATION_HOME", str(home))
    monkeypatch.delenv("PACKSTATION_CONFIG", raising=False)
    return home


def test_replay_says_what_it_could_not_push_and_exits_non_zero(pg, central, tmp_path, monkeypatch, capsys):
    """GIVEN a networked station that synced once (it knows the packer)
    WHEN `packstation replay` runs while the central database is down
    THEN it prints the scans' outcomes, says how many events stayed behind and why, and exits 3;
    online again, the next replay pushes them and exits 0."""
    from app.cli import EXIT_UNPUSHED, main

    central.seed(orders=2)
    _networked_home(central, tmp_path, monkeypatch, "R01")
    scans = tmp_path / "scans.txt"
    scans.write_text("PS:BADGE:P-1001\nPS:CMD:SIGN_OUT\n")
    assert main(["replay", str(scans)]) == 0
    capsys.readouterr()
    pushed = central.value("SELECT count(*) FROM pack_events WHERE station = 'R01'")
    assert pushed >= 2
    pg.stop("fast")
    try:
        started = time.monotonic()
        assert main(["replay", str(scans)]) == EXIT_UNPUSHED
        took = time.monotonic() - started
        captured = capsys.readouterr()
        assert [json.loads(line)["code"] for line in captured.out.splitlines()] == ["signed_in", "signed_out"]
        assert "2 pack events not pushed to the central database (central database unreachable" in captured.err
        assert "pushed when this station next runs online" in captured.err
        print(f"\nreplay offline took {took:.1f} s")
    finally:
        pg.start()
    (tmp_path / "empty.txt").write_text("")
    assert main(["replay", str(tmp_path / "empty.txt")]) == 0
    assert central.value("SELECT count(*) FROM pack_events WHERE station = 'R01'") == pushed + 2
