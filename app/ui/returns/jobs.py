"""The returns window's work off the GUI thread: jobs for its worker that call the returns bench's services.

Everything here runs on the returns window's own StationWorker (a FIFO, like the packing
window's): `start_job` opens a `ReturnsBench` (app.returns.bench: the ReturnStation, its stock
views and bulk shipments) into the worker's context, and every other job is a function of that
bench that returns a plain, immutable view (app.returns.bench_views) for the window to render.
No widget is touched here, and nothing here reads or writes the database itself: the services do.

Labels (a returned unit's tag, GS1 logistic labels) are rendered and queued by the *packing*
station's print queue (`submit_labels`, a job for the packing window's worker): one queue per
station, so two senders never race for the same printer or mark each other's jobs interrupted.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from app.returns.bench_views import TAGGED, BenchView, BulkOrder, BulkView, ClosedReturn, PackPlan, StockRow
from app.ui.worker import Job, WorkerContext

if TYPE_CHECKING:  # imported by the worker, off the GUI thread
    from app.returns.bench import ReturnsBench
    from app.returns.service import ReturnOutcome, ReturnStation
    from printers import Label

__all__ = ["TAGGED", "BenchView", "BulkOrder", "BulkView", "ClosedReturn", "PackPlan", "Printed",
           "StockRow", "bench_job", "start_job", "step_job", "submit_labels"]


@dataclass(frozen=True)
class Printed:
    labels: int
    printer: str
    job: str


def start_job(config: Any, paths: Any, user: Any = None) -> Job:
    """Open the station's database for the returns bench, add the returns demo to a demo database,
    and sign the packer in at the returns bench (unless a return is open there already)."""

    def job(ctx: WorkerContext) -> BenchView:
        from app.returns.bench import open_returns_bench

        bench = open_returns_bench(config, paths)
        ctx.station = bench
        ctx.bench = bench  # its close() disposes the engine after the worker closed the repository
        return bench.start(user)

    return job


def bench_job(fn: Callable[[ReturnsBench], Any]) -> Job:
    def job(ctx: WorkerContext) -> Any:
        if ctx.station is None:
            raise RuntimeError("The returns bench is not ready.")
        return fn(ctx.station)

    return job


def step_job(call: Callable[[ReturnStation], ReturnOutcome]) -> Job:
    return bench_job(lambda bench: bench.step(call))


def submit_labels(labels: list[Label], reference: str, document: str = "label") -> Job:
    """A job for the *packing* window's worker: render for its label printer and queue durably."""

    def job(ctx: WorkerContext) -> Printed:
        output = getattr(ctx.station, "output", None)
        queue = getattr(output, "queue", None)
        if output is None or queue is None:
            raise RuntimeError("This station has no print queue to send labels to.")
        from printers import render_pdf, render_zpl

        fmt = output.printers.label_format
        data = render_zpl(labels) if fmt == "zpl" else render_pdf(labels, title=reference)
        queued = queue.submit(output.printers.label, document, fmt, data, reference=reference)
        return Printed(len(labels), output.printers.label, queued.uuid)

    return job
