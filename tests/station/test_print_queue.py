"""The durable print queue on the station database: in order, held while a printer is down, sent once."""

from __future__ import annotations

import pytest

from app.printing.job_store import SqlJobStore
from app.startup import open_bench
from printers.errors import PrinterUnreachable
from printers.print_queue import JobState, PrintQueue


class FakePrinter:
    def __init__(self) -> None:
        self.received: list[bytes] = []
        self.down = False

    def __call__(self, printer: str, data: bytes, job_id: str | None = None) -> None:
        if self.down:
            raise PrinterUnreachable("Label printer is not answering.")
        self.received.append(data)


@pytest.fixture
def store(home):
    bench = open_bench()
    yield SqlJobStore(bench.engine)
    bench.close()


def test_jobs_go_out_in_order_and_are_marked_done(store):
    printer = FakePrinter()
    queue = PrintQueue(store, printer, readiness=False)
    jobs = [queue.submit("tcp://127.0.0.1:9100", "label", "zpl", f"^XA{i}^XZ".encode(), f"box {i}") for i in range(3)]
    assert queue.run_once() == 3
    assert printer.received == [b"^XA0^XZ", b"^XA1^XZ", b"^XA2^XZ"]
    assert [store.get(j.uuid).state for j in jobs] == [JobState.DONE] * 3
    assert queue.run_once() == 0  # nothing is sent twice


def test_a_printer_that_is_down_holds_its_jobs_and_sends_them_in_order_when_back(store):
    printer = FakePrinter()
    printer.down = True
    queue = PrintQueue(store, printer, first_retry=10, readiness=False)
    first = queue.submit("tcp://p1", "label", "zpl", b"A")
    queue.submit("tcp://p1", "label", "zpl", b"B")
    assert queue.run_once(now=0) == 0
    held = store.get(first.uuid)
    assert held.state is JobState.QUEUED and held.attempts == 1 and "not answering" in held.last_error
    assert not queue.health["tcp://p1"].ok
    printer.down = False
    assert queue.run_once(now=5) == 0  # backing off: no hammering a dead printer
    assert queue.run_once(now=11) == 2
    assert printer.received == [b"A", b"B"]


def test_other_printers_are_not_blocked_by_one_that_is_down(store):
    def send(printer: str, data: bytes, job_id: str | None = None) -> None:
        if printer == "tcp://dead":
            raise PrinterUnreachable("dead")
        delivered.append(data)

    delivered: list[bytes] = []
    queue = PrintQueue(store, send, readiness=False)
    queue.submit("tcp://dead", "label", "zpl", b"X")
    queue.submit("cups://Office", "slip", "pdf", b"%PDF")
    queue.run_once(now=0)
    assert delivered == [b"%PDF"]


def test_a_job_interrupted_mid_send_is_never_resent_automatically(store):
    queue = PrintQueue(store, FakePrinter(), readiness=False)
    job = queue.submit("tcp://p", "label", "zpl", b"A")
    job.state = JobState.SENDING  # the station died between "sending" and "done"
    store.update(job)
    printer = FakePrinter()
    restarted = PrintQueue(store, printer, readiness=False)
    assert restarted.run_once() == 0 and printer.received == []
    interrupted = store.get(job.uuid)
    assert interrupted.state is JobState.INTERRUPTED and "may have printed" in interrupted.last_error


def test_a_reprint_is_a_new_job_linked_to_the_first(store):
    printer = FakePrinter()
    queue = PrintQueue(store, printer, readiness=False)
    job = queue.submit("tcp://p", "label", "zpl", b"A")
    queue.run_once()
    again = queue.reprint(job.uuid)
    twice = queue.reprint(again.uuid)
    queue.run_once()
    assert printer.received == [b"A", b"A", b"A"]
    assert again.uuid != job.uuid and again.reprint_of == job.uuid and twice.reprint_of == job.uuid


def test_the_background_worker_sends_without_being_asked(store):
    printer = FakePrinter()
    queue = PrintQueue(store, printer, readiness=False)
    queue.start()
    try:
        queue.submit("tcp://p", "label", "zpl", b"A")
        assert queue.drain(timeout=5)
    finally:
        queue.stop()
    assert printer.received == [b"A"]
