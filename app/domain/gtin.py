"""GTINs and SSCCs: GS1 mod-10 check digits, UPC-E expansion, normalisation to GTIN-14.

Every product barcode the station stores or compares is a GTIN-14: EAN-8, UPC-A, EAN-13 and
GTIN-14 are the same number left-padded with zeros, so one code matches whichever symbol the
supplier printed. UPC-E is a compressed UPC-A and is expanded first (GS1 General
Specifications, UPC-E zero suppression).

Only the standard library is used; nothing here does I/O.
"""

from __future__ import annotations

GTIN_LENGTHS = (8, 12, 13, 14)


class InvalidGtin(ValueError):
    """A code is not a valid GTIN (wrong length, not digits, or a wrong check digit)."""


def _is_digits(text: str) -> bool:
    # str.isdigit() alone accepts "²" and Arabic-Indic digits; barcodes carry ASCII only.
    return text.isascii() and text.isdigit()


def gtin_check_digit(body: str) -> str:
    """The GS1 mod-10 check digit for `body` (any length, digits only).

    Weights alternate 3, 1, 3, ... starting from the rightmost digit of the body, which is
    what lets the same digit serve GTIN-8/12/13/14, SSCC and GLN.
    """
    if not body or not _is_digits(body):
        raise InvalidGtin(f"check digit needs digits, got {body!r}")
    total = sum(int(digit) * (3 if i % 2 == 0 else 1) for i, digit in enumerate(reversed(body)))
    return str(-total % 10)


def has_valid_check_digit(code: str) -> bool:
    """True when the last digit of `code` is the GS1 mod-10 check digit of the rest."""
    return len(code) >= 2 and _is_digits(code) and gtin_check_digit(code[:-1]) == code[-1]


def is_valid_gtin(code: str) -> bool:
    """True for an EAN-8, UPC-A, EAN-13 or GTIN-14 with a correct check digit.

    An 8-digit code is read as EAN-8 here; use `is_valid_upce` for UPC-E.
    """
    return len(code) in GTIN_LENGTHS and has_valid_check_digit(code)


def sscc_is_valid(code18: str) -> bool:
    """True for an 18-digit Serial Shipping Container Code with a correct check digit."""
    return len(code18) == 18 and has_valid_check_digit(code18)


def normalise_gtin(code: str) -> str:
    """The GTIN-14 of an EAN-8, UPC-A, EAN-13 or GTIN-14 (spaces and hyphens ignored).

    Raises InvalidGtin with a reason. An 8-digit code is EAN-8; expand UPC-E with
    `upce_to_gtin14` instead, because the same 8 digits mean a different product as UPC-E.
    """
    digits = code.replace(" ", "").replace("-", "")
    if not _is_digits(digits):
        raise InvalidGtin(f"GTIN must be digits only, got {code!r}")
    if len(digits) not in GTIN_LENGTHS:
        raise InvalidGtin(f"GTIN must have 8, 12, 13 or 14 digits, got {len(digits)}")
    if not has_valid_check_digit(digits):
        raise InvalidGtin(f"GTIN {digits} has a wrong check digit (expected {gtin_check_digit(digits[:-1])})")
    return digits.zfill(14)


def to_gtin14(code: str) -> str | None:
    """Like `normalise_gtin`, but None instead of an exception: for look-ups and imports."""
    try:
        return normalise_gtin(code)
    except InvalidGtin:
        return None


def make_gtin(prefix_digits: str, length: int) -> str:
    """A valid GTIN of `length` digits that begins with `prefix_digits`.

    The prefix is zero-filled on the right up to length - 1 digits, then the check digit is
    appended: make_gtin("950600013435", 13) == "9506000134352". Used for demo data and tests.
    """
    if length not in GTIN_LENGTHS:
        raise InvalidGtin(f"GTIN length must be one of {GTIN_LENGTHS}, got {length}")
    if not _is_digits(prefix_digits) or len(prefix_digits) > length - 1:
        raise InvalidGtin(f"prefix must be at most {length - 1} digits, got {prefix_digits!r}")
    body = prefix_digits.ljust(length - 1, "0")
    return body + gtin_check_digit(body)


def make_sscc(extension_digit: int, company_prefix: str, serial_reference: int) -> str:
    """An 18-digit SSCC: extension digit, GS1 company prefix, serial reference, check digit."""
    room = 16 - len(company_prefix)
    if not 0 <= extension_digit <= 9 or not _is_digits(company_prefix) or not 6 <= len(company_prefix) <= 12:
        raise InvalidGtin("SSCC needs an extension digit 0-9 and a company prefix of 6-12 digits")
    if not 0 <= serial_reference < 10**room:
        raise InvalidGtin(f"SSCC serial reference must fit in {room} digits")
    body = f"{extension_digit}{company_prefix}{serial_reference:0{room}d}"
    return body + gtin_check_digit(body)


# -- UPC-E ------------------------------------------------------------------------------------


def _upce_parts(code: str) -> tuple[str, str, str | None]:
    """Split 6, 7 or 8 UPC-E digits into (number system, six-digit body, check digit or None)."""
    if not _is_digits(code) or len(code) not in (6, 7, 8):
        raise InvalidGtin(f"UPC-E must be 6, 7 or 8 digits, got {code!r}")
    if len(code) == 6:
        # Scanners set to transmit the bare six digits drop number system 0 and the check digit.
        return "0", code, None
    number_system, body, check = code[0], code[1:7], code[7:] or None
    if number_system not in "01":
        raise InvalidGtin(f"UPC-E number system must be 0 or 1, got {number_system}")
    return number_system, body, check


def _expand_body(number_system: str, d: str) -> str:
    """The 11 UPC-A digits (without check) that a six-digit UPC-E body stands for."""
    last = d[5]
    if last in "012":
        return number_system + d[0:2] + last + "0000" + d[2:5]
    if last == "3":
        return number_system + d[0:3] + "00000" + d[3:5]
    if last == "4":
        return number_system + d[0:4] + "00000" + d[4]
    return number_system + d[0:5] + "0000" + last


def upce_to_upca(code: str) -> str:
    """Expand a UPC-E (6 digits, or 7/8 with number system 0 or 1) to its 12-digit UPC-A.

    With 8 digits the UPC-E check digit must match the expanded UPC-A's, else InvalidGtin.
    """
    number_system, body, check = _upce_parts(code)
    upca_body = _expand_body(number_system, body)
    expected = gtin_check_digit(upca_body)
    if check is not None and check != expected:
        raise InvalidGtin(f"UPC-E {code} has a wrong check digit (expected {expected})")
    return upca_body + expected


def upce_to_gtin14(code: str) -> str:
    """The GTIN-14 of a UPC-E code; see `upce_to_upca`."""
    return upce_to_upca(code).zfill(14)


def is_valid_upce(code: str) -> bool:
    """True for an 8-digit UPC-E (number system 0 or 1) whose check digit is right."""
    if len(code) != 8:
        return False
    try:
        upce_to_upca(code)
    except InvalidGtin:
        return False
    return True


def upca_to_upce(upca: str) -> str | None:
    """The 8-digit UPC-E of a UPC-A, or None when that UPC-A cannot be zero-suppressed.

    Only number systems 0 and 1 compress; the four manufacturer/product shapes below are the
    inverse of `_expand_body`, tried from the one that keeps the most product digits.
    """
    if len(upca) != 12 or not has_valid_check_digit(upca) or upca[0] not in "01":
        return None
    ns, maker, item, check = upca[0], upca[1:6], upca[6:11], upca[11]
    body: str | None = None
    if maker[2] in "012" and maker[3:] == "00" and item[:2] == "00":
        body = maker[:2] + item[2:] + maker[2]
    elif maker[3:] == "00" and item[:3] == "000":
        body = maker[:3] + item[3:] + "3"
    elif maker[4] == "0" and item[:4] == "0000":
        body = maker[:4] + item[4] + "4"
    elif maker[4] != "0" and item[:4] == "0000" and item[4] in "56789":
        body = maker + item[4]
    return None if body is None else ns + body + check


def gtin14_candidates(digits: str, *, prefer_upce: bool = True) -> tuple[str, ...]:
    """Every GTIN-14 a scanned digit string can stand for, most likely first.

    8 digits can be an EAN-8 and a UPC-E at once (both check digits can hold); both are
    returned and the product look-up decides. Other GTIN lengths give at most one.
    """
    if len(digits) != 8:
        gtin = to_gtin14(digits)
        return (gtin,) if gtin else ()
    found: list[str] = []
    if is_valid_upce(digits):
        found.append(upce_to_gtin14(digits))
    if has_valid_check_digit(digits):
        found.insert(len(found) if prefer_upce else 0, digits.zfill(14))
    return tuple(dict.fromkeys(found))  # an EAN-8 and a UPC-E can expand to the same GTIN-14
