"""Tables of returns, inventory and bulk shipments (migration 0005), on the station's Base.

SKUs are stored as text, not as a foreign key to products: a stock movement or a returned
unit is evidence and must survive a catalogue re-import that renames or drops a product.
`return_events` and `stock_movements` are append-only (triggers in the migration), like
pack_events. Also here: `next_values`, the allocator of the shared number sequences.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Connection,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.store.models import Base, utcnow

# ---------------------------------------------------------------- sequences


class Sequence(Base):
    """Number sequences on SQLite (on PostgreSQL, real sequences named ps_seq_<name> are used)."""

    __tablename__ = "sequences"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    next_value: Mapped[int] = mapped_column(BigInteger, default=1)


SEQUENCES = ("sscc", "rma")  # created by the migration, on both databases


def next_values(conn: Connection, name: str, count: int = 1) -> list[int]:
    """`count` fresh values of a sequence, each handed out once, whatever the number of stations.

    PostgreSQL: `nextval` of a real sequence, never rolled back, so concurrent stations on
    the central database never collide (gaps are possible and harmless). SQLite: one UPDATE
    ... RETURNING in the caller's transaction: the write lock makes it atomic, and a rolled
    back transaction hands its values out again, which is right because nothing used them.
    """
    if name not in SEQUENCES:
        raise ValueError(f"unknown sequence {name!r}")
    if count < 1:
        return []
    if conn.dialect.name == "postgresql":
        rows = conn.execute(text(f"SELECT nextval('ps_seq_{name}') FROM generate_series(1, :n)"), {"n": count})
        return sorted(r[0] for r in rows)
    last = conn.execute(text("UPDATE sequences SET next_value = next_value + :n WHERE name = :name "
                             "RETURNING next_value"), {"n": count, "name": name}).scalar()
    if last is None:  # a database migrated before the row existed: create it, then take again
        conn.execute(text("INSERT INTO sequences (name, next_value) VALUES (:name, 1)"), {"name": name})
        return next_values(conn, name, count)
    return list(range(last - count, last))


# ---------------------------------------------------------------- returns


class ReturnAuthorization(Base):
    """An RMA: the shop agreed that (part of) an order may come back. Its token is in the QR code."""

    __tablename__ = "return_authorizations"

    rma: Mapped[str] = mapped_column(String(32), primary_key=True)
    order_number: Mapped[str] = mapped_column(String(64), index=True)
    token: Mapped[str] = mapped_column(String(16), unique=True)
    return_tracking: Mapped[str | None] = mapped_column(String(64), index=True)  # the return parcel's tracking
    reason: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="issued")  # issued, received, withdrawn
    issued_by: Mapped[int | None] = mapped_column(Integer)
    issued_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Return(Base):
    """One parcel received back: the projection of its return_events."""

    __tablename__ = "returns"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # UUID: unique on every station
    number: Mapped[str] = mapped_column(String(80), unique=True)  # "1001-R1"
    order_number: Mapped[str] = mapped_column(String(64), index=True)
    rma: Mapped[str | None] = mapped_column(String(32))
    station: Mapped[str] = mapped_column(String(64))
    opened_by: Mapped[int | None] = mapped_column(Integer)
    opened_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    status: Mapped[str] = mapped_column(String(16), default="open", index=True)  # open, held, closed, abandoned
    late: Mapped[bool] = mapped_column(Boolean, default=False)
    flags: Mapped[str] = mapped_column(Text, default="[]")  # JSON: every flag raised
    approved_by: Mapped[int | None] = mapped_column(Integer)
    refund_ready_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class ReturnItem(Base):
    __tablename__ = "return_items"
    __table_args__ = (
        UniqueConstraint("return_id", "item_no", name="uq_return_items_return_item"),
        Index("ix_return_items_sku_recorded", "sku", "recorded_at"),
        Index("ix_return_items_serial", "serial"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    return_id: Mapped[str] = mapped_column(ForeignKey("returns.id"))
    item_no: Mapped[int] = mapped_column(Integer)
    sku: Mapped[str] = mapped_column(String(64))
    serial: Mapped[str | None] = mapped_column(String(64))
    lot: Mapped[str | None] = mapped_column(String(64))
    grade: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(String(200), default="")
    disposition: Mapped[str] = mapped_column(String(24))
    bin: Mapped[str | None] = mapped_column(String(32))
    in_order: Mapped[bool] = mapped_column(Boolean, default=True)
    flags: Mapped[str] = mapped_column(Text, default="[]")
    recorded_by: Mapped[int | None] = mapped_column(Integer)
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    restocked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))  # in a sellable bin
    removed: Mapped[bool] = mapped_column(Boolean, default=False)  # UNDOne at the bench
    photo_ref: Mapped[str | None] = mapped_column(String(255))  # a bench-camera photo of the unit


class ReturnEvent(Base):
    """The append-only log of the returns bench: a return is rebuilt and audited from it."""

    __tablename__ = "return_events"
    __table_args__ = (
        Index("ix_return_events_station_seq", "station", "seq"),
        Index("ix_return_events_return_seq", "return_id", "seq"),
        Index("ix_return_events_type_seq", "type", "seq"),  # refunds since a cursor
    )

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    station: Mapped[str] = mapped_column(String(64))
    user_id: Mapped[int | None] = mapped_column(Integer)
    return_id: Mapped[str | None] = mapped_column(String(36))
    type: Mapped[str] = mapped_column(String(32))
    payload: Mapped[str] = mapped_column(Text, default="{}")
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    central_id: Mapped[int | None] = mapped_column(BigInteger)  # set on another station's event, pulled


# ---------------------------------------------------------------- inventory


class StockLevel(Base):
    """Units of a SKU in a bin: always the sum of that SKU-bin's stock_movements."""

    __tablename__ = "stock_levels"

    sku: Mapped[str] = mapped_column(String(64), primary_key=True)
    bin: Mapped[str] = mapped_column(String(32), primary_key=True)
    on_hand: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class StockMovement(Base):
    __tablename__ = "stock_movements"
    __table_args__ = (
        Index("ix_stock_movements_sku_bin", "sku", "bin"),
        Index("ix_stock_movements_reference", "reference", "reason"),
        Index("ix_stock_movements_at", "at"),
        # supervisor's returns figures: units shipped per SKU over a period, read from the index alone
        Index("ix_stock_movements_reason_at", "reason", "at", "sku", "delta"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    sku: Mapped[str] = mapped_column(String(64))
    bin: Mapped[str] = mapped_column(String(32))
    delta: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(24))
    note: Mapped[str] = mapped_column(Text, default="")  # a person's reason for an adjustment
    reference: Mapped[str] = mapped_column(String(80), default="")  # order, return or count it belongs to
    user_id: Mapped[int | None] = mapped_column(Integer)
    station: Mapped[str] = mapped_column(String(64), default="")
    negative: Mapped[bool] = mapped_column(Boolean, default=False)  # took the bin below zero: flagged
    central_id: Mapped[int | None] = mapped_column(BigInteger)  # set on another station's movement, pulled


class CycleCount(Base):
    __tablename__ = "cycle_counts"

    id: Mapped[int] = mapped_column(primary_key=True)
    bin: Mapped[str] = mapped_column(String(32), index=True)
    status: Mapped[str] = mapped_column(String(16), default="counting")
    round: Mapped[int] = mapped_column(Integer, default=1)
    started_by: Mapped[int | None] = mapped_column(Integer)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    decided_by: Mapped[int | None] = mapped_column(Integer)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class CycleCountLine(Base):
    """Per round and SKU: what the records said when the count began, and what was counted."""

    __tablename__ = "cycle_count_lines"
    __table_args__ = (UniqueConstraint("count_id", "round", "sku", name="uq_cycle_count_lines_count_round_sku"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    count_id: Mapped[int] = mapped_column(ForeignKey("cycle_counts.id"))
    round: Mapped[int] = mapped_column(Integer)
    sku: Mapped[str] = mapped_column(String(64))
    expected: Mapped[int] = mapped_column(Integer, default=0)
    counted: Mapped[int] = mapped_column(Integer, default=0)


# ---------------------------------------------------------------- bulk shipments


class LogisticUnitRow(Base):
    """A carton or pallet of a bulk shipment, named by its SSCC."""

    __tablename__ = "logistic_units"

    sscc: Mapped[str] = mapped_column(String(18), primary_key=True)
    kind: Mapped[str] = mapped_column(String(8))  # carton, pallet
    order_number: Mapped[str] = mapped_column(String(64), index=True)
    parent_sscc: Mapped[str | None] = mapped_column(String(18), index=True)  # a carton's pallet
    seq: Mapped[int] = mapped_column(Integer)  # packing order within the shipment
    weight_g: Mapped[int | None] = mapped_column(Integer)
    station: Mapped[str] = mapped_column(String(64), default="")
    created_by: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class LogisticUnitItem(Base):
    __tablename__ = "logistic_unit_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    sscc: Mapped[str] = mapped_column(ForeignKey("logistic_units.sscc"), index=True)
    sku: Mapped[str] = mapped_column(String(64))
    gtin: Mapped[str] = mapped_column(String(14), default="")
    quantity: Mapped[int] = mapped_column(Integer)
    lot: Mapped[str | None] = mapped_column(String(64))
    serials: Mapped[str] = mapped_column(Text, default="[]")  # JSON list
