"""A printer that only collects bytes: for tests, demos and a station without a printer.

Part of the product, selectable like a real one (dummy://), with faults switched on by the
URI rather than by edited code: dummy://?fail=unreachable, ?fail=timeout, ?fail=drop, and
?status=paper_out (or head_open, paused, ribbon_out) for the ~HS answer it gives.
"""

from __future__ import annotations

import threading

from printers.errors import ConnectionLost, PrinterTimeout, PrinterUnreachable
from printers.reasons import reason
from printers.status import HOST_STATUS_QUERY, host_status_answer
from printers.transports.base import DEFAULT_TIMEOUT, Transport

FAULTS = ("", "unreachable", "timeout", "drop")


class DummyTransport(Transport):
    scheme = "dummy"
    supports_status = True

    def __init__(self, uri: str = "dummy://", fail: str = "", status: str = "",
                 timeout: float = DEFAULT_TIMEOUT) -> None:
        super().__init__(uri, timeout)
        if fail not in FAULTS:
            raise ValueError(f"unknown dummy fault {fail!r}")
        self.fail = fail
        self.status_flags = {flag: True for flag in status.split(",") if flag}
        self.jobs: list[bytes] = []  # one entry per completed send/close
        self.output = bytearray()  # everything ever written
        self._current: bytearray | None = None
        self._replies = bytearray()
        self._lock = threading.Lock()

    @property
    def name(self) -> str:
        return "Test printer"

    def open(self) -> None:
        if self.fail == "unreachable":
            raise PrinterUnreachable(reason("not_answering", printer=self.name))
        if self._current is None:
            self._current = bytearray()

    def write(self, data: bytes) -> None:
        self.open()
        if self.fail == "timeout":
            raise PrinterTimeout(reason("stopped_taking_data", printer=self.name))
        if self.fail == "drop":
            raise ConnectionLost(reason("dropped_while_printing", printer=self.name))
        with self._lock:
            assert self._current is not None
            if data.strip() == HOST_STATUS_QUERY:  # a status query, not part of a job
                self._replies += host_status_answer(**self.status_flags)
                return
            self._current += data
            self.output += data

    def read(self, size: int = 4096, timeout: float | None = None) -> bytes:
        with self._lock:
            chunk = bytes(self._replies[:size])
            del self._replies[:size]
            return chunk

    def close(self) -> None:
        with self._lock:
            if self._current:
                self.jobs.append(bytes(self._current))
            self._current = None

    def clear(self) -> None:
        with self._lock:
            self.jobs.clear()
            self.output.clear()
