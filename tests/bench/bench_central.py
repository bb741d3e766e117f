"""The central order database on loopback: claims, push, pull, and the scan path with the server down.

    python -m tests.bench.bench_central [--pull-orders N] [--fsync off]

Starts its own PostgreSQL (fsync on by default: a claim is a durable commit) and prints:
  claim latency (ps_claim, one client) and a bare conditional UPDATE of the same claims row,
      measured in the same run, and their ratio; ClaimService.claim end to end (with its
      local cache commit)
  claims per second across 20 processes (each its own station role), by scan and by queue
  pushing 10,000 pack events through the outbox
  pushing 50,000 stock movements and 10,000 return events, and pulling them at another station
  pulling 100,000 order changes into a fresh station database
  station scan latency with the central database online, and down (the scan path must not wait)
"""

from __future__ import annotations

import argparse
import multiprocessing
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.central.pgcluster import Cluster, start_cluster  # noqa: E402

PROCESSES = 20
CLAIMS_PER_PROCESS = 500
WORK = Path(tempfile.gettempdir())  # main() points it at its own folder


def pct(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def ms(value: float) -> str:
    return f"{value * 1000:.2f}"


# ------------------------------------------------------------------ set-up


def make_central(pg: Cluster, name: str) -> str:
    from app.sync.schema import upgrade

    pg.psql(f"CREATE DATABASE {name}")
    url = pg.admin_url(name)
    upgrade(url)
    return url


def seed(url: str, orders: int, products: int = 1000, first: int = 1_000_001) -> None:
    from app.sync.pg import admin_connect

    with admin_connect(url) as conn:
        conn.execute("INSERT INTO products (sku, name, weight_g, length_mm, width_mm, height_mm) "
                     "SELECT 'SKU-' || lpad(i::text, 6, '0'), 'Product ' || i, 50 + i %% 400, 100, 80, 50 "
                     "FROM generate_series(1, %s) i ON CONFLICT DO NOTHING", (products,))
        conn.execute("INSERT INTO barcodes (code, product_id) SELECT 'B' || sku, id FROM products "
                     "ON CONFLICT DO NOTHING")
        conn.execute("INSERT INTO cartons (code, name, length_mm, width_mm, height_mm, tare_g, max_weight_g) "
                     "VALUES ('XL', 'Large box', 600, 400, 400, 500, 30000) ON CONFLICT DO NOTHING")
        conn.execute("INSERT INTO users (name, badge, role) VALUES ('Pat Packer', 'P-1001', 'packer') "
                     "ON CONFLICT DO NOTHING")
        conn.execute("INSERT INTO orders (number, channel, ship_to_name, ship_to_line1, ship_to_city, "
                     "ship_to_postcode, ship_to_country, carrier, service_level, ship_by) "
                     "SELECT (%s + i)::text, 'Shopify', 'Customer ' || i, '1 Road', 'Town', '12345', 'US', 'UPS', "
                     "'Ground', current_date FROM generate_series(0, %s - 1) i", (first, orders))
        conn.execute("INSERT INTO order_lines (order_id, line_no, product_id, quantity) "
                     "SELECT o.id, l, 1 + (o.id * 7 + l * 13) %% %s, 1 FROM orders o "
                     "CROSS JOIN LATERAL generate_series(1, 1 + o.id %% 2) l WHERE o.number::bigint >= %s",
                     (products, first))
        conn.execute("ANALYZE")


def stations(pg: Cluster, url: str, db: str, count: int, secrets: Path) -> dict[str, tuple[str, str]]:
    """name -> (TCP URL, password) for S01..Snn."""
    from app.sync.roles import add_station

    found = {}
    for i in range(1, count + 1):
        creds = add_station(url, f"S{i:02d}")
        found[creds.station] = (pg.tcp_url(creds.role, db), creds.password)
    return found


def settings(url: str, password: str, **overrides):
    from app.sync.roles import write_password_file
    from app.sync.settings import CentralSettings

    secret = Path(tempfile.mkdtemp(dir=WORK)) / "pw"  # removed with WORK
    write_password_file(secret, password)
    return CentralSettings(url=url, password_file=str(secret), **overrides)


# ------------------------------------------------------------------ claims


def claim_latency(pg: Cluster, db: str, creds: tuple[str, str], numbers: list[str]) -> dict[str, list[float]]:
    import psycopg

    from app.sync.claims import claim_sql

    station = psycopg.connect(creds[0], password=creds[1], autocommit=True, prepare_threshold=0)
    # The same round trip, the same row, with no function, no lookup of the station, no order check.
    admin = psycopg.connect(pg.tcp_url("bench_admin", db), password="bench", autocommit=True, prepare_threshold=0)
    order_ids = dict(admin.execute("SELECT number, id FROM orders WHERE number = ANY(%s)", (numbers,)).fetchall())
    for number in numbers[:50]:  # warm up: plans prepared, pages cached
        claim_sql(station, number, 300)
        admin.execute("UPDATE claims SET lease_until = now() + make_interval(secs => 300) "
                      "WHERE order_id = %s AND (station = %s OR lease_until < now())", (order_ids[number], "S01"))
    claims, bare = [], []
    for number in numbers[50:]:
        start = time.perf_counter()
        result = claim_sql(station, number, 300)
        claims.append(time.perf_counter() - start)
        assert result.granted
        start = time.perf_counter()
        admin.execute("UPDATE claims SET lease_until = now() + make_interval(secs => 300) "
                      "WHERE order_id = %s AND (station = %s OR lease_until < now())", (order_ids[number], "S01"))
        bare.append(time.perf_counter() - start)
    station.close()
    admin.close()
    return {"claim": claims, "bare": bare}


def _claimer(creds: tuple[str, str], numbers: list[str], mode: str, barrier, results) -> None:
    import psycopg

    from app.sync.claims import claim_next_sql, claim_sql

    conn = psycopg.connect(creds[0], password=creds[1], autocommit=True, prepare_threshold=0)
    if mode == "scan":
        claim_sql(conn, numbers[0], 300)
    barrier.wait()
    start = time.perf_counter()
    done = 0
    if mode == "scan":
        for number in numbers[1:]:
            done += claim_sql(conn, number, 300).granted
    else:
        # As at a bench: the order taken from the queue is opened at once, and its order_opened
        # event, pushed by the sync worker in a batch a moment later, takes it out of the queue
        # (status packing). Batches of 10 here; the pushes are part of the time measured.
        station = conn.execute("SELECT ps_my_station()").fetchone()[0]
        opened: list[str] = []
        for _ in range(len(numbers) - 1):
            got = claim_next_sql(conn, 1, 300)
            opened += got
            done += len(got)
            if len(opened) >= 10:
                conn.execute("INSERT INTO pack_events (uuid, station, station_seq, order_number, type, at) "
                             "SELECT gen_random_uuid(), %s, 0, n, 'order_opened', now() FROM unnest(%s::varchar[]) n",
                             (station, opened))
                opened = []
    results.put((start, time.perf_counter(), done))
    conn.close()


def claim_throughput(creds: dict[str, tuple[str, str]], numbers: list[str], mode: str) -> tuple[float, int]:
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(len(creds))
    results = context.Queue()
    per = len(numbers) // len(creds)
    workers = [context.Process(target=_claimer, args=(c, numbers[i * per:(i + 1) * per], mode, barrier, results))
               for i, c in enumerate(creds.values())]
    for worker in workers:
        worker.start()
    rows = [results.get(timeout=300) for _ in workers]
    for worker in workers:
        worker.join()
    start, end = min(r[0] for r in rows), max(r[1] for r in rows)
    total = sum(r[2] for r in rows)
    return total / (end - start), total


# ------------------------------------------------------------------ a station


def station_database(folder: Path):
    from app.store.db import open_database, sqlite_url

    folder.mkdir(parents=True, exist_ok=True)
    return open_database(sqlite_url(folder / "station.db"))


def push_events(url: str, creds: tuple[str, str], work: Path, events: int = 10_000) -> tuple[float, int]:
    """10 events per order (open, 7 items, box, packed): the projection runs for 2 of each 10."""
    from sqlalchemy import insert, select

    from app.store.models import PackEvent
    from app.sync.service import CentralSync

    engine, _ = station_database(work / "push")
    central = CentralSync(settings(*creds, preclaim=0), "S02", engine)
    assert central.initial_sync(60)
    orders = PackEvent.metadata.tables["orders"]
    with engine.connect() as conn:
        ids = list(conn.execute(select(orders.c.id).order_by(orders.c.id).limit(events // 10)).scalars())
    now = datetime.now(UTC)
    rows = []
    for order_id in ids:
        for kind in ("order_opened", *["item_packed"] * 7, "box_closed", "order_packed"):
            rows.append({"uuid": str(uuid.uuid4()), "station": "S02", "packer_id": 1, "order_id": order_id,
                         "type": kind, "payload": '{"sku":"SKU-000001","units":1}', "at": now})
    with engine.begin() as conn:
        conn.execute(insert(PackEvent.__table__), rows)
    outbox = central.outbox
    conn = central.connect("bench")
    start = time.perf_counter()
    while outbox.push_events(conn):
        pass
    took = time.perf_counter() - start
    conn.close()
    central.claims.close()
    engine.dispose()
    return took, len(rows)


def pull_orders(url: str, creds: tuple[str, str], work: Path) -> tuple[float, int]:
    from app.sync.pull import Puller, local_order_count

    engine, _ = station_database(work / "pull")
    puller = Puller(engine, "S03")
    from app.sync.pg import connect

    conn = connect(settings(*creds), purpose="bench", statement_timeout_ms=60_000)
    start = time.perf_counter()
    while puller.pull(conn, budget_s=5.0).total:
        pass
    took = time.perf_counter() - start
    count = local_order_count(engine)
    conn.close()
    engine.dispose()
    return took, count


def pull_ledgers(creds: dict[str, tuple[str, str]], work: Path, movements: int = 50_000,
                 returns: int = 10_000) -> tuple[float, float, int, bool]:
    """S01 records `movements` stock movements over 5,000 SKU-bins and `returns` return events;
    it pushes them, then S02 pulls both ledgers. Returns (push s, pull s, rows pulled, levels equal)."""
    from sqlalchemy import insert, text

    from app.domain.returns import new_token
    from app.store.returns_models import ReturnEvent, StockMovement
    from app.sync.ledgers import LedgerPuller
    from app.sync.outbox import Outbox
    from app.sync.pg import connect

    now = datetime.now(UTC)
    engine, _ = station_database(work / "ledger-s01")
    with engine.begin() as conn:
        conn.execute(insert(StockMovement.__table__), [
            {"uuid": str(uuid.uuid4()), "at": now, "sku": f"SKU-{i % 1000:06d}", "bin": f"A-{i % 5:02d}",
             "delta": 1 + i % 3, "reason": "receipt", "reference": "PO-1", "station": "S01"} for i in range(movements)])
        conn.execute(insert(ReturnEvent.__table__), [
            {"uuid": str(uuid.uuid4()), "station": "S01", "return_id": None, "type": "rma_issued",
             "payload": f'{{"rma":"RMA-{i:06d}","order":"X","token":"{new_token()}","reason":""}}', "at": now}
            for i in range(returns)])
    outbox = Outbox(engine, "S01")
    with connect(settings(*creds["S01"]), purpose="bench", statement_timeout_ms=60_000) as conn:
        start = time.perf_counter()
        while outbox.push_stock(conn) or outbox.push_returns(conn):
            pass
        pushed = time.perf_counter() - start
    engine.dispose()

    engine, _ = station_database(work / "ledger-s02")
    puller = LedgerPuller(engine, "S02")
    pulled = 0
    with connect(settings(*creds["S02"]), purpose="bench", statement_timeout_ms=60_000) as conn:
        start = time.perf_counter()
        while not (stats := puller.pull(conn, budget_s=5.0)).caught_up or stats.stock or stats.returns:
            pulled += stats.stock + stats.returns
        took = time.perf_counter() - start
        central = dict(((sku, b), n) for sku, b, n in conn.execute("SELECT sku, bin, on_hand FROM stock_levels"))
    puller.close()
    with engine.connect() as local:
        here = {(sku, b): n for sku, b, n in local.execute(text("SELECT sku, bin, on_hand FROM stock_levels"))}
    engine.dispose()
    return pushed, took, pulled, here == central


def scan_latency(pg: Cluster, creds: tuple[str, str], work: Path) -> dict[str, list[float]]:
    """Pack orders through the Station, online and then with the server stopped."""
    from app.config import Config
    from app.store.repository import Repository
    from app.sync.service import CentralSync
    from tests.central.station_proc import NetworkedStation, NullOutput, immediate_writer

    engine, _ = station_database(work / "scan")
    central = CentralSync(settings(*creds, preclaim=60, sync_interval_ms=200), "S04", engine)
    assert central.initial_sync(60)
    central.start()
    station = NetworkedStation(Config(station="S04"), immediate_writer(engine, Repository(engine)), NullOutput(),
                               central.claims)
    station.scan("PS:BADGE:P-1001")
    deadline = time.monotonic() + 30
    while len(central.cache.reserved()) < 60 and time.monotonic() < deadline:
        time.sleep(0.1)
    samples: dict[str, list[float]] = {"open online": [], "item online": [], "open offline": [],
                                       "item offline": [], "claim offline": []}

    def pack(kind: str) -> None:
        number = central.claims.next_order()
        assert number is not None, "nothing reserved"
        start = time.perf_counter()
        outcome = station.scan(number)
        samples[f"open {kind}"].append(time.perf_counter() - start)
        assert outcome.code == "order_opened", outcome.message
        for line in station.state.order.lines:
            for _ in range(line.quantity):
                start = time.perf_counter()
                station.scan(line.sku)
                samples[f"item {kind}"].append(time.perf_counter() - start)
        assert station.scan("PS:CMD:CONFIRM").code == "order_packed"

    for _ in range(25):
        pack("online")
    pg.stop("fast")
    try:
        deadline = time.monotonic() + 10
        while central.link.online and time.monotonic() < deadline:
            time.sleep(0.05)
        for _ in range(25):
            pack("offline")
        for _ in range(200):
            start = time.perf_counter()
            central.claims.claim("9999999")
            samples["claim offline"].append(time.perf_counter() - start)
    finally:
        pg.start()
    central.flush(30)
    central.stop()
    station.repo.close()
    engine.dispose()
    return samples


# ------------------------------------------------------------------ main


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pull-orders", type=int, default=100_000)
    parser.add_argument("--fsync", choices=["on", "off"], default="on")
    args = parser.parse_args()
    import logging

    logging.basicConfig(level=logging.ERROR)  # the worker's notices would interleave with the table
    pg = start_cluster(fsync=args.fsync == "on")
    global WORK
    work = WORK = Path(tempfile.mkdtemp(prefix="packstation-bench-central-"))
    rows: list[tuple[str, str, str, bool | None]] = []
    try:
        pg.psql("CREATE ROLE bench_admin LOGIN SUPERUSER PASSWORD 'bench'")
        url = make_central(pg, "claims")
        seed(url, orders=PROCESSES * CLAIMS_PER_PROCESS * 2 + 3000)
        creds = stations(pg, url, "claims", PROCESSES, work)
        numbers = [str(1_000_001 + i) for i in range(PROCESSES * CLAIMS_PER_PROCESS * 2 + 3000)]
        lat = claim_latency(pg, "claims", creds["S01"], numbers[:2050])
        c50, c99 = pct(lat["claim"])
        b50, b99 = pct(lat["bare"])
        rows.append(("claim (ps_claim), one client", f"{ms(c50)} / {ms(c99)} ms", "p99 <= 5 ms", c99 <= 0.005))
        rows.append(("bare conditional UPDATE, same rows", f"{ms(b50)} / {ms(b99)} ms", "reference", None))
        rows.append(("claim p99 / bare UPDATE p99", f"{c99 / b99:.2f}x", "report", None))
        rate, total = claim_throughput(creds, numbers[2050:2050 + PROCESSES * CLAIMS_PER_PROCESS], "scan")
        rows.append((f"claims/s, {PROCESSES} processes, by scan", f"{rate:,.0f} ({total:,})", ">= 1,000",
                     rate >= 1000))
        queue_url = make_central(pg, "queue")
        seed(queue_url, orders=PROCESSES * CLAIMS_PER_PROCESS + 1000)
        queue_creds = stations(pg, queue_url, "queue", PROCESSES, work)
        rate, total = claim_throughput(queue_creds, numbers[: PROCESSES * CLAIMS_PER_PROCESS], "queue")
        rows.append((f"claims/s, {PROCESSES} processes, next order", f"{rate:,.0f} ({total:,})", ">= 1,000",
                     rate >= 1000))

        push_url = make_central(pg, "push")
        seed(push_url, orders=1000)
        push_creds = stations(pg, push_url, "push", 2, work)["S02"]
        took, count = push_events(push_url, push_creds, work)
        rows.append((f"push {count:,} events", f"{took:.2f} s", "<= 5 s", took <= 5))

        ledger_url = make_central(pg, "ledgers")
        ledger_creds = stations(pg, ledger_url, "ledgers", 2, work)
        pushed, took, count, equal = pull_ledgers(ledger_creds, work)
        rows.append(("push 50,000 stock moves + 10,000 return events", f"{pushed:.2f} s", "report", None))
        rows.append((f"pull {count:,} of them at another station", f"{took:.2f} s", "<= 20 s, levels equal",
                     took <= 20 and equal and count == 60_000))

        pull_url = make_central(pg, "pull")
        seed(pull_url, orders=args.pull_orders)
        pull_creds = stations(pg, pull_url, "pull", 3, work)["S03"]
        took, count = pull_orders(pull_url, pull_creds, work)
        rows.append((f"pull {count:,} order changes", f"{took:.2f} s", "<= 20 s",
                     took <= 20 and count >= args.pull_orders))

        scan_url = make_central(pg, "scan")
        seed(scan_url, orders=200)
        scan_creds = stations(pg, scan_url, "scan", 4, work)["S04"]
        samples = scan_latency(pg, scan_creds, work)
        for kind in ("item online", "item offline", "open online", "open offline"):
            p50, p99 = pct(samples[kind])
            what, state = kind.split()
            label = f"station scan ({'item' if what == 'item' else 'order open + claim'}), central " + (
                "down" if state == "offline" else "up")
            rows.append((label, f"{ms(p50)} / {ms(p99)} ms", "no network wait" if state == "offline" else "reference",
                         None if state == "online" else p99 < 0.05))
        p50, p99 = pct(samples["claim offline"])
        rows.append(("ClaimService.claim, central down", f"{ms(p50)} / {ms(p99)} ms", "from the cache", p99 < 0.01))
    finally:
        pg.destroy()
        shutil.rmtree(work, ignore_errors=True)
    print(f"\nPostgreSQL fsync={args.fsync}, loopback TCP\n")
    print(f"{'measure':44} {'value (p50 / p99)':>24}  {'budget':<16} ok")
    for name, value, budget, ok in rows:
        mark = "" if ok is None else ("yes" if ok else "NO")
        print(f"{name:44} {value:>24}  {budget:<16} {mark}")
    return 0 if all(ok is not False for *_, ok in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
