"""Number sequences shared by every station of a warehouse, in the central database.

An SSCC must be unique worldwide, so two stations of one warehouse (one GS1 company prefix)
must never give out the same serial reference. A networked station therefore takes them from
the central PostgreSQL sequence `ps_seq_sscc` (migration c0002), never from its own database:

    from app.sync.sequences import CentralSerials
    serials = CentralSerials(lambda: central.connect("sequences"))       # central: a CentralSync
    pack_carton(conn, shipment, items, company_prefix=..., sscc_source=serials)

- `allocate(conn_factory, name, count)` reserves `count` values in one round trip
  (`SELECT nextval(...) FROM generate_series(1, count)`). `nextval` is never rolled back: a
  value is handed out once, whatever happens to the transaction that asked for it. Gaps (a
  carton that was not built after all) are harmless; duplicates cannot happen.
- Station roles have USAGE on the sequence (nextval) and nothing else: they cannot setval,
  ALTER, RESTART or DROP it (the admin owns it).
- Offline: with `reserve=0` (the default) a station that cannot reach the central database
  refuses to allocate (`SsccUnavailable`: "no SSCC while offline"), and never makes a number
  up. With `reserve=N` it keeps up to N values reserved ahead in its own database
  (`sync_state` row `sequence.sscc.reserved`), topped up while online, so it can go on building
  cartons and pallets through an outage until those run out. A reserved value is taken out of
  that row in the same local transaction that stores the carton, so a value is used once even
  across a crash; values reserved by a station that is never used again are a gap.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, insert, select, update

from app.domain import clock
from app.store.bulk import SsccUnavailable
from app.store.models import SyncState
from app.store.returns_models import SEQUENCES

log = logging.getLogger(__name__)

STATE = SyncState.__table__
MAX_BLOCK = 10_000  # one call reserves at most this many values
RETRY_AFTER_S = 30.0  # after an outage, top the reserve up again no sooner than this
ConnectionFactory = Callable[[], Any]  # () -> a psycopg connection (closed by `with`), e.g. CentralSync.connect


class SequenceUnavailable(RuntimeError):
    """The central database could not be reached to take values of a sequence."""


def sequence_name(name: str) -> str:
    """The PostgreSQL sequence behind a Packstation sequence name (as returns_models.next_values)."""
    if name not in SEQUENCES:
        raise ValueError(f"unknown sequence {name!r} (known: {', '.join(SEQUENCES)})")
    return f"ps_seq_{name}"


def allocate(conn_factory: ConnectionFactory, name: str, count: int) -> list[int]:
    """`count` fresh values of the central sequence `name`, ascending, in one round trip.

    Raises SequenceUnavailable when the central database is out of reach (or the call timed
    out); any other database error (no such sequence, no privilege) is a set-up error and is
    raised as it is.
    """
    from app.sync.pg import is_connection_error

    seq = sequence_name(name)
    if count < 1:
        return []
    if count > MAX_BLOCK:
        raise ValueError(f"at most {MAX_BLOCK} values at a time, not {count}")
    try:
        with conn_factory() as conn:
            rows = conn.execute("SELECT nextval(%s::regclass) FROM generate_series(1, %s)", (seq, count)).fetchall()
    except Exception as exc:
        if is_connection_error(exc):
            raise SequenceUnavailable(f"the central database is out of reach ({_first_line(exc)})") from exc
        raise
    return sorted(int(row[0]) for row in rows)


class CentralSerials:
    """A serial-reference source for app.store.bulk (`sscc_source=`): the central sequence.

    `reserve` values may be kept ahead in the station's own database for an outage (see the
    module's docstring); 0 keeps none, and an offline station then refuses to allocate.
    """

    def __init__(self, conn_factory: ConnectionFactory, *, name: str = "sscc", reserve: int = 0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        sequence_name(name)
        if not 0 <= reserve <= MAX_BLOCK:
            raise ValueError(f"reserve must be between 0 and {MAX_BLOCK}, not {reserve}")
        self.conn_factory = conn_factory
        self.name = name
        self.reserve = reserve
        self.clock = clock
        self._top_up_after = 0.0  # an outage seen: topping up the reserve waits until then

    @property
    def state_name(self) -> str:
        return f"sequence.{self.name}.reserved"

    def __call__(self, conn: Connection, count: int) -> list[int]:
        """`count` values; `conn` is the caller's transaction on the station database."""
        if count < 1:
            return []
        if self.reserve == 0:
            return self._central(count)
        held = self._held(conn)
        # Top up while online. After an outage, only when the reserve cannot cover the call: an
        # unreachable server may take the whole connect timeout to say so, every time.
        top_up = len(held) < count + self.reserve // 2 and self.clock() >= self._top_up_after
        if len(held) < count or top_up:
            try:
                held += self._central(count + self.reserve - len(held))
            except SsccUnavailable as exc:
                self._top_up_after = self.clock() + RETRY_AFTER_S
                if len(held) < count:
                    raise SsccUnavailable(f"{exc}; only {len(held)} reserved here") from exc
                log.warning("central %s sequence out of reach: using values reserved ahead (%d left)",
                            self.name, len(held) - count)
        taken, rest = held[:count], held[count:]
        self._keep(conn, rest)
        return taken

    def reserved(self, conn: Connection) -> int:
        """How many values this station holds ahead (for a status screen)."""
        return len(self._held(conn))

    def _central(self, count: int) -> list[int]:
        try:
            return allocate(self.conn_factory, self.name, count)
        except SequenceUnavailable as exc:
            raise SsccUnavailable(f"No {self.name.upper()} while offline: {exc}. Nothing was built; "
                                  "try again when the station is back online.") from exc

    def _held(self, conn: Connection) -> list[int]:
        value = conn.execute(select(STATE.c.value).where(STATE.c.name == self.state_name)).scalar()
        return sorted(int(v) for v in json.loads(value)) if value else []

    def _keep(self, conn: Connection, values: list[int]) -> None:
        now, text = clock.now(), json.dumps(values)
        done = conn.execute(update(STATE).where(STATE.c.name == self.state_name)
                            .values(value=text, updated_at=now)).rowcount
        if not done:
            conn.execute(insert(STATE).values(name=self.state_name, value=text, updated_at=now))


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
