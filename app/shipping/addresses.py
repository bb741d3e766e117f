"""What the ship-to address says about a parcel: a PO box, a home, another customs territory."""

from __future__ import annotations

import re

from app.domain.model import Address

# "PO Box 12", "P.O. Box", "Post Office Box", "POB 12", "Postfach 1234", "Boîte postale", military APO/FPO/DPO.
_PO_BOX = re.compile(
    r"(?ix)\b(?: p\.?\s*o\.?\s*b(?:ox)?\.? | post\s*office\s*box | postfach | bo[iî]te\s+postale"
    r" | casilla(?:\s+de\s+correo)? | apartado(?:\s+postal)? ) \s*\#?\s*\d+"
    r"| \b(?:psc|unit|cmr)\s+\d+.*\bbox\s+\d+"
)
_MILITARY = frozenset({"APO", "FPO", "DPO"})

# One customs territory: no customs declaration between these (the EU's customs union).
EU = frozenset({
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
    "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
})
# Ship from the US to these and it is domestic mail (USPS); no customs form either.
US_TERRITORIES = frozenset({"US", "PR", "VI", "GU", "AS", "MP", "UM"})


def is_po_box(address: Address) -> bool:
    text = f"{address.line1} {address.line2}"
    return bool(_PO_BOX.search(text)) or address.city.strip().upper() in _MILITARY


def is_residential(address: Address) -> bool:
    """No company name: a home. Carriers surcharge home deliveries; the API may know better."""
    return not address.company.strip()


def same_customs_territory(origin: str, destination: str) -> bool:
    a, b = origin.strip().upper(), destination.strip().upper()
    if not a or not b or a == b:
        return True
    return (a in EU and b in EU) or (a in US_TERRITORIES and b in US_TERRITORIES)


def normalise_postcode(postcode: str) -> str:
    return re.sub(r"[\s-]", "", postcode).upper()


def one_line(address: Address) -> str:
    """City, postcode and country: where the driver's manifest says a parcel goes."""
    return ", ".join(part for part in (address.city, address.postcode, address.country) if part)
