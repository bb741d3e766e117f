"""Quarter-hour roll-ups of the pack-event log, kept up to date incrementally, all in SQL.

Why: a month of a busy floor is millions of events. Counting them, reading every item's units
out of its JSON payload and pairing every order's open and close on each view costs seconds.
The log is append-only and every event has a increasing `seq`, so each event needs to be
aggregated once: `refresh()` folds the events after a watermark into

- `sup_buckets`: one row per (quarter hour, station, packer) with the counters the productivity
  views need (orders, parcels, units, scans, exceptions, busy and idle seconds, orders per
  difficulty class);
- `sup_cycles`: one row per packed order with its cycle time (order_opened → order_packed),
  for medians and percentiles.

Both are derived data: dropping them (or bumping ROLLUP_VERSION) rebuilds them from the log.
Each batch is one short transaction that first locks and moves the watermark, so two
supervisors refreshing at once never count an event twice, and a station's scan commit never
waits long behind a rebuild.

The SELECT that turns events into bucket rows (`bucket_rows`) is also used directly, without
storing, for the parts of a period that do not fill a whole quarter hour.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    Engine,
    Float,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    and_,
    case,
    cast,
    func,
    literal,
    or_,
    select,
    union_all,
    update,
)
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql.expression import ColumnElement, Select

from app.domain import clock
from app.store.models import OrderLine, PackEvent, Product
from app.supervisor.sqlfuncs import epoch, floor_to, json_bool, json_int
from app.supervisor.vocabulary import ACCEPTED_SCANS, BREAK_AFTER_S, CLOSING, COUNTED, LIFECYCLE

BUCKET_S = 900  # quarter hours: periods start on any quarter hour of any time zone (India, Nepal...)
BATCH = 20_000  # events per transaction: a rebuild never holds the write lock for long
ROLLUP_VERSION = "1"  # bump when a definition changes: the roll-ups are rebuilt from the log

EVENTS: Table = PackEvent.__table__
LINES: Table = OrderLine.__table__
PRODUCTS: Table = Product.__table__

metadata = MetaData()

COUNTERS = ("orders", "parcels", "units", "scans", "rejected", "holds", "voids", "reprints", "overrides", "reopened",
            "weight_fails", "print_fails", "single", "multi", "mixed", "serial", "cycles")
SECONDS = ("busy_s", "idle_s", "cycle_s")

sup_buckets = Table(
    "sup_buckets", metadata,
    Column("bucket", BigInteger, primary_key=True),  # UTC epoch seconds of the quarter hour's start
    Column("station", String(64), primary_key=True),
    Column("packer_id", Integer, primary_key=True),  # 0: nobody signed in
    *(Column(name, Integer, nullable=False, default=0) for name in COUNTERS),
    *(Column(name, Float, nullable=False, default=0.0) for name in SECONDS),
)

sup_cycles = Table(
    "sup_cycles", metadata,
    Column("seq", BigInteger, primary_key=True),  # the order_packed event
    Column("at_s", Float, nullable=False),  # when it was packed, UTC epoch seconds
    Column("station", String(64), nullable=False),
    Column("packer_id", Integer, nullable=False),
    Column("order_id", Integer),
    Column("seconds", Float, nullable=False),
    # Percentiles per packer / station read these in order of seconds, filtered by time.
    Index("ix_sup_cycles_packer", "packer_id", "seconds", "at_s"),
    Index("ix_sup_cycles_station", "station", "seconds", "at_s"),
    Index("ix_sup_cycles_seconds", "seconds", "at_s"),  # the whole floor's percentiles
)

sup_state = Table(
    "sup_state", metadata,
    Column("name", String(32), primary_key=True),
    Column("value", String(64), nullable=False),
)


@dataclass(frozen=True)
class Scope:
    """Which events a roll-up SELECT reads: a seq range (refresh) or a time range (a period's ends)."""

    where: ColumnElement[bool]
    by_seq: bool

    @classmethod
    def seqs(cls, low: int, high: int) -> Scope:
        return cls(and_(EVENTS.c.seq > low, EVENTS.c.seq <= high), True)

    @classmethod
    def times(cls, since: datetime, until: datetime) -> Scope:
        return cls(and_(EVENTS.c.at >= since, EVENTS.c.at < until), False)

    def of_type(self, *kinds: str, column: ColumnElement[str] | None = None) -> ColumnElement[bool]:
        # A seq range is a primary-key range. Given "type IN (...)" the planner prefers the
        # (type, at) index and would walk every event of those types; `type || ''` is the same
        # value but cannot use an index, which leaves the key range.
        column = EVENTS.c.type if column is None else column
        return (column.concat("") if self.by_seq else column).in_(kinds)


@dataclass(frozen=True)
class RefreshReport:
    events: int  # events folded in by this call
    watermark: int  # the last seq now covered
    seconds: float


def ensure_tables(engine: Engine) -> None:
    """Create the roll-up tables when missing; rebuild them when their definition changed."""
    try:
        metadata.create_all(engine, checkfirst=True)
    except DBAPIError:
        metadata.create_all(engine, checkfirst=True)  # another console created them meanwhile
    with engine.begin() as conn:
        # Write first (a no-op), then read: the transaction holds the write lock before it looks,
        # so two consoles starting together cannot both decide to (re)build.
        conn.execute(update(sup_state).where(sup_state.c.name == "version").values(value=sup_state.c.value))
        stored = conn.execute(select(sup_state.c.value).where(sup_state.c.name == "version")).scalar()
        if stored == ROLLUP_VERSION:
            return
        conn.execute(sup_buckets.delete())
        conn.execute(sup_cycles.delete())
        conn.execute(sup_state.delete())
        conn.execute(sup_state.insert(), [{"name": "version", "value": ROLLUP_VERSION},
                                          {"name": "watermark", "value": "0"}])


def watermark(conn: Connection) -> int:
    value = conn.execute(select(sup_state.c.value).where(sup_state.c.name == "watermark")).scalar()
    return int(value or 0)


def refresh(engine: Engine, *, settle_s: float = 0.0, max_batches: int | None = None) -> RefreshReport:
    """Fold every event after the watermark into the roll-ups, BATCH events per transaction.

    `settle_s` leaves out events younger than that: on PostgreSQL a transaction may commit a
    lower seq after a higher one is visible, so the newest minute is left for the next refresh.
    SQLite commits in seq order, so 0 is exact there.
    """
    started = time.perf_counter()
    folded = 0
    done = 0
    with engine.connect() as conn:
        top = _settled_top(conn, settle_s)
        conn.rollback()
    while True:
        with engine.begin() as conn:
            # Lock the watermark row before reading it: a second refresh waits here (busy
            # timeout / row lock) instead of reading a watermark that is about to move. On SQLite
            # a transaction that read first could not take the write lock later ("locked").
            conn.execute(update(sup_state).where(sup_state.c.name == "watermark").values(value=sup_state.c.value))
            low = watermark(conn)
            if low >= top or (max_batches is not None and done >= max_batches):
                return RefreshReport(folded, low, time.perf_counter() - started)
            high = min(low + BATCH, top)
            moved = conn.execute(update(sup_state).where(sup_state.c.name == "watermark",
                                                         sup_state.c.value == str(low))
                                 .values(value=str(high))).rowcount
            if moved != 1:  # cannot happen while we hold the lock; never fold a range twice
                continue
            batch = Scope.seqs(low, high)
            _upsert_buckets(conn, bucket_rows(batch))
            conn.execute(sup_cycles.insert().from_select(
                ["seq", "at_s", "station", "packer_id", "order_id", "seconds"], cycle_rows(batch)))
            folded += conn.execute(select(func.count()).select_from(EVENTS).where(batch.where)).scalar() or 0
            done += 1


def _settled_top(conn: Connection, settle_s: float) -> int:
    if settle_s <= 0:
        return int(conn.execute(select(func.max(EVENTS.c.seq))).scalar() or 0)
    cutoff = clock.now() - timedelta(seconds=settle_s)
    return int(conn.execute(select(func.max(EVENTS.c.seq)).where(EVENTS.c.at < cutoff)).scalar() or 0)


def _upsert_buckets(conn: Connection, rows: Select) -> None:
    conn.execute(upsert_buckets(conn.dialect.name, rows))


def upsert_buckets(dialect: str, rows: Select) -> Any:
    """INSERT ... ON CONFLICT DO UPDATE adding to the counters (same API on SQLite and PostgreSQL)."""
    names = ["bucket", "station", "packer_id", *COUNTERS, *SECONDS]
    from sqlalchemy.dialects import postgresql, sqlite

    stmt = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(sup_buckets).from_select(names, rows)
    return stmt.on_conflict_do_update(
        index_elements=["bucket", "station", "packer_id"],
        set_={name: sup_buckets.c[name] + stmt.excluded[name] for name in (*COUNTERS, *SECONDS)},
    )


# ---------------------------------------------------------------- the SQL that reads the log


def _is(kind: str) -> ColumnElement[bool]:
    return EVENTS.c.type == kind


def _count(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def _order_classes(scope: Scope) -> Any:
    """Difficulty class of each order packed by the scope's events (serial > mixed > multi > single)."""
    packed = select(EVENTS.c.order_id).where(scope.where, scope.of_type("order_packed"))
    per_order = (
        select(
            LINES.c.order_id,
            func.count(func.distinct(LINES.c.product_id)).label("skus"),
            func.sum(LINES.c.quantity).label("units"),
            func.max(case((PRODUCTS.c.requires_serial, 1), else_=0)).label("serial"),
        )
        .join(PRODUCTS, PRODUCTS.c.id == LINES.c.product_id)
        .where(LINES.c.order_id.in_(packed))
        .group_by(LINES.c.order_id)
        .subquery("per_order")
    )
    label = case(
        (per_order.c.serial > 0, "serial"),
        (per_order.c.skus > 1, "mixed"),
        (per_order.c.units > 1, "multi"),
        else_="single",
    )
    return select(per_order.c.order_id, label.label("class")).subquery("classes")


def _counter_rows(scope: Scope) -> Select:
    classes = _order_classes(scope)
    packed_class = case((_is("order_packed"), classes.c["class"]))
    units = json_int(EVENTS.c.payload, "units")
    scans = _count(EVENTS.c.type.in_((*ACCEPTED_SCANS, "scan_rejected")))
    bucket = floor_to(epoch(EVENTS.c.at), BUCKET_S)
    columns: dict[str, ColumnElement[Any]] = {
        "orders": _count(_is("order_packed")),
        "parcels": _count(_is("label_printed")),
        "units": func.coalesce(func.sum(case((_is("item_packed"), units), (_is("item_unpacked"), -units),
                                             else_=0)), 0),
        "scans": scans,
        "rejected": _count(_is("scan_rejected")),
        "holds": _count(_is("order_held")),
        "voids": _count(_is("labels_voided")),
        "reprints": _count(_is("reprint_requested")),
        "overrides": _count(_is("override_granted")),
        "reopened": _count(_is("box_reopened")),
        "weight_fails": _count(and_(_is("weight_recorded"), json_bool(EVENTS.c.payload, "within") == False)),  # noqa: E712
        "print_fails": _count(_is("print_failed")),
        **{name: _count(packed_class == name) for name in ("single", "multi", "mixed", "serial")},
        "cycles": literal(0),
        "busy_s": literal(0.0),
        "idle_s": literal(0.0),
        "cycle_s": literal(0.0),
    }
    packer = func.coalesce(EVENTS.c.packer_id, 0)
    return (
        select(bucket.label("bucket"), EVENTS.c.station.label("station"), packer.label("packer_id"),
               *(value.label(name) for name, value in columns.items()))
        .select_from(EVENTS.outerjoin(classes, classes.c.order_id == EVENTS.c.order_id))
        .where(scope.where, scope.of_type(*COUNTED))
        .group_by(bucket, EVENTS.c.station, packer)
    )


def _pairs(scope: Scope) -> Any:
    """Each lifecycle event of the scope with the lifecycle event before it at the same bench.

    The previous one may be older than the filter (an order opened before the period and packed
    in it): it is found through the (station, seq) index, one probe per lifecycle event.
    """
    prev_events = EVENTS.alias("prev")
    prev_seq = (
        select(prev_events.c.seq)
        .where(prev_events.c.station == EVENTS.c.station, prev_events.c.seq < EVENTS.c.seq,
               prev_events.c.type.in_(LIFECYCLE))
        .order_by(prev_events.c.seq.desc())
        .limit(1)
        .scalar_subquery()
    )
    current = (
        select(EVENTS.c.seq, EVENTS.c.station, func.coalesce(EVENTS.c.packer_id, 0).label("packer_id"),
               EVENTS.c.type, EVENTS.c.at, EVENTS.c.order_id, prev_seq.label("prev_seq"))
        .where(scope.where, scope.of_type(*LIFECYCLE))
        .subquery("current")
    )
    previous = EVENTS.alias("previous")
    end_s = epoch(current.c.at)
    seconds = end_s - epoch(previous.c.at)
    busy = and_(previous.c.type == "order_opened", current.c.type.in_(CLOSING))
    idle = and_(previous.c.type.in_(("signed_in", *CLOSING)), current.c.type != "signed_in",
                seconds <= BREAK_AFTER_S)
    return (
        select(current.c.seq, current.c.station, current.c.packer_id, current.c.type, current.c.order_id,
               end_s.label("end_s"), seconds.label("seconds"), busy.label("busy"), idle.label("idle"))
        .join_from(current, previous, previous.c.seq == current.c.prev_seq)
        .subquery("pairs")
    )


def _pair_rows(scope: Scope) -> Select:
    pairs = _pairs(scope)
    bucket = floor_to(pairs.c.end_s, BUCKET_S)
    cycle = and_(pairs.c.busy, pairs.c.type == "order_packed")
    zero = {name: literal(0) for name in COUNTERS if name != "cycles"}
    return (
        select(bucket.label("bucket"), pairs.c.station.label("station"), pairs.c.packer_id.label("packer_id"),
               *(value.label(name) for name, value in zero.items()),
               _count(cycle).label("cycles"),
               func.coalesce(func.sum(case((pairs.c.busy, pairs.c.seconds), else_=0.0)), 0.0).label("busy_s"),
               func.coalesce(func.sum(case((pairs.c.idle, pairs.c.seconds), else_=0.0)), 0.0).label("idle_s"),
               func.coalesce(func.sum(case((cycle, pairs.c.seconds), else_=0.0)), 0.0).label("cycle_s"))
        .where(or_(pairs.c.busy, pairs.c.idle))
        .group_by(bucket, pairs.c.station, pairs.c.packer_id)
    )


def bucket_rows(scope: Scope) -> Select:
    """Quarter-hour rows (bucket, station, packer_id, *COUNTERS, *SECONDS) of the scope's events.

    One bucket, station and packer may appear twice (counters, then times): sum them by key.
    """
    both = union_all(_counter_rows(scope), _pair_rows(scope)).subquery("both")
    keys = (both.c.bucket, both.c.station, both.c.packer_id)
    return (
        select(*keys, *(func.sum(both.c[name]).label(name) for name in (*COUNTERS, *SECONDS)))
        .group_by(*keys)
    )


def cycle_rows(scope: Scope) -> Select:
    """(seq, at_s, station, packer_id, order_id, seconds) of each order packed by the scope's events."""
    pairs = _pairs(scope)
    return (
        select(pairs.c.seq, pairs.c.end_s, pairs.c.station, pairs.c.packer_id, pairs.c.order_id,
               cast(pairs.c.seconds, Float))
        .where(pairs.c.busy, scope.of_type("order_packed", column=pairs.c.type))
    )
