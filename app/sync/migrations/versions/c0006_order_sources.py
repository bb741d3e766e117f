"""live order sources: the sources, the orders they sent, the shipments owed back

Revision ID: c0006
Revises: c0005
Create Date: 2026-11-27

In a networked warehouse one connector (`packstation sources run`, on one machine) writes every
live source's orders into this database; the stations pull them as any central order. The source's row
(its secret stays beside the configuration, only a reference is stored), one row per order the
shop sent (its shop id, the shop's updated_at last written, written / held / skipped and why),
and the write-backs owed, keyed by the parcel's uuid and claimed with a lease.
The same tables exist in a standalone station's store (0012; app.sources.registry defines them once).
Only the connector's role writes them (it connects as the database owner, like `central import`).
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = 'c0006'
down_revision = 'c0005'
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        'order_sources',
        sa.Column('name', sa.String(48), primary_key=True),
        sa.Column('platform', sa.String(16), nullable=False),
        sa.Column('shop', sa.String(255), nullable=False),
        sa.Column('api_url', sa.String(512), nullable=False),
        sa.Column('secret_ref', sa.String(1024), nullable=False),
        sa.Column('settings', sa.Text, nullable=False, server_default='{}'),
        sa.Column('orders_cursor', TS),
        sa.Column('products_cursor', TS),
        *(sa.Column(name, sa.Integer, nullable=False, server_default='0') for name in (
            'orders_seen', 'orders_written', 'orders_held', 'orders_skipped', 'products_written',
            'products_skipped', 'writebacks_done', 'writebacks_failed')),
        sa.Column('last_round_at', TS),
        sa.Column('last_ok_at', TS),
        sa.Column('last_error', sa.Text, nullable=False, server_default=''),
        sa.Column('created_at', TS, nullable=False),
    )
    op.create_table(
        'source_orders',
        sa.Column('source', sa.String(48), primary_key=True),
        sa.Column('platform_id', sa.String(64), primary_key=True),
        sa.Column('number', sa.String(64), nullable=False),
        sa.Column('shop_updated_at', TS, nullable=False),
        sa.Column('state', sa.String(16), nullable=False),
        sa.Column('reason', sa.Text, nullable=False, server_default=''),
        sa.Column('payload', sa.Text, nullable=False, server_default=''),
        sa.Column('seen_at', TS, nullable=False),
    )
    op.create_index('ix_source_orders_number', 'source_orders', ['number'])
    op.create_table(
        'source_writebacks',
        sa.Column('parcel_uuid', sa.String(36), primary_key=True),
        sa.Column('source', sa.String(48), nullable=False),
        sa.Column('order_number', sa.String(64), nullable=False),
        sa.Column('platform_id', sa.String(64), nullable=False),
        sa.Column('payload', sa.Text, nullable=False),
        sa.Column('state', sa.String(16), nullable=False),
        sa.Column('claimed_by', sa.String(64), nullable=False, server_default=''),
        sa.Column('lease_until', TS),
        sa.Column('attempts', sa.Integer, nullable=False, server_default='0'),
        sa.Column('next_attempt_at', TS),
        sa.Column('last_error', sa.Text, nullable=False, server_default=''),
        sa.Column('result', sa.Text, nullable=False, server_default=''),
        sa.Column('created_at', TS, nullable=False),
        sa.Column('done_at', TS),
    )
    op.create_index('ix_source_writebacks_source', 'source_writebacks', ['source'])
    op.create_index('ix_source_writebacks_state', 'source_writebacks', ['state'])


def downgrade() -> None:
    op.drop_table('source_writebacks')
    op.drop_table('source_orders')
    op.drop_table('order_sources')
