"""Device path latency and idle cost, on real pseudo-terminals.

    python -m tests.bench.bench_devices [--scans N] [--rounds N] [--idle-seconds S]

Prints p50/p99 of: the last byte of a serial scan written to the pty -> on_scan called; a scale's
first stable reply written -> the stable reading reaching on_weight, for MT-SICS, NCI and a
streaming scale; and the CPU the whole process uses over an idle stretch with a connected
scanner and a polled scale (both simulators as child processes, so only the station's side is
measured). Exits 1 when a budget is missed.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import select
import statistics
import subprocess
import sys
import threading
import time
import tty
from collections.abc import Callable
from pathlib import Path

from app.devices.events import WeightReading
from app.devices.factory import open_scale, open_scanner
from app.devices.handler import BaseHandler, QueueHandler

ROOT = Path(__file__).resolve().parents[2]
SCAN_BUDGET_MS = 5.0
WEIGHT_BUDGET_MS = 50.0
IDLE_BUDGET_PCT = 2.0


class Pty:
    def __init__(self) -> None:
        self.master, self.slave = os.openpty()
        tty.setraw(self.slave)
        tty.setraw(self.master)
        self.path = os.ttyname(self.slave)

    def write(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            view = view[os.write(self.master, view):]

    def close(self) -> None:
        for fd in (self.master, self.slave):
            with contextlib.suppress(OSError):
                os.close(fd)


def percentiles(samples: list[float]) -> tuple[float, float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))], ordered[-1]


# ---------------------------------------------------------------------- scans


class ScanClock(BaseHandler):
    def __init__(self) -> None:
        self.arrived = threading.Event()
        self.at = 0.0
        self.connected = threading.Event()

    def scan(self, raw: bytes, source: str) -> None:
        self.at = time.perf_counter()
        self.arrived.set()

    def status(self, status) -> None:  # noqa: ANN001
        if status.state == "connected":
            self.connected.set()


def scan_latency(count: int) -> list[float]:
    pty = Pty()
    clock = ScanClock()
    scanner = open_scanner(f"serial://{pty.path}?baud=115200&suffix=cr", clock)
    scanner.start()
    clock.connected.wait(5)
    samples = []
    try:
        for i in range(count):
            clock.arrived.clear()
            frame = f"0{4006381333931 + i * 10}\r".encode()
            # Timed from just before the one write that puts the whole frame, last byte included, into
            # the port: after it, the reader thread may run before this one does.
            written = time.perf_counter()
            pty.write(frame)
            if not clock.arrived.wait(2):
                raise RuntimeError(f"scan {i} never arrived")
            samples.append(clock.at - written)
            time.sleep(0.002)  # scans are never back to back at a bench; let the reader go idle
    finally:
        scanner.stop()
        pty.close()
    return samples


# ---------------------------------------------------------------------- stable weights


class BenchScale:
    """A scale on a pty whose load the bench switches between moving and stable.

    `reply(stable, grams)` formats one answer; for a polled protocol it answers each poll, for
    a streaming one it is written every 20 ms. The time the first stable reply of a round is
    written is recorded.
    """

    def __init__(self, reply: Callable[[bool, int], bytes], poll: bytes | None, terminator: bytes) -> None:
        self.pty = Pty()
        self.reply, self.poll, self.terminator = reply, poll, terminator
        self.stable = False
        self.grams = 1000
        self.first_stable_at: float | None = None
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._serve if poll else self._stream, daemon=True)
        self._thread.start()

    def set(self, stable: bool, grams: int) -> None:
        with self._lock:
            self.stable, self.grams = stable, grams
            self.first_stable_at = None

    def _send(self) -> None:
        with self._lock:
            data = self.reply(self.stable, self.grams)
            if self.stable and self.first_stable_at is None:
                self.first_stable_at = time.perf_counter()  # before the write: the driver may win the race
            self.pty.write(data)

    def _serve(self) -> None:
        buffer = b""
        while not self._stop.is_set():
            ready, _, _ = select.select([self.pty.master], [], [], 0.1)
            if not ready:
                continue
            try:
                buffer += os.read(self.pty.master, 1024)
            except OSError:
                return
            while self.terminator in buffer:
                line, buffer = buffer.split(self.terminator, 1)
                if line + self.terminator == self.poll:
                    self._send()

    def _stream(self) -> None:
        while not self._stop.wait(0.02):
            self._send()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)  # before the fds close: a recycled fd number must not reach this thread
        self.pty.close()


def mt_sics(stable: bool, grams: int) -> bytes:
    return f"S {'S' if stable else 'D'} {grams / 1000:10.3f} kg\r\n".encode()


def nci(stable: bool, grams: int) -> bytes:
    return f"\n{grams / 1000:8.3f}kg\r\n{'0' if stable else '1'}0\r\x03".encode()


def stream(stable: bool, grams: int) -> bytes:
    return f"{'ST' if stable else 'US'},GS,+{grams / 1000:08.3f}kg\r\n".encode()


PROTOCOLS = {
    "mt-sics": (mt_sics, b"SI\r\n", b"\r\n"),
    "nci": (nci, b"W\r", b"\r"),
    "stream": (stream, None, b"\r\n"),
}


def weight_latency(protocol: str, rounds: int) -> list[float]:
    reply, poll, terminator = PROTOCOLS[protocol]
    scale = BenchScale(reply, poll, terminator)
    handler = QueueHandler()
    # Polling every 20 ms only makes the rounds quicker: what is timed starts when the scale sends.
    driver = open_scale(f"serial://{scale.pty.path}?protocol={protocol}&bytesize=8&parity=none&poll_ms=20",
                        handler)
    driver.start()
    samples = []
    try:
        handler.next("status", 5, where=lambda s: s.state == "connected")
        for i in range(rounds):
            grams = 1000 + 10 * i
            scale.set(False, grams)
            handler.next("weight", 5, where=lambda r, g=grams: not r.stable and r.grams == g)
            scale.set(True, grams)
            reading: WeightReading = handler.next("weight", 5, where=lambda r, g=grams: r.stable and r.grams == g)
            arrived = time.perf_counter()
            if scale.first_stable_at is None:
                raise RuntimeError(f"{protocol}: a stable reading arrived before the scale sent one ({reading})")
            # The reading's own timestamp is taken when its frame completed; the callback ran after it.
            samples.append(arrived - scale.first_stable_at)
    finally:
        driver.stop()
        scale.close()
    return samples


# ---------------------------------------------------------------------- idle CPU


def idle_cpu(seconds: float) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    children = [subprocess.Popen([sys.executable, "-m", "app.devices.cli", "simulate", *args], cwd=ROOT, env=env,
                                 stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                 text=True)
                for args in (["scanner"], ["scale", "--protocol", "mt-sics", "--weight", "1250"])]
    scanner_path, scale_path = (child.stdout.readline().strip() for child in children)  # type: ignore[union-attr]
    handler = QueueHandler()
    scanner = open_scanner(f"serial://{scanner_path}", handler)
    scale = open_scale(f"serial://{scale_path}?protocol=mt-sics", handler)
    try:
        scanner.start()
        scale.start()
        handler.next("weight", 5, where=lambda r: r.usable)
        time.sleep(0.5)
        cpu, wall = time.process_time(), time.perf_counter()
        time.sleep(seconds)
        used = (time.process_time() - cpu) / (time.perf_counter() - wall)
        assert scanner.connected and scale.connected
    finally:
        scanner.stop()
        scale.stop()
        for child in children:
            child.terminate()
            child.wait(5)
    return used * 100


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scans", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=300)
    parser.add_argument("--idle-seconds", type=float, default=5.0)
    args = parser.parse_args()
    failures = 0
    print(f"\n{'measure':46} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}  budget (p50 and p99)")
    s50, s99, smax = percentiles(scan_latency(args.scans))
    ok = s99 * 1000 <= SCAN_BUDGET_MS
    failures += not ok
    print(f"{f'serial scan -> on_scan ({args.scans} scans)':46} {s50 * 1000:8.3f} {s99 * 1000:8.3f} "
          f"{smax * 1000:8.3f}  <= {SCAN_BUDGET_MS:g} ms {'ok' if ok else 'MISSED'}")
    for protocol in PROTOCOLS:
        w50, w99, wmax = percentiles(weight_latency(protocol, args.rounds))
        ok = w99 * 1000 <= WEIGHT_BUDGET_MS
        failures += not ok
        print(f"{f'stable weight -> on_weight, {protocol} ({args.rounds})':46} {w50 * 1000:8.3f} "
              f"{w99 * 1000:8.3f} {wmax * 1000:8.3f}  <= {WEIGHT_BUDGET_MS:g} ms {'ok' if ok else 'MISSED'}")
    cpu = idle_cpu(args.idle_seconds)
    ok = cpu < IDLE_BUDGET_PCT
    failures += not ok
    print(f"{f'idle CPU, scanner + polled scale, {args.idle_seconds:g} s':46} {cpu:7.2f}%                    "
          f"< {IDLE_BUDGET_PCT:g} % of one core {'ok' if ok else 'MISSED'}")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
