"""sim://scale and sim://scanner: the simulators, in-process, for demos and tests.

    sim://scale?protocol=nci&weight=1250&settle_ms=600&unit=kg
    sim://scanner?suffix=cr&name=hand

The station's real drivers run unchanged on top: a simulated scale speaks MT-SICS (or NCI, or
streams) over an in-memory link, so a demo exercises the same parsing, stable rule and
reconnect logic as a bench with hardware. The device object (`driver.simulator`) is the
hardware: put a parcel on it, shake it, overload it, pull its cable.
"""

from __future__ import annotations

import threading
import time

from app.devices.link import DeviceGone, LoopbackLink, OpenFailed
from app.devices.reasons import DeviceReason
from app.devices.simulators.model import SimScaleModel
from app.devices.simulators.responders import make_responder
from app.devices.simulators.scale import apply_model_command
from app.devices.simulators.scanner import SUFFIX_BYTES
from app.devices.units import normalise_unit


class SimScale:
    """A simulated scale behind a loopback link; one responder thread per connection."""

    def __init__(self, protocol: str = "mt-sics", *, unit: str = "g", weight_g: int = 0, settle_ms: int = 600,
                 capacity_g: int = 30000, interval_ms: int = 100, port: str = "sim://scale") -> None:
        self.protocol = protocol
        self.unit = normalise_unit(unit)
        self.interval_ms = interval_ms
        self.port = port
        self.model = SimScaleModel(capacity_g=capacity_g, settle_ms=settle_ms, weight_g=weight_g,
                                   now=time.monotonic())
        self.plugged = True
        self._link: LoopbackLink | None = None
        self._lock = threading.Lock()

    # ------------------------------------------------------------------ the hardware

    def place(self, grams: int) -> None:
        """Put a load of `grams` on the platform; it swings for settle_ms, then holds still."""
        self.model.place(grams, time.monotonic())

    def command(self, line: str) -> str | None:
        """A simulator command as typed at `simulate scale` ("1.25kg", "motion", "overload off")."""
        return apply_model_command(line, self.model, time.monotonic())

    def unplug(self) -> None:
        with self._lock:
            self.plugged = False
            link, self._link = self._link, None
        if link is not None:
            link.unplug()

    def plug(self) -> None:
        self.plugged = True

    # ------------------------------------------------------------------ the port

    def open_link(self) -> LoopbackLink:
        with self._lock:
            if not self.plugged:
                raise OpenFailed(DeviceReason("unplugged", port=self.port))
            link = LoopbackLink(self.port)
            self._link = link
        responder = make_responder(self.protocol, self.model, self.unit, self.interval_ms)
        threading.Thread(target=self._serve, args=(link, responder), name="sim-scale", daemon=True).start()
        return link

    def _serve(self, link: LoopbackLink, responder) -> None:  # noqa: ANN001 - a Responder
        try:
            while True:
                wait = responder.next_tick(time.monotonic())
                data = link.to_device.get(0.5 if wait is None else wait)
                now = time.monotonic()
                out = responder.feed(data, now) if data else b""
                out += responder.tick(now)
                if out:
                    link.to_host.put(out)
        except DeviceGone:
            return


class SimScanner:
    """A simulated scanner: scan("4006381333931") sends one frame to the station."""

    def __init__(self, *, suffix: str = "cr", aim: str = "", port: str = "sim://scanner") -> None:
        self.suffix = SUFFIX_BYTES[suffix]
        self.aim = aim
        self.port = port
        self.plugged = True
        self._link: LoopbackLink | None = None
        self._connected = threading.Condition()

    def wait_connected(self, timeout: float = 2.0) -> bool:
        with self._connected:
            return self._connected.wait_for(lambda: self._link is not None, timeout)

    def scan(self, text: str | bytes) -> bool:
        """Send one scan; False when no station has the port open (the scan is lost, as on a real line)."""
        data = text if isinstance(text, bytes) else (self.aim + text.replace("<GS>", "\x1d")).encode("utf-8")
        return self.send(data + self.suffix)

    def send(self, data: bytes) -> bool:
        link = self._link
        if link is None:
            return False
        try:
            link.to_host.put(data)
        except DeviceGone:
            return False
        return True

    def unplug(self) -> None:
        self.plugged = False
        link, self._link = self._link, None
        if link is not None:
            link.unplug()

    def plug(self) -> None:
        self.plugged = True

    def open_link(self) -> LoopbackLink:
        if not self.plugged:
            raise OpenFailed(DeviceReason("unplugged", port=self.port))
        link = LoopbackLink(self.port)
        with self._connected:
            self._link = link
            self._connected.notify_all()
        return link
