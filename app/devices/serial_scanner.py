"""Serial (and USB-CDC) barcode scanners: bytes in, one scan callback per barcode.

    serial:///dev/ttyACM0?baud=115200&suffix=crlf&name=hand
    usb://05e0:1200/S123?suffix=cr&aim=require&name=presentation

A station may have several (a hand scanner and a presentation scanner); each runs on its own
thread and reports scans with its name as the source. Framing rules are in framer.py.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from app.devices.events import DeviceState
from app.devices.framer import FrameCounters, FramingSettings, ScanFramer
from app.devices.handler import DeviceHandler
from app.devices.link import DeviceGone, Link, LinkSettings
from app.devices.reasons import DeviceReason
from app.devices.reconnect import ALIVE_CHECK_S, Backoff, DeviceRunner, LinkOpener, deliver
from app.devices.uri import Params

NOISE_REPORT_S = 5.0  # at most one "line noise" status per this many seconds


@dataclass(frozen=True)
class ScannerSettings:
    name: str = "scanner"
    link: LinkSettings = field(default_factory=LinkSettings)
    framing: FramingSettings = field(default_factory=FramingSettings)

    @classmethod
    def read(cls, params: Params, default_name: str = "scanner") -> ScannerSettings:
        return cls(name=params.text("name", default_name) or default_name,
                   link=LinkSettings.read(params, LinkSettings(baudrate=9600)),
                   framing=FramingSettings.read(params))


class SerialScanner(DeviceRunner):
    kind = "scanner"

    def __init__(self, settings: ScannerSettings, port: str, opener: LinkOpener, handler: DeviceHandler,
                 backoff: Backoff | None = None) -> None:
        super().__init__(settings.name, port, opener, handler, backoff)
        self.settings = settings
        self.counters = FrameCounters()  # of the current connection; replaced on reconnect

    def session(self, link: Link) -> None:
        framer = ScanFramer(self.settings.framing)
        self.counters = framer.counters
        name = self.name
        handler = self.handler
        next_alive = time.monotonic() + ALIVE_CHECK_S
        reported_noise = 0
        last_noise_report = float("-inf")
        while not self.stopping.is_set():
            now = time.monotonic()
            wait = framer.wait_time(now)
            timeout = max(0.0, next_alive - now) if wait is None else min(wait, max(0.0, next_alive - now))
            data = link.read(timeout)
            now = time.monotonic()
            frames = framer.feed(data, now) if data else framer.poll(now)
            for frame in frames:
                deliver(handler.scan, frame, name)
            if now >= next_alive:
                if not link.alive():
                    raise DeviceGone(DeviceReason("vanished", port=link.port))
                next_alive = now + ALIVE_CHECK_S
            noise = framer.counters.control + framer.counters.noisy
            if noise != reported_noise and now - last_noise_report >= NOISE_REPORT_S:
                reported_noise, last_noise_report = noise, now
                self._report_noise(link, noise)

    def _report_noise(self, link: Link, dropped: int) -> None:
        self._emit(DeviceState.CONNECTED,
                   f"line noise on {link.port}: {dropped} garbled frame(s) dropped — check the cable and that the "
                   f"scanner is set to {self.settings.link.describe()}", port=link.port)
