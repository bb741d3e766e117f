"""Claims: no two stations ever pack the same order.

A station claims an order when a packer scans it (`ClaimService.claim`), or takes the best
open order from the queue (`next_order`). A claim is a lease the station renews; an expired
lease can be taken over by another station; a supervisor can release one. The central
database decides, in one statement on one row (see ps_claim in the migration): of two stations
scanning the same order at the same moment, one wins and the other is told who has it.

The Station calls `claim` synchronously when an order is opened. It answers within
`claim_timeout_ms` whatever the network does: offline, or when the central database does not
answer in time, the answer comes from the local cache of claims this station holds (its
pre-claimed orders and the one it was packing), and anything else is refused as "not reserved
here" rather than risking a second packer on the same order.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import select

from app.store.models import Order, PackEvent
from app.store.repository import CLOSING_TYPES
from app.sync.local import PUSH_EVENTS, CachedClaim, ClaimCache, read_state
from app.sync.pg import is_connection_error
from app.sync.status import SyncReason, unreachable

if TYPE_CHECKING:
    from app.sync.pull import Puller
    from app.sync.settings import CentralSettings
    from app.sync.status import Link

log = logging.getLogger(__name__)
T = TypeVar("T")
ORDERS = Order.__table__
EVENTS = PackEvent.__table__
# Renew well before the lease ends, and treat a lease as ours locally a little less long than
# the server does: clocks and delays must never make us pack on a lease the server let go.
LEASE_MARGIN = 0.1
UNOPENED_GRACE_S = 120  # a claim taken on a scan the session then refused is handed back after this
FRESH_S = 5.0
# A lease runs out on the central server's clock, so the station times it by the wall clock, not by
# app.domain.clock (which a test or PACKSTATION_CLOCK may shift or stop).
lease_clock = time.time  # wall clock: leases are timed against the server's clock


@dataclass(frozen=True)
class ClaimResult:
    granted: bool
    holder: str | None = None  # the station that has the order, when refused for that
    offline: bool = False  # answered from the local cache: the central database was out of reach
    status: str | None = None  # the central status, when the order cannot be claimed because of it
    message: str = ""


# ------------------------------------------------------------------ the SQL, on a psycopg connection


def claim_sql(conn, number: str, lease_s: int, kind: str = "scan") -> ClaimResult:
    granted, holder, status, _until = conn.execute(
        "SELECT granted, holder, status, lease_until FROM ps_claim(%s, %s, %s)", (number, lease_s, kind)).fetchone()
    if granted:
        return ClaimResult(True, holder, status=status)
    if holder:
        return ClaimResult(False, holder, status=status, message=f"Order {number} is being packed at {holder}.")
    if status == "unknown":
        return ClaimResult(False, status=status, message=f"Order {number} is not in the central database.")
    return ClaimResult(False, status=status, message=f"Order {number} is {status} in the central database.")


def claim_next_sql(conn, count: int, lease_s: int) -> list[str]:
    rows = conn.execute("SELECT number FROM ps_claim_next(%s, %s)", (count, lease_s)).fetchall()
    return [row[0] for row in rows]


def renew_sql(conn, numbers: list[str], lease_s: int) -> list[tuple[str, bool, str | None]]:
    rows = conn.execute("SELECT number, held, holder FROM ps_renew(%s, %s)", (numbers, lease_s)).fetchall()
    return [(number, held, holder) for number, held, holder in rows]


def release_sql(conn, number: str) -> bool:
    return bool(conn.execute("SELECT ps_release(%s)", (number,)).fetchone()[0])


# ------------------------------------------------------------------ the service


class ClaimTimeout(Exception):
    """The central database did not answer in time (or is out of reach)."""

    def __init__(self, message: str = "", future: Future | None = None) -> None:
        super().__init__(message)
        self.future = future  # still running when we stopped waiting


class ClaimService:
    """What the Station calls on order open; thread-safe; one connection of its own.

    Network calls run on one helper thread so that the caller can stop waiting after
    `claim_timeout_ms` (libpq's own timeouts are seconds); a claim granted after we stopped
    waiting is handed back, so an answer we gave as "refused" never leaves a claim behind.
    """

    def __init__(self, settings: CentralSettings, station: str, cache: ClaimCache, link: Link,
                 connect: Callable[[], Any], puller: Puller | None = None) -> None:
        self.settings = settings
        self.station = station
        self.cache = cache
        self.link = link
        self._connect = connect
        self.puller = puller
        self._conn: Any = None
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="central-claims")
        self._closed = False
        self._lock = threading.Lock()
        self.counts: Counter[str] = Counter()  # how claims were answered, for the status screen and benches
        self.reserving = True

    @property
    def lease_s(self) -> int:
        return self.settings.lease_seconds

    @property
    def timeout_s(self) -> float:
        return self.settings.claim_timeout_ms / 1000

    def close(self) -> None:
        self._closed = True
        self._pool.submit(self._drop_connection)
        self._pool.shutdown(wait=True, cancel_futures=False)

    # ------------------------------------------------------------------ the Station's calls

    def claim(self, order_number: str) -> ClaimResult:
        """Claim an order a packer is opening. Never blocks longer than claim_timeout_ms."""
        if not self.link.online:
            self.counts["claim_offline"] += 1
            return self._from_cache(order_number)
        self.counts["claim_network"] += 1
        try:
            result = self._call(lambda conn: claim_sql(conn, order_number, self.lease_s))
        except ClaimTimeout as timeout:
            answer = self._from_cache(order_number)
            if timeout.future is not None:  # decided first, then watched: the callback may run at once
                timeout.future.add_done_callback(
                    lambda future: self._late_claim(future, order_number, refused=not answer.granted))
            return answer
        if result.granted:
            self.cache.put([CachedClaim(order_number, self._local_until(), opened=True, claimed_at=lease_clock())])
        elif self.cache.get(order_number) is not None:
            self.cache.drop([order_number])  # released by a supervisor, or taken over: not ours any more
        return result

    def release(self, order_number: str) -> None:
        """Hand an order back to the queue (the packer stopped without packing it)."""
        self.cache.drop([order_number])
        if self.link.online:
            # On a timeout the lease runs out by itself; the close event's push also releases it.
            with contextlib.suppress(ClaimTimeout):
                self._call(lambda conn: release_sql(conn, order_number))

    def renew_all(self, conn: Any = None) -> list[str]:
        """Extend every lease this station holds; returns the orders it turned out not to hold any more.

        The worker calls it on its own connection; called without one it uses the claim connection.
        """
        held = self.cache.all()
        if not held:
            return []
        numbers = [claim.number for claim in held]

        def work(c: Any) -> list[tuple[str, bool, str | None]]:
            return renew_sql(c, numbers, self.lease_s)

        rows = work(conn) if conn is not None else self._call(work)
        until = self._local_until()
        kept = {claim.number: claim for claim in held}
        renewed, lost = [], []
        for number, still_held, holder in rows:
            if still_held:
                claim = kept[number]
                renewed.append(CachedClaim(number, until, claim.opened, claim.claimed_at))
            else:
                lost.append(number)
                log.warning("claim on order %s lost (now %s)", number, holder or "released")
        self.cache.put(renewed)
        self.cache.drop(lost)
        return lost

    def next_order(self) -> str | None:
        """The next order this station should pack: a pre-claimed one (no network), else the queue's best.

        Offline, only pre-claimed orders are handed out. None: nothing to pack (or nothing reserved).
        """
        for reserved in self.cache.reserved():
            if self._packable(reserved.number):
                self.counts["next_reserved"] += 1
                return reserved.number
        if not self.link.online:
            return None
        self.counts["next_network"] += 1
        # One round trip for this order and the reserve behind it, rather than one per order.
        wanted = 1 + max(0, self.settings.preclaim - len(self.cache.reserved()))
        try:
            numbers = self._call(lambda conn: self._claim_next_and_fetch(conn, wanted))
        except ClaimTimeout:
            return None
        return numbers[0] if numbers else None

    def held(self) -> list[CachedClaim]:
        """The orders this station holds (for the screen: "reserved here")."""
        return self.cache.all()

    # ------------------------------------------------------------------ the worker's calls

    def set_reserving(self, enabled: bool) -> None:
        """Reserve orders ahead only while someone packs here (sign-in: on; sign-out: off).

        A bench nobody works at must not sit on orders: switched off, the reserved orders go
        back to the queue at once.
        """
        self.reserving = enabled
        if not enabled:
            for claim in self.cache.reserved():
                self.release(claim.number)

    def top_up(self, conn: Any) -> int:
        """Keep `preclaim` orders reserved ahead, so the station can keep packing offline."""
        if not self.reserving:
            return 0
        missing = self.settings.preclaim - len(self.cache.reserved())
        if missing <= 0:
            return 0
        return len(self._claim_next_and_fetch(conn, missing))

    def reconcile(self, conn: Any, *, first: bool = False) -> int:
        """After a (re)connect: adopt claims the central database says this station holds but the
        cache does not know (granted just as the connection broke: the answer was lost), so they
        are packed or handed back instead of blocking their orders for a whole lease.

        `first`: the first connection of this process. Orders reserved ahead by an earlier run
        (it crashed, or exited while the central database was away) go back to the queue at
        once, and so do claims it never heard granted; orders it was packing (opened here) stay.
        """
        rows = conn.execute("SELECT o.number FROM claims c JOIN orders o ON o.id = c.order_id "
                            "WHERE c.station = ps_my_station()").fetchall()
        unknown = [number for (number,) in rows if self.cache.get(number) is None]
        if first:
            stale = [claim.number for claim in self.cache.all() if not claim.opened]
            opened_here = self._open_here(unknown)
            handed = self.hand_back(conn, stale + [n for n in unknown if n not in opened_here])
            if handed:
                log.info("handed back %d order(s) reserved by the previous run: %s", len(handed),
                         ", ".join(handed[:10]))
            unknown = sorted(opened_here)
            if not unknown:
                return 0
            self.cache.put([CachedClaim(n, self._local_until(), opened=True, claimed_at=lease_clock())
                            for n in unknown])
            return len(unknown)
        if not unknown:
            return 0
        log.info("adopting %d claim(s) whose grant was not heard: %s", len(unknown), ", ".join(unknown[:10]))
        self.cache.put([CachedClaim(n, self._local_until(), opened=False, claimed_at=lease_clock()) for n in unknown])
        if self.puller is not None:
            self.puller.fetch_orders(conn, unknown)
        return len(unknown)

    def hand_back(self, conn: Any, numbers: list[str]) -> list[str]:
        """Release these claims of this station in one round trip and forget them here."""
        if not numbers:
            return []
        conn.execute("SELECT ps_release(n) FROM unnest(%s::varchar[]) AS n", (numbers,))
        self.cache.drop(numbers)
        return numbers

    def hand_back_reserved(self, connect: Callable[[], Any] | None = None) -> int:
        """Give every order reserved ahead (not opened here) back to the queue: on a clean exit.

        Uses a new connection (the claim connection may have died with an outage); when the
        central database cannot be reached the reservations stay in the cache, and the next
        start hands them back (`reconcile(first=True)`). Returns how many went back.
        """
        numbers = [claim.number for claim in self.cache.all() if not claim.opened]
        if not numbers:
            return 0
        try:
            with (connect or self._connect)() as conn:
                self.hand_back(conn, numbers)
        except Exception as exc:  # noqa: BLE001 - on the way out: the next start hands them back
            reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            if is_connection_error(exc):
                log.warning("central database out of reach: %d reserved order(s) go back on the next start (%s)",
                            len(numbers), reason)
            else:
                log.error("reserved orders not handed back (%s); the next start tries again", reason, exc_info=exc)
            return 0
        return len(numbers)

    def _open_here(self, numbers: list[str]) -> set[str]:
        """Of these orders, those whose latest event at this station did not close them."""
        found = set()
        with self.cache.engine.connect() as local:
            for number in numbers:
                row = local.execute(select(EVENTS.c.type).join(ORDERS, ORDERS.c.id == EVENTS.c.order_id)
                                    .where(ORDERS.c.number == number, EVENTS.c.station == self.station,
                                           EVENTS.c.type != "sync_conflict")
                                    .order_by(EVENTS.c.seq.desc()).limit(1)).first()
                if row is not None and row.type not in CLOSING_TYPES:
                    found.add(number)
        return found

    def tidy(self, conn: Any) -> None:
        """Forget claims whose order is finished here and pushed (the push released them centrally),
        and hand back reserved orders that can no longer be packed (cancelled upstream, say)."""
        done, hand_back = [], []
        with self.cache.engine.connect() as local:
            pushed = int(read_state(local, PUSH_EVENTS) or 0)
            for claim in self.cache.all():
                row = local.execute(select(EVENTS.c.seq, EVENTS.c.type).join(ORDERS, ORDERS.c.id == EVENTS.c.order_id)
                                    .where(ORDERS.c.number == claim.number, EVENTS.c.station == self.station,
                                           EVENTS.c.type != "sync_conflict")
                                    .order_by(EVENTS.c.seq.desc()).limit(1)).first()
                age = lease_clock() - claim.claimed_at
                if age < FRESH_S:
                    continue  # just claimed: its order_opened event may not be written yet
                if row is not None and row.type in CLOSING_TYPES:
                    if row.seq <= pushed:
                        done.append(claim.number)
                elif row is None and (age > UNOPENED_GRACE_S if claim.opened
                                      else not self._packable(claim.number, local)):
                    hand_back.append(claim.number)
        for number in hand_back:
            release_sql(conn, number)
        self.cache.drop(done + hand_back)

    # ------------------------------------------------------------------ inside

    def _claim_next_and_fetch(self, conn: Any, count: int = 1) -> list[str]:
        numbers = claim_next_sql(conn, count, self.lease_s)
        # Into the cache first: the claims are committed centrally, and if the fetch below fails
        # (the server went away just now) they must still be renewed, packed or handed back,
        # not left holding orders for a whole lease.
        now = lease_clock()
        self.cache.put([CachedClaim(n, self._local_until(), opened=False, claimed_at=now) for n in numbers])
        if numbers and self.puller is not None:
            self.puller.fetch_orders(conn, numbers)  # so the station can open them at once, even offline
        return numbers

    def _packable(self, number: str, local: Any = None) -> bool:
        query = select(ORDERS.c.status).where(ORDERS.c.number == number)
        if local is not None:
            status = local.execute(query).scalar()
        else:
            with self.cache.engine.connect() as conn:
                status = conn.execute(query).scalar()
        return status == "open"

    def _local_until(self) -> float:
        return lease_clock() + self.lease_s * (1 - LEASE_MARGIN)

    def _from_cache(self, number: str) -> ClaimResult:
        claim = self.cache.get(number)
        if claim is not None and (claim.opened or claim.lease_until > lease_clock()):
            if not claim.opened:
                self.cache.put([CachedClaim(number, claim.lease_until, opened=True, claimed_at=lease_clock())])
            return ClaimResult(True, self.station, offline=True,
                               message="Central database offline: this order is reserved for this station.")
        return ClaimResult(False, None, offline=True,
                           message=f"Central database offline: order {number} is not reserved for this station. "
                                   "Pack a reserved order, or wait.")

    def _call(self, work: Callable[[Any], T]) -> T:
        if self._closed:
            raise ClaimTimeout("closed")
        future = self._pool.submit(self._run, work)
        try:
            return future.result(timeout=self.timeout_s)
        except FutureTimeout:
            self.link.report_failure(SyncReason("no_answer_within", ms=self.settings.claim_timeout_ms))
            raise ClaimTimeout("timeout", future) from None
        except Exception as exc:
            if is_connection_error(exc):
                self.link.report_failure(unreachable(exc))
                raise ClaimTimeout() from exc
            raise

    def _late_claim(self, future: Future, number: str, *, refused: bool) -> None:
        """A claim the central database granted after we stopped waiting.

        If the packer was told "not reserved here", the claim is handed back at once so that the
        order does not sit reserved for a station that is not packing it. If the cache granted
        it (a pre-claimed order), the late answer only confirms it.
        """
        if future.cancelled() or future.exception() is not None:
            return
        result = future.result()
        if not (isinstance(result, ClaimResult) and result.granted):
            return
        if refused:
            if not self._closed:
                self._pool.submit(self._run, lambda conn: release_sql(conn, number))
        else:
            self.cache.put([CachedClaim(number, self._local_until(), opened=True, claimed_at=lease_clock())])

    def _run(self, work: Callable[[Any], T]) -> T:
        with self._lock:
            fresh = self._conn is None or self._conn.closed or self._conn.broken
            if fresh:
                self._drop_connection()
                self._conn = self._connect()
            try:
                return work(self._conn)
            except Exception as exc:
                if not is_connection_error(exc):
                    raise
                dead = self._conn.closed or self._conn.broken
                self._drop_connection()
                if fresh or not dead:
                    raise  # a new connection failed, or the server is slow (a timeout): no second try
            # The connection died while idle (the server restarted, a network blip): the first call
            # after a reconnect must not fail for it. Every claim call is safe to repeat (ps_claim
            # and ps_renew renew, ps_release finds nothing, a lost ps_claim_next grant is reconciled).
            log.info("central claims: the connection was dead (the server restarted?); connecting again")
            self.counts["reconnect"] += 1
            self._conn = self._connect()
            try:
                return work(self._conn)
            except Exception as exc:
                if is_connection_error(exc):
                    self._drop_connection()
                raise

    def _drop_connection(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(Exception):  # closing a broken connection may fail too
                self._conn.close()
            self._conn = None
