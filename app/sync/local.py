"""The station side of sync: cursors and claims kept in the station database's `sync_state`.

Everything sync writes locally goes through short transactions that take SQLite's write lock
first (a deferred transaction that reads, then writes, fails with "database is locked" when a
scan committed in between). The scan path's commits wait at most for one such batch.
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, delete, insert, select, update

from app.domain import clock
from app.store.models import Order, PackEvent, SyncState

STATE = SyncState.__table__
EVENTS = PackEvent.__table__
ORDERS = Order.__table__
CLAIM_PREFIX = "claim:"

# Cursor names in sync_state.
PUSH_EVENTS = "push.events"
PUSH_PRINT_JOBS = "push.print_jobs"
PUSH_STOCK = "push.stock"  # the last stock_movements id sent (app.sync.outbox.Outbox.push_stock)
PUSH_RETURNS = "push.returns"  # the last return_events seq sent (app.sync.outbox.Outbox.push_returns)
PULL_CONFLICTS = "pull.conflicts"
CENTRAL_ID = "central.id"
PULL_PREFIX = "pull."


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """A transaction holding the database's write lock from its first statement."""
    with engine.begin() as conn:
        conn.execute(update(STATE).where(STATE.c.name.is_(None)).values(name=STATE.c.name))
        yield conn


def read_state(conn: Connection, name: str) -> str | None:
    return conn.execute(select(STATE.c.value).where(STATE.c.name == name)).scalar()


def write_state(conn: Connection, name: str, value: str) -> None:
    now = clock.now()
    done = conn.execute(update(STATE).where(STATE.c.name == name).values(value=value, updated_at=now)).rowcount
    if not done:
        conn.execute(insert(STATE).values(name=name, value=value, updated_at=now))


def reset_cursors(conn: Connection) -> None:
    """Forget where push and pull stopped (the station now talks to another central database).

    Pushing again from the start is safe: events are inserted idempotently by their UUID.
    """
    conn.execute(delete(STATE).where(STATE.c.name.like("push.%") | STATE.c.name.like("pull.%")
                                     | STATE.c.name.like(f"{CLAIM_PREFIX}%")))


def record_conflict_event(conn: Connection, station: str, order_number: str | None, data: dict[str, Any]) -> None:
    """A "sync_conflict" pack event: the station's own log shows what the supervisor must decide."""
    order_id = None
    if order_number:
        order_id = conn.execute(select(ORDERS.c.id).where(ORDERS.c.number == order_number)).scalar()
    conn.execute(insert(EVENTS).values(
        uuid=str(uuid.uuid4()), station=station, packer_id=None, order_id=order_id, type="sync_conflict",
        payload=json.dumps({"order": order_number, **data}, separators=(",", ":"), ensure_ascii=False),
        at=clock.now()))


# ------------------------------------------------------------------ the claim cache


@dataclass
class CachedClaim:
    number: str
    lease_until: float  # epoch seconds, as the central database last granted it
    opened: bool  # claimed on an order scan (being packed); False: reserved ahead (pre-claim)
    claimed_at: float = 0.0  # epoch seconds, local clock


class ClaimCache:
    """The claims this station holds, in memory and in sync_state (so an offline restart keeps them).

    Shared by the Station's thread (ClaimService) and the sync worker; one lock guards both.
    """

    def __init__(self, engine: Engine, *, slack_s: float = 60.0) -> None:
        self.engine = engine
        # A renewal that moves a lease by less than this is kept in memory only: the stored lease
        # matters only after a restart while offline, and then erring short is the safe side.
        self.slack_s = slack_s
        self._lock = threading.Lock()
        self._claims: dict[str, CachedClaim] = {}
        self._stored: dict[str, tuple[float, bool]] = {}
        with engine.connect() as conn:
            rows = conn.execute(select(STATE.c.name, STATE.c.value).where(STATE.c.name.like(f"{CLAIM_PREFIX}%")))
            for name, value in rows:
                data = json.loads(value)
                number = name[len(CLAIM_PREFIX):]
                self._claims[number] = CachedClaim(number, float(data["until"]), bool(data["opened"]),
                                                   float(data.get("at", 0.0)))
                self._stored[number] = (float(data["until"]), bool(data["opened"]))

    def get(self, number: str) -> CachedClaim | None:
        with self._lock:
            return self._claims.get(number)

    def all(self) -> list[CachedClaim]:
        with self._lock:
            return list(self._claims.values())

    def put(self, claims: list[CachedClaim]) -> None:
        with self._lock:
            for claim in claims:
                self._claims[claim.number] = claim
            changed = [claim for claim in claims if self._material(claim)]
            if not changed:
                return
            with write_transaction(self.engine) as conn:
                for claim in changed:
                    write_state(conn, CLAIM_PREFIX + claim.number,
                                json.dumps({"until": claim.lease_until, "opened": claim.opened,
                                            "at": claim.claimed_at}))
                    self._stored[claim.number] = (claim.lease_until, claim.opened)

    def _material(self, claim: CachedClaim) -> bool:
        stored = self._stored.get(claim.number)
        return stored is None or stored[1] != claim.opened or claim.lease_until - stored[0] > self.slack_s

    def drop(self, numbers: list[str]) -> None:
        with self._lock:
            numbers = [n for n in numbers if n in self._claims or n in self._stored]
        if not numbers:
            return
        with self._lock, write_transaction(self.engine) as conn:
            conn.execute(delete(STATE).where(STATE.c.name.in_([CLAIM_PREFIX + n for n in numbers])))
            for number in numbers:
                self._claims.pop(number, None)
                self._stored.pop(number, None)

    def clear(self) -> None:
        with self._lock:
            self._claims.clear()
            self._stored.clear()

    def reserved(self) -> list[CachedClaim]:
        """Pre-claimed orders not yet opened, oldest lease first (claimed first, packed first)."""
        with self._lock:
            now = time.time()  # wall clock: a lease is timed against the central server's clock
            return sorted((c for c in self._claims.values() if not c.opened and c.lease_until > now),
                          key=lambda c: c.lease_until)
