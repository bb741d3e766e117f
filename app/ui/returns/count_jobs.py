"""The cycle count at the bench, off the GUI thread: the returns worker's jobs on the count desk.

The rules live in the application service, app.returns.cycle_count.CountDesk (`packstation count
replay` drives the same desk without a window). A desk lives in the returns worker's context
(`ctx.extras["count_desk"]`) beside the ReturnsBench, so every input is taken in the order it was
scanned, whatever the screen knows yet: a bin and the items scanned right after it land in that
bin's count, even when the scanner is faster than the screen. Each step that changes a count is
committed by the service before its view comes back to the screen: what the packer was told is
counted is on disk.

Nothing here touches a widget or translates a sentence: a step returns a `CountView` with an
outcome code and its values, and app.ui.returns.count_view says it in the packer's language.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from app.domain.scan import Command
from app.returns.count_views import APPROVED, COUNTING, FINISHED, CountOutcome, CountRow, CountView, OpenCount
from app.ui.worker import Job, WorkerContext

if TYPE_CHECKING:  # imported by the worker, off the GUI thread
    from app.returns.cycle_count import CountDesk

__all__ = ["APPROVED", "COUNTING", "FINISHED", "CountOutcome", "CountRow", "CountView", "OpenCount", "command_job",
           "desk_job", "recount_job", "scan_job", "view_job"]


def desk_job(fn: Callable[[CountDesk], CountView]) -> Job:
    """A job on the count desk (made on first use, beside the returns bench in the worker's context)."""

    def job(ctx: WorkerContext) -> CountView:
        bench: Any = ctx.station
        if bench is None:
            raise RuntimeError("The returns bench is not ready.")
        held = ctx.extras.get("count_desk")
        if held is None or held[0] is not bench:
            from app.returns.cycle_count import CountDesk

            held = ctx.extras["count_desk"] = (bench, CountDesk.at_returns_bench(bench.engine, bench.station,
                                                                                 station=bench.config.station))
        return fn(held[1])

    return job


def scan_job(raw: str | bytes, manual: bool = False) -> Job:
    return desk_job(lambda desk: desk.scan(raw, manual))


def command_job(command: Command, argument: int | None = None) -> Job:
    return desk_job(lambda desk: desk.command(command, argument))


def recount_job() -> Job:
    return desk_job(lambda desk: desk.recount_key())


def view_job() -> Job:
    return desk_job(lambda desk: desk.view())
