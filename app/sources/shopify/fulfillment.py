"""Write-back: a labelled parcel becomes one Shopify fulfillment with its tracking number.

    reference = write_shipment(api, shipment)     # the fulfillment's gid

One fulfillment per parcel, of only that parcel's lines and quantities, on the order's open
fulfillment orders (`fulfillmentCreate` with `lineItemsByFulfillmentOrder` and `trackingInfo
{number company url}`): a multi-parcel or short shipment is a partial fulfillment, and Shopify
closes the order when the last parcel covers what is left.

Never twice: the connector retries a write-back whose answer it did not see (a crash, a timeout
after Shopify created it). Before creating anything the order's fulfillments are read; what a
live fulfillment with the same tracking number already covers is taken off the parcel, and if
nothing is left its id is returned. A parcel without a tracking number is found again as a live
fulfillment without tracking of exactly its lines and quantities. A parcel split over two
locations' fulfillment orders makes one fulfillment per location (Shopify's rule).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from app.sources.base import NotFound, Shipment, SourceError
from app.sources.shopify import queries
from app.sources.shopify.graphql import ShopifyGraphQL
from app.sources.shopify.mapping import legacy_id, nodes, order_gid

LIVE = ("SUCCESS", "OPEN", "PENDING")  # fulfillment statuses that count (not CANCELLED, ERROR, FAILURE)
FULFILLABLE = ("OPEN", "IN_PROGRESS")


@dataclass
class _Slot:
    fulfillment_order: str
    location: str
    line_item: str  # FulfillmentOrderLineItem gid
    order_line: str  # LineItem gid
    sku: str
    remaining: int


@dataclass
class _Covered:
    order_line: str  # LineItem gid
    sku: str
    quantity: int


def _matches(line_id: str, sku: str, order_line: str, their_sku: str) -> bool:
    if line_id:
        return legacy_id(order_line) == legacy_id(line_id)
    return bool(their_sku) and their_sku.upper() == sku.upper()


def _already_sent(order: Mapping[str, Any], shipment: Shipment) -> tuple[list[str], list[_Covered]]:
    """Live fulfillments of this parcel made by an earlier try, and the quantities they cover.

    With a tracking number: the fulfillments carrying it. Without one (a label bought outside the
    station, a spool-only station), a live fulfillment without tracking whose lines and quantities
    are exactly the parcel's: Shopify keeps no field of ours on a fulfillment to find it by.
    """
    tracking = shipment.tracking_number.strip()
    ids: list[str] = []
    covered: list[_Covered] = []
    wanted = sorted((line.sku.upper(), line.quantity) for line in shipment.lines)
    for fulfillment in order.get("fulfillments") or ():
        if not isinstance(fulfillment, dict) or fulfillment.get("status") not in LIVE:
            continue
        numbers = {str(info.get("number") or "").strip() for info in fulfillment.get("trackingInfo") or ()
                   if isinstance(info, dict)} - {""}
        lines = []
        for line in nodes(fulfillment.get("fulfillmentLineItems")):
            item = line.get("lineItem")
            if isinstance(item, dict) and isinstance(line.get("quantity"), int):
                lines.append(_Covered(str(item.get("id") or ""), str(item.get("sku") or "").strip(), line["quantity"]))
        if tracking:
            if tracking not in numbers:
                continue
        elif numbers or sorted((line.sku.upper(), line.quantity) for line in lines) != wanted or ids:
            continue
        ids.append(str(fulfillment.get("id")))
        covered += lines
    return ids, covered


def _slots(order: Mapping[str, Any]) -> tuple[list[_Slot], list[str]]:
    slots, held = [], []
    for fulfillment_order in nodes(order.get("fulfillmentOrders")):
        status = fulfillment_order.get("status")
        if status == "ON_HOLD":
            held.append(", ".join(str(h.get("reason")) for h in fulfillment_order.get("fulfillmentHolds") or ()
                                  if isinstance(h, dict)) or "on hold")
        if status not in FULFILLABLE:
            continue
        assigned = fulfillment_order.get("assignedLocation") or {}
        location = str(((assigned.get("location") or {}) if isinstance(assigned, dict) else {}).get("id") or "")
        for line in nodes(fulfillment_order.get("lineItems")):
            line_item = line.get("lineItem")
            item: dict[str, Any] = line_item if isinstance(line_item, dict) else {}
            remaining = line.get("remainingQuantity")
            if isinstance(remaining, int) and remaining > 0:
                slots.append(_Slot(str(fulfillment_order.get("id")), location, str(line.get("id")),
                                   str(item.get("id") or ""), str(item.get("sku") or "").strip(), remaining))
    return slots, held


def _allocate(shipment: Shipment, slots: list[_Slot], covered: list[_Covered]
              ) -> tuple[dict[str, dict[str, dict[str, int]]], list[str]]:
    """{location: {fulfillment order: {fulfillment order line: quantity}}} for what the parcel still needs:
    its lines less what a fulfillment with its tracking number already covers."""
    plan: dict[str, dict[str, dict[str, int]]] = {}
    missing: list[str] = []
    for line in shipment.lines:
        wanted = line.quantity
        for done in covered:  # an earlier try (a crash, a lost answer) already fulfilled this much
            if wanted > 0 and done.quantity > 0 and _matches(line.platform_line_id, line.sku, done.order_line,
                                                               done.sku):
                taken = min(wanted, done.quantity)
                done.quantity -= taken
                wanted -= taken
        for slot in slots:
            if wanted <= 0:
                break
            if slot.remaining <= 0 or not _matches(line.platform_line_id, line.sku, slot.order_line, slot.sku):
                continue
            take = min(wanted, slot.remaining)
            slot.remaining -= take
            wanted -= take
            lines = plan.setdefault(slot.location, {}).setdefault(slot.fulfillment_order, {})
            lines[slot.line_item] = lines.get(slot.line_item, 0) + take
        if wanted > 0:
            missing.append(f"{line.sku} x{wanted}")
    return plan, missing


def write_shipment(api: ShopifyGraphQL, shipment: Shipment) -> str:
    gid = order_gid(shipment.platform_id)
    tracking = shipment.tracking_number.strip()
    order = api.execute(queries.ORDER_FULFILLMENTS, {"id": gid}).get("order")
    if not isinstance(order, dict):
        raise NotFound(f"{api.source}: order {shipment.order_number} is no longer in Shopify (deleted?) — its "
                       "tracking cannot be written back; tell the customer yourself", status=404)
    sent, covered = _already_sent(order, shipment)
    open_work = api.execute(queries.ORDER_OPEN_WORK, {"id": gid}).get("order") or {}
    slots, held = _slots(open_work)
    plan, missing = _allocate(shipment, slots, covered)
    if not plan:
        if sent:
            return sent[0]  # written before (a retry after a crash or a lost answer)
        if order.get("cancelledAt"):
            raise SourceError(f"{api.source}: order {shipment.order_number} was cancelled in Shopify after its "
                              "label was made — void the label and take the parcel back")
        why = f"its fulfillment is on hold in Shopify ({'; '.join(held)})" if held else \
            "nothing in the parcel is still open in Shopify (refunded, or fulfilled elsewhere)"
        raise SourceError(f"{api.source}: cannot fulfil order {shipment.order_number} in Shopify: {why}"
                          + (f"; not found open: {', '.join(missing)}" if missing else ""))
    created = list(sent)
    for by_order in plan.values():
        created.append(_create(api, shipment, tracking, by_order))
    return created[0]


def _create(api: ShopifyGraphQL, shipment: Shipment, tracking: str, by_order: Mapping[str, Mapping[str, int]]) -> str:
    info = {key: value for key, value in (("number", tracking), ("company", shipment.carrier.strip()),
                                          ("url", shipment.tracking_url.strip())) if value}
    fulfillment: dict[str, Any] = {
        "notifyCustomer": bool(shipment.notify_customer),
        "lineItemsByFulfillmentOrder": [
            {"fulfillmentOrderId": fo, "fulfillmentOrderLineItems": [{"id": line, "quantity": quantity}
                                                                     for line, quantity in lines.items()]}
            for fo, lines in by_order.items()],
    }
    if info:
        fulfillment["trackingInfo"] = info
    data = api.execute(queries.FULFILLMENT_CREATE,
                       {"fulfillment": fulfillment, "message": f"Packstation parcel {shipment.box} ({shipment.key})"})
    payload = data.get("fulfillmentCreate") or {}
    errors = [e for e in payload.get("userErrors") or () if isinstance(e, dict)]
    created = payload.get("fulfillment")
    if errors or not isinstance(created, dict) or not created.get("id"):
        said = "; ".join(str(e.get("message")) for e in errors) or "no fulfillment came back"
        raise SourceError(f"{api.source}: Shopify refused the fulfillment of order {shipment.order_number}: {said}")
    return str(created["id"])
