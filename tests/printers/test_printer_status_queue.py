"""The print queue asks a Zebra ~HS before a label and holds its jobs while the printer is not ready.

A simulated Zebra on a real TCP socket (127.0.0.1) or on a real pseudo-terminal (serial), faults
switched by settings; the queue's store is the station database.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.printing.job_store import SqlJobStore
from app.startup import open_bench
from printers import send
from printers.print_queue import JobState, PrintQueue, QueueHealth
from printers.readiness import Readiness
from printers.simulator import SerialZebraSimulator, ZebraSimulator

LABEL = b"^XA^CI28^FO50,50^A0N,40,40^FH^FDOrder 1001 box 1^FS^XZ"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def store(home) -> Iterator[SqlJobStore]:
    bench = open_bench()
    yield SqlJobStore(bench.engine)
    bench.close()


def _queue(store: SqlJobStore, clock: Clock, ttl: float = 3.0) -> PrintQueue:
    return PrintQueue(store, send, readiness=Readiness(ttl=ttl, timeout=1.0, clock=clock), clock=clock,
                      hold_poll=2.0)


@pytest.mark.parametrize(("fault", "fix"), [
    ("paper_out", "Load labels"), ("head_open", "Close the print head"), ("paused", "Press pause to resume"),
    ("ribbon_out", "Load a new ribbon"), ("over_temperature", "Let the head cool down"),
    ("label_waiting", "Take the label off"),
])
def test_a_printer_that_is_not_ready_gets_no_byte_and_holds_the_job(store, fault: str, fix: str) -> None:
    """GIVEN a Zebra answering ~HS with a fault WHEN a label is queued THEN not one byte of it reaches the
    printer, the job stays queued (durable) and the printer's health says the fix in a few words."""
    clock = Clock()
    with ZebraSimulator(status={fault: True}) as zebra:
        queue = _queue(store, clock)
        job = queue.submit(zebra.uri, "label", "zpl", LABEL, "order 1001 box 1")
        assert queue.run_once() == 0
        assert zebra.wait_for_jobs(1, timeout=0.3) == [] and zebra.status_queries == 1
    held = store.get(job.uuid)
    assert held.state is JobState.QUEUED and held.attempts == 0
    health = queue.snapshot()
    assert (health.waiting, health.held) == (1, 1)
    printer = health.printer(zebra.uri)
    assert printer is not None and not printer.ok and printer.fix == fix
    assert printer.status is not None and getattr(printer.status, fault)


def test_paper_loaded_the_held_labels_print_once_in_order_by_themselves(store) -> None:
    """GIVEN two labels held by a printer out of paper WHEN the paper is loaded (the printer answers ready)
    THEN at the queue's next look both print, in order, once; later looks send nothing again."""
    clock = Clock()
    with ZebraSimulator(status={"paper_out": True}) as zebra:
        queue = _queue(store, clock)
        first = queue.submit(zebra.uri, "label", "zpl", LABEL, "order 1001 box 1")
        second = queue.submit(zebra.uri, "label", "zpl", LABEL.replace(b"box 1", b"box 2"), "order 1001 box 2")
        queue.run_once()
        zebra.set_status()  # labels loaded
        clock.now += 1.0
        assert queue.run_once() == 0  # the printer is asked again after hold_poll, not at every loop
        clock.now += 1.5
        assert queue.run_once() == 2
        assert queue.run_once() == 0
        jobs = zebra.wait_for_jobs(2)
    assert [j.strip() for j in jobs] == [LABEL, LABEL.replace(b"box 1", b"box 2")]
    assert store.get(first.uuid).state is JobState.DONE and store.get(second.uuid).state is JobState.DONE
    health = queue.snapshot()
    assert (health.waiting, health.held) == (0, 0) and health.printer(zebra.uri).ok


def test_a_ready_answer_is_kept_a_few_seconds_so_a_burst_asks_once(store) -> None:
    """GIVEN a ready printer and a 3 s cache WHEN five labels go within it THEN ~HS is asked once; WHEN the next
    label comes after 3 s THEN it is asked again."""
    clock = Clock()
    with ZebraSimulator() as zebra:
        queue = _queue(store, clock, ttl=3.0)
        for box in range(5):
            queue.submit(zebra.uri, "label", "zpl", LABEL, f"order 1001 box {box}")
        assert queue.run_once() == 5
        assert zebra.status_queries == 1
        clock.now += 3.5
        queue.submit(zebra.uri, "label", "zpl", LABEL, "order 1002 box 1")
        assert queue.run_once() == 1
        assert zebra.status_queries == 2
        assert len(zebra.wait_for_jobs(6)) == 6


def test_a_printer_that_went_silent_is_held_and_hs_off_sends_without_asking(store) -> None:
    """GIVEN a printer that accepts the connection but never answers ~HS (newer firmware with the head open)
    THEN its labels are held; GIVEN the same printer configured ?hs=off THEN the label goes without asking."""
    clock = Clock()
    with ZebraSimulator(silent=True) as zebra:
        queue = _queue(store, clock)
        queue.submit(zebra.uri, "label", "zpl", LABEL, "order 1001 box 1")
        queue.run_once()
        assert queue.snapshot().printer(zebra.uri).fix == "Check labels, ribbon and head"
        assert zebra.wait_for_jobs(1, timeout=0.2) == []
        queue.submit(f"{zebra.uri}?hs=off", "label", "zpl", LABEL, "order 1002 box 1")
        assert queue.run_once() == 1
        assert zebra.wait_for_jobs(1) == [LABEL]


def test_a_pdf_job_is_never_preceded_by_a_status_question(store) -> None:
    """GIVEN a PDF job on a TCP printer THEN no ~HS is sent (a non-Zebra printer would print it as text)."""
    clock = Clock()
    with ZebraSimulator() as zebra:
        queue = _queue(store, clock)
        queue.submit(zebra.uri, "slip", "pdf", b"%PDF-1.4 slip", "order 1001 slip")
        assert queue.run_once() == 1
        assert zebra.wait_for_jobs(1) == [b"%PDF-1.4 slip"] and zebra.status_queries == 0


def test_a_printer_that_is_off_holds_its_jobs_with_the_fix(store) -> None:
    """GIVEN a printer that refuses the connection THEN the label is held, "Check power and cable"."""
    dead = ZebraSimulator(refuse=True)
    queue = _queue(store, Clock())
    job = queue.submit(dead.uri, "label", "zpl", LABEL, "order 1001 box 1")
    queue.run_once()
    assert store.get(job.uuid).state is JobState.QUEUED
    printer = queue.snapshot().printer(dead.uri)
    assert printer.fix == "Check power and cable" and "not answering" in printer.message


def test_a_send_cut_off_mid_job_is_interrupted_never_resent_alone_and_resent_once_on_request(store) -> None:
    """GIVEN a printer that resets the connection after part of a label WHEN the queue sends it THEN the job
    is `interrupted` and later looks do not send it again; WHEN a person resends it THEN it prints once."""
    clock = Clock()
    big = b"^XA" + b"^FO0,0^GFA,8,8,1,FF00FF00FF00FF00^FS" * 200_000 + b"^XZ"
    with ZebraSimulator(drop_after=10_000) as zebra:
        queue = _queue(store, clock)
        job = queue.submit(zebra.uri, "label", "zpl", big, "order 1001 box 1")
        queue.run_once()
        interrupted = store.get(job.uuid)
        assert interrupted.state is JobState.INTERRUPTED and "dropped the connection" in interrupted.last_error
        health = queue.snapshot()
        assert [j.reference for j in health.interrupted] == ["order 1001 box 1"]
        clock.now += 60
        assert queue.run_once() == 0
        zebra.drop_after = None  # the printer is back and whole
        resent = queue.resend_interrupted()
        assert [j.uuid for j in resent] == [job.uuid]
        clock.now += 60
        assert queue.run_once() == 1
        whole = [j for j in zebra.wait_for_jobs(2) if j.strip() == big]
    assert len(whole) == 1 and store.get(job.uuid).state is JobState.DONE
    assert queue.snapshot().interrupted == ()
    with pytest.raises(ValueError, match="sent whole"):
        queue.resend(job.uuid)


def test_listeners_hear_the_printer_turn_not_ready_and_ready_again(store) -> None:
    """GIVEN a listener on the queue WHEN the printer runs out of paper and is loaded THEN it hears both."""
    clock = Clock()
    heard: list[QueueHealth] = []
    with ZebraSimulator(status={"paper_out": True}) as zebra:
        queue = _queue(store, clock)
        queue.add_listener(heard.append)
        queue.submit(zebra.uri, "label", "zpl", LABEL, "order 1001 box 1")
        queue.run_once()
        zebra.set_status()
        clock.now += 5
        queue.run_once()
    assert heard[0].held == 1 and heard[0].printer(zebra.uri).fix == "Load labels"
    assert heard[-1].held == 0 and heard[-1].waiting == 0 and heard[-1].printer(zebra.uri).ok


def test_a_serial_zebra_out_of_paper_holds_then_prints_once(store) -> None:
    """GIVEN a Zebra on a serial line (a real pty) out of paper THEN the label is held, no byte on the line;
    WHEN paper is loaded THEN it prints once."""
    clock = Clock()
    with SerialZebraSimulator(status={"paper_out": True}) as zebra:
        queue = _queue(store, clock)
        queue.submit(zebra.uri, "label", "zpl", LABEL, "order 1001 box 1")
        assert queue.run_once() == 0
        assert zebra.wait_for_jobs(1, timeout=0.3) == []
        assert queue.snapshot().printer(zebra.uri).fix == "Load labels"
        zebra.set_status()
        clock.now += 5
        assert queue.run_once() == 1
        assert zebra.wait_for_jobs(1) == [LABEL]
        clock.now += 5
        assert queue.run_once() == 0
        assert zebra.wait_for_jobs(2, timeout=0.3) == [LABEL]
