"""A Shopify order or product, as the GraphQL Admin API gives it, turned into the station's rows.

What is left to ship comes from the order's fulfillment orders: a line's quantity is the sum of
`remainingQuantity` over its fulfillment orders that are still open (OPEN, IN_PROGRESS, ON_HOLD,
SCHEDULED), which is what Shopify documents in place of the deprecated `fulfillableQuantity`: it
already leaves out what was refunded, removed by an order edit or fulfilled elsewhere. An order
whose fulfillment orders could not be read falls back to min(currentQuantity, unfulfilledQuantity).

Held (the order arrives, the packer cannot start it): a fulfillment order ON_HOLD in Shopify
(its reason), SCHEDULED for later, a line with no SKU (a custom item), a line whose product was
deleted (variant null but a SKU on the line), and whatever field the station refuses
(app.sources.base.build_order). Skipped: awaiting payment, nothing left to ship.
Cancelled: cancelledAt set, or the payment refunded or voided.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from app.sources.base import DraftLine, ShopOrder, ShopProduct, build_order, build_shop_product, parse_time
from app.store.importing.shopify import carrier_of, gift_message, variant_name

OPEN_WORK = ("OPEN", "IN_PROGRESS", "ON_HOLD", "SCHEDULED")
UNPAID = ("PENDING", "EXPIRED")  # displayFinancialStatus: not for the warehouse yet
PAYMENT_REVERSED = ("REFUNDED", "VOIDED")
GRAMS_PER = {"GRAMS": 1.0, "KILOGRAMS": 1000.0, "OUNCES": 28.349523125, "POUNDS": 453.59237}
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def nodes(connection: object) -> list[dict[str, Any]]:
    """The nodes of a connection, whether it came as `nodes`, `edges { node }` or a bulk file's children."""
    if isinstance(connection, list):
        return [node for node in connection if isinstance(node, dict)]
    if not isinstance(connection, dict):
        return []
    if isinstance(connection.get("nodes"), list):
        return [node for node in connection["nodes"] if isinstance(node, dict)]
    if isinstance(connection.get("edges"), list):
        edges = [edge for edge in connection["edges"] if isinstance(edge, dict)]
        return [edge["node"] for edge in edges if isinstance(edge.get("node"), dict)]
    return []


def legacy_id(gid: object) -> str:
    """'gid://shopify/Order/5512345678901' -> '5512345678901' (the id the CSV export and the admin use)."""
    text = str(gid or "")
    return text.rsplit("/", 1)[-1] if text.startswith("gid://") else text


def order_gid(platform_id: str) -> str:
    return platform_id if platform_id.startswith("gid://") else f"gid://shopify/Order/{platform_id}"


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _whole(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def ship_to(order: Mapping[str, Any]) -> dict[str, object]:
    """The station's ship_to_* fields from the order's shipping address (every MailingAddress field it uses)."""
    address = order.get("shippingAddress")
    if not isinstance(address, dict):
        return {"ship_to_email": _text(order.get("email"))}
    name = _text(address.get("name")) or " ".join(
        part for part in (_text(address.get("firstName")), _text(address.get("lastName"))) if part)
    return {
        "ship_to_name": name,
        "ship_to_company": _text(address.get("company")),
        "ship_to_line1": _text(address.get("address1")),
        "ship_to_line2": _text(address.get("address2")),
        "ship_to_city": _text(address.get("city")),
        "ship_to_region": _text(address.get("provinceCode")) or _text(address.get("province")),
        "ship_to_postcode": _text(address.get("zip")),
        "ship_to_country": _text(address.get("countryCodeV2")),
        "ship_to_phone": _text(address.get("phone")) or _text(order.get("phone")),
        "ship_to_email": _text(order.get("email")),
    }


def _header(order: Mapping[str, Any]) -> dict[str, object]:
    header: dict[str, object] = {"channel": "Shopify", **ship_to(order)}
    shipping = nodes(order.get("shippingLines"))
    if shipping:
        title = _text(shipping[0].get("title")) or _text(shipping[0].get("code"))
        header["service_level"] = title
        header["carrier"] = carrier_of(_text(shipping[0].get("carrierIdentifier")) or title) or carrier_of(title)
    header["notes"] = _text(order.get("note"))
    attributes = order.get("customAttributes")
    if isinstance(attributes, list):
        lines = [f"{_text(a.get('key'))}: {_text(a.get('value'))}" for a in attributes if isinstance(a, dict)]
        header["gift_message"] = gift_message("\n".join(lines))
    tags = [tag for tag in order.get("tags") or () if isinstance(tag, str) and tag.strip()]
    if tags:
        header["packing_instructions"] = "Tags: " + ", ".join(tags)
    return header


def _remaining(order: Mapping[str, Any]) -> tuple[dict[str, int] | None, list[str]]:
    """Quantity left to ship by line item id (None: no fulfillment order was readable), and hold reasons."""
    found: dict[str, int] = {}
    held: list[str] = []
    readable = False
    for fulfillment_order in nodes(order.get("fulfillmentOrders")):
        readable = True
        status = _text(fulfillment_order.get("status"))
        if status not in OPEN_WORK:
            continue
        if status == "ON_HOLD":
            reasons = []
            for hold in fulfillment_order.get("fulfillmentHolds") or ():
                if isinstance(hold, dict):
                    why = _text(hold.get("reason")).replace("_", " ").lower() or "on hold"
                    notes = _text(hold.get("reasonNotes"))
                    reasons.append(f"{why} ({notes})" if notes else why)
            held.append("on hold in Shopify: " + ("; ".join(reasons) or "no reason given"))
        elif status == "SCHEDULED":
            when = _text(fulfillment_order.get("fulfillAt"))
            held.append("scheduled in Shopify" + (f": to be fulfilled from {when}" if when else ""))
        for line in nodes(fulfillment_order.get("lineItems")):
            item = line.get("lineItem")
            item_id = _text(item.get("id")) if isinstance(item, dict) else ""
            quantity = _whole(line.get("remainingQuantity")) or 0
            if item_id:
                found[item_id] = found.get(item_id, 0) + quantity
    return (found if readable else None), held


def _lines(order: Mapping[str, Any], remaining: Mapping[str, int] | None) -> list[DraftLine]:
    drafts = []
    for item in nodes(order.get("lineItems")):
        if item.get("requiresShipping") is False:
            continue  # a gift card, a tip, a download: nothing to pack
        item_id = _text(item.get("id"))
        if remaining is not None:
            quantity = remaining.get(item_id, 0)
        else:
            current = _whole(item.get("currentQuantity"))
            unfulfilled = _whole(item.get("unfulfilledQuantity"))
            known = [q for q in (current, unfulfilled) if q is not None]
            quantity = min(known) if known else _whole(item.get("quantity")) or 0
        if quantity <= 0:
            continue  # refunded, removed by an edit, or already fulfilled
        variant = item.get("variant")
        sku = _text(item.get("sku")).strip()
        if not sku and isinstance(variant, dict):
            sku = _text(variant.get("sku")).strip()
        title = _text(item.get("name")) or _text(item.get("title"))
        drafts.append(DraftLine(sku or None, quantity, title=title, deleted=variant is None and bool(sku),
                                platform_line_id=legacy_id(item_id)))
    return drafts


def order_from_node(order: Mapping[str, Any]) -> ShopOrder:
    """One ShopOrder from an Order node (a page's, a bulk file's, or `order(id:)`'s)."""
    gid = _text(order.get("id"))
    platform_id = _text(order.get("legacyResourceId")) or legacy_id(gid)
    name = _text(order.get("name"))
    number = name[1:] if name.startswith("#") else name
    updated_at = parse_time(order.get("updatedAt")) or parse_time(order.get("createdAt")) or _EPOCH
    financial = _text(order.get("displayFinancialStatus"))
    fulfillment = _text(order.get("displayFulfillmentStatus"))
    cancelled = bool(order.get("cancelledAt")) or financial in PAYMENT_REVERSED
    shop_status = "cancelled" if order.get("cancelledAt") else (fulfillment or financial).lower()
    remaining, held = _remaining(order)
    lines = _lines(order, remaining)
    built = build_order(platform_id, number or platform_id, updated_at, _header(order), lines, cancelled=cancelled,
                        shop_status=shop_status, held=held)
    if built.row is not None and not cancelled:
        if financial in UNPAID:
            built.skip = f"awaiting payment in Shopify ({financial.lower()})"
        elif not lines and not built.held:
            built.skip = ("fulfilled in Shopify" if fulfillment == "FULFILLED" else "nothing left to ship "
                          "(refunded, removed or not shippable)")
    return built


# ------------------------------------------------------------------ catalogue


def grams(weight: object) -> int | None:
    """A Weight {unit value} in whole grams; None when Shopify has none (0 is Shopify's 'not set')."""
    if not isinstance(weight, dict):
        return None
    value = weight.get("value")
    factor = GRAMS_PER.get(_text(weight.get("unit")))
    if factor is None or not isinstance(value, int | float) or isinstance(value, bool) or value <= 0:
        return None
    return max(1, round(value * factor))


def products_from_node(product: Mapping[str, Any], variants: Iterable[Mapping[str, Any]] | None = None
                       ) -> list[ShopProduct]:
    """One ShopProduct per variant of a Product node (Shopify has no dimensions: only weight)."""
    updated_at = parse_time(product.get("updatedAt")) or _EPOCH
    title = _text(product.get("title"))
    found = []
    for variant in variants if variants is not None else nodes(product.get("variants")):
        fields: dict[str, object] = {
            "sku": _text(variant.get("sku")).strip(),
            "name": variant_name(title, [_text(variant.get("title"))]) if title else _text(variant.get("title")),
        }
        barcode = _text(variant.get("barcode")).strip()
        if barcode:
            fields["barcodes"] = barcode
        item = variant.get("inventoryItem")
        measurement = item.get("measurement") if isinstance(item, dict) else None
        weight = grams(measurement.get("weight")) if isinstance(measurement, dict) else None
        if weight is not None:
            fields["weight_g"] = weight
        platform_id = _text(variant.get("legacyResourceId")) or legacy_id(variant.get("id"))
        found.append(build_shop_product(platform_id, updated_at, fields))
    return found


def sort_by_update(orders: Sequence[ShopOrder]) -> list[ShopOrder]:
    return sorted(orders, key=lambda order: order.updated_at)
