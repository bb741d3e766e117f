"""What goes into a packing session (inputs), what it records (facts), what it asks for (effects).

Inputs are already resolved by the station: a scanned order arrives with the order it named
(or None), an item with its product. The session itself never looks anything up.

Facts are the append-only pack events: the station commits them before it tells the packer
anything, and a session is rebuilt after a crash by applying them again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, ClassVar

from app.domain.model import Carton, Order, Product, User
from app.domain.scan import Command

# ---------------------------------------------------------------- inputs


@dataclass(frozen=True, slots=True)
class BadgeScanned:
    badge: str
    user: User | None  # None: nobody has this badge


@dataclass(frozen=True, slots=True)
class OrderScanned:
    reference: str  # what was scanned: order number, tote, AI 400
    order: Order | None
    held_elsewhere: str | None = None  # the station that is packing it, when not this one
    packed_note: str = ""  # for an order already packed: when and where
    # Networked, refused although no station holds it: "offline" (the central database is out of
    # reach and this station does not hold the order) or "not_central" (not in the central database).
    not_held: str | None = None


@dataclass(frozen=True, slots=True)
class ItemScanned:
    code: str  # the GTIN or text that was scanned, for messages and the log
    product: Product | None  # None: not in the catalogue
    units: int = 1  # a case barcode or a GS1 count carries more than one
    serial: str | None = None  # carried in the same barcode (GS1 AI 21)
    lot: str | None = None  # GS1 AI 10
    serial_shipped_in: str | None = None  # order number that already shipped this serial
    other_order: str | None = None  # an open order this product belongs to instead
    manual: bool = False  # typed by the packer, not scanned
    # Every open order holding this product (number, tote or None), best first, at most a few;
    # `other_orders_more`: how many more there are beyond those.
    other_orders: tuple[tuple[str, str | None], ...] = ()
    other_orders_more: int = 0
    shown: str = ""  # the barcode as the packer scanned it (an EAN-13 without the GTIN-14's leading 0)


@dataclass(frozen=True, slots=True)
class SerialScanned:
    """A serial or lot number, scanned after an item that needs one."""

    text: str
    is_lot: bool = False
    shipped_in: str | None = None  # order number that already shipped this serial
    manual: bool = False


@dataclass(frozen=True, slots=True)
class CommandScanned:
    command: Command
    argument: int | None = None


@dataclass(frozen=True, slots=True)
class CartonScanned:
    code: str
    carton: Carton | None


@dataclass(frozen=True, slots=True)
class WeightMeasured:
    grams: int
    stable: bool = True
    source: str = "scale"


@dataclass(frozen=True, slots=True)
class LabelPrinted:
    box: int
    tracking_number: str | None = None


@dataclass(frozen=True, slots=True)
class LabelFailed:
    box: int
    message: str
    can_retry: bool = True  # False: the label cannot be drawn (its data or template); a REPRINT cannot help


@dataclass(frozen=True, slots=True)
class OrderChanged:
    """The order changed upstream (cancelled, put on hold) while this station holds it."""

    order: Order


@dataclass(frozen=True, slots=True)
class ScanRejected:
    """The parser refused the scan (bad check digit, control characters, ...)."""

    raw: str
    reason: str
    message: str


@dataclass(frozen=True, slots=True)
class UnknownScan:
    """A clean scan that matched nothing the station knows in its current step."""

    text: str


Input = (
    BadgeScanned | OrderScanned | ItemScanned | SerialScanned | CommandScanned | CartonScanned
    | WeightMeasured | LabelPrinted | LabelFailed | OrderChanged | ScanRejected | UnknownScan
)


# ---------------------------------------------------------------- facts


@dataclass(frozen=True, slots=True)
class Fact:
    """One pack event. `data` is JSON-safe; `order` rides along in memory for order_opened."""

    type: str
    data: dict[str, Any] = field(default_factory=dict)
    order: Order | None = field(default=None, compare=False)


# ---------------------------------------------------------------- effects


class Tone(StrEnum):
    ACCEPTED = "accepted"  # green tick, short high beep
    REJECTED = "rejected"  # red cross, low buzz: stop and look
    WARNING = "warning"  # amber: done, but check something
    COMPLETE = "complete"  # order or parcel finished
    ATTENTION = "attention"  # the station needs an action (serial, carton, weight)
    INFO = "info"


@dataclass(frozen=True, slots=True)
class Worded:
    """A value of a feedback that is itself words of a vocabulary (a grade, flags, where a unit goes):
    `kind` names the vocabulary, `items` its codes, each with the names or numbers it needs (kept
    as they are); `english` is what the English message shows. The screen words the items."""

    kind: str
    items: tuple[tuple[str, ...], ...]
    english: str

    def __str__(self) -> str:
        return self.english


@dataclass(frozen=True, slots=True)
class Feedback:
    """What the packer is told. `code` names the outcome; `template` is the English sentence with
    {name} fields and `values` fills them: the screen words it in the packer's language from those
    (the template is the key of the translation catalogue), `message` is the English already filled
    in for logs, the CLI and replays. A feedback built without a template is shown as its message."""

    tone: Tone
    code: str  # stable machine name: wrong_item, over_scan, ...
    message: str  # one short sentence a packer takes in at a glance
    template: str = ""
    values: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @classmethod
    def say(cls, tone: Tone, code: str, template: str, **values: Any) -> Feedback:
        """A feedback worded by its template: the English message is the template filled in."""
        return cls(tone, code, template.format(**values), template, values)


@dataclass
class Told:
    """What one input told the person at the bench: the base of every mode's outcome (packing's
    `app.station.Outcome`, returns' `app.returns.service.ReturnOutcome`). The last feedback is the
    one shown; its tone picks the sound."""

    input: str  # the scan or command as the person gave it
    kind: str
    feedback: list[Feedback] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)  # the types of the facts it recorded

    NO_CODE: ClassVar[str] = "ignored"  # the code of an input that told nothing

    @property
    def tone(self) -> Tone:
        return self.feedback[-1].tone if self.feedback else Tone.INFO

    @property
    def code(self) -> str:
        return self.feedback[-1].code if self.feedback else self.NO_CODE

    @property
    def message(self) -> str:
        return self.feedback[-1].message if self.feedback else ""


@dataclass(frozen=True, slots=True)
class PrintLabel:
    box: int
    reprint: bool = False


@dataclass(frozen=True, slots=True)
class PrintSlip:
    order_number: str


@dataclass(frozen=True, slots=True)
class VoidLabels:
    order_number: str


@dataclass(frozen=True, slots=True)
class ReprintSlip:
    """A person asked for an order's packing slip again: the same document, as a new print job."""

    order_number: str


@dataclass(frozen=True, slots=True)
class ResendPrints:
    """A person asked for the print jobs cut off mid-send to go to the printer again."""


Effect = Feedback | PrintLabel | PrintSlip | VoidLabels | ReprintSlip | ResendPrints
