"""The packing station's tables as SQLAlchemy Core `Table`s: what the scan path and a start need.

The ORM models (app.store.models) define the whole station database and its migrations' view of
it; this module repeats, column for column, the tables the Station reads and writes through
app.store.repository (orders, products, the event log, parcels, intents...) and its print queue
through app.printing.job_store. Importing the ORM (declarative classes, mappers, relationships)
cost about a third of a cold start, and neither opening the database nor resuming a session
needs it: the window's start path uses these tables only, and the ORM is loaded after the first
frame, by what needs it.

Columns, types, nullability, keys and Python-side defaults are the models' own (a Core insert or
update applies `default` and `onupdate` as the ORM does); tests/station/test_core_tables.py holds
the two in step. Indexes and constraint names live in the migrations, not here.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

from app.domain import clock


def utcnow() -> datetime:
    return clock.now()


metadata = MetaData()


def _when(name: str, *, nullable: bool = False, stamped: bool = True, touched: bool = False) -> Column:
    """A UTC timestamp column: `stamped` defaults it to now on insert, `touched` on every update."""
    return Column(name, DateTime(timezone=True), nullable=nullable, default=utcnow if stamped else None,
                  onupdate=utcnow if touched else None)


products = Table(
    "products", metadata,
    Column("id", Integer, primary_key=True),
    Column("sku", String(64), nullable=False, unique=True),
    Column("name", String(255), nullable=False),
    Column("weight_g", Integer, nullable=False, default=0),
    Column("length_mm", Integer),
    Column("width_mm", Integer),
    Column("height_mm", Integer),
    Column("requires_serial", Boolean, nullable=False, default=False),
    Column("requires_lot", Boolean, nullable=False, default=False),
    Column("image", String(1024)),
    Column("bin_location", String(64)),
    _when("updated_at", touched=True),
)

barcodes = Table(
    "barcodes", metadata,
    Column("code", String(64), primary_key=True),
    Column("product_id", Integer, ForeignKey("products.id", ondelete="CASCADE"), nullable=False),
    Column("units", Integer, nullable=False, default=1),
)

orders = Table(
    "orders", metadata,
    Column("id", Integer, primary_key=True),
    Column("number", String(64), nullable=False, unique=True),
    Column("channel", String(64), nullable=False, default=""),
    Column("tote", String(64)),
    Column("platform_id", String(64)),
    Column("status", String(16), nullable=False, default="open"),
    Column("ship_to_name", String(255), nullable=False, default=""),
    Column("ship_to_company", String(255), nullable=False, default=""),
    Column("ship_to_line1", String(255), nullable=False, default=""),
    Column("ship_to_line2", String(255), nullable=False, default=""),
    Column("ship_to_city", String(128), nullable=False, default=""),
    Column("ship_to_region", String(128), nullable=False, default=""),
    Column("ship_to_postcode", String(32), nullable=False, default=""),
    Column("ship_to_country", String(2), nullable=False, default=""),
    Column("ship_to_phone", String(64), nullable=False, default=""),
    Column("ship_to_email", String(255), nullable=False, default=""),
    Column("carrier", String(64), nullable=False, default=""),
    Column("service_level", String(64), nullable=False, default=""),
    Column("ship_by", Date),
    Column("priority", Integer, nullable=False, default=0),
    Column("notes", Text, nullable=False, default=""),
    Column("gift_message", Text, nullable=False, default=""),
    Column("packing_instructions", Text, nullable=False, default=""),
    Column("hold_reason", Text, nullable=False, default=""),
    Column("source_version", Integer),
    _when("created_at"),
    _when("updated_at", touched=True),
)

order_lines = Table(
    "order_lines", metadata,
    Column("id", Integer, primary_key=True),
    Column("order_id", Integer, ForeignKey("orders.id", ondelete="CASCADE"), nullable=False),
    Column("line_no", Integer, nullable=False),
    Column("product_id", Integer, ForeignKey("products.id"), nullable=False),
    Column("quantity", Integer, nullable=False),
)

cartons = Table(
    "cartons", metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(32), nullable=False, unique=True),
    Column("name", String(128), nullable=False, default=""),
    Column("length_mm", Integer, nullable=False),
    Column("width_mm", Integer, nullable=False),
    Column("height_mm", Integer, nullable=False),
    Column("tare_g", Integer, nullable=False, default=0),
    Column("max_weight_g", Integer, nullable=False),
    Column("active", Boolean, nullable=False, default=True),
)

users = Table(
    "users", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(128), nullable=False, unique=True),
    Column("badge", String(64), unique=True),
    Column("role", String(16), nullable=False, default="packer"),
    Column("pin_hash", String(255)),
    Column("failed_pin_attempts", Integer, nullable=False, default=0, server_default="0"),
    _when("locked_until", nullable=True, stamped=False),
    _when("pin_verified_at", nullable=True, stamped=False),
    Column("active", Boolean, nullable=False, default=True),
    _when("created_at"),
)

stations = Table(
    "stations", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(64), nullable=False, unique=True),
    _when("created_at"),
    _when("last_seen_at", nullable=True, stamped=False),
)

parcels = Table(
    "parcels", metadata,
    Column("id", Integer, primary_key=True),
    Column("uuid", String(36), nullable=False, unique=True),
    Column("order_id", Integer, ForeignKey("orders.id"), nullable=False),
    Column("box_no", Integer, nullable=False),
    Column("station", String(64), nullable=False),
    Column("packer_id", Integer, ForeignKey("users.id")),
    Column("carton_code", String(32)),
    Column("weight_g", Integer),
    Column("expected_weight_g", Integer),
    Column("weight_source", String(16), nullable=False, default="scale"),
    Column("tracking_number", String(64)),
    Column("carrier", String(64), nullable=False, default=""),
    Column("service_level", String(64), nullable=False, default=""),
    Column("label_format", String(8)),
    Column("label_ref", String(1024)),
    Column("photo_ref", String(1024)),
    Column("status", String(16), nullable=False, default="labelled"),
    _when("created_at"),
)

pack_events = Table(
    "pack_events", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("uuid", String(36), nullable=False, unique=True),
    Column("station", String(64), nullable=False),
    Column("packer_id", Integer),
    Column("order_id", Integer),
    Column("type", String(32), nullable=False),
    Column("payload", Text, nullable=False, default="{}"),
    _when("at"),
)

packed_serials = Table(
    "packed_serials", metadata,
    Column("id", Integer, primary_key=True),
    Column("product_id", Integer, ForeignKey("products.id"), nullable=False),
    Column("serial", String(64), nullable=False),
    Column("order_id", Integer, ForeignKey("orders.id"), nullable=False),
    Column("event_uuid", String(36), nullable=False),
)

print_jobs = Table(  # the print queue's jobs (app.printing.job_store): the station's output starts with it
    "print_jobs", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("uuid", String(36), nullable=False, unique=True),
    Column("printer", String(512), nullable=False),
    Column("document", String(32), nullable=False),
    Column("format", String(8), nullable=False),
    Column("reference", String(128), nullable=False, default=""),
    Column("data", LargeBinary, nullable=False),
    Column("state", String(16), nullable=False, default="queued"),
    Column("attempts", Integer, nullable=False, default=0),
    Column("last_error", Text, nullable=False, default=""),
    Column("reprint_of", String(36)),
    _when("created_at"),
    _when("updated_at", touched=True),
)

effect_intents = Table(
    "effect_intents", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String(128), nullable=False, unique=True),
    Column("kind", String(16), nullable=False),
    Column("station", String(64), nullable=False),
    Column("order_number", String(64), nullable=False),
    Column("box", Integer),
    Column("parcel_uuid", String(36)),
    Column("payload", Text, nullable=False, default="{}"),
    Column("state", String(16), nullable=False, default="owed"),
    Column("attempts", Integer, nullable=False, default=0),
    Column("result", Text, nullable=False, default=""),
    Column("last_error", Text, nullable=False, default=""),
    _when("created_at"),
    _when("settled_at", nullable=True, stamped=False),
)

carrier_labels = Table(  # labels bought upstream, printed as received (app.store.upstream_labels)
    "carrier_labels", metadata,
    Column("id", Integer, primary_key=True),
    Column("order_id", Integer, ForeignKey("orders.id", ondelete="CASCADE"), nullable=False),
    Column("box_no", Integer, nullable=False, default=1),
    Column("format", String(8), nullable=False),
    Column("data", LargeBinary, nullable=False),
    Column("tracking_number", String(64), nullable=False, default=""),
    Column("carrier", String(64), nullable=False, default=""),
    _when("created_at"),
)
