"""EAN-13, UPC-A and EAN-8: check the digits, and lay out the modules (ISO/IEC 15420)."""

from __future__ import annotations

from dataclasses import dataclass

from barcode.charsets.ean import CODES, EDGE, LEFT_PATTERN, MIDDLE

from printers.barcodes.gs1 import mod10_check_digit
from printers.errors import LabelError

QUIET_LEFT = {13: 11, 12: 9, 8: 7}  # modules, ISO/IEC 15420 figure 4 (UPC-A 9, EAN-13 11, EAN-8 7)
QUIET_RIGHT = {13: 7, 12: 9, 8: 7}
NAMES = {13: "EAN-13", 12: "UPC-A", 8: "EAN-8"}


@dataclass(frozen=True)
class Ean:
    digits: str  # all digits including the check digit (13, 12 or 8)
    modules: str  # "1"/"0", guards included, no quiet zones

    @property
    def width_modules(self) -> int:
        return len(self.modules)

    @property
    def quiet_left(self) -> int:
        return QUIET_LEFT[len(self.digits)]

    @property
    def quiet_right(self) -> int:
        return QUIET_RIGHT[len(self.digits)]

    @property
    def zpl_data(self) -> str:
        """^BE, ^BU and ^B8 take the digits without the check digit; the printer adds it."""
        return self.digits[:-1]

    @property
    def guard_modules(self) -> frozenset[int]:
        """Positions of the guard bars, which are drawn longer than the data bars."""
        n = len(self.modules)
        middle = n // 2
        return frozenset({0, 1, 2, middle - 2, middle - 1, middle, middle + 1, middle + 2, n - 3, n - 2, n - 1})


def checked_digits(data: str, length: int, field: str) -> str:
    """Return `length` digits with a correct check digit; data may omit the check digit."""
    name = NAMES[length]
    digits = data.strip()
    if not digits.isdigit():
        raise LabelError(field, f"{name} can only encode digits, got {data!r}")
    if len(digits) == length - 1:
        return digits + str(mod10_check_digit(digits))
    if len(digits) != length:
        raise LabelError(field, f"{name} needs {length - 1} digits (or {length} with the check digit), "
                                f"got {len(digits)}")
    expected = mod10_check_digit(digits[:-1])
    if int(digits[-1]) != expected:
        raise LabelError(field, f"{name} {digits} has check digit {digits[-1]}, expected {expected}")
    return digits


def encode(data: str, length: int, field: str = "data") -> Ean:
    digits = checked_digits(data, length, field)
    if length == 8:
        left = "".join(CODES["A"][int(d)] for d in digits[:4])
        right = "".join(CODES["C"][int(d)] for d in digits[4:])
    else:
        # UPC-A is an EAN-13 whose leading (number system) digit is 0.
        ean13 = digits if length == 13 else "0" + digits
        parity = LEFT_PATTERN[int(ean13[0])]
        left = "".join(CODES[p][int(d)] for p, d in zip(parity, ean13[1:7], strict=True))
        right = "".join(CODES["C"][int(d)] for d in ean13[7:])
    return Ean(digits, EDGE + left + MIDDLE + right + EDGE)
