"""A valid value for every AI of the GS1 Syntax Dictionary, built from its format (for tests)."""

from __future__ import annotations

from app.domain.gs1 import CHECK_DIGITS, CSET39, CSET64, AiSpec, ValueType
from app.domain.gtin import gtin_check_digit

_FILLS = (  # the first whose result the dictionary's pattern accepts is used
    {"N": "1234567890", "X": "/Ab1-7x:%\"'", "Y": "/#AB-12", "Z": "Ab_-12"},
    {"N": "1234567890", "X": "DEFRANCE", "Y": "ABC123", "Z": "AB12"},  # codes: ISO alpha-2, subdivisions
    {"N": "2026123112", "X": "/Ab1-7x:%\"'", "Y": "/#AB-12", "Z": "Ab_-12"},  # YYYYMMDD[hhmm]: birth dates
)
_EXTRA = {"7007": "270101", "7011": "1230", "7003": "1230", "4324": "1230", "4325": "9999", "8008": "1230"}


def _fill(spec: AiSpec, longest: bool, fill: dict[str, str]) -> str:
    out = []
    for component in spec.components:
        if component.min_length == 0 and len(component.charset) == 1:
            continue  # an optional literal (the minus of a temperature)
        length = component.max_length if longest or component.min_length == component.max_length else \
            max(component.min_length, min(component.max_length, 5))
        kind = "N" if "A" not in component.charset else "Y" if component.charset is CSET39 else \
            "Z" if component.charset is CSET64 else "X"
        out.append((fill[kind] * 10)[:length])
    return "".join(out)


def sample_value(spec: AiSpec, *, longest: bool = False) -> str:
    """A value of `spec` that the dictionary's pattern, check digits and dates accept."""
    values = [_sample(spec, longest, fill) for fill in _FILLS]
    return next((v for v in values if spec.matches(v)), values[0])


def _sample(spec: AiSpec, longest: bool, fill: dict[str, str]) -> str:
    if spec.value_type is ValueType.DATE:
        return "261231"
    value = _fill(spec, longest, fill)
    if spec.ai == "8003":
        value = "0" + value[1:]  # GRAI: a zero, then the 13 digits
    if spec.ai in ("423", "425"):
        value = value[: len(value) // 3 * 3]  # a list of three-digit country codes
    if spec.ai == "7258":
        value = "1/2"  # birth sequence
    if spec.value_type is ValueType.DATE_STRICT:
        value = "261231" + (_EXTRA.get(spec.ai, "") if len(value) > 6 else "")
        if spec.ai == "8008":
            value = "26123112" + ("30" if longest else "")
    if spec.ai in CHECK_DIGITS:
        offset, length = CHECK_DIGITS[spec.ai]
        body = value[offset : offset + length - 1]
        value = value[: offset + length - 1] + gtin_check_digit(body) + value[offset + length :]
    return value
