"""A parcel's label bought upstream, as the label step looks it up: Core only.

The label step asks for it before every label it draws; importing the whole import module
(app.store.carrier_labels: CSV, the ORM) to ask would cost a quarter of a second at the first
label and at every restart that re-drives an owed label.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, select

from app.store.tables import carrier_labels as _labels
from app.store.tables import orders as _orders


@dataclass(frozen=True)
class UpstreamLabel:
    format: str
    data: bytes
    tracking_number: str
    carrier: str


def label_format(data: bytes) -> str | None:
    """zpl or pdf, by the file's first bytes; None for anything else."""
    head = data.lstrip()[:8]
    if head.startswith(b"^XA") or head.startswith(b"~"):
        return "zpl"
    if head.startswith(b"%PDF"):
        return "pdf"
    return None


def label_for(engine: Engine, order_number: str, box: int) -> UpstreamLabel | None:
    with engine.connect() as conn:
        row = conn.execute(select(_labels).join(_orders, _orders.c.id == _labels.c.order_id)
                           .where(_orders.c.number == order_number, _labels.c.box_no == box)).first()
    return UpstreamLabel(row.format, row.data, row.tracking_number, row.carrier) if row else None
