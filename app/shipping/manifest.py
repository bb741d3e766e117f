"""End-of-day close-out: one manifest per carrier of every labelled parcel not yet handed over.

Closing out copies each parcel onto the manifest (its tracking number, service, weight and
charge as they were), in one transaction. A parcel is on one manifest at most, so a parcel
labelled after the close-out simply waits for the next one. The manifest is data: a CSV for
the carrier's portal or the office, and a PDF for the driver (manifest_pdf).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import TextIO

from sqlalchemy import Engine, and_, func, insert, select

from app.domain import clock
from app.store.db import write_transaction
from app.store.inserted import inserted_id
from app.store.models import Order, Parcel
from app.store.shipping_models import ShippingLabel, ShippingManifest, ShippingManifestParcel

_parcels = Parcel.__table__
_orders = Order.__table__
_labels = ShippingLabel.__table__
_manifests = ShippingManifest.__table__
_members = ShippingManifestParcel.__table__

CSV_COLUMNS = ("manifest", "carrier", "closed_at", "order", "box", "tracking_number", "service", "weight_g",
               "charge", "currency", "ship_to")


@dataclass(frozen=True, slots=True)
class ManifestParcel:
    parcel_uuid: str
    order_number: str
    box_no: int
    tracking_number: str
    service: str
    weight_g: int
    charge: Decimal | None
    currency: str
    ship_to: str


@dataclass
class Manifest:
    number: str
    carrier: str
    closed_at: datetime | None  # None: not closed yet (what the next close-out would take)
    station: str = ""
    parcels: list[ManifestParcel] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.parcels)

    @property
    def total_weight_g(self) -> int:
        return sum(p.weight_g for p in self.parcels)

    @property
    def charges(self) -> dict[str, Decimal]:
        totals: dict[str, Decimal] = {}
        for p in self.parcels:
            if p.charge is not None:
                totals[p.currency] = totals.get(p.currency, Decimal(0)) + p.charge
        return totals


def open_parcels(engine: Engine, carrier: str | None = None) -> dict[str, list[ManifestParcel]]:
    """Labelled parcels on no manifest yet, by carrier."""
    with engine.connect() as conn:
        return _open(conn, carrier)


def _open(conn, carrier: str | None) -> dict[str, list[ManifestParcel]]:  # noqa: ANN001 - a Connection
    latest = (select(_labels.c.parcel_uuid, func.max(_labels.c.generation).label("generation"))
              .where(_labels.c.state == "bought").group_by(_labels.c.parcel_uuid).subquery())
    bought = (select(_labels.c.parcel_uuid, _labels.c.tracking_number, _labels.c.rate, _labels.c.currency)
              .join(latest, and_(latest.c.parcel_uuid == _labels.c.parcel_uuid,
                                 latest.c.generation == _labels.c.generation)).subquery())
    query = (
        select(_parcels.c.uuid, _parcels.c.box_no, _parcels.c.carrier, _parcels.c.service_level,
               _parcels.c.weight_g, _parcels.c.expected_weight_g, _parcels.c.tracking_number,
               _orders.c.number, _orders.c.ship_to_city, _orders.c.ship_to_postcode, _orders.c.ship_to_country,
               bought.c.tracking_number.label("bought_tracking"), bought.c.rate, bought.c.currency)
        .join(_orders, _orders.c.id == _parcels.c.order_id)
        .outerjoin(_members, _members.c.parcel_uuid == _parcels.c.uuid)
        .outerjoin(bought, bought.c.parcel_uuid == _parcels.c.uuid)
        .where(_parcels.c.status == "labelled", _members.c.id.is_(None))
        .order_by(_parcels.c.carrier, _orders.c.number, _parcels.c.box_no)
    )
    if carrier:
        query = query.where(func.lower(_parcels.c.carrier) == carrier.casefold())
    found: dict[str, list[ManifestParcel]] = {}
    for r in conn.execute(query):
        ship_to = ", ".join(p for p in (r.ship_to_city, r.ship_to_postcode, r.ship_to_country) if p)
        found.setdefault(r.carrier or "(no carrier)", []).append(ManifestParcel(
            parcel_uuid=r.uuid, order_number=r.number, box_no=r.box_no,
            tracking_number=r.tracking_number or r.bought_tracking or "", service=r.service_level,
            weight_g=r.weight_g or r.expected_weight_g or 0, charge=Decimal(r.rate) if r.rate else None,
            currency=r.currency or "", ship_to=ship_to[:255]))
    return found


def close_out(engine: Engine, carrier: str, *, station: str = "", now: datetime | None = None) -> Manifest | None:
    """Close out one carrier: every open parcel onto a new manifest. None when there is nothing to close."""
    now = now or clock.now()
    with write_transaction(engine) as conn:
        found = _open(conn, carrier)
        if not found:
            return None
        name = next(iter(found))  # the carrier as the parcels spell it
        parcels = [parcel for group in found.values() for parcel in group]
        day = now.strftime("%Y%m%d")
        prefix = f"{_slug(name)}-{day}-"
        taken = conn.execute(select(func.count()).select_from(_manifests)
                             .where(_manifests.c.number.like(f"{prefix}%"))).scalar_one()
        manifest = Manifest(f"{prefix}{taken + 1}", name, now, station, parcels)
        charges = manifest.charges
        currency = next(iter(charges), "")
        manifest_id = inserted_id(conn.execute(insert(_manifests).values(
            number=manifest.number, carrier=name, station=station, closed_at=now, parcel_count=manifest.count,
            total_weight_g=manifest.total_weight_g, total_charge=str(charges.get(currency, Decimal("0.00"))),
            currency=currency)))
        conn.execute(insert(_members), [{
            "manifest_id": manifest_id, "parcel_uuid": p.parcel_uuid, "order_number": p.order_number,
            "box_no": p.box_no, "tracking_number": p.tracking_number, "service": p.service, "weight_g": p.weight_g,
            "charge": str(p.charge) if p.charge is not None else "", "currency": p.currency, "ship_to": p.ship_to,
        } for p in parcels])
    return manifest


def close_out_all(engine: Engine, *, station: str = "", now: datetime | None = None) -> list[Manifest]:
    manifests = []
    for carrier in sorted(open_parcels(engine)):
        manifest = close_out(engine, carrier, station=station, now=now)
        if manifest is not None:
            manifests.append(manifest)
    return manifests


def load_manifest(engine: Engine, number: str) -> Manifest | None:
    with engine.connect() as conn:
        head = conn.execute(select(_manifests).where(_manifests.c.number == number)).first()
        if head is None:
            return None
        rows = conn.execute(select(_members).where(_members.c.manifest_id == head.id)
                            .order_by(_members.c.order_number, _members.c.box_no)).all()
    parcels = [ManifestParcel(r.parcel_uuid, r.order_number, r.box_no, r.tracking_number, r.service, r.weight_g,
                              Decimal(r.charge) if r.charge else None, r.currency, r.ship_to) for r in rows]
    return Manifest(head.number, head.carrier, head.closed_at, head.station, parcels)


def recent_manifests(engine: Engine, limit: int = 30) -> list[tuple[str, str, datetime, int]]:
    with engine.connect() as conn:
        rows = conn.execute(select(_manifests.c.number, _manifests.c.carrier, _manifests.c.closed_at,
                                   _manifests.c.parcel_count).order_by(_manifests.c.id.desc()).limit(limit)).all()
    return [tuple(r) for r in rows]


def write_csv(manifest: Manifest, out: TextIO) -> int:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    closed = manifest.closed_at.isoformat(timespec="seconds") if manifest.closed_at else ""
    for p in manifest.parcels:
        writer.writerow([manifest.number, manifest.carrier, closed, p.order_number, p.box_no, p.tracking_number,
                         p.service, p.weight_g, "" if p.charge is None else p.charge, p.currency, p.ship_to])
    return manifest.count


def _slug(carrier: str) -> str:
    return re.sub(r"[^A-Z0-9]+", "", carrier.upper())[:16] or "CARRIER"
