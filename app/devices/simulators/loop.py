"""The select() loop shared by the pty simulators: the pty, typed commands, replug timer, signals."""

from __future__ import annotations

import contextlib
import os
import queue
import random
import select
import signal
import threading
import time
from typing import TextIO

from app.devices.simulators.pty import PtyPort


class SimLoop:
    """The select() loop shared by the scale and scanner simulators: pty, typed commands, signals."""

    def __init__(self, link: str | None, out: TextIO, err: TextIO) -> None:
        self.port = PtyPort(link)
        self.out, self.err = out, err
        self.commands: queue.Queue[str | None] = queue.Queue()
        self._wake_r, self._wake_w = os.pipe()
        self.running = True
        self.replug_at: float | None = None

    def announce(self) -> None:
        path = self.port.plug()
        print(path, file=self.out, flush=True)
        if self.port.link:
            print(f"linked {self.port.link} -> {path}", file=self.err, flush=True)

    def wake(self) -> None:
        with contextlib.suppress(OSError):
            os.write(self._wake_w, b"x")

    def read_lines(self, stream: TextIO) -> None:
        def pump() -> None:
            for line in stream:
                self.commands.put(line.rstrip("\r\n"))
                self.wake()

        threading.Thread(target=pump, name="sim-stdin", daemon=True).start()

    def install_signals(self) -> None:
        def stop(signum: int, frame: object) -> None:
            self.running = False
            self.wake()

        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGTERM, stop)
            signal.signal(signal.SIGINT, stop)

    def wait(self, timeout: float | None) -> bool:
        """Waits for station bytes, a typed command or the timeout; True when the station wrote."""
        if self.replug_at is not None:
            left = max(0.0, self.replug_at - time.monotonic())
            timeout = left if timeout is None else min(timeout, left)
        fds = [self._wake_r] + ([self.port.master] if self.port.plugged else [])
        ready, _, _ = select.select(fds, [], [], timeout)
        if self._wake_r in ready:
            os.read(self._wake_r, 1024)
        if self.replug_at is not None and time.monotonic() >= self.replug_at:
            self.replug_at = None
            self.announce()
        return self.port.plugged and self.port.master in ready

    def port_command(self, line: str, rng: random.Random) -> bool:
        """unplug / plug / noise / quit; False when `line` is not one of them."""
        words = line.strip().lower().split()
        if not words:
            return False
        if words[0] == "unplug":
            self.port.unplug()
            seconds = float(words[1]) if len(words) > 1 else None
            self.replug_at = time.monotonic() + seconds if seconds else None
            print(f"unplugged{f' for {seconds:g} s' if seconds else ''}", file=self.err, flush=True)
            return True
        if words[0] == "plug":
            self.replug_at = None
            self.announce()
            return True
        if words[0] == "noise":
            count = int(words[1]) if len(words) > 1 else 64
            self.port.write(bytes(rng.randrange(256) for _ in range(count)))
            return True
        if words[0] in ("quit", "exit"):
            self.running = False
            return True
        return False

    def close(self) -> None:
        self.port.close()
        for fd in (self._wake_r, self._wake_w):
            with contextlib.suppress(OSError):
                os.close(fd)
