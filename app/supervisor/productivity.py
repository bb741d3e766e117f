"""Productivity per packer or per station over a period, from the roll-ups, in SQL.

A period is cut into whole quarter hours (read from `sup_buckets`) and at most two partial
quarter hours at its ends (aggregated straight from the event log with the same SELECT), then
summed per packer or station. Cycle-time percentiles come from `sup_cycles`, filtered by the
exact time each order was packed. The caller refreshes the roll-ups first (StatsService does).

Definitions (docs/supervisor.md): an order counts when it is packed (order_packed), with its
whole cycle time; active time = busy (an order open) + idle (between orders, gaps up to
BREAK_AFTER_S); rates are per active hour, and only from at least `min_active_s` of active time
(default 10 minutes; [supervisor] min_active_minutes): six orders packed within seconds are not
"19,817 orders an hour", they are not enough data (None, shown as "—" / "not enough data").
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any, Literal

from sqlalchemy import Column, Connection, MetaData, Table, and_, bindparam, exists, func, literal, select, union_all
from sqlalchemy.sql.expression import ColumnElement

from app.domain import clock
from app.store.models import User
from app.supervisor.periods import Period
from app.supervisor.rollup import BUCKET_S, COUNTERS, EVENTS, SECONDS, Scope, bucket_rows, sup_buckets, sup_cycles
from app.supervisor.sqlfuncs import floor_to
from app.supervisor.vocabulary import CLASS_TITLES, CLASSES

USERS = User.__table__
GroupBy = Literal["packer", "station"]
MIN_ACTIVE_S = 600.0  # rates from less active time than this are not enough data
NOT_ENOUGH_DATA = "not enough data"


@dataclass(frozen=True)
class Weights:
    """How much harder an order of each class is than a single-unit order (fair productivity).

    Defaults from typical pack-time ratios: a second unit of the same SKU costs little, a second
    SKU means another pick check, a serial means a second scan per unit and a record.
    """

    single: float = 1.0
    multi: float = 1.25
    mixed: float = 1.75
    serial: float = 2.5

    def of(self, cls: str) -> float:
        return float(getattr(self, cls))

    def describe(self) -> str:
        return ", ".join(f"{CLASS_TITLES[c]} ×{self.of(c):g}" for c in reversed(CLASSES))

    @classmethod
    def parse(cls, text: str) -> Weights:
        """'1,1.25,1.75,2.5' (single, multi, mixed, serial) or 'serial=3,mixed=2'."""
        parts = [p.strip() for p in text.split(",") if p.strip()]
        try:
            if all("=" not in p for p in parts):
                if len(parts) != 4:
                    raise ValueError
                values = dict(zip(("single", "multi", "mixed", "serial"), map(float, parts), strict=True))
            else:
                values = {k.strip(): float(v) for k, v in (p.split("=", 1) for p in parts)}
            weights = replace(cls(), **values)
        except (ValueError, TypeError):
            raise ValueError(f"weights {text!r}: give four numbers (single,multi,mixed,serial) "
                             "or name=value pairs, e.g. serial=3") from None
        if any(weights.of(c) <= 0 or not math.isfinite(weights.of(c)) for c in CLASSES):
            raise ValueError("weights must be positive numbers")
        return weights


@dataclass(frozen=True)
class Figures:
    """One packer's, one station's or the whole floor's figures for a period."""

    key: str
    name: str
    orders: int = 0
    parcels: int = 0
    units: int = 0
    scans: int = 0
    rejected: int = 0
    holds: int = 0
    voids: int = 0
    reprints: int = 0
    overrides: int = 0
    reopened: int = 0
    weight_fails: int = 0
    print_fails: int = 0
    classes: dict[str, int] = field(default_factory=dict)
    busy_s: float = 0.0
    idle_s: float = 0.0
    cycles: int = 0
    cycle_s: float = 0.0
    median_s: float | None = None
    p90_s: float | None = None
    weighted: float = 0.0
    min_active_s: float = MIN_ACTIVE_S  # below this much active time a rate is not enough data

    @property
    def active_s(self) -> float:
        return self.busy_s + self.idle_s

    @property
    def enough_data(self) -> bool:
        """Whether the active time is long enough for a rate per hour to mean something."""
        return self.active_s > 0 and self.active_s >= self.min_active_s

    def _per_hour(self, value: float) -> float | None:
        return value * 3600.0 / self.active_s if self.enough_data else None

    @property
    def orders_per_h(self) -> float | None:
        return self._per_hour(self.orders)

    @property
    def parcels_per_h(self) -> float | None:
        return self._per_hour(self.parcels)

    @property
    def units_per_h(self) -> float | None:
        return self._per_hour(self.units)

    @property
    def weighted_per_h(self) -> float | None:
        return self._per_hour(self.weighted)

    @property
    def error_rate(self) -> float | None:
        return self.rejected / self.scans if self.scans else None

    @property
    def mean_cycle_s(self) -> float | None:
        return self.cycle_s / self.cycles if self.cycles else None

    @property
    def exceptions(self) -> int:
        return self.holds + self.voids + self.reprints + self.overrides + self.reopened


@dataclass(frozen=True)
class HourPoint:
    start: datetime  # local time
    orders: int
    units: int
    parcels: int
    rejected: int
    weighted: float


@dataclass(frozen=True)
class Productivity:
    period: Period
    by: GroupBy
    weights: Weights
    rows: list[Figures]  # ranked: weighted orders per active hour, best first
    total: Figures
    hourly: list[HourPoint]
    generated_at: datetime
    min_active_s: float = MIN_ACTIVE_S  # rates need at least this much active time


# ---------------------------------------------------------------- the period's bucket rows


def period_rows(conn: Connection, period: Period) -> Any:
    """Bucket rows covering exactly [since, until): stored quarter hours plus partial ends."""
    since, until = period.utc_since, period.utc_until
    s, u = since.timestamp(), until.timestamp()
    s_al = math.ceil(s / BUCKET_S) * BUCKET_S
    u_al = math.floor(u / BUCKET_S) * BUCKET_S
    if u_al < u and not conn.execute(select(exists().where(EVENTS.c.at >= until))).scalar():
        u_al = math.ceil(u / BUCKET_S) * BUCKET_S  # nothing after `until` yet: its quarter hour is whole
    names = ("bucket", "station", "packer_id", *COUNTERS, *SECONDS)
    if s_al >= u_al:  # less than one whole quarter hour: straight from the log
        return bucket_rows(Scope.times(since, until)).subquery("rows")
    parts = [select(*(sup_buckets.c[n] for n in names)).where(sup_buckets.c.bucket >= s_al,
                                                             sup_buckets.c.bucket < u_al)]
    if s < s_al:
        parts.append(bucket_rows(Scope.times(since, _utc(s_al))))
    if u_al < u:
        parts.append(bucket_rows(Scope.times(_utc(u_al), until)))
    return union_all(*parts).subquery("rows") if len(parts) > 1 else parts[0].subquery("rows")


_TEMP = Table(
    "sup_period_rows", MetaData(),
    *(Column(c.name, c.type) for c in sup_buckets.columns),
    prefixes=["TEMPORARY"],
)


@contextmanager
def materialized(conn: Connection, period: Period) -> Iterator[Table]:
    """The period's bucket rows in a temporary table: its partial ends are read from the log
    once, not once per query of the view (table, total, hourly series)."""
    _TEMP.drop(conn, checkfirst=True)
    _TEMP.create(conn)
    try:
        rows = period_rows(conn, period)
        conn.execute(_TEMP.insert().from_select([c.name for c in _TEMP.columns], select(rows)))
        yield _TEMP
    finally:
        _TEMP.drop(conn, checkfirst=True)


def _utc(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


def _sums(rows: Any) -> list[ColumnElement[Any]]:
    return [func.coalesce(func.sum(rows.c[n]), 0).label(n) for n in (*COUNTERS, *SECONDS)]


def _figures(key: str, name: str, row: Any, weights: Weights, min_active_s: float = MIN_ACTIVE_S) -> Figures:
    classes = {c: int(getattr(row, c) or 0) for c in CLASSES}
    return Figures(
        key=key, name=name,
        **{n: int(getattr(row, n) or 0) for n in COUNTERS if n not in CLASSES},
        classes=classes,
        busy_s=float(row.busy_s or 0), idle_s=float(row.idle_s or 0), cycle_s=float(row.cycle_s or 0),
        weighted=sum(weights.of(c) * n for c, n in classes.items()),
        min_active_s=min_active_s,
    )


# ---------------------------------------------------------------- percentiles


def nearest_rank(n: int, fraction: float) -> int:
    """0-based position of the nearest-rank percentile among n sorted values."""
    return max(0, math.ceil(round(fraction * n, 9)) - 1)


def _percentiles(conn: Connection, period: Period, by: GroupBy | None) -> dict[str, tuple[float, float]]:
    """(median, p90) of cycle seconds per packer / station (or '' for all), nearest-rank."""
    s, u = period.utc_since.timestamp(), period.utc_until.timestamp()
    in_period = and_(sup_cycles.c.at_s >= s, sup_cycles.c.at_s < u)
    key = {None: literal(""), "packer": sup_cycles.c.packer_id, "station": sup_cycles.c.station}[by]
    if conn.dialect.name == "postgresql":
        ordered = sup_cycles.c.seconds
        rows = conn.execute(select(key, func.percentile_disc(0.5).within_group(ordered),
                                   func.percentile_disc(0.9).within_group(ordered))
                            .where(in_period).group_by(key)).all()
        return {str(k): (float(p50), float(p90)) for k, p50, p90 in rows}
    # SQLite has no percentile function and no outer references in OFFSET: count per group, then
    # read the k-th value of each group from the (group, seconds) index. A few hundred index
    # seeks cost less than one window sort over every order of a month. One statement with bound
    # parameters, so SQLAlchemy compiles it once for all the groups.
    counts = conn.execute(select(key, func.count()).where(in_period).group_by(key)).all()
    kth = (select(sup_cycles.c.seconds)
           .where(sup_cycles.c.at_s >= bindparam("s"), sup_cycles.c.at_s < bindparam("u"))
           .order_by(sup_cycles.c.seconds).limit(1).offset(bindparam("k")))
    if by is not None:
        kth = kth.where(key == bindparam("g"))
    out: dict[str, tuple[float, float]] = {}
    for group, n in counts:
        p50, p90 = (float(conn.execute(kth, {"s": s, "u": u, "g": group, "k": nearest_rank(n, f)}).scalar() or 0)
                    for f in (0.5, 0.9))
        out[str(group)] = (p50, p90)
    return out


# ---------------------------------------------------------------- the views


def productivity(conn: Connection, period: Period, by: GroupBy = "packer", weights: Weights | None = None,
                 *, hourly_for: str | None = None, now: datetime | None = None,
                 min_active_s: float = MIN_ACTIVE_S) -> Productivity:
    """Figures per packer or station (ranked), the floor's total, and the hourly series.

    `hourly_for` limits the hourly series to one packer id / station name (None: everyone).
    Rates of a packer, station or the floor with less than `min_active_s` of active time are None.
    """
    if by not in ("packer", "station"):
        raise ValueError(f"by must be packer or station, not {by!r}")
    if not math.isfinite(min_active_s) or min_active_s < 0:
        raise ValueError(f"min_active_s must be 0 or more seconds, not {min_active_s!r}")
    weights = weights or Weights()
    with materialized(conn, period) as rows:
        return _productivity(conn, period, by, weights, rows, hourly_for, now, min_active_s)


def _productivity(conn: Connection, period: Period, by: GroupBy, weights: Weights, rows: Table,
                  hourly_for: str | None, now: datetime | None, min_active_s: float) -> Productivity:
    if by == "packer":
        key = rows.c.packer_id
        query = (select(key.label("key"), func.max(USERS.c.name).label("name"), *_sums(rows))
                 .select_from(rows.outerjoin(USERS, USERS.c.id == rows.c.packer_id))
                 .where(rows.c.packer_id != 0)  # scans while nobody was signed in belong to no packer
                 .group_by(key))
    else:
        key = rows.c.station
        query = select(key.label("key"), key.label("name"), *_sums(rows)).group_by(key)
    percentiles = _percentiles(conn, period, by)
    figures = []
    for row in conn.execute(query).all():
        k = str(row.key)
        p50, p90 = percentiles.get(k, (None, None))
        name = row.name or (f"user {k}" if by == "packer" else k)
        figures.append(replace(_figures(k, name, row, weights, min_active_s), median_s=p50, p90_s=p90))
    figures = [f for f in figures if f.orders or f.active_s or f.scans or f.exceptions or f.units]
    # Ranked by weighted rate; those without enough data for a rate come after, by orders.
    figures.sort(key=lambda f: (f.weighted_per_h is None, -(f.weighted_per_h or 0.0), -f.orders, f.name))
    total_row = conn.execute(select(*_sums(rows))).one()
    p50, p90 = _percentiles(conn, period, None).get("", (None, None))
    total = replace(_figures("", "All", total_row, weights, min_active_s), median_s=p50, p90_s=p90)
    series = hourly(conn, period, weights, by, hourly_for, rows=rows)
    return Productivity(period, by, weights, figures, total, series, now or clock.now(), min_active_s)


def hourly(conn: Connection, period: Period, weights: Weights, by: GroupBy = "packer",
           only: str | None = None, *, rows: Any = None) -> list[HourPoint]:
    """Orders, units, parcels, rejected scans and weighted orders per local hour of the period."""
    if rows is None:
        with materialized(conn, period) as table:
            return hourly(conn, period, weights, by, only, rows=table)
    since_offset = period.since.utcoffset()
    offset = int(since_offset.total_seconds()) if since_offset else 0
    # Quarter hours are summed into the supervisor's wall-clock hours (the offset at the start
    # of the period: a DST change inside a range shifts the later labels by an hour).
    hour = floor_to(rows.c.bucket + offset, 3600)
    query = select(hour.label("hour"), *_sums(rows)).group_by(hour).order_by(hour)
    if only is not None:
        query = query.where((rows.c.packer_id == int(only)) if by == "packer" else (rows.c.station == only))
    zone = period.since.tzinfo
    points = {}
    for row in conn.execute(query).all():
        start = datetime.fromtimestamp(int(row.hour) - offset, UTC).astimezone(zone)
        weighted = sum(weights.of(c) * int(getattr(row, c) or 0) for c in CLASSES)
        points[start] = HourPoint(start, int(row.orders), int(row.units), int(row.parcels), int(row.rejected),
                                  weighted)
    return _every_hour(period, points)


def _every_hour(period: Period, points: dict[datetime, HourPoint]) -> list[HourPoint]:
    """Every hour from the first to the last busy one (zeros in between), so gaps show on a chart."""
    if not points:
        return []
    zone = period.since.tzinfo
    out = []
    moment, last = min(points).timestamp(), max(points).timestamp()
    while moment <= last:
        local = datetime.fromtimestamp(moment, UTC).astimezone(zone)
        out.append(points.get(local, HourPoint(local, 0, 0, 0, 0, 0.0)))
        moment += 3600
    return out
