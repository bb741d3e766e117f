"""Pushing the station's pack events, parcels, print jobs and stock movements to the central database.

The station's own database is the outbox: every event is committed there first (the packer was
told "accepted" only for what is on disk). The worker sends what follows the push cursor in
batches, in the station's seq order (so each order's events arrive in order), with
`ON CONFLICT (uuid) DO NOTHING`: sending a batch twice (a crash after the central commit and
before the local cursor moved) inserts nothing twice and projects nothing twice.

Stock movements follow by their own cursor (`push.stock`, the last local movement id sent),
the same way: by UUID, ON CONFLICT DO NOTHING; the central trigger adds only what was inserted
to the central stock levels, so a repeated batch counts nothing twice. The returns bench's log
(`push.returns`) goes the same way. Rows pulled from other stations (central_id set) are in the
same local tables and are never sent back.
"""

from __future__ import annotations

import json
import logging
import uuid as uuidlib
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Engine, func, select

from app.domain import clock
from app.store.models import Order, PackEvent, Parcel, PrintJob, User
from app.store.returns_models import ReturnEvent, StockMovement
from app.store.values import as_utc
from app.sync.local import (
    PUSH_EVENTS,
    PUSH_PRINT_JOBS,
    PUSH_RETURNS,
    PUSH_STOCK,
    read_state,
    write_state,
    write_transaction,
)

log = logging.getLogger(__name__)

EVENTS = PackEvent.__table__
ORDERS = Order.__table__
USERS = User.__table__
PARCELS = Parcel.__table__
JOBS = PrintJob.__table__
MOVES = StockMovement.__table__
RETURN_EVENTS = ReturnEvent.__table__
BATCH = 1000
FINAL_JOB_STATES = frozenset({"done", "failed"})  # a failed job is never resent: a reprint is a new job

_INSERT_EVENTS = """
INSERT INTO pack_events (uuid, station, station_seq, packer, packer_id, order_number, type, payload, at)
SELECT u, %s, s, pk, pid, o, t, p, a
FROM unnest(%s::uuid[], %s::bigint[], %s::varchar[], %s::integer[], %s::varchar[], %s::varchar[], %s::jsonb[],
            %s::timestamptz[]) WITH ORDINALITY AS e (u, s, pk, pid, o, t, p, a, n)
ORDER BY n
ON CONFLICT (uuid) DO NOTHING
"""

_INSERT_MOVES = """
INSERT INTO stock_movements (uuid, station, station_seq, sku, bin, delta, reason, reference, note, user_name,
                             user_id, negative, at)
SELECT u, %s, s, k, b, d, r, ref, n, un, ui, neg, a
FROM unnest(%s::uuid[], %s::bigint[], %s::text[], %s::text[], %s::bigint[], %s::text[], %s::text[], %s::text[],
            %s::text[], %s::bigint[], %s::boolean[], %s::timestamptz[])
     WITH ORDINALITY AS m (u, s, k, b, d, r, ref, n, un, ui, neg, a, o)
ORDER BY o
ON CONFLICT (uuid) DO NOTHING
"""

_INSERT_RETURN_EVENTS = """
INSERT INTO return_events (uuid, station, station_seq, return_id, type, payload, user_name, at)
SELECT u, %s, s, r, t, p, un, a
FROM unnest(%s::uuid[], %s::bigint[], %s::text[], %s::text[], %s::jsonb[], %s::text[], %s::timestamptz[])
     WITH ORDINALITY AS e (u, s, r, t, p, un, a, o)
ORDER BY o
ON CONFLICT (uuid) DO NOTHING
"""

_PARCEL_COLUMNS = ("order_number", "box_no", "packer_id", "carton_code", "weight_g", "expected_weight_g",
                   "weight_source", "tracking_number", "carrier", "service_level", "label_format", "label_ref",
                   "photo_ref", "status", "created_at")
_PARCEL_TYPES = ("varchar", "integer", "integer", "varchar", "integer", "integer", "varchar", "varchar", "varchar",
                 "varchar", "varchar", "varchar", "varchar", "varchar", "timestamptz")
# One unnest over every column, the station bound once; another station's parcel is never updated.
_UPSERT_PARCELS = (
    "INSERT INTO parcels (uuid, station, " + ", ".join(_PARCEL_COLUMNS) + ", updated_at) "
    "SELECT x.uuid, %s, " + ", ".join(f"x.{c}" for c in _PARCEL_COLUMNS) + ", now() "
    "FROM unnest(%s::uuid[], " + ", ".join(f"%s::{t}[]" for t in _PARCEL_TYPES) + ") AS x (uuid, "
    + ", ".join(_PARCEL_COLUMNS) + ") "
    "ON CONFLICT (uuid) DO UPDATE SET " + ", ".join(f"{c} = EXCLUDED.{c}" for c in _PARCEL_COLUMNS if c != "created_at")
    + ", updated_at = now() WHERE parcels.station = EXCLUDED.station"
)

_JOB_COLUMNS = ("printer", "document", "format", "reference", "state", "attempts", "last_error", "reprint_of",
                "created_at", "updated_at")
_JOB_TYPES = ("varchar", "varchar", "varchar", "varchar", "varchar", "integer", "text", "uuid", "timestamptz",
              "timestamptz")
_UPSERT_JOBS = (
    "INSERT INTO print_jobs (uuid, station, " + ", ".join(_JOB_COLUMNS) + ") "
    "SELECT x.uuid, %s, " + ", ".join(f"x.{c}" for c in _JOB_COLUMNS) + " "
    "FROM unnest(%s::uuid[], " + ", ".join(f"%s::{t}[]" for t in _JOB_TYPES) + ") AS x (uuid, "
    + ", ".join(_JOB_COLUMNS) + ") "
    "ON CONFLICT (uuid) DO UPDATE SET state = EXCLUDED.state, attempts = EXCLUDED.attempts, "
    "last_error = EXCLUDED.last_error, updated_at = EXCLUDED.updated_at WHERE print_jobs.station = EXCLUDED.station"
)


def _uuid(value: str) -> str:
    """A stored UUID, or a stable one made from it: one malformed row must not block the outbox."""
    try:
        return str(uuidlib.UUID(value))
    except (ValueError, TypeError, AttributeError):
        return str(uuidlib.uuid5(uuidlib.NAMESPACE_URL, f"packstation:{value}"))


def _payload(text: str) -> str:
    try:
        json.loads(text)
        return text
    except (TypeError, ValueError):
        return json.dumps({"unreadable_payload": str(text)})


class Outbox:
    def __init__(self, engine: Engine, station: str, *, batch: int = BATCH) -> None:
        self.engine = engine
        self.station = station
        self.batch = batch
        self._jobs_sent: dict[str, tuple[str, int]] = {}  # uuid -> (state, attempts) last pushed
        self.sent_events = 0
        self.sent_parcels = 0
        self.sent_stock = 0
        self.sent_returns = 0

    def cursor(self) -> int:
        with self.engine.connect() as conn:
            return int(read_state(conn, PUSH_EVENTS) or 0)

    def pending(self) -> int:
        """This station's events not yet in the central database."""
        with self.engine.connect() as conn:
            after = int(read_state(conn, PUSH_EVENTS) or 0)
            return conn.execute(select(func.count()).select_from(EVENTS).where(
                EVENTS.c.seq > after, EVENTS.c.station == self.station)).scalar_one()

    def last_seq(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.coalesce(func.max(EVENTS.c.seq), 0))).scalar_one()

    # ------------------------------------------------------------------ events and parcels

    def push_events(self, conn) -> int:
        """Send one batch; returns how many local events it covered (0: nothing was waiting)."""
        with self.engine.connect() as local:
            after = int(read_state(local, PUSH_EVENTS) or 0)
            rows = local.execute(
                select(EVENTS.c.seq, EVENTS.c.uuid, EVENTS.c.station, USERS.c.name, EVENTS.c.packer_id,
                       ORDERS.c.number, EVENTS.c.type, EVENTS.c.payload, EVENTS.c.at)
                .outerjoin(ORDERS, ORDERS.c.id == EVENTS.c.order_id)
                .outerjoin(USERS, USERS.c.id == EVENTS.c.packer_id)
                .where(EVENTS.c.seq > after).order_by(EVENTS.c.seq).limit(self.batch)).all()
            if not rows:
                return 0
            # Events another station name wrote here (`replay --station X`) are not ours to send:
            # the central database would refuse them (row-level security) and block the outbox.
            mine = [row for row in rows if row.station == self.station]
            numbers = sorted({row.number for row in mine if row.number})
            parcels = self._parcels(local, numbers)
        if len(mine) < len(rows):
            log.warning("%d event(s) of other station names left unsent", len(rows) - len(mine))
        if mine:
            with conn.transaction():
                conn.execute(_INSERT_EVENTS, (
                    self.station, [_uuid(r.uuid) for r in mine], [r.seq for r in mine], [r.name for r in mine],
                    [r.packer_id for r in mine], [r.number for r in mine], [r.type for r in mine],
                    [_payload(r.payload) for r in mine], [as_utc(r.at) for r in mine]))
                if parcels:
                    columns = list(zip(*parcels, strict=True))
                    conn.execute(_UPSERT_PARCELS, (self.station, *map(list, columns)))
        with write_transaction(self.engine) as local:
            write_state(local, PUSH_EVENTS, str(rows[-1].seq))
        self.sent_events += len(mine)
        self.sent_parcels += len(parcels)
        return len(rows)

    def _parcels(self, local, numbers: list[str]) -> list[tuple]:
        """The current state of the parcels of the orders in this batch.

        A parcel changes only around an event of its order (label printed, labels voided, order
        packed), so sending the parcels of the orders a batch touches keeps them in step.
        """
        found: list[tuple] = []
        for start in range(0, len(numbers), 500):
            chunk = numbers[start:start + 500]
            query = (select(PARCELS.c.uuid, ORDERS.c.number, *[PARCELS.c[c] for c in _PARCEL_COLUMNS[1:]])
                     .join(ORDERS, ORDERS.c.id == PARCELS.c.order_id)
                     .where(ORDERS.c.number.in_(chunk), PARCELS.c.station == self.station))
            for row in local.execute(query):
                values = list(row)
                values[0] = _uuid(values[0])
                values[-1] = as_utc(values[-1])
                found.append(tuple(values))
        return found

    # ------------------------------------------------------------------ print jobs

    def push_print_jobs(self, conn) -> int:
        """New jobs and jobs whose state changed; the cursor passes a job once it is done or failed."""
        with self.engine.connect() as local:
            after = int(read_state(local, PUSH_PRINT_JOBS) or 0)
            rows = local.execute(select(JOBS.c.seq, JOBS.c.uuid, *[JOBS.c[c] for c in _JOB_COLUMNS])
                                 .where(JOBS.c.seq > after).order_by(JOBS.c.seq).limit(self.batch)).all()
        if not rows:
            return 0
        changed = [row for row in rows if self._jobs_sent.get(row.uuid) != (row.state, row.attempts)]
        if changed:
            values = [(_uuid(r.uuid), r.printer, r.document, r.format, r.reference, r.state, r.attempts,
                       r.last_error or "", _uuid(r.reprint_of) if r.reprint_of else None, as_utc(r.created_at),
                       as_utc(r.updated_at)) for r in changed]
            with conn.transaction():
                conn.execute(_UPSERT_JOBS, (self.station, *map(list, zip(*values, strict=True))))
            for row in changed:
                self._jobs_sent[row.uuid] = (row.state, row.attempts)
        settled = after
        for row in rows:
            if row.state not in FINAL_JOB_STATES:
                break
            settled = row.seq
            self._jobs_sent.pop(row.uuid, None)
        if settled != after:
            with write_transaction(self.engine) as local:
                write_state(local, PUSH_PRINT_JOBS, str(settled))
        return len(changed)

    # ------------------------------------------------------------------ stock movements

    def stock_cursor(self) -> int:
        with self.engine.connect() as conn:
            return int(read_state(conn, PUSH_STOCK) or 0)

    def last_stock_id(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.coalesce(func.max(MOVES.c.id), 0))).scalar_one()

    def pending_stock(self) -> int:
        """Stock movements recorded here and not yet sent."""
        with self.engine.connect() as conn:
            after = int(read_state(conn, PUSH_STOCK) or 0)
            return conn.execute(select(func.count()).select_from(MOVES).where(
                MOVES.c.id > after, MOVES.c.central_id.is_(None))).scalar_one()

    def push_stock(self, conn) -> int:
        """Send one batch of this station's stock movements (see `_own`); returns how many local
        movements it covered (0: none waiting)."""
        with self.engine.connect() as local:
            after = int(read_state(local, PUSH_STOCK) or 0)
            rows = local.execute(
                select(MOVES.c.id, MOVES.c.uuid, MOVES.c.station, MOVES.c.sku, MOVES.c.bin, MOVES.c.delta,
                       MOVES.c.reason, MOVES.c.reference, MOVES.c.note, USERS.c.name, MOVES.c.user_id,
                       MOVES.c.negative, MOVES.c.at, MOVES.c.central_id)
                .outerjoin(USERS, USERS.c.id == MOVES.c.user_id)
                .where(MOVES.c.id > after).order_by(MOVES.c.id).limit(self.batch)).all()
        if not rows:
            return 0
        mine = _own(rows, self.station)
        if mine:
            with conn.transaction():
                conn.execute(_INSERT_MOVES, (
                    self.station, [_uuid(r.uuid) for r in mine], [r.id for r in mine], [r.sku for r in mine],
                    [r.bin for r in mine], [r.delta for r in mine], [r.reason for r in mine],
                    [r.reference or "" for r in mine], [r.note or "" for r in mine], [r.name for r in mine],
                    [r.user_id for r in mine], [bool(r.negative) for r in mine],
                    [as_utc(r.at) or clock.now() for r in mine]))
        with write_transaction(self.engine) as local:
            write_state(local, PUSH_STOCK, str(rows[-1].id))
        self.sent_stock += len(mine)
        return len(rows)

    # ------------------------------------------------------------------ the returns bench's log

    def returns_cursor(self) -> int:
        with self.engine.connect() as conn:
            return int(read_state(conn, PUSH_RETURNS) or 0)

    def last_return_seq(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.coalesce(func.max(RETURN_EVENTS.c.seq), 0))).scalar_one()

    def pending_returns(self) -> int:
        """Return events recorded here and not yet sent."""
        with self.engine.connect() as conn:
            after = int(read_state(conn, PUSH_RETURNS) or 0)
            return conn.execute(select(func.count()).select_from(RETURN_EVENTS).where(
                RETURN_EVENTS.c.seq > after, RETURN_EVENTS.c.central_id.is_(None))).scalar_one()

    def push_returns(self, conn) -> int:
        """Send one batch of return events (RMAs issued, returns opened, graded, closed); returns
        how many local events it covered (0: none waiting)."""
        e = RETURN_EVENTS
        with self.engine.connect() as local:
            after = int(read_state(local, PUSH_RETURNS) or 0)
            rows = local.execute(
                select(e.c.seq, e.c.uuid, e.c.station, e.c.return_id, e.c.type, e.c.payload, USERS.c.name, e.c.at,
                       e.c.central_id)
                .outerjoin(USERS, USERS.c.id == e.c.user_id)
                .where(e.c.seq > after).order_by(e.c.seq).limit(self.batch)).all()
        if not rows:
            return 0
        mine = _own(rows, self.station)
        if mine:
            with conn.transaction():
                conn.execute(_INSERT_RETURN_EVENTS, (
                    self.station, [_uuid(r.uuid) for r in mine], [r.seq for r in mine],
                    [r.return_id for r in mine], [r.type for r in mine], [_payload(r.payload) for r in mine],
                    [r.name for r in mine], [as_utc(r.at) or clock.now() for r in mine]))
        with write_transaction(self.engine) as local:
            write_state(local, PUSH_RETURNS, str(rows[-1].seq))
        self.sent_returns += len(mine)
        return len(rows)


def _own(rows: Sequence[Any], station: str) -> list[Any]:
    """The rows this station recorded: not pulled from the central database (central_id), and not
    written here under another station's name (`replay --station X`), which the central database
    would refuse (row-level security), blocking the outbox. A row with no station name (a
    command-line tool's, or from before the station was named) is this station's."""
    mine = [row for row in rows if row.central_id is None and row.station in ("", None, station)]
    foreign = sum(1 for row in rows if row.central_id is None) - len(mine)
    if foreign:
        log.warning("%d row(s) of other station names left unsent", foreign)
    return mine
