"""Writing fulfillments back to the order source: tracking numbers, carrier, lines shipped.

The first form is a CSV for Shopify, in the column layout of Matrixify's "Orders" template
(the common way to bulk-fulfil Shopify orders from a file): one row per order line, with the
order's tracking numbers on each. An order is exported once all its parcels are labelled and
it is packed; each exported parcel is recorded, so the next export holds only what is new.

Two exports never write the same parcel: `claim_fulfillments` records each parcel for the sink
as `claimed` (by this export, until a lease runs out; a unique key per sink and parcel lets
one export win) before the file is written, and `mark_exported` turns the claim `done` once the
file is whole. An export that died leaves claims whose lease runs out: the next export checks
the file the claim names, and counts the parcel done if its order is in that file (it died after
the file was complete), else takes it again (the file never appeared: nothing went out).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import TextIO

from sqlalchemy import Connection, Engine, delete, insert, select, update
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
LEASE = timedelta(minutes=10)  # an export's claim on its parcels; a dead export's claims come back after it
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
    with write_transaction(engine) as conn:
        settle_dead_claims(conn, sink, clock.now())
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


def settle_dead_claims(conn: Connection, sink: str, now: datetime) -> None:
    """Claims of an export that died (lease over): done if the file it named holds the order, else released."""
    dead = conn.execute(select(_exports.c.id, _exports.c.order_number, _exports.c.reference)
                        .where(_exports.c.sink == sink, _exports.c.state == "claimed",
                               _exports.c.lease_until < now)).all()
    for row in dead:
        if _written_in(row.reference, row.order_number):
            conn.execute(update(_exports).where(_exports.c.id == row.id).values(state="done", lease_until=None))
        else:
            conn.execute(delete(_exports).where(_exports.c.id == row.id))


def _written_in(reference: str, order_number: str) -> bool:
    """Whether the (whole: written beside and renamed) file `reference` has a row of this order."""
    path = Path(reference)
    if not reference or not path.is_file():
        return False
    names = {order_number, f"#{order_number.lstrip('#')}"}
    try:
        with path.open(encoding="utf-8", newline="") as source:
            return any(row and row[0] in names for row in csv.reader(source))
    except (OSError, UnicodeError, csv.Error):
        return False


def claim_fulfillments(engine: Engine, fulfillments: list[Fulfillment], reference: str, *, owner: str,
                       sink: str = SHOPIFY_SINK, lease: timedelta = LEASE) -> list[Fulfillment]:
    """The fulfillments this export now holds (all parcels of an order, or the order is left to the other)."""
    now = clock.now()
    held = []
    with write_transaction(engine) as conn:
        for f in fulfillments:
            try:
                with conn.begin_nested():
                    conn.execute(insert(_exports), [
                        {"sink": sink, "parcel_uuid": parcel_uuid, "order_number": f.order_number,
                         "reference": reference[:255], "exported_at": now, "state": "claimed", "claimed_by": owner,
                         "lease_until": now + lease} for parcel_uuid, _, _ in f.parcels])
                held.append(f)
            except IntegrityError:
                pass  # another export holds or wrote one of its parcels
    return held


def mark_exported(engine: Engine, fulfillments: list[Fulfillment], reference: str, sink: str = SHOPIFY_SINK,
                  *, owner: str | None = None) -> int:
    """Record the parcels as written back in `reference`: this export's claims become done, unclaimed
    parcels are recorded done; a parcel another export holds or wrote is left alone. Returns parcels recorded."""
    now = clock.now()
    count = 0
    with write_transaction(engine) as conn:
        for f in fulfillments:
            for parcel_uuid, _, _ in f.parcels:
                if owner:
                    done = conn.execute(update(_exports).where(
                        _exports.c.sink == sink, _exports.c.parcel_uuid == parcel_uuid, _exports.c.state == "claimed",
                        _exports.c.claimed_by == owner).values(state="done", reference=reference[:255],
                                                               exported_at=now, lease_until=None))
                    if done.rowcount:
                        count += 1
                        continue
                try:
                    with conn.begin_nested():
                        conn.execute(insert(_exports).values(sink=sink, parcel_uuid=parcel_uuid,
                                                             order_number=f.order_number, reference=reference[:255],
                                                             exported_at=now, state="done"))
                    count += 1
                except IntegrityError:
                    pass  # exported by an earlier run (or held by another): the row says when
    return count
