"""TCP printing against a simulated Zebra printer on 127.0.0.1 (a real socket, a real thread)."""

from __future__ import annotations

import time

import pytest

from printers import (
    ConnectionLost,
    JobInterrupted,
    PrinterTimeout,
    PrinterUnreachable,
    open_transport,
    send,
    transport_for,
)
from printers.simulator import ZebraSimulator

ZPL = b"^XA^CI28^FO50,50^A0N,40,40^FH^FDHello^FS^XZ\n"


def test_a_job_arrives_byte_for_byte() -> None:
    with ZebraSimulator() as printer:
        send(printer.uri, ZPL, job_id="job-1")
        assert printer.wait_for_jobs(1) == [ZPL]


def test_jobs_sent_one_after_another_arrive_in_order() -> None:
    with ZebraSimulator() as printer:
        for i in range(5):
            send(printer.uri, ZPL.replace(b"Hello", b"Label %d" % i))
        jobs = printer.wait_for_jobs(5)
        assert [j.split(b"^FD")[1][:7] for j in jobs] == [b"Label %d" % i for i in range(5)]


def test_a_printer_that_refuses_the_connection_gives_a_message_a_packer_understands() -> None:
    printer = ZebraSimulator(refuse=True)
    with pytest.raises(PrinterUnreachable) as error:
        send(printer.uri, ZPL, timeout=1)
    assert str(error.value) == (f"Label printer at 127.0.0.1:{printer.port} is not answering — "
                                "check it is on and connected")


def test_a_connection_dropped_mid_job_is_reported_as_lost() -> None:
    with ZebraSimulator(drop_after=10_000) as printer, pytest.raises(ConnectionLost, match="reprint"):
        send(printer.uri, b"^XA" + b"^FO0,0^GFA,8,8,1,FF00FF00FF00FF00^FS" * 200_000 + b"^XZ", timeout=3)


def test_a_printer_that_stops_reading_times_out_instead_of_hanging() -> None:
    with ZebraSimulator(stall=True) as printer:
        started = time.monotonic()
        with pytest.raises(JobInterrupted, match="stopped taking data") as error:  # part of it went out
            send(printer.uri, b"x" * 20_000_000, timeout=0.5)
        assert isinstance(error.value.__cause__, PrinterTimeout)
        assert time.monotonic() - started < 5


def test_a_slow_printer_still_gets_the_whole_job() -> None:
    with ZebraSimulator(read_delay=0.02) as printer:
        job = ZPL * 200
        send(printer.uri, job, timeout=3)
        assert printer.wait_for_jobs(1) == [job]


@pytest.mark.parametrize(("flags", "problem", "message"), [
    ({}, (), "Label printer at 127.0.0.1:{port} is ready"),
    ({"paper_out": True}, ("paper out",), "is out of labels — load a new roll"),
    ({"head_open": True}, ("head open",), "head is open — close it until it clicks"),
    ({"paused": True}, ("paused",), "is paused — press its pause button to continue"),
    ({"ribbon_out": True}, ("ribbon out",), "ribbon is out"),
])
def test_host_status_reports_what_stops_the_printer(flags: dict[str, bool], problem: tuple[str, ...],
                                                    message: str) -> None:
    with ZebraSimulator(status=flags) as printer, open_transport(printer.uri, timeout=2) as transport:
        status = transport.host_status(timeout=2)
    assert status.problems == problem
    assert status.ready is (not problem)
    assert message.format(port=printer.port) in status.message


def test_a_printer_that_does_not_answer_status_is_reported_not_waited_for() -> None:
    with ZebraSimulator(silent=True) as printer, open_transport(printer.uri) as transport:
        started = time.monotonic()
        status = transport.host_status(timeout=0.3)
    assert not status.answered and not status.ready
    assert "not answering status" in status.message
    assert time.monotonic() - started < 2


def test_an_unknown_host_name_is_explained() -> None:
    with pytest.raises(PrinterUnreachable, match="unknown on this network"):
        transport_for("tcp://no-such-printer.invalid:9100", timeout=1).open()
