"""How a device driver talks to whoever owns the station: three calls, nothing else.

Drivers never touch the Station, the screen or a terminal. They call a handler from their own
thread, so the same driver runs under Qt (a handler that emits signals), the command line (a
handler that prints JSON) and a test (a handler that records into a queue) — the Electrum
hardware-wallet model.

Every handler method is called from a device thread. A handler must be quick and must not call
the Station directly (the Station is not thread-safe): post the event to the thread that owns it.
An exception raised by a handler is logged and swallowed; it never stops the device.
"""

from __future__ import annotations

import logging
import queue
import time
from collections.abc import Callable
from typing import Any, Protocol

from app.devices.events import DeviceStatus, WeightReading

log = logging.getLogger(__name__)

ScanCallback = Callable[[bytes, str], None]
WeightCallback = Callable[[WeightReading], None]
StatusCallback = Callable[[DeviceStatus], None]


class DeviceHandler(Protocol):
    def scan(self, raw: bytes, source: str) -> None:
        """One complete scanner frame, suffix removed, bytes as sent (hand it to parse_scan)."""

    def weight(self, reading: WeightReading) -> None:
        """A scale reading that differs from the previous one reported."""

    def status(self, status: DeviceStatus) -> None:
        """The device connected, disconnected, is reconnecting or stopped."""


class BaseHandler:
    """Does nothing; subclass and override what you need."""

    def scan(self, raw: bytes, source: str) -> None:
        pass

    def weight(self, reading: WeightReading) -> None:
        pass

    def status(self, status: DeviceStatus) -> None:
        pass


class CallbackHandler(BaseHandler):
    """Three plain callables (any may be None); exceptions in them are logged, never raised."""

    def __init__(self, on_scan: ScanCallback | None = None, on_weight: WeightCallback | None = None,
                 on_status: StatusCallback | None = None) -> None:
        self.on_scan = on_scan
        self.on_weight = on_weight
        self.on_status = on_status

    def scan(self, raw: bytes, source: str) -> None:
        _safely(self.on_scan, raw, source)

    def weight(self, reading: WeightReading) -> None:
        _safely(self.on_weight, reading)

    def status(self, status: DeviceStatus) -> None:
        _safely(self.on_status, status)


class QueueHandler(BaseHandler):
    """Puts ("scan", raw, source), ("weight", reading) and ("status", status) on a queue.

    The command line and the tests read the queue on their own thread; nothing is ever dropped.
    """

    def __init__(self) -> None:
        self.events: queue.Queue[tuple[Any, ...]] = queue.Queue()

    def scan(self, raw: bytes, source: str) -> None:
        self.events.put(("scan", raw, source))

    def weight(self, reading: WeightReading) -> None:
        self.events.put(("weight", reading))

    def status(self, status: DeviceStatus) -> None:
        self.events.put(("status", status))

    def next(self, kind: str | None = None, timeout: float = 5.0,
             where: Callable[[Any], bool] | None = None) -> Any:
        """The payload of the next event of `kind` matching `where`; other events are skipped.

        Raises TimeoutError when none arrives in time.
        """
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"no {kind or 'device'} event within {timeout:g} s")
            try:
                event = self.events.get(timeout=left)
            except queue.Empty:
                continue
            if kind is not None and event[0] != kind:
                continue
            payload = event[1:] if event[0] == "scan" else event[1]
            if where is None or where(payload):
                return payload

    def drain(self) -> list[tuple[Any, ...]]:
        out = []
        while True:
            try:
                out.append(self.events.get_nowait())
            except queue.Empty:
                return out


def _safely(callback: Callable[..., None] | None, *args: Any) -> None:
    if callback is None:
        return
    try:
        callback(*args)
    except Exception:  # noqa: BLE001 - a failing screen update must never stop a scanner or a scale
        log.exception("device callback %r failed", callback)
