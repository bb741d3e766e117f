"""Expected parcel weight and the tolerance a weighed parcel must be within."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.rules import PackingRules


@dataclass(frozen=True, slots=True)
class WeightCheck:
    measured_g: int
    expected_g: int
    allowance_g: int

    @property
    def difference_g(self) -> int:
        return self.measured_g - self.expected_g

    @property
    def within(self) -> bool:
        return abs(self.difference_g) <= self.allowance_g


def allowance_g(expected_g: int, rules: PackingRules) -> int:
    """The larger of the absolute and the percentage tolerance.

    Light parcels are judged by grams (a 5 % band on 80 g is smaller than a scale's resolution),
    heavy ones by percent (50 g on 20 kg is stricter than item weights are known).
    """
    return max(rules.weight_tolerance_g, round(expected_g * rules.weight_tolerance_pct / 100))


def check_weight(measured_g: int, expected_g: int, rules: PackingRules) -> WeightCheck:
    return WeightCheck(measured_g, expected_g, allowance_g(expected_g, rules))


def format_kg(grams: int) -> str:
    return f"{grams / 1000:.2f} kg"
