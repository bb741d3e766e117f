"""Writing fulfillments back to the order source: tracking numbers, carrier, lines shipped.

The first form is a CSV for Shopify, in the column layout of Matrixify's "Orders" template
(the common way to bulk-fulfil Shopify orders from a file): one row per order line, with the
order's tracking numbers on each. An order is exported once all its parcels are labelled and
it is packed; each exported parcel is recorded, so the next export holds only what is new.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from datetime import datetime
from typing import TextIO

from sqlalchemy import Engine, insert, select
from sqlalchemy.exc import IntegrityError

from app.domain import clock
from app.shipping.tracking import tracking_url
from app.store.db import write_transaction
from app.store.models import Order, OrderLine, Parcel, Product
from app.store.shipping_models import FulfillmentExport

_orders = Order.__table__
_lines = OrderLine.__table__
_products = Product.__table__
_parcels = Parcel.__table__
_exports = FulfillmentExport.__table__

SHOPIFY_SINK = "shopify_csv"
SHOPIFY_COLUMNS = ("Name", "Command", "Line: Type", "Line: SKU", "Line: Quantity", "Fulfillment: Status",
                   "Fulfillment: Tracking Company", "Fulfillment: Tracking Number", "Fulfillment: Tracking URL",
                   "Fulfillment: Send Receipt", "Fulfillment: Processed At")


@dataclass
class Fulfillment:
    order_number: str
    channel: str
    lines: list[tuple[str, int]] = field(default_factory=list)  # (sku, quantity)
    parcels: list[tuple[str, str, str]] = field(default_factory=list)  # (parcel uuid, carrier, tracking number)

    @property
    def carrier(self) -> str:
        return self.parcels[0][1] if self.parcels else ""

    @property
    def tracking_numbers(self) -> list[str]:
        return [tracking for _, _, tracking in self.parcels if tracking]


def pending_fulfillments(engine: Engine, sink: str = SHOPIFY_SINK, *, channel: str | None = "shopify"
                         ) -> list[Fulfillment]:
    """Packed orders whose labelled parcels have not gone to `sink` yet."""
    exported = select(_exports.c.parcel_uuid).where(_exports.c.sink == sink)
    query = (select(_orders.c.id, _orders.c.number, _orders.c.channel, _parcels.c.uuid, _parcels.c.carrier,
                    _parcels.c.tracking_number, _parcels.c.status)
             .join(_parcels, _parcels.c.order_id == _orders.c.id)
             .where(_orders.c.status.in_(("packed", "shipped")))
             .order_by(_orders.c.number, _parcels.c.box_no))
    found: dict[int, Fulfillment] = {}
    blocked: set[int] = set()
    with engine.connect() as conn:
        done = set(conn.execute(exported).scalars())
        for r in conn.execute(query):
            if channel and r.channel.casefold() != channel.casefold():
                continue
            if r.status == "voided":
                continue
            if r.status != "labelled":
                blocked.add(r.id)  # a box still being labelled: wait for the whole order
                continue
            if r.uuid in done:
                continue
            found.setdefault(r.id, Fulfillment(r.number, r.channel)).parcels.append(
                (r.uuid, r.carrier, r.tracking_number or ""))
        for order_id, fulfillment in found.items():
            fulfillment.lines = [(row.sku, row.quantity) for row in conn.execute(
                select(_products.c.sku, _lines.c.quantity).join(_products, _products.c.id == _lines.c.product_id)
                .where(_lines.c.order_id == order_id).order_by(_lines.c.line_no))]
    return [f for order_id, f in found.items() if order_id not in blocked]


def write_shopify_csv(fulfillments: list[Fulfillment], out: TextIO, *, send_receipt: bool = False,
                      now: datetime | None = None) -> int:
    """Matrixify "Orders" rows: UPDATE each order with a fulfillment of its lines. Returns rows written."""
    processed = (now or clock.now()).strftime("%Y-%m-%d %H:%M:%S %z")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(SHOPIFY_COLUMNS)
    rows = 0
    for f in fulfillments:
        numbers = f.tracking_numbers
        url = tracking_url(f.carrier, numbers[0]) if numbers else ""
        name = f.order_number if f.order_number.startswith("#") else f"#{f.order_number}"
        for sku, quantity in f.lines:
            writer.writerow([name, "UPDATE", "Fulfillment Line", sku, quantity, "success", f.carrier,
                             ", ".join(numbers), url, "TRUE" if send_receipt else "FALSE", processed])
            rows += 1
    return rows


def mark_exported(engine: Engine, fulfillments: list[Fulfillment], reference: str, sink: str = SHOPIFY_SINK) -> int:
    now = clock.now()
    count = 0
    with write_transaction(engine) as conn:
        for f in fulfillments:
            for parcel_uuid, _, _ in f.parcels:
                try:
                    with conn.begin_nested():
                        conn.execute(insert(_exports).values(sink=sink, parcel_uuid=parcel_uuid,
                                                             order_number=f.order_number, reference=reference[:255],
                                                             exported_at=now))
                    count += 1
                except IntegrityError:
                    pass  # exported by an earlier run: the row says when
    return count
