"""Write-back latency (issue 21): "a shipped parcel's write-back starts ≤ 1 s after its label, never
delaying the packer".

    python -m tests.bench.bench_sources_writeback [--parcels 50] [--budget 1.0]

A standalone station (its own PACKSTATION_HOME, labels to the spool as ZPL) connected to the fake
WooCommerce shop on 127.0.0.1, with the real connector running beside it as a separate process
(`packstation sources run --interval 3600`, so every write-back is started by the connector's
notice of the station's commit, not by a round). In this process a Station packs one shop order
after another: badge, order, item, CONFIRM — the label prints. For each parcel the bench takes
the moment the label scan returned (the label is on disk and the packer sees "packed") and the
moment the shop received the first request of that order's write-back (the notes GET that makes
it idempotent), and waits for the write-back before the next order, as a packer's minute between
parcels would. It also times the label scan itself with the connector running, to show that the
packer never waits for the shop. Prints the table; exits 1 when p99 is over the budget.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.sources.fake_woocommerce import FakeWooCommerce

GTIN = "4006381333931"
CARTONS = Path(__file__).resolve().parents[1] / "fixtures" / "import" / "cartons.csv"
BADGE = "P-2001"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def cli(home: Path, *args: str) -> None:
    done = subprocess.run([sys.executable, "-m", "app.cli", *args], capture_output=True, cwd=home,
                          env={**os.environ, "PACKSTATION_HOME": str(home)}, timeout=300)
    if done.returncode != 0:
        raise SystemExit(f"packstation {' '.join(args)} failed: {done.stderr.decode()}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--parcels", type=int, default=50)
    parser.add_argument("--budget", type=float, default=1.0, help="seconds from label to write-back, p99")
    parser.add_argument("--without-connector", action="store_true",
                        help="pack with no connector running: the label scan's time to compare with")
    args = parser.parse_args()
    shop = FakeWooCommerce().start()
    shop.add_product("MUG-1", name="Stoneware mug", gtin=GTIN)
    orders = [shop.add_order([("MUG-1", 1)]) for _ in range(args.parcels)]
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder) / "station"
        home.mkdir()
        (home / "station.toml").write_text('[printers]\nlabel_format = "zpl"\n', encoding="utf-8")
        cli(home, "import", "cartons", str(CARTONS))
        cli(home, "users", "add", "--name", "Ana Packer", "--role", "packer", "--badge", BADGE)
        cli(home, "sources", "add", "woocommerce", "shop", "--url", shop.url, "--key-file",
            str(shop.key_file(Path(folder))))
        cli(home, "sources", "sync")
        os.environ["PACKSTATION_HOME"] = str(home)
        os.environ.pop("PACKSTATION_CONFIG", None)
        command = [sys.executable, "-m", "app.cli", "sources", "run", "--interval", "3600"]
        if args.without_connector:
            command = [sys.executable, "-c", "import time; time.sleep(3600)"]
        connector = subprocess.Popen(command, cwd=home, env=dict(os.environ), stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE)
        try:
            latencies, label_scans = pack(shop, orders, connector, wait=not args.without_connector)
        finally:
            connector.terminate()
            connector.wait(timeout=30)
    shop.stop()
    if args.without_connector:
        print(f"{'label scan (CONFIRM), no connector':<48} {percentile(label_scans, 0.5) * 1000:>6.1f}ms "
              f"{percentile(label_scans, 0.99) * 1000:>6.1f}ms {max(label_scans) * 1000:>6.1f}ms")
        return 0
    p50, p99, worst = percentile(latencies, 0.5), percentile(latencies, 0.99), max(latencies)
    print(f"{'measure':<48} {'p50':>8} {'p99':>8} {'max':>8}")
    print(f"{'label printed -> write-back received by the shop':<48} {p50:>7.3f}s {p99:>7.3f}s {worst:>7.3f}s")
    print(f"{'label scan (CONFIRM), connector running':<48} {percentile(label_scans, 0.5) * 1000:>6.1f}ms "
          f"{percentile(label_scans, 0.99) * 1000:>6.1f}ms {max(label_scans) * 1000:>6.1f}ms")
    print(f"{len(latencies)} parcels; budget p99 <= {args.budget:.2f} s: {'ok' if p99 <= args.budget else 'OVER'}")
    return 0 if p99 <= args.budget else 1


def pack(shop: FakeWooCommerce, orders: list[dict], connector: subprocess.Popen, *,
         wait: bool = True) -> tuple[list[float], list[float]]:
    from app.printing import station_output
    from app.startup import open_bench
    from app.station import Station
    from app.store.repository import Repository

    bench = open_bench()
    output = station_output(bench)
    station = Station(bench.config, Repository(bench.engine), output)
    output.start()
    latencies: list[float] = []
    label_scans: list[float] = []
    try:
        time.sleep(2.0)  # the connector's first round (nothing to do) is over
        station.scan(f"PS:BADGE:{BADGE}")
        for order in orders:
            notes = f"/wp-json/wc/v3/orders/{order['id']}/notes"
            station.scan(order["number"])
            station.scan(GTIN)
            started = time.monotonic()
            outcome = station.scan("PS:CMD:CONFIRM")
            labelled = time.monotonic()
            if "label_printed" not in outcome.facts:
                raise SystemExit(f"order {order['number']}: no label ({outcome.code}: {outcome.message})")
            label_scans.append(labelled - started)
            if not wait:
                time.sleep(0.3)  # the time a write-back took with the connector, so the pace is the same
                continue
            deadline = labelled + 10
            while True:
                arrived = next((at for at, _method, path in list(shop.arrivals) if path == notes), None)
                if arrived is not None:
                    latencies.append(arrived - labelled)
                    break
                if time.monotonic() > deadline or connector.poll() is not None:
                    error = connector.stderr.read().decode() if connector.poll() is not None and connector.stderr \
                        else ""
                    raise SystemExit(f"order {order['number']}: no write-back within 10 s {error}")
                time.sleep(0.005)
            while not shop.notes.get(order["id"]):  # the note is written before the next parcel
                time.sleep(0.005)
    finally:
        output.stop()
        station.repo.close()
        bench.close()
    return latencies, label_scans


if __name__ == "__main__":
    raise SystemExit(main())
