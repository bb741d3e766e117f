"""Is the printer ready for a label? Zebra's ~HS asked just before a job, its answer kept briefly.

A label sent to a printer that is out of labels, paused or has its head open sits in the
printer's buffer (or is lost when it is switched off) while the station believes it printed.
So before a ZPL job goes to a printer that can answer (TCP, serial), the queue asks ~HS and holds
the job when the answer is not "ready". A "ready" answer is kept `ttl` seconds: a bench printing
a burst of labels (a multi-parcel order, a queue emptying after the paper was loaded) asks once,
not per label. A "not ready" answer is never kept: the queue asks again at its next look.

Newer Zebra firmware does not answer ~HS at all while the media or ribbon is out or the head is
open; a printer that accepts the connection but stays silent is therefore reported as not ready
("not answering status"). A ZPL printer of another make that never answers ~HS is configured with
?hs=off on its URI and is then sent to without asking.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from printers.status import PrinterStatus
from printers.transports import transport_for
from printers.transports.base import Transport

DEFAULT_TTL = 3.0  # seconds a "ready" answer is trusted
DEFAULT_STATUS_TIMEOUT = 2.0  # a Zebra answers in milliseconds on a LAN, ~0.1 s at 9600 baud


class Readiness:
    def __init__(self, ttl: float = DEFAULT_TTL, timeout: float = DEFAULT_STATUS_TIMEOUT,
                 clock: Callable[[], float] = time.monotonic,
                 transports: Callable[..., Transport] = transport_for) -> None:
        self.ttl, self.timeout, self.clock, self.transports = ttl, timeout, clock, transports
        self._ready_at: dict[str, float] = {}
        self._lock = threading.Lock()
        self.asked = 0  # ~HS questions actually sent (for the bench and the tests)

    def applies(self, printer: str, fmt: str) -> bool:
        """Only ZPL jobs on a transport that can answer are checked: ~HS on a PDF printer would print."""
        if fmt != "zpl":
            return False
        try:
            return self.transports(printer).asks_status
        except Exception:  # noqa: BLE001 - a bad URI is the sender's to report, with its own message
            return False

    def check(self, printer: str, fmt: str) -> PrinterStatus | None:
        """The printer's status, or None when it is not asked (not ZPL, cannot answer, recently ready).

        Raises PrinterUnreachable (or another TransportError) when the printer cannot be reached.
        """
        if not self.applies(printer, fmt):
            return None
        now = self.clock()
        with self._lock:
            if now - self._ready_at.get(printer, float("-inf")) < self.ttl:
                return None
        with self.transports(printer, self.timeout) as transport:
            self.asked += 1
            status = transport.host_status(self.timeout)
        with self._lock:
            if status.ready:
                self._ready_at[printer] = self.clock()
            else:
                self._ready_at.pop(printer, None)
        return status

    def forget(self, printer: str) -> None:
        """After a failed send: ask again before the next job."""
        with self._lock:
            self._ready_at.pop(printer, None)
