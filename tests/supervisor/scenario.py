"""A short shift on two benches, driven through real Stations with a controlled clock, and the
figures it must produce (worked out by hand below, so a test failing says which one moved).

BENCH-1, Alex Packer (P-1001)                    BENCH-2, Priya Patel (P-1002)
08:00:00 sign in                                 08:00:30 sign in
08:01:00 1001 opened (idle 60)                   08:02:00 1003 opened (idle 90)
08:01:10 socks → box closed                      08:02:10 phone → serial asked
08:01:30 CONFIRM → packed (cycle 30)             08:02:20 SN-0001 → packed item
08:02:30 1002 opened (idle 60)                   08:02:30 phone → serial asked
08:02:40 phone → refused (other order)           08:02:40 SN-0002 → packed, box closed
08:02:50 socks, 08:03:00 socks, 08:03:10 mug     08:03:00 CONFIRM → packed (cycle 60)
08:03:30 CONFIRM → packed (cycle 60)             (a 37-minute break: not idle)
08:04:00 1004 opened (idle 30)                   08:40:20 1011 opened
08:04:10 mug, 08:04:20 mug → box closed          08:40:25 socks
08:04:30 UNDO → box reopened                     08:40:30 COMPLETE → 1 missing
08:04:40 COMPLETE → box closed                   08:40:50 supervisor badge → override
08:05:00 CONFIRM → packed (cycle 60)             08:41:00 CONFIRM → packed (cycle 40)
08:05:10 REPRINT                                 08:41:10 VOID (idle 10 after packing)
08:06:00 1005 opened (idle 60)                   08:42:00 sign out (idle 50)
08:06:10 case of 6 socks
08:06:30 SHORT → held (busy 30)
08:07:00 1010 opened (idle 30)
08:07:10 mug → box closed
08:07:20 CONFIRM → packed (cycle 20)
08:08:00 sign out (idle 40)
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from app.domain import clock as app_clock
from app.printing import PrinterOutput
from app.station import Station
from app.store import models as t
from app.store.repository import Repository
from tests.support import CASE_GTIN, MUG_GTIN, PHONE_GTIN, SOCKS_GTIN, add_order, seed_small

DAY = datetime(2026, 11, 25, tzinfo=UTC)
START = DAY.replace(hour=8)


def at(clock: str) -> datetime:
    hours, minutes, seconds = (int(x) for x in clock.split(":"))
    return DAY.replace(hour=hours, minute=minutes, second=seconds)


BENCH_1 = [
    ("08:00:00", "PS:BADGE:P-1001"), ("08:01:00", "1001"), ("08:01:10", SOCKS_GTIN), ("08:01:30", "PS:CMD:CONFIRM"),
    ("08:02:30", "1002"), ("08:02:40", PHONE_GTIN), ("08:02:50", SOCKS_GTIN), ("08:03:00", SOCKS_GTIN),
    ("08:03:10", MUG_GTIN), ("08:03:30", "PS:CMD:CONFIRM"),
    ("08:04:00", "1004"), ("08:04:10", MUG_GTIN), ("08:04:20", MUG_GTIN), ("08:04:30", "PS:CMD:UNDO"),
    ("08:04:40", "PS:CMD:COMPLETE"), ("08:05:00", "PS:CMD:CONFIRM"), ("08:05:10", "PS:CMD:REPRINT"),
    ("08:06:00", "1005"), ("08:06:10", CASE_GTIN), ("08:06:30", "PS:CMD:SHORT"),
    ("08:07:00", "1010"), ("08:07:10", MUG_GTIN), ("08:07:20", "PS:CMD:CONFIRM"),
    ("08:08:00", "PS:CMD:SIGN_OUT"),
]
BENCH_2 = [
    ("08:00:30", "PS:BADGE:P-1002"), ("08:02:00", "1003"), ("08:02:10", PHONE_GTIN), ("08:02:20", "SN-0001"),
    ("08:02:30", PHONE_GTIN), ("08:02:40", "SN-0002"), ("08:03:00", "PS:CMD:CONFIRM"),
    ("08:40:20", "1011"), ("08:40:25", SOCKS_GTIN), ("08:40:30", "PS:CMD:COMPLETE"),
    ("08:40:50", "PS:BADGE:S-2001"), ("08:41:00", "PS:CMD:CONFIRM"), ("08:41:10", "PS:CMD:VOID"),
    ("08:42:00", "PS:CMD:SIGN_OUT"),
]
# What each scan must answer (the scenario is only worth its figures if it ran as written).
EXPECTED_CODES = {
    ("BENCH-1", "08:02:40"): "other_order", ("BENCH-1", "08:04:30"): "box_reopened",
    ("BENCH-1", "08:06:30"): "order_held", ("BENCH-1", "08:05:10"): "reprint",
    ("BENCH-2", "08:40:30"): "items_missing", ("BENCH-2", "08:40:50"): "override_short",
    ("BENCH-2", "08:41:10"): "labels_voided",
}


@dataclass(frozen=True)
class Truth:
    """One packer's (= one bench's) figures for the whole shift."""

    name: str
    station: str
    orders: int
    parcels: int
    units: int
    busy_s: float
    idle_s: float
    cycles: tuple[float, ...]
    median_s: float
    p90_s: float
    weighted: float
    scans: int
    rejected: int
    holds: int
    voids: int
    reprints: int
    overrides: int
    reopened: int
    packed_at: tuple[str, ...] = ()  # when each order was packed (its CONFIRM), UTC

    @property
    def active_s(self) -> float:
        return self.busy_s + self.idle_s

    @property
    def orders_per_h(self) -> float:
        return self.orders * 3600 / self.active_s


# Alex: 1001 single, 1002 mixed, 1004 one SKU x2, 1010 single; units 1+3+2+6 (held 1005)+1.
# Accepted scans: 5 opened, 8 items, 1 reopened, 4 cartons; 1 refused.
ALEX = Truth("Alex Packer", "BENCH-1", orders=4, parcels=4, units=13, busy_s=30 + 60 + 60 + 30 + 20,
             idle_s=60 + 60 + 30 + 60 + 30 + 40, cycles=(30, 60, 60, 20), median_s=30, p90_s=60,
             weighted=1 + 1.75 + 1.25 + 1, scans=19, rejected=1, holds=1, voids=0, reprints=1, overrides=0,
             reopened=1, packed_at=("08:01:30", "08:03:30", "08:05:00", "08:07:20"))
# Priya: 1003 serial-tracked, 1011 one SKU x2 (shipped short); 2 opened, 2 serial asks, 3 items, 2 cartons.
PRIYA = Truth("Priya Patel", "BENCH-2", orders=2, parcels=2, units=3, busy_s=60 + 40, idle_s=90 + 10 + 50,
              cycles=(60, 40), median_s=40, p90_s=60, weighted=2.5 + 1.25, scans=9, rejected=0, holds=0, voids=1,
              reprints=0, overrides=1, reopened=0, packed_at=("08:03:00", "08:41:00"))


def local_hours(*truths: Truth) -> dict[str, int]:
    """Orders packed per hour of the station's local clock ("HH:00" -> orders), as the supervisor's hourly
    series counts them: the shift runs 08:00-08:42 UTC, which is one local hour in some zones and two in
    others (13:30-14:12 in Kolkata)."""
    moments = sorted(at(when) for truth in truths for when in truth.packed_at)
    return dict(Counter(moment.astimezone().strftime("%H:00") for moment in moments))


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now


def seed_shift(sessions) -> None:  # noqa: ANN001 - a sessionmaker
    seed_small(sessions)
    with sessions.begin() as db:
        socks = db.scalars(select(t.Product).where(t.Product.sku == "SOCK-M")).one()
        mug = db.scalars(select(t.Product).where(t.Product.sku == "MUG-1")).one()
        db.add(t.User(name="Priya Patel", badge="P-1002", role="packer"))
        add_order(db, "1010", [(mug, 1)])
        add_order(db, "1011", [(socks, 2)])


def run_shift(bench, monkeypatch) -> list[tuple[str, str, str]]:  # noqa: ANN001
    """Replay both benches in time order through real Stations, the app's clock at each scan's moment;
    returns (bench, time, code)."""
    clock = Clock(START)
    app_clock.set_source(lambda: clock.now)
    try:
        return _replay(bench, clock)
    finally:
        app_clock.set_source(None)


def _replay(bench, clock: Clock) -> list[tuple[str, str, str]]:  # noqa: ANN001
    stations = {}
    for name in ("BENCH-1", "BENCH-2"):
        config = replace(bench.config, station=name)
        output = PrinterOutput(config, bench.engine, bench.paths.spool_dir / name)
        stations[name] = Station(config, Repository(bench.engine), output)
    steps = sorted([(at(when), "BENCH-1", when, scan) for when, scan in BENCH_1]
                   + [(at(when), "BENCH-2", when, scan) for when, scan in BENCH_2])
    codes = []
    for moment, name, when, scan in steps:
        clock.now = moment
        outcome = stations[name].scan(scan)
        codes.append((name, when, outcome.code))
    for station in stations.values():
        station.output.drain(10)
        station.output.stop()
        station.repo.close()
    return codes


def shift_end() -> datetime:
    return at("08:42:00") + timedelta(seconds=1)


def database(home: Path) -> Path:
    return home / "data" / "station.db"
