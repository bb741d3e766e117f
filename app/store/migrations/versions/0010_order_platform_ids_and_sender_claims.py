"""orders known by their platform's id; e-mails and write-backs claimed before they go

Revision ID: 0010
Revises: 0008
Create Date: 2026-11-27

`orders.platform_id` is the order source's own id of an order (Shopify's order id, a
WooCommerce order id), stored by the import beside the number, so that the number as the shop
shows it (#5001), as the import stored it (5001) and the platform's id find the same order.

A sender claims what it sends: `email_outbox.claimed_by`/`lease_until` (states sending and
handed beside queued, sent, failed; unconfirmed when a sender died after handing a message to
the server), and `fulfillment_exports.state`/`claimed_by`/`lease_until` (claimed, then done once
the file is whole). Two senders never take the same row; a dead sender's claim runs out.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('orders', sa.Column('platform_id', sa.String(length=64), nullable=True))
    op.create_index('ix_orders_platform_id', 'orders', ['platform_id'])
    op.add_column('email_outbox', sa.Column('claimed_by', sa.String(length=64), nullable=False, server_default=''))
    op.add_column('email_outbox', sa.Column('lease_until', sa.DateTime(timezone=True), nullable=True))
    op.add_column('fulfillment_exports', sa.Column('state', sa.String(length=16), nullable=False,
                                                   server_default='done'))
    op.add_column('fulfillment_exports', sa.Column('claimed_by', sa.String(length=64), nullable=False,
                                                   server_default=''))
    op.add_column('fulfillment_exports', sa.Column('lease_until', sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('fulfillment_exports') as batch_op:
        batch_op.drop_column('lease_until')
        batch_op.drop_column('claimed_by')
        batch_op.drop_column('state')
    with op.batch_alter_table('email_outbox') as batch_op:
        batch_op.drop_column('lease_until')
        batch_op.drop_column('claimed_by')
    op.drop_index('ix_orders_platform_id', table_name='orders')
    with op.batch_alter_table('orders') as batch_op:
        batch_op.drop_column('platform_id')
