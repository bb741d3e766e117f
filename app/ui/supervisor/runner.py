"""Database work for the supervisor's console, off the GUI thread, results back on it.

Each view submits a query as a plain function under a key ("floor", "stats", "holds"...). It
runs on a small QThreadPool; its result comes back through a queued signal, so the callback runs
on the GUI thread (the Anki "operation" pattern: a job never touches a widget). Only the latest
submission of a key is delivered: when a supervisor changes the period twice in a row, the
first answer, if it comes late, is dropped instead of flashing on screen.

Two threads: a long first build of the statistics never holds back the floor's refresh.
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class QueryResult:
    key: str
    token: int
    value: Any = None
    error: BaseException | None = None
    seconds: float = 0.0
    thread: int = 0  # threading.get_ident() of the thread that ran the query (tests check it)

    @property
    def ok(self) -> bool:
        return self.error is None


class _Job(QRunnable):
    def __init__(self, runner: QueryRunner, key: str, token: int, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.runner, self.key, self.token, self.fn = runner, key, token, fn
        self.setAutoDelete(True)

    def run(self) -> None:
        started = time.perf_counter()
        try:
            value, error = self.fn(), None
        except Exception as exc:  # noqa: BLE001 - reported to the view, never kills the pool
            log.exception("supervisor query %s failed", self.key)
            value, error = None, exc
        result = QueryResult(self.key, self.token, value, error, time.perf_counter() - started,
                             threading.get_ident())
        self.runner._finished.emit(result)  # queued: delivered on the runner's (GUI) thread


class QueryRunner(QObject):
    done = Signal(object)  # every delivered QueryResult, after its callback (tests wait on it)
    _finished = Signal(object)

    def __init__(self, parent: QObject | None = None, threads: int = 2) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(threads)
        self._tokens = itertools.count(1)
        self._latest: dict[str, int] = {}
        self._callbacks: dict[int, tuple[Callable[[Any], None], Callable[[BaseException], None] | None]] = {}
        self._running: set[int] = set()
        self._closed = False
        self._finished.connect(self._deliver)

    def submit(self, key: str, fn: Callable[[], Any], on_done: Callable[[Any], None],
               on_error: Callable[[BaseException], None] | None = None) -> int:
        """Run fn() on the pool; on_done(value) or on_error(exc) later, on the GUI thread."""
        if self._closed:
            return 0
        token = next(self._tokens)
        self._latest[key] = token
        self._callbacks[token] = (on_done, on_error)
        self._running.add(token)
        self.pool.start(_Job(self, key, token, fn))
        return token

    def busy(self, key: str | None = None) -> bool:
        if key is None:
            return bool(self._running)
        token = self._latest.get(key)
        return token is not None and token in self._running

    @property
    def idle(self) -> bool:
        return not self._running

    def _deliver(self, result: QueryResult) -> None:
        self._running.discard(result.token)
        on_done, on_error = self._callbacks.pop(result.token, (None, None))
        if self._closed or self._latest.get(result.key) != result.token:
            return  # a newer query of this key is on its way (or the window closed)
        if result.ok and on_done is not None:
            on_done(result.value)
        elif not result.ok and on_error is not None:
            on_error(result.error)  # type: ignore[arg-type]
        self.done.emit(result)

    def close(self, last: Callable[[], Any] | None = None, timeout_ms: int = 10_000) -> None:
        """Drop queued queries, run `last` (e.g. record the sign-out), wait for running ones (they
        hold database connections), and deliver nothing more."""
        self._closed = True
        self.pool.clear()
        if last is not None:
            self.pool.start(_Job(self, "_last", 0, last))
        self.pool.waitForDone(timeout_ms)
