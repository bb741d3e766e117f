"""A device's life on its own thread: open, talk, notice it vanished, try again with backoff.

A packer can pull a scanner's cable at any moment and plug it back a minute later. The runner
reports DISCONNECTED as soon as a read fails (within 2 s even when the device goes silently:
sessions call `link.alive()` every half second), keeps the rest of the station running, and
reopens the port by itself: 0.25 s, 0.5 s, 1 s ... capped at 5 s, so a returning device is back
within seconds and a missing one costs nothing.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from app.devices.events import DeviceState, DeviceStatus
from app.devices.handler import DeviceHandler
from app.devices.link import DeviceGone, Link, OpenFailed
from app.devices.reasons import DeviceReason

log = logging.getLogger(__name__)

LinkOpener = Callable[[], Link]
ALIVE_CHECK_S = 0.5  # how often an idle session checks that its port still exists
STEADY_S = 2.0  # a connection that lasted this long resets the backoff (a flapping cable does not)


def _said(error: BaseException) -> str:
    """An error's words, with their code when it was raised with a DeviceReason (a screen words it)."""
    first = error.args[0] if len(error.args) == 1 else None
    return first if isinstance(first, DeviceReason) else str(error)


def deliver(callback: Callable[..., None], *args: object) -> None:
    """Call a handler method; an exception in it is logged and never stops the device thread."""
    try:
        callback(*args)
    except Exception:  # noqa: BLE001 - the screen failing to show a scan must not kill the scanner
        log.exception("device handler %r failed", callback)


class Backoff:
    """Exponential delays: first, first*factor, ... never more than cap."""

    def __init__(self, first: float = 0.25, factor: float = 2.0, cap: float = 5.0) -> None:
        if first <= 0 or factor < 1 or cap < first:
            raise ValueError("backoff needs first > 0, factor >= 1 and cap >= first")
        self.first, self.factor, self.cap = first, factor, cap
        self._next = first

    def next(self) -> float:
        delay = self._next
        self._next = min(self.cap, self._next * self.factor)
        return delay

    def peek(self) -> float:
        return self._next

    def reset(self) -> None:
        self._next = self.first


class DeviceRunner:
    """Runs `session(link)` on a thread, reopening the link whenever the device goes away.

    Subclasses implement `session`, which returns when `self.stopping` is set and raises
    DeviceGone when the device vanished.
    """

    kind = "device"
    simulator: Any = None  # for sim:// devices: the simulated hardware (place a parcel, pull the cable)

    def __init__(self, name: str, port: str, opener: LinkOpener, handler: DeviceHandler,
                 backoff: Backoff | None = None) -> None:
        self.name = name
        self.port = port
        self.handler = handler
        self._opener = opener
        self.backoff = backoff or Backoff()
        self.stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._link: Link | None = None
        self._status = DeviceStatus(name, self.kind, DeviceState.DISCONNECTED, DeviceReason("not_started"), port)
        self._lock = threading.Lock()

    # ------------------------------------------------------------------ control (any thread)

    def start(self) -> None:
        if self._thread is not None:
            return
        self.stopping.clear()
        self._thread = threading.Thread(target=self._run, name=f"device-{self.name}", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 2.0) -> None:
        self.stopping.set()
        link = self._link
        if link is not None:
            link.interrupt()
        thread, self._thread = self._thread, None
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)
        self._emit(DeviceState.STOPPED, DeviceReason("stopped"))

    @property
    def status(self) -> DeviceStatus:
        return self._status

    @property
    def connected(self) -> bool:
        return self._status.state is DeviceState.CONNECTED

    # ------------------------------------------------------------------ the device thread

    def session(self, link: Link) -> None:
        raise NotImplementedError

    def on_connected(self, link: Link) -> None:
        """Hook: called on the device thread right after the port opened."""

    def _run(self) -> None:
        attempt = 0
        while not self.stopping.is_set():
            if attempt:
                self._emit(DeviceState.RECONNECTING, self._status.message, attempt=attempt,
                           retry_in=self.backoff.peek())
            try:
                link = self._opener()
            except OpenFailed as exc:
                attempt += 1
                self._wait_after_failure(_said(exc), attempt, first=attempt == 1)
                continue
            except Exception as exc:  # noqa: BLE001 - an unexpected driver bug must not end the thread
                log.exception("%s: opening failed", self.name)
                attempt += 1
                self._wait_after_failure(DeviceReason("open_failed", error=str(exc)), attempt, first=attempt == 1)
                continue
            self._link = link
            started = time.monotonic()
            attempt = 0
            self._emit(DeviceState.CONNECTED, DeviceReason("connected_on", port=link.port), port=link.port)
            try:
                self.on_connected(link)
                self.session(link)
            except DeviceGone as exc:
                if not self.stopping.is_set():
                    attempt = 1
                    if time.monotonic() - started >= STEADY_S:
                        self.backoff.reset()
                    self._wait_after_failure(DeviceReason("disconnected", reason=_said(exc)), attempt, first=True)
            except Exception as exc:  # noqa: BLE001 - same: log, report, reconnect
                log.exception("%s: driver error", self.name)
                if not self.stopping.is_set():
                    attempt = 1
                    self._wait_after_failure(DeviceReason("driver_error", error=str(exc)), attempt, first=True)
            finally:
                self._link = None
                link.close()

    def _wait_after_failure(self, message: str, attempt: int, first: bool) -> None:
        delay = self.backoff.next()
        if first:
            log.warning("%s: %s", self.name, message)
            self._emit(DeviceState.DISCONNECTED, message, attempt=attempt, retry_in=delay)
        else:
            self._status = DeviceStatus(self.name, self.kind, self._status.state, message, self.port, attempt, delay)
        self.stopping.wait(delay)

    def _emit(self, state: DeviceState, message: str, *, attempt: int = 0, retry_in: float = 0.0,
              port: str | None = None) -> None:
        with self._lock:
            if state is DeviceState.STOPPED and self._status.state is DeviceState.STOPPED:
                return
            self._status = DeviceStatus(self.name, self.kind, state, message, port or self.port, attempt, retry_in)
            status = self._status
        try:
            self.handler.status(status)
        except Exception:  # noqa: BLE001 - a failing status display must not stop the device
            log.exception("%s: status handler failed", self.name)
