"""What the returns bench, its stock views and its bulk shipments return: plain, immutable values.

The returns window renders them, `packstation` commands print them, tests assert on them. No
I/O and no SQLAlchemy here, so the returns window imports this module when it starts; the
services (app.returns.bench, app.returns.stock, app.returns.bulk_shipments) are imported by the
returns worker, off the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.domain.returns import ReturnedItem, ReturnState
    from app.returns.service import ReturnOutcome
    from printers import Label

TAGGED = frozenset({"quarantine", "dispose", "return_to_vendor"})  # units that need a tag saying why


# ---------------------------------------------------------------- stock


@dataclass(frozen=True)
class StockRow:
    """One SKU in one bin, before and after a return."""

    sku: str
    bin: str
    before: int
    after: int

    @property
    def delta(self) -> int:
        return self.after - self.before


@dataclass(frozen=True)
class ClosedReturn:
    number: str
    order: str
    status: str  # closed, held, abandoned
    items: tuple[ReturnedItem, ...]
    stock: tuple[StockRow, ...]
    available: tuple[tuple[str, int, int], ...]  # (SKU, sellable before, sellable after)


# ---------------------------------------------------------------- the returns bench


@dataclass(frozen=True)
class BenchView:
    state: ReturnState
    outcome: ReturnOutcome | None = None
    levels: dict[str, dict[str, int]] = field(default_factory=dict)  # SKU -> {bin: on hand} of the open return
    closed: ClosedReturn | None = None
    tags: tuple[Label, ...] = ()  # to print now (units that went to quarantine, dispose, vendor)
    tag_reference: str = ""
    note: str = ""
    recorded: tuple[ReturnedItem, ...] = ()  # units this step recorded (the bench camera photographs some)
    number: str = ""  # the return they were recorded on


# ---------------------------------------------------------------- bulk shipments


@dataclass(frozen=True)
class BulkOrder:
    number: str
    customer: str
    status: str
    ordered: int
    cartons: int
    pallets: int


@dataclass(frozen=True)
class PackPlan:
    """What "pack what is left" builds for an order: single-SKU cartons of up to `per_carton` units,
    then the cartons not on a pallet yet onto pallets of up to `per_pallet` cartons."""

    per_carton: int
    per_pallet: int
    units: int = 0  # units left to pack
    cartons: int = 0  # new cartons
    pallets: int = 0  # new pallets (for the new cartons and any loose ones)


@dataclass(frozen=True)
class BulkView:
    number: str
    asn: dict[str, Any]  # AsnDocument.as_dict(): pallets -> cartons -> items
    complete: bool
    remaining: dict[str, int]
    plan: PackPlan | None = None
