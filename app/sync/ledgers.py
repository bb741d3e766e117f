"""Pulling the other stations' stock movements and return events into this station's ledgers.

Each station pushes its own (app.sync.outbox); each pulls everyone's back, so a networked
bench's stock levels are the warehouse's, an RMA issued at one bench opens the return at any
other, and units returned at one bench are not expected again at the next.

Both central tables are append-only and record the inserting transaction (change_xid, c0005).
A batch is read after the cursor (change_xid, id) and below the oldest transaction still
running, as app.sync.pull reads orders: ids are handed out at insert time but transactions
commit in any order, and "id > cursor" alone would skip a late commit for ever. Rows are
applied by UUID, so this station's own rows (already here) and a batch read twice count once;
the batch and its cursor are written in one local transaction.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from dataclasses import dataclass

from sqlalchemy import Engine

from app.domain.inventory import Movement
from app.store.inventory import apply_pulled_movements
from app.store.returns import PulledReturnEvent, ReturnsRepository
from app.sync.local import PULL_PREFIX, read_state, write_state, write_transaction

log = logging.getLogger(__name__)

BATCH = 1000
PULL_STOCK = PULL_PREFIX + "stock_movements"
PULL_RETURNS = PULL_PREFIX + "return_events"

_BELOW_HORIZON = ("WHERE (t.change_xid, t.id) > (%s::text::xid8, %s::bigint) "
                  "AND t.change_xid < pg_snapshot_xmin(pg_current_snapshot()) "
                  "ORDER BY t.change_xid, t.id LIMIT %s")
_STOCK_SQL = ("SELECT t.uuid::text, t.station, t.sku, t.bin, t.delta, t.reason, t.reference, t.note, t.user_name, "
              "t.negative, t.at, t.id, t.change_xid::text FROM stock_movements t " + _BELOW_HORIZON)
_RETURNS_SQL = ("SELECT t.uuid::text, t.station, t.return_id, t.type, t.payload, t.user_name, t.at, t.id, "
                "t.change_xid::text FROM return_events t " + _BELOW_HORIZON)


@dataclass
class LedgerStats:
    stock: int = 0  # movements of other stations added here
    returns: int = 0  # return events of other stations added here
    caught_up: bool = True


class LedgerPuller:
    """Thread-safe; the sync worker calls `pull` every round."""

    def __init__(self, engine: Engine, station: str, *, batch: int = BATCH) -> None:
        self.engine = engine
        self.station = station
        self.batch = batch
        self._returns: ReturnsRepository | None = None
        self._lock = threading.Lock()

    def pull(self, conn, *, budget_s: float = 1.0) -> LedgerStats:
        stats = LedgerStats()
        deadline = time.monotonic() + budget_s
        with self._lock:
            for name, step in (("stock", self._stock_batch), ("returns", self._returns_batch)):
                while True:
                    read, added = step(conn)
                    setattr(stats, name, getattr(stats, name) + added)
                    if read < self.batch:
                        break
                    if time.monotonic() > deadline:
                        stats.caught_up = False
                        return stats
        return stats

    def close(self) -> None:
        with self._lock:
            if self._returns is not None:
                self._returns.close()
                self._returns = None

    # ------------------------------------------------------------------ one batch each

    def _read(self, conn, sql: str, cursor_name: str) -> tuple[list[tuple], str]:
        """A batch of rows after the cursor, and the cursor after them ("" for no rows: nothing to move)."""
        with self.engine.connect() as local:
            xid, last_id = _cursor(read_state(local, cursor_name))
        rows = conn.execute(sql, (str(xid), last_id, self.batch)).fetchall()  # one statement: one snapshot
        return rows, (f"{rows[-1][-1]}:{rows[-1][-2]}" if rows else "")

    def _stock_batch(self, conn) -> tuple[int, int]:
        rows, cursor = self._read(conn, _STOCK_SQL, PULL_STOCK)
        if not rows:
            return 0, 0
        moves = [Movement(uuid, station, sku, bin_name, int(delta), reason, reference or "", note or "",
                                user_name, bool(negative), at, int(central_id))
                 for uuid, station, sku, bin_name, delta, reason, reference, note, user_name, negative, at,
                 central_id, _xid in rows]
        with write_transaction(self.engine) as local:
            added = apply_pulled_movements(local, moves)
            write_state(local, PULL_STOCK, cursor)
        return len(rows), added

    def _returns_batch(self, conn) -> tuple[int, int]:
        rows, cursor = self._read(conn, _RETURNS_SQL, PULL_RETURNS)
        if not rows:
            return 0, 0
        events = [PulledReturnEvent(uuid, station, return_id, kind, _data(payload), user_name, at, int(central_id))
                  for uuid, station, return_id, kind, payload, user_name, at, central_id, _xid in rows]
        if self._returns is None:
            self._returns = ReturnsRepository(self.engine)
        added = self._returns.apply_pulled(events, then=lambda local: write_state(local, PULL_RETURNS, cursor))
        return len(rows), added


def _cursor(text: str | None) -> tuple[int, int]:
    if not text:
        return 0, 0
    xid, last_id = text.split(":")
    return int(xid), int(last_id)


def _data(payload) -> dict:  # noqa: ANN001 - jsonb arrives decoded; text if a driver hands it over raw
    if isinstance(payload, dict):
        return payload
    try:
        value = json.loads(payload)
    except (TypeError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}
