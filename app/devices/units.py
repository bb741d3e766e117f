"""Scale units to whole grams, the only unit the station computes with.

Decimal arithmetic, so "1.005 kg" is 1005 g and not 1004.9999 g; exact legal definitions of the
pound and the ounce; half-up rounding to the gram (a scale showing 0.5 g more than the allowance
must not pass because of binary floating point).
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from app.devices.reasons import DeviceReason

GRAMS_PER_UNIT: dict[str, Decimal] = {
    "g": Decimal(1),
    "kg": Decimal(1000),
    "mg": Decimal("0.001"),
    "lb": Decimal("453.59237"),  # international avoirdupois pound (exact)
    "oz": Decimal("28.349523125"),  # 1/16 lb (exact)
}
_ALIASES = {"gr": "g", "grams": "g", "kgs": "kg", "lbs": "lb", "#": "lb", "ozs": "oz"}
UNITS = tuple(GRAMS_PER_UNIT)
MAX_VALUE = Decimal(10) ** 9  # no bench scale shows more digits; anything longer is noise
_PLAIN_NUMBER = re.compile(r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)")


class UnitError(ValueError):
    """A unit the station cannot convert, or a number that is not one (`args[0]`: a DeviceReason)."""


def normalise_unit(unit: str) -> str:
    key = unit.strip().lower()
    key = _ALIASES.get(key, key)
    if key not in GRAMS_PER_UNIT:
        raise UnitError(DeviceReason("unknown_unit", unit=unit, known=", ".join(UNITS)))
    return key


def to_grams(value: str | Decimal | int, unit: str) -> int:
    """`value` in `unit` as whole grams, rounded half up (away from zero for negatives)."""
    if isinstance(value, Decimal):
        number = value
    else:
        text = str(value).replace(" ", "")
        # Plain decimals only: a scale never sends "1e5", and line noise must not become 10^999999 g.
        if not _PLAIN_NUMBER.fullmatch(text):
            raise UnitError(DeviceReason("not_a_number", value=value))
        number = Decimal(text)
    if not number.is_finite() or abs(number) > MAX_VALUE:
        raise UnitError(DeviceReason("not_a_weight", value=value))
    grams = number * GRAMS_PER_UNIT[normalise_unit(unit)]
    return int(grams.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def from_grams(grams: int, unit: str, decimals: int) -> str:
    """Whole grams shown in `unit` with `decimals` places (the simulators print scale frames with it)."""
    value = Decimal(grams) / GRAMS_PER_UNIT[normalise_unit(unit)]
    return f"{value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP):.{decimals}f}"
