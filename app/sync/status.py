"""Whether the central database answers: the link state the sync worker and the claims share.

Its own module (not app.sync.service) so that the claims and the worker, which report into it,
need not import the service that owns them (no import cycle: service -> claims/worker -> status).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from app.domain import clock
from app.domain.coded_text import CodedText

log = logging.getLogger("app.sync.service")  # the name the link's log lines always had

__all__ = ["Link", "SyncReason", "SyncStatus"]

SYNC_REASONS: dict[str, str] = {
    # the link's state (Link.message): logs and the CLI read the English, the central card words the code
    "not_connected_yet": "not connected yet",
    "connected": "connected to the central database",
    "not_answering": "central database not answering (waited {seconds} s)",
    "no_answer_within": "central database did not answer within {ms} ms",
    "unreachable": "central database unreachable: {error}",
    "unreachable_no_detail": "central database unreachable",
    "refused": "central database refused: {error}",
    "sync_error": "sync error: {error}",
    # the central card on the device strip (app.ui.central_card)
    "offline": "Offline: packing the orders this station holds. {reason}",
    "waiting": "{count} events waiting to be sent",
    "one_then_another": "{first} · {then}",
}


class SyncReason(CodedText):
    """Words about the link to the central database, with the code a screen words them from; the
    error a driver reported (psycopg's English) stays as it was written."""

    context = "SyncReasons"
    templates = SYNC_REASONS


def unreachable(error: object) -> SyncReason:
    """The central database could not be reached, with the first words of why (when there are any)."""
    detail = str(error).strip()
    return SyncReason("unreachable", error=detail) if detail else SyncReason("unreachable_no_detail")


@dataclass(frozen=True)
class SyncStatus:
    online: bool
    message: str
    pending_events: int = 0  # pack events waiting to be pushed (known when the worker last looked)
    since: float = 0.0  # epoch seconds of the last change online <-> offline


_CONNECTED = SyncReason("connected")


class Link:
    """Whether the central database answers, as the worker and the claims last saw it."""

    def __init__(self, on_status: Callable[[SyncStatus], None] | None = None) -> None:
        self.online = False
        self.message: str = SyncReason("not_connected_yet")
        self.since = clock.timestamp()
        self.pending = 0
        self._on_status = on_status
        self._lock = threading.Lock()

    def report_ok(self, pending: int = 0) -> None:
        self._set(True, _CONNECTED, pending)

    def report_failure(self, message: str) -> None:
        self._set(False, message, self.pending)

    def _set(self, online: bool, message: str, pending: int) -> None:
        with self._lock:
            changed = online != self.online or (not online and message != self.message)
            if online != self.online:
                self.since = clock.timestamp()
            self.online, self.message, self.pending = online, message, pending
            status = SyncStatus(online, message, pending, self.since)
        if changed:
            (log.info if online else log.warning)("central link: %s", message)
            if self._on_status is not None:
                try:
                    self._on_status(status)
                except Exception:  # a broken listener must not stop the sync
                    log.exception("on_status failed")

    def status(self) -> SyncStatus:
        with self._lock:
            return SyncStatus(self.online, self.message, self.pending, self.since)
