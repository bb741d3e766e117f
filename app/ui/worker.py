"""One worker thread that owns the Station: every station call runs there, in submission order.

The Station is not thread-safe and a scan must be handled after the scan before it, so the GUI
never calls it directly: it submits a job (a function of the worker's context) and gets the
result back through the `done` signal, on the GUI thread. The queue is a plain FIFO, so 200 scans
submitted in a burst are handled in that order while the GUI keeps painting (the Anki
"operation" pattern: never touch a widget inside the job).

The Station itself is built inside the worker (`start_job`), so that opening and migrating the
database at start-up never blocks the window either.
"""

from __future__ import annotations

import itertools
import logging
import queue
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QThread, Signal

log = logging.getLogger(__name__)


@dataclass
class WorkerContext:
    """What jobs work with. Only the worker thread reads or writes it."""

    bench: Any = None
    station: Any = None
    extras: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class JobResult:
    job_id: int
    tag: str
    value: Any = None
    error: BaseException | None = None
    queued_s: float = 0.0  # time spent waiting behind earlier jobs
    run_s: float = 0.0  # time the job itself took

    @property
    def ok(self) -> bool:
        return self.error is None


Job = Callable[[WorkerContext], Any]


class JobTracker:
    """A window's jobs submitted and not yet rendered, and the callback each result goes to."""

    def __init__(self) -> None:
        self._callbacks: dict[int, Callable[[JobResult], None]] = {}
        self._in_flight: set[int] = set()

    def submit(self, worker: StationWorker, job: Job, tag: str,
               callback: Callable[[JobResult], None] | None = None) -> int:
        job_id = worker.submit(job, tag)
        self._in_flight.add(job_id)
        if callback is not None:
            self._callbacks[job_id] = callback
        return job_id

    @property
    def idle(self) -> bool:
        return not self._in_flight

    def finished(self, result: JobResult) -> Callable[[JobResult], None] | None:
        """The result is rendered now: the callback it was submitted with, if any."""
        self._in_flight.discard(result.job_id)
        return self._callbacks.pop(result.job_id, None)


@dataclass(frozen=True)
class _Item:
    job_id: int
    tag: str
    fn: Job
    submitted: float


_STOP = object()


class StationWorker(QThread):
    """A QThread running a FIFO of jobs against one WorkerContext."""

    done = Signal(object)  # JobResult, delivered on the GUI thread (queued connection)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("station-worker")
        self.context = WorkerContext()
        self._queue: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._ids = itertools.count(1)

    def submit(self, fn: Job, tag: str = "") -> int:
        """Queue a job; thread-safe and never blocks. Returns the job id."""
        job_id = next(self._ids)
        self._queue.put(_Item(job_id, tag, fn, time.perf_counter()))
        return job_id

    def pending(self) -> int:
        return self._queue.qsize()

    def stop(self, timeout_ms: int = 5000) -> None:
        """Finish the jobs already queued, then end the thread (a scan in flight is never dropped)."""
        if self.isRunning():
            self._queue.put(_STOP)
            self.wait(timeout_ms)

    def run(self) -> None:
        while True:
            item = self._queue.get()
            if item is _STOP:
                break
            started = time.perf_counter()
            try:
                value = item.fn(self.context)
                error = None
            except Exception as exc:  # noqa: BLE001 - a failing job is reported to the GUI, never kills the worker
                log.exception("station job %s (%s) failed", item.job_id, item.tag)
                value, error = None, exc
            finished = time.perf_counter()
            self.done.emit(JobResult(item.job_id, item.tag, value, error, started - item.submitted,
                                     finished - started))
        self._close()

    def _close(self) -> None:
        station = self.context.station
        if getattr(station, "has_deferred", False):
            try:
                for _ in range(4):  # the label, then what it owes: the slip goes to the queue before it stops
                    if not station.has_deferred:
                        break
                    station.run_deferred()
            except Exception:  # noqa: BLE001 - closing on exit must not raise
                log.exception("the last packing slip could not be queued")
        watch = self.context.extras.get("order_watch")
        if watch is not None:
            watch.stop()  # it reads the database: stop it before that closes
        stop_output = getattr(getattr(station, "output", None), "stop", None)
        if stop_output is not None:
            stop_output()  # the print queue's thread uses the database: stop it before closing that
        central = self.context.extras.get("central")
        if central is not None:
            try:
                # What was packed reaches the central database before we exit, or the log says what did not.
                unpushed = central.finish(timeout_s=10)
                if unpushed:
                    log.warning("closing: %s", unpushed)
            except Exception:  # noqa: BLE001 - closing on exit must not raise
                log.exception("stopping the central sync failed")
        repo = getattr(station, "repo", None)
        if repo is not None:
            try:
                repo.close()
            except Exception:  # noqa: BLE001 - closing on exit must not raise
                log.exception("closing the repository failed")
        bench = self.context.bench
        if bench is not None:
            bench.close()
