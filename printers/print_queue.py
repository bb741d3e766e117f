"""A durable, ordered, send-once print queue that holds its jobs while a printer is not ready.

Jobs are stored before anything is sent (the store is the station database, handed in through
`JobStore`, so this package stays free of the app). A background worker sends each printer's
jobs oldest first. Packing never waits for it.

Held, not lost: before a ZPL job goes to a printer that can answer ~HS (TCP, serial), the queue
asks it (printers.readiness, a "ready" answer kept a few seconds). Paper out, head open, paused,
ribbon out... hold the job and every one behind it, `queued` in the database, and the printer's
health says why and what fixes it ("Load labels"). The queue asks again every `hold_poll` seconds
and the jobs go by themselves, in order, once the printer says it is ready. A printer that cannot
be reached holds its jobs the same way, asked again with a growing back-off.

Send-once: a job is marked `sending` before its bytes go out and `done` after. A send that breaks
after the connection opened (a reset, a timeout after a partial write: JobInterrupted) may have
printed part of the label, so the job becomes `interrupted` and is never sent again by the
machine: a person resends it (`resend`), which queues the same job once more, or dismisses it
when the label came out whole. A job found `sending` at start-up (the station died mid-send) is
`interrupted` for the same reason.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Protocol

from printers.errors import (
    JobInterrupted,
    PrinterError,
    PrinterNotReady,
    PrinterUnreachable,
    SchedulerDown,
    UnknownQueue,
)
from printers.readiness import Readiness
from printers.reasons import reason, reason_of
from printers.status import PrinterStatus

log = logging.getLogger(__name__)


class JobState(StrEnum):
    QUEUED = "queued"
    SENDING = "sending"
    DONE = "done"
    INTERRUPTED = "interrupted"  # cut off mid-send: it may be half printed; a person resends or dismisses it
    FAILED = "failed"  # given up (older versions marked crash-interrupted jobs so); a person may resend it
    DISMISSED = "dismissed"  # a person said the interrupted job needs no resend (it came out whole)


NEEDS_A_PERSON = (JobState.INTERRUPTED, JobState.FAILED)
OPEN_STATES = (JobState.QUEUED, JobState.SENDING, JobState.INTERRUPTED, JobState.FAILED)


@dataclass
class PrintJob:
    printer: str  # transport URI
    document: str  # label, slip, ...
    format: str  # zpl, pdf, png, raw
    data: bytes
    reference: str = ""
    reprint_of: str | None = None
    uuid: str = field(default_factory=lambda: str(uuid.uuid4()))
    state: JobState = JobState.QUEUED
    attempts: int = 0
    last_error: str = ""

    @property
    def file_stem(self) -> str:
        """A readable job id for spool folders: label-order-1001-box-2-1a2b3c4d."""
        words = "".join(c if c.isalnum() else "-" for c in f"{self.document} {self.reference}").strip("-")
        return f"{'-'.join(w for w in words.split('-') if w)}-{self.uuid[:8]}"


class JobStore(Protocol):
    """Durable storage of jobs; every method commits before it returns."""

    def add(self, job: PrintJob) -> None: ...

    def get(self, job_uuid: str) -> PrintJob | None: ...

    def next_queued(self, printer: str) -> PrintJob | None: ...

    def printers_with_queued(self) -> list[str]: ...

    def update(self, job: PrintJob) -> None: ...

    def interrupted(self) -> list[PrintJob]:
        """Jobs left `sending` by a previous run."""
        ...

    def in_states(self, states: tuple[JobState, ...], limit: int = 20) -> list[PrintJob]:
        """Jobs in these states, oldest first."""
        ...

    def open_counts(self) -> dict[tuple[str, str], int]:
        """(printer, state) -> jobs, for the states that are not finished (OPEN_STATES)."""
        ...


class Sender(Protocol):
    def __call__(self, printer: str, data: bytes, job_id: str | None = None, /) -> None:
        """Send the bytes or raise PrinterError with a message for the packer (called with positions:
        printers.send names its first parameter `uri`)."""
        ...


@dataclass
class PrinterHealth:
    """What the queue knows of one printer: fine, or why its jobs are held and what fixes it."""

    printer: str
    ok: bool = True
    message: str = ""  # the sentence: "Label printer at 10.0.0.5:9100 is out of labels — load a new roll"
    fix: str = ""  # the few words for the printer card: "Load labels"
    retry_at: float = 0.0
    status: PrinterStatus | None = None  # the last ~HS answer, when one was asked
    failures: int = 0  # unreachable in a row (the back-off)


@dataclass(frozen=True)
class JobSummary:
    uuid: str
    printer: str
    document: str
    reference: str
    state: str
    message: str


@dataclass(frozen=True)
class QueueHealth:
    """The queue at a glance, for the packer's screen and `packstation printers list`."""

    printers: tuple[PrinterHealth, ...] = ()
    waiting: int = 0  # queued, on any printer
    held: int = 0  # queued on a printer that is not ready or not reachable
    interrupted: tuple[JobSummary, ...] = ()  # cut off mid-send: a person resends (or dismisses) them
    failed: int = 0  # given up by an older version: resend by job id if still wanted

    def printer(self, uri: str) -> PrinterHealth | None:
        return next((p for p in self.printers if p.printer == uri), None)

    @property
    def ok(self) -> bool:
        return not self.held and not self.interrupted and all(p.ok for p in self.printers)


def reprint_job(store: JobStore, job_uuid: str, job_id: str | None = None) -> PrintJob:
    """A new job with the same bytes, linked to the first (`reprint_of`); KeyError if there is none.
    With `job_id` (see PrintQueue.submit) asking twice makes one job.

    Works on the store alone, so `packstation printers` can ask beside a running station: its
    queue's worker sends what is queued.
    """
    if job_id is not None and (stored := store.get(job_id)) is not None:
        return stored
    original = store.get(job_uuid)
    if original is None:
        raise KeyError(f"no print job {job_uuid}")
    job = PrintJob(original.printer, original.document, original.format, original.data, original.reference,
                   reprint_of=original.reprint_of or original.uuid)
    if job_id is not None:
        job.uuid = job_id
    store.add(job)
    return job


def resend_job(store: JobStore, job_uuid: str) -> PrintJob:
    """The same job queued once more, in its place (before the jobs that came after it): for a job
    cut off mid-send (`interrupted`) or given up (`failed`). ValueError for any other state."""
    job = store.get(job_uuid)
    if job is None:
        raise KeyError(f"no print job {job_uuid}")
    if job.state not in NEEDS_A_PERSON:
        what = {JobState.DONE: "it was sent whole — ask for a reprint for another copy",
                JobState.QUEUED: "it is still waiting for its printer",
                JobState.SENDING: "it is being sent now",
                JobState.DISMISSED: "it was dismissed — ask for a reprint for another copy"}[job.state]
        raise ValueError(f"print job {job.uuid[:8]} ({job.document} {job.reference}) is not to resend: {what}")
    log.info("print job %s (%s %s) resent after: %s", job.uuid, job.document, job.reference, job.last_error)
    job.state, job.last_error = JobState.QUEUED, ""
    store.update(job)
    return job


def dismiss_job(store: JobStore, job_uuid: str) -> PrintJob:
    """A person looked: the interrupted job came out whole and is not to be sent again."""
    job = store.get(job_uuid)
    if job is None:
        raise KeyError(f"no print job {job_uuid}")
    if job.state not in NEEDS_A_PERSON:
        raise ValueError(f"print job {job.uuid[:8]} is {job.state.value}: only an interrupted job is dismissed")
    job.state = JobState.DISMISSED
    store.update(job)
    return job


class PrintQueue:
    def __init__(self, store: JobStore, send: Sender, *, on_change: Callable[[PrintJob], None] | None = None,
                 first_retry: float = 1.0, max_retry: float = 30.0, hold_poll: float = 2.0,
                 readiness: Readiness | bool = True, clock: Callable[[], float] = time.monotonic) -> None:
        """`readiness`: True asks ZPL printers ~HS before a job (a Readiness with its defaults), False never
        asks (a sender that is not a printer), or a Readiness of one's own (another cache interval)."""
        self.store = store
        self.send = send
        self.on_change = on_change or (lambda job: None)
        self.first_retry = first_retry
        self.max_retry = max_retry
        self.hold_poll = hold_poll
        self.clock = clock
        self.readiness = Readiness() if readiness is True else (readiness or None)
        self.health: dict[str, PrinterHealth] = {}
        self._listeners: list[Callable[[QueueHealth], None]] = []
        self._published: QueueHealth | None = None
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._lock = threading.Lock()  # one sender at a time: keeps per-printer order simple
        self._thread: threading.Thread | None = None
        self._recover()

    # ------------------------------------------------------------ submitting

    def submit(self, printer: str, document: str, fmt: str, data: bytes, reference: str = "",
               job_id: str | None = None) -> PrintJob:
        """Queue a job. With `job_id` (derived by the caller from what owes the job: the station's
        intents) submitting the same job again returns the stored one: it never prints twice."""
        if job_id is not None and (stored := self.store.get(job_id)) is not None:
            return stored
        job = PrintJob(printer, document, fmt, data, reference)
        if job_id is not None:
            job.uuid = job_id
        self.store.add(job)
        self._wake.set()
        return job

    def reprint(self, job_uuid: str, job_id: str | None = None) -> PrintJob:
        """A person asked for this job again: a new job, linked to the first (`job_id`: as for submit)."""
        job = reprint_job(self.store, job_uuid, job_id)
        self._wake.set()
        return job

    def resend(self, job_uuid: str) -> PrintJob:
        """A person asked for a job cut off mid-send to go again (resend_job)."""
        job = resend_job(self.store, job_uuid)
        self._wake.set()
        self.on_change(job)
        return job

    def resend_interrupted(self) -> list[PrintJob]:
        """Every job cut off mid-send, queued again (the packer's one key)."""
        return [self.resend(job.uuid) for job in self.store.in_states((JobState.INTERRUPTED,), limit=100)]

    def dismiss(self, job_uuid: str) -> PrintJob:
        job = dismiss_job(self.store, job_uuid)
        self._wake.set()
        return job

    # ------------------------------------------------------------ sending

    def run_once(self, now: float | None = None) -> int:
        """Send what can be sent now; returns how many jobs went out."""
        now = self.clock() if now is None else now
        sent = 0
        with self._lock:
            for printer in self.store.printers_with_queued():
                health = self.health.setdefault(printer, PrinterHealth(printer))
                if health.retry_at > now:
                    continue
                sent += self._send_queue_of(printer, health, now)
        self._publish()
        return sent

    def _send_queue_of(self, printer: str, health: PrinterHealth, now: float) -> int:
        sent = 0
        while (job := self.store.next_queued(printer)) is not None:
            try:
                self._ask_ready(printer, job, health)
            except PrinterNotReady as exc:
                self._hold(job, health, exc, now + self.hold_poll)
                return sent
            except PrinterError as exc:  # not reachable: nothing was sent
                health.failures += 1
                self._hold(job, health, exc, now + self._backoff(health.failures))
                return sent
            job.state = JobState.SENDING
            job.attempts += 1
            self.store.update(job)
            try:
                self.send(printer, job.data, job.file_stem)
            except JobInterrupted as exc:
                # Part of it may be on the label: never again by itself. The next job waits a moment.
                job.state, job.last_error = JobState.INTERRUPTED, reason_of(exc)
                self.store.update(job)
                self._forget(printer)
                health.ok, health.message, health.fix = False, reason_of(exc), "Resend the label"
                health.retry_at = now + self.first_retry
                log.warning("printer %s: job %s (%s) interrupted: %s", printer, job.uuid, job.reference, exc)
                self.on_change(job)
                return sent
            except PrinterError as exc:
                # Not sent (the transport says so): back to the queue, in the same place.
                job.state = JobState.QUEUED
                self.store.update(job)
                health.failures += 1
                self._forget(printer)
                self._hold(job, health, exc, now + self._backoff(health.failures))
                return sent
            job.state = JobState.DONE
            job.last_error = ""
            self.store.update(job)
            health.ok, health.message, health.fix, health.retry_at, health.failures = True, "", "", 0.0, 0
            sent += 1
            self.on_change(job)
        return sent

    def _ask_ready(self, printer: str, job: PrintJob, health: PrinterHealth) -> None:
        if self.readiness is None:
            return
        status = self.readiness.check(printer, job.format)
        if status is None:
            return
        health.status = status
        if not status.ready:
            raise PrinterNotReady(status.message, status, status.fix)

    def _hold(self, job: PrintJob, health: PrinterHealth, exc: PrinterError, retry_at: float) -> None:
        """The job stays queued (durable, in its place) and its printer is held until `retry_at`."""
        message = reason_of(exc)  # coded (printers.reasons): a screen words it in its language
        fix = exc.fix if isinstance(exc, PrinterNotReady) and exc.fix else _fix_for(exc)
        if job.last_error != message:
            job.last_error = message
            self.store.update(job)
        if health.ok or health.message != message:
            log.warning("printer %s holds its jobs: %s", health.printer, message)
        health.ok, health.message, health.fix, health.retry_at = False, message, fix, retry_at
        self.on_change(job)

    def _backoff(self, failures: int) -> float:
        return min(self.max_retry, self.first_retry * 2 ** min(failures - 1, 10))

    def _forget(self, printer: str) -> None:
        if self.readiness is not None:
            self.readiness.forget(printer)

    def drain(self, timeout: float) -> bool:
        """Send until nothing is queued or the time is up (headless runs); True when empty."""
        deadline = time.monotonic() + timeout
        while True:
            self.run_once()  # takes the send lock: also waits out a send the worker has in flight
            if not self.store.printers_with_queued():
                return True
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.05)

    def _recover(self) -> None:
        for job in self.store.interrupted():
            job.state = JobState.INTERRUPTED
            job.last_error = reason("stopped_while_sending")
            self.store.update(job)
            log.warning("print job %s (%s) was interrupted mid-send; not resent", job.uuid, job.reference)

    # ------------------------------------------------------------ health, for the screen

    def snapshot(self) -> QueueHealth:
        """The queue now: counts from the store, each printer's health from the last look."""
        counts = self.store.open_counts()
        not_ok = {uri for uri, h in self.health.items() if not h.ok}
        waiting = sum(n for (_, state), n in counts.items() if state == JobState.QUEUED)
        held = sum(n for (uri, state), n in counts.items() if state == JobState.QUEUED and uri in not_ok)
        failed = sum(n for (_, state), n in counts.items() if state == JobState.FAILED)
        interrupted = tuple(JobSummary(j.uuid, j.printer, j.document, j.reference, j.state.value, j.last_error)
                            for j in self.store.in_states((JobState.INTERRUPTED,))) \
            if any(state == JobState.INTERRUPTED for _, state in counts) else ()
        printers = tuple(replace(h) for _, h in sorted(list(self.health.items()), key=lambda item: item[0]))
        return QueueHealth(printers, waiting, held, interrupted, failed)

    def add_listener(self, callback: Callable[[QueueHealth], None]) -> Callable[[], None]:
        """`callback(health)` after every change, from the queue's worker thread; returns a remover."""
        self._listeners.append(callback)
        return lambda: self._listeners.remove(callback) if callback in self._listeners else None

    def _publish(self) -> None:
        if not self._listeners:
            return
        health = self.snapshot()
        if health == self._published:
            return
        self._published = health
        for callback in list(self._listeners):
            try:
                callback(health)
            except Exception:  # noqa: BLE001 - a screen that went away must not stop the printing
                log.exception("print queue listener")

    # ------------------------------------------------------------ the background worker

    def start(self) -> None:
        if self._thread is None:
            self._stop.clear()
            self._thread = threading.Thread(target=self._loop, name="print-queue", daemon=True)
            self._thread.start()

    def wake(self) -> None:
        self._wake.set()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                self.run_once()
            except Exception:  # noqa: BLE001 - the worker must outlive a bad job or a locked database
                log.exception("print queue worker")
            waits = [h.retry_at - self.clock() for h in self.health.values() if not h.ok and h.retry_at]
            self._wake.wait(timeout=max(0.05, min(waits, default=1.0)))
            self._wake.clear()


def _fix_for(error: PrinterError) -> str:
    """The few words for a printer that could not be reached or refused a job."""
    if isinstance(error, SchedulerDown):
        return "Ask IT to start CUPS"
    if isinstance(error, UnknownQueue):
        return "Check the printer settings"
    if isinstance(error, PrinterUnreachable):
        return "Check power and cable"
    return "Check the printer"
