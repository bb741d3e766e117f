"""Device probes shared by doctor and setup: what failed, in words, for printers, scales and scanners."""

from __future__ import annotations

import os
import sys

import pytest
import serial

from app.it.probes import probe_printer, probe_scale, probe_scanner

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals")


@pytest.fixture
def pty_port():
    controller, device = os.openpty()
    yield os.ttyname(device)
    os.close(controller)
    os.close(device)


def test_a_missing_serial_scale_is_an_error_naming_the_port():
    check = probe_scale("serial:///dev/ttyUSB-packstation-missing?protocol=nci", timeout=2)
    assert (check.ok, check.severity) == (False, "error")
    assert "ttyUSB-packstation-missing" in check.message and "dialout" in check.fix


@posix_only
def test_a_scale_port_that_opens_but_stays_silent(pty_port):
    check = probe_scale(f"serial://{pty_port}?protocol=nci", timeout=1)
    assert not check.ok and "sent no weight" in check.message and "protocol" in check.fix


@posix_only
def test_a_port_held_by_the_running_station_is_only_a_warning(pty_port):
    holder = serial.Serial(pty_port, exclusive=True)
    try:
        check = probe_scanner(f"serial://{pty_port}", timeout=2)
    finally:
        holder.close()
    assert (check.ok, check.severity) == (False, "warning") and "in use" in check.message


def test_a_simulated_scanner_opens():
    check = probe_scanner("sim://scanner")
    assert check.ok and "is open" in check.message


def test_a_bad_device_uri_is_explained():
    check = probe_scale("serial:///dev/ttyUSB0?protocol=nonsense")
    assert not check.ok and "protocol" in check.message


def test_printer_kinds(tmp_path, monkeypatch):
    assert probe_printer("label", f"dir://{tmp_path / 'labels'}").ok  # made on the first job
    assert probe_printer("label", f"file://{tmp_path / 'out.zpl'}").ok
    missing = probe_printer("label", "file:///dev/usb/lp-packstation-missing")
    assert not missing.ok and "missing" in missing.message
    assert "not a printer address" in probe_printer("label", "10.0.0.5").message
    monkeypatch.setenv("PATH", str(tmp_path))  # no lpstat here
    cups = probe_printer("document", "cups://Office")
    assert not cups.ok and "CUPS is not installed" in cups.message and "apt install" in cups.fix


def test_a_zebra_that_does_not_answer_status_is_a_warning():
    from printers.simulator import ZebraSimulator

    with ZebraSimulator(silent=True) as printer:
        check = probe_printer("label", printer.uri, timeout=0.5)
    assert (check.ok, check.severity) == (False, "warning") and "~HS" in check.message
    assert 'label_format = "pdf"' in check.fix
    assert "?hs=off" in check.fix  # a ZPL printer of another make: printed to without asking


def test_a_printer_set_hs_off_is_not_asked_for_its_status():
    from printers.simulator import ZebraSimulator

    with ZebraSimulator(silent=True) as printer:
        check = probe_printer("label", f"{printer.uri}?hs=off", timeout=0.5)
    assert check.ok and "accepts connections" in check.message
