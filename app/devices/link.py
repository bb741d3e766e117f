"""The byte pipe under every driver: a serial port (pyserial) or an in-process loopback (simulators).

Like python-escpos's transports, a link only opens, reads, writes and closes; framing and
protocols live once in the drivers above it. Two things matter more here than in a printer:

- read() waits for the first byte with select() and returns everything already buffered, so a
  scan reaches its callback within a millisecond of its last byte, and an idle reader sleeps in
  the kernel instead of polling.
- a vanished device is an exception (DeviceGone), never an empty read that looks like silence:
  an unplugged USB adapter or a closed pty makes the port readable with no data (or EIO).
"""

from __future__ import annotations

import contextlib
import errno
import os
import select
import threading
import time
from abc import ABC, abstractmethod
from dataclasses import dataclass

import serial

try:
    from termios import error as TermiosError
except ImportError:  # Windows has no termios; pyserial raises SerialException there
    TermiosError = OSError  # type: ignore[misc,assignment]  # noqa: N816

from app.devices.errors import DeviceGone, OpenFailed
from app.devices.reasons import DeviceReason
from app.devices.uri import DeviceURIError, Params

_PARITIES = {"none": serial.PARITY_NONE, "even": serial.PARITY_EVEN, "odd": serial.PARITY_ODD,
             "mark": serial.PARITY_MARK, "space": serial.PARITY_SPACE}
_PARITY_ALIASES = {"n": "none", "e": "even", "o": "odd", "m": "mark", "s": "space"}
_READ_CHUNK = 4096


@dataclass(frozen=True)
class LinkSettings:
    """Serial framing. Scanners are usually 9600 or 115200 8N1; many scales are 9600 7E1."""

    baudrate: int = 9600
    bytesize: int = 8
    parity: str = "none"
    stopbits: float = 1
    rtscts: bool = False
    xonxoff: bool = False

    @classmethod
    def read(cls, params: Params, defaults: LinkSettings | None = None) -> LinkSettings:
        d = defaults or cls()
        stopbits = params.choice("stopbits", f"{d.stopbits:g}", ("1", "1.5", "2"))
        baud_key = "baudrate" if params.has("baudrate") else "baud"
        return cls(
            baudrate=params.integer(baud_key, d.baudrate, 50, 4_000_000),
            bytesize=params.integer("bytesize", d.bytesize, 5, 8),
            parity=params.choice("parity", d.parity, tuple(_PARITIES), _PARITY_ALIASES),
            stopbits=float(stopbits),
            rtscts=params.boolean("rtscts", d.rtscts),
            xonxoff=params.boolean("xonxoff", d.xonxoff),
        )

    def describe(self) -> str:
        return f"{self.baudrate} {self.bytesize}{self.parity[0].upper()}{self.stopbits:g}"


class Link(ABC):
    port: str = ""  # shown in status messages

    @abstractmethod
    def read(self, timeout: float | None) -> bytes:
        """Bytes that arrived, waiting at most `timeout` s for the first; b"" on timeout.

        Raises DeviceGone when the device vanished. Returns b"" early after interrupt().
        """

    @abstractmethod
    def write(self, data: bytes) -> None:
        """Send `data`; raises DeviceGone when the device vanished."""

    @abstractmethod
    def interrupt(self) -> None:
        """Wake a read() blocked in another thread (used by stop())."""

    @abstractmethod
    def close(self) -> None: ...

    def alive(self) -> bool:
        """A cheap check that the port still exists (a device can vanish without a read error)."""
        return True


class SerialLink(Link):
    """A pyserial port. On POSIX, reads go through select() on the port and a wake-up pipe."""

    def __init__(self, path: str, settings: LinkSettings) -> None:
        self.port = path
        self.settings = settings
        self._serial = serial.Serial()
        self._serial.port = path
        self._serial.baudrate = settings.baudrate
        self._serial.bytesize = settings.bytesize
        self._serial.parity = _PARITIES[settings.parity]
        self._serial.stopbits = settings.stopbits
        self._serial.rtscts = settings.rtscts
        self._serial.xonxoff = settings.xonxoff
        self._posix = os.name == "posix"
        # Two station windows reading one scanner would each get half of every scan: lock the port.
        if self._posix:
            self._serial.exclusive = True
            self._serial.timeout = 0
        else:
            self._serial.timeout = 0.05  # Windows: short blocking reads, see read()
        try:
            self._open()
        except (serial.SerialException, OSError, ValueError, TermiosError) as exc:
            raise OpenFailed(_open_failure(path, exc)) from exc
        self._wake_r, self._wake_w = os.pipe() if self._posix else (-1, -1)
        self._closed = False
        self._interrupted = False  # Windows: read() checks it between its short blocking reads

    def _open(self) -> None:
        try:
            self._serial.open()
        except TermiosError:
            # Some kernels refuse 7 data bits or parity on a pseudo-terminal (the simulators), where
            # framing means nothing anyway: open it 8N1 rather than not at all.
            plain = self.settings.parity == "none" and self.settings.bytesize == 8
            if plain or not os.path.realpath(self.port).startswith("/dev/pts/"):
                raise
            self._serial.parity = serial.PARITY_NONE
            self._serial.bytesize = serial.EIGHTBITS
            self._serial.open()

    def read(self, timeout: float | None) -> bytes:
        if not self._posix:
            return self._read_portable(timeout)
        fd = self._serial.fileno()
        try:
            ready, _, _ = select.select([fd, self._wake_r], [], [], timeout)
        except (OSError, ValueError) as exc:
            raise DeviceGone(DeviceReason("port_error", port=self.port, error=str(exc))) from exc
        if self._wake_r in ready:
            with contextlib.suppress(OSError):
                os.read(self._wake_r, 64)
            if fd not in ready:
                return b""
        if not ready:
            return b""
        try:
            data = os.read(fd, _READ_CHUNK)
        except BlockingIOError:
            return b""
        except OSError as exc:
            if exc.errno == errno.EINTR:
                return b""
            raise DeviceGone(DeviceReason("read_failed", port=self.port, error=str(exc.strerror or exc))) from exc
        if not data:
            # Readable with nothing to read: the kernel's way of saying "hung up".
            raise DeviceGone(DeviceReason("hung_up", port=self.port))
        return data

    def _read_portable(self, timeout: float | None) -> bytes:
        deadline = None if timeout is None else time.monotonic() + timeout
        while not self._closed and not self._interrupted:
            try:
                waiting = self._serial.in_waiting
                data = self._serial.read(waiting or 1)
            except (serial.SerialException, OSError) as exc:
                raise DeviceGone(DeviceReason("port_error", port=self.port, error=str(exc))) from exc
            if data:
                return data
            if deadline is not None and time.monotonic() >= deadline:
                return b""
        self._interrupted = False
        return b""

    def write(self, data: bytes) -> None:
        try:
            self._serial.write(data)
        except (serial.SerialException, OSError) as exc:
            raise DeviceGone(DeviceReason("write_failed", port=self.port, error=str(exc))) from exc

    def interrupt(self) -> None:
        self._interrupted = not self._posix
        if self._posix and not self._closed:
            with contextlib.suppress(OSError):
                os.write(self._wake_w, b"x")

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        with contextlib.suppress(Exception):
            self._serial.close()
        if self._posix:
            for fd in (self._wake_r, self._wake_w):
                with contextlib.suppress(OSError):
                    os.close(fd)

    def alive(self) -> bool:
        return not self._posix or os.path.exists(self.port)


def _open_failure(path: str, exc: BaseException) -> str:
    code = getattr(exc, "errno", None)
    text = str(exc)
    if code == errno.ENOENT or "No such file" in text or "FileNotFoundError" in text:
        return DeviceReason("not_found", path=path)
    if code == errno.EACCES or "Permission denied" in text:
        return DeviceReason("no_permission", path=path)
    if code in (errno.EBUSY, errno.EAGAIN) or "lock" in text.lower() or "busy" in text.lower():
        return DeviceReason("in_use", path=path)
    return DeviceReason("cannot_open", path=path, error=text)


class Pipe:
    """One direction of an in-process loopback: a byte buffer with a condition variable."""

    def __init__(self) -> None:
        self._buffer = bytearray()
        self._cond = threading.Condition()
        self._closed = False
        self._woken = False

    def put(self, data: bytes) -> None:
        with self._cond:
            if self._closed:
                raise DeviceGone(DeviceReason("loopback_closed"))
            self._buffer += data
            self._cond.notify_all()

    def get(self, timeout: float | None) -> bytes:
        with self._cond:
            if not self._buffer and not self._closed and not self._woken:
                self._cond.wait(timeout)
            self._woken = False
            if self._buffer:
                data = bytes(self._buffer)
                self._buffer.clear()
                return data
            if self._closed:
                raise DeviceGone(DeviceReason("sim_unplugged"))
            return b""

    def wake(self) -> None:
        with self._cond:
            self._woken = True
            self._cond.notify_all()

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify_all()

    @property
    def closed(self) -> bool:
        return self._closed


class LoopbackLink(Link):
    """The host end of an in-process device: sim:// scanners and scales speak through it."""

    def __init__(self, port: str) -> None:
        self.port = port
        self.to_host = Pipe()  # what the device sends
        self.to_device = Pipe()  # what the driver writes

    def read(self, timeout: float | None) -> bytes:
        return self.to_host.get(timeout)

    def write(self, data: bytes) -> None:
        self.to_device.put(data)

    def interrupt(self) -> None:
        self.to_host.wake()

    def close(self) -> None:
        self.to_host.close()
        self.to_device.close()

    def unplug(self) -> None:
        """The device side goes away: the driver's next read raises DeviceGone."""
        self.close()

    def alive(self) -> bool:
        return not self.to_host.closed


def serial_opener(uri_text: str, path: str | None, settings: LinkSettings, *, usb: tuple[int, int, str | None] | None
                  = None):
    """A function that opens the port afresh on every (re)connect; usb:// is looked up each time."""

    def open_link() -> Link:
        if usb is not None:
            from app.devices.ports import resolve_usb

            found = resolve_usb(*usb)
            return SerialLink(found, settings)
        assert path is not None
        return SerialLink(path, settings)

    if usb is None and not path:
        raise DeviceURIError(DeviceReason("no_port_short", text=uri_text))
    return open_link
