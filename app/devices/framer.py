"""Cutting a scanner's byte stream into scans, and keeping line noise from becoming one.

A serial scanner sends each barcode as a burst of bytes ended by a suffix (CR, LF, CRLF...), or
with no suffix at all, in which case a pause ends it. Between the scanner and the station there
can be a wrong baud rate, a loose cable, a USB hub that glitches. The rules below make sure that
whatever arrives, the station sees either a whole scan or nothing:

- A frame is handed on only when its suffix arrives (or, without a suffix, after `idle_ms` of
  silence). Reads may cut a frame anywhere: bytes wait in the buffer.
- A frame containing a control byte (anything below space except GS, the GS1 separator, plus
  DEL) is line noise: dropped, counted, and the line is considered noisy until it has been quiet
  for `quiet_ms`. An ISO/IEC 15434 message ("[)>" RS "06" GS ... RS EOT, on 2D codes of
  parts and parcels) is the exception: inside a frame that opens with "[)>" RS, RS and EOT
  are its structure, not noise. Frames completed while noisy are dropped too, so a burst of garbage cannot
  leave a short printable fragment behind that parses as a barcode.
- An unfinished frame that holds a control byte is dropped after `quiet_ms` of silence: noise
  without a suffix must not swallow the next real scan.
- A frame shorter than `min_length` (AIM identifier not counted) or longer than `max_length` is
  dropped. A partial frame whose suffix never comes is dropped after `partial_ms` of silence,
  so it cannot glue itself to the front of the next scan.
- Everything else is handed on as bytes, undecoded: parse_scan applies the rejection rules
  (invalid UTF-8, forbidden characters) and tells the packer why.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from app.devices.uri import Params

SUFFIXES: dict[str, tuple[bytes, ...]] = {
    "auto": (b"\r", b"\n"),  # CR, LF or CRLF: whatever the scanner sends
    "cr": (b"\r",),
    "lf": (b"\n",),
    "crlf": (b"\r\n",),
    "tab": (b"\t",),
    "etx": (b"\x03",),
    "none": (),  # frames end after idle_ms without a byte
}
STX = 0x02
_CONTROL = re.compile(rb"[\x00-\x1c\x1e\x1f\x7f]")  # GS (\x1d) is FNC1 in GS1 data and allowed
_ENVELOPE_NOISE = re.compile(rb"[\x00-\x03\x05-\x1c\x1f\x7f]")  # ISO/IEC 15434: GS, RS and EOT are data
_AIM = re.compile(rb"\][A-Za-z][0-9A-Za-z]")
ISO15434_HEADER = b"[)>\x1e"


def has_noise(frame: bytes | bytearray) -> bool:
    """True if `frame` holds a control byte that no barcode sends: line noise.

    The unfinished start of an ISO/IEC 15434 message counts as one, so its RS does not taint it.
    """
    if _CONTROL.search(frame) is None:
        return False
    body = frame[3:] if _AIM.match(frame) else frame
    if body.startswith(ISO15434_HEADER) or ISO15434_HEADER.startswith(bytes(body[:4])):
        return _ENVELOPE_NOISE.search(body) is not None
    return True


@dataclass(frozen=True)
class FramingSettings:
    suffix: str = "auto"
    prefix: str = "none"  # "stx": frames start with STX (0x02); bytes before it are noise
    aim: str = "off"  # "require": the scanner sends AIM ids; a frame without one is noise
    min_length: int = 3
    max_length: int = 2048
    idle_ms: int = 50  # suffix=none: the pause that ends a frame
    partial_ms: int = 500  # silence after which an unfinished frame is given up
    quiet_ms: int = 50  # silence that ends a noisy spell

    @classmethod
    def read(cls, params: Params) -> FramingSettings:
        d = cls()
        return cls(
            suffix=params.choice("suffix", d.suffix, tuple(SUFFIXES), {"cr+lf": "crlf", "enter": "cr", "idle": "none"}),
            prefix=params.choice("prefix", d.prefix, ("none", "stx")),
            aim=params.choice("aim", d.aim, ("off", "require"), {"on": "require", "1": "require", "0": "off",
                                                                  "true": "require", "false": "off"}),
            min_length=params.integer("min_length", d.min_length, 1, 64),
            max_length=params.integer("max_length", d.max_length, 16, 65536),
            idle_ms=params.integer("idle_ms", d.idle_ms, 5, 5000),
            partial_ms=params.integer("partial_ms", d.partial_ms, 20, 60000),
            quiet_ms=params.integer("quiet_ms", d.quiet_ms, 0, 5000),
        )


@dataclass
class FrameCounters:
    frames: int = 0  # handed on
    control: int = 0  # dropped: control bytes (line noise, wrong baud rate, parity errors)
    noisy: int = 0  # dropped: completed while the line was noisy
    short: int = 0  # dropped: shorter than min_length (idle-timeout fragments, glitches)
    long: int = 0  # dropped: longer than max_length
    incomplete: int = 0  # dropped: suffix never came
    no_aim: int = 0  # dropped: no AIM identifier although aim=require
    no_prefix: int = 0  # dropped or trimmed: bytes outside STX ... suffix
    bytes: int = 0

    def as_json(self) -> dict[str, int]:
        return {**asdict(self), "dropped": self.dropped}

    @property
    def dropped(self) -> int:
        return self.control + self.noisy + self.short + self.long + self.incomplete + self.no_aim + self.no_prefix


class ScanFramer:
    """Pure byte-stream framing: feed bytes with their arrival time, get complete frames back."""

    def __init__(self, settings: FramingSettings | None = None) -> None:
        self.settings = s = settings or FramingSettings()
        self.counters = FrameCounters()
        self._buffer = bytearray()
        self._last_byte = float("-inf")
        self._noisy = False
        self._skip_lf = False  # auto: a CR ended the last frame, an LF right after it is part of it
        self._discarding = False  # the current frame grew past max_length: drop up to its suffix
        self._tainted = False  # the unfinished frame already holds a control byte
        self._terminators = SUFFIXES[s.suffix]
        self._idle_s = s.idle_ms / 1000
        self._partial_s = s.partial_ms / 1000
        self._quiet_s = s.quiet_ms / 1000

    @property
    def pending(self) -> int:
        return len(self._buffer)

    def wait_time(self, now: float) -> float | None:
        """Seconds until poll() has something to do (flush, give up a partial, end noise), or None."""
        if self._buffer:
            limit = self._idle_s if not self._terminators else self._partial_s
            if self._tainted:
                limit = min(limit, self._quiet_s)
            return max(0.0, self._last_byte + limit - now)
        if self._noisy:
            return max(0.0, self._last_byte + self._quiet_s - now)
        return None

    def poll(self, now: float) -> list[bytes]:
        """Call when no bytes arrived: ends an idle frame, gives up partials, ends a noisy spell."""
        out: list[bytes] = []
        silent = now - self._last_byte
        if self._buffer and self._tainted and silent >= self._quiet_s:
            # Garbage that never got its suffix: a burst of noise, not the start of a scan.
            self._buffer.clear()
            self._tainted = False
            self.counters.control += 1
        if self._buffer:
            if not self._terminators and silent >= self._idle_s:
                frame = bytes(self._buffer)
                self._buffer.clear()
                self._accept(frame, out)
            elif self._terminators and silent >= self._partial_s:
                self._drop_partial()
        if self._noisy and silent >= self._quiet_s:
            self._end_noise()
        return out

    def feed(self, data: bytes, now: float) -> list[bytes]:
        out: list[bytes] = []
        if not data:
            return self.poll(now)
        self.counters.bytes += len(data)
        silent = now - self._last_byte
        if self._buffer and (silent >= (self._partial_s if self._terminators else self._idle_s)
                             or (self._tainted and silent >= self._quiet_s)):
            # The previous burst ended long ago: it cannot be the start of this one.
            out.extend(self.poll(now))
        if self._noisy and silent >= self._quiet_s:
            self._end_noise()
        self._last_byte = now
        if not self._terminators:
            self._buffer += data
            self._tainted = has_noise(self._buffer)
            self._limit_length()
            return out
        if self._skip_lf:
            self._skip_lf = False
            if data[:1] == b"\n":
                data = data[1:]
        buffer = self._buffer
        buffer += data
        start = 0
        while True:
            end, width = self._find_terminator(buffer, start)
            if end < 0:
                break
            frame = bytes(buffer[start:end])
            if self.settings.suffix == "auto" and buffer[end:end + 1] == b"\r":
                if end + 1 < len(buffer):
                    width = 2 if buffer[end + 1:end + 2] == b"\n" else 1
                else:
                    self._skip_lf = True
            start = end + width
            if self._discarding:
                self._discarding = False
                continue
            self._accept(frame, out)
        del buffer[:start]
        self._tainted = has_noise(buffer)
        self._limit_length()
        return out

    def _find_terminator(self, buffer: bytearray, start: int) -> tuple[int, int]:
        best, width = -1, 0
        for terminator in self._terminators:
            i = buffer.find(terminator, start)
            if i >= 0 and (best < 0 or i < best):
                best, width = i, len(terminator)
        return best, width

    def _limit_length(self) -> None:
        if len(self._buffer) > self.settings.max_length + 4:
            self._buffer.clear()
            self._tainted = False
            self.counters.long += 1
            # Keep dropping until the suffix of this monster frame (or the idle gap) ends it.
            self._discarding = bool(self._terminators)

    def _drop_partial(self) -> None:
        self._buffer.clear()
        self._tainted = False
        self.counters.incomplete += 1
        self._discarding = False

    def _end_noise(self) -> None:
        self._noisy = False
        if self._buffer:
            # A leftover of the noisy spell: never the beginning of a real scan.
            self._buffer.clear()
            self._tainted = False
            self.counters.noisy += 1

    def _accept(self, frame: bytes, out: list[bytes]) -> None:
        if not frame:
            return  # an empty line (e.g. a scanner sending CR LF with suffix=cr): nothing to report
        s, c = self.settings, self.counters
        if s.prefix == "stx":
            at = frame.rfind(STX)
            if at < 0:
                c.no_prefix += 1
                return
            if at > 0:
                c.no_prefix += 1
            frame = frame[at + 1:]
            if not frame:
                return
        if has_noise(frame):
            c.control += 1
            self._noisy = True
            return
        if self._noisy:
            c.noisy += 1
            return
        body = frame
        if _AIM.match(frame):
            body = frame[3:]
        elif s.aim == "require":
            c.no_aim += 1
            return
        if len(body) < s.min_length:
            c.short += 1
            return
        if len(frame) > s.max_length:
            c.long += 1
            return
        c.frames += 1
        out.append(frame)
