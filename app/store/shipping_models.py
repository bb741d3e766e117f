"""The shipping tables: label purchases, manifests, customs data, the e-mail outbox, write-backs.

Declared on the store's `Base` so that Alembic sees them; migration 0004 creates them.
Money is kept as decimal text ("12.34"): exact on SQLite and PostgreSQL alike, and SQLite has
no decimal type (SQLAlchemy's Numeric would round-trip through float there).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.store.models import Base, utcnow


class ShippingLabel(Base):
    """One label purchase for one parcel: recorded before the carrier is asked, settled after.

    `generation` starts at 1 and grows only when a bought label is voided, so the pair
    (parcel_uuid, generation) and the idempotency key name exactly one purchase. States:
    pending (recorded, nothing asked yet), buying (the buy request may have reached the
    carrier), bought, failed (the carrier said no: nothing was bought), voided.
    """

    __tablename__ = "shipping_labels"
    __table_args__ = (
        UniqueConstraint("parcel_uuid", "generation", name="uq_shipping_labels_parcel_generation"),
        Index("ix_shipping_labels_state", "state"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    parcel_uuid: Mapped[str] = mapped_column(String(36))
    generation: Mapped[int] = mapped_column(Integer, default=1)
    idempotency_key: Mapped[str] = mapped_column(String(80), unique=True)
    order_number: Mapped[str] = mapped_column(String(64), default="")
    box_no: Mapped[int] = mapped_column(Integer, default=1)
    state: Mapped[str] = mapped_column(String(16), default="pending")
    source: Mapped[str] = mapped_column(String(32), default="")
    carrier: Mapped[str] = mapped_column(String(64), default="")
    service: Mapped[str] = mapped_column(String(64), default="")
    rate: Mapped[str] = mapped_column(String(20), default="")
    currency: Mapped[str] = mapped_column(String(3), default="")
    transit_days: Mapped[int | None] = mapped_column(Integer)
    provider_shipment_id: Mapped[str] = mapped_column(String(64), default="")
    provider_rate_id: Mapped[str] = mapped_column(String(64), default="")
    tracking_number: Mapped[str | None] = mapped_column(String(64), index=True)
    label_format: Mapped[str | None] = mapped_column(String(8))
    label_data: Mapped[bytes | None] = mapped_column(LargeBinary)
    label_url: Mapped[str] = mapped_column(String(1024), default="")
    weight_g: Mapped[int | None] = mapped_column(Integer)
    billable_weight: Mapped[str] = mapped_column(String(16), default="")
    rates_json: Mapped[str] = mapped_column(Text, default="[]")  # every rate considered, with why it lost
    choice_reason: Mapped[str] = mapped_column(Text, default="")
    error_code: Mapped[str] = mapped_column(String(64), default="")
    error_message: Mapped[str] = mapped_column(Text, default="")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    refund_status: Mapped[str] = mapped_column(String(16), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)
    bought_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    voided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class ShippingManifest(Base):
    """One carrier's end-of-day close-out: the parcels handed over together."""

    __tablename__ = "shipping_manifests"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(48), unique=True)
    carrier: Mapped[str] = mapped_column(String(64))
    station: Mapped[str] = mapped_column(String(64), default="")
    closed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    parcel_count: Mapped[int] = mapped_column(Integer, default=0)
    total_weight_g: Mapped[int] = mapped_column(Integer, default=0)
    total_charge: Mapped[str] = mapped_column(String(20), default="0.00")
    currency: Mapped[str] = mapped_column(String(3), default="")


class ShippingManifestParcel(Base):
    """A parcel on a manifest, copied at close-out so the manifest stays what was handed over.

    A parcel is on one manifest at most (unique parcel_uuid): a parcel labelled after the
    close-out has no row yet and goes on the next one.
    """

    __tablename__ = "shipping_manifest_parcels"

    id: Mapped[int] = mapped_column(primary_key=True)
    manifest_id: Mapped[int] = mapped_column(ForeignKey("shipping_manifests.id", ondelete="CASCADE"), index=True)
    parcel_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    order_number: Mapped[str] = mapped_column(String(64), default="")
    box_no: Mapped[int] = mapped_column(Integer, default=1)
    tracking_number: Mapped[str] = mapped_column(String(64), default="")
    service: Mapped[str] = mapped_column(String(64), default="")
    weight_g: Mapped[int] = mapped_column(Integer, default=0)
    charge: Mapped[str] = mapped_column(String(20), default="")
    currency: Mapped[str] = mapped_column(String(3), default="")
    ship_to: Mapped[str] = mapped_column(String(255), default="")  # "city, postcode, country" for the driver


class CustomsItem(Base):
    """What customs needs to know of a product: its tariff number, origin and value."""

    __tablename__ = "customs_items"

    sku: Mapped[str] = mapped_column(String(64), primary_key=True)
    description: Mapped[str] = mapped_column(String(255), default="")
    hs_code: Mapped[str] = mapped_column(String(16), default="")
    origin_country: Mapped[str] = mapped_column(String(2), default="")
    unit_value: Mapped[str] = mapped_column(String(20), default="0.00")
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)


class EmailOutbox(Base):
    """A customer e-mail, rendered when queued and sent by the outbox worker.

    `message_id` is derived from the parcel, and unique: queuing the same shipment twice
    queues one message. A row is marked sent only after the SMTP server accepted it.
    """

    __tablename__ = "email_outbox"
    __table_args__ = (Index("ix_email_outbox_state_next", "state", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[str] = mapped_column(String(255), unique=True)
    order_number: Mapped[str] = mapped_column(String(64), default="", index=True)
    parcel_uuid: Mapped[str] = mapped_column(String(36), default="")
    brand: Mapped[str] = mapped_column(String(64), default="")
    recipient: Mapped[str] = mapped_column(String(255), default="")
    subject: Mapped[str] = mapped_column(String(255), default="")
    text_body: Mapped[str] = mapped_column(Text, default="")
    html_body: Mapped[str] = mapped_column(Text, default="")
    # queued; sending (claimed_by holds it until lease_until); handed (the server has the message, no answer
    # recorded yet); sent; failed; unconfirmed (its sender died after handing it over: not sent again by itself)
    state: Mapped[str] = mapped_column(String(16), default="queued")
    claimed_by: Mapped[str] = mapped_column(String(64), default="", server_default="")
    lease_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class FulfillmentExport(Base):
    """A parcel's fulfillment written back to its order source (one row per parcel and sink)."""

    __tablename__ = "fulfillment_exports"
    __table_args__ = (UniqueConstraint("sink", "parcel_uuid", name="uq_fulfillment_exports_sink_parcel"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    sink: Mapped[str] = mapped_column(String(32))
    parcel_uuid: Mapped[str] = mapped_column(String(36))
    order_number: Mapped[str] = mapped_column(String(64), default="")
    reference: Mapped[str] = mapped_column(String(255), default="")  # the file (or request) it went out in
    # claimed (claimed_by is writing it until lease_until), done (the file is whole)
    state: Mapped[str] = mapped_column(String(16), default="done", server_default="done")
    claimed_by: Mapped[str] = mapped_column(String(64), default="", server_default="")
    lease_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    exported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
