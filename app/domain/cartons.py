"""Carton suggestion: the smallest configured carton that holds a box's items."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from app.domain.model import Carton, Product


@dataclass(frozen=True, slots=True)
class CartonSuggestion:
    carton: Carton | None
    reason: str


def suggest_carton(
    items: Iterable[tuple[Product, int]], cartons: Sequence[Carton], fill_limit: float = 0.85
) -> CartonSuggestion:
    """Pick the smallest carton (by volume) that the items fit in.

    Items fit when every item's longest sides fit the carton's (each sorted longest first),
    their total volume is within `fill_limit` of the carton's (room for dunnage and the
    imperfect packing of real boxes), and their weight plus the carton's tare is within its
    maximum. Items with unknown dimensions count by weight only.
    """
    units = [(product, qty) for product, qty in items if qty > 0]
    if not cartons:
        return CartonSuggestion(None, "No cartons are configured")
    if not units:
        return CartonSuggestion(None, "The box is empty")
    volume = sum(p.dimensions.volume_mm3 * q for p, q in units if p.dimensions)
    weight = sum(p.weight_g * q for p, q in units)
    for carton in sorted(cartons, key=lambda c: (c.inner.volume_mm3, c.tare_g)):
        if _fits(units, volume, weight, carton, fill_limit):
            return CartonSuggestion(carton, f"Smallest carton that fits {sum(q for _, q in units)} item(s)")
    largest = max(cartons, key=lambda c: c.inner.volume_mm3)
    return CartonSuggestion(None, f"Too much for one {largest.name or largest.code}: use NEXT BOX to split")


def _fits(units: list[tuple[Product, int]], volume: int, weight: int, carton: Carton, fill_limit: float) -> bool:
    if weight + carton.tare_g > carton.max_weight_g:
        return False
    if volume > carton.inner.volume_mm3 * fill_limit:
        return False
    inner = carton.inner.sorted()
    for product, _ in units:
        if product.dimensions and any(a > b for a, b in zip(product.dimensions.sorted(), inner, strict=True)):
            return False
    return True
