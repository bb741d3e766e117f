"""effect intents: what a fact owes, written with the fact

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-27

A label per parcel, a packing slip, a customer e-mail, a stock booking, a carrier void: each
is a row of `effect_intents` committed in the same transaction as the fact that owes it, and
carried out by the station afterwards (again at start when a crash came in between).
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'effect_intents',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('key', sa.String(length=128), nullable=False),
        sa.Column('kind', sa.String(length=16), nullable=False),
        sa.Column('station', sa.String(length=64), nullable=False),
        sa.Column('order_number', sa.String(length=64), nullable=False),
        sa.Column('box', sa.Integer(), nullable=True),
        sa.Column('parcel_uuid', sa.String(length=36), nullable=True),
        sa.Column('payload', sa.Text(), nullable=False),
        sa.Column('state', sa.String(length=16), nullable=False),
        sa.Column('attempts', sa.Integer(), nullable=False),
        sa.Column('result', sa.Text(), nullable=False),
        sa.Column('last_error', sa.Text(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('settled_at', sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_effect_intents')),
        sa.UniqueConstraint('key', name=op.f('uq_effect_intents_key')),
    )
    op.create_index('ix_effect_intents_station_state', 'effect_intents', ['station', 'state'])
    op.create_index('ix_effect_intents_order_kind', 'effect_intents', ['order_number', 'kind', 'box'])


def downgrade() -> None:
    op.drop_index('ix_effect_intents_order_kind', table_name='effect_intents')
    op.drop_index('ix_effect_intents_station_state', table_name='effect_intents')
    op.drop_table('effect_intents')
