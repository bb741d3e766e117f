"""A headless networked station in its own process: claims orders from the queue and packs them.

    PACKSTATION_HOME=DIR python -m tests.central.station_proc --url URL --password-file F [options]

It drives the real Station (scan the order, scan every unit, CONFIRM the suggested carton; no
scale, labels to a null printer) with the sync package wired in exactly as the proposed patch
to app/station.py does (`NetworkedStation` below), and a SyncWorker thread. It packs until
the queue stays empty for --idle-exit seconds while online, waits for its outbox to drain,
and prints one JSON summary line. Lives under tests/: app.sync may not import app.station.

With --hold it packs nothing: it reserves --preclaim orders ahead, prints {"reserved": [...]},
and waits for a line "exit" (or the end of its standard input) to stop cleanly, as a bench left
running between shifts and then closed; the tests of handing reservations back kill it or stop it.
"""

from __future__ import annotations

import argparse
import inspect
import json
import queue
import sys
import time
from dataclasses import replace
from typing import Any

from app.domain.model import Order, OrderStatus
from app.domain.session import ORDER_OPEN_PHASES, Phase
from app.startup import open_bench
from app.station import LabelJob, Station
from app.store.repository import Repository
from app.sync.claims import ClaimResult, ClaimService
from app.sync.service import CentralSync, SyncStatus
from app.sync.settings import CentralSettings

CENTRAL_STOPS = frozenset({"cancelled", "held", "packed", "shipped"})


# Once app/station.py takes `claims` itself (the patch in the report), this class only passes them on.
STATION_CLAIMS = "claims" in inspect.signature(Station.__init__).parameters


class NetworkedStation(Station):
    """The Station with central claims: what the patch to app/station.py adds, as a subclass."""

    def __init__(self, config, repository, output, claims: ClaimService | None) -> None:
        self.claims = claims
        self.last_claim: ClaimResult | None = None
        if STATION_CLAIMS:
            super().__init__(config, repository, output, claims=claims)
        else:
            super().__init__(config, repository, output)

    def _order_scanned(self, reference: str, order: Order | None):
        scanned = super()._order_scanned(reference, order)
        if STATION_CLAIMS:
            return scanned
        order = scanned.order
        if (order is None or scanned.held_elsewhere or self.claims is None
                or order.status not in (OrderStatus.OPEN, OrderStatus.PACKING)
                or self.state.phase not in (Phase.AWAITING_ORDER, Phase.DONE)):
            return scanned
        result = self.claims.claim(order.number)
        self.last_claim = result
        if result.granted:
            return scanned
        if result.status in CENTRAL_STOPS:  # the cache is behind the central database: say what it says
            return replace(scanned, order=replace(order, status=OrderStatus(result.status)))
        return replace(scanned, held_elsewhere=result.holder or refusal(result))


def refusal(result: ClaimResult) -> str:
    """What stands in for a holder's name when no station holds the order but it is refused anyway."""
    if result.offline:
        return "no station (central database offline: this order is not reserved here)"
    return "no station (the order is not in the central database)"


def immediate_writer(engine, repository: Repository) -> Repository:
    """Make the Repository's write transactions BEGIN IMMEDIATE (take SQLite's write lock at BEGIN).

    Repository.save_parcel reads, then writes, in one deferred transaction: when any other
    connection (the sync worker) commits in between, SQLite answers "database is locked" at
    once (a stale snapshot; busy_timeout cannot help). This is the fix proposed for
    app/store/db.py in the report, applied here from outside until it lands.
    """
    from sqlalchemy import event

    from app.store import db

    if event.contains(engine, "begin", db._begin):
        event.remove(engine, "begin", db._begin)

        def begin(conn) -> None:
            options = conn.get_execution_options()
            if options.get("isolation_level") != "AUTOCOMMIT":
                conn.exec_driver_sql("BEGIN IMMEDIATE" if options.get("immediate") else "BEGIN")

        event.listen(engine, "begin", begin)
    repository.writer.execution_options(immediate=True)
    return repository


class NullOutput:
    """Labels and slips go nowhere; a made-up tracking number."""

    def print_label(self, job: LabelJob) -> tuple[str | None, str, str]:
        return f"1Z{job.parcel_uuid[:12].upper()}", "zpl", "null://"

    def print_slip(self, order: Order, parcels: list[dict[str, Any]], *, job_id: str | None = None) -> None:
        return None

    def void_labels(self, order: Order, parcels: list[dict[str, Any]]) -> None:
        return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--password-file", default="")
    parser.add_argument("--badge", default="P-1001")
    parser.add_argument("--preclaim", type=int, default=3)
    parser.add_argument("--lease", type=int, default=300)
    parser.add_argument("--interval-ms", type=int, default=200)
    parser.add_argument("--idle-exit", type=float, default=2.0, help="stop after the queue is empty this long")
    parser.add_argument("--max-seconds", type=float, default=150.0)
    parser.add_argument("--hold", action="store_true", help="reserve orders, pack none, stop on 'exit'")
    args = parser.parse_args(argv)

    started = time.monotonic()
    bench = open_bench()
    settings = CentralSettings(url=args.url, password_file=args.password_file, preclaim=args.preclaim,
                               lease_seconds=args.lease, sync_interval_ms=args.interval_ms, claim_timeout_ms=1000)
    changed: queue.Queue[str] = queue.Queue()
    offline_at: list[float] = []
    online_at: list[float] = []

    def on_status(status: SyncStatus) -> None:
        (online_at if status.online else offline_at).append(time.time())

    central = CentralSync(settings, bench.config.station, bench.engine, on_order_changed=changed.put,
                          on_status=on_status)
    while not central.initial_sync(timeout_s=10):
        if time.monotonic() - started > args.max_seconds:
            print(json.dumps({"station": bench.config.station, "error": "never reached the central database"}))
            return 3
    if args.hold:
        return _hold(central, bench, args)
    repository = immediate_writer(bench.engine, Repository(bench.engine))
    station = NetworkedStation(bench.config, repository, NullOutput(), central.claims)
    central.start()
    signed = station.scan(f"PS:BADGE:{args.badge}")
    if signed.code not in ("signed_in", "already_signed_in"):
        print(json.dumps({"station": bench.config.station, "error": f"sign in: {signed.code} {signed.message}"}))
        return 3

    packed: list[str] = []
    packed_offline: list[str] = []
    refused: dict[str, str] = {}
    attempts: dict[str, int] = {}
    scans = 0
    idle_since: float | None = None
    timing = {"next_order": 0.0, "scans": 0.0, "idle": 0.0}
    while time.monotonic() - started < args.max_seconds:
        while not changed.empty():
            station.order_changed(changed.get())
        asked = time.perf_counter()
        number = central.claims.next_order()
        timing["next_order"] += time.perf_counter() - asked
        if number is None:
            if central.link.online:
                idle_since = idle_since or time.monotonic()
                if time.monotonic() - idle_since > args.idle_exit:
                    break
            else:
                idle_since = None  # waiting for the central database is not "nothing to do"
            time.sleep(0.05)
            timing["idle"] += 0.05
            continue
        idle_since = None
        attempts[number] = attempts.get(number, 0) + 1
        if attempts[number] > 2:
            break  # the queue keeps handing out an order this bench cannot pack: stop, the test will say
        offline = not central.link.online
        packing_started = time.perf_counter()
        outcome = station.scan(number)
        scans += 1
        if outcome.code == "confirm_instructions":
            outcome = station.scan("PS:CMD:CONFIRM")
            scans += 1
        if station.state.phase is not Phase.PACKING:
            refused[number] = outcome.code
            central.claims.release(number)
            continue
        order = station.state.order
        assert order is not None
        for line in order.lines:
            for _ in range(line.quantity):
                station.scan(line.sku)
                scans += 1
        done = station.scan("PS:CMD:CONFIRM")
        scans += 1
        timing["scans"] += time.perf_counter() - packing_started
        if done.code == "order_packed":
            packed.append(number)
            if offline or not central.link.online:
                packed_offline.append(number)
        else:
            refused[number] = f"{done.code}: {done.message}"
            if station.state.phase in ORDER_OPEN_PHASES:
                station.scan("PS:CMD:CANCEL")
    flushed = central.flush(timeout_s=60)
    central.stop()
    summary = {"station": bench.config.station, "packed": packed, "packed_offline": packed_offline,
               "refused": refused, "scans": scans, "flushed": flushed, "offline_at": offline_at,
               "online_at": online_at, "seconds": round(time.monotonic() - started, 2),
               "timing": {key: round(value, 2) for key, value in timing.items()},
               "claims": dict(central.claims.counts), "worker_rounds": central.worker.rounds}
    print(json.dumps(summary))
    bench.close()
    return 0


def _hold(central: CentralSync, bench, args) -> int:
    """Reserve orders ahead and sit on them until told to exit (then stop as the app does)."""
    central.start()
    deadline = time.monotonic() + args.max_seconds
    while len(central.claims.cache.reserved()) < args.preclaim and time.monotonic() < deadline:
        time.sleep(0.05)
    reserved = sorted(claim.number for claim in central.claims.cache.reserved())
    print(json.dumps({"station": bench.config.station, "reserved": reserved}), flush=True)
    for line in sys.stdin:
        if line.strip() == "exit":
            break
    left = central.finish(timeout_s=10)
    print(json.dumps({"station": bench.config.station, "stopped": True, "unpushed": left}), flush=True)
    bench.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
