"""Cartons that fit: can a carton hold a box's items, and which is the smallest that can.

One check serves both the suggestion and a carton the packer scans, so the station never
suggests a carton it would refuse. Items fit a carton when

- every item fits on its own: its sides, sorted longest first, are each within the carton's
  inner sides sorted the same way (an item may be turned any way; lying diagonally is not
  counted on);
- their total volume is within the fill limit of the carton's inner volume (room for dunnage
  and the imperfect packing of real boxes);
- their weight plus the carton's own is within the carton's maximum.

An item without dimensions cannot be measured against a carton: it counts by weight only, and
the check says so (`unchecked`) so that the packer is told the size was not checked.

Each problem carries a code and values (for the screen to word in the packer's language) and an
English sentence a packer reads at a glance: "Ceramic Planter is 150 mm tall — ENV-S holds 30 mm".
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from app.domain.model import Carton, Product

# How a side of an item is called, by its rank among the item's sides (longest first): the
# shortest side is how tall it stands when it lies flat in the carton.
SIDE_WORDS = ("long", "wide", "tall")


@dataclass(frozen=True, slots=True)
class CartonProblem:
    """One reason a carton cannot hold the items."""

    code: str  # item_too_big, too_much_volume, too_heavy
    message: str  # English, e.g. "Ceramic Planter is 150 mm tall — ENV-S holds 30 mm"
    template: str  # the message with {name} fields, filled by `values`
    values: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True, slots=True)
class CartonCheck:
    carton: Carton
    problems: tuple[CartonProblem, ...] = ()
    unchecked: tuple[str, ...] = ()  # SKUs without dimensions: their size was not checked

    @property
    def fits(self) -> bool:
        return not self.problems

    @property
    def reason(self) -> str:
        """The first problem, in words (the one the packer needs to see), or ""."""
        return self.problems[0].message if self.problems else ""


@dataclass(frozen=True, slots=True)
class CartonSuggestion:
    carton: Carton | None
    reason: str
    code: str = "carton_suggested"  # carton_suggested, no_cartons, box_empty, too_much_for_one
    values: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


def carton_label(carton: Carton) -> str:
    return carton.code or carton.name


def litres(mm3: float) -> float:
    return mm3 / 1_000_000


def _litre_texts(need_mm3: float, holds_mm3: float) -> tuple[str, str]:
    """Both volumes at the fewest decimals (1 to 3) that show them apart: what the items need
    rounded up, what the carton holds rounded down, so "needs 1.0 L, holds 1.0 L" never shows."""
    need, holds = litres(need_mm3), litres(holds_mm3)
    for decimals in (1, 2, 3):
        scale = 10 ** decimals
        up, down = math.ceil(need * scale - 1e-9) / scale, math.floor(holds * scale + 1e-9) / scale
        if up > down or decimals == 3:
            return f"{up:.{decimals}f}", f"{down:.{decimals}f}"
    raise AssertionError("unreachable")


def check_carton(items: Iterable[tuple[Product, int]], carton: Carton, fill_limit: float = 0.85) -> CartonCheck:
    """Whether `carton` can hold these items, and if not, why (every reason, biggest item first)."""
    units = [(product, qty) for product, qty in items if qty > 0]
    name = carton_label(carton)
    problems: list[CartonProblem] = []
    inner = carton.inner.sorted()
    measured = [(p, p.dimensions, q) for p, q in units if p.dimensions is not None]
    for product, dimensions, _ in sorted(measured, key=lambda m: m[1].volume_mm3, reverse=True):
        sides = dimensions.sorted()
        rank = next((i for i, (a, b) in enumerate(zip(sides, inner, strict=True)) if a > b), None)
        if rank is None:
            continue
        values = {"item": product.name or product.sku, "sku": product.sku, "side": SIDE_WORDS[rank],
                  "item_mm": sides[rank], "carton": name, "carton_mm": inner[rank]}
        # the side's word is part of the template (one per side), so the screen can word each
        template = "{item} is {item_mm} mm " + SIDE_WORDS[rank] + " — {carton} holds {carton_mm} mm"
        problems.append(CartonProblem("item_too_big", template.format(**values), template, values))
    volume = sum(dimensions.volume_mm3 * q for _, dimensions, q in measured)
    usable = carton.inner.volume_mm3 * fill_limit
    if volume > usable:
        need, holds = _litre_texts(volume, usable)
        values = {"need_l": need, "holds_l": holds, "carton": name}
        template = "Items need {need_l} L, {carton} holds {holds_l} L"
        problems.append(CartonProblem("too_much_volume", template.format(**values), template, values))
    weight = sum(p.weight_g * q for p, q in units)
    if weight + carton.tare_g > carton.max_weight_g:
        values = {"weight_kg": f"{weight / 1000:.2f}", "carton": name,
                  "max_kg": f"{max(0, carton.max_weight_g - carton.tare_g) / 1000:.2f}"}
        template = "Items weigh {weight_kg} kg, {carton} takes {max_kg} kg"
        problems.append(CartonProblem("too_heavy", template.format(**values), template, values))
    unchecked = tuple(dict.fromkeys(p.sku for p, _ in units if p.dimensions is None))
    return CartonCheck(carton, tuple(problems), unchecked)


def suggest_carton(
    items: Iterable[tuple[Product, int]], cartons: Sequence[Carton], fill_limit: float = 0.85
) -> CartonSuggestion:
    """The smallest carton (by inner volume, then tare) that `check_carton` accepts, or None with
    the reason. Never a carton that cannot hold the items."""
    units = [(product, qty) for product, qty in items if qty > 0]
    if not cartons:
        return CartonSuggestion(None, "No cartons are configured", "no_cartons")
    if not units:
        return CartonSuggestion(None, "The box is empty", "box_empty")
    count = sum(q for _, q in units)
    for carton in sorted(cartons, key=lambda c: (c.inner.volume_mm3, c.tare_g)):
        if check_carton(units, carton, fill_limit).fits:
            return CartonSuggestion(carton, f"Smallest carton that fits {count} item(s)", "carton_suggested",
                                    {"carton": carton.code, "items": count})
    largest = max(cartons, key=lambda c: c.inner.volume_mm3)
    return CartonSuggestion(None, f"Too much for one {carton_label(largest)}: use NEXT BOX to split",
                            "too_much_for_one", {"carton": carton_label(largest)})
