"""The other transports (file, CUPS, spool folder, dummy) and the URI factory."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from printers import BadPrinterUri, JobInterrupted, PrinterTimeout, PrinterUnreachable, send, transport_for
from printers.transports.cups import CupsTransport
from printers.transports.dummy import DummyTransport
from printers.transports.file import FileTransport
from printers.transports.serial import SerialTransport
from printers.transports.spool import SpoolDirTransport
from printers.transports.tcp import TcpTransport

ZPL = b"^XA^FO10,10^A0N,30,30^FH^FDx^FS^XZ"


@pytest.mark.parametrize(("uri", "kind", "detail"), [
    ("tcp://10.0.0.5:9100", TcpTransport, ("10.0.0.5", 9100)),
    ("tcp://printer-7", TcpTransport, ("printer-7", 9100)),
    ("serial:///dev/ttyUSB0?baud=19200&rtscts=1", SerialTransport, ("/dev/ttyUSB0", 19200)),
    ("file:///dev/usb/lp0", FileTransport, ("/dev/usb/lp0",)),
    ("cups://Zebra_ZD421?raw=1", CupsTransport, ("Zebra_ZD421",)),
    ("dir:///var/spool/labels?ext=zpl", SpoolDirTransport, (Path("/var/spool/labels"),)),
    ("dummy://", DummyTransport, ()),
])
def test_a_uri_picks_its_transport(uri: str, kind: type, detail: tuple[object, ...]) -> None:
    transport = transport_for(uri)
    assert isinstance(transport, kind)
    fields = {TcpTransport: ("host", "port"), SerialTransport: ("port", "baudrate"), FileTransport: ("path",),
              CupsTransport: ("queue",), SpoolDirTransport: ("directory",), DummyTransport: ()}[kind]
    assert tuple(getattr(transport, f) for f in fields) == detail


@pytest.mark.parametrize(("uri", "problem"), [
    ("10.0.0.5:9100", "not a printer address"),
    ("usb://0x0a5f", "unknown printer type 'usb'"),
    ("tcp://:9100", "needs a host"),
    ("tcp://printer:port", "port must be a number"),
    ("serial:///dev/ttyUSB0?baud=fast", "baud must be a number"),
    ("tcp://printer?timeout=0", "more than 0 seconds"),
    ("dummy://?fail=fire", "fail must be one of"),
])
def test_a_bad_uri_is_explained(uri: str, problem: str) -> None:
    with pytest.raises(BadPrinterUri, match=problem):
        transport_for(uri)


def test_the_timeout_comes_from_the_uri() -> None:
    assert transport_for("tcp://10.0.0.5?timeout=2.5").timeout == 2.5


# --------------------------------------------------------------------------- file

def test_a_file_printer_receives_the_job(tmp_path: Path) -> None:
    target = tmp_path / "lp0"
    send(f"file://{target}", ZPL)
    assert target.read_bytes() == ZPL


def test_a_missing_device_is_explained(tmp_path: Path) -> None:
    with pytest.raises(PrinterUnreachable, match="is missing — check the USB cable"):
        send(f"file://{tmp_path}/no/such/lp0", ZPL)


def test_a_device_that_stops_taking_data_times_out(tmp_path: Path) -> None:
    fifo = tmp_path / "lp0"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # opened, never read: a stuck printer
    try:
        assert stat.S_ISFIFO(os.stat(fifo).st_mode)
        with pytest.raises(JobInterrupted) as error:  # part of it went out: a person decides on a resend
            send(f"file://{fifo}?timeout=0.3", b"x" * 1_000_000)
        assert isinstance(error.value.__cause__, PrinterTimeout)
    finally:
        os.close(reader)


# --------------------------------------------------------------------------- CUPS

def _fake_lp(tmp_path: Path, exit_code: int = 0, stderr: str = "") -> Path:
    script = tmp_path / "lp"
    script.write_text(f'#!/bin/sh\necho "$@" > "{tmp_path}/args"\ncat > "{tmp_path}/stdin"\n'
                      f'echo "{stderr}" >&2\nexit {exit_code}\n')
    script.chmod(0o755)
    return script


def test_a_cups_job_goes_to_lp_raw_with_its_job_id(tmp_path: Path) -> None:
    lp = _fake_lp(tmp_path)
    send(f"cups://Zebra_ZD421?lp={lp}", ZPL, job_id="parcel-7")
    assert (tmp_path / "stdin").read_bytes() == ZPL
    assert (tmp_path / "args").read_text().split() == ["-d", "Zebra_ZD421", "-s", "-o", "raw", "-t", "parcel-7"]


def test_a_pdf_goes_to_cups_without_raw(tmp_path: Path) -> None:
    lp = _fake_lp(tmp_path)
    send(f"cups://Office?lp={lp}", b"%PDF-1.4 ...")
    assert "raw" not in (tmp_path / "args").read_text()


def test_an_unknown_cups_queue_is_explained(tmp_path: Path) -> None:
    lp = _fake_lp(tmp_path, 1, "lp: Error - The printer or class does not exist.")
    lpstat = tmp_path / "lpstat"
    lpstat.write_text('#!/bin/sh\necho "scheduler is running"\n')
    lpstat.chmod(0o755)
    with pytest.raises(PrinterUnreachable, match="unknown to CUPS"):
        send(f"cups://Nope?lp={lp}&lpstat={lpstat}", ZPL)


def test_a_station_without_cups_is_explained() -> None:
    with pytest.raises(PrinterUnreachable, match="not installed"):
        send("cups://Zebra?lp=/nonexistent/lp", ZPL)


# --------------------------------------------------------------------------- spool folder

def test_a_spool_folder_gets_one_complete_file_per_job_named_by_job_id(tmp_path: Path) -> None:
    send(f"dir://{tmp_path}", ZPL, job_id="SO-100234/1")
    send(f"dir://{tmp_path}", b"%PDF-1.4 slip", job_id="slip-1")
    files = sorted(tmp_path.iterdir())
    assert [f.name.split("-", 1)[1] for f in files] == ["SO-100234_1.zpl", "slip-1.pdf"]
    assert files[0].read_bytes() == ZPL
    assert not any(f.name.startswith(".") for f in tmp_path.iterdir())  # no temporary files left


def test_a_missing_spool_folder_is_explained(tmp_path: Path) -> None:
    with pytest.raises(PrinterUnreachable, match="does not exist"):
        send(f"dir://{tmp_path}/missing", ZPL)


# --------------------------------------------------------------------------- dummy

def test_the_dummy_printer_collects_jobs() -> None:
    printer = transport_for("dummy://")
    assert isinstance(printer, DummyTransport)
    printer.send(ZPL)
    printer.send(ZPL + b"2")
    assert printer.jobs == [ZPL, ZPL + b"2"]


@pytest.mark.parametrize(("fault", "error"), [("unreachable", PrinterUnreachable), ("timeout", JobInterrupted),
                                              ("drop", JobInterrupted)])
def test_the_dummy_printer_fails_on_request(fault: str, error: type[Exception]) -> None:
    with pytest.raises(error):
        send(f"dummy://?fail={fault}", ZPL)


def test_the_dummy_printer_answers_status() -> None:
    with transport_for("dummy://?status=paper_out,paused") as printer:
        status = printer.host_status()
    assert status.problems == ("paper out", "paused")
