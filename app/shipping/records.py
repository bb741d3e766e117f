"""The label purchase log: each step is committed before the next one may cost money.

pending ──rated, chosen──▶ buying ──carrier answered──▶ bought ──void──▶ voided
   │                         │
   └── carrier said no ──▶ failed (nothing bought; the next try reuses the row and its key)

Written with SQLAlchemy Core, one short transaction per step, on the station's engine (SQLite
with synchronous=FULL, or PostgreSQL): a step the packer saw is on disk.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Engine, insert, select, update
from sqlalchemy.exc import IntegrityError

from app.domain import clock
from app.shipping.model import BoughtLabel, Choice, Rate
from app.store.db import write_transaction
from app.store.inserted import inserted_id
from app.store.models import Parcel
from app.store.shipping_models import ShippingLabel

_labels = ShippingLabel.__table__
_parcels = Parcel.__table__
UNRESOLVED = ("pending", "buying")


@dataclass(frozen=True, slots=True)
class LabelRecord:
    id: int
    parcel_uuid: str
    generation: int
    key: str
    order_number: str
    box_no: int
    state: str
    source: str
    carrier: str
    service: str
    rate: str
    currency: str
    transit_days: int | None
    shipment_id: str
    rate_id: str
    tracking_number: str | None
    label_format: str | None
    label_data: bytes | None
    label_url: str
    rates_json: str
    choice_reason: str
    error_code: str
    error_message: str
    refund_status: str
    bought_at: datetime | None
    weight_g: int | None = None  # what was weighed (or expected) when rated
    billable_weight: str = ""  # what the price was looked up by: "3 lb", "1.5 kg"

    @property
    def considered(self) -> list[dict[str, Any]]:
        return json.loads(self.rates_json or "[]")

    def beaten(self) -> tuple[Rate, ...]:
        rates = []
        for entry in self.considered:
            if entry.get("chosen"):
                continue
            rates.append(Rate(entry["carrier"], entry["service"], Decimal(entry["amount"]), entry["currency"],
                              entry.get("transit_days"), entry.get("source", ""), level=entry.get("level", ""),
                              billable_weight=entry.get("billable_weight", "")))
        return tuple(rates)


def idempotency_key(parcel_uuid: str, generation: int) -> str:
    return f"ps-{parcel_uuid}-{generation}"


class DuplicatePurchase(Exception):
    """Another process recorded a purchase for this parcel at the same moment."""


class LabelRecords:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def current(self, parcel_uuid: str) -> LabelRecord | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(_labels).where(_labels.c.parcel_uuid == parcel_uuid)
                               .order_by(_labels.c.generation.desc()).limit(1)).first()
        return _record(row) if row else None

    def get(self, record_id: int) -> LabelRecord:
        with self.engine.connect() as conn:
            return _record(conn.execute(select(_labels).where(_labels.c.id == record_id)).one())

    def unresolved(self) -> list[LabelRecord]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(_labels).where(_labels.c.state.in_(UNRESOLVED)).order_by(_labels.c.id)).all()
        return [_record(r) for r in rows]

    def recent(self, limit: int = 50) -> list[LabelRecord]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(_labels).order_by(_labels.c.id.desc()).limit(limit)).all()
        return [_record(r) for r in rows]

    def create(self, parcel_uuid: str, generation: int, order_number: str, box_no: int, weight_g: int) -> LabelRecord:
        """Record the purchase before anything is asked of a carrier."""
        now = clock.now()
        try:
            with write_transaction(self.engine) as conn:
                new_id = inserted_id(conn.execute(insert(_labels).values(
                    parcel_uuid=parcel_uuid, generation=generation, idempotency_key=idempotency_key(parcel_uuid,
                                                                                                    generation),
                    order_number=order_number, box_no=box_no, state="pending", weight_g=weight_g, attempts=0,
                    created_at=now, updated_at=now)))
        except IntegrityError as exc:
            raise DuplicatePurchase(parcel_uuid) from exc
        return self.get(new_id)

    def _set(self, record_id: int, **values: Any) -> LabelRecord:
        values["updated_at"] = clock.now()
        with write_transaction(self.engine) as conn:
            conn.execute(update(_labels).where(_labels.c.id == record_id).values(**values))
        return self.get(record_id)

    def retry(self, record: LabelRecord, weight_g: int) -> LabelRecord:
        """A failed or never-sent purchase is tried again under the same key."""
        return self._set(record.id, state="pending", error_code="", error_message="", weight_g=weight_g)

    def shipment_created(self, record: LabelRecord, shipment_id: str) -> LabelRecord:
        return self._set(record.id, provider_shipment_id=shipment_id)

    def chosen(self, record: LabelRecord, choice: Choice, *, state: str) -> LabelRecord:
        """Keep the choice and what it beat; `buying` is committed before the buy request goes out."""
        rate = choice.chosen
        considered = [{**c.as_dict(), "chosen": c.rate is rate} for c in choice.considered]
        return self._set(record.id, state=state, source=rate.source, carrier=rate.carrier, service=rate.service,
                         rate=str(rate.amount), currency=rate.currency, transit_days=rate.transit_days,
                         provider_shipment_id=rate.shipment_id, provider_rate_id=rate.rate_id,
                         billable_weight=rate.billable_weight[:16], rates_json=json.dumps(considered),
                         choice_reason=choice.reason, attempts=_attempts(self, record) + 1)

    def bought(self, record: LabelRecord, bought: BoughtLabel | None) -> LabelRecord:
        values: dict[str, Any] = {"state": "bought", "bought_at": clock.now(), "error_code": "",
                                  "error_message": ""}
        if bought is not None:
            values.update(tracking_number=bought.tracking_number, provider_shipment_id=bought.shipment_id,
                          label_url=bought.label_url[:1024], label_format=bought.label_format or None)
            if bought.amount is not None:
                values["rate"] = str(bought.amount)
        record = self._set(record.id, **values)
        # The parcel carries what was bought, not what the order asked for: manifests and
        # write-backs read it from there.
        with write_transaction(self.engine) as conn:
            conn.execute(update(_parcels).where(_parcels.c.uuid == record.parcel_uuid)
                         .values(carrier=record.carrier, service_level=record.service))
        return record

    def label(self, record: LabelRecord, data: bytes, label_format: str) -> LabelRecord:
        return self._set(record.id, label_data=data, label_format=label_format)

    def failed(self, record: LabelRecord, code: str, message: str) -> LabelRecord:
        return self._set(record.id, state="failed", error_code=code[:64], error_message=message)

    def noted(self, record: LabelRecord, code: str, message: str) -> LabelRecord:
        """An error that leaves the state as it is (a look-up that could not be made)."""
        return self._set(record.id, error_code=code[:64], error_message=message)

    def voided(self, record: LabelRecord, refund_status: str) -> LabelRecord:
        return self._set(record.id, state="voided", voided_at=clock.now(), refund_status=refund_status[:16])


def _attempts(records: LabelRecords, record: LabelRecord) -> int:
    with records.engine.connect() as conn:
        return conn.execute(select(_labels.c.attempts).where(_labels.c.id == record.id)).scalar_one()


def _record(r: Any) -> LabelRecord:
    return LabelRecord(
        id=r.id, parcel_uuid=r.parcel_uuid, generation=r.generation, key=r.idempotency_key,
        order_number=r.order_number, box_no=r.box_no, state=r.state, source=r.source, carrier=r.carrier,
        service=r.service, rate=r.rate, currency=r.currency, transit_days=r.transit_days,
        shipment_id=r.provider_shipment_id, rate_id=r.provider_rate_id, tracking_number=r.tracking_number,
        label_format=r.label_format, label_data=r.label_data, label_url=r.label_url, rates_json=r.rates_json,
        choice_reason=r.choice_reason, error_code=r.error_code, error_message=r.error_message,
        refund_status=r.refund_status, bought_at=r.bought_at, weight_g=r.weight_g,
        billable_weight=r.billable_weight or "",
    )
