"""Continuous-output scales: frames parsed, the settle rule for frames without a stable flag, silence."""

from __future__ import annotations

import threading
import time

import pytest

from app.devices.events import WeightStatus
from app.devices.factory import open_scale
from app.devices.scales.base import ReplyKind
from app.devices.scales.stream import parse_frame

from .conftest import wait_connected


@pytest.mark.parametrize(("frame", "grams", "stable", "status"), [
    (b"ST,GS,+0001.25kg", 1250, True, WeightStatus.OK),
    (b"US,GS,+0001.31kg", 1310, False, WeightStatus.OK),
    (b"ST,NT,-0000.05kg", -50, True, WeightStatus.OK),
    (b"ST,+00125.00  g", 125, True, WeightStatus.OK),  # A&D: no gross/net field
    (b"\x02ST,GS,+002.756lb", 1250, True, WeightStatus.OK),  # a leading STX
    (b"+0001.25kg", 1250, None, WeightStatus.OK),  # no header: stability unknown
    (b"OL,GS,+9999999kg", 0, False, WeightStatus.OVERLOAD),
    (b"ST,GS,+0001.25", 0, False, WeightStatus.ERROR),  # no unit and none configured
])
def test_frames(frame, grams, stable, status):
    """GIVEN a streamed frame  WHEN parsed  THEN grams, stability and status are exact."""
    reply = parse_frame(frame)
    assert (reply.kind, reply.grams, reply.stable, reply.status) == (ReplyKind.WEIGHT, grams, stable, status)


def test_tare_and_count_frames_are_ignored_and_a_default_unit_applies():
    """GIVEN tare (TR) and piece-count (QT) frames, and a unit-less frame with unit=kg configured
    WHEN parsed  THEN the first two are not weights, the third is read in kilograms."""
    assert parse_frame(b"ST,TR,+0000.35kg") is None and parse_frame(b"QT,+00000012PC") is None
    assert parse_frame(b"ST,GS,+1.250", default_unit="kg").grams == 1250
    assert parse_frame(b"garbage!").kind is ReplyKind.UNKNOWN


class Streamer:
    """Writes `frame()` to the device every `interval` seconds until stopped."""

    def __init__(self, device, frame, interval: float = 0.02) -> None:  # noqa: ANN001
        self.device, self.frame, self.interval = device, frame, interval
        self.stop_event = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def run(self) -> None:
        while not self.stop_event.wait(self.interval):
            try:
                self.device.write(self.frame())
            except OSError:
                return

    def stop(self) -> None:
        self.stop_event.set()
        self.thread.join(1)


def test_the_stable_flag_of_streamed_frames_is_used(device, handler, running):
    """GIVEN a scale streaming US frames, then ST frames of the same load
    WHEN the driver listens  THEN it reports the load unstable, then stable once."""
    frames = iter([b"US,GS,+0001.31kg\r\n"] * 3 + [b"ST,GS,+0001.25kg\r\n"] * 1000)
    streamer = Streamer(device, lambda: next(frames))
    try:
        running(open_scale(f"serial://{device.path}?protocol=stream", handler))
        wait_connected(handler)
        first = handler.next("weight", 3)
        settled = handler.next("weight", 3, where=lambda r: r.stable)
        assert (first.grams, first.stable) == (1310, False)
        assert (settled.grams, settled.usable) == (1250, True)
    finally:
        streamer.stop()


def test_frames_without_a_flag_settle_by_the_rule(device, handler, running):
    """GIVEN a scale streaming bare weights every 20 ms, wobbling by a gram, then steady
    WHEN the settle rule is 4 readings within 2 g over 100 ms
    THEN the weight is reported stable only once the run of agreeing readings lasts 100 ms."""
    values = iter([1200, 1300, 1251, 1249, 1250, 1251] + [1250] * 1000)
    streamer = Streamer(device, lambda: f"+{next(values) / 1000:09.3f}kg\r\n".encode())
    try:
        running(open_scale(f"serial://{device.path}?protocol=stream&settle_n=4&settle_g=2&settle_ms=100",
                           handler))
        wait_connected(handler)
        start = time.monotonic()
        stable = handler.next("weight", 3, where=lambda r: r.stable)
        assert abs(stable.grams - 1250) <= 1
        assert time.monotonic() - start >= 0.1
    finally:
        streamer.stop()


def test_a_silent_stream_means_the_scale_is_gone_and_zero_is_sent_as_text(device, handler, running):
    """GIVEN a streaming scale with reply_ms=200 and misses=3
    WHEN the packer presses Zero, and then the scale stops sending
    THEN Z CR LF is sent (acknowledged as sent), and the scale is reported disconnected within 2 s."""
    streamer = Streamer(device, lambda: b"ST,GS,+0000.00kg\r\n")
    try:
        driver = running(open_scale(f"serial://{device.path}?protocol=stream&reply_ms=200", handler))
        wait_connected(handler)
        handler.next("weight", 3)
        assert driver.zero().result(2).message == "sent"
        assert b"Z\r\n" in device.read(1.0, until=b"Z\r\n")
        streamer.stop()
        silent_since = time.monotonic()
        gone = handler.next("status", 2.5, where=lambda s: s.state == "disconnected")
        assert time.monotonic() - silent_since < 2.0 and "no data" in gone.message
    finally:
        streamer.stop()
