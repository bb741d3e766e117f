"""supervisor: indexes for the stats, audit search, floor and returns figures; joins the shipping, returns and carrier-label branches

Revision ID: 0007
Revises: 0004, 0005, 0006
Create Date: 2026-11-26
"""
from __future__ import annotations

from alembic import op

revision = '0007'
down_revision = ('0004', '0005', '0006')
branch_labels = None
depends_on = None

# One head again: a station at 0007 has every feature's tables, and "upgrade head" means one thing.
INDEXES = (
    ('ix_pack_events_station_seq_type', 'pack_events', ['station', 'seq', 'type']),
    ('ix_pack_events_type_at', 'pack_events', ['type', 'at', 'station']),
    ('ix_packed_serials_serial', 'packed_serials', ['serial']),
    ('ix_stock_movements_reason_at', 'stock_movements', ['reason', 'at', 'sku', 'delta']),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        # IF NOT EXISTS: a bench database may already have them from the supervisor console.
        op.create_index(name, table, columns, if_not_exists=True)
    # (station, seq, type) serves everything (station, seq) did; every index slows each scan's commit.
    op.drop_index('ix_pack_events_station_seq', table_name='pack_events')
    # An older supervisor console made this one by hand; audit search by packer does without it.
    op.drop_index('ix_pack_events_packer_seq', table_name='pack_events', if_exists=True)


def downgrade() -> None:
    op.create_index('ix_pack_events_station_seq', 'pack_events', ['station', 'seq'])
    for name, table, _columns in INDEXES:
        op.drop_index(name, table_name=table)
