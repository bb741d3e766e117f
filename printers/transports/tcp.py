"""Raw TCP printing (port 9100, "JetDirect"), the way most network label printers take jobs."""

from __future__ import annotations

import socket

from printers.errors import ConnectionLost, PrinterTimeout, PrinterUnreachable
from printers.transports.base import DEFAULT_TIMEOUT, Transport


class TcpTransport(Transport):
    scheme = "tcp"
    supports_status = True

    def __init__(self, uri: str, host: str, port: int = 9100, timeout: float = DEFAULT_TIMEOUT) -> None:
        super().__init__(uri, timeout)
        self.host, self.port = host, port
        self._sock: socket.socket | None = None

    @property
    def name(self) -> str:
        return f"Label printer at {self.host}:{self.port}"

    def open(self) -> None:
        if self._sock is not None:
            return
        try:
            self._sock = socket.create_connection((self.host, self.port), timeout=self.timeout)
        except socket.gaierror as exc:
            raise PrinterUnreachable(f"{self.name}: the name {self.host!r} is unknown on this network — "
                                     "check the printer address in the station settings") from exc
        except (TimeoutError, ConnectionRefusedError, OSError) as exc:
            raise PrinterUnreachable(f"{self.name} is not answering — check it is on and connected") from exc
        self._sock.settimeout(self.timeout)

    def write(self, data: bytes) -> None:
        self.open()
        assert self._sock is not None
        try:
            self._sock.sendall(data)
        except TimeoutError as exc:
            self._abort()
            raise PrinterTimeout(f"{self.name} stopped taking data — check for a jam or a blinking light, "
                                 "then reprint") from exc
        except OSError as exc:  # reset, broken pipe: the printer went away mid-job
            self._abort()
            raise ConnectionLost(f"{self.name} dropped the connection while printing — check the label "
                                 "and reprint it if it is incomplete") from exc

    def read(self, size: int = 4096, timeout: float | None = None) -> bytes:
        self.open()
        assert self._sock is not None
        self._sock.settimeout(self.timeout if timeout is None else max(timeout, 0.001))
        try:
            return self._sock.recv(size)
        except TimeoutError:
            return b""
        except OSError as exc:
            self._abort()
            raise ConnectionLost(f"{self.name} dropped the connection") from exc
        finally:
            if self._sock is not None:
                self._sock.settimeout(self.timeout)

    def close(self) -> None:
        if self._sock is None:
            return
        try:
            # Half-close first so the printer sees the end of the job before the socket goes.
            self._sock.shutdown(socket.SHUT_WR)
        except OSError:
            pass
        finally:
            self._abort()

    def _abort(self) -> None:
        if self._sock is not None:
            try:
                self._sock.close()
            finally:
                self._sock = None
