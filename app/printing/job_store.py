"""The print queue's durable storage in the station database (printers.print_queue.JobStore).

It lives beside the station, not in app.store, because app.store never imports printers.
"""

from __future__ import annotations

from sqlalchemy import Engine, func, insert, select, update

from app.domain import clock
from app.store.db import write_transaction
from app.store.tables import print_jobs as _jobs  # Core: a window's start never imports the ORM
from printers.print_queue import OPEN_STATES, JobState, PrintJob
from printers.reasons import reason_from_text


class SqlJobStore:
    """Each call is its own short transaction on its own connection (the worker runs in a thread)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def add(self, job: PrintJob) -> None:
        now = clock.now()
        with write_transaction(self.engine) as conn:
            conn.execute(insert(_jobs).values(
                uuid=job.uuid, printer=job.printer, document=job.document, format=job.format,
                reference=job.reference, data=job.data, state=job.state.value, attempts=job.attempts,
                last_error=job.last_error, reprint_of=job.reprint_of, created_at=now, updated_at=now))

    def get(self, job_uuid: str) -> PrintJob | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(_jobs).where(_jobs.c.uuid == job_uuid)).first()
        return _job(row) if row else None

    def next_queued(self, printer: str) -> PrintJob | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(_jobs).where(_jobs.c.printer == printer, _jobs.c.state == "queued")
                               .order_by(_jobs.c.seq).limit(1)).first()
        return _job(row) if row else None

    def printers_with_queued(self) -> list[str]:
        with self.engine.connect() as conn:
            return list(conn.execute(select(_jobs.c.printer).where(_jobs.c.state == "queued").distinct()).scalars())

    def update(self, job: PrintJob) -> None:
        with write_transaction(self.engine) as conn:
            conn.execute(update(_jobs).where(_jobs.c.uuid == job.uuid).values(
                state=job.state.value, attempts=job.attempts, last_error=job.last_error,
                updated_at=clock.now()))

    def interrupted(self) -> list[PrintJob]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(_jobs).where(_jobs.c.state == "sending").order_by(_jobs.c.seq)).all()
        return [_job(row) for row in rows]

    def by_prefix(self, prefix: str) -> list[PrintJob]:
        """Jobs whose id starts with `prefix` (people type the 8 characters `printers list` shows)."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(_jobs).where(_jobs.c.uuid.startswith(prefix.strip().lower(), autoescape=True))
                                .order_by(_jobs.c.seq).limit(2)).all()
        return [_job(row) for row in rows]

    def in_states(self, states: tuple[JobState, ...], limit: int = 20) -> list[PrintJob]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(_jobs).where(_jobs.c.state.in_([s.value for s in states]))
                                .order_by(_jobs.c.seq).limit(limit)).all()
        return [_job(row) for row in rows]

    def open_counts(self) -> dict[tuple[str, str], int]:
        """(printer, state) -> jobs not finished; the index on state keeps it off the done jobs."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(_jobs.c.printer, _jobs.c.state, func.count())
                                .where(_jobs.c.state.in_([s.value for s in OPEN_STATES]))
                                .group_by(_jobs.c.printer, _jobs.c.state)).all()
        return {(printer, state): count for printer, state, count in rows}

    def first_for(self, reference: str, document: str) -> PrintJob | None:
        """The first (not a reprint) job made for this reference, e.g. "order 1001 box 1"."""
        with self.engine.connect() as conn:
            row = conn.execute(select(_jobs).where(_jobs.c.reference == reference, _jobs.c.document == document,
                                                   _jobs.c.reprint_of.is_(None))
                               .order_by(_jobs.c.seq.desc()).limit(1)).first()
        return _job(row) if row else None

    # -- for the screen and the CLI

    def recent(self, limit: int = 50) -> list[PrintJob]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(_jobs).order_by(_jobs.c.seq.desc()).limit(limit)).all()
        return [_job(row) for row in rows]

    def counts(self) -> dict[tuple[str, str], int]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(_jobs.c.printer, _jobs.c.state, func.count())
                                .group_by(_jobs.c.printer, _jobs.c.state)).all()
        return {(printer, state): count for printer, state, count in rows}


def _job(row) -> PrintJob:  # noqa: ANN001 - a Row of print_jobs
    return PrintJob(printer=row.printer, document=row.document, format=row.format, data=row.data,
                    reference=row.reference, reprint_of=row.reprint_of, uuid=row.uuid, state=JobState(row.state),
                    attempts=row.attempts, last_error=reason_from_text(row.last_error))  # its code again, for a screen
