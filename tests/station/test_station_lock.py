"""One station process per station folder (issue 17, item 3), with real processes.

The window and `packstation replay` hold the station folder's lock; a second one is refused,
naming the holder; read-only commands run beside it; kill -9 never leaves a lock behind.
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

from app.printing.job_store import SqlJobStore
from app.startup import open_bench
from app.station_lock import EXIT_BUSY, INFO_NAME, StationBusy, hold_station, read_holder
from printers.print_queue import JobState, PrintJob
from tests.support import seed_small

REPO = Path(__file__).resolve().parents[2]


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ, PACKSTATION_HOME=str(home), QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    env.pop("PACKSTATION_CONFIG", None)
    return env


def packstation(home: Path, *args: str, stdin: bytes = b"", timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app.cli", *args], input=stdin, capture_output=True,
                          env=_env(home), cwd=REPO, timeout=timeout)


def start_replay_holder(home: Path) -> subprocess.Popen:
    """`packstation replay -` reading a pipe we keep open: the station runs until we close it."""
    return subprocess.Popen([sys.executable, "-m", "app.cli", "replay", "-"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env(home), cwd=REPO)


def scan(holder: subprocess.Popen, line: str) -> dict:
    assert holder.stdin is not None and holder.stdout is not None
    holder.stdin.write(line.encode() + b"\n")
    holder.stdin.flush()
    return json.loads(holder.stdout.readline())


def events_of(home: Path) -> list[tuple[str, int | None]]:
    bench = open_bench()
    try:
        with bench.engine.connect() as conn:
            return [tuple(row) for row in conn.exec_driver_sql(
                "SELECT type, packer_id FROM pack_events ORDER BY seq").all()]
    finally:
        bench.close()


@pytest.fixture
def seeded(home):
    bench = open_bench()
    seed_small(bench.sessions)
    bench.close()
    return home


def test_a_second_replay_is_refused_while_one_runs_and_read_only_commands_still_work(seeded, tmp_path):
    """GIVEN `packstation replay -` running on a station folder, with Alex signed in
    WHEN a second `packstation replay` starts on the same folder, and `printers list` and `export` run
    THEN the second replay exits 75 naming the holder's pid, command and start, and records nothing;
    the read-only commands work; a print job the holder is sending is left alone (no recovery)."""
    holder = start_replay_holder(seeded)
    try:
        assert scan(holder, "PS:BADGE:P-1001")["code"] == "signed_in"
        before = events_of(seeded)
        # The holder is sending a label right now (as far as the database says).
        bench = open_bench()
        sending = PrintJob("tcp://127.0.0.1:9", "label", "zpl", b"^XA^XZ", reference="order 1001 box 1")
        SqlJobStore(bench.engine).add(sending)
        sending.state = JobState.SENDING
        SqlJobStore(bench.engine).update(sending)
        bench.close()

        script = tmp_path / "scans.txt"
        script.write_text("PS:BADGE:S-2001\n1002\n")
        second = packstation(seeded, "replay", str(script))
        assert second.returncode == EXIT_BUSY
        assert second.stdout == b""
        message = second.stderr.decode()
        assert "already running" in message and f"process {holder.pid}" in message
        assert "`packstation replay -`" in message and "running since" in message
        assert events_of(seeded) == before  # nobody was signed in underneath the running station

        listed = packstation(seeded, "printers", "list")
        assert listed.returncode == 0, listed.stderr
        assert "label" in listed.stdout.decode()
        exported = packstation(seeded, "export", "events", "--format", "json")
        assert exported.returncode == 0 and "signed_in" in exported.stdout.decode()

        bench = open_bench()
        assert SqlJobStore(bench.engine).get(sending.uuid).state is JobState.SENDING
        bench.close()
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)
    assert holder.returncode == 0, holder.stderr.read() if holder.stderr else ""
    assert read_holder(seeded / "data") is None  # a clean stop takes its note away

    after = packstation(seeded, "replay", str(script))
    assert after.returncode == 0, after.stderr
    assert [json.loads(line)["code"] for line in after.stdout.splitlines()][0] == "signed_in"


def test_kill_9_of_the_holder_never_blocks_the_restart(seeded):
    """GIVEN a station process holding the folder, killed with kill -9 (no clean-up at all)
    WHEN the station starts again at once
    THEN it gets the lock (the OS dropped it with the process), although the dead holder's note is still there."""
    child = subprocess.Popen(
        [sys.executable, "-c", "import os, sys, time\n"
         "from app.station_lock import hold_station\n"
         "hold_station(os.path.join(os.environ['PACKSTATION_HOME'], 'data'), 'packstation run')\n"
         "print('held', flush=True)\n"
         "time.sleep(120)\n"],
        stdout=subprocess.PIPE, env=_env(seeded), cwd=REPO)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == b"held"
        with pytest.raises(StationBusy) as busy:
            hold_station(seeded / "data", wait_s=0)
        assert busy.value.holder is not None and busy.value.holder.pid == child.pid
        assert busy.value.holder.command == "packstation run"
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
    assert read_holder(seeded / "data").pid == child.pid  # the note outlived the process...
    started = time.perf_counter()
    lock = hold_station(seeded / "data", wait_s=0)  # ...the lock did not
    try:
        assert time.perf_counter() - started < 0.5
        assert read_holder(seeded / "data").pid == os.getpid()
    finally:
        lock.release()


def test_the_lock_is_reentrant_within_one_process(seeded):
    """GIVEN this process holds the station folder (a window that rebuilds its Station)
    WHEN it takes the lock again and releases once
    THEN it still holds it; the last release lets another process in."""
    first = hold_station(seeded / "data")
    second = hold_station(seeded / "data")
    assert second is first
    second.release()
    blocked = packstation(seeded, "replay", "-", stdin=b"")
    assert blocked.returncode == EXIT_BUSY and f"process {os.getpid()}" in blocked.stderr.decode()
    first.release()
    assert not (seeded / "data" / INFO_NAME).exists()
    assert packstation(seeded, "replay", "-", stdin=b"").returncode == 0


@pytest.mark.slow
def test_a_replay_is_refused_while_the_window_is_open(seeded, tmp_path):
    """GIVEN the station window open (a real `packstation` process, offscreen)
    WHEN `printf 'PS:BADGE:P-1001' | packstation replay -` runs on the same folder
    THEN the replay is refused naming the window's process; the window is left alone."""
    window = subprocess.Popen([sys.executable, "-m", "app.cli"], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, env=_env(seeded), cwd=REPO)
    try:
        deadline = time.monotonic() + 30
        while (holder := read_holder(seeded / "data")) is None or holder.pid != window.pid:
            assert window.poll() is None, window.stderr.read() if window.stderr else ""
            assert time.monotonic() < deadline, "the window never took the station folder"
            time.sleep(0.05)
        refused = packstation(seeded, "replay", "-", stdin=b"PS:BADGE:P-1001\n")
        assert refused.returncode == EXIT_BUSY
        assert f"process {window.pid}" in refused.stderr.decode()
        assert "`packstation`" in refused.stderr.decode()
        assert refused.stdout == b"" and window.poll() is None
    finally:
        window.kill()
        window.wait(timeout=10)
