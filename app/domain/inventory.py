"""Stock rules, pure: which bin a shipment takes from, when stock may go negative, cycle counts.

Stock is kept per SKU per bin. Every change is a movement with a reason, a user and a
reference; the store keeps a level per (SKU, bin) that always equals the sum of its
movements. The rules here decide what a change should be; the store records it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from app.domain.model import User
from app.domain.returns.model import QUARANTINE_BIN


class MovementReason(StrEnum):
    INITIAL = "initial"  # opening balance (demo data, first import)
    RECEIPT = "receipt"  # goods received and put away
    SHIPMENT = "shipment"  # an order left the building
    SHIPMENT_VOID = "shipment_void"  # its labels were voided: the units are back on the shelf
    RETURN_RESTOCK = "return_restock"  # a returned unit back in a sellable bin
    RETURN_QUARANTINE = "return_quarantine"  # a returned unit on the quarantine shelf
    RETURN_UNDO = "return_undo"  # a returned unit taken back out (UNDO at the returns bench)
    TRANSFER = "transfer"  # moved between bins (e.g. released from quarantine)
    ADJUSTMENT = "adjustment"  # a person corrected the stock, with a reason
    CYCLE_COUNT = "cycle_count"  # an approved count's variance


@dataclass(frozen=True, slots=True)
class Movement:
    """One recorded stock movement of any station, as the central database holds it.

    A station pulls the others' into its own ledger (app.sync.ledgers, app.store.inventory
    apply_pulled_movements); IT reads them from the central database (app.sync.stock).
    `central_id` is the central database's arrival order.
    """

    uuid: str
    station: str
    sku: str
    bin: str
    delta: int
    reason: str
    reference: str
    note: str
    user_name: str | None
    negative: bool
    at: datetime
    central_id: int


class NegativeStock(StrEnum):
    REFUSE = "refuse"  # the change is refused
    FLAG = "flag"  # the change is made and flagged for a supervisor


class NegativeStockError(ValueError):
    """A change would take a bin below zero and the rule says refuse."""

    def __init__(self, sku: str, bin_location: str, on_hand: int, delta: int) -> None:
        super().__init__(f"{sku} in {bin_location}: {on_hand} on hand, cannot take {-delta}")
        self.sku, self.bin, self.on_hand, self.delta = sku, bin_location, on_hand, delta


@dataclass(frozen=True)
class InventoryRules:
    # A parcel that shipped has left whatever the records say: refusing would only lose the
    # movement. The record is wrong, so it is flagged for a count.
    on_shipment: NegativeStock = NegativeStock.FLAG
    # A person's adjustment that makes no physical sense is refused.
    on_adjustment: NegativeStock = NegativeStock.REFUSE
    unsellable_bins: frozenset[str] = frozenset({QUARANTINE_BIN})

    def sellable(self, bin_location: str) -> bool:
        return bin_location not in self.unsellable_bins


DEFAULT_INVENTORY_RULES = InventoryRules()


def available(levels: Mapping[str, int], rules: InventoryRules = DEFAULT_INVENTORY_RULES) -> int:
    """Units that may be sold: sellable bins only, never below zero (a negative bin is a data error)."""
    return max(0, sum(qty for bin_location, qty in levels.items() if rules.sellable(bin_location)))


def check_change(sku: str, bin_location: str, on_hand: int, delta: int, policy: NegativeStock) -> bool:
    """True when the change takes the bin below zero (to be flagged); raises when refused."""
    negative = delta < 0 and on_hand + delta < 0
    if negative and policy is NegativeStock.REFUSE:
        raise NegativeStockError(sku, bin_location, on_hand, delta)
    return negative


@dataclass(frozen=True, slots=True)
class Take:
    bin: str
    units: int  # positive: units taken out


def plan_take(sku: str, levels: Mapping[str, int], units: int, primary_bin: str | None,
              policy: NegativeStock, rules: InventoryRules = DEFAULT_INVENTORY_RULES) -> tuple[list[Take], bool]:
    """Which bins a shipment of `units` takes from, and whether that goes negative.

    Pickers take from the product's primary bin first; then from its other sellable bins, the
    fullest first (overflow). What no bin holds is taken from the primary bin (which goes
    negative, flagged) or refused.
    """
    if units <= 0:
        return [], False
    order = [primary_bin] if primary_bin and rules.sellable(primary_bin) else []
    order += sorted((b for b, q in levels.items() if b != primary_bin and q > 0 and rules.sellable(b)),
                    key=lambda b: (-levels[b], b))
    takes: list[Take] = []
    left = units
    for bin_location in order:
        take = min(left, max(0, levels.get(bin_location, 0)))
        if take:
            takes.append(Take(bin_location, take))
            left -= take
        if not left:
            return takes, False
    target = order[0] if order else (primary_bin or "UNASSIGNED")
    taken = sum(t.units for t in takes if t.bin == target)
    check_change(sku, target, levels.get(target, 0) - taken, -left, policy)
    for index, earlier in enumerate(takes):
        if earlier.bin == target:
            takes[index] = Take(target, earlier.units + left)
            break
    else:
        takes.append(Take(target, left))
    return takes, True


# ---------------------------------------------------------------- cycle counts


class CountStatus(StrEnum):
    COUNTING = "counting"  # scanning what is in the bin
    FINISHED = "finished"  # counted: the variance is shown, a supervisor approves or asks a recount
    APPROVED = "approved"  # variance booked as cycle_count movements
    CANCELLED = "cancelled"


class NotSupervisor(PermissionError):
    """Only a supervisor (or admin) may approve a count's variance."""


@dataclass(frozen=True, slots=True)
class Variance:
    sku: str
    expected: int
    counted: int

    @property
    def delta(self) -> int:
        return self.counted - self.expected


@dataclass(frozen=True)
class CountSheet:
    """One count of one bin. Blind: the counter is shown `expected` only once finished."""

    bin: str
    expected: Mapping[str, int]
    counted: Mapping[str, int] = field(default_factory=dict)
    round: int = 1

    def count(self, sku: str, units: int = 1) -> CountSheet:
        if units < 0 or self.counted.get(sku, 0) + units < 0:
            raise ValueError("a count cannot go below zero")
        return CountSheet(self.bin, self.expected, {**self.counted, sku: self.counted.get(sku, 0) + units}, self.round)

    def variances(self) -> tuple[Variance, ...]:
        skus = sorted(set(self.expected) | set(self.counted))
        return tuple(Variance(sku, self.expected.get(sku, 0), self.counted.get(sku, 0)) for sku in skus)

    def discrepancies(self) -> tuple[Variance, ...]:
        return tuple(v for v in self.variances() if v.delta)

    def approve(self, by: User) -> tuple[Variance, ...]:
        """The adjustments to book: each SKU's variance. Only a supervisor may approve."""
        if not by.role.can_override:
            raise NotSupervisor(f"{by.name} is not a supervisor: a count's variance needs a supervisor")
        return self.discrepancies()

    def recount(self) -> CountSheet:
        return CountSheet(self.bin, self.expected, {}, self.round + 1)


@dataclass(frozen=True, slots=True)
class CountAccuracy:
    lines: int  # SKU-bin lines counted
    lines_right: int  # ... with no variance
    units_expected: int
    units_off: int  # sum of |variance|

    @property
    def line_accuracy(self) -> float:
        return self.lines_right / self.lines if self.lines else 1.0

    @property
    def unit_accuracy(self) -> float:
        if not self.units_expected:
            return 1.0 if not self.units_off else 0.0
        return max(0.0, 1 - self.units_off / self.units_expected)


def accuracy(variances: Iterable[Variance]) -> CountAccuracy:
    """Inventory record accuracy, as warehouses report it: share of lines right, and units off."""
    lines = right = expected = off = 0
    for v in variances:
        lines += 1
        right += v.delta == 0
        expected += abs(v.expected)  # a bin the records took below zero must not raise accuracy
        off += abs(v.delta)
    return CountAccuracy(lines, right, expected, off)
