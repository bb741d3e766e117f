"""shipping: label purchases, manifests, customs items, e-mail outbox, fulfillment exports

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "shipping_labels",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("parcel_uuid", sa.String(length=36), nullable=False),
        sa.Column("generation", sa.Integer(), nullable=False),
        sa.Column("idempotency_key", sa.String(length=80), nullable=False),
        sa.Column("order_number", sa.String(length=64), nullable=False),
        sa.Column("box_no", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("source", sa.String(length=32), nullable=False),
        sa.Column("carrier", sa.String(length=64), nullable=False),
        sa.Column("service", sa.String(length=64), nullable=False),
        sa.Column("rate", sa.String(length=20), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("transit_days", sa.Integer(), nullable=True),
        sa.Column("provider_shipment_id", sa.String(length=64), nullable=False),
        sa.Column("provider_rate_id", sa.String(length=64), nullable=False),
        sa.Column("tracking_number", sa.String(length=64), nullable=True),
        sa.Column("label_format", sa.String(length=8), nullable=True),
        sa.Column("label_data", sa.LargeBinary(), nullable=True),
        sa.Column("label_url", sa.String(length=1024), nullable=False),
        sa.Column("weight_g", sa.Integer(), nullable=True),
        sa.Column("billable_weight", sa.String(length=16), nullable=False),
        sa.Column("rates_json", sa.Text(), nullable=False),
        sa.Column("choice_reason", sa.Text(), nullable=False),
        sa.Column("error_code", sa.String(length=64), nullable=False),
        sa.Column("error_message", sa.Text(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("refund_status", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("bought_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("voided_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shipping_labels")),
        sa.UniqueConstraint("idempotency_key", name=op.f("uq_shipping_labels_idempotency_key")),
        sa.UniqueConstraint("parcel_uuid", "generation", name="uq_shipping_labels_parcel_generation"),
    )
    with op.batch_alter_table("shipping_labels", schema=None) as batch_op:
        batch_op.create_index("ix_shipping_labels_state", ["state"], unique=False)
        batch_op.create_index(batch_op.f("ix_shipping_labels_tracking_number"), ["tracking_number"], unique=False)

    op.create_table(
        "shipping_manifests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=48), nullable=False),
        sa.Column("carrier", sa.String(length=64), nullable=False),
        sa.Column("station", sa.String(length=64), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("parcel_count", sa.Integer(), nullable=False),
        sa.Column("total_weight_g", sa.Integer(), nullable=False),
        sa.Column("total_charge", sa.String(length=20), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shipping_manifests")),
        sa.UniqueConstraint("number", name=op.f("uq_shipping_manifests_number")),
    )
    op.create_table(
        "shipping_manifest_parcels",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("manifest_id", sa.Integer(), nullable=False),
        sa.Column("parcel_uuid", sa.String(length=36), nullable=False),
        sa.Column("order_number", sa.String(length=64), nullable=False),
        sa.Column("box_no", sa.Integer(), nullable=False),
        sa.Column("tracking_number", sa.String(length=64), nullable=False),
        sa.Column("service", sa.String(length=64), nullable=False),
        sa.Column("weight_g", sa.Integer(), nullable=False),
        sa.Column("charge", sa.String(length=20), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("ship_to", sa.String(length=255), nullable=False),
        sa.ForeignKeyConstraint(["manifest_id"], ["shipping_manifests.id"],
                                name=op.f("fk_shipping_manifest_parcels_manifest_id_shipping_manifests"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shipping_manifest_parcels")),
        sa.UniqueConstraint("parcel_uuid", name=op.f("uq_shipping_manifest_parcels_parcel_uuid")),
    )
    with op.batch_alter_table("shipping_manifest_parcels", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_shipping_manifest_parcels_manifest_id"), ["manifest_id"], unique=False)

    op.create_table(
        "customs_items",
        sa.Column("sku", sa.String(length=64), nullable=False),
        sa.Column("description", sa.String(length=255), nullable=False),
        sa.Column("hs_code", sa.String(length=16), nullable=False),
        sa.Column("origin_country", sa.String(length=2), nullable=False),
        sa.Column("unit_value", sa.String(length=20), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("sku", name=op.f("pk_customs_items")),
    )
    op.create_table(
        "email_outbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("message_id", sa.String(length=255), nullable=False),
        sa.Column("order_number", sa.String(length=64), nullable=False),
        sa.Column("parcel_uuid", sa.String(length=36), nullable=False),
        sa.Column("brand", sa.String(length=64), nullable=False),
        sa.Column("recipient", sa.String(length=255), nullable=False),
        sa.Column("subject", sa.String(length=255), nullable=False),
        sa.Column("text_body", sa.Text(), nullable=False),
        sa.Column("html_body", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_email_outbox")),
        sa.UniqueConstraint("message_id", name=op.f("uq_email_outbox_message_id")),
    )
    with op.batch_alter_table("email_outbox", schema=None) as batch_op:
        batch_op.create_index("ix_email_outbox_state_next", ["state", "next_attempt_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_email_outbox_order_number"), ["order_number"], unique=False)

    op.create_table(
        "fulfillment_exports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sink", sa.String(length=32), nullable=False),
        sa.Column("parcel_uuid", sa.String(length=36), nullable=False),
        sa.Column("order_number", sa.String(length=64), nullable=False),
        sa.Column("reference", sa.String(length=255), nullable=False),
        sa.Column("exported_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fulfillment_exports")),
        sa.UniqueConstraint("sink", "parcel_uuid", name="uq_fulfillment_exports_sink_parcel"),
    )


def downgrade() -> None:
    op.drop_table("fulfillment_exports")
    with op.batch_alter_table("email_outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_email_outbox_order_number"))
        batch_op.drop_index("ix_email_outbox_state_next")
    op.drop_table("email_outbox")
    op.drop_table("customs_items")
    with op.batch_alter_table("shipping_manifest_parcels", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_shipping_manifest_parcels_manifest_id"))
    op.drop_table("shipping_manifest_parcels")
    op.drop_table("shipping_manifests")
    with op.batch_alter_table("shipping_labels", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_shipping_labels_tracking_number"))
        batch_op.drop_index("ix_shipping_labels_state")
    op.drop_table("shipping_labels")
