"""join the branches of effect intents, order references and sender claims, print-job states, order sources and PIN verification

Revision ID: 0014
Revises: 0009, 0010, 0011, 0012, 0013
Create Date: 2026-12-07

Five features were built side by side, each as its own branch on 0008. Nothing to change in the
schema here: this revision only makes one head again, so "upgrade head" means one thing and a
station at 0014 has every feature's tables.
"""
from __future__ import annotations

revision = '0014'
down_revision = ('0009', '0010', '0011', '0012', '0013')
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
