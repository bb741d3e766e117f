"""The central database's tables as SQLAlchemy Core metadata.

The migrations (app/sync/migrations) are the source of truth and are plain SQL; these tables
describe the same schema for queries built with SQLAlchemy (the importer, the CLI) and a test
checks that the two agree. The catalogue and order tables keep the station's column names,
so that the station's import planners work unchanged against the central database.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.types import UserDefinedType


class Xid8(UserDefinedType):
    """PostgreSQL's 64-bit transaction id: never wraps around, orders transactions."""

    cache_ok = True

    def get_col_spec(self, **_kw) -> str:
        return "xid8"


metadata = MetaData()
TS = DateTime(timezone=True)


def _changes() -> list[Column]:
    # Set by the ps_touch_change trigger on every insert and real update.
    return [Column("change_seq", BigInteger, nullable=False), Column("change_xid", Xid8(), nullable=False)]


meta = Table("meta", metadata, Column("key", String(64), primary_key=True), Column("value", Text, nullable=False))

products = Table(
    "products", metadata,
    Column("id", BigInteger, primary_key=True),
    Column("sku", String(64), nullable=False, unique=True),
    Column("name", String(255), nullable=False, server_default=""),
    Column("weight_g", Integer, nullable=False, server_default="0"),
    Column("length_mm", Integer),
    Column("width_mm", Integer),
    Column("height_mm", Integer),
    Column("requires_serial", Boolean, nullable=False, server_default=text("false")),
    Column("requires_lot", Boolean, nullable=False, server_default=text("false")),
    Column("image", String(1024)),
    Column("bin_location", String(64)),
    Column("updated_at", TS, nullable=False, server_default=text("now()")),
    *_changes(),
)

barcodes = Table(
    "barcodes", metadata,
    Column("code", String(64), primary_key=True),
    Column("product_id", BigInteger, ForeignKey("products.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("units", Integer, nullable=False, server_default="1"),
)

cartons = Table(
    "cartons", metadata,
    Column("id", BigInteger, primary_key=True),
    Column("code", String(32), nullable=False, unique=True),
    Column("name", String(128), nullable=False, server_default=""),
    Column("length_mm", Integer, nullable=False),
    Column("width_mm", Integer, nullable=False),
    Column("height_mm", Integer, nullable=False),
    Column("tare_g", Integer, nullable=False, server_default="0"),
    Column("max_weight_g", Integer, nullable=False),
    Column("active", Boolean, nullable=False, server_default=text("true")),
    *_changes(),
)

users = Table(
    "users", metadata,
    Column("id", BigInteger, primary_key=True),
    Column("name", String(128), nullable=False, unique=True),
    Column("badge", String(64), unique=True),
    Column("role", String(16), nullable=False, server_default="packer"),
    Column("pin_hash", String(255)),
    Column("active", Boolean, nullable=False, server_default=text("true")),
    Column("created_at", TS, nullable=False, server_default=text("now()")),
    *_changes(),
)

# c0007: the server's PIN lockout per person and its policy; no station role can read either
# (nor users.pin_hash: stations verify through ps_check_pin).
pin_guard = Table(
    "pin_guard", metadata,
    Column("user_id", BigInteger, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("failed", Integer, nullable=False, server_default="0"),
    Column("locked_until", TS),
    Column("last_station", String(64)),
    Column("last_failed_at", TS),
)

pin_policy = Table(
    "pin_policy", metadata,
    Column("id", Integer, primary_key=True, server_default="1"),
    Column("max_failures", Integer, nullable=False, server_default="5"),
    Column("lock_minutes", Integer, nullable=False, server_default="15"),
    Column("decoy_key", Text, nullable=False, server_default=text("gen_random_uuid()::text")),
)

ADDRESS = ("name", "company", "line1", "line2", "city", "region", "postcode", "country", "phone", "email")
_ADDRESS_SIZES = {"city": 128, "region": 128, "postcode": 32, "country": 2, "phone": 64}

orders = Table(
    "orders", metadata,
    Column("id", BigInteger, primary_key=True),
    Column("number", String(64), nullable=False, unique=True),
    Column("channel", String(64), nullable=False, server_default=""),
    Column("tote", String(64), index=True),
    Column("status", String(16), nullable=False, server_default="open"),
    *(Column(f"ship_to_{key}", String(_ADDRESS_SIZES.get(key, 255)), nullable=False, server_default="")
      for key in ADDRESS),
    Column("carrier", String(64), nullable=False, server_default=""),
    Column("service_level", String(64), nullable=False, server_default=""),
    Column("ship_by", Date),
    Column("carrier_cutoff", TS),
    Column("priority", Integer, nullable=False, server_default="0"),
    Column("notes", Text, nullable=False, server_default=""),
    Column("gift_message", Text, nullable=False, server_default=""),
    Column("packing_instructions", Text, nullable=False, server_default=""),
    Column("hold_reason", Text, nullable=False, server_default=""),
    Column("source", String(64), nullable=False, server_default=""),
    Column("created_at", TS, nullable=False, server_default=text("now()")),
    Column("updated_at", TS, nullable=False, server_default=text("now()")),
    *_changes(),
)

order_lines = Table(
    "order_lines", metadata,
    Column("id", BigInteger, primary_key=True),
    Column("order_id", BigInteger, ForeignKey("orders.id", ondelete="CASCADE"), nullable=False),
    Column("line_no", Integer, nullable=False),
    Column("product_id", BigInteger, ForeignKey("products.id"), nullable=False, index=True),
    Column("quantity", Integer, nullable=False),
    UniqueConstraint("order_id", "line_no", name="uq_order_lines_order_line"),
)

stations = Table(
    "stations", metadata,
    Column("name", String(64), primary_key=True),
    Column("role", String(63), nullable=False, unique=True),  # a PostgreSQL `name`
    Column("active", Boolean, nullable=False, server_default=text("true")),
    Column("created_at", TS, nullable=False, server_default=text("now()")),
    Column("last_seen_at", TS),
    Column("version", String(32)),  # the build it last announced (c0003, ps_announce)
    Column("local_schema", String(64)),
    Column("announced_at", TS),
)

claims = Table(
    "claims", metadata,
    Column("order_id", BigInteger, ForeignKey("orders.id", ondelete="CASCADE"), primary_key=True),
    Column("station", String(64), nullable=False, index=True),
    Column("kind", String(8), nullable=False),
    Column("claimed_at", TS, nullable=False, server_default=text("now()")),
    Column("lease_until", TS, nullable=False),
    Column("taken_from", String(64)),
)

pack_events = Table(
    "pack_events", metadata,
    Column("uuid", UUID(as_uuid=False), primary_key=True),
    Column("id", BigInteger, nullable=False, unique=True),
    Column("station", String(64), nullable=False),
    Column("station_seq", BigInteger, nullable=False),
    Column("packer", String(128)),
    Column("packer_id", Integer),
    Column("order_number", String(64)),
    Column("type", String(32), nullable=False),
    Column("payload", JSONB, nullable=False, server_default=text("'{}'::jsonb")),
    Column("at", TS, nullable=False),
    Column("received_at", TS, nullable=False, server_default=text("now()")),
)

parcels = Table(
    "parcels", metadata,
    Column("uuid", UUID(as_uuid=False), primary_key=True),
    Column("order_number", String(64), nullable=False, index=True),
    Column("box_no", Integer, nullable=False),
    Column("station", String(64), nullable=False),
    Column("packer_id", Integer),
    Column("carton_code", String(32)),
    Column("weight_g", Integer),
    Column("expected_weight_g", Integer),
    Column("weight_source", String(16), nullable=False, server_default="scale"),
    Column("tracking_number", String(64), index=True),
    Column("carrier", String(64), nullable=False, server_default=""),
    Column("service_level", String(64), nullable=False, server_default=""),
    Column("label_format", String(8)),
    Column("label_ref", String(1024)),
    Column("photo_ref", String(1024)),
    Column("status", String(16), nullable=False),
    Column("created_at", TS, nullable=False),
    Column("updated_at", TS, nullable=False, server_default=text("now()")),
)

print_jobs = Table(
    "print_jobs", metadata,
    Column("uuid", UUID(as_uuid=False), primary_key=True),
    Column("station", String(64), nullable=False),
    Column("printer", String(512), nullable=False),
    Column("document", String(32), nullable=False),
    Column("format", String(8), nullable=False),
    Column("reference", String(128), nullable=False, server_default=""),
    Column("state", String(16), nullable=False),
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("last_error", Text, nullable=False, server_default=""),
    Column("reprint_of", UUID(as_uuid=False)),
    Column("created_at", TS, nullable=False),
    Column("updated_at", TS, nullable=False),
)

conflicts = Table(
    "conflicts", metadata,
    Column("id", BigInteger, primary_key=True),
    Column("kind", String(32), nullable=False),
    Column("order_number", String(64), nullable=False),
    Column("station", String(64), nullable=False),
    Column("other_station", String(64)),
    Column("event_uuid", UUID(as_uuid=False)),
    Column("detail", Text, nullable=False, server_default=""),
    Column("created_at", TS, nullable=False, server_default=text("now()")),
    Column("resolved_at", TS),
    Column("resolved_by", String(128)),
    Column("resolution", Text),
)

source_cursors = Table(
    "source_cursors", metadata,
    Column("source", String(128), primary_key=True),
    Column("cursor", Text, nullable=False),
    Column("updated_at", TS, nullable=False, server_default=text("now()")),
)

# Stock across stations (c0004): every station's movements, pushed by UUID; the levels are kept
# by a trigger on the movements inserted (always their sum) and are never written directly.
stock_movements = Table(
    "stock_movements", metadata,
    Column("uuid", UUID(as_uuid=False), primary_key=True),
    Column("id", BigInteger, nullable=False, unique=True),  # arrival order
    Column("station", String(64), nullable=False),
    Column("station_seq", BigInteger, nullable=False),  # the movement's id in the station's ledger
    Column("sku", Text, nullable=False),
    Column("bin", Text, nullable=False),
    Column("delta", BigInteger, nullable=False),
    Column("reason", Text, nullable=False),
    Column("reference", Text, nullable=False, server_default=""),
    Column("note", Text, nullable=False, server_default=""),
    Column("user_name", Text),
    Column("user_id", BigInteger),  # the station's local user id
    Column("negative", Boolean, nullable=False, server_default=text("false")),
    Column("at", TS, nullable=False),
    Column("received_at", TS, nullable=False, server_default=text("now()")),
    # c0005: the inserting transaction, so other stations pull movements below the xmin horizon
    Column("change_xid", Xid8(), nullable=False, server_default=text("pg_current_xact_id()")),
)

stock_levels = Table(
    "stock_levels", metadata,
    Column("sku", Text, primary_key=True),
    Column("bin", Text, primary_key=True),
    Column("on_hand", BigInteger, nullable=False, server_default="0"),
    Column("updated_at", TS, nullable=False, server_default=text("now()")),
)

# The returns benches' log (c0005): pushed by each station, pulled by the others. Append-only.
return_events = Table(
    "return_events", metadata,
    Column("uuid", UUID(as_uuid=False), primary_key=True),
    Column("id", BigInteger, nullable=False, unique=True),  # arrival order
    Column("station", String(64), nullable=False),
    Column("station_seq", BigInteger, nullable=False),
    Column("return_id", Text),
    Column("type", Text, nullable=False),
    Column("payload", JSONB, nullable=False),
    Column("user_name", Text),
    Column("at", TS, nullable=False),
    Column("received_at", TS, nullable=False, server_default=text("now()")),
    Column("change_xid", Xid8(), nullable=False, server_default=text("pg_current_xact_id()")),
)

ORDER_STATUSES = ("open", "packing", "packed", "held", "cancelled", "shipped")

# Live order sources (c0006): the same three tables as a standalone station's store (0012), declared
# once in app.store.sources_models and copied onto the central metadata, so the two cannot drift.
def _source_tables() -> None:
    from app.store import sources_models

    for table in (sources_models.order_sources, sources_models.source_orders, sources_models.source_writebacks):
        table.to_metadata(metadata)


_source_tables()
