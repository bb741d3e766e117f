"""Device URIs name the problem when wrong, and usb:// finds a device wherever its port moved."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from app.devices.factory import check_scale_uri, check_scanner_uri, open_scale, open_scanner
from app.devices.link import OpenFailed
from app.devices.ports import resolve_usb
from app.devices.uri import DeviceURIError, parse_uri

from .conftest import FakeDevice, wait_connected


def test_serial_usb_and_sim_uris_are_parsed():
    """GIVEN the three URI forms  WHEN parsed  THEN port, ids and parameters come out."""
    serial = parse_uri("serial:///dev/ttyACM0?baud=115200&suffix=crlf")
    assert (serial.scheme, serial.target, serial.params) == ("serial", "/dev/ttyACM0", {"baud": "115200",
                                                                                        "suffix": "crlf"})
    assert parse_uri("serial://COM3?baud=9600").target == "COM3"
    assert parse_uri("/dev/ttyUSB1").target == "/dev/ttyUSB1"  # a bare path is a serial port
    usb = parse_uri("usb://05E0:1200/S1234?suffix=cr")
    assert (usb.vid, usb.pid, usb.serial_number) == (0x05E0, 0x1200, "S1234")
    assert parse_uri("usb://0eb8:f000").serial_number is None
    assert parse_uri("sim://scale?protocol=nci").target == "scale"


@pytest.mark.parametrize(("uri", "words"), [
    ("tcp://10.0.0.5:9100", "unknown scheme 'tcp'"),
    ("usb://5e0:1200", "4 hex digits"),
    ("sim://printer", "'scale' or 'scanner'"),
    ("serial:///dev/ttyS0?baud=fast", "baud must be a whole number"),
    ("serial:///dev/ttyS0?baud=9600&baud=19200", "given twice"),
    ("serial:///dev/ttyS0?suffix=semicolon", "suffix must be one of"),
    ("serial:///dev/ttyS0?parity=maybe", "parity must be one of"),
    ("serial:///dev/ttyS0?colour=red", "colour is not a known parameter"),
    ("ttyS0", "not a device URI"),
])
def test_a_wrong_scanner_uri_names_the_problem(uri, words):
    """GIVEN a mistyped scanner URI  WHEN checked  THEN the error names the parameter and what is allowed."""
    with pytest.raises(DeviceURIError, match=words):
        check_scanner_uri(uri)


@pytest.mark.parametrize(("uri", "words"), [
    ("serial:///dev/ttyS0?protocol=modbus", "protocol must be one of"),
    ("serial:///dev/ttyS0?protocol=stream&unit=stone", "unknown weight unit"),
    ("serial:///dev/ttyS0?stable=maybe", "stable must be one of"),
    ("sim://scanner", "cannot be sim://scanner"),
])
def test_a_wrong_scale_uri_names_the_problem(uri, words):
    with pytest.raises(DeviceURIError, match=words):
        check_scale_uri(uri)


def test_framing_and_protocol_defaults_come_from_the_uri():
    """GIVEN URIs with and without framing  WHEN opened  THEN NCI defaults to 7E1, flags override."""
    handler = SimpleNamespace(scan=None, weight=None, status=None)
    nci = open_scale("serial:///dev/ttyS9?protocol=weigh-tronix", handler)
    assert (nci.protocol.name, nci.settings.link.describe()) == ("nci", "9600 7E1")
    scanner = open_scanner("serial:///dev/ttyS9?baud=115200&bytesize=7&parity=odd&stopbits=2", handler)
    assert scanner.settings.link.describe() == "115200 7O2"


def _port(device: str, vid: int, pid: int, serial: str | None) -> SimpleNamespace:
    return SimpleNamespace(device=device, vid=vid, pid=pid, serial_number=serial, manufacturer="Honeywell",
                           product="Xenon", description="scanner", location="1-1.2")


def test_usb_ids_resolve_to_the_one_matching_port(monkeypatch):
    """GIVEN two identical scanners and a scale on USB
    WHEN resolved by vendor:product with and without a serial number
    THEN the serial number picks one, and without it the ambiguity is an error that lists them."""
    ports = [_port("/dev/ttyACM0", 0x0C2E, 0x0B61, "A1"), _port("/dev/ttyACM1", 0x0C2E, 0x0B61, "B2"),
             _port("/dev/ttyUSB0", 0x0EB8, 0xF000, None)]
    monkeypatch.setattr("app.devices.ports.list_ports.comports", lambda: ports)
    assert resolve_usb(0x0C2E, 0x0B61, "B2") == "/dev/ttyACM1"
    assert resolve_usb(0x0EB8, 0xF000) == "/dev/ttyUSB0"
    with pytest.raises(OpenFailed, match="2 devices match .*A1, B2"):
        resolve_usb(0x0C2E, 0x0B61)
    with pytest.raises(OpenFailed, match="no such USB device"):
        resolve_usb(0x1234, 0x5678)


def test_a_usb_scanner_is_found_again_after_its_port_is_renumbered(tmp_path, monkeypatch, handler, running,
                                                                   fast_backoff):
    """GIVEN a scanner configured as usb://0c2e:0b61/A1, enumerated as one pty
    WHEN it is unplugged and comes back as a different port
    THEN the station reconnects to the new port by itself and reads its scans."""
    first = FakeDevice(tmp_path / "ttyACM0")
    current = {"device": first}
    monkeypatch.setattr("app.devices.ports.list_ports.comports",
                        lambda: [_port(current["device"].path, 0x0C2E, 0x0B61, "A1")] if current["device"] else [])
    try:
        running(open_scanner("usb://0c2e:0b61/A1?suffix=cr", handler, backoff=fast_backoff))
        assert str(tmp_path / "ttyACM0") in wait_connected(handler).port
        first.unplug()
        current["device"] = None
        handler.next("status", 2, where=lambda s: s.state == "disconnected")
        second = FakeDevice(tmp_path / "ttyACM1")
        current["device"] = second
        assert str(tmp_path / "ttyACM1") in wait_connected(handler).port
        second.write(b"4006381333931\r")
        assert handler.next("scan", 2) == (b"4006381333931", "scanner")
        second.close()
    finally:
        first.close()
