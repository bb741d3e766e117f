"""Serial printing on a real pseudo-terminal: the test holds the printer's end of the line."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator

import pytest

from printers import JobInterrupted, PrinterTimeout, PrinterUnreachable, open_transport, send
from printers.status import HOST_STATUS_QUERY, host_status_answer


@pytest.fixture
def pty() -> Iterator[tuple[int, str]]:
    """(printer end, station end device name) of a fresh pseudo-terminal in raw mode."""
    import tty

    printer_end, station_end = os.openpty()
    tty.setraw(printer_end)
    tty.setraw(station_end)
    yield printer_end, os.ttyname(station_end)
    os.close(printer_end)
    os.close(station_end)


def _read_all(fd: int, size: int, timeout: float = 3.0) -> bytes:
    data = bytearray()
    deadline = time.monotonic() + timeout
    os.set_blocking(fd, False)
    while len(data) < size and time.monotonic() < deadline:
        try:
            data += os.read(fd, 65536)
        except BlockingIOError:
            time.sleep(0.005)
    return bytes(data)


def test_a_job_arrives_on_the_serial_line(pty: tuple[int, str]) -> None:
    printer_end, device = pty
    job = "^XA^CI28^FO10,10^A0N,30,30^FH^FDΣοφία^FS^XZ".encode()
    send(f"serial://{device}?baud=9600", job)
    assert _read_all(printer_end, len(job)) == job


def test_host_status_over_serial(pty: tuple[int, str]) -> None:
    printer_end, device = pty

    def printer() -> None:
        query = _read_all(printer_end, len(HOST_STATUS_QUERY))
        if query == HOST_STATUS_QUERY:
            os.write(printer_end, host_status_answer(paper_out=True))

    thread = threading.Thread(target=printer)
    thread.start()
    with open_transport(f"serial://{device}?baud=19200", timeout=2) as transport:
        status = transport.host_status(timeout=2)
    thread.join()
    assert status.paper_out and "out of labels" in status.message


def test_a_printer_that_stops_reading_the_line_times_out(pty: tuple[int, str]) -> None:
    _, device = pty  # nobody reads the printer end: the line's buffer fills up
    with pytest.raises(JobInterrupted, match="stopped taking data") as error:  # part of it went out
        send(f"serial://{device}?timeout=0.5", b"x" * 2_000_000)
    assert isinstance(error.value.__cause__, PrinterTimeout)


def test_a_missing_serial_port_is_explained() -> None:
    with pytest.raises(PrinterUnreachable, match="cannot be opened — check the cable"):
        send("serial:///dev/does-not-exist-ttyUSB9", b"^XA^XZ", timeout=1)
