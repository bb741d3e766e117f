"""The NCI / Avery Weigh-Tronix ASCII protocol (SCP-01), used by NCI, Brecknell and many bench scales.

Commands are one letter and CR. Responses start with LF and end with CR ETX:

    W<CR>  ->  <LF>  1.25kg<CR><LF>hh<CR><ETX>   weight as displayed, unit, then status bytes
    S<CR>  ->  <LF>hh<CR><ETX>                   status only
    Z<CR>  ->  <LF>hh<CR><ETX>                   zero, then status
    T<CR>  ->  <LF>hh<CR><ETX>                   tare (not on every model), then status
    other  ->  <LF>?<CR><ETX>                    unrecognised command

The weight field shows what the display shows: "^^^^^^" over capacity, "______" under
capacity, "------" zeroing error; grams may come as "_1250g_"; pounds and ounces as
"1lb 4.0oz". Status bytes (bit 7 is parity, masked off; bits 4-5 are always 1):

    byte 1: bit 0 motion, bit 1 at zero, bit 2 RAM error, bit 3 EEPROM error
    byte 2: bit 0 under capacity, bit 1 over capacity, bit 2 ROM error, bit 3 faulty calibration,
            bit 6 another status byte follows
    byte 3: bits 0-1 range, bit 2 net (else gross), bit 3 initial zero error

Stability comes from the motion bit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from app.devices.events import WeightStatus
from app.devices.link import LinkSettings
from app.devices.reasons import DeviceReason
from app.devices.scales.base import ReplyKind, ScaleProtocol, ScaleReply, split_frames, weight_reply
from app.devices.units import UnitError, to_grams

ETX = 0x03
_WEIGHT = re.compile(r"^\s*([-+]?\s*\d+(?:\.\d*)?|[-+]?\s*\.\d+)\s*(lb|kg|oz|g)\s*$", re.IGNORECASE)
_LB_OZ = re.compile(r"^\s*(-?)\s*(\d+)\s*lb\s+(\d+(?:\.\d*)?)\s*oz\s*$", re.IGNORECASE)
# The scale's answers as DeviceReasons (English for logs and the CLI, a code the scale panel words),
# made once: an overloaded scale answers every poll.
_UNKNOWN_COMMAND = DeviceReason("scale_unknown_command")
_IN_MOTION = DeviceReason("scale_in_motion")
_OVERLOADED = DeviceReason("scale_overloaded")
_BELOW_ZERO = DeviceReason("scale_below_zero")
_ZEROING_ERROR = DeviceReason("scale_zeroing_error")
_FAULT_WORDS = {"calibration": DeviceReason("fault_calibration"), "initial zero": DeviceReason("fault_initial_zero")}


@dataclass(frozen=True)
class NciStatus:
    motion: bool = False
    at_zero: bool = False
    ram_error: bool = False
    eeprom_error: bool = False
    under_capacity: bool = False
    over_capacity: bool = False
    rom_error: bool = False
    faulty_calibration: bool = False
    net: bool | None = None  # from the optional third byte
    initial_zero_error: bool = False

    @property
    def fault(self) -> str:
        faults = [name for flag, name in ((self.ram_error, "RAM"), (self.eeprom_error, "EEPROM"),
                                          (self.rom_error, "ROM"), (self.faulty_calibration, "calibration"),
                                          (self.initial_zero_error, "initial zero")) if flag]
        return ", ".join(faults)

    @property
    def fault_words(self) -> str:
        """`fault` with the words a screen translates (calibration, initial zero) coded."""
        words = [_FAULT_WORDS.get(name, name) for name in self.fault.split(", ")]
        text = words[0]
        for word in words[1:]:
            text = DeviceReason("one_then_another", first=text, then=word)
        return text


def parse_status(data: bytes) -> NciStatus | None:
    """Two or three NCI status bytes; None when they are not status bytes at all."""
    if len(data) < 2 or any((b & 0x30) != 0x30 for b in data[:2]):
        return None
    one, two = data[0] & 0x7F, data[1] & 0x7F
    three = data[2] & 0x7F if len(data) > 2 and two & 0x40 else None
    return NciStatus(
        motion=bool(one & 1), at_zero=bool(one & 2), ram_error=bool(one & 4), eeprom_error=bool(one & 8),
        under_capacity=bool(two & 1), over_capacity=bool(two & 2), rom_error=bool(two & 4),
        faulty_calibration=bool(two & 8),
        net=bool(three & 4) if three is not None else None,
        initial_zero_error=bool(three & 8) if three is not None else False,
    )


def status_bytes(status: NciStatus) -> bytes:
    """The two status bytes for `status` (the simulator sends them)."""
    one = 0x30 | status.motion | status.at_zero << 1 | status.ram_error << 2 | status.eeprom_error << 3
    two = 0x30 | status.under_capacity | status.over_capacity << 1 | status.rom_error << 2 | \
        status.faulty_calibration << 3
    return bytes((one, two))


class Nci(ScaleProtocol):
    name = "nci"
    poll = b"W\r"
    link_defaults = LinkSettings(baudrate=9600, bytesize=7, parity="even", stopbits=1)
    has_stable_flag = True

    def split(self, buffer: bytearray) -> list[bytes]:
        return split_frames(buffer, bytes((ETX,)))

    def command(self, action: str) -> bytes | None:
        return {"zero": b"Z\r", "tare": b"T\r", "status": b"S\r"}.get(action)

    def answers(self, action: str, reply: ScaleReply) -> bool:
        # Z, T and S answer with status only; a weight frame belongs to a poll sent before.
        return reply.kind is not ReplyKind.WEIGHT

    def parse(self, frame: bytes) -> ScaleReply | None:
        return parse_reply(frame)


def parse_reply(frame: bytes) -> ScaleReply | None:
    clean = bytes(b & 0x7F for b in frame)
    parts = [p.strip(b"\n") for p in clean.split(b"\r")]
    parts = [p for p in parts if p.strip()]
    if not parts:
        return None
    if parts == [b"?"]:
        return ScaleReply(ReplyKind.ERROR, "?", status=WeightStatus.ERROR,
                          message=_UNKNOWN_COMMAND, raw=frame)
    status = parse_status(parts[-1].strip())
    if status is None:
        return ScaleReply(ReplyKind.UNKNOWN, raw=frame)
    if status.fault:
        return ScaleReply(ReplyKind.WEIGHT if len(parts) > 1 else ReplyKind.ERROR, "W", stable=False,
                          status=WeightStatus.ERROR,
                          message=DeviceReason("scale_fault", fault=status.fault_words), raw=frame)
    if len(parts) == 1:
        return ScaleReply(ReplyKind.ACK, "S", stable=not status.motion, raw=frame,
                          message=_IN_MOTION if status.motion else "")
    return _weight(parts[0].decode("ascii", "replace"), status, frame)


def _weight(field: str, status: NciStatus, frame: bytes) -> ScaleReply:
    shown = field.replace(" ", "")
    if status.over_capacity or (shown and set(shown) == {"^"}):
        return ScaleReply(ReplyKind.WEIGHT, "W", stable=False, status=WeightStatus.OVERLOAD,
                          message=_OVERLOADED, raw=frame)
    if status.under_capacity or (shown and set(shown) == {"_"}):
        return ScaleReply(ReplyKind.WEIGHT, "W", stable=False, status=WeightStatus.UNDERLOAD,
                          message=_BELOW_ZERO, raw=frame)
    if shown and set(shown) == {"-"}:
        return ScaleReply(ReplyKind.WEIGHT, "W", stable=False, status=WeightStatus.ERROR,
                          message=_ZEROING_ERROR, raw=frame)
    stable = not status.motion
    text = field.strip("_ ")  # grams may be framed by underscores: "_1250g_"
    match = _WEIGHT.match(text)
    if match:
        return weight_reply(match.group(1).replace(" ", ""), match.group(2), stable=stable, command="W", raw=frame)
    match = _LB_OZ.match(text)
    if match:
        sign, pounds, ounces = match.groups()
        try:
            grams = to_grams(Decimal(pounds) + Decimal(ounces) / 16, "lb")
        except UnitError as exc:
            return ScaleReply(ReplyKind.WEIGHT, "W", stable=False, status=WeightStatus.ERROR, value=text,
                              message=DeviceReason("scale_unreadable", problem=exc.args[0]), raw=frame)
        return ScaleReply(ReplyKind.WEIGHT, "W", grams=-grams if sign else grams, stable=stable, unit="lb",
                          value=text, raw=frame)
    return ScaleReply(ReplyKind.WEIGHT, "W", stable=False, status=WeightStatus.ERROR, value=field,
                      message=DeviceReason("scale_unreadable_field", field=field), raw=frame)
