"""shared number sequences: SSCC serial references (and RMA numbers) for every station

Revision ID: c0002
Revises: c0001
Create Date: 2026-11-26

One sequence per Packstation sequence name (app.store.returns_models.SEQUENCES), named as
`next_values` names them on PostgreSQL (ps_seq_<name>). Stations take values with nextval
(USAGE) and nothing else: no setval (UPDATE), and ALTER, RESTART or DROP need the owner.
A warehouse whose stations built SSCCs on their own before may start the sequence past them:
ALTER SEQUENCE ps_seq_sscc RESTART WITH n (as the admin).
"""
from __future__ import annotations

from alembic import op

revision = "c0002"
down_revision = "c0001"
branch_labels = None
depends_on = None

NAMES = ("sscc", "rma")


def upgrade() -> None:
    raw = op.get_bind().connection.driver_connection
    assert raw is not None  # an open connection always has its driver's (psycopg)
    for name in NAMES:
        raw.execute(f"CREATE SEQUENCE IF NOT EXISTS ps_seq_{name} AS bigint MINVALUE 1 START WITH 1 NO CYCLE")
        raw.execute(f"REVOKE ALL ON SEQUENCE ps_seq_{name} FROM PUBLIC")
        raw.execute(f"GRANT USAGE ON SEQUENCE ps_seq_{name} TO ps_station")


def downgrade() -> None:
    raw = op.get_bind().connection.driver_connection
    assert raw is not None  # an open connection always has its driver's (psycopg)
    for name in NAMES:
        raw.execute(f"DROP SEQUENCE IF EXISTS ps_seq_{name}")
