"""A simulated Zebra network printer: a real TCP server on 127.0.0.1 that takes jobs on a raw
port and answers ~HS, with faults switched on by settings instead of edited code.

Used by the tests and by a station that should run without hardware (point its label
printer at the simulator's tcp:// address):

    with ZebraSimulator(status={"paper_out": True}) as printer:
        send(printer.uri, zpl)          # -> printer.jobs
        transport_for(printer.uri) ...  # ~HS reports paper out

Faults: refuse (nothing listens), drop_after=N (read N bytes, then reset the connection),
stall (accept, then never read: the sender's buffers fill and it times out), silent (never
answer ~HS, as newer firmware does while the head is open). The ~HS flags (printers.status
STATUS_FLAGS: paper_out, head_open, paused, ribbon_out...) and the faults may be switched while
it runs: `printer.set_status(paper_out=True)`, later `printer.set_status()` (paper loaded).

`SerialZebraSimulator` is the same printer on the far end of a pseudo-terminal (POSIX), for
serial:// printers: its `device` is the port the station opens.
"""

from __future__ import annotations

import socket
import struct
import threading
import time
from types import TracebackType
from typing import Self

from printers.status import HOST_STATUS_QUERY, STATUS_FLAGS, host_status_answer


class _Collector:
    """What both simulators share: the jobs they received, waited for by tests, and a with-block
    that starts and stops them."""

    jobs: list[bytes]
    _lock: threading.Lock

    def start(self) -> Self:
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

    def wait_for_jobs(self, count: int = 1, timeout: float = 5.0) -> list[bytes]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                if len(self.jobs) >= count:
                    return list(self.jobs)
            time.sleep(0.005)
        with self._lock:
            return list(self.jobs)


class ZebraSimulator(_Collector):
    def __init__(self, host: str = "127.0.0.1", port: int = 0, *, status: dict[str, bool] | None = None,
                 drop_after: int | None = None, stall: bool = False, silent: bool = False,
                 refuse: bool = False, read_delay: float = 0.0) -> None:
        self.status = _checked(status or {})
        self.status_queries = 0  # ~HS questions answered (or, when silent, left unanswered)
        self.drop_after, self.stall, self.silent, self.read_delay = drop_after, stall, silent, read_delay
        self.jobs: list[bytes] = []
        self.connections = 0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if stall:
            # A small receive buffer makes a stalled printer push back on the sender quickly.
            self._server.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        self._server.bind((host, port))
        self.host, self.port = self._server.getsockname()[:2]
        if refuse:
            self._server.close()  # the port is now closed: connecting is refused
        else:
            self._server.listen(8)
            self._server.settimeout(0.1)
        self._refuse = refuse
        self._threads: list[threading.Thread] = []

    @property
    def uri(self) -> str:
        return f"tcp://{self.host}:{self.port}"

    def set_status(self, **flags: bool) -> None:
        """What the next ~HS answer reports; no flags: ready (paper loaded, head closed, running)."""
        self.status = _checked(flags)

    def start(self) -> ZebraSimulator:
        if not self._refuse:
            thread = threading.Thread(target=self._serve, name="zebra-simulator", daemon=True)
            thread.start()
            self._threads.append(thread)
        return self

    def stop(self) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=2)
        if not self._refuse:
            self._server.close()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            # One connection at a time, as a printer's raw port works: jobs land in order.
            self._handle(conn)

    def _handle(self, conn: socket.socket) -> None:
        received = bytearray()
        conn.settimeout(0.1)
        try:
            if self.stall:
                while not self._stop.is_set():  # accept the connection, never read from it
                    time.sleep(0.02)
                return
            while not self._stop.is_set():
                try:
                    chunk = conn.recv(65536)
                except TimeoutError:
                    continue
                if not chunk:
                    break
                received += chunk
                if self.read_delay:
                    time.sleep(self.read_delay)
                if self.drop_after is not None and len(received) >= self.drop_after:
                    # SO_LINGER 0: close with a reset, as a printer that is switched off mid-job
                    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    received = received[:self.drop_after]
                    break
                while HOST_STATUS_QUERY in received:
                    at = received.index(HOST_STATUS_QUERY)
                    del received[at:at + len(HOST_STATUS_QUERY)]
                    self.status_queries += 1
                    if not self.silent:
                        conn.sendall(host_status_answer(**self.status))
        finally:
            conn.close()
            job = bytes(received).strip()
            if job:
                with self._lock:
                    self.jobs.append(bytes(received))


def _checked(flags: dict[str, bool]) -> dict[str, bool]:
    unknown = set(flags) - set(STATUS_FLAGS)
    if unknown:
        raise ValueError(f"unknown printer status {', '.join(sorted(unknown))} (known: {', '.join(STATUS_FLAGS)})")
    return dict(flags)


class SerialZebraSimulator(_Collector):
    """A Zebra on a serial line: the printer's end of a pseudo-terminal (POSIX only).

    Jobs are what arrives between ~HS questions, split after each ^XZ; `silent` leaves ~HS
    unanswered, `set_status` switches the answer while it runs.
    """

    def __init__(self, *, status: dict[str, bool] | None = None, silent: bool = False) -> None:
        import os
        import tty

        self.status = _checked(status or {})
        self.silent = silent
        self.jobs: list[bytes] = []
        self.status_queries = 0
        self._printer_end, self._station_end = os.openpty()
        tty.setraw(self._printer_end)
        tty.setraw(self._station_end)
        self.device = os.ttyname(self._station_end)
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def uri(self) -> str:
        return f"serial://{self.device}?baud=9600"

    def set_status(self, **flags: bool) -> None:
        self.status = _checked(flags)

    def start(self) -> SerialZebraSimulator:
        self._thread = threading.Thread(target=self._serve, name="zebra-serial-simulator", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        import os

        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=2)
        os.close(self._printer_end)
        os.close(self._station_end)

    def _serve(self) -> None:
        import os
        import select

        pending = bytearray()
        while not self._stop.is_set():
            ready, _, _ = select.select([self._printer_end], [], [], 0.05)
            if not ready:
                continue
            try:
                pending += os.read(self._printer_end, 65536)
            except OSError:
                return
            while HOST_STATUS_QUERY in pending:
                at = pending.index(HOST_STATUS_QUERY)
                del pending[at:at + len(HOST_STATUS_QUERY)]
                self.status_queries += 1
                if not self.silent:
                    os.write(self._printer_end, host_status_answer(**self.status))
            while b"^XZ" in pending:
                end = pending.index(b"^XZ") + 3
                job = bytes(pending[:end]).strip()
                del pending[:end]
                if job:
                    with self._lock:
                        self.jobs.append(job)
