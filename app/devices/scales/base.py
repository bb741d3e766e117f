"""What every scale protocol provides, and the driver that runs any of them on a port.

A protocol (mt_sics.py, nci.py, stream.py) is pure: it cuts frames out of a byte buffer, parses
one frame into a ScaleReply and says which bytes ask for a reading, a zero or a tare. The driver
does the rest once: polling, timeouts, the stable rule, unit conversion, zero/tare requests from
the screen, and noticing that the scale went away.
"""

from __future__ import annotations

import logging
import queue
import time
from abc import ABC, abstractmethod
from concurrent.futures import Future
from dataclasses import dataclass, field
from enum import StrEnum

from app.devices.events import WeightReading, WeightStatus, escape_bytes
from app.devices.handler import DeviceHandler
from app.devices.link import DeviceGone, Link, LinkSettings
from app.devices.reasons import DeviceReason
from app.devices.reconnect import ALIVE_CHECK_S, Backoff, DeviceRunner, LinkOpener, deliver
from app.devices.settle import SettleDetector, SettleRule
from app.devices.units import UnitError, normalise_unit, to_grams
from app.devices.uri import Params

log = logging.getLogger(__name__)

MAX_FRAME = 256  # no scale frame is longer; a buffer past this is noise and is dropped
SENT = DeviceReason("scale_sent")
# A request's name as words a screen translates (the English is the name itself).
_ACTIONS = {"zero": DeviceReason("action_zero"), "tare": DeviceReason("action_tare"),
            "weigh": DeviceReason("action_weigh")}


def action_word(action: str) -> str:
    """A request's name ("zero", "tare") in words a screen translates; another as it is."""
    return _ACTIONS.get(action, action)


class ReplyKind(StrEnum):
    WEIGHT = "weight"  # a reading (possibly overload, underload)
    ACK = "ack"  # a command was carried out
    REFUSED = "refused"  # a command was understood and not carried out (moving, out of range)
    ERROR = "error"  # the scale did not understand, or reports a fault
    UNKNOWN = "unknown"  # not a frame of this protocol (noise, another device on the port)


@dataclass(frozen=True)
class ScaleReply:
    kind: ReplyKind
    command: str = ""  # which request this answers, when the protocol says ("S", "Z", "T")
    grams: int = 0
    stable: bool | None = None  # None: the frame says nothing about stability
    status: WeightStatus = WeightStatus.OK
    unit: str = ""
    value: str = ""
    message: str = ""
    raw: bytes = b""

    @property
    def ok(self) -> bool:
        return self.kind in (ReplyKind.ACK, ReplyKind.WEIGHT) and self.status is WeightStatus.OK

    def as_json(self) -> dict[str, object]:
        return {"kind": self.kind.value, "command": self.command, "ok": self.ok, "grams": self.grams,
                "status": self.status.value, "message": self.message, "raw": escape_bytes(self.raw)}


def weight_reply(value: str, unit: str, *, stable: bool | None, command: str = "", raw: bytes = b"") -> ScaleReply:
    """A WEIGHT reply from a number and a unit as the scale sent them; an unknown unit is an ERROR."""
    try:
        grams = to_grams(value, unit)
        unit = normalise_unit(unit)
    except UnitError as exc:
        return ScaleReply(ReplyKind.WEIGHT, command, status=WeightStatus.ERROR, unit=unit, value=value,
                          message=DeviceReason("scale_bad_unit", value=value, unit=unit, problem=exc.args[0]),
                          raw=raw)
    return ScaleReply(ReplyKind.WEIGHT, command, grams=grams, stable=stable, unit=unit, value=value, raw=raw)


def split_frames(buffer: bytearray, terminators: bytes) -> list[bytes]:
    """Cut complete frames (any byte of `terminators` ends one) off the front of `buffer`."""
    frames = []
    start = 0
    for i, byte in enumerate(buffer):
        if byte in terminators:
            if i > start:
                frames.append(bytes(buffer[start:i]))
            start = i + 1
    del buffer[:start]
    if len(buffer) > MAX_FRAME:
        buffer.clear()
    return frames


class ScaleProtocol(ABC):
    name: str = ""
    poll: bytes | None = None  # asks for one reading; None: the scale streams by itself
    link_defaults = LinkSettings()
    has_stable_flag = True  # False: the driver's settle rule decides

    @abstractmethod
    def split(self, buffer: bytearray) -> list[bytes]:
        """Complete frames cut off `buffer` (the rest stays for the next read)."""

    @abstractmethod
    def parse(self, frame: bytes) -> ScaleReply | None:
        """One frame as a reply; None for a frame to ignore (blank line, a tare-only frame)."""

    @abstractmethod
    def command(self, action: str) -> bytes | None:
        """Bytes that ask for `action` ("zero", "tare"); None when the scale cannot do it."""

    def answers(self, action: str, reply: ScaleReply) -> bool:
        """Whether `reply` is the scale's answer to an outstanding `action` (or to a poll)."""
        return True

    def acknowledges_silently(self, action: str) -> bool:
        """True when the scale never answers `action` (streaming scales): it counts as done once sent."""
        return False


@dataclass(frozen=True)
class ScaleSettings:
    name: str = "scale"
    protocol: str = "mt-sics"
    link: LinkSettings = field(default_factory=LinkSettings)
    poll_ms: int = 100  # how often a polled scale is asked for a reading
    reply_ms: int = 500  # a poll not answered in this time is a miss
    misses: int = 3  # consecutive misses (or silence of a streaming scale for misses*reply_ms) = gone
    command_ms: int = 5000  # zero/tare may wait for the scale to settle first
    stable: str = "auto"  # flag | settle | both | auto (flag when the protocol has one, else settle)
    settle: SettleRule = field(default_factory=SettleRule)
    unit: str = ""  # unit for streaming frames that carry none
    zero_cmd: str | None = None  # streaming scales: text sending zero/tare (CRLF added); "" = none
    tare_cmd: str | None = None

    @classmethod
    def read(cls, params: Params, protocol: str, link_defaults: LinkSettings, default_name: str = "scale"
             ) -> ScaleSettings:
        d = cls()
        unit = params.text("unit", "")
        if unit:
            try:
                unit = normalise_unit(unit)
            except UnitError as exc:
                raise params._fail("unit", "unit_problem", problem=exc.args[0]) from None
        return cls(
            name=params.text("name", default_name) or default_name,
            protocol=protocol,
            link=LinkSettings.read(params, link_defaults),
            poll_ms=params.integer("poll_ms", d.poll_ms, 20, 10000),
            reply_ms=params.integer("reply_ms", d.reply_ms, 50, 10000),
            misses=params.integer("misses", d.misses, 1, 100),
            command_ms=params.integer("command_ms", d.command_ms, 100, 60000),
            stable=params.choice("stable", d.stable, ("auto", "flag", "settle", "both")),
            settle=SettleRule(count=params.integer("settle_n", d.settle.count, 2, 100),
                              tolerance_g=params.integer("settle_g", d.settle.tolerance_g, 0, 10000),
                              window_ms=params.integer("settle_ms", d.settle.window_ms, 0, 60000)),
            unit=unit,
            zero_cmd=params.text("zero_cmd", "Z") if protocol == "stream" else None,
            tare_cmd=params.text("tare_cmd", "T") if protocol == "stream" else None,
        )


@dataclass
class _Request:
    action: str  # "poll", "zero", "tare"
    deadline: float
    future: Future[ScaleReply] | None = None


class ScaleDriver(DeviceRunner):
    """Runs a ScaleProtocol on a link; reports readings through handler.weight.

    handler.weight is called when the reading changes (grams, stable or status), not for every
    poll: a stable weight is reported once, when the scale settles. `latest` always holds the
    newest reading, so a station entering its weighing step can use a parcel already lying still
    on the scale.
    """

    kind = "scale"

    def __init__(self, settings: ScaleSettings, protocol: ScaleProtocol, port: str, opener: LinkOpener,
                 handler: DeviceHandler, backoff: Backoff | None = None) -> None:
        super().__init__(settings.name, port, opener, handler, backoff)
        self.settings = settings
        self.protocol = protocol
        self._commands: queue.Queue[_Request] = queue.Queue()
        self._latest: WeightReading | None = None
        self._last_key: tuple[int, bool, WeightStatus] | None = None
        self._mode = settings.stable if settings.stable != "auto" else ("flag" if protocol.has_stable_flag
                                                                        else "settle")
        self._detector = SettleDetector(settings.settle)

    # ------------------------------------------------------------------ any thread

    @property
    def latest(self) -> WeightReading | None:
        return self._latest

    def zero(self) -> Future[ScaleReply]:
        return self._request("zero")

    def tare(self) -> Future[ScaleReply]:
        return self._request("tare")

    def _request(self, action: str) -> Future[ScaleReply]:
        future: Future[ScaleReply] = Future()
        if not self.connected:
            future.set_result(ScaleReply(ReplyKind.REFUSED, action,
                                         message=DeviceReason("scale_not_connected", name=self.name)))
            return future
        if self.protocol.command(action) is None:
            future.set_result(ScaleReply(ReplyKind.REFUSED, action,
                                         message=DeviceReason("scale_no_command", protocol=self.protocol.name,
                                                              action=action_word(action))))
            return future
        self._commands.put(_Request(action, 0.0, future))
        link = self._link
        if link is not None:
            link.interrupt()  # the device thread may be waiting for the next poll
        return future

    # ------------------------------------------------------------------ device thread

    def session(self, link: Link) -> None:
        protocol, s = self.protocol, self.settings
        poll_s, reply_s, command_s = s.poll_ms / 1000, s.reply_ms / 1000, s.command_ms / 1000
        silence_s = s.misses * reply_s  # a streaming scale that says nothing for this long is gone
        buffer = bytearray()
        outstanding: _Request | None = None
        misses = 0
        now = time.monotonic()
        next_poll = now
        last_frame = now
        next_alive = now + ALIVE_CHECK_S
        self._detector.reset()
        try:
            while not self.stopping.is_set():
                now = time.monotonic()
                if outstanding is None and not self._commands.empty():
                    outstanding = self._send_command(link, self._commands.get_nowait(), now + command_s)
                if outstanding is None and protocol.poll is not None and now >= next_poll:
                    link.write(protocol.poll)
                    outstanding = _Request("poll", now + reply_s)
                deadlines = [next_alive]
                if outstanding is not None:
                    deadlines.append(outstanding.deadline)
                elif protocol.poll is not None:
                    deadlines.append(next_poll)
                else:
                    deadlines.append(last_frame + silence_s)
                data = link.read(max(0.0, min(deadlines) - now))
                now = time.monotonic()
                if data:
                    buffer += data
                    for frame in protocol.split(buffer):
                        last_frame = now
                        outstanding, answered = self._handle_frame(frame, outstanding, now)
                        if answered:
                            misses = 0
                            next_poll = now + poll_s
                if outstanding is not None and now >= outstanding.deadline:
                    if outstanding.future is not None:
                        outstanding.future.set_result(ScaleReply(
                            ReplyKind.ERROR, outstanding.action,
                            message=DeviceReason("scale_no_answer", action=action_word(outstanding.action))))
                    else:
                        misses += 1
                        if misses >= s.misses:
                            raise DeviceGone(DeviceReason("scale_stopped_answering", port=link.port))
                    outstanding = None
                    next_poll = now
                if protocol.poll is None and now - last_frame >= silence_s:
                    raise DeviceGone(DeviceReason("scale_silent", port=link.port, seconds=f"{silence_s:.1f}"))
                if now >= next_alive:
                    if not link.alive():
                        raise DeviceGone(DeviceReason("vanished", port=link.port))
                    next_alive = now + ALIVE_CHECK_S
        finally:
            self._latest = None
            self._last_key = None
            self._fail_commands(outstanding)

    def _send_command(self, link: Link, request: _Request, deadline: float) -> _Request | None:
        data = self.protocol.command(request.action)
        assert data is not None and request.future is not None
        link.write(data)
        if self.protocol.acknowledges_silently(request.action):
            request.future.set_result(ScaleReply(ReplyKind.ACK, request.action, message=SENT))
            self._detector.reset()
            return None
        request.deadline = deadline
        return request

    def _handle_frame(self, frame: bytes, outstanding: _Request | None, now: float) -> tuple[_Request | None, bool]:
        """Returns the request still outstanding and whether this frame answered a request."""
        reply = self.protocol.parse(frame)
        if reply is None:
            return outstanding, False
        if reply.kind is ReplyKind.UNKNOWN:
            log.debug("%s: ignored frame %s", self.name, escape_bytes(frame))
            return outstanding, False
        if reply.kind is ReplyKind.WEIGHT:
            self._reading(reply, now)
        if outstanding is None:
            return None, reply.kind is ReplyKind.WEIGHT
        if outstanding.future is None:
            # A poll: any reply of the protocol answers it (a weight, S I, an error).
            return None, True
        if self.protocol.answers(outstanding.action, reply):
            outstanding.future.set_result(reply)
            self._detector.reset()  # the load changed meaning: settle again from scratch
            return None, True
        return outstanding, False

    def _reading(self, reply: ScaleReply, now: float) -> None:
        ok = reply.status is WeightStatus.OK
        if not ok:
            self._detector.reset()
            stable = False
        else:
            settled = self._detector.feed(reply.grams, now)
            flag = reply.stable
            if self._mode == "settle" or flag is None:
                stable = settled
            elif self._mode == "both":
                stable = flag and settled
            else:
                stable = flag
        reading = WeightReading(grams=reply.grams if ok else 0, stable=stable, source=self.name, status=reply.status,
                                message=reply.message, unit=reply.unit, value=reply.value,
                                raw=escape_bytes(reply.raw), at=now)
        self._latest = reading
        key = (reading.grams, reading.stable, reading.status)
        if key != self._last_key:
            self._last_key = key
            deliver(self.handler.weight, reading)

    def _fail_commands(self, outstanding: _Request | None) -> None:
        pending = [outstanding] if outstanding is not None and outstanding.future is not None else []
        while not self._commands.empty():
            pending.append(self._commands.get_nowait())
        for request in pending:
            if request.future is not None and not request.future.done():
                request.future.set_result(ScaleReply(ReplyKind.REFUSED, request.action,
                                                     message=DeviceReason("scale_gone_before_answer", name=self.name)))
