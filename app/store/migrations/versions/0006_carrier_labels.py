"""carrier labels bought upstream, printed as received

Revision ID: 0006
Revises: 0003
Create Date: 2026-11-25
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'carrier_labels',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('order_id', sa.Integer(), nullable=False),
        sa.Column('box_no', sa.Integer(), nullable=False),
        sa.Column('format', sa.String(length=8), nullable=False),
        sa.Column('data', sa.LargeBinary(), nullable=False),
        sa.Column('tracking_number', sa.String(length=64), nullable=False),
        sa.Column('carrier', sa.String(length=64), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_carrier_labels_order_id_orders'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_carrier_labels')),
        sa.UniqueConstraint('order_id', 'box_no', name='uq_carrier_labels_order_box'),
    )


def downgrade() -> None:
    op.drop_table('carrier_labels')
