"""What devices report: weight readings and connection status. Plain values, safe to pass between threads."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from enum import StrEnum


class WeightStatus(StrEnum):
    OK = "ok"  # a weight the station may use (when stable)
    OVERLOAD = "overload"  # more than the scale can weigh: take something off
    UNDERLOAD = "underload"  # below the scale's range (platform lifted, negative after tare)
    ERROR = "error"  # the scale answered, but not with a weight (busy, zero error, unknown unit)


@dataclass(frozen=True, slots=True)
class WeightReading:
    """One reading of a scale, already in whole grams.

    `grams` is the net weight (after the scale's own tare). It is 0 unless `status` is OK.
    The station uses a reading only when `usable`: OK and stable.
    """

    grams: int
    stable: bool
    source: str = "scale"  # the device's name
    status: WeightStatus = WeightStatus.OK
    message: str = ""  # for a status other than OK: one short sentence for the packer
    unit: str = "g"  # the unit the scale sent
    value: str = ""  # the number as the scale sent it, e.g. "1.25"
    raw: str = ""  # the frame as received, control characters escaped (logs, diagnostics)
    at: float = field(default_factory=time.monotonic)  # time.monotonic() when the frame was complete

    @property
    def usable(self) -> bool:
        return self.status is WeightStatus.OK and self.stable

    def as_json(self) -> dict[str, object]:
        return {"grams": self.grams, "stable": self.stable, "status": self.status.value, "source": self.source,
                "unit": self.unit, "value": self.value, "message": self.message, "raw": self.raw}


class DeviceState(StrEnum):
    CONNECTED = "connected"
    DISCONNECTED = "disconnected"  # it was there (or configured) and is not now
    RECONNECTING = "reconnecting"  # trying to open it again
    STOPPED = "stopped"  # stopped on purpose (station closing)
    ABSENT = "absent"  # optional device that is not configured or not found (e.g. "no camera")


@dataclass(frozen=True, slots=True)
class DeviceStatus:
    name: str  # "scale", "hand", "presentation", "camera"
    kind: str  # "scanner", "scale", "camera"
    state: DeviceState
    message: str = ""  # one sentence an IT admin or packer can act on
    port: str = ""  # the port or URI it is on, for the status bar tooltip
    attempt: int = 0  # reconnect attempt number (RECONNECTING)
    retry_in: float = 0.0  # seconds until the next attempt (DISCONNECTED / RECONNECTING)
    at: float = field(default_factory=time.monotonic)

    @property
    def connected(self) -> bool:
        return self.state is DeviceState.CONNECTED

    def as_json(self) -> dict[str, object]:
        return {"name": self.name, "kind": self.kind, "state": self.state.value, "message": self.message,
                "port": self.port, "attempt": self.attempt, "retry_in": round(self.retry_in, 2)}


def escape_bytes(data: bytes, limit: int = 120) -> str:
    """`data` as printable text for logs and diagnostics: control and non-ASCII bytes as \\xNN."""
    out = []
    for byte in data[:limit]:
        if byte == 0x0D:
            out.append("\\r")
        elif byte == 0x0A:
            out.append("\\n")
        elif 0x20 <= byte < 0x7F and byte != 0x5C:
            out.append(chr(byte))
        else:
            out.append(f"\\x{byte:02x}")
    return "".join(out) + ("…" if len(data) > limit else "")
