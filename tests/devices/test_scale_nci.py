"""NCI / Weigh-Tronix ASCII (SCP-01): weight fields, status bytes, and the driver on a pty."""

from __future__ import annotations

import pytest

from app.devices.events import WeightStatus
from app.devices.factory import open_scale
from app.devices.scales.base import ReplyKind
from app.devices.scales.nci import NciStatus, parse_reply, parse_status, status_bytes

from .conftest import ScriptedScale, wait_connected


@pytest.mark.parametrize(("frame", "grams", "stable", "status"), [
    (b"\n  1.250kg\r\n00\r", 1250, True, WeightStatus.OK),
    (b"\n  1.250kg\r\n10\r", 1250, False, WeightStatus.OK),  # bit 0 of byte 1: motion
    (b"\n  2.755lb\r\n00\r", 1250, True, WeightStatus.OK),
    (b"\n 44.10oz\r\n00\r", 1250, True, WeightStatus.OK),
    (b"\n_1250g_\r\n00\r", 1250, True, WeightStatus.OK),  # grams framed by underscores (Brecknell)
    (b"\n  2lb 12.1oz\r\n00\r", 1250, True, WeightStatus.OK),
    (b"\n  0.000kg\r\n20\r", 0, True, WeightStatus.OK),  # bit 1 of byte 1: at zero
    (b"\n^^^^^^^\r\n02\r", 0, False, WeightStatus.OVERLOAD),
    (b"\n_______\r\n01\r", 0, False, WeightStatus.UNDERLOAD),
    (b"\n-------\r\n00\r", 0, False, WeightStatus.ERROR),  # zeroing error
    (b"\n  1.250kg\r\n40\r", 0, False, WeightStatus.ERROR),  # bit 2 of byte 1: RAM error
    (b"\n  \xb1.250kg\r\n\xb00\r", 1250, True, WeightStatus.OK),  # parity bit 7 set on some bytes
])
def test_weight_replies(frame, grams, stable, status):
    """GIVEN the reply to W  WHEN it is parsed  THEN grams, stability and status are exact."""
    reply = parse_reply(frame)
    assert (reply.kind, reply.grams, reply.stable, reply.status) == (ReplyKind.WEIGHT, grams, stable, status)


def test_status_only_replies_and_an_unknown_command():
    """GIVEN the replies to S/Z/T and to an unknown command  WHEN parsed
    THEN status-only frames are acknowledgements and "?" is an error."""
    assert parse_reply(b"\n00\r").kind is ReplyKind.ACK
    assert parse_reply(b"\n10\r").stable is False
    error = parse_reply(b"\n?\r")
    assert error.kind is ReplyKind.ERROR and "did not recognise" in error.message
    assert parse_reply(b"\nhello\r").kind is ReplyKind.UNKNOWN


def test_status_bytes_round_trip_and_the_third_byte():
    """GIVEN status flags  WHEN encoded and decoded  THEN they survive; a third byte is read when flagged."""
    flags = NciStatus(motion=True, at_zero=False, over_capacity=True, faulty_calibration=True)
    assert parse_status(status_bytes(flags)) == flags
    third = parse_status(bytes((0x30, 0x70, 0x34)))  # bit 6 of byte 2: byte 3 follows; bit 2: net
    assert third is not None and third.net is True
    assert parse_status(b"AB") is None  # bits 4 and 5 must be set


def test_the_driver_polls_with_w_and_zeroes_with_z(device, handler, running):
    """GIVEN an NCI bench scale on a pty (7E1 is asked for; a pty ignores parity)
    WHEN the driver polls it while the parcel settles, then the packer presses Zero
    THEN it sends W CR, reports motion then the stable weight, and Z CR is answered with status."""
    scale = ScriptedScale(device, {b"W": [b"\n  1.310kg\r\n10\r\x03", b"\n  1.250kg\r\n00\r\x03"],
                                   b"Z": [b"\n20\r\x03"]}, terminator=b"\r")
    try:
        driver = running(open_scale(f"serial://{device.path}?protocol=nci&poll_ms=20", handler))
        wait_connected(handler)
        moving, still = handler.next("weight", 3), handler.next("weight", 3)
        assert (moving.grams, moving.stable, still.grams, still.stable) == (1310, False, 1250, True)
        assert scale.received[0] == b"W\r"
        assert driver.zero().result(3).kind is ReplyKind.ACK
        assert b"Z\r" in scale.received
    finally:
        scale.stop()


def test_overload_is_reported_from_the_status_bytes(device, handler, running):
    """GIVEN an NCI scale showing upper bars
    WHEN polled  THEN one OVERLOAD reading, never a usable weight."""
    scale = ScriptedScale(device, {b"W": [b"\n^^^^^^^\r\n02\r\x03"]}, terminator=b"\r")
    try:
        running(open_scale(f"serial://{device.path}?protocol=nci&poll_ms=20", handler))
        wait_connected(handler)
        reading = handler.next("weight", 3)
        assert reading.status == "overload" and not reading.usable
    finally:
        scale.stop()
