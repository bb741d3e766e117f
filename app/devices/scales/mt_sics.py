"""Mettler Toledo MT-SICS (Standard Interface Command Set), level 0/1 commands.

Commands end with CR LF; so do responses. The ones the station uses:

    SI  -> S S <value> <unit>   stable weight            (immediately, whatever the stability)
           S D <value> <unit>   dynamic (still moving)
           S I                  not executable now (taring, zeroing, timeout)
           S +                  overload  (above the weighing range)
           S -                  underload (below the weighing range)
    S   -> as SI, but the scale waits for stability first (used by nothing time-critical)
    Z   -> Z A                  zeroed
           Z I                  not executable (moving, busy)
           Z + / Z -            upper / lower limit of the zero range exceeded
    T   -> T S <value> <unit>   tared, the tare weight
           T I / T + / T -      not executable / upper / lower limit of the taring range
    any -> ES syntax error (unknown command), ET transmission error (parity, too long),
           EL logical error (not executable with these parameters)

The driver polls with SI so that moving weights are shown live and the stable flag comes from
the balance itself. A value may carry its sign apart ("S S   -  0.12 g"): it is joined.
"""

from __future__ import annotations

from app.devices.events import WeightStatus
from app.devices.link import LinkSettings
from app.devices.reasons import DeviceReason
from app.devices.scales.base import ReplyKind, ScaleProtocol, ScaleReply, split_frames, weight_reply

# The scale's answers as DeviceReasons (English for logs and the CLI, a code the scale panel words),
# made once: an overloaded scale answers every poll.
GENERAL_ERRORS = {
    "ES": DeviceReason("sics_syntax_error"),
    "ET": DeviceReason("sics_transmission_error"),
    "EL": DeviceReason("sics_logical_error"),
}
_ZERO_REFUSED = {"I": DeviceReason("zero_not_now"), "+": DeviceReason("zero_too_heavy"),
                 "-": DeviceReason("zero_below_range")}
_TARE_REFUSED = {"I": DeviceReason("tare_not_now"), "+": DeviceReason("tare_too_heavy"),
                 "-": DeviceReason("tare_negative")}
_ZEROED = DeviceReason("scale_zeroed")
_OVERLOADED = DeviceReason("scale_overloaded")
_BELOW_ZERO = DeviceReason("scale_below_zero")
_BUSY = DeviceReason("scale_busy")


class MtSics(ScaleProtocol):
    name = "mt-sics"
    poll = b"SI\r\n"
    link_defaults = LinkSettings(baudrate=9600, bytesize=8, parity="none", stopbits=1)
    has_stable_flag = True

    def split(self, buffer: bytearray) -> list[bytes]:
        return split_frames(buffer, b"\r\n")

    def command(self, action: str) -> bytes | None:
        return {"zero": b"Z\r\n", "tare": b"T\r\n", "weigh": b"S\r\n"}.get(action)

    def answers(self, action: str, reply: ScaleReply) -> bool:
        expected = {"zero": "Z", "tare": "T", "weigh": "S"}.get(action, "")
        return reply.command == expected or (reply.kind is ReplyKind.ERROR and reply.command in GENERAL_ERRORS)

    def parse(self, frame: bytes) -> ScaleReply | None:
        return parse_reply(frame)


def parse_reply(frame: bytes) -> ScaleReply | None:
    text = frame.decode("ascii", "replace").strip()
    if not text:
        return None
    tokens = text.split()
    head = tokens[0]
    if head in GENERAL_ERRORS and len(tokens) == 1:
        return ScaleReply(ReplyKind.ERROR, head, status=WeightStatus.ERROR, message=GENERAL_ERRORS[head], raw=frame)
    status = tokens[1] if len(tokens) > 1 else ""
    if head == "S":
        return _weight(tokens, status, frame)
    if head == "Z":
        if status == "A":
            return ScaleReply(ReplyKind.ACK, "Z", message=_ZEROED, raw=frame)
        if status in _ZERO_REFUSED:
            return ScaleReply(ReplyKind.REFUSED, "Z", message=_ZERO_REFUSED[status], raw=frame)
    if head == "T":
        if status == "S" and len(tokens) >= 4:
            tare = weight_reply(_join_sign(tokens[2:-1]), tokens[-1], stable=True, command="T", raw=frame)
            return ScaleReply(ReplyKind.ACK, "T", grams=tare.grams, unit=tare.unit, value=tare.value,
                              message=DeviceReason("scale_tared", value=tare.value, unit=tare.unit), raw=frame)
        if status in _TARE_REFUSED:
            return ScaleReply(ReplyKind.REFUSED, "T", message=_TARE_REFUSED[status], raw=frame)
    return ScaleReply(ReplyKind.UNKNOWN, head, raw=frame)


def _weight(tokens: list[str], status: str, frame: bytes) -> ScaleReply:
    if status in ("S", "D") and len(tokens) >= 4:
        return weight_reply(_join_sign(tokens[2:-1]), tokens[-1], stable=status == "S", command="S", raw=frame)
    if status == "+":
        return ScaleReply(ReplyKind.WEIGHT, "S", stable=False, status=WeightStatus.OVERLOAD,
                          message=_OVERLOADED, raw=frame)
    if status == "-":
        return ScaleReply(ReplyKind.WEIGHT, "S", stable=False, status=WeightStatus.UNDERLOAD,
                          message=_BELOW_ZERO, raw=frame)
    if status == "I":
        return ScaleReply(ReplyKind.WEIGHT, "S", stable=False, status=WeightStatus.ERROR,
                          message=_BUSY, raw=frame)
    return ScaleReply(ReplyKind.UNKNOWN, "S", raw=frame)


def _join_sign(parts: list[str]) -> str:
    return "".join(parts)
