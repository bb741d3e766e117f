"""Expected parcel weight, the tolerance a weighed parcel must be within, and how a weight came to be.

Records say what happened: a box weighed on the scale, a weight a packer typed (no scale at the
bench; typed blind, checked like a scale's), or a box not weighed at all (weighing is off). The
expected weight is a check, never a measurement.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.domain.rules import PackingRules


class WeightSource(StrEnum):
    """Where a parcel's weight came from (parcels.weight_source; audit, label, stats)."""

    SCALE = "scale"
    MANUAL = "manual"  # typed by the packer
    NOT_WEIGHED = "not_weighed"

    @classmethod
    def of(cls, recorded: str | None) -> WeightSource:
        """From a `weight_recorded` event's source: a scale's name (or "scale"), "manual", or the
        "expected" older versions wrote when weighing was off, which was no weighing at all."""
        if recorded == "manual":
            return cls.MANUAL
        if recorded in ("expected", cls.NOT_WEIGHED.value):
            return cls.NOT_WEIGHED
        return cls.SCALE


@dataclass(frozen=True, slots=True)
class WeightCheck:
    measured_g: int
    expected_g: int
    allowance_g: int
    source: str = "scale"  # the event's source: a scale's name or "scale", "manual" (or an old "expected")

    @property
    def weight_source(self) -> WeightSource:
        return WeightSource.of(self.source)

    @property
    def difference_g(self) -> int:
        return self.measured_g - self.expected_g

    @property
    def within(self) -> bool:
        return abs(self.difference_g) <= self.allowance_g

    @property
    def band(self) -> ToleranceBand:
        return ToleranceBand(self.expected_g, self.allowance_g)


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


@dataclass(frozen=True, slots=True)
class ToleranceBand:
    """The weights a box may have: expected ± allowance, shown at one precision.

    Kilograms to two decimals unless a figure has grams below ten (2105 g ± 105 g): then all four
    to three, so the band shown is the band checked ("± 0.105 kg · accepted 2.000 – 2.210 kg",
    never "± 0.10 kg · accepted 2.00 – 2.21 kg").
    """

    expected_g: int
    allowance_g: int

    @property
    def low_g(self) -> int:
        return max(0, self.expected_g - self.allowance_g)

    @property
    def high_g(self) -> int:
        return self.expected_g + self.allowance_g

    def holds(self, grams: int) -> bool:
        return self.low_g <= grams <= self.high_g if grams >= 0 else False

    @property
    def decimals(self) -> int:
        return 2 if all(g % 10 == 0 for g in (self.expected_g, self.allowance_g, self.low_g, self.high_g)) else 3

    def kg(self, grams: int) -> str:
        """A weight at the band's precision, without the unit: "2.105"."""
        return f"{grams / 1000:.{self.decimals}f}"

    @property
    def expected_text(self) -> str:
        return self.kg(self.expected_g) + " kg"

    @property
    def allowance_text(self) -> str:
        return self.kg(self.allowance_g) + " kg"

    @property
    def low_text(self) -> str:
        return self.kg(self.low_g)

    @property
    def high_text(self) -> str:
        return self.kg(self.high_g) + " kg"


def tolerance_band(expected_g: int, allowance_g: int) -> ToleranceBand:
    return ToleranceBand(expected_g, allowance_g)


def weight_text(grams: int | None, source: WeightSource | str) -> str:
    """A parcel's weight as every record shows it: "2.87 kg", "2.87 kg (typed)", "not weighed"."""
    source = WeightSource.of(source) if not isinstance(source, WeightSource) else source
    if grams is None or source is WeightSource.NOT_WEIGHED:
        return "not weighed"
    return format_kg(grams) + (" (typed)" if source is WeightSource.MANUAL else "")


def weight_note(source: WeightSource | str) -> str:
    """What a label prints beside (or instead of) the weight: "(typed)", "Not weighed" or nothing."""
    source = WeightSource.of(source) if not isinstance(source, WeightSource) else source
    return {WeightSource.MANUAL: "(typed)", WeightSource.NOT_WEIGHED: "Not weighed"}.get(source, "")
