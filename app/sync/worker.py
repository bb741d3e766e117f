"""The background sync thread: push the outbox, pull changes, keep claims alive, notice outages.

One round, every `sync_interval_ms` (at once again while there is a backlog):
    connect if needed (at most once a second while the central database is away)
    push events + parcels (in seq order), then print jobs, then stock movements
    pull products, cartons, users, orders (by change sequence), then this station's conflicts
    renew leases (every lease/4, and at once after a reconnect), top up pre-claims, tidy claims
    end other stations' stale transactions (every WATCHDOG_EVERY_S: ps_end_stale_station_transactions)
Any round trip that fails because the database is out of reach marks the link offline (the
Station keeps packing from its cache and claims) and drops the connection; the next round
reconnects, pushes what queued up, and reconciles.

A server that hangs (or a peer whose kernel still acknowledges but whose PostgreSQL never
answers) raises nothing: a watchdog marks the link offline when a round has waited STALL_S,
and cancels the query, so the station stops waiting on the network within 5 s in every case.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from typing import TYPE_CHECKING, Any, Protocol

from app.sync.pg import is_connection_error
from app.sync.status import SyncReason, unreachable

if TYPE_CHECKING:
    from app.sync.claims import ClaimService
    from app.sync.ledgers import LedgerPuller
    from app.sync.outbox import Outbox
    from app.sync.pull import Puller
    from app.sync.settings import CentralSettings
    from app.sync.status import Link

log = logging.getLogger(__name__)

RECONNECT_EVERY_S = 1.0
PUSH_BUDGET_S = 1.0
PULL_BUDGET_S = 1.0
TIDY_EVERY_S = 2.0
STALL_S = 3.0
# Every station sweeps for station transactions left open (c0007_guard): one held open would hold
# back the xmin horizon every station pulls below. The server's limits (5 s idle in a transaction,
# 15 s in one) plus this period bound how long a new order can stay hidden (docs/central.md).
WATCHDOG_EVERY_S = 2.0


class CentralParts(Protocol):
    """What a round works with: app.sync.service.CentralSync (named by shape, not imported: the
    service owns its worker, so the worker importing the service would be an import cycle)."""

    station: str
    settings: CentralSettings
    link: Link
    outbox: Outbox
    puller: Puller
    ledgers: LedgerPuller
    claims: ClaimService

    def connect(self, purpose: str, *, statement_timeout_ms: int = ...) -> Any: ...

    def adopt(self, conn: Any) -> None: ...


class SyncWorker(threading.Thread):
    def __init__(self, central: CentralParts) -> None:
        super().__init__(name=f"central-sync {central.station}", daemon=True)
        self.central = central
        self.interval_s = central.settings.sync_interval_ms / 1000
        self.renew_every_s = max(1.0, min(60.0, central.settings.lease_seconds / 4))
        self._stop_event = threading.Event()
        self._wake = threading.Event()
        self._conn = None
        self._retry_at = 0.0
        self.last_success = 0.0  # monotonic time of the end of the last round that reached the database
        self._last_renew = 0.0
        self._last_tidy = 0.0
        self.rounds = 0
        self.errors = 0
        self._round_started: float | None = None
        self._stock_error: str | None = None  # the last refusal of a stock push, logged once
        self._ledger_error: str | None = None  # the last failure to pull stock and returns, logged once
        self._last_watchdog = 0.0
        self._reconciled = False  # the first connection of this process has been reconciled
        self._watchdog_error: str | None = None
        self.ended_transactions = 0  # other stations' stale transactions this worker ended

    # ------------------------------------------------------------------ the thread

    def run(self) -> None:
        threading.Thread(target=self._watch, name=f"{self.name} watchdog", daemon=True).start()
        while not self._stop_event.is_set():
            busy = self.round()
            if not busy:
                self._wake.wait(self.interval_s)
                self._wake.clear()
        self._close()

    def _watch(self) -> None:
        reported: float | None = None
        while not self._stop_event.wait(0.5):
            started = self._round_started
            if started is None or started == reported or time.monotonic() - started < STALL_S:
                continue
            reported = started
            self.central.link.report_failure(SyncReason("not_answering", seconds=f"{STALL_S:.0f}"))
            conn = self._conn
            if conn is not None:
                with contextlib.suppress(Exception):  # a hung server may not take the cancel either
                    conn.cancel_safe(timeout=2.0)

    def wake(self) -> None:
        """Run a round now (the Station just committed something worth sending)."""
        self._wake.set()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop_event.set()
        self._wake.set()
        if self.is_alive():
            self.join(timeout)
        else:
            self._close()

    # ------------------------------------------------------------------ one round

    def round(self) -> bool:
        """One pass; True when there is more to do at once. Never raises."""
        self.rounds += 1
        central = self.central
        if self._conn is None and not self._connect():
            return False
        conn = self._conn
        self._round_started = time.monotonic()
        try:
            busy = self._push(conn)
            central.outbox.push_print_jobs(conn)
            busy = self._push_stock(conn) or busy
            pulled = central.puller.pull(conn, budget_s=PULL_BUDGET_S)
            busy = busy or not pulled.caught_up or self._pull_ledgers(conn)
            now = time.monotonic()
            # Tidy before renewing: the push above released the claims of orders finished here,
            # and renewing them first would report them "lost".
            if now - self._last_tidy >= TIDY_EVERY_S or self._last_renew == 0.0:
                central.claims.tidy(conn)
                self._last_tidy = now
            if self._last_renew == 0.0:  # just (re)connected; the first time, hand back the last run's reservations
                central.claims.reconcile(conn, first=not self._reconciled)
                self._reconciled = True
            if now - self._last_renew >= self.renew_every_s:
                central.claims.renew_all(conn)
                self._last_renew = now
            central.claims.top_up(conn)
            if now - self._last_watchdog >= WATCHDOG_EVERY_S:
                self._end_stale_transactions(conn)
                self._last_watchdog = now
            central.link.report_ok(pending=central.outbox.pending() if busy else 0)
            self.last_success = time.monotonic()
            return busy
        except Exception as exc:  # noqa: BLE001 - the worker must outlive any single failure
            self.errors += 1
            if is_connection_error(exc):
                self._close()
                central.link.report_failure(unreachable(_first_line(exc)))
                return False
            log.exception("sync round failed")
            central.link.report_failure(SyncReason("sync_error", error=_first_line(exc)))
            self._close()  # start clean: the connection may be inside a failed transaction
            self._stop_event.wait(2.0)
            return False
        finally:
            self._round_started = None

    def _push(self, conn) -> bool:
        """Push batches until the outbox is empty or the budget is spent (then: busy)."""
        deadline = time.monotonic() + PUSH_BUDGET_S
        outbox = self.central.outbox
        while True:
            if outbox.push_events(conn) < outbox.batch:
                return False
            if time.monotonic() > deadline:
                return True

    def _push_stock(self, conn) -> bool:
        """Push stock movements and return events like pack events (busy when the budget ran out
        with more waiting).

        Stock and returns must never stop packing: a row the central database refuses (not an
        outage) is logged, and the round goes on to pull orders and renew claims; the same batch
        is tried again next round, so nothing is skipped.
        """
        deadline = time.monotonic() + PUSH_BUDGET_S
        outbox = self.central.outbox
        try:
            for push in (outbox.push_stock, outbox.push_returns):
                while push(conn) >= outbox.batch:
                    if time.monotonic() > deadline:
                        return True
            self._stock_error = None
            return False
        except Exception as exc:
            if is_connection_error(exc):
                raise
            message = _first_line(exc)
            if message != self._stock_error:  # once per distinct error, not every round
                log.error("stock movements not pushed: %s", message, exc_info=exc)
                self._stock_error = message
            return False

    def _pull_ledgers(self, conn) -> bool:
        """Pull the other stations' stock movements and return events; True when more is waiting.

        Like `_push_stock`, an error that is not an outage is logged once and does not stop the
        round: packing goes on, and the same batch is read again next round.
        """
        try:
            stats = self.central.ledgers.pull(conn, budget_s=PULL_BUDGET_S)
        except Exception as exc:
            if is_connection_error(exc):
                raise
            message = _first_line(exc)
            if message != self._ledger_error:
                log.error("stock and returns of other stations not pulled: %s", message, exc_info=exc)
                self._ledger_error = message
            return False
        self._ledger_error = None
        return not stats.caught_up

    def _end_stale_transactions(self, conn) -> None:
        """Have the server end station transactions held open too long (any station's, this one's too).

        Like the stock push, a refusal that is not an outage is logged once and packing goes on.
        """
        try:
            rows = conn.execute("SELECT station, state, seconds, terminated "
                                "FROM ps_end_stale_station_transactions()").fetchall()
        except Exception as exc:
            if is_connection_error(exc):
                raise
            message = _first_line(exc)
            if message != self._watchdog_error:
                log.error("stale station transactions not checked: %s", message)
                self._watchdog_error = message
            return
        self._watchdog_error = None
        for station, state, seconds, terminated in rows:
            if terminated:
                self.ended_transactions += 1
                log.warning("ended a transaction of station %s held open %.0f s (%s)", station, seconds, state)
            else:
                log.error("station %s holds a transaction open (%.0f s, %s) and the central database would "
                          "not end it: its owner needs pg_signal_backend", station, seconds, state)

    def _connect(self) -> bool:
        """Connect (at most once a second after a failure) and check which central database it is."""
        now = time.monotonic()
        if now < self._retry_at:
            return False
        try:
            conn = self.central.connect("sync")
        except Exception as exc:  # noqa: BLE001
            self._retry_at = now + RECONNECT_EVERY_S
            self.central.link.report_failure(unreachable(_first_line(exc)))
            return False
        try:
            self.central.adopt(conn)
        except Exception as exc:  # noqa: BLE001
            conn.close()
            self._retry_at = now + RECONNECT_EVERY_S
            self.central.link.report_failure(SyncReason("refused", error=_first_line(exc)))
            return False
        self._conn = conn
        self._last_renew = 0.0  # renew at once: leases ran on while we were away
        return True

    def _close(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(Exception):  # a broken connection may fail to close
                self._conn.close()
            self._conn = None


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]
