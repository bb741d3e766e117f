"""From a URI to a running driver: the one place that knows which class serves which URI.

Like brother_ql's backends, the class is picked from the device string and everything optional
is imported only when a URI needs it: a station with a serial scale never imports the
simulators, one with sim:// never touches pyserial's port enumeration.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.devices.handler import DeviceHandler
from app.devices.link import LinkSettings, serial_opener
from app.devices.reasons import DeviceReason
from app.devices.reconnect import Backoff
from app.devices.uri import DeviceURI, DeviceURIError, parse_uri

if TYPE_CHECKING:
    from app.devices.scales.base import ScaleDriver
    from app.devices.serial_scanner import SerialScanner


def open_scanner(uri: str, handler: DeviceHandler, *, default_name: str = "scanner",
                 backoff: Backoff | None = None) -> SerialScanner:
    """A scanner driver for `uri` (not started). Raises DeviceURIError for a bad URI."""
    from app.devices.serial_scanner import ScannerSettings, SerialScanner

    parsed = parse_uri(uri)
    params = parsed.reader()
    settings = ScannerSettings.read(params, default_name)
    simulator = None
    if parsed.scheme == "sim":
        if parsed.target != "scanner":
            raise DeviceURIError(DeviceReason("scanner_not_sim", text=uri, target=parsed.target))
        from app.devices.sim import SimScanner

        suffix = settings.framing.suffix if settings.framing.suffix != "auto" else "cr"
        simulator = SimScanner(suffix=suffix, aim=params.text("symbology", ""), port=parsed.text)
        opener = simulator.open_link
    else:
        opener = _serial_opener(parsed, settings.link)
    params.finish()
    driver = SerialScanner(settings, parsed.text, opener, handler, backoff)
    driver.simulator = simulator
    return driver


def open_scale(uri: str, handler: DeviceHandler, *, default_name: str = "scale",
               backoff: Backoff | None = None) -> ScaleDriver:
    """A scale driver for `uri` (not started). Raises DeviceURIError for a bad URI."""
    from app.devices.scales import ALIASES, NAMES, make_protocol, protocol_class
    from app.devices.scales.base import ScaleDriver, ScaleSettings

    parsed = parse_uri(uri)
    params = parsed.reader()
    name = params.choice("protocol", "mt-sics", NAMES, ALIASES)
    settings = ScaleSettings.read(params, name, protocol_class(name).link_defaults, default_name)
    simulator = None
    if parsed.scheme == "sim":
        if parsed.target != "scale":
            raise DeviceURIError(DeviceReason("scale_not_sim", text=uri, target=parsed.target))
        from app.devices.sim import SimScale

        simulator = SimScale(name, unit=settings.unit or ("kg" if name == "stream" else "g"),
                             weight_g=params.integer("weight", 0, -100_000, 10_000_000),
                             settle_ms=params.integer("swing_ms", 600, 0, 60_000),
                             capacity_g=params.integer("capacity_g", 30_000, 100, 10_000_000),
                             interval_ms=params.integer("interval_ms", 100, 10, 10_000), port=parsed.text)
        opener = simulator.open_link
    else:
        opener = _serial_opener(parsed, settings.link)
    params.finish()
    driver = ScaleDriver(settings, make_protocol(settings), parsed.text, opener, handler, backoff)
    driver.simulator = simulator
    return driver


def check_scanner_uri(uri: str) -> None:
    """Raises DeviceURIError naming the problem; for validating configuration at load time."""
    open_scanner(uri, _NoHandler())


def check_scale_uri(uri: str) -> None:
    open_scale(uri, _NoHandler())


def _serial_opener(parsed: DeviceURI, link: LinkSettings):  # noqa: ANN202 - a LinkOpener
    if parsed.scheme == "usb":
        assert parsed.vid is not None and parsed.pid is not None
        return serial_opener(parsed.text, None, link, usb=(parsed.vid, parsed.pid, parsed.serial_number))
    return serial_opener(parsed.text, parsed.target, link)


class _NoHandler:
    def scan(self, raw: bytes, source: str) -> None:
        pass

    def weight(self, reading: object) -> None:
        pass

    def status(self, status: object) -> None:
        pass

