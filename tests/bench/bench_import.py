"""Import speed: 100,000 orders (about 250,000 lines) into a station database.

    python -m tests.bench.bench_import [--orders N] [--products N] [--budget SECONDS]

Generates a products CSV and an orders CSV (one row per order line), then times, each into
the same SQLite database (WAL, synchronous=FULL, as a station runs it):

- the products import,
- the first orders import (everything created),
- the same file again (everything unchanged: the preload-and-compare path),
- every order changed (a new ship-by date and quantities: update, lines replaced),
- the same orders as JSON into a fresh database.

Prints a table and fails (exit 1) when the first orders import is over the budget (30 s).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

from app.domain.gtin import gtin_check_digit
from app.store.db import open_database
from app.store.importing import ImportReport, import_file

ORDER_HEADER = ["order_number", "channel", "tote", "ship_to_name", "ship_to_company", "ship_to_line1",
                "ship_to_line2", "ship_to_city", "ship_to_region", "ship_to_postcode", "ship_to_country",
                "ship_to_phone", "ship_to_email", "carrier", "service_level", "ship_by", "priority", "notes",
                "gift_message", "packing_instructions", "sku", "quantity"]


def gtin13(n: int) -> str:
    body = f"95060{n:07d}"
    return body + gtin_check_digit(body)


def write_products(path: Path, count: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["sku", "name", "barcodes", "weight_g", "length_mm", "width_mm", "height_mm", "bin_location"])
        for n in range(1, count + 1):
            writer.writerow([f"SKU-{n:06d}", f"Product {n}", gtin13(n), 50 + n % 900, 200, 150, 40,
                             f"A-{n % 40:02d}-{n % 5}"])


def orders(count: int, products: int, seed: int = 1) -> list[dict]:
    rng = random.Random(seed)
    result = []
    for n in range(count):
        lines = rng.choice((1, 1, 2, 2, 3, 3, 3, 4, 5))  # 2.6 lines per order on average
        skus = rng.sample(range(1, products + 1), lines)
        result.append({
            "order_number": str(100_000 + n), "channel": rng.choice(("Shopify", "Amazon", "eBay")),
            "tote": f"TOTE-{n % 9999:04d}" if n % 3 == 0 else "",
            "ship_to": {"name": f"Customer {n}", "line1": f"{n} Market Street", "city": "Springfield",
                        "region": "IL", "postcode": f"{62700 + n % 99}", "country": "US",
                        "phone": "+1 217 555 0100", "email": f"c{n}@example.com"},
            "carrier": "UPS", "service_level": "Ground", "ship_by": "2026-11-27", "priority": n % 3,
            "gift_message": "Happy birthday!" if n % 10 == 0 else "",
            "lines": [{"sku": f"SKU-{sku:06d}", "quantity": 1 + (sku % 3 == 0)} for sku in skus],
        })
    return result


def write_orders_csv(path: Path, data: list[dict]) -> int:
    rows = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(ORDER_HEADER)
        for order in data:
            address = order["ship_to"]
            head = [order["order_number"], order["channel"], order["tote"], address["name"], "", address["line1"],
                    "", address["city"], address["region"], address["postcode"], address["country"],
                    address["phone"], address["email"], order["carrier"], order["service_level"], order["ship_by"],
                    order["priority"], "", order["gift_message"], ""]
            for line in order["lines"]:
                writer.writerow([*head, line["sku"], line["quantity"]])
                rows += 1
    return rows


def timed(label: str, run) -> tuple[str, float, ImportReport]:
    start = time.perf_counter()
    report = run()
    elapsed = time.perf_counter() - start
    if not report.committed or report.errors:
        print(report.summary(), file=sys.stderr)
        raise SystemExit(f"{label}: import failed")
    return label, elapsed, report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--products", type=int, default=5_000)
    parser.add_argument("--budget", type=float, default=30.0, help="seconds allowed for the first orders import")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="packstation-bench-import-") as folder:
        root = Path(folder)
        products_csv, orders_csv, orders_json = root / "products.csv", root / "orders.csv", root / "orders.json"
        write_products(products_csv, args.products)
        data = orders(args.orders, args.products)
        lines = write_orders_csv(orders_csv, data)
        changed_csv = root / "orders-changed.csv"
        for order in data:
            order["ship_by"] = "2026-11-28"
            order["lines"][0]["quantity"] += 1
        write_orders_csv(changed_csv, data)
        orders_json.write_text(json.dumps(data, indent=1), encoding="utf-8")
        del data
        _, sessions = open_database(f"sqlite:///{root / 'station.db'}")
        _, json_sessions = open_database(f"sqlite:///{root / 'json.db'}")
        results = [
            timed("products csv", lambda: import_file(sessions, "products", products_csv)),
            timed("orders csv, first import", lambda: import_file(sessions, "orders", orders_csv)),
            timed("orders csv, again (unchanged)", lambda: import_file(sessions, "orders", orders_csv)),
            timed("orders csv, all changed", lambda: import_file(sessions, "orders", changed_csv)),
        ]
        import_file(json_sessions, "products", products_csv)
        results.append(timed("orders json, first import", lambda: import_file(json_sessions, "orders", orders_json)))
        sizes = {"products csv": products_csv, "orders csv": orders_csv, "orders json": orders_json}
        print(f"{args.orders:,} orders, {lines:,} lines, {args.products:,} products "
              f"(orders.csv {sizes['orders csv'].stat().st_size / 1e6:.1f} MB, "
              f"orders.json {sizes['orders json'].stat().st_size / 1e6:.1f} MB)\n")
        print(f"{'import':32} {'seconds':>8} {'created':>9} {'updated':>9} {'unchanged':>9} {'records/s':>10}")
        for label, elapsed, report in results:
            records = report.created + report.updated + report.unchanged
            print(f"{label:32} {elapsed:8.2f} {report.created:9,} {report.updated:9,} {report.unchanged:9,} "
                  f"{records / elapsed:10,.0f}")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"\npeak RSS {peak:.0f} MB; budget for the first orders import: {args.budget:.0f} s")
        first = results[1][1]
        if first > args.budget:
            print(f"OVER BUDGET: {first:.1f} s > {args.budget:.0f} s", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
