"""A durable, ordered, send-once print queue.

Jobs are stored before anything is sent (the store is the station database, handed in through
`JobStore`, so this package stays free of the app). A background worker sends each printer's
jobs oldest first. A printer that is off, out of paper or unplugged holds its jobs without
losing them and without blocking packing; they go out in order when it returns.

Send-once: a job is marked `sending` before its bytes go out and `done` after. A job found
`sending` at start-up (the station died mid-send) may have printed, so it is marked failed and
left for a person to reprint; the machine never sends it twice on its own.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol

from printers.errors import PrinterError

log = logging.getLogger(__name__)


class JobState(StrEnum):
    QUEUED = "queued"
    SENDING = "sending"
    DONE = "done"
    FAILED = "failed"


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


class Sender(Protocol):
    def __call__(self, printer: str, data: bytes, job_id: str | None = None) -> None:
        """Send the bytes or raise PrinterError with a message for the packer."""
        ...


@dataclass
class PrinterHealth:
    printer: str
    queued: int = 0
    ok: bool = True
    message: str = ""
    retry_at: float = 0.0


class PrintQueue:
    def __init__(self, store: JobStore, send: Sender, *, on_change: Callable[[PrintJob], None] | None = None,
                 first_retry: float = 1.0, max_retry: float = 30.0) -> None:
        self.store = store
        self.send = send
        self.on_change = on_change or (lambda job: None)
        self.first_retry = first_retry
        self.max_retry = max_retry
        self.health: dict[str, PrinterHealth] = {}
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._lock = threading.Lock()  # one sender at a time: keeps per-printer order simple
        self._thread: threading.Thread | None = None
        self._recover()

    # ------------------------------------------------------------ submitting

    def submit(self, printer: str, document: str, fmt: str, data: bytes, reference: str = "") -> PrintJob:
        job = PrintJob(printer, document, fmt, data, reference)
        self.store.add(job)
        self._wake.set()
        return job

    def reprint(self, job_uuid: str) -> PrintJob:
        """A person asked for this job again: a new job, linked to the first."""
        original = self.store.get(job_uuid)
        if original is None:
            raise KeyError(f"no print job {job_uuid}")
        job = PrintJob(original.printer, original.document, original.format, original.data, original.reference,
                       reprint_of=original.reprint_of or original.uuid)
        self.store.add(job)
        self._wake.set()
        return job

    # ------------------------------------------------------------ sending

    def run_once(self, now: float | None = None) -> int:
        """Send what can be sent now; returns how many jobs went out."""
        now = time.monotonic() if now is None else now
        sent = 0
        with self._lock:
            for printer in self.store.printers_with_queued():
                health = self.health.setdefault(printer, PrinterHealth(printer))
                if health.retry_at > now:
                    continue
                sent += self._send_queue_of(printer, health, now)
        return sent

    def _send_queue_of(self, printer: str, health: PrinterHealth, now: float) -> int:
        sent = 0
        while (job := self.store.next_queued(printer)) is not None:
            job.state = JobState.SENDING
            job.attempts += 1
            self.store.update(job)
            try:
                self.send(printer, job.data, job.file_stem)
            except PrinterError as exc:
                # Not sent (the transport says so): back to the queue, in the same place.
                job.state = JobState.QUEUED
                job.last_error = str(exc)
                self.store.update(job)
                delay = min(self.max_retry, self.first_retry * 2 ** min(job.attempts - 1, 10))
                health.ok, health.message, health.retry_at = False, str(exc), now + delay
                log.warning("printer %s: %s (retry in %.0f s)", printer, exc, delay)
                self.on_change(job)
                return sent
            job.state = JobState.DONE
            job.last_error = ""
            self.store.update(job)
            health.ok, health.message, health.retry_at = True, "", 0.0
            sent += 1
            self.on_change(job)
        return sent

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
            job.state = JobState.FAILED
            job.last_error = "Interrupted while sending: it may have printed. Reprint if it is missing."
            self.store.update(job)
            log.warning("print job %s (%s) was interrupted mid-send; not resent", job.uuid, job.reference)

    # ------------------------------------------------------------ the background worker

    def start(self) -> None:
        if self._thread is None:
            self._stop.clear()
            self._thread = threading.Thread(target=self._loop, name="print-queue", daemon=True)
            self._thread.start()

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
            waits = [h.retry_at - time.monotonic() for h in self.health.values() if not h.ok]
            self._wake.wait(timeout=max(0.05, min(waits, default=1.0)))
            self._wake.clear()
