"""users: when this station last checked a user's PIN itself

Revision ID: 0013
Revises: 0008
Create Date: 2026-11-28

A networked station keeps a PIN for offline sign-in only for the people who signed in at it
(app.accounts.pins): pin_verified_at is when the central database last confirmed that PIN here.
Hashes pulled from the central database by older versions (every user's) have none and are
dropped by the PIN service of a networked station.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0013'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('users') as batch_op:
        batch_op.add_column(sa.Column('pin_verified_at', sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('users') as batch_op:
        batch_op.drop_column('pin_verified_at')
