"""returns and stock shared by the warehouse's stations; a photo per returned unit

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-26

A networked station now pulls the other stations' stock movements and return events from the
central database into its own ledgers, so its stock levels, RMAs and returns are the
warehouse's, not only its own. `central_id` is the row's arrival number in the central
database: set on a pulled row, NULL on a row this station recorded itself (the outbox sends
only those). A returned unit may carry a bench-camera photo (`photo_ref`, a file name in the
station's photo folder), like a parcel.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN, not batch mode: a table copy would drop the append-only triggers.
    op.add_column('stock_movements', sa.Column('central_id', sa.BigInteger(), nullable=True))
    op.add_column('return_events', sa.Column('central_id', sa.BigInteger(), nullable=True))
    op.add_column('return_items', sa.Column('photo_ref', sa.String(length=255), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('return_items') as batch_op:
        batch_op.drop_column('photo_ref')
    # The append-only tables keep the column on downgrade: rebuilding them would drop their triggers.
