"""Returns bench and stock look-ups on a large station database: 100,000 SKUs × 10 bins.

    python -m tests.bench.bench_returns [--skus N] [--bins N] [--orders N]

Prints p50/p99 of: a bare insert-and-commit (the disk's floor with synchronous=FULL), a return
scan in the domain alone (decide + apply), a return scan through the store (look-ups, events,
stock movement, durable commit), the same with synchronous=OFF (the store's own cost, without
the disk), opening a return by order number, and a stock level look-up. The database is built
once into a cache folder.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sqlite3
import statistics
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.domain.gtin import gtin_check_digit

CACHE = Path(os.environ.get("PACKSTATION_BENCH_CACHE", Path(tempfile.gettempdir()) / "packstation-bench"))
STAMP = "2026-11-20 10:00:00"


def gtin(n: int) -> str:
    body = f"0950600{n:06d}"
    return body + gtin_check_digit(body)


def build(path: Path, skus: int, bins: int, orders: int) -> None:
    """Create the schema through the app, then bulk-fill it with sqlite3 (fast, not durable)."""
    from app.store.db import open_database

    engine, _ = open_database(f"sqlite:///{path}")
    engine.dispose()
    db = sqlite3.connect(path)
    db.execute("PRAGMA synchronous=OFF")
    rng = random.Random(1)
    with db:
        db.executemany(
            "insert into products (id, sku, name, weight_g, requires_serial, requires_lot, bin_location, updated_at) "
            "values (?,?,?,?,0,0,?,?)",
            ((i, f"SKU-{i:06d}", f"Product {i}", 100, f"B{i % 997:03d}-{0:02d}", STAMP) for i in range(1, skus + 1)))
        db.executemany("insert into barcodes (code, product_id, units) values (?,?,1)",
                       ((gtin(i), i) for i in range(1, skus + 1)))
        db.executemany("insert into stock_levels (sku, bin, on_hand, updated_at) values (?,?,?,?)",
                       ((f"SKU-{i:06d}", f"B{(i + b * 101) % 997:03d}-{b:02d}", rng.randint(0, 50), STAMP)
                        for i in range(1, skus + 1) for b in range(bins)))
        db.execute("insert into users (id, name, badge, role, active, created_at) "
                   "values (1, 'Bench', 'P-1', 'packer', 1, ?)", (STAMP,))
        db.executemany(
            "insert into orders (id, number, channel, status, ship_to_name, ship_to_company, ship_to_line1, "
            "ship_to_line2, ship_to_city, ship_to_region, ship_to_postcode, ship_to_country, ship_to_phone, "
            "ship_to_email, carrier, service_level, priority, notes, gift_message, packing_instructions, hold_reason, "
            "created_at, updated_at) values (?,?,'Shopify','shipped','A Customer','','1 Road','','Town','','12345',"
            "'US','','','UPS','Ground',0,'','','','',?,?)",
            ((o, f"{o:07d}", STAMP, STAMP) for o in range(1, orders + 1)))
        lines = [(o, n, rng.randint(1, skus), rng.randint(1, 3)) for o in range(1, orders + 1) for n in (1, 2, 3)]
        db.executemany("insert into order_lines (order_id, line_no, product_id, quantity) values (?,?,?,?)", lines)
        db.executemany("insert into pack_events (uuid, station, packer_id, order_id, type, payload, at) "
                       "values (?,?,?,?,?,?,?)",
                       ((str(uuid.uuid4()), "BENCH-1", 1, o, "order_packed", json.dumps({"number": f"{o:07d}"}), STAMP)
                        for o in range(1, orders + 1)))
    db.execute("ANALYZE")
    db.close()


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
    db.close()
    return out


def domain_scans(count: int) -> list[float]:
    """decide + apply of item, grade and put-away inputs, on a 3-line order: no I/O at all."""
    from app.domain.events import BadgeScanned, CommandScanned
    from app.domain.model import Product, Role, User
    from app.domain.returns import (
        Grade,
        GradeChosen,
        ReturnableLine,
        ReturnableOrder,
        ReturnItemScanned,
        ReturnReferenceScanned,
        ReturnSession,
    )
    from app.domain.scan import Command

    products = [Product(f"SKU-{i}", f"Product {i}", bin_location=f"A-{i}") for i in range(3)]
    order = ReturnableOrder("1", tuple(ReturnableLine(p.sku, p.name, 10**6, bin_location=p.bin_location)
                                       for p in products), shipped_at=datetime.now(UTC) - timedelta(days=2))
    session = ReturnSession()
    session.apply(session.decide(BadgeScanned("P-1", User(1, "Bench", Role.PACKER, "P-1"))).facts)
    session.apply(session.decide(ReturnReferenceScanned("1", order, datetime.now(UTC))).facts)
    timings = []
    inputs = [GradeChosen(Grade.RESELLABLE), CommandScanned(Command.CONFIRM)]
    for n in range(count):
        for event in (ReturnItemScanned("x", products[n % 3]), *inputs):
            start = time.perf_counter()
            session.apply(session.decide(event).facts)
            timings.append(time.perf_counter() - start)
    return timings


def store_scans(path: Path, orders: range, returns: int, *, durable: bool) -> tuple[list[float], list[float]]:
    """Through ReturnStation: open a return by order number, then scan, grade, put away each unit."""
    from sqlalchemy import event

    from app.returns.service import ReturnStation
    from app.store.db import open_database
    from app.store.returns import ReturnsRepository

    engine, _ = open_database(f"sqlite:///{path}")
    if not durable:
        event.listen(engine, "connect", lambda dbapi, _rec: dbapi.execute("PRAGMA synchronous=OFF"))
        engine.dispose()
    repo = ReturnsRepository(engine)
    station = ReturnStation(repo, station=f"RET-{'F' if durable else 'O'}")
    station.scan("PS:BADGE:P-1")
    rng = random.Random(3 if durable else 4)
    scans: list[float] = []
    opens: list[float] = []
    for number in rng.sample(orders, returns):  # each order once: nothing comes back twice
        start = time.perf_counter()
        outcome = station.scan(f"{number:07d}")
        opens.append(time.perf_counter() - start)
        assert outcome.code == "return_opened", outcome.message
        line = station.state.order.lines[0]
        for raw in (gtin(int(line.sku.split("-")[1])), "PS:GRADE:RESELLABLE", "PS:CMD:CONFIRM"):
            start = time.perf_counter()
            outcome = station.scan(raw)
            scans.append(time.perf_counter() - start)
            assert outcome.tone.value != "rejected", outcome.message
        station.scan("PS:CMD:COMPLETE")
    repo.close()
    engine.dispose()
    return scans, opens


def stock_lookups(path: Path, skus: int, count: int = 20000) -> list[float]:
    from app.store.db import open_database
    from app.store.inventory import StockReader

    engine, _ = open_database(f"sqlite:///{path}")
    reader = StockReader(engine)
    rng = random.Random(5)
    timings = []
    for _ in range(count):
        sku = f"SKU-{rng.randint(1, skus):06d}"
        start = time.perf_counter()
        view = reader.stock(sku)
        view.available()
        timings.append(time.perf_counter() - start)
        assert view.bins
    reader.close()
    engine.dispose()
    return timings


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--skus", type=int, default=100_000)
    parser.add_argument("--bins", type=int, default=10)
    parser.add_argument("--orders", type=int, default=20_000)
    parser.add_argument("--returns", type=int, default=600)
    args = parser.parse_args()
    pristine = CACHE / f"returns-s{args.skus}-b{args.bins}-o{args.orders}.db"
    if not pristine.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        start = time.perf_counter()
        build(pristine, args.skus, args.bins, args.orders)
        print(f"built {args.skus:,} SKUs × {args.bins} bins, {args.orders:,} shipped orders in "
              f"{time.perf_counter() - start:.0f} s")
    work = Path(tempfile.mkdtemp(prefix="packstation-bench-returns-"))
    path = work / "station.db"
    shutil.copyfile(pristine, path)
    floor = bare_commit(work / "floor.db")
    domain = domain_scans(3000)
    half = args.orders // 2
    durable, opens = store_scans(path, range(1, half + 1), args.returns, durable=True)
    relaxed, _ = store_scans(path, range(half + 1, args.orders + 1), args.returns, durable=False)
    lookups = stock_lookups(path, args.skus)
    f50, f99 = percentiles(floor)
    d99 = percentiles(durable)[1]
    rows = [
        ("bare insert+commit (synchronous=FULL)", f50, f99, "floor"),
        ("return scan, domain (decide + apply)", *percentiles(domain), "<= 2 ms"),
        ("return scan, store, committed (FULL)", *percentiles(durable), f"<= 2 ms + floor; {d99 / f99:.1f}× the floor"),
        ("return scan, store, synchronous=OFF", *percentiles(relaxed), "<= 2 ms (the store's own cost)"),
        ("open a return by order number", *percentiles(opens), "info"),
        (f"stock level look-up ({args.skus:,} SKUs × {args.bins} bins)", *percentiles(lookups), "<= 2 ms"),
    ]
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"\nload average {load} on {os.cpu_count()} CPU(s): p99s on a busy machine include scheduling delays")
    print(f"{'measure':50} {'p50 ms':>8} {'p99 ms':>8}  budget")
    for name, p50, p99, budget in rows:
        print(f"{name:50} {p50 * 1000:8.3f} {p99 * 1000:8.3f}  {budget}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
