"""Mettler Toledo MT-SICS: every reply the station can get, parsed byte-exact, and the driver on a pty."""

from __future__ import annotations

import time

import pytest

from app.devices.events import WeightStatus
from app.devices.factory import open_scale
from app.devices.scales.base import ReplyKind
from app.devices.scales.mt_sics import parse_reply

from .conftest import ScriptedScale, wait_connected


@pytest.mark.parametrize(("frame", "kind", "grams", "stable", "status"), [
    (b"S S     100.00 g", ReplyKind.WEIGHT, 100, True, WeightStatus.OK),
    (b"S S      1.250 kg", ReplyKind.WEIGHT, 1250, True, WeightStatus.OK),
    (b"S D      1.247 kg", ReplyKind.WEIGHT, 1247, False, WeightStatus.OK),
    (b"S S     -0.012 kg", ReplyKind.WEIGHT, -12, True, WeightStatus.OK),
    (b"S S   -    12 g", ReplyKind.WEIGHT, -12, True, WeightStatus.OK),  # sign sent apart from the digits
    (b"S S      2.000 lb", ReplyKind.WEIGHT, 907, True, WeightStatus.OK),
    (b"S S       16.0 oz", ReplyKind.WEIGHT, 454, True, WeightStatus.OK),
    (b"S +", ReplyKind.WEIGHT, 0, False, WeightStatus.OVERLOAD),
    (b"S -", ReplyKind.WEIGHT, 0, False, WeightStatus.UNDERLOAD),
    (b"S I", ReplyKind.WEIGHT, 0, False, WeightStatus.ERROR),
    (b"S S     12.50 ct", ReplyKind.WEIGHT, 0, None, WeightStatus.ERROR),  # carats: not a parcel unit
])
def test_weight_replies(frame, kind, grams, stable, status):
    """GIVEN an MT-SICS reply to SI  WHEN it is parsed  THEN grams, stability and status are exact."""
    reply = parse_reply(frame)
    assert (reply.kind, reply.grams, reply.stable, reply.status) == (kind, grams, stable, status)


@pytest.mark.parametrize(("frame", "kind", "command", "words"), [
    (b"Z A", ReplyKind.ACK, "Z", "zeroed"),
    (b"Z I", ReplyKind.REFUSED, "Z", "still"),
    (b"Z +", ReplyKind.REFUSED, "Z", "Too heavy"),
    (b"Z -", ReplyKind.REFUSED, "Z", "Below"),
    (b"T S      0.350 kg", ReplyKind.ACK, "T", "tared"),
    (b"T I", ReplyKind.REFUSED, "T", "still"),
    (b"T +", ReplyKind.REFUSED, "T", "Too heavy"),
    (b"T -", ReplyKind.REFUSED, "T", "negative"),
    (b"ES", ReplyKind.ERROR, "ES", "did not recognise"),
    (b"ET", ReplyKind.ERROR, "ET", "garbled"),
    (b"EL", ReplyKind.ERROR, "EL", "cannot carry out"),
    (b"XYZ 12", ReplyKind.UNKNOWN, "XYZ", ""),
])
def test_command_and_error_replies(frame, kind, command, words):
    """GIVEN a reply to Z, T or an error  WHEN parsed  THEN its kind and a sentence a packer can act on."""
    reply = parse_reply(frame)
    assert (reply.kind, reply.command) == (kind, command)
    assert words in reply.message
    if frame.startswith(b"T S"):
        assert reply.grams == 350


def test_the_driver_polls_with_si_and_reports_a_stable_weight_once(device, handler, running):
    """GIVEN an MT-SICS balance on a pty whose load is still swinging
    WHEN the driver polls it
    THEN it sends exactly SI CR LF, reports the moving readings unstable, and the stable 1.250 kg once."""
    scale = ScriptedScale(device, {b"SI": [b"S D      1.190 kg\r\n", b"S D      1.262 kg\r\n",
                                           b"S S      1.250 kg\r\n"]})
    try:
        driver = running(open_scale(f"serial://{device.path}?protocol=mt-sics&poll_ms=20", handler))
        wait_connected(handler)
        readings = [handler.next("weight", 3) for _ in range(3)]
        assert [(r.grams, r.stable) for r in readings] == [(1190, False), (1262, False), (1250, True)]
        assert readings[-1].usable and readings[-1].source == "scale" and readings[-1].unit == "kg"
        assert set(scale.received[:3]) == {b"SI\r\n"}
        time.sleep(0.15)  # several more polls of the same stable weight
        assert driver.latest.grams == 1250
        assert [e for e in handler.drain() if e[0] == "weight"] == []  # the stable weight is not repeated
    finally:
        scale.stop()


def test_overload_underload_and_busy_are_reported_with_their_status(device, handler, running):
    """GIVEN a balance answering S +, then S -, then S I, then a weight
    WHEN polled  THEN each is one reading with its status and no usable grams, and the weight follows."""
    scale = ScriptedScale(device, {b"SI": [b"S +\r\n", b"S -\r\n", b"S I\r\n", b"S S    250 g\r\n"]})
    try:
        running(open_scale(f"serial://{device.path}?protocol=mt-sics&poll_ms=20", handler))
        wait_connected(handler)
        statuses = [handler.next("weight", 3) for _ in range(4)]
        assert [r.status for r in statuses] == ["overload", "underload", "error", "ok"]
        assert [r.usable for r in statuses] == [False, False, False, True]
        assert "overloaded" in statuses[0].message
    finally:
        scale.stop()


def test_zero_and_tare_from_the_screen(device, handler, running):
    """GIVEN a connected balance
    WHEN the packer presses Zero (the balance is still moving: Z I), Zero again (Z A), then Tare
    THEN the driver sends Z CR LF and T CR LF, and each Future carries the balance's answer."""
    scale = ScriptedScale(device, {b"SI": [b"S S      0.000 kg\r\n"], b"Z": [b"Z I\r\n", b"Z A\r\n"],
                                   b"T": [b"T S      0.350 kg\r\n"]})
    try:
        driver = running(open_scale(f"serial://{device.path}?protocol=mt-sics&poll_ms=20", handler))
        wait_connected(handler)
        first = driver.zero().result(3)
        assert (first.kind, first.ok) == (ReplyKind.REFUSED, False) and "still" in first.message
        assert driver.zero().result(3).kind is ReplyKind.ACK
        tare = driver.tare().result(3)
        assert (tare.kind, tare.grams) == (ReplyKind.ACK, 350)
        assert b"Z\r\n" in scale.received and b"T\r\n" in scale.received
    finally:
        scale.stop()


def test_an_unknown_command_error_answers_the_command(device, handler, running):
    """GIVEN a balance that does not implement T (answers ES)
    WHEN the packer presses Tare  THEN the Future reports the error instead of waiting forever."""
    scale = ScriptedScale(device, {b"SI": [b"S S    0 g\r\n"], b"T": [b"ES\r\n"]})
    try:
        driver = running(open_scale(f"serial://{device.path}?protocol=mt-sics&poll_ms=20", handler))
        wait_connected(handler)
        reply = driver.tare().result(3)
        assert reply.kind is ReplyKind.ERROR and "did not recognise" in reply.message
    finally:
        scale.stop()
