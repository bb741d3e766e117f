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


class PrinterTimeout(TransportError):
    """The printer accepted the connection but stopped taking or giving data in time."""


class ConnectionLost(TransportError):
    """The connection broke while a job was being sent; the label may be partly printed."""


class PrinterNotReady(PrinterError):
    """The printer answered but reports a condition that stops printing (paper out, head open)."""

    def __init__(self, message: str, status: object | None = None) -> None:
        super().__init__(message)
        self.status = status


class BadPrinterUri(PrinterError, ValueError):
    """A printer URI in the station's configuration cannot be understood."""
