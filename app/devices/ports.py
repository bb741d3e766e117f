"""Serial ports on this machine, and finding a USB device again after its port was renumbered.

/dev/ttyACM0 today can be /dev/ttyACM1 after a reboot or a replug into another socket. A
usb://VID:PID[/SERIAL] URI names the device instead of the port; it is looked up here on every
(re)connect.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from serial.tools import list_ports

from app.devices.errors import OpenFailed
from app.devices.reasons import DeviceReason


@dataclass(frozen=True)
class PortInfo:
    device: str
    vid: int | None
    pid: int | None
    serial_number: str | None
    manufacturer: str | None
    product: str | None
    description: str
    location: str | None

    @property
    def usb_uri(self) -> str | None:
        """The usb:// URI that finds this device again, or None for a port that is not USB."""
        if self.vid is None or self.pid is None:
            return None
        suffix = f"/{self.serial_number}" if self.serial_number else ""
        return f"usb://{self.vid:04x}:{self.pid:04x}{suffix}"

    def as_json(self) -> dict[str, object]:
        data = asdict(self)
        data["vid"] = f"{self.vid:04x}" if self.vid is not None else None
        data["pid"] = f"{self.pid:04x}" if self.pid is not None else None
        data["usb_uri"] = self.usb_uri
        return data


def list_serial_ports() -> list[PortInfo]:
    ports = []
    for p in list_ports.comports():
        ports.append(PortInfo(device=p.device, vid=p.vid, pid=p.pid, serial_number=p.serial_number or None,
                              manufacturer=p.manufacturer, product=p.product, description=p.description or "",
                              location=p.location))
    return sorted(ports, key=lambda p: p.device)


def find_usb(vid: int, pid: int, serial_number: str | None = None) -> list[PortInfo]:
    return [p for p in list_serial_ports()
            if p.vid == vid and p.pid == pid and (serial_number is None or p.serial_number == serial_number)]


def resolve_usb(vid: int, pid: int, serial_number: str | None = None) -> str:
    """The port path of the one USB device matching; OpenFailed if none or several match."""
    name = f"usb://{vid:04x}:{pid:04x}" + (f"/{serial_number}" if serial_number else "")
    matches = find_usb(vid, pid, serial_number)
    if not matches:
        return _fail(DeviceReason("no_usb_device", name=name))
    if len(matches) > 1:
        serials = ", ".join(p.serial_number or "(none)" for p in matches)
        return _fail(DeviceReason("several_usb_devices", name=name, count=len(matches), serials=serials))
    return matches[0].device


def _fail(message: str) -> str:
    raise OpenFailed(message)
