"""Errors of the printers package.

Every message is written for the packer at the bench: it says what is wrong and what to do,
because the station shows it as it is. The class says what kind of failure it was, so the
print queue can decide to retry (the printer was off) or not (the label cannot be made).
"""

from __future__ import annotations


class PrinterError(Exception):
    """Something went wrong between a document and the paper."""


class LabelError(PrinterError, ValueError):
    """A label or document cannot be made from the data it was given.

    `field` names the piece of data at fault (``"ship_to.name"``, ``"tracking_number"``) so a
    supervisor can fix the order rather than the printer. Retrying never helps.
    """

    def __init__(self, field: str, problem: str) -> None:
        self.field = field
        self.problem = problem
        super().__init__(f"{field}: {problem}" if field else problem)


class TemplateError(LabelError):
    """A label or document template (a file a warehouse may edit) is broken."""


class TransportError(PrinterError):
    """Bytes could not be delivered to a printer. Usually worth a retry once it is fixed."""


class PrinterUnreachable(TransportError):
    """The printer did not accept a connection or its device is missing."""


class SchedulerDown(PrinterUnreachable):
    """The computer's print service (CUPS) is not running: no queue on it takes a job."""


class UnknownQueue(PrinterUnreachable):
    """The print service runs but has no queue by the configured name (a settings error)."""


class PrinterTimeout(TransportError):
    """The printer accepted the connection but stopped taking or giving data in time."""


class ConnectionLost(TransportError):
    """The connection broke while a job was being sent; the label may be partly printed."""


class JobInterrupted(ConnectionLost):
    """The connection was open and part of the job may have reached the printer when it broke
    (a reset, a timeout after a partial write). The label may be half printed, so the queue never
    sends it again by itself: a person resends it."""


class PrinterNotReady(PrinterError):
    """The printer answered but reports a condition that stops printing (paper out, head open).

    `status` is the printers.status.PrinterStatus it reported; `fix` the few words a packer acts on
    ("Load labels"). Nothing of the job was sent.
    """

    def __init__(self, message: str, status: object | None = None, fix: str = "") -> None:
        super().__init__(message)
        self.status = status
        self.fix = fix


class BadPrinterUri(PrinterError, ValueError):
    """A printer URI in the station's configuration cannot be understood."""
