"""Scan path on a large station database: 1,000,000 orders, 100,000 products.

    python -m tests.bench.bench_scan [--orders N] [--products N]

Prints p50/p99 of: a bare insert-and-commit (the floor set by the disk with synchronous=FULL),
scan to committed-and-accepted through the Station, order look-up by number, tote and GTIN,
the GS1 parse of a 4-element scan (no database; `--only gs1` runs just that row), and the peak
RSS of a headless replay session. The database is built once into a cache folder.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from app.domain.gtin import gtin_check_digit

CACHE = Path(os.environ.get("PACKSTATION_BENCH_CACHE", Path(tempfile.gettempdir()) / "packstation-bench"))


def gtin(n: int) -> str:
    body = f"0950600{n:06d}"
    return body + gtin_check_digit(body)


def build(home: Path, orders: int, products: int) -> None:
    """Create the schema through the app, then bulk-fill it with sqlite3 (fast, not durable)."""
    os.environ["PACKSTATION_HOME"] = str(home)
    from app.startup import open_bench

    open_bench().close()
    db = sqlite3.connect(home / "data" / "station.db")
    db.execute("PRAGMA synchronous=OFF")
    rng = random.Random(1)
    with db:
        db.executemany(
            "insert into products (id, sku, name, weight_g, length_mm, width_mm, height_mm, requires_serial, "
            "requires_lot, updated_at) values (?,?,?,?,?,?,?,0,0,'2026-11-25 00:00:00')",
            ((i, f"SKU-{i:06d}", f"Product {i}", rng.randint(20, 2000), 100, 80, 50) for i in range(1, products + 1)),
        )
        db.executemany("insert into barcodes (code, product_id, units) values (?,?,1)",
                       ((gtin(i), i) for i in range(1, products + 1)))
        db.execute("insert into cartons (code, name, length_mm, width_mm, height_mm, tare_g, max_weight_g, active) "
                   "values ('XL','Large',600,400,400,500,30000,1)")
        db.execute("insert into users (name, badge, role, active, created_at) "
                   "values ('Bench','P-1','packer',1,'2026-11-25 00:00:00')")
        db.executemany(
            "insert into orders (id, number, channel, tote, status, ship_to_name, ship_to_company, ship_to_line1, "
            "ship_to_line2, ship_to_city, ship_to_region, ship_to_postcode, ship_to_country, ship_to_phone, "
            "ship_to_email, carrier, service_level, priority, notes, gift_message, packing_instructions, "
            "hold_reason, created_at, updated_at) values (?,?,'Shopify',?,?,'A Customer','','1 Road','','Town','',"
            "'12345','US','','','UPS','Ground',0,'','','','','2026-11-25 00:00:00','2026-11-25 00:00:00')",
            ((i, f"{i:07d}", f"TOTE-{i:07d}" if i % 10 == 0 else None, "shipped" if i < orders * 0.9 else "open")
             for i in range(1, orders + 1)),
        )
        db.executemany(
            "insert into order_lines (order_id, line_no, product_id, quantity) values (?,?,?,?)",
            ((o, n, rng.randint(1, products), rng.randint(1, 3)) for o in range(1, orders + 1)
             for n in range(1, 1 + (o % 3) + 1)),
        )
    db.execute("ANALYZE")
    db.close()


def migrate_and_settle(home: Path) -> None:
    """Bring the copy to this build's schema (and its backup) before anything is timed, then
    flush the page cache: half a gigabyte of dirty pages written back during the run would show
    as fsync stalls in the scans' p99 that no station sees in use."""
    from app.startup import open_bench

    os.environ["PACKSTATION_HOME"] = str(home)
    set_up_station(home)
    open_bench().close()
    os.sync()


def set_up_station(home: Path) -> None:
    """A bench in use is set up: its ship-from is in station.toml. Without it the window opens the
    first-start setup dialog after the first frame, and the timings would include that dialog."""
    config = home / "station.toml"  # app.config.station_paths under PACKSTATION_HOME
    if not config.exists():
        config.parent.mkdir(parents=True, exist_ok=True)
        config.write_text('[ship_from]\ncompany = "Bench Warehouse"\nline1 = "1 Dock Road"\n'
                          'city = "Hamburg"\npostcode = "20457"\ncountry = "DE"\n', encoding="utf-8")


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def bare_commit(path: Path, n: int = 2000) -> list[float]:
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("create table if not exists bench_floor (id integer primary key, payload text)")
    out = []
    for i in range(n):
        start = time.perf_counter()
        db.execute("BEGIN")
        db.execute("insert into bench_floor (payload) values (?)", (f"row {i}",))
        db.execute("COMMIT")
        out.append(time.perf_counter() - start)
    db.execute("drop table bench_floor")
    db.close()
    return out


def scans(home: Path, orders: int, products: int, count: int = 3000) -> tuple[list[float], dict[str, list[float]]]:
    os.environ["PACKSTATION_HOME"] = str(home)
    from app.printing import station_output
    from app.startup import open_bench
    from app.station import Station
    from app.store.repository import Repository

    bench = open_bench()
    repo = Repository(bench.engine)
    station = Station(bench.config, repo, station_output(bench))
    station.scan("PS:BADGE:P-1")
    rng = random.Random(2)
    first_open = int(orders * 0.9) + 1
    timings: list[float] = []
    numbers = iter(range(first_open, orders + 1))
    while len(timings) < count:
        number = f"{next(numbers):07d}"
        station.scan(number)
        for line in station.state.order.lines:
            code = gtin(int(line.sku.split("-")[1]))
            for _ in range(line.quantity):
                start = time.perf_counter()
                outcome = station.scan(code)
                timings.append(time.perf_counter() - start)
                assert outcome.code in ("item_packed", "all_items_packed"), outcome.message
        station.scan("PS:CMD:CANCEL") if station.state.phase.value == "packing" else station.scan("PS:CMD:CONFIRM")
    lookups: dict[str, list[float]] = {"number": [], "tote": [], "gtin": []}
    for _ in range(2000):
        n = rng.randint(1, orders)
        code = gtin(rng.randint(1, products))
        for kind, call, arg in (("number", repo.order_by_number, f"{n:07d}"),
                                ("tote", repo.order_by_tote, f"TOTE-{(n // 10 * 10 or 10):07d}"),
                                ("gtin", repo.product_by_code, (code,))):
            start = time.perf_counter()
            assert call(arg) is not None
            lookups[kind].append(time.perf_counter() - start)
    return timings, lookups


GS1_SCAN = "]C1" + "01" + gtin(134352) + "17261231" + "10ABC123" + "\x1d" + "21XYZ0001"  # 4 elements


def gs1_parse(count: int = 20_000) -> tuple[list[float], list[float]]:
    """Seconds per GS1 parse of a 4-element GS1-128 scan (GTIN, expiry, lot, serial): the element
    string alone (app.domain.gs1), and the whole scan (parse_scan). The dictionary is loaded first,
    as the first GS1 scan of a shift does."""
    from datetime import date

    from app.domain.gs1 import parse_element_string
    from app.domain.scan import parse_scan

    today = date(2026, 1, 1)
    body = GS1_SCAN[3:]
    assert len(parse_element_string(body, today=today).elements) == 4
    assert parse_scan(GS1_SCAN, today=today).accepted
    element, scan = [], []
    for _ in range(count):
        start = time.perf_counter()
        parse_element_string(body, today=today)
        middle = time.perf_counter()
        parse_scan(GS1_SCAN, today=today)
        element.append(middle - start)
        scan.append(time.perf_counter() - middle)
    return element, scan


def gs1_rows() -> list[tuple[str, float, float, str]]:
    element, scan = gs1_parse()
    return [("GS1 parse, 4-element scan", *percentiles(element), "<= 0.2 ms"),
            ("parse_scan of that GS1-128 scan", *percentiles(scan), "<= 0.2 ms")]


def print_rows(rows: list[tuple[str, float, float, str]]) -> None:
    print(f"\n{'measure':42} {'p50 ms':>8} {'p99 ms':>8}  budget")
    for name, p50, p99, budget in rows:
        print(f"{name:42} {p50 * 1000:8.3f} {p99 * 1000:8.3f}  {budget}")


def replay_rss(home: Path, orders: int) -> float:
    """Peak RSS of a `packstation replay` child packing 200 orders."""
    lines = ["PS:BADGE:P-1"]
    first_open = int(orders * 0.9) + 1
    for number in range(first_open, first_open + 200):
        lines += [f"{number:07d}", "PS:CMD:CANCEL"]
    script = Path(tempfile.mkdtemp()) / "scans.txt"
    script.write_text("\n".join(lines) + "\n")
    env = {**os.environ, "PACKSTATION_HOME": str(home)}
    subprocess.run([sys.executable, "-m", "app.cli", "replay", str(script)], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--orders", type=int, default=1_000_000)
    parser.add_argument("--products", type=int, default=100_000)
    parser.add_argument("--only", choices=["gs1"], help="run one group: gs1 (parsing, no database)")
    args = parser.parse_args()
    if args.only == "gs1":
        print_rows(gs1_rows())
        return
    pristine = CACHE / f"o{args.orders}-p{args.products}"
    if not (pristine / "data" / "station.db").exists():
        start = time.perf_counter()
        build(pristine, args.orders, args.products)
        print(f"built {args.orders:,} orders / {args.products:,} products in {time.perf_counter() - start:.0f} s")
    # Each run packs a copy, so that every run starts from the same open orders.
    home = Path(tempfile.mkdtemp(prefix="packstation-bench-run-"))
    shutil.copytree(pristine, home, dirs_exist_ok=True)
    migrate_and_settle(home)
    floor = bare_commit(home / "data" / "floor.db")
    scan_times, lookups = scans(home, args.orders, args.products)
    rss = replay_rss(home, args.orders)
    f50, f99 = percentiles(floor)
    s50, s99 = percentiles(scan_times)
    rows = [
        ("bare insert+commit (synchronous=FULL)", f50, f99, "floor"),
        ("scan → committed and accepted", s50, s99, f"<= 2 ms; {s99 / f99:.1f}× the floor"),
    ]
    rows += [(f"order look-up by {kind}", *percentiles(values), "<= 2 ms") for kind, values in lookups.items()]
    rows += gs1_rows()
    print_rows(rows)
    print(f"{'headless replay peak RSS':42} {rss:8.0f} MB           <= 150 MB")
    shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
