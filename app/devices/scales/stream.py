"""Scales that stream frames by themselves (continuous output mode), no request needed.

Most indicators (A&D, many OEM weighing terminals) can print a line several times a second:

    ST,GS,+0001.25kg      stable, gross
    US,NT,+0001.31kg      unstable, net
    OL,GS,+9999.99kg      overload
    ST,+00125.00  g       A&D style: no gross/net field
    +0001.25kg            no header at all: stability unknown

ST/US is the stable flag; frames without one are judged by the driver's settle rule. Tare
frames (TR) are ignored: the station wants the net weight. Frames end with CR, LF or both; a
leading STX is dropped. Zero and tare are sent as configured text (zero_cmd=Z, tare_cmd=T by
default, CR LF added) and are not acknowledged by the scale.
"""

from __future__ import annotations

import re

from app.devices.events import WeightStatus
from app.devices.link import LinkSettings
from app.devices.reasons import DeviceReason
from app.devices.scales.base import ReplyKind, ScaleProtocol, ScaleReply, split_frames, weight_reply

_OVERLOADED = DeviceReason("scale_overloaded")  # made once: an overloaded scale says it in every frame
_FRAME = re.compile(
    r"^(?:(?P<head>ST|US|OL|QT|WT)\s*,\s*)?"  # stable / unstable / overload / count / weight
    r"(?:(?P<kind>GS|NT|TR|G|N|T)\s*,\s*)?"  # gross / net / tare
    r"(?P<value>[-+]?\s*(?:\d+(?:\.\d*)?|\.\d+))?"
    r"\s*(?P<unit>[A-Za-z]{1,3})?\s*$",
    re.IGNORECASE,
)


class Stream(ScaleProtocol):
    name = "stream"
    poll = None
    link_defaults = LinkSettings(baudrate=9600, bytesize=8, parity="none", stopbits=1)
    has_stable_flag = True  # when a frame carries ST/US; frames without one fall back to the settle rule

    def __init__(self, default_unit: str = "", zero_cmd: str | None = "Z", tare_cmd: str | None = "T") -> None:
        self.default_unit = default_unit
        self.commands = {"zero": zero_cmd, "tare": tare_cmd}

    def split(self, buffer: bytearray) -> list[bytes]:
        return split_frames(buffer, b"\r\n")

    def command(self, action: str) -> bytes | None:
        text = self.commands.get(action)
        return text.encode("ascii") + b"\r\n" if text else None

    def acknowledges_silently(self, action: str) -> bool:
        return True

    def parse(self, frame: bytes) -> ScaleReply | None:
        return parse_frame(frame, self.default_unit)


def parse_frame(frame: bytes, default_unit: str = "") -> ScaleReply | None:
    text = frame.lstrip(b"\x02").decode("ascii", "replace").strip()
    if not text:
        return None
    match = _FRAME.match(text)
    if match is None:
        return ScaleReply(ReplyKind.UNKNOWN, raw=frame)
    head = (match.group("head") or "").upper()
    kind = (match.group("kind") or "").upper()
    if head == "OL":
        return ScaleReply(ReplyKind.WEIGHT, "OL", stable=False, status=WeightStatus.OVERLOAD,
                          message=_OVERLOADED, raw=frame)
    if head == "QT" or kind in ("TR", "T"):
        return None  # piece counts and tare values are not the parcel's weight
    value = match.group("value")
    if value is None:
        return ScaleReply(ReplyKind.UNKNOWN, raw=frame)
    unit = match.group("unit") or default_unit
    if not unit:
        return ScaleReply(ReplyKind.WEIGHT, head, stable=False, status=WeightStatus.ERROR, value=value,
                          message=DeviceReason("scale_no_unit"), raw=frame)
    stable = True if head == "ST" else False if head == "US" else None
    return weight_reply(value.replace(" ", ""), unit, stable=stable, command=head, raw=frame)
