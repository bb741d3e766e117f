"""Billable weight: what a carrier charges by, the heavier of the weighed and the dimensional weight.

Carriers price light, bulky boxes by the space they take: length x width x height divided by
the carrier's divisor (139 in3/lb for UPS and FedEx in the US, 5000 cm3/kg for most
international express). Each carrier rounds its own way, so a rule says how: imperial cards
round each side to the nearest inch and the weight up to the next pound; metric cards round
sides up to the next centimetre and the weight up to the card's step (often 0.5 kg).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal

from app.domain.model import Carton, Dimensions

GRAMS_PER_LB = Decimal("453.59237")
MM_PER_INCH = Decimal("25.4")
GRAMS_PER_OZ = GRAMS_PER_LB / 16
ONE = Decimal(1)


@dataclass(frozen=True, slots=True)
class DimRule:
    units: str = "imperial"  # imperial: lb and in; metric: kg and cm
    divisor: Decimal = Decimal(139)  # in3/lb or cm3/kg; 0: this service ignores size
    step: Decimal = ONE  # billable weight is rounded up to a multiple of this (lb or kg)
    min_volume: Decimal = Decimal(0)  # below this volume (in3 or cm3) the size is not charged

    @property
    def weight_unit(self) -> str:
        return "lb" if self.units == "imperial" else "kg"


@dataclass(frozen=True, slots=True)
class Billable:
    actual: Decimal  # the weighed parcel, in the rule's unit, unrounded
    dimensional: Decimal  # 0 when the size is not charged
    billable: Decimal  # rounded up to the rule's step
    unit: str

    @property
    def by_size(self) -> bool:
        return self.dimensional > self.actual

    def __str__(self) -> str:
        return f"{self.billable.normalize():f} {self.unit}"


def outer_dimensions(carton: Carton, wall_mm: int = 5) -> Dimensions:
    """A carton's outer size: cartons are listed by their inside, carriers measure the outside."""
    d = carton.inner
    return Dimensions(d.length_mm + 2 * wall_mm, d.width_mm + 2 * wall_mm, d.height_mm + 2 * wall_mm)


def billable_weight(weight_g: int, outer: Dimensions | None, rule: DimRule) -> Billable:
    if rule.units == "imperial":
        actual = Decimal(weight_g) / GRAMS_PER_LB
        sides = [(Decimal(mm) / MM_PER_INCH).quantize(ONE, rounding=ROUND_HALF_UP) for mm in _sides(outer)]
    else:
        actual = Decimal(weight_g) / 1000
        sides = [(Decimal(mm) / 10).quantize(ONE, rounding=ROUND_CEILING) for mm in _sides(outer)]
    dimensional = Decimal(0)
    if sides and rule.divisor > 0:
        volume = sides[0] * sides[1] * sides[2]
        if volume >= rule.min_volume:
            dimensional = volume / rule.divisor
    heavier = max(actual, dimensional)
    steps = (heavier / rule.step).to_integral_value(rounding=ROUND_CEILING)
    return Billable(actual, dimensional, max(steps, ONE) * rule.step, rule.weight_unit)


def _sides(outer: Dimensions | None) -> tuple[int, ...]:
    if outer is None or min(outer.length_mm, outer.width_mm, outer.height_mm) <= 0:
        return ()
    return (outer.length_mm, outer.width_mm, outer.height_mm)


def grams_to_ounces(weight_g: int) -> Decimal:
    """EasyPost takes ounces to one decimal; round up so the carrier never finds it heavier."""
    return (Decimal(weight_g) / GRAMS_PER_OZ).quantize(Decimal("0.1"), rounding=ROUND_CEILING)


def mm_to_inches(mm: int) -> Decimal:
    return (Decimal(mm) / MM_PER_INCH).quantize(Decimal("0.1"), rounding=ROUND_CEILING)
