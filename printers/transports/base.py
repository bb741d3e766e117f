"""The transport interface: open, write, read, close, and nothing about what the bytes mean.

Each transport (TCP, serial, device file, CUPS, spool directory, dummy) is one small class
implementing those four methods; everything shared (context management, sending a whole
job, the Zebra ~HS status query) lives here once.
"""

from __future__ import annotations

import time
from abc import ABC, abstractmethod
from types import TracebackType

from printers.errors import JobInterrupted, PrinterTimeout, TransportError
from printers.reasons import reason, reason_of
from printers.status import ETX, HOST_STATUS_QUERY, STX, PrinterStatus, frames, no_answer, parse_host_status

DEFAULT_TIMEOUT = 10.0  # seconds; a label printer that takes longer to accept a job is in trouble


class Transport(ABC):
    """A way to a printer. Not connected until open(); usable as a context manager."""

    scheme = ""
    supports_status = False  # True where ~HS can be asked and answered (TCP, serial)
    # True where a job is handed over whole or not at all (CUPS's lp, a spool folder): a failure
    # then means nothing was sent. On a stream (TCP, serial, a device file) a failure after the
    # connection opened may leave part of the job printed.
    atomic = False

    def __init__(self, uri: str, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.uri = uri
        self.timeout = timeout
        self.job_id: str | None = None
        self.asks_status = self.supports_status  # ?hs=off: a ZPL printer that never answers ~HS

    @property
    def name(self) -> str:
        """How the packer knows this printer: "Label printer at 10.0.0.5:9100"."""
        return reason("printer_at", uri=self.uri)

    @abstractmethod
    def open(self) -> None: ...

    @abstractmethod
    def write(self, data: bytes) -> None: ...

    def read(self, size: int = 4096, timeout: float | None = None) -> bytes:
        """Bytes the printer sent back; b"" if none arrived within `timeout`."""
        return b""

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Transport:
        self.open()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def send(self, data: bytes, job_id: str | None = None) -> None:
        """Deliver one whole job: open, write, close.

        A failure to open means nothing was sent (the error as the transport raised it). On a
        stream transport a failure after that may have left part of the job on the printer: it is
        raised as JobInterrupted, so the queue never sends it again without a person.
        """
        self.job_id = job_id
        self.open()
        try:
            try:
                self.write(data)
            finally:
                self.close()
        except JobInterrupted:
            raise
        except TransportError as exc:
            if self.atomic:
                raise
            raise JobInterrupted(reason_of(exc)) from exc

    def host_status(self, timeout: float = 3.0) -> PrinterStatus:
        """Ask a Zebra printer for ~HS on an open transport and parse the three answers."""
        self.write(HOST_STATUS_QUERY)
        deadline = time.monotonic() + timeout
        answer = b""
        while len(frames(answer)) < 3:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return no_answer(self.name)
            try:
                chunk = self.read(1024, remaining)
            except PrinterTimeout:
                return no_answer(self.name)
            if not chunk:
                if time.monotonic() >= deadline:
                    return no_answer(self.name)
                continue
            answer += chunk
        return parse_host_status(answer, self.name)


__all__ = ["Transport", "DEFAULT_TIMEOUT", "STX", "ETX"]
