"""Hot-plug: a device that vanishes is reported within 2 s and comes back by itself, with backoff."""

from __future__ import annotations

import time

from app.devices.events import DeviceState
from app.devices.factory import open_scale, open_scanner
from app.devices.reconnect import Backoff
from app.devices.scales.base import ReplyKind

from .conftest import ScriptedScale, wait_connected


def test_backoff_doubles_from_a_quarter_second_up_to_five():
    """GIVEN the default backoff  WHEN a device keeps failing  THEN 0.25, 0.5, 1, 2, 4, 5, 5 s; reset starts over."""
    backoff = Backoff()
    assert [backoff.next() for _ in range(7)] == [0.25, 0.5, 1.0, 2.0, 4.0, 5.0, 5.0]
    backoff.reset()
    assert backoff.next() == 0.25


def test_a_scanner_unplugged_mid_read_is_reported_and_reconnects_when_plugged_back(device, handler, running,
                                                                                   fast_backoff):
    """GIVEN a connected scanner, half-way through sending a barcode
    WHEN its cable is pulled (the pty closes), and plugged back 0.5 s later behind the same path
    THEN DISCONNECTED is reported within 2 s, RECONNECTING with growing delays follows, CONNECTED
    comes back by itself, the half barcode is never reported, and the next scan arrives."""
    running(open_scanner(f"serial://{device.path}?suffix=cr", handler, backoff=fast_backoff))
    wait_connected(handler)
    device.write(b"400638")
    time.sleep(0.05)
    pulled = time.monotonic()
    device.unplug()
    gone = handler.next("status", 2.0, where=lambda s: s.state == DeviceState.DISCONNECTED)
    assert time.monotonic() - pulled < 2.0
    assert "hung up" in gone.message or "vanished" in gone.message
    time.sleep(0.5)
    device.plug()
    statuses = []
    while True:
        status = handler.next("status", 3.0)
        statuses.append(status)
        if status.state == DeviceState.CONNECTED:
            break
    retries = [s.retry_in for s in statuses if s.state == DeviceState.RECONNECTING]
    assert retries and retries == sorted(retries) and max(retries) <= fast_backoff.cap
    device.write(b"036000291452\r")
    # Not b"400638036000291452": the half frame died with the old connection.
    assert handler.next("scan", 2) == (b"036000291452", "scanner")
    assert [e for e in handler.drain() if e[0] == "scan"] == []


def test_a_scale_that_stops_answering_is_disconnected_and_packing_continues(make_device, handler, running,
                                                                            fast_backoff):
    """GIVEN a connected MT-SICS scale and a scanner on the same station
    WHEN the scale is switched off (its port stays, it just stops answering)
    THEN the scale is reported DISCONNECTED within 2 s, zero is refused with a reason, and scans
    from the scanner keep arriving meanwhile."""
    scale_port, scanner_port = make_device("scale"), make_device("scanner")
    scripted = ScriptedScale(scale_port, {b"SI": [b"S S    1250 g\r\n"]})
    try:
        scale = running(open_scale(f"serial://{scale_port.path}?protocol=mt-sics&poll_ms=50&reply_ms=300",
                                   handler, backoff=fast_backoff))
        running(open_scanner(f"serial://{scanner_port.path}", handler))
        handler.next("weight", 3, where=lambda r: r.usable)
        scripted.set(b"SI", [])  # switched off: no more answers
        off = time.monotonic()
        status = handler.next("status", 2.0, where=lambda s: s.name == "scale" and s.state == "disconnected")
        assert time.monotonic() - off < 2.0 and "stopped answering" in status.message
        refused = scale.zero().result(1)
        assert refused.kind is ReplyKind.REFUSED and "not connected" in refused.message
        assert scale.latest is None
        scanner_port.write(b"SO-1001\r")
        assert handler.next("scan", 2) == (b"SO-1001", "scanner")
        scripted.set(b"SI", [b"S S    1250 g\r\n"])  # switched back on: it answers after a reconnect
        handler.next("weight", 3, where=lambda r: r.usable)
    finally:
        scripted.stop()


def test_a_missing_port_at_start_is_reported_and_found_when_it_appears(tmp_path, handler, running, fast_backoff):
    """GIVEN a scanner configured on a port that does not exist yet
    WHEN the station starts, then the scanner is plugged in
    THEN DISCONNECTED names the missing port, and CONNECTED follows without a restart."""
    from .conftest import FakeDevice

    link = tmp_path / "ttyLATE"
    running(open_scanner(f"serial://{link}", handler, backoff=fast_backoff))
    status = handler.next("status", 2)
    assert status.state == DeviceState.DISCONNECTED and "not found" in status.message
    late = FakeDevice(link)
    try:
        wait_connected(handler, 3)
        late.write(b"4006381333931\r")
        assert handler.next("scan", 2)[0] == b"4006381333931"
    finally:
        late.close()
