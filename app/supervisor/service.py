"""One object the console, the command line and the tests ask for supervisor figures.

Every method opens its own short connection, so it may be called from any worker thread (the
window runs them on a thread pool). Stats methods bring the roll-ups up to date first; that
costs milliseconds after the first time (the first build folds the whole log, in batches).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import Engine

from app.domain import clock
from app.supervisor import audit, floor, holds, rollup
from app.supervisor.periods import Period
from app.supervisor.productivity import MIN_ACTIVE_S, GroupBy, HourPoint, Productivity, Weights, hourly, productivity
from app.supervisor.returns_figures import ReturnsFigures, returns_figures

Progress = Callable[[int, int], None]  # events folded so far, events to fold


class StatsService:
    def __init__(self, engine: Engine, *, hooks: floor.FloorHooks | None = None, settle_s: float | None = None,
                 min_active_s: float = MIN_ACTIVE_S) -> None:
        self.engine = engine
        # Rates from less active time than this are "not enough data" ([supervisor] min_active_minutes).
        self.min_active_s = min_active_s
        self.hooks = hooks or floor.FloorHooks()
        # SQLite commits in seq order; elsewhere leave the newest minute for the next refresh.
        self.settle_s = settle_s if settle_s is not None else (0.0 if engine.dialect.name == "sqlite" else 60.0)
        self._lock = threading.RLock()  # refresh() holds it and calls _ensure()
        self._ready = False

    @classmethod
    def open(cls, url: str, **kwargs: Any) -> StatsService:
        from app.store.db import open_database

        engine, _ = open_database(url)
        return cls(engine, **kwargs)

    def close(self) -> None:
        self.engine.dispose()

    # ------------------------------------------------------------ roll-ups

    def pending(self) -> int:
        """Events not yet in the roll-ups (how long the next refresh takes: about 1 s per 100,000)."""
        from sqlalchemy import func, select

        self._ensure()
        with self.engine.connect() as conn:
            top = conn.execute(select(func.max(rollup.EVENTS.c.seq))).scalar() or 0
            return max(0, int(top) - rollup.watermark(conn))

    def refresh(self, progress: Progress | None = None) -> rollup.RefreshReport:
        """Fold new events into the roll-ups; one thread at a time in this process."""
        with self._lock:
            self._ensure()
            if progress is None:
                return rollup.refresh(self.engine, settle_s=self.settle_s)
            total = self.pending()
            done = 0
            while True:
                report = rollup.refresh(self.engine, settle_s=self.settle_s, max_batches=1)
                done += report.events
                progress(min(done, total), total)
                if report.events == 0:
                    return rollup.RefreshReport(done, report.watermark, report.seconds)

    def _ensure(self) -> None:
        with self._lock:
            if not self._ready:
                rollup.ensure_tables(self.engine)
                self._ready = True

    # ------------------------------------------------------------ views

    def productivity(self, period: Period, by: GroupBy = "packer", weights: Weights | None = None, *,
                     hourly_for: str | None = None) -> Productivity:
        self.refresh()
        with self.engine.connect() as conn:
            return productivity(conn, period, by, weights, hourly_for=hourly_for, min_active_s=self.min_active_s)

    def returns(self, period: Period) -> ReturnsFigures:
        """Return rate, restock time and inventory accuracy (straight from the returns and stock tables:
        they are small beside the pack-event log, so they need no roll-up)."""
        with self.engine.connect() as conn:
            return returns_figures(conn, period)

    def floor(self, now: datetime | None = None) -> floor.FloorSnapshot:
        with self.engine.connect() as conn:
            return floor.floor(conn, hooks=self.hooks, now=now or clock.now())

    def holds(self) -> list[holds.HoldItem]:
        with self.engine.connect() as conn:
            return holds.queue(conn)

    def search(self, text: str, kind: str = "auto") -> list[audit.OrderHit]:
        with self.engine.connect() as conn:
            return audit.search(conn, text, kind)

    def history(self, number: str) -> audit.OrderHistory | None:
        with self.engine.connect() as conn:
            return audit.history(conn, number)

    def exceptions(self, period: Period, limit: int = 500) -> list[audit.ExceptionRow]:
        with self.engine.connect() as conn:
            return audit.exception_events(conn, period.utc_since, period.utc_until, limit)

    def hourly(self, period: Period, weights: Weights | None = None, by: GroupBy = "packer",
               only: str | None = None) -> list[HourPoint]:
        """The hourly series of one packer or station (None: everyone)."""
        self.refresh()
        with self.engine.connect() as conn:
            return hourly(conn, period, weights or Weights(), by, only)

    def reassign_targets(self) -> list[str]:
        """Benches and active packers, for the holds queue's "reassign to" list."""
        from sqlalchemy import select

        from app.store.models import Station, User

        with self.engine.connect() as conn:
            stations = conn.execute(select(Station.name).order_by(Station.name)).scalars().all()
            packers = conn.execute(select(User.name).where(User.active.is_(True)).order_by(User.name)).scalars().all()
        return [*stations, *packers]
