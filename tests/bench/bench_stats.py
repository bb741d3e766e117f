"""Supervisor statistics on a large event log: 1,000,000 pack events, 200 packers, 100 stations.

    python -m tests.bench.bench_stats [--events N] [--packers N] [--stations N] [--no-indexes]

Builds (once, into a cache folder) a station database whose pack-event log looks like a real
floor: two shifts a day, packers signed in at their benches, orders of every difficulty, rejected
scans, holds, reprints, voids, overrides. Then times every supervisor query and prints a table:

- each stats view over the whole log (the worst case) and over one day,
- the floor view for all stations (on a worker thread, as the window runs it),
- audit searches.

Budgets: any stats view <= 500 ms; floor refresh for 100 stations <= 100 ms. Exit 1 when over.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

CACHE = Path(os.environ.get("PACKSTATION_BENCH_CACHE", Path(tempfile.gettempdir()) / "packstation-bench"))
START = datetime(2026, 11, 2, tzinfo=UTC)  # a Monday
SHIFTS = ((6, 14), (14, 22))
FMT = "%Y-%m-%d %H:%M:%S.%f"  # how SQLAlchemy stores a DateTime in SQLite


def _ts(moment: datetime) -> str:
    return moment.strftime(FMT)


class LogWriter:
    """Simulates benches and collects their events (already in the app's payload shapes)."""

    def __init__(self, rng: random.Random, orders: list[tuple[int, str, list[tuple[int, str, int, bool]]]]) -> None:
        self.rng = rng
        self.orders = orders
        self.next_order = 0
        self.events: list[tuple] = []
        self.parcels: list[tuple] = []
        self.status: dict[int, str] = {}

    def add(self, at: datetime, station: str, packer: int | None, order_id: int | None, kind: str,
            payload: dict) -> None:
        self.events.append((at, station, packer, order_id, kind, json.dumps(payload, separators=(",", ":"))))

    def shift(self, station: str, packer: int, begin: datetime, end: datetime, skill: float) -> None:
        rng = self.rng
        t = begin + timedelta(seconds=rng.randint(0, 600))
        self.add(t, station, None, None, "signed_in", {"user_id": packer, "name": f"Packer {packer}",
                                                        "role": "packer", "badge": f"P-{packer}"})
        while t < end and self.next_order < len(self.orders):
            t += timedelta(seconds=rng.randint(5, 120))  # walk to the rack, take a tote
            t = self.order(station, packer, t, skill)
        self.add(t + timedelta(seconds=5), station, packer, None, "signed_out", {})

    def order(self, station: str, packer: int, t: datetime, skill: float) -> datetime:
        rng = self.rng
        order_id, number, lines = self.orders[self.next_order]
        self.next_order += 1

        def step(low: float, high: float) -> datetime:
            return t + timedelta(seconds=rng.uniform(low, high) / skill)

        def add(kind: str, payload: dict) -> None:
            self.add(t, station, packer, order_id, kind, payload)

        add("order_opened", {"number": number})
        for line_no, (product_id, sku, qty, serial) in enumerate(lines, start=1):
            del product_id
            for _ in range(qty if serial or rng.random() < 0.7 else 1):
                t = step(2, 8)
                if rng.random() < 0.04:
                    add("scan_rejected", {"code": "wrong_item", "message": "Wrong item", "sku": "SKU-X"})
                    t = step(2, 6)
                if serial:
                    add("code_requested", {"line": line_no, "sku": sku, "needs": "serial", "lot": None})
                    t = step(2, 6)
                units = 1 if serial else qty
                add("item_packed", {"line": line_no, "sku": sku, "units": units, "box": 1,
                                    "serial": f"SN{uuid.uuid4().hex[:10]}" if serial else None, "lot": None,
                                    "manual": False})
                if not serial:
                    break
        if rng.random() < 0.03:
            t = step(5, 30)
            reason = rng.choice(["short", "damaged", "held"])
            add("order_held", {"number": number, "reason": reason, "missing": {lines[0][1]: 1}})
            self.status[order_id] = "held"
            return t
        add("box_closed", {"box": 1, "last": True})
        if rng.random() < 0.02:
            t = step(3, 10)
            add("box_reopened", {"box": 1})
            t = step(3, 10)
            add("box_closed", {"box": 1, "last": True})
        t = step(3, 10)
        add("carton_chosen", {"box": 1, "carton": "M"})
        t = step(3, 12)
        within = rng.random() > 0.03
        add("weight_recorded", {"box": 1, "grams": 900, "expected": 880, "allowance": 50, "within": within,
                                "source": "scale"})
        if not within:
            t = step(20, 90)
            add("override_granted", {"by": 9001, "name": "Sam Supervisor", "reason": "weight"})
        t = step(1, 3)
        tracking = f"1Z{order_id:012d}"
        add("label_printed", {"box": 1, "tracking": tracking})
        self.parcels.append((str(uuid.uuid4()), order_id, station, packer, tracking, _ts(t)))
        add("order_packed", {"number": number, "boxes": 1})
        self.status[order_id] = "packed"
        if rng.random() < 0.02:
            t = step(2, 8)
            add("reprint_requested", {"box": 1})
        if rng.random() < 0.005:
            t = step(2, 8)
            add("labels_voided", {"number": number, "boxes": [1]})
            self.status[order_id] = "open"
        return t


def make_orders(rng: random.Random, count: int, products: list[tuple[int, str, bool]]
                ) -> list[tuple[int, str, list[tuple[int, str, int, bool]]]]:
    plain = [p for p in products if not p[2]]
    serial = [p for p in products if p[2]]
    out = []
    for order_id in range(1, count + 1):
        roll = rng.random()
        if roll < 0.5:
            picks = [(rng.choice(plain), 1)]
        elif roll < 0.7:
            picks = [(rng.choice(plain), rng.randint(2, 6))]
        elif roll < 0.95:
            picks = [(p, rng.randint(1, 3)) for p in rng.sample(plain, rng.randint(2, 4))]
        else:
            picks = [(rng.choice(serial), rng.randint(1, 2)), (rng.choice(plain), 1)]
        out.append((order_id, f"{order_id:07d}", [(p[0], p[1], q, p[2]) for p, q in picks]))
    return out


def build(home: Path, events: int, packers: int, stations: int) -> dict:
    """Create the schema through the app, then bulk-fill it with sqlite3 (fast, not durable)."""
    os.environ["PACKSTATION_HOME"] = str(home)
    from app.startup import open_bench

    open_bench().close()
    rng = random.Random(7)
    products = [(i, f"SKU-{i:05d}", i % 20 == 0) for i in range(1, 5001)]
    orders = make_orders(rng, events // 8, products)
    writer = LogWriter(rng, orders)
    station_names = [f"ST-{n:03d}" for n in range(1, stations + 1)]
    skills = {p: rng.uniform(0.7, 1.4) for p in range(1, packers + 1)}
    day = 0
    while writer.next_order < len(orders):
        for shift_no, (start_h, end_h) in enumerate(SHIFTS):
            begin = START + timedelta(days=day, hours=start_h)
            for p in range(1, packers + 1):
                if (p - 1) % len(SHIFTS) != shift_no:
                    continue
                station = station_names[((p - 1) // len(SHIFTS)) % stations]
                writer.shift(station, p, begin, begin + timedelta(hours=end_h - start_h), skills[p])
        day += 1
    log = sorted(writer.events, key=lambda e: e[0])[:events]
    db = sqlite3.connect(home / "data" / "station.db")
    db.execute("PRAGMA synchronous=OFF")
    created = "2026-11-01 00:00:00.000000"
    with db:
        db.executemany("insert into products (id, sku, name, weight_g, requires_serial, requires_lot, updated_at) "
                       "values (?,?,?,100,?,0,?)", ((i, sku, f"Product {i}", s, created) for i, sku, s in products))
        db.executemany("insert into users (id, name, badge, role, active, failed_pin_attempts, created_at) "
                       "values (?,?,?,'packer',1,0,?)",
                       ((p, f"Packer {p:03d}", f"P-{p}", created) for p in range(1, packers + 1)))
        db.execute("insert into users (id, name, badge, role, active, failed_pin_attempts, created_at) "
                   "values (9001,'Sam Supervisor','S-1','supervisor',1,0,?)", (created,))
        db.executemany("insert into stations (name, created_at, last_seen_at) values (?,?,?)",
                       ((name, created, created) for name in station_names))
        db.executemany(
            "insert into orders (id, number, channel, status, ship_to_name, ship_to_company, ship_to_line1, "
            "ship_to_line2, ship_to_city, ship_to_region, ship_to_postcode, ship_to_country, ship_to_phone, "
            "ship_to_email, carrier, service_level, priority, notes, gift_message, packing_instructions, "
            "hold_reason, created_at, updated_at) values (?,?,'Shopify',?,'A Customer','','1 Road','','Town','',"
            "'12345','US','','','UPS','Ground',0,'','','',?,?,?)",
            ((oid, number, writer.status.get(oid, "open"),
              "short" if writer.status.get(oid) == "held" else "", created, created)
             for oid, number, _ in orders))
        db.executemany("insert into order_lines (order_id, line_no, product_id, quantity) values (?,?,?,?)",
                       ((oid, n, pid, qty) for oid, _, lines in orders
                        for n, (pid, _sku, qty, _s) in enumerate(lines, start=1)))
        db.executemany("insert into parcels (uuid, order_id, box_no, station, packer_id, tracking_number, carrier, "
                       "service_level, weight_source, status, created_at) values (?,?,1,?,?,?,'UPS','Ground',"
                       "'scale','labelled',?)", writer.parcels)
        db.executemany("insert into pack_events (uuid, station, packer_id, order_id, type, payload, at) "
                       "values (?,?,?,?,?,?,?)",
                       ((str(uuid.uuid4()), s, p, o, k, pl, _ts(at)) for at, s, p, o, k, pl in log))
    first, last = log[0][0], log[-1][0]
    db.close()
    return {"first": first.isoformat(), "last": last.isoformat(), "events": len(log)}


def timed(fn: Callable[[], object], runs: int = 3) -> tuple[float, float]:
    """Median and worst wall time in ms (the first run is a warm-up, as on a supervisor's PC)."""
    fn()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), max(samples)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--packers", type=int, default=200)
    parser.add_argument("--stations", type=int, default=100)
    args = parser.parse_args()
    pristine = CACHE / f"stats-e{args.events}-p{args.packers}-s{args.stations}"
    meta_file = pristine / "meta.json"
    if not meta_file.exists():
        start = time.perf_counter()
        meta = build(pristine, args.events, args.packers, args.stations)
        meta_file.write_text(json.dumps(meta))
        print(f"built {meta['events']:,} events in {time.perf_counter() - start:.0f} s", flush=True)
    meta = json.loads(meta_file.read_text())
    print(meta)
    return 0


if __name__ == "__main__":
    sys.exit(main())
