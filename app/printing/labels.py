"""A parcel's shipping label: drawn once by one function, for the printer and for `packstation label`.

The station prints, for each parcel, the first of: the carrier's label bought upstream
(app.store.carrier_labels), the carrier's file bought through [shipping] (printed byte for byte),
or the station's own label (with the tracking number, carrier and service bought, if any).
`parcel_label` answers the same question from the database afterwards, with the data the station
used: the parcel's number and the count the label carried ("Parcel 2", or "Parcel 3 of 3" on the
order's last box, the only one whose label knows the count), the weight as recorded (typed or not
weighed, never the expected one) and the day the parcel was labelled.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, select

from app.config import Config
from app.domain import model as m
from app.printing.documents import label_data
from app.store.models import Order, PackEvent
from app.store.repository import Repository
from app.store.values import as_utc, json_object

if TYPE_CHECKING:
    from printers.label import Label

_events = PackEvent.__table__
_orders = Order.__table__


def own_label(config: Config, template_dir: Path | None, order: m.Order, *, box: int, boxes: int | None,
              weight_g: int | None, weight_source: str, tracking: str | None = None, carrier: str | None = None,
              service: str | None = None, ship_date: date | None = None) -> Label:
    """The station's own label for one parcel (raises printers.LabelError when it cannot be drawn)."""
    from printers import documents

    data = label_data(order, config.ship_from, box=box, boxes=boxes, weight_g=weight_g, tracking=tracking,
                      carrier=carrier, service=service, weight_source=weight_source, ship_date=ship_date,
                      labels=config.labels)
    return documents.shipping_label(data, dpi=config.label_dpi, template_dir=template_dir)


def render_own_label(label: Label, fmt: str, title: str, unicode_font: str | None = None) -> bytes:
    """The bytes the label printer gets for the station's own label (title: "1001-2", PDF only;
    unicode_font: [printers] unicode_font, a TrueType font on the ZPL printer, ZPL only)."""
    import printers

    return (printers.render_zpl(label, unicode_font=unicode_font) if fmt == "zpl"
            else printers.render_pdf(label, title=title))


@dataclass(frozen=True)
class ParcelLabel:
    """What the label printer got for one parcel: a carrier's file (`data`, in `format`), or the
    station's own `label` (render it in any format). `packed`: False for a box not labelled yet
    (the label is then a preview of what would print now)."""

    order_number: str
    box: int
    format: str | None = None
    data: bytes | None = None
    label: Any = None  # printers.label.Label
    source: str = "station"  # station, upstream (imported), carrier (bought through [shipping])
    packed: bool = True


def parcel_label(engine: Engine, config: Config, template_dir: Path | None, order: m.Order, box: int) -> ParcelLabel:
    """The label the station printed for `box` of `order`, rebuilt from the station database."""
    from app.store.upstream_labels import label_for

    upstream = label_for(engine, order.number, box)
    if upstream is not None:
        return ParcelLabel(order.number, box, upstream.format, upstream.data, source="upstream")
    repo = Repository(engine)
    try:
        parcel = next((p for p in repo.parcels_of(order.number) if p["box_no"] == box), None)
    finally:
        repo.close()
    if parcel is None:
        label = own_label(config, template_dir, order, box=box, boxes=None, weight_g=None, weight_source="scale")
        return ParcelLabel(order.number, box, label=label, packed=False)
    tracking = carrier = service = None
    if config.shipping is not None and parcel.get("uuid"):
        from app.shipping.records import LabelRecords

        record = LabelRecords(engine).current(parcel["uuid"])
        if record is not None and record.state == "bought":
            if record.label_data is not None:
                return ParcelLabel(order.number, box, record.label_format or parcel.get("label_format"),
                                   record.label_data, source="carrier")
            tracking, carrier, service = record.tracking_number, record.carrier, record.service
    created = as_utc(parcel.get("created_at"))
    label = own_label(config, template_dir, order, box=box, boxes=box if _was_last_box(engine, order, box) else None,
                      weight_g=parcel.get("weight_g"), weight_source=parcel.get("weight_source") or "scale",
                      tracking=tracking, carrier=carrier, service=service,
                      ship_date=created.astimezone().date() if created else None)
    return ParcelLabel(order.number, box, label=label)


def _was_last_box(engine: Engine, order: m.Order, box: int) -> bool:
    """Whether the packer closed `box` as the order's last one (its label then says "of N")."""
    with engine.connect() as conn:
        order_id = conn.execute(select(_orders.c.id).where(_orders.c.number == order.number)).scalar()
        payloads = conn.execute(select(_events.c.payload).where(_events.c.order_id == order_id,
                                                                _events.c.type == "box_closed")
                                .order_by(_events.c.seq)).scalars().all()
    last = None
    for payload in payloads:
        data = json_object(payload)
        if data.get("box") == box:
            last = bool(data.get("last"))
    return bool(last)
