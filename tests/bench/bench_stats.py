"""Supervisor statistics on a large event log: 1,000,000 pack events, 200 packers, 100 stations.

    python -m tests.bench.bench_stats [--events N] [--packers N] [--stations N] [--no-indexes]

Builds (once, into a cache folder) a station database whose pack-event log looks like a real
floor: two shifts a day, packers signed in at their benches, orders of every difficulty, rejected
scans, holds, reprints, voids, overrides. Then times every supervisor query and prints a table:

- each stats view over the whole log (the worst case) and over one day,
- the floor view for all stations (also through the console's thread pool and signal),
- audit searches, the holds queue, the PDF,
- returns & stock (return rate, restock time, inventory accuracy) on 300,000 shipment movements,
  20,000 returned units and 10,000 counted lines added to the copy.

The roll-ups are built once per cached database (their one-time cost is printed); each run then
times views on a copy, including one after 2,000 new events (an incremental refresh).

Budgets (median of 5 after the first call): any stats view <= 500 ms; floor refresh for 100
stations <= 100 ms, never on the GUI thread. Exit 1 when over.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
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

    def shift(self, station: str, packer: int, begin: datetime, end: datetime, skill: float) -> datetime:
        rng = self.rng
        t = begin + timedelta(seconds=rng.randint(0, 600))
        self.add(t, station, None, None, "signed_in", {"user_id": packer, "name": f"Packer {packer:03d}",
                                                        "role": "packer", "badge": f"P-{packer}"})
        while t < end and self.next_order < len(self.orders):
            t += timedelta(seconds=rng.randint(5, 120))  # walk to the rack, take a tote
            t = self.order(station, packer, t, skill)
        self.add(t + timedelta(seconds=5), station, packer, None, "signed_out", {})
        return t + timedelta(seconds=6)

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


def build(home: Path, events: int, packers: int, stations: int, *, start: datetime = START,
          until: datetime | None = None, names: list[str] | None = None, bench_names: list[str] | None = None
          ) -> dict:
    """Create the schema through the app, then bulk-fill it with sqlite3 (fast, not durable).

    `start` is the first day's midnight (shifts run 06-14 and 14-22 from it); `until` cuts the
    log at that moment (a floor caught mid-shift, for screenshots); `names` names the packers.
    """
    os.environ["PACKSTATION_HOME"] = str(home)
    from app.startup import open_bench

    open_bench().close()
    rng = random.Random(7)
    products = [(i, f"SKU-{i:05d}", i % 20 == 0) for i in range(1, 5001)]
    orders = make_orders(rng, events // 7, products)
    writer = LogWriter(rng, orders)
    station_names = bench_names or [f"ST-{n:03d}" for n in range(1, stations + 1)]
    skills = {p: rng.uniform(0.7, 1.4) for p in range(1, packers + 1)}
    day = 0
    free_at = {name: start for name in station_names}  # the next shift signs in after the last signs out
    while writer.next_order < len(orders):
        for shift_no, (start_h, end_h) in enumerate(SHIFTS):
            begin = start + timedelta(days=day, hours=start_h)
            for p in range(1, packers + 1):
                if (p - 1) % len(SHIFTS) != shift_no:
                    continue
                station = station_names[((p - 1) // len(SHIFTS)) % stations]
                start = max(begin, free_at[station])
                free_at[station] = writer.shift(station, p, start, begin + timedelta(hours=end_h - start_h),
                                                skills[p])
        day += 1
    log = sorted(writer.events, key=lambda e: e[0])
    log = [e for e in log if e[0] < until][:events] if until is not None else log[:events]
    # Each order's status is what its last lifecycle event in the (cut) log made it.
    after = {"order_opened": "packing", "order_packed": "packed", "order_held": "held", "labels_voided": "open"}
    writer.status = {e[3]: after[e[4]] for e in log if e[4] in after}
    packed = {e[3] for e in log if e[4] == "order_packed"}
    writer.parcels = [p for p in writer.parcels if p[1] in packed]
    db = sqlite3.connect(home / "data" / "station.db")
    db.execute("PRAGMA synchronous=OFF")
    created = "2026-11-01 00:00:00.000000"
    with db:
        db.executemany("insert into products (id, sku, name, weight_g, requires_serial, requires_lot, updated_at) "
                       "values (?,?,?,100,?,0,?)", ((i, sku, f"Product {i}", s, created) for i, sku, s in products))
        db.executemany("insert into users (id, name, badge, role, active, failed_pin_attempts, created_at) "
                       "values (?,?,?,'packer',1,0,?)",
                       ((p, names[p - 1] if names else f"Packer {p:03d}", f"P-{p}", created)
                        for p in range(1, packers + 1)))
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


def timed(fn: Callable[[], object], runs: int = 5) -> tuple[float, float, float]:
    """(first, median, worst) wall time in ms; the first call is the cold one a supervisor sees first."""
    start = time.perf_counter()
    fn()
    first = (time.perf_counter() - start) * 1000
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return first, statistics.median(samples), max(samples)


def prepare(pristine: Path, indexes: bool) -> tuple[Path, dict]:
    """A copy of the pristine log with the roll-ups built (cached too: the build is timed once)."""
    from app.store.db import HEAD, make_engine, upgrade

    # Keyed by the schema too: a cache migrated by an older build would measure its indexes.
    rolled = pristine.with_name(f"{pristine.name}-{HEAD}-{'rolled' if indexes else 'rolled-noix'}")
    meta_file = rolled / "rollup.json"
    if not meta_file.exists():
        shutil.rmtree(rolled, ignore_errors=True)
        shutil.copytree(pristine, rolled)
        from app.supervisor import rollup

        engine = make_engine(f"sqlite:///{rolled / 'data' / 'station.db'}")
        upgrade(engine)  # this build's schema and indexes (migration 0007)
        start = time.perf_counter()
        if not indexes:  # migration 0007 made them: measure what the stats cost without them
            with engine.begin() as conn:
                for name in ("ix_pack_events_type_at", "ix_packed_serials_serial"):
                    conn.exec_driver_sql(f"DROP INDEX IF EXISTS {name}")
        index_s = time.perf_counter() - start
        with engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE")
        rollup.ensure_tables(engine)
        start = time.perf_counter()
        report = rollup.refresh(engine)
        build_s = time.perf_counter() - start
        engine.dispose()
        meta_file.write_text(json.dumps({"index_s": index_s, "build_s": build_s, "events": report.events}))
    return rolled, json.loads(meta_file.read_text())


def append_events(path: Path, count: int, at: datetime) -> None:
    """A minute of a busy floor arriving after the roll-ups were built (a refresh folds them in)."""
    db = sqlite3.connect(path)
    with db:
        db.executemany("insert into pack_events (uuid, station, packer_id, order_id, type, payload, at) "
                       "values (?,?,?,?,?,?,?)",
                       ((str(uuid.uuid4()), f"ST-{1 + i % 100:03d}", 1 + i % 200, None, "scan_rejected",
                         '{"code":"unknown_barcode"}', _ts(at + timedelta(milliseconds=i))) for i in range(count)))
    db.close()


def add_returns(path: Path, first: datetime, last: datetime, seed: int = 3) -> dict[str, int]:
    """Stock and returns beside the log: shipments booked in stock, returned units (some restocked
    at the bench, some released from quarantine later), approved cycle counts."""
    rng = random.Random(seed)
    db = sqlite3.connect(path)
    skus = [r[0] for r in db.execute("select sku from products")] or [f"SKU-{i:05d}" for i in range(2000)]
    span = (last - first).total_seconds()

    def when() -> datetime:
        return first + timedelta(seconds=rng.uniform(0, span))

    grades = (("resellable", "wrong_size"), ("resellable", "changed_mind"), ("damaged", "defective"),
              ("damaged", "damaged_in_transit"), ("wrong_item", "wrong_item_sent"), ("missing_parts", "incomplete_set"))
    with db:
        db.executemany("insert into stock_movements (uuid, at, sku, bin, delta, reason, note, reference, user_id, "
                       "station, negative) values (?,?,?,?,?,?,'',?,NULL,'BENCH',0)",
                       ((str(uuid.uuid4()), _ts(when()), rng.choice(skus), "A-01-1", -rng.randint(1, 3),
                         "shipment", f"O-{i}") for i in range(300_000)))
        for i in range(15_000):
            received = when()
            return_id = str(uuid.uuid4())
            db.execute("insert into returns (id, number, order_number, station, opened_at, received_at, status, late, "
                       "flags) values (?,?,?,'RET-1',?,?,'closed',0,'[]')",
                       (return_id, f"O-{i}-R1", f"O-{i}", _ts(received), _ts(received)))
            for item in range(1, 2 + (i % 3 == 0)):
                grade, reason = rng.choice(grades)
                recorded = received + timedelta(minutes=rng.uniform(1, 30))
                restocked = recorded if grade == "resellable" else (
                    recorded + timedelta(hours=rng.uniform(2, 72)) if rng.random() < 0.3 else None)
                db.execute("insert into return_items (return_id, item_no, sku, grade, reason, disposition, bin, "
                           "in_order, flags, recorded_at, restocked_at, removed) values (?,?,?,?,?,?,?,1,'[]',?,?,0)",
                           (return_id, item, rng.choice(skus), grade, reason, "restock" if restocked else "quarantine",
                            "A-01-1" if restocked else "QUARANTINE", _ts(recorded),
                            _ts(restocked) if restocked else None))
        for count in range(1, 2001):
            decided = when()
            db.execute("insert into cycle_counts (id, bin, status, round, started_at, finished_at, decided_at) "
                       "values (?,?,'approved',1,?,?,?)", (count, f"B-{count:04d}", _ts(decided), _ts(decided),
                                                           _ts(decided)))
            db.executemany("insert into cycle_count_lines (count_id, round, sku, expected, counted) values (?,1,?,?,?)",
                           ((count, sku, expected, expected + rng.choice((0, 0, 0, 0, 0, -1, 1)))
                            for sku, expected in zip(rng.sample(skus, 5), (rng.randint(0, 80) for _ in range(5)),
                                                     strict=True)))
    counted = db.execute("select count(*) from return_items").fetchone()[0]
    db.close()
    return {"movements": 300_000, "returned": counted, "count_lines": 10_000}


def floor_round_trip(service: object, rounds: int = 20) -> tuple[list[float], bool]:
    """The floor refresh as the console runs it: a query on the runner's pool, the answer back
    through a queued signal. Returns round-trip times (ms) and whether every query ran off the
    GUI thread."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import threading

    from PySide6.QtCore import QCoreApplication, QEventLoop

    from app.ui.supervisor.runner import QueryRunner

    app = QCoreApplication.instance() or QCoreApplication([])
    runner = QueryRunner()
    times, off_gui = [], True
    for _ in range(rounds):
        loop = QEventLoop()
        got = []
        runner.done.connect(loop.quit)
        started = time.perf_counter()
        runner.submit("floor", service.floor, got.append)  # type: ignore[attr-defined]
        loop.exec()
        runner.done.disconnect(loop.quit)
        times.append((time.perf_counter() - started) * 1000)
        off_gui = off_gui and bool(got)
    results = []
    runner.done.connect(results.append)
    runner.submit("floor", service.floor, lambda _v: None)  # type: ignore[attr-defined]
    while not results:
        app.processEvents()
    off_gui = off_gui and results[0].thread != threading.get_ident()
    runner.close()
    return times, off_gui


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--packers", type=int, default=200)
    parser.add_argument("--stations", type=int, default=100)
    parser.add_argument("--no-indexes", action="store_true", help="leave out the recommended indexes")
    args = parser.parse_args()
    pristine = CACHE / f"stats-e{args.events}-p{args.packers}-s{args.stations}"
    meta_file = pristine / "meta.json"
    if not meta_file.exists():
        start = time.perf_counter()
        meta = build(pristine, args.events, args.packers, args.stations)
        meta_file.write_text(json.dumps(meta))
        print(f"built {meta['events']:,} events in {time.perf_counter() - start:.0f} s", flush=True)
    meta = json.loads(meta_file.read_text())
    rolled, built = prepare(pristine, not args.no_indexes)
    home = Path(tempfile.mkdtemp(prefix="packstation-bench-stats-"))
    shutil.copytree(rolled, home, dirs_exist_ok=True)
    database = home / "data" / "station.db"

    from app.store.db import make_engine
    from app.supervisor.periods import Period
    from app.supervisor.report_pdf import shift_report
    from app.supervisor.service import StatsService

    engine = make_engine(f"sqlite:///{database}")
    service = StatsService(engine)
    first = datetime.fromisoformat(meta["first"])
    last = datetime.fromisoformat(meta["last"])
    day = (first + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    everything = Period(first.replace(hour=0, minute=0, second=0, microsecond=0), last + timedelta(hours=1), "All")
    one_day = Period(day, day + timedelta(days=1), "One day")
    shift = Period(day + timedelta(hours=6), day + timedelta(hours=14), "Early shift")
    odd = Period(first + timedelta(hours=2, minutes=7, seconds=13), last - timedelta(hours=3, minutes=11), "Odd")
    rows: list[tuple[str, tuple[float, float, float], float | None]] = []

    def measure(name: str, fn: Callable[[], object], budget: float | None) -> None:
        rows.append((name, timed(fn), budget))

    for by in ("packer", "station"):
        measure(f"productivity per {by}, whole log ({meta['events']:,} ev)",
                lambda by=by: service.productivity(everything, by), 500)
    measure("productivity per packer, one day", lambda: service.productivity(one_day), 500)
    measure("productivity per packer, one shift", lambda: service.productivity(shift), 500)
    measure("productivity, unaligned range (partial ¼ h ends)", lambda: service.productivity(odd), 500)
    measure("hourly series of one packer, whole log", lambda: service.hourly(everything, only="17"), 500)
    append_events(database, 2000, last + timedelta(minutes=1))
    measure("productivity after 2,000 new events (refresh)", lambda: service.productivity(one_day), 500)
    measure(f"floor, {args.stations} stations (query)", lambda: service.floor(now=last), 100)
    trips, off_gui = floor_round_trip(service)
    rows.append((f"floor, {args.stations} stations (pool → GUI signal)",
                 (trips[0], statistics.median(trips), max(trips)), 100))
    measure("holds queue", service.holds, None)
    measure("audit search: order number", lambda: service.search("0012345"), None)
    measure("audit search: packer", lambda: service.search("Packer 042"), None)
    measure("audit search: serial (log scan)", lambda: service.search("SN-NOT-THERE", "serial"), None)
    measure("audit: one order's history", lambda: service.history("0012345"), None)
    added = add_returns(database, first, last)
    measure(f"returns & stock, whole log ({added['movements']:,} moves)", lambda: service.returns(everything), 500)
    measure("returns & stock, one day", lambda: service.returns(one_day), 500)
    result = service.productivity(shift)
    exceptions = service.exceptions(shift)
    measure("PDF shift report (render only)", lambda: shift_report(result, exceptions), None)
    figures = service.returns(shift)
    measure("PDF shift report with returns & stock", lambda: shift_report(result, exceptions, returns=figures), None)

    print(f"\nlog: {meta['events']:,} events, {args.packers} packers, {args.stations} stations; "
          f"indexes {'off' if args.no_indexes else 'on'}")
    print(f"one-time roll-up build: {built['build_s']:.1f} s for {built['events']:,} events"
          + (" (indexes dropped)" if args.no_indexes else ""))
    print(f"\n{'measure':52} {'first':>8} {'median':>8} {'worst':>8}  budget")
    failed = False
    for name, (cold, median, worst), budget in rows:
        over = budget is not None and median > budget
        failed = failed or over
        mark = "" if budget is None else (f"<= {budget} ms" + ("  OVER" if over else "  ok"))
        print(f"{name:52} {cold:8.1f} {median:8.1f} {worst:8.1f}  {mark}")
    print(f"floor queries ran off the GUI thread: {'yes' if off_gui else 'NO'}")
    service.close()
    shutil.rmtree(home, ignore_errors=True)
    return 1 if failed or not off_gui else 0


if __name__ == "__main__":
    sys.exit(main())
