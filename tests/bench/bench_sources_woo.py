"""WooCommerce sync speed (issue 21): 10,000 orders at 100 per page within 60 s.

    python -m tests.bench.bench_sources_woo [--orders 10000] [--budget 60]

Against the fake WooCommerce shop on 127.0.0.1 (tests/sources/fake_woocommerce.py, a real HTTP
server; its JSON encoding is part of the time, as a shop's would be): a standalone station's
store (SQLite, migrated), one connector round from an empty cursor — the catalogue, then every
page of 100 orders fetched, validated by the importer's builders and written through its planner
with each order's version — and then a second round with nothing new (the overlap window's pages
fetched again and left alone). Prints the table; exits 1 when the first round is over budget.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from app.sources.connector import sync_source
from app.sources.registry import add_source, config_of, get_source, store_secret
from app.sources.woocommerce import WooCommerceAdapter
from app.store.db import open_database, sqlite_url
from tests.sources.fake_woocommerce import FakeWooCommerce

SKUS = 200


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--orders", type=int, default=10_000)
    parser.add_argument("--budget", type=float, default=60.0)
    args = parser.parse_args()
    shop = FakeWooCommerce().start()
    for i in range(SKUS):
        shop.add_product(f"SKU-{i:04d}", name=f"Product {i} — Größe M", weight="0.25", dims=("20", "15", "5"))
    for i in range(args.orders):
        shop.add_order([(f"SKU-{i % SKUS:04d}", 1 + i % 3), (f"SKU-{(i * 7) % SKUS:04d}", 1)],
                       shipping={"first_name": "Zoë", "last_name": f"Kunde {i}"})
    with tempfile.TemporaryDirectory() as folder:
        engine, _ = open_database(sqlite_url(Path(folder) / "station.db"))
        ref = store_secret(f"{shop.key}\n{shop.secret}", name="bench", config_dir=Path(folder))
        add_source(engine, name="bench", platform="woocommerce", shop=shop.url, api_url=shop.url, secret_ref=ref)
        adapter = WooCommerceAdapter(config_of(get_source(engine, "bench")))
        try:
            started = time.perf_counter()
            first = sync_source(engine, "bench", adapter)
            first_s = time.perf_counter() - started
            started = time.perf_counter()
            second = sync_source(engine, "bench", adapter)
            second_s = time.perf_counter() - started
        finally:
            adapter.close()
            engine.dispose()
            shop.stop()
    pages = -(-args.orders // 100)
    print(f"{args.orders:,} WooCommerce orders ({pages} pages of 100), {SKUS} products, fake shop on 127.0.0.1")
    print(f"{'round':34} {'seconds':>8} {'written':>8} {'ignored':>8} {'orders/s':>9}")
    for label, report, seconds in (("first (empty cursor)", first, first_s),
                                   ("second (nothing new; overlap)", second, second_s)):
        print(f"{label:34} {seconds:8.2f} {report.orders_written:8,} {report.orders_ignored:8,} "
              f"{report.orders_seen / seconds if seconds else 0:9,.0f}")
        if report.error:
            print(f"  error: {report.error}", file=sys.stderr)
    print(f"budget for the first round: {args.budget:.0f} s")
    if first.error or first.orders_written != args.orders:
        print(f"FAILED: {first.orders_written} of {args.orders} written", file=sys.stderr)
        return 1
    if first_s > args.budget:
        print(f"OVER BUDGET: {first_s:.1f} s > {args.budget:.0f} s", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
