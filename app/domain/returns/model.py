"""What a return is made of: grades, dispositions, flags, and the order it comes back against.

A `ReturnableOrder` is a snapshot the store builds when a return is opened: what the order
shipped (per SKU, with serials), what earlier returns already took back, and when it left.
The snapshot travels in the `return_opened` fact as JSON, so a resumed or audited return sees
exactly what the station believed at the bench, even if the order changes later.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

QUARANTINE_BIN = "QUARANTINE"  # the shelf for items a supervisor must look at; never sellable


class Grade(StrEnum):
    """The condition of one returned unit, as the person at the returns bench sees it."""

    RESELLABLE = "resellable"
    DAMAGED = "damaged"
    WRONG_ITEM = "wrong_item"
    MISSING_PARTS = "missing_parts"


class Disposition(StrEnum):
    """Where the unit goes next."""

    RESTOCK = "restock"  # back to a sellable bin
    QUARANTINE = "quarantine"  # to the quarantine shelf, for a supervisor
    DISPOSE = "dispose"  # scrapped
    RETURN_TO_VENDOR = "return_to_vendor"  # sent back to the supplier


class Flag(StrEnum):
    """Something a supervisor must see before the refund goes out."""

    LATE_RETURN = "late_return"  # received after the return window
    NOT_IN_ORDER = "not_in_order"  # a SKU the order never had
    SERIAL_NOT_SHIPPED = "serial_not_shipped"  # a serial this order did not ship
    SERIAL_ALREADY_RETURNED = "serial_already_returned"  # the same unit came back before
    MORE_THAN_SHIPPED = "more_than_shipped"  # more units of a SKU than shipped, net of earlier returns
    UNKNOWN_ITEM = "unknown_item"  # a barcode the catalogue does not know

    @property
    def item_level(self) -> bool:
        """Flags about one unit (which then may not be restocked), not about the whole return."""
        return self not in (Flag.LATE_RETURN, Flag.UNKNOWN_ITEM)


FLAG_TEXT: dict[Flag, str] = {
    Flag.LATE_RETURN: "late return",
    Flag.NOT_IN_ORDER: "item not in the order",
    Flag.SERIAL_NOT_SHIPPED: "serial not shipped",
    Flag.SERIAL_ALREADY_RETURNED: "serial already returned",
    Flag.MORE_THAN_SHIPPED: "more than shipped",
    Flag.UNKNOWN_ITEM: "unknown item",
}

# Reason codes offered per grade (a screen shows them as buttons; free text is accepted too).
REASONS: dict[Grade, tuple[str, ...]] = {
    Grade.RESELLABLE: ("changed_mind", "wrong_size", "not_as_described", "arrived_late"),
    Grade.DAMAGED: ("damaged_in_transit", "defective", "customer_damage"),
    Grade.WRONG_ITEM: ("wrong_item_sent", "not_our_item"),
    Grade.MISSING_PARTS: ("missing_accessories", "missing_packaging", "incomplete_set"),
}
MAX_REASON = 200

# A unit graded so is photographed by the bench camera without asking: the photo is the evidence
# for a carrier claim or a supplier (any other unit gets one on the PHOTO key).
PHOTO_GRADES = frozenset({Grade.DAMAGED, Grade.WRONG_ITEM})


def default_refund_percent() -> dict[Grade, int]:
    # Damage is usually the carrier's (a claim for the shop), not the customer's: full refund by
    # default. Shops that charge for customer damage lower it in their rules.
    return {Grade.RESELLABLE: 100, Grade.DAMAGED: 100, Grade.MISSING_PARTS: 50, Grade.WRONG_ITEM: 0}


@dataclass(frozen=True)
class ReturnRules:
    window_days: int = 30  # days after shipping a return is accepted without a supervisor
    refund_percent: Mapping[Grade, int] = field(default_factory=default_refund_percent)
    restock_grades: frozenset[Grade] = frozenset({Grade.RESELLABLE})
    quarantine_bin: str = QUARANTINE_BIN

    def __post_init__(self) -> None:
        if self.window_days < 0:
            raise ValueError(f"returns.window_days must be 0 or more, got {self.window_days}")
        for grade, percent in self.refund_percent.items():
            if not 0 <= percent <= 100:
                raise ValueError(f"returns.refund_percent.{grade} must be 0 to 100, got {percent}")

    def suggested_disposition(self, grade: Grade, flagged: bool) -> Disposition:
        if flagged or grade not in self.restock_grades:
            return Disposition.QUARANTINE
        return Disposition.RESTOCK

    def is_late(self, shipped_at: datetime | None, received_at: datetime) -> bool:
        if shipped_at is None:
            return False  # an order imported as shipped, without a date: nothing to measure
        # Whole calendar days, as customers read "30 days": the day of shipping is day 0.
        return received_at.date() > (shipped_at + timedelta(days=self.window_days)).date()


@dataclass(frozen=True, slots=True)
class ReturnableLine:
    """One SKU of the order: how many units left the building and how many came back before."""

    sku: str
    name: str
    shipped: int
    returned_before: int = 0
    requires_serial: bool = False
    bin_location: str | None = None

    @property
    def returnable(self) -> int:
        return max(0, self.shipped - self.returned_before)


@dataclass(frozen=True, slots=True)
class ReturnableOrder:
    number: str
    lines: tuple[ReturnableLine, ...]
    shipped_serials: frozenset[tuple[str, str]] = frozenset()  # (sku, serial)
    returned_serials: frozenset[tuple[str, str]] = frozenset()  # (sku, serial) from earlier returns
    shipped_at: datetime | None = None
    previous_returns: int = 0  # how many returns this order had before: names the next one
    status: str = "shipped"
    channel: str = ""

    def line(self, sku: str) -> ReturnableLine | None:
        return next((line for line in self.lines if line.sku == sku), None)

    def next_return_number(self) -> str:
        """"1001-R1", "1001-R2": readable on a quarantine tag, unique per order without a sequence."""
        return f"{self.number}-R{self.previous_returns + 1}"

    # -- JSON, for the return_opened fact

    def as_data(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "lines": [{"sku": x.sku, "name": x.name, "shipped": x.shipped, "returned_before": x.returned_before,
                       "requires_serial": x.requires_serial, "bin": x.bin_location} for x in self.lines],
            "shipped_serials": sorted([sku, serial] for sku, serial in self.shipped_serials),
            "returned_serials": sorted([sku, serial] for sku, serial in self.returned_serials),
            "shipped_at": self.shipped_at.isoformat() if self.shipped_at else None,
            "previous_returns": self.previous_returns,
            "status": self.status,
            "channel": self.channel,
        }

    @classmethod
    def from_data(cls, d: Mapping[str, Any]) -> ReturnableOrder:
        return cls(
            number=d["number"],
            lines=tuple(ReturnableLine(x["sku"], x["name"], x["shipped"], x.get("returned_before", 0),
                                       x.get("requires_serial", False), x.get("bin")) for x in d["lines"]),
            shipped_serials=frozenset((sku, serial) for sku, serial in d.get("shipped_serials", ())),
            returned_serials=frozenset((sku, serial) for sku, serial in d.get("returned_serials", ())),
            shipped_at=datetime.fromisoformat(d["shipped_at"]) if d.get("shipped_at") else None,
            previous_returns=d.get("previous_returns", 0),
            status=d.get("status", "shipped"),
            channel=d.get("channel", ""),
        )


@dataclass(frozen=True, slots=True)
class RaisedFlag:
    flag: Flag
    sku: str = ""
    serial: str | None = None
    detail: str = ""

    def as_data(self) -> dict[str, Any]:
        return {"flag": self.flag.value, "sku": self.sku, "serial": self.serial, "detail": self.detail}

    @classmethod
    def from_data(cls, d: Mapping[str, Any]) -> RaisedFlag:
        return cls(Flag(d["flag"]), d.get("sku", ""), d.get("serial"), d.get("detail", ""))

    def describe(self) -> str:
        what = FLAG_TEXT[self.flag]
        subject = " ".join(part for part in (self.sku, f"serial {self.serial}" if self.serial else "") if part)
        return f"{what} ({subject})" if subject else what


@dataclass(frozen=True, slots=True)
class ReturnedItem:
    """One unit received, graded and put somewhere: a row of return_items."""

    item_no: int
    sku: str
    grade: Grade
    reason: str
    disposition: Disposition
    bin: str | None = None
    serial: str | None = None
    lot: str | None = None
    in_order: bool = True
    flags: tuple[Flag, ...] = ()
    photo: str | None = None  # the bench camera's photo of the unit, relative to the station's data folder

    @property
    def units(self) -> int:
        return 1  # one unit per scan: each one is graded on its own

    def as_data(self) -> dict[str, Any]:
        data = {"item": self.item_no, "sku": self.sku, "grade": self.grade.value, "reason": self.reason,
                "disposition": self.disposition.value, "bin": self.bin, "serial": self.serial, "lot": self.lot,
                "in_order": self.in_order, "flags": [f.value for f in self.flags]}
        if self.photo:
            data["photo"] = self.photo  # only when there is one: a unit without a photo reads as before
        return data

    @classmethod
    def from_data(cls, d: Mapping[str, Any]) -> ReturnedItem:
        return cls(d["item"], d["sku"], Grade(d["grade"]), d["reason"], Disposition(d["disposition"]), d.get("bin"),
                   d.get("serial"), d.get("lot"), d.get("in_order", True), tuple(Flag(f) for f in d.get("flags", ())),
                   d.get("photo"))

    def refund_percent(self, rules: ReturnRules) -> int:
        """What the refund-ready event proposes: nothing for a unit that was not ours to take back."""
        if not self.in_order or any(f.item_level for f in self.flags):
            return 0
        return rules.refund_percent.get(self.grade, 0)
