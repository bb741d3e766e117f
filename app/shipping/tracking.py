"""Tracking numbers: is what was typed or scanned a real one, and whose?

Pure functions, each carrier's own check digit:

- UPS `1Z` + 16: the 15 characters after 1Z (letters count as (ord - 3) mod 10), weights
  1,2,1,2,...; the check digit makes the sum a multiple of 10.
- USPS IMpb (20, 22 or 26 digits, optionally behind a `420`+ZIP routing code): GS1 mod 10,
  the rightmost data digit weighted 3. International postal items: UPU S10 (`EA123456785US`).
- FedEx 12 digits (Express): weights 3,1,7 from the left, sum mod 11 mod 10. 15 digits
  (Ground): GS1 mod 10. 20 digits (SmartPost): GS1 mod 10 with `92` in front. 22 digits: `96…`
  Ground (mod 10 over the last 15) or `92…` SmartPost (mod 10 over all).
- DHL Express 10 (or 11) digits: the number without its last digit, mod 7.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

URLS = {
    "UPS": "https://www.ups.com/track?tracknum={}",
    "USPS": "https://tools.usps.com/go/TrackConfirmAction?tLabels={}",
    "FedEx": "https://www.fedex.com/fedextrack/?trknbr={}",
    "DHL": "https://www.dhl.com/global-en/home/tracking/tracking-express.html?submit=1&tracking-id={}",
    "DHL eCommerce": "https://webtrack.dhlecs.com/?trackingnumber={}",
}


@dataclass(frozen=True, slots=True)
class TrackingNumber:
    carrier: str
    number: str  # normalised: no spaces, upper case, routing prefix removed
    kind: str


def normalise(text: str) -> str:
    return re.sub(r"[\s-]", "", text).upper()


def gs1_mod10(digits: str) -> int:
    """The GS1 check digit of `digits` (the data without its check digit)."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(digits)))
    return (10 - total % 10) % 10


def _ups_value(char: str) -> int:
    return int(char) if char.isdigit() else (ord(char) - 3) % 10


def is_ups(text: str) -> bool:
    n = normalise(text)
    if not re.fullmatch(r"1Z[0-9A-Z]{16}", n):
        return False
    data, check = n[2:17], n[17]
    if not check.isdigit():
        return False
    total = sum(_ups_value(c) * (2 if i % 2 else 1) for i, c in enumerate(data))
    return (10 - total % 10) % 10 == int(check)


def _strip_routing(n: str) -> str:
    # IMpb barcodes may carry 420 + ZIP (5 digits) or 420 + ZIP+4 (9 digits) in front.
    if n.startswith("420"):
        if len(n) in (30, 34) and n[8:10] in ("92", "93", "94", "95", "91"):
            return n[8:]
        if len(n) == 34:
            return n[12:]
        if len(n) == 30:
            return n[8:]
    return n


def is_usps(text: str) -> bool:
    n = _strip_routing(normalise(text))
    if re.fullmatch(r"[A-Z]{2}\d{9}[A-Z]{2}", n):
        return is_s10(n)
    if not n.isdigit() or len(n) not in (20, 22, 26):
        return False
    if len(n) == 20 and gs1_mod10("91" + n[:-1]) == int(n[-1]) and not n.startswith("9"):
        return True
    return gs1_mod10(n[:-1]) == int(n[-1])


def is_s10(text: str) -> bool:
    """UPU S10 (international postal items): 2 letters, 8 digits, a check digit, the country."""
    n = normalise(text)
    if not re.fullmatch(r"[A-Z]{2}\d{9}[A-Z]{2}", n):
        return False
    total = sum(int(d) * w for d, w in zip(n[2:10], (8, 6, 4, 2, 3, 5, 9, 7), strict=True))
    check = 11 - total % 11
    check = {10: 0, 11: 5}.get(check, check)
    return check == int(n[10])


def is_fedex(text: str) -> bool:
    n = normalise(text)
    if not n.isdigit():
        return False
    if len(n) == 12:
        total = sum(int(d) * w for d, w in zip(n[:11], (3, 1, 7) * 4, strict=False))
        return total % 11 % 10 == int(n[11])
    if len(n) == 15:
        return gs1_mod10(n[:14]) == int(n[14])
    if len(n) == 20:
        return gs1_mod10("92" + n[:19]) == int(n[19])
    if len(n) == 22 and n.startswith("96"):
        return gs1_mod10(n[7:21]) == int(n[21])
    if len(n) == 22 and n.startswith("92"):
        return gs1_mod10(n[:21]) == int(n[21])
    return False


def is_dhl(text: str) -> bool:
    n = normalise(text)
    if not n.isdigit() or len(n) not in (10, 11):
        return False
    return int(n[:-1]) % 7 == int(n[-1])


_CHECKS = (("UPS", is_ups, "1Z"), ("USPS", is_usps, "IMpb"), ("FedEx", is_fedex, "FedEx"), ("DHL", is_dhl, "AWB"))


def identify(text: str) -> list[TrackingNumber]:
    """Every carrier whose format and check digit `text` passes (digits-only numbers may fit two)."""
    found = []
    for carrier, check, kind in _CHECKS:
        if check(text):
            n = normalise(text)
            found.append(TrackingNumber(carrier, _strip_routing(n) if carrier == "USPS" else n, kind))
    return found


def validate(carrier: str, text: str) -> bool:
    """Is `text` a valid tracking number of `carrier` ("UPS", "USPS", "FedEx", "DHL")?"""
    key = carrier.strip().casefold()
    for name, check, _ in _CHECKS:
        if name.casefold() == key or (key.startswith(name.casefold()) and name != "DHL"):
            return check(text)
    if key.startswith("dhl express") or key == "dhl":
        return is_dhl(text)
    return bool(normalise(text))  # a carrier we cannot check: anything non-empty


def tracking_url(carrier: str, number: str) -> str:
    template = URLS.get(carrier) or next((u for c, u in URLS.items() if c.casefold() == carrier.casefold()), "")
    return template.format(normalise(number)) if template else ""
