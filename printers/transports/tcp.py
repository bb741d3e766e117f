"""Raw TCP printing (port 9100, "JetDirect"), the way most network label printers take jobs."""

from __future__ import annotations

import socket

from printers.errors import ConnectionLost, PrinterTimeout, PrinterUnreachable
from printers.reasons import reason
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
        return reason("tcp_printer", host=self.host, port=self.port)

    def open(self) -> None:
        if self._sock is not None:
            return
        try:
            self._sock = socket.create_connection((self.host, self.port), timeout=self.timeout)
        except socket.gaierror as exc:
            raise PrinterUnreachable(reason("name_unknown", printer=self.name, host=repr(self.host))) from exc
        except (TimeoutError, ConnectionRefusedError, OSError) as exc:
            raise PrinterUnreachable(reason("not_answering", printer=self.name)) from exc
        self._sock.settimeout(self.timeout)

    def write(self, data: bytes) -> None:
        self.open()
        assert self._sock is not None
        try:
            self._sock.sendall(data)
        except TimeoutError as exc:
            self._abort()
            raise PrinterTimeout(reason("stopped_taking_data_jam", printer=self.name)) from exc
        except OSError as exc:  # reset, broken pipe: the printer went away mid-job
            self._abort()
            raise ConnectionLost(reason("dropped_while_printing_check", printer=self.name)) from exc

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
            raise ConnectionLost(reason("dropped", printer=self.name)) from exc
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
