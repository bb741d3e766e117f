"""Serial devices played by the test on real pseudo-terminals.

FakeDevice is the far end of a serial cable: the driver opens `path` (a symlink, like udev's
/dev/serial/by-id/...), the test writes what the scanner or scale would send and reads what the
driver sent. unplug() closes the pty as a pulled USB cable would; plug() opens a new one behind
the same path.
"""

from __future__ import annotations

import contextlib
import os
import select
import subprocess
import sys
import threading
import time
import tty
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from app.devices.handler import QueueHandler
from app.devices.reconnect import Backoff

ROOT = Path(__file__).resolve().parents[2]


class FakeDevice:
    def __init__(self, link: Path) -> None:
        self.link = link
        self.master = -1
        self.slave = -1
        self.plug()

    @property
    def path(self) -> str:
        return str(self.link)

    def plug(self) -> None:
        self.master, self.slave = os.openpty()
        tty.setraw(self.slave)  # no echo, no CR/LF translation before the driver configures the port
        tty.setraw(self.master)
        tmp = self.link.with_name(self.link.name + ".tmp")
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        os.symlink(os.ttyname(self.slave), tmp)
        os.replace(tmp, self.link)

    def unplug(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.link.unlink()
        for fd in (self.master, self.slave):
            with contextlib.suppress(OSError):
                os.close(fd)
        self.master = self.slave = -1

    def write(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            written = os.write(self.master, view)
            view = view[written:]

    def read(self, timeout: float = 2.0, until: bytes | None = None) -> bytes:
        """Bytes the driver wrote: waits up to `timeout` for the first, then takes what is there
        (or, with `until`, reads until that ending arrives)."""
        deadline = time.monotonic() + timeout
        data = b""
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.master], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                break
            data += os.read(self.master, 4096)
            if until is None or data.endswith(until):
                break
        return data

    def close(self) -> None:
        self.unplug()


class ScriptedScale:
    """Answers each command line the driver sends with the next scripted reply for it.

    `script` maps a command (b"SI") to a list of replies; the last reply of a list repeats.
    Every command received is kept in `received`, byte-exact.
    """

    def __init__(self, device: FakeDevice, script: dict[bytes, list[bytes]], terminator: bytes = b"\r\n") -> None:
        self.device = device
        self.script = {key: list(value) for key, value in script.items()}
        self.terminator = terminator
        self.received: list[bytes] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def set(self, command: bytes, replies: list[bytes]) -> None:
        self.script[command] = list(replies)

    def _serve(self) -> None:
        buffer = b""
        while not self._stop.is_set():
            master = self.device.master
            if master < 0:
                time.sleep(0.01)
                continue
            try:
                ready, _, _ = select.select([master], [], [], 0.05)
                if not ready:
                    continue
                buffer += os.read(master, 4096)
            except OSError:
                time.sleep(0.01)
                continue
            while self.terminator in buffer:
                line, buffer = buffer.split(self.terminator, 1)
                self.received.append(line + self.terminator)
                replies = self.script.get(line)
                if not replies:
                    continue
                reply = replies.pop(0) if len(replies) > 1 else replies[0]
                with contextlib.suppress(OSError):
                    self.device.write(reply)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(1)


@pytest.fixture
def device(tmp_path: Path) -> Iterator[FakeDevice]:
    fake = FakeDevice(tmp_path / "ttyFAKE0")
    yield fake
    fake.close()


@pytest.fixture
def make_device(tmp_path: Path) -> Iterator[Callable[[str], FakeDevice]]:
    made: list[FakeDevice] = []

    def make(name: str) -> FakeDevice:
        fake = FakeDevice(tmp_path / name)
        made.append(fake)
        return fake

    yield make
    for fake in made:
        fake.close()


@pytest.fixture
def handler() -> QueueHandler:
    return QueueHandler()


@pytest.fixture
def fast_backoff() -> Backoff:
    return Backoff(first=0.05, factor=2.0, cap=0.4)


@pytest.fixture
def running() -> Iterator[Callable]:
    """Start drivers and make sure they are stopped at the end of the test."""
    started: list = []

    def start(driver):  # noqa: ANN001, ANN202
        started.append(driver)
        driver.start()
        return driver

    yield start
    for driver in started:
        driver.stop()


def wait_connected(handler: QueueHandler, timeout: float = 3.0):  # noqa: ANN201
    return handler.next("status", timeout, where=lambda s: s.state == "connected")


def spawn_cli(*args: str) -> subprocess.Popen[str]:
    """`python -m app.devices.cli ARGS` as a child with piped standard streams."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen([sys.executable, "-m", "app.devices.cli", *args], cwd=ROOT, env=env, text=True,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def stop_child(child: subprocess.Popen[str]) -> None:
    if child.poll() is None:
        child.terminate()
        try:
            child.wait(5)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait(5)
    for stream in (child.stdin, child.stdout, child.stderr):
        if stream is not None:
            with contextlib.suppress(OSError):
                stream.close()
