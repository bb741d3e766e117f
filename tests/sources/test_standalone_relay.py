"""A shop's cancellation stops the packer on a standalone station, though the connector is another process.

The connector (`packstation sources sync` / `sources run`) is a process of its own that cancels
the order in the station's SQLite file; the station's order watch (app.sources.relay, opened by
app.startup.open_order_watch for the window and for replay) notices it and calls
`Station.order_changed`, the path a central cancellation takes. Every test here runs the real
command in a subprocess against the fake WooCommerce shop on 127.0.0.1.
"""

from __future__ import annotations

import json
import queue
import subprocess
import sys
import time
from pathlib import Path

from tests.sources.commands import BADGE, MUG_GTIN, environment, packstation
from tests.sources.fake_woocommerce import FakeWooCommerce


def test_a_sync_process_cancelling_the_open_order_stops_the_station(home: Path, shop: FakeWooCommerce,
                                                                    connected: dict):
    """GIVEN a standalone station (in this process) packing a shop order, one of its two mugs scanned,
    with the order watch the window uses
    WHEN the shop cancels the order and `packstation sources sync` runs as a separate process
    THEN the watch tells the station within a second of that process ending, and the packer is stopped."""
    from app.printing import station_output
    from app.startup import open_bench, open_order_watch
    from app.station import Station
    from app.store.repository import Repository

    bench = open_bench()
    station = Station(bench.config, Repository(bench.engine), station_output(bench))
    changed: queue.Queue[str] = queue.Queue()
    watch = open_order_watch(bench, lambda: station, changed.put)
    try:
        station.scan(f"PS:BADGE:{BADGE}")
        assert station.scan(connected["number"]).code == "order_opened"
        assert station.scan(MUG_GTIN).code == "item_packed"
        time.sleep(0.3)  # the watch has seen the open order
        assert changed.empty()  # packing the order itself tells nobody anything

        shop.change_order(connected["id"], status="cancelled")
        packstation(home, "sources", "sync")
        synced = time.monotonic()
        number = changed.get(timeout=5)
        told_after = time.monotonic() - synced
        assert number == connected["number"]
        assert told_after < 1.0, f"told {told_after:.2f} s after the sync process ended"
        stop = station.order_changed(number)
        assert stop.code == "order_stopped" and "CANCELLED" in stop.message
        assert station.state.order is None
        time.sleep(0.5)
        assert changed.empty()  # told once
    finally:
        watch.stop()
        station.repo.close()
        bench.close()


def test_replay_shows_the_stop_before_the_next_scan(home: Path, shop: FakeWooCommerce, connected: dict):
    """GIVEN `packstation replay` packing the shop order (one mug scanned), reading scans from a pipe
    WHEN the shop cancels it and `sources sync` runs in another process, and the packer scans the second mug
    THEN replay prints the stop (order_stopped) before that scan, which finds no order open."""
    replay = subprocess.Popen([sys.executable, "-m", "app.cli", "replay", "-"], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environment(home), cwd=home)
    assert replay.stdin is not None and replay.stdout is not None

    def scan(code: str) -> None:
        replay.stdin.write(f"{code}\n".encode())
        replay.stdin.flush()

    def outcome() -> dict:
        return json.loads(replay.stdout.readline())

    try:
        scan(f"PS:BADGE:{BADGE}")
        assert outcome()["code"] == "signed_in"
        scan(connected["number"])
        assert outcome()["code"] == "order_opened"
        scan(MUG_GTIN)
        assert outcome()["code"] == "item_packed"

        shop.change_order(connected["id"], status="cancelled")
        packstation(home, "sources", "sync")
        scan(MUG_GTIN)
        stop, after = outcome(), outcome()
        assert stop["code"] == "order_stopped" and stop["kind"] == "order_change", stop
        assert stop["scan"] == connected["number"] and stop["order"] is None
        assert after["scan"] == MUG_GTIN and after["order"] is None and after["code"] != "item_packed"
    finally:
        replay.stdin.close()
        assert replay.wait(timeout=60) == 0, replay.stderr.read().decode() if replay.stderr else ""
