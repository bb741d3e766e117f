"""A person's dealings with the station's printers: resend what was cut off, the slip again, the
queue's health. The packer's keys and scan cards (through the Station), `packstation printers` and
the printer card on the screen all come here, so each does the same thing.

Nothing here is a fact of packing: a resend queues the same job again, a slip reprint is a new
print job linked to the first slip (`reprint_of`), and the print job records are the trail.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from app.domain.events import Feedback, ReprintSlip, ResendPrints, Tone
from printers.print_queue import PrintJob, PrintQueue, QueueHealth
from printers.reasons import reason_of

log = logging.getLogger(__name__)


def slip_reference(order_number: str) -> str:
    """How an order's slip jobs are found again (the reference app.printing.output gives them)."""
    return f"order {order_number} slip"


def queue_of(output: Any) -> PrintQueue | None:
    """The print queue behind a station's output (None for an output without one, e.g. a test's)."""
    queue = getattr(output, "queue", None)
    return queue if isinstance(queue, PrintQueue) else None


def carry_out(output: Any, repo: Any, effect: ReprintSlip | ResendPrints) -> list[Feedback]:
    """The station's side of PS:CMD:RESEND and PS:CMD:REPRINT-SLIP: what happened, for the packer."""
    queue = queue_of(output)
    if queue is None:
        return [Feedback.say(Tone.REJECTED, "no_print_queue", "This station has no print queue.")]
    if isinstance(effect, ResendPrints):
        jobs = queue.resend_interrupted()
        if not jobs:
            return [Feedback.say(Tone.INFO, "nothing_to_resend", "Nothing to resend: no print job was cut off.")]
        names = ", ".join(_job_words(job) for job in jobs)
        return [Feedback.say(Tone.ACCEPTED, "resent", "Resending {jobs}.", jobs=names)]
    try:
        job, again = reprint_slip(output, repo, effect.order_number)
    except LookupError as exc:
        return [Feedback.say(Tone.REJECTED, "reprint_slip_failed", "Packing slip did not print: {reason}",
                             reason=reason_of(exc))]
    except Exception as exc:  # noqa: BLE001 - rendering or the printer: the packer hears why, nothing crashes
        log.exception("slip reprint of order %s", effect.order_number)
        return [Feedback.say(Tone.REJECTED, "reprint_slip_failed", "Packing slip did not print: {reason}",
                             reason=reason_of(exc))]
    if not again:
        return [Feedback.say(Tone.WARNING, "slip_printed",
                             "No packing slip of order {order} was printed before: printing it now.",
                             order=effect.order_number)]
    return [Feedback.say(Tone.ACCEPTED, "slip_reprinted", "Packing slip of order {order} sent again.",
                         order=effect.order_number)]


def reprint_slip(output: Any, repo: Any, order_number: str) -> tuple[PrintJob, bool]:
    """The order's packing slip again: the same document (the first slip job's bytes) as a new job.

    Returns (the job, True), or (the job, False) when no slip had been queued for the order (a
    slip lost before this build made it durable): then it is rendered and queued now, the first.
    LookupError when the order is unknown or not packed.
    """
    queue = queue_of(output)
    if queue is None:
        raise LookupError("This station has no print queue.")
    order = repo.order_by_number(order_number)
    if order is None:
        raise LookupError(f"No order {order_number}.")
    first = output.store.first_for(slip_reference(order.number), "slip")
    if first is not None:
        return queue.reprint(first.uuid), True
    parcels = repo.parcels_of(order.number)
    if not parcels:
        raise LookupError(f"Order {order.number} has no parcel yet: its packing slip prints when it is packed.")
    output.print_slip(order, parcels)
    made = output.store.first_for(slip_reference(order.number), "slip")
    if made is None:
        raise LookupError(f"The packing slip of order {order.number} was not queued.")
    return made, False


def watch(output: Any, callback: Callable[[QueueHealth], None]) -> QueueHealth | None:
    """Call `callback(health)` whenever the queue's health changes (from the queue's thread) and
    return the health now; None when the output has no queue."""
    queue = queue_of(output)
    if queue is None:
        return None
    queue.add_listener(callback)
    queue.wake()
    return queue.snapshot()


def _job_words(job: PrintJob) -> str:
    return f"{job.document} {job.reference}".strip()
