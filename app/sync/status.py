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

log = logging.getLogger("app.sync.service")  # the name the link's log lines always had

__all__ = ["Link", "SyncStatus"]


@dataclass(frozen=True)
class SyncStatus:
    online: bool
    message: str
    pending_events: int = 0  # pack events waiting to be pushed (known when the worker last looked)
    since: float = 0.0  # epoch seconds of the last change online <-> offline


class Link:
    """Whether the central database answers, as the worker and the claims last saw it."""

    def __init__(self, on_status: Callable[[SyncStatus], None] | None = None) -> None:
        self.online = False
        self.message = "not connected yet"
        self.since = clock.timestamp()
        self.pending = 0
        self._on_status = on_status
        self._lock = threading.Lock()

    def report_ok(self, pending: int = 0) -> None:
        self._set(True, "connected to the central database", pending)

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
