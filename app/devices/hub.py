"""DeviceHub: every scanner and the scale of one station, behind one small facade.

    hub = DeviceHub(config, on_scan=..., on_weight=..., on_status=...)
    hub.start()          # each device on its own thread; returns at once
    hub.zero()           # Future[ScaleReply]: the screen's "Zero" button
    hub.latest_weight()  # a parcel already lying still when the weighing step begins
    hub.stop()           # on closing the station window

THREADS: on_scan, on_weight and on_status are called from device threads, never from the
thread that created the hub. The Station is not thread-safe: the GUI must forward them through
Qt signals (queued connections) and the command line through a queue, then call
`station.scan(raw)` / `station.weight(grams, stable=..., source=...)` on its own thread. A
callback that raises is logged; the device keeps running.

A station works without any of its devices: a missing or unplugged one is reported through
on_status (DISCONNECTED, then RECONNECTING until it is back) and everything that does not need
it goes on.
"""

from __future__ import annotations

from collections.abc import Iterable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from app.devices.events import DeviceState, DeviceStatus, WeightReading
from app.devices.handler import CallbackHandler, ScanCallback, StatusCallback, WeightCallback
from app.devices.reasons import DeviceReason
from app.devices.uri import DeviceURIError

# The drivers (and pyserial behind them) are imported when a scanner or a scale is configured:
# a station without serial devices starts without them.
if TYPE_CHECKING:
    from app.devices.reconnect import Backoff
    from app.devices.scales.base import ScaleDriver, ScaleReply
    from app.devices.serial_scanner import SerialScanner


@dataclass(frozen=True)
class DeviceConfig:
    """The device part of a station's configuration."""

    scanners: tuple[str, ...] = ()  # serial / usb / sim scanner URIs (keyboard-wedge scanners need none)
    scale: str = ""  # scale URI, "" = no scale

    @classmethod
    def from_config(cls, config: Any) -> DeviceConfig:
        """From app.config.Config or anything shaped like it ([scale] uri, [scanner] serial = [...])."""
        if isinstance(config, DeviceConfig):
            return config
        scanners: Any = getattr(getattr(config, "scanner", None), "serial", None)
        if scanners is None:
            scanners = getattr(config, "scanners", ())
        if isinstance(scanners, str):
            scanners = (scanners,) if scanners else ()
        scale = getattr(config, "scale", "")
        scale = getattr(scale, "uri", scale) or ""
        return cls(tuple(s for s in scanners if s), str(scale))


class DeviceHub:
    def __init__(self, config: Any, on_scan: ScanCallback, on_weight: WeightCallback, on_status: StatusCallback,
                 *, backoff: Backoff | None = None) -> None:
        """Builds (does not start) the drivers. Raises DeviceURIError when a URI is wrong."""
        self.config = DeviceConfig.from_config(config)
        self.handler = CallbackHandler(on_scan, on_weight, on_status)
        self.scanners: list[SerialScanner] = []
        if self.config.scanners or self.config.scale:
            from app.devices.factory import open_scale, open_scanner
        for index, uri in enumerate(self.config.scanners, start=1):
            scanner = open_scanner(uri, self.handler, default_name="scanner" if index == 1 else f"scanner{index}",
                                   backoff=_fresh(backoff))
            self.scanners.append(scanner)
        names = [s.name for s in self.scanners]
        duplicate = next((n for n in names if names.count(n) > 1), None)
        if duplicate:
            raise DeviceURIError(DeviceReason("two_scanners", name=duplicate))
        self.scale: ScaleDriver | None = (open_scale(self.config.scale, self.handler, backoff=_fresh(backoff))
                                          if self.config.scale else None)
        self._started = False

    @property
    def devices(self) -> Iterable[SerialScanner | ScaleDriver]:
        yield from self.scanners
        if self.scale is not None:
            yield self.scale

    def start(self) -> None:
        if self._started:
            return
        self._started = True
        if self.scale is None:
            self.handler.status(DeviceStatus("scale", "scale", DeviceState.ABSENT,
                                             DeviceReason("no_scale")))
        for device in self.devices:
            device.start()

    def stop(self) -> None:
        for device in self.devices:
            device.stop()
        self._started = False

    def zero(self) -> Future[ScaleReply]:
        """Zero the scale; the Future completes (on a device thread) with the scale's answer."""
        return self._scale_command("zero")

    def tare(self) -> Future[ScaleReply]:
        return self._scale_command("tare")

    def _scale_command(self, action: str) -> Future[ScaleReply]:
        if self.scale is None:
            from app.devices.scales.base import ReplyKind, ScaleReply

            future: Future[ScaleReply] = Future()
            future.set_result(ScaleReply(ReplyKind.REFUSED, action, message="no scale configured"))
            return future
        return self.scale.zero() if action == "zero" else self.scale.tare()

    def latest_weight(self) -> WeightReading | None:
        """The scale's newest reading (None when no scale is connected)."""
        return self.scale.latest if self.scale is not None else None

    def statuses(self) -> list[DeviceStatus]:
        return [device.status for device in self.devices]


def _fresh(backoff: Backoff | None) -> Backoff | None:
    """Each device backs off on its own: a missing scale must not slow down a returning scanner."""
    from app.devices.reconnect import Backoff

    return Backoff(backoff.first, backoff.factor, backoff.cap) if backoff is not None else None
