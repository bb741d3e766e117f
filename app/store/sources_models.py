"""The tables of live order sources (app.sources.registry explains them), declared on the station's
Base so that its migrations (0012) and its models stay one; the central database has the same
tables (c0006), and app.sources writes either through these Core tables.
"""

from __future__ import annotations

from sqlalchemy import Column, DateTime, Integer, String, Table, Text

from app.store.models import Base

TS = DateTime(timezone=True)
metadata = Base.metadata

order_sources = Table(
    "order_sources", metadata,
    Column("name", String(48), primary_key=True),
    Column("platform", String(16), nullable=False),
    Column("shop", String(255), nullable=False),
    Column("api_url", String(512), nullable=False),
    Column("secret_ref", String(1024), nullable=False),
    Column("settings", Text, nullable=False, server_default="{}"),
    Column("orders_cursor", TS),
    Column("products_cursor", TS),
    Column("orders_seen", Integer, nullable=False, server_default="0"),
    Column("orders_written", Integer, nullable=False, server_default="0"),
    Column("orders_held", Integer, nullable=False, server_default="0"),
    Column("orders_skipped", Integer, nullable=False, server_default="0"),
    Column("products_written", Integer, nullable=False, server_default="0"),
    Column("products_skipped", Integer, nullable=False, server_default="0"),
    Column("writebacks_done", Integer, nullable=False, server_default="0"),
    Column("writebacks_failed", Integer, nullable=False, server_default="0"),
    Column("last_round_at", TS),
    Column("last_ok_at", TS),
    Column("last_error", Text, nullable=False, server_default=""),
    Column("created_at", TS, nullable=False),
)

source_orders = Table(
    "source_orders", metadata,
    Column("source", String(48), primary_key=True),
    Column("platform_id", String(64), primary_key=True),
    Column("number", String(64), nullable=False, index=True),
    Column("shop_updated_at", TS, nullable=False),
    Column("state", String(16), nullable=False),  # written, held, skipped
    Column("reason", Text, nullable=False, server_default=""),
    Column("payload", Text, nullable=False, server_default=""),  # held: the order as built, to retry
    Column("seen_at", TS, nullable=False),
)

source_writebacks = Table(
    "source_writebacks", metadata,
    Column("parcel_uuid", String(36), primary_key=True),
    Column("source", String(48), nullable=False, index=True),
    Column("order_number", String(64), nullable=False),
    Column("platform_id", String(64), nullable=False),
    Column("payload", Text, nullable=False),  # the Shipment as JSON
    Column("state", String(16), nullable=False, index=True),  # queued, sending, done, failed
    Column("claimed_by", String(64), nullable=False, server_default=""),
    Column("lease_until", TS),
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("next_attempt_at", TS),
    Column("last_error", Text, nullable=False, server_default=""),
    Column("result", Text, nullable=False, server_default=""),  # the shop's reference
    Column("created_at", TS, nullable=False),
    Column("done_at", TS),
)

