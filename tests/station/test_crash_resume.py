"""kill -9 in the middle of an order loses nothing the packer saw accepted."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from sqlalchemy import text

from app.startup import open_bench
from tests.support import SOCKS_GTIN, seed_small

ROOT = Path(__file__).resolve().parents[2]


def start_replay(home: Path) -> subprocess.Popen:
    env = {**os.environ, "PACKSTATION_HOME": str(home), "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "app.cli", "replay", "-"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, env=env, cwd=ROOT)


def send(process: subprocess.Popen, scan: str) -> dict:
    process.stdin.write(scan.encode() + b"\n")
    process.stdin.flush()
    return json.loads(process.stdout.readline())


def test_sigkill_mid_order_then_restart_resumes_with_every_acknowledged_scan(home):
    """GIVEN a packer half-way through order 1005 (12 socks) in a real child process
    WHEN the process is killed with SIGKILL right after an acknowledged scan, with one more scan in flight
    THEN a new process resumes order 1005 with every acknowledged unit and finishes it."""
    bench = open_bench()
    seed_small(bench.sessions)
    bench.close()

    first = start_replay(home)
    acknowledged = [send(first, "PS:BADGE:P-1001"), send(first, "1005")]
    for _ in range(5):
        acknowledged.append(send(first, SOCKS_GTIN))
    assert [a["code"] for a in acknowledged[-5:]] == ["item_packed"] * 5
    first.stdin.write(SOCKS_GTIN.encode() + b"\n")  # in flight when the power goes
    first.stdin.flush()
    os.kill(first.pid, signal.SIGKILL)
    first.wait(timeout=10)
    assert first.returncode == -signal.SIGKILL

    bench = open_bench()
    with bench.engine.connect() as conn:
        packed = conn.execute(text("select count(*) from pack_events where type='item_packed'")).scalar_one()
    bench.close()
    assert packed in (5, 6)  # the in-flight scan may or may not have committed; nothing acknowledged is lost

    second = start_replay(home)
    outcome = send(second, "PS:CMD:QTY:" + str(12 - packed))
    assert outcome["order"] == "1005" and outcome["phase"] == "packing"
    assert outcome["packed"] == {"SOCK-M": packed}
    assert send(second, SOCKS_GTIN)["code"] == "all_items_packed"
    second.stdin.close()
    assert second.wait(timeout=20) == 0
