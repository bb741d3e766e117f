"""A pseudo-terminal that plays a serial device: the station opens its path like a real port.

The simulator keeps its own handle on the terminal side open, so the pty survives the station
closing and reopening the port (as a real device survives a program restart). Unplugging closes
both sides, which the station sees exactly like a pulled USB cable; plugging in opens a new pty.
With `link`, a symlink (like udev's /dev/serial/by-id/...) always points at the current pty, so
a station configured with that path finds the device again after a replug.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import tty
from pathlib import Path


class PtyPort:
    def __init__(self, link: str | Path | None = None) -> None:
        self.link = Path(link) if link else None
        self.master = -1
        self._slave = -1
        self.path = ""

    @property
    def plugged(self) -> bool:
        return self.master >= 0

    def plug(self) -> str:
        """Open a new pty (and point the link at it); returns the path the station should open."""
        if self.plugged:
            return self.path
        master, slave = os.openpty()
        # Raw: no echo of what the station writes, no CR/LF translation of frames.
        tty.setraw(slave)
        tty.setraw(master)
        flags = fcntl.fcntl(master, fcntl.F_GETFL)
        fcntl.fcntl(master, fcntl.F_SETFL, flags | os.O_NONBLOCK)
        self.master, self._slave = master, slave
        self.path = os.ttyname(slave)
        if self.link is not None:
            temporary = self.link.with_name(self.link.name + ".new")
            with contextlib.suppress(FileNotFoundError):
                temporary.unlink()
            os.symlink(self.path, temporary)
            os.replace(temporary, self.link)  # atomic: the link never points nowhere while plugged
        return self.path

    def unplug(self) -> None:
        if not self.plugged:
            return
        if self.link is not None:
            with contextlib.suppress(OSError):
                if os.readlink(self.link) == self.path:
                    self.link.unlink()
        for fd in (self.master, self._slave):
            with contextlib.suppress(OSError):
                os.close(fd)
        self.master = self._slave = -1

    def write(self, data: bytes) -> int:
        """Write what the device sends; bytes the station is not reading fast enough are dropped."""
        if not self.plugged or not data:
            return 0
        sent = 0
        while sent < len(data):
            try:
                sent += os.write(self.master, data[sent:])
            except BlockingIOError:
                return sent  # nobody reads: a real UART would overrun too
            except OSError as exc:
                if exc.errno == errno.EIO:
                    return sent
                raise
        return sent

    def read(self) -> bytes:
        """What the station wrote (non-blocking; b"" when nothing)."""
        if not self.plugged:
            return b""
        try:
            return os.read(self.master, 4096)
        except (BlockingIOError, InterruptedError):
            return b""
        except OSError as exc:
            if exc.errno == errno.EIO:
                return b""
            raise

    def close(self) -> None:
        self.unplug()
