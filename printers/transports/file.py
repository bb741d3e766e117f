"""A printer that is a device file (/dev/usb/lp0) or any file path the OS lets us write.

Writes are non-blocking with a deadline: a USB printer that is switched off can otherwise
block a write forever, and the station must tell the packer rather than hang.
"""

from __future__ import annotations

import errno
import os
import select
import stat
import time

from printers.errors import PrinterError, PrinterTimeout, PrinterUnreachable
from printers.reasons import reason
from printers.transports.base import DEFAULT_TIMEOUT, Transport


class FileTransport(Transport):
    scheme = "file"

    def __init__(self, uri: str, path: str, timeout: float = DEFAULT_TIMEOUT) -> None:
        super().__init__(uri, timeout)
        self.path = path
        self._fd: int | None = None

    @property
    def name(self) -> str:
        return reason("file_printer", path=self.path)

    def open(self) -> None:
        if self._fd is not None:
            return
        try:
            try:
                mode = os.stat(self.path).st_mode
            except FileNotFoundError:
                if self.path.startswith("/dev/"):
                    raise  # a device that is not there: never create a plain file in its place
                mode = 0
            is_device = stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)
            flags = os.O_WRONLY | (os.O_NONBLOCK if is_device else os.O_CREAT | os.O_APPEND)
            self._fd = os.open(self.path, flags, 0o644)
        except FileNotFoundError as exc:
            raise PrinterUnreachable(reason("device_missing", printer=self.name)) from exc
        except PermissionError as exc:
            raise PrinterError(reason("no_permission", printer=self.name)) from exc
        except OSError as exc:
            raise PrinterUnreachable(reason("cannot_open", printer=self.name, error=exc.strerror)) from exc

    def write(self, data: bytes) -> None:
        self.open()
        assert self._fd is not None
        view = memoryview(data)
        deadline = time.monotonic() + self.timeout
        while view:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise PrinterTimeout(reason("stopped_taking_data_labels", printer=self.name))
            _, writable, _ = select.select([], [self._fd], [], remaining)
            if not writable:
                continue
            try:
                written = os.write(self._fd, view)
            except BlockingIOError:
                continue
            except OSError as exc:
                if exc.errno in (errno.ENODEV, errno.EIO, errno.ENXIO):
                    raise PrinterUnreachable(reason("went_away", printer=self.name)) from exc
                raise PrinterError(reason("system_error", printer=self.name, error=exc.strerror)) from exc
            view = view[written:]

    def close(self) -> None:
        if self._fd is not None:
            try:
                os.close(self._fd)
            finally:
                self._fd = None
