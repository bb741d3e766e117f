"""The station database's tables (SQLAlchemy 2.0 typed models).

Weights are whole grams and sizes whole millimetres: integers keep sums exact and comparable
across SQLite and PostgreSQL. Timestamps are UTC.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, ClassVar

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from app.domain import clock

# Stable constraint names so that Alembic migrations can alter them on SQLite (batch mode).
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return clock.now()


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)

    if TYPE_CHECKING:
        # Every model is declared with __tablename__, so its __table__ is a Table (SQLAlchemy types
        # it as the wider FromClause, for classes mapped to a join or a select, which we have none of).
        __table__: ClassVar[Table]


class Product(Base):
    __tablename__ = "products"

    id: Mapped[int] = mapped_column(primary_key=True)
    sku: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(255))
    weight_g: Mapped[int] = mapped_column(Integer, default=0)
    length_mm: Mapped[int | None] = mapped_column(Integer)
    width_mm: Mapped[int | None] = mapped_column(Integer)
    height_mm: Mapped[int | None] = mapped_column(Integer)
    requires_serial: Mapped[bool] = mapped_column(Boolean, default=False)
    requires_lot: Mapped[bool] = mapped_column(Boolean, default=False)
    image: Mapped[str | None] = mapped_column(String(1024))
    bin_location: Mapped[str | None] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)

    barcodes: Mapped[list[Barcode]] = relationship(back_populates="product", cascade="all, delete-orphan")


class Barcode(Base):
    """One scannable code of a product: a GTIN-14 (normalised) or a house barcode.

    `units` > 1 marks a case or inner pack: scanning it counts that many units.
    """

    __tablename__ = "barcodes"

    code: Mapped[str] = mapped_column(String(64), primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"), index=True)
    units: Mapped[int] = mapped_column(Integer, default=1)

    product: Mapped[Product] = relationship(back_populates="barcodes")


class Order(Base):
    __tablename__ = "orders"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(64), unique=True)
    channel: Mapped[str] = mapped_column(String(64), default="")
    tote: Mapped[str | None] = mapped_column(String(64), index=True)
    # The order source's own id (Shopify's order id...): found by it as by its number (app.domain.order_refs).
    platform_id: Mapped[str | None] = mapped_column(String(64), index=True)
    status: Mapped[str] = mapped_column(String(16), default="open", index=True)
    ship_to_name: Mapped[str] = mapped_column(String(255), default="")
    ship_to_company: Mapped[str] = mapped_column(String(255), default="")
    ship_to_line1: Mapped[str] = mapped_column(String(255), default="")
    ship_to_line2: Mapped[str] = mapped_column(String(255), default="")
    ship_to_city: Mapped[str] = mapped_column(String(128), default="")
    ship_to_region: Mapped[str] = mapped_column(String(128), default="")
    ship_to_postcode: Mapped[str] = mapped_column(String(32), default="")
    ship_to_country: Mapped[str] = mapped_column(String(2), default="")
    ship_to_phone: Mapped[str] = mapped_column(String(64), default="")
    ship_to_email: Mapped[str] = mapped_column(String(255), default="")
    carrier: Mapped[str] = mapped_column(String(64), default="")
    service_level: Mapped[str] = mapped_column(String(64), default="")
    ship_by: Mapped[date | None] = mapped_column(Date)
    priority: Mapped[int] = mapped_column(Integer, default=0)
    notes: Mapped[str] = mapped_column(Text, default="")
    gift_message: Mapped[str] = mapped_column(Text, default="")
    packing_instructions: Mapped[str] = mapped_column(Text, default="")
    hold_reason: Mapped[str] = mapped_column(Text, default="")
    # The central database's change sequence this copy was pulled at (networked stations).
    source_version: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)

    lines: Mapped[list[OrderLine]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="OrderLine.line_no"
    )


class OrderLine(Base):
    __tablename__ = "order_lines"
    __table_args__ = (UniqueConstraint("order_id", "line_no", name="uq_order_lines_order_line"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    line_no: Mapped[int] = mapped_column(Integer)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), index=True)
    quantity: Mapped[int] = mapped_column(Integer)

    order: Mapped[Order] = relationship(back_populates="lines")
    product: Mapped[Product] = relationship()


class Carton(Base):
    __tablename__ = "cartons"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(128), default="")
    length_mm: Mapped[int] = mapped_column(Integer)
    width_mm: Mapped[int] = mapped_column(Integer)
    height_mm: Mapped[int] = mapped_column(Integer)
    tare_g: Mapped[int] = mapped_column(Integer, default=0)
    max_weight_g: Mapped[int] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(128), unique=True)
    badge: Mapped[str | None] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(16), default="packer")
    pin_hash: Mapped[str | None] = mapped_column(String(255))
    failed_pin_attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    locked_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # When the central database last confirmed this user's PIN at this station (migration 0013):
    # a networked station keeps an offline PIN only for them (app.accounts.pins).
    pin_verified_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Station(Base):
    __tablename__ = "stations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_seen_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class Parcel(Base):
    """One box of an order: what went in it, its carton and weight, its label."""

    __tablename__ = "parcels"
    __table_args__ = (UniqueConstraint("order_id", "box_no", name="uq_parcels_order_box"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    box_no: Mapped[int] = mapped_column(Integer)
    station: Mapped[str] = mapped_column(String(64))
    packer_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    carton_code: Mapped[str | None] = mapped_column(String(32))
    weight_g: Mapped[int | None] = mapped_column(Integer)
    expected_weight_g: Mapped[int | None] = mapped_column(Integer)
    weight_source: Mapped[str] = mapped_column(String(16), default="scale")
    tracking_number: Mapped[str | None] = mapped_column(String(64), index=True)
    carrier: Mapped[str] = mapped_column(String(64), default="")
    service_level: Mapped[str] = mapped_column(String(64), default="")
    label_format: Mapped[str | None] = mapped_column(String(8))
    label_ref: Mapped[str | None] = mapped_column(String(1024))
    photo_ref: Mapped[str | None] = mapped_column(String(1024))  # the open-box photo, for disputes
    status: Mapped[str] = mapped_column(String(16), default="labelled")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class PackEvent(Base):
    """The append-only log of everything that happened at a bench.

    The packing session is rebuilt from these rows after a crash, and supervisors' stats are
    computed from them. Triggers in the migration refuse UPDATE and DELETE.
    """

    __tablename__ = "pack_events"
    __table_args__ = (
        Index("ix_pack_events_order_seq", "order_id", "seq"),
        Index("ix_pack_events_station_type_seq", "station", "type", "seq"),  # resume: latest sign-in
        Index("ix_pack_events_at", "at"),
        # a bench's events in order (resume, the supervisor's lifecycle pairs: migration 0007 put
        # type in the old (station, seq) index), and one type over a period (the floor, stats).
        # Each index costs every scan's commit: 7 of them tripled the scan's p99 (tests/bench).
        Index("ix_pack_events_station_seq_type", "station", "seq", "type"),
        Index("ix_pack_events_type_at", "type", "at", "station"),
    )

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    station: Mapped[str] = mapped_column(String(64))
    packer_id: Mapped[int | None] = mapped_column(Integer)
    order_id: Mapped[int | None] = mapped_column(Integer)
    type: Mapped[str] = mapped_column(String(32))
    payload: Mapped[str] = mapped_column(Text, default="{}")
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class PackedSerial(Base):
    """A serial number that went into a parcel: refuses the same serial twice."""

    __tablename__ = "packed_serials"
    __table_args__ = (
        UniqueConstraint("product_id", "serial", name="uq_packed_serials_product_serial"),
        Index("ix_packed_serials_serial", "serial"),  # supervisor audit: which order had this serial
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    serial: Mapped[str] = mapped_column(String(64))
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    event_uuid: Mapped[str] = mapped_column(String(36))


class PrintJob(Base):
    """One document for one printer. The queue sends jobs per printer in `seq` order.

    A job is never sent twice by the machine: a job found `sending` after a crash is marked
    failed ("may have printed") and only a person's reprint, a new job linked by
    `reprint_of`, sends it again.
    """

    __tablename__ = "print_jobs"
    __table_args__ = (
        Index("ix_print_jobs_printer_state_seq", "printer", "state", "seq"),
        Index("ix_print_jobs_state", "state"),  # the queue's health and its worker look at the open jobs only
    )

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    printer: Mapped[str] = mapped_column(String(512))
    document: Mapped[str] = mapped_column(String(32))  # label, slip, ...
    format: Mapped[str] = mapped_column(String(8))  # zpl, pdf, png, raw
    reference: Mapped[str] = mapped_column(String(128), default="")  # e.g. "order 1001 box 2"
    data: Mapped[bytes] = mapped_column(LargeBinary)
    state: Mapped[str] = mapped_column(String(16), default="queued")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    reprint_of: Mapped[str | None] = mapped_column(String(36))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)


class EffectIntent(Base):
    """What a fact owes (a label, a packing slip, an e-mail, a stock booking, a carrier void),
    written in the same transaction as the fact and carried out afterwards by the station.

    `key` is stable: the print job or outbox row it makes is derived from it, so carrying an
    intent out twice (after a crash between the effect and `done`) makes it once. Owed intents
    are carried out again when the station starts (app.station.Station.resume).
    """

    __tablename__ = "effect_intents"
    __table_args__ = (
        Index("ix_effect_intents_station_state", "station", "state"),  # start-up: what is still owed
        Index("ix_effect_intents_order_kind", "order_number", "kind", "box"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(String(128), unique=True)
    kind: Mapped[str] = mapped_column(String(16))  # label, reprint, slip, email, stock, void
    station: Mapped[str] = mapped_column(String(64))
    order_number: Mapped[str] = mapped_column(String(64))
    box: Mapped[int | None] = mapped_column(Integer)
    parcel_uuid: Mapped[str | None] = mapped_column(String(36))
    payload: Mapped[str] = mapped_column(Text, default="{}")
    state: Mapped[str] = mapped_column(String(16), default="owed")  # owed, done, failed, dropped
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    result: Mapped[str] = mapped_column(Text, default="")  # what it made: a print job's id, a tracking number
    last_error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    settled_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class SyncState(Base):
    """Cursors of the sync with the central database: what was pushed, what was pulled."""

    __tablename__ = "sync_state"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)


class CarrierLabel(Base):
    """A shipping label bought upstream (a marketplace's or the shop's own carrier account).

    It is printed exactly as received for its parcel, instead of a label the station draws.
    """

    __tablename__ = "carrier_labels"
    __table_args__ = (UniqueConstraint("order_id", "box_no", name="uq_carrier_labels_order_box"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    box_no: Mapped[int] = mapped_column(Integer, default=1)
    format: Mapped[str] = mapped_column(String(8))  # zpl or pdf
    data: Mapped[bytes] = mapped_column(LargeBinary)
    tracking_number: Mapped[str] = mapped_column(String(64), default="")
    carrier: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
