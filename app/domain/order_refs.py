"""An order as people name it: the keys a typed or scanned order reference may stand for.

A shop shows its order numbers with a "#" (Shopify's "#5001", WooCommerce's "#1234"), its
admin and API use an id of its own (Shopify's order id 5512345678901, or its GraphQL form
gid://shopify/Order/5512345678901), and the station stores the number as the import read it
(Shopify's CSV import stores 5001; a CSV may well say "#5001"). `order_reference_keys` turns
whatever a packer scans or a supervisor types into the candidate keys, so that every command,
scan and search looks an order up in one way: the store matches the numbers against
orders.number and the platform ids against orders.platform_id (both indexed), and two
different orders matching is `AmbiguousOrderReference`, never the first row found.

Hand-written: these are the station's own storage rules, no library knows them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_BARCODE_PREFIX = "PS:ORDER:"  # the station's own order barcode, typed or pasted as text
_SHOPIFY_GID = re.compile(r"gid://shopify/Order/(\d+)", re.IGNORECASE)
_MAX_KEY = 64  # orders.number and orders.platform_id are String(64)


@dataclass(frozen=True, slots=True)
class OrderKeys:
    """What to look for: stored order numbers (upper-case, as imported) and platform ids."""

    reference: str  # the reference as given, trimmed, for messages
    numbers: tuple[str, ...]
    platform_ids: tuple[str, ...]

    def __bool__(self) -> bool:
        return bool(self.numbers or self.platform_ids)


@dataclass(frozen=True, slots=True)
class OrderMatch:
    number: str
    channel: str
    matched_by: str  # "number" or "platform id"


class AmbiguousOrderReference(LookupError):
    """One reference names two or more different orders (say #5001 of one shop, id 5001 of another)."""

    def __init__(self, reference: str, matches: list[OrderMatch]) -> None:
        self.reference = reference
        self.matches = matches
        shown = ", ".join(f"{m.number}{f' ({m.channel})' if m.channel else ''} by its {m.matched_by}"
                          for m in matches)
        super().__init__(f"{reference} names {len(matches)} orders: {shown}; "
                         "give the full order number (or scan the order's barcode)")


def order_reference_keys(reference: str) -> OrderKeys:
    """The candidate keys of a typed or scanned order reference.

    "#5001", "5001", " 5001 ", "PS:ORDER:5001" all give numbers ("5001", "#5001") and the
    platform id "5001"; "gid://shopify/Order/55" gives the platform id "55" only.
    """
    text = " ".join(reference.split())  # scanners and spreadsheets add spaces, tabs, line ends
    upper = text.upper()
    if upper.startswith(_BARCODE_PREFIX):
        text = text[len(_BARCODE_PREFIX):].strip()
        upper = text.upper()
    gid = _SHOPIFY_GID.fullmatch(text)
    if gid:
        return OrderKeys(text, (), (gid.group(1),))
    bare = upper.lstrip("#").strip()
    if not bare or len(bare) >= _MAX_KEY:
        return OrderKeys(text, (), ())
    numbers = (bare, f"#{bare}")
    as_given = text.lstrip("#").strip()  # a platform id keeps its case (stored as the platform gave it)
    platform_ids = (as_given,) if as_given == bare else (as_given, bare)
    return OrderKeys(text, numbers, platform_ids)
