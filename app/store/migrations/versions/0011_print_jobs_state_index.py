"""print jobs: an index on state

Revision ID: 0011
Revises: 0008
Create Date: 2026-11-27

The print queue's worker asks every second which printers have queued jobs, and the packer's
screen shows the queue's health (waiting, held, interrupted): both look only at jobs that are
not done. Without an index on state each look read every job the station ever printed.
"""
from __future__ import annotations

from alembic import op

revision = '0011'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_print_jobs_state', 'print_jobs', ['state'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_print_jobs_state', table_name='print_jobs')
