"""What goes into a return session. Like the packing session's inputs, they arrive resolved:
the service has already looked up the order, the product and the badge.

Badges, command cards, rejected and unknown scans are the packing bench's own inputs
(app.domain.events), so a scanner means the same thing at both benches.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.domain.events import BadgeScanned, CommandScanned, ScanRejected, UnknownScan
from app.domain.model import Product
from app.domain.returns.model import Disposition, Grade, ReturnableOrder


class LookupProblem:
    """Why a reference that names an order cannot open a return (ReturnReferenceScanned.problem)."""

    BAD_TOKEN = "bad_token"  # a return label whose token the shop never issued for that order
    NOT_SHIPPED = "not_shipped"  # the order has not left the building: nothing can come back
    RMA_CLOSED = "rma_closed"  # the authorisation was used up or withdrawn


@dataclass(frozen=True, slots=True)
class ReturnReferenceScanned:
    """A return label, RMA, tracking or order number, with the order it names (or None)."""

    reference: str
    order: ReturnableOrder | None
    received_at: datetime  # the station's clock: the session itself never reads one
    rma: str | None = None
    problem: str | None = None  # a LookupProblem value


@dataclass(frozen=True, slots=True)
class ReturnItemScanned:
    code: str
    product: Product | None  # None: not in the catalogue
    serial: str | None = None  # carried in the same barcode (GS1 AI 21)
    lot: str | None = None
    manual: bool = False


@dataclass(frozen=True, slots=True)
class ReturnSerialScanned:
    text: str
    manual: bool = False


@dataclass(frozen=True, slots=True)
class GradeChosen:
    """A grade card or button. With a disposition (a screen's one-click choice) the item is done."""

    grade: Grade
    reason: str = ""
    disposition: Disposition | None = None
    bin: str | None = None


@dataclass(frozen=True, slots=True)
class DispositionChosen:
    disposition: Disposition
    bin: str | None = None


@dataclass(frozen=True, slots=True)
class BinScanned:
    bin: str


@dataclass(frozen=True, slots=True)
class PhotoTaken:
    """The bench camera saved a photo of one unit of a return (it arrives after the unit was graded).

    `item_no` is the unit's number on the return; for the unit still in hand, the number it will
    be recorded with. `photo` is the file, relative to the station's data folder.
    """

    number: str
    item_no: int
    sku: str
    photo: str


ReturnInput = (
    ReturnReferenceScanned | ReturnItemScanned | ReturnSerialScanned | GradeChosen | DispositionChosen | BinScanned
    | PhotoTaken | BadgeScanned | CommandScanned | ScanRejected | UnknownScan
)
