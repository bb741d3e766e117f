"""stations report their build: version and local schema, for IT (`packstation central status`)

Revision ID: c0003
Revises: c0002
Create Date: 2026-11-26

A station may not update the stations table (least privilege); it calls ps_announce, which
writes only its own row, found from the role it logged in with.
"""
from __future__ import annotations

from alembic import op

revision = "c0003"
down_revision = "c0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    raw = op.get_bind().connection.driver_connection
    assert raw is not None  # an open connection always has its driver's (psycopg)
    raw.execute("ALTER TABLE stations ADD COLUMN version varchar(32), ADD COLUMN local_schema varchar(64), "
                "ADD COLUMN announced_at timestamptz")
    raw.execute("""
CREATE FUNCTION ps_announce(p_version varchar, p_schema varchar) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    UPDATE stations SET version = left(p_version, 32), local_schema = left(p_schema, 64),
                        announced_at = now(), last_seen_at = now()
    WHERE name = ps_station_or_fail();
END $$""")
    raw.execute("REVOKE ALL ON FUNCTION ps_announce(varchar, varchar) FROM PUBLIC")
    raw.execute("GRANT EXECUTE ON FUNCTION ps_announce(varchar, varchar) TO ps_station")


def downgrade() -> None:
    raw = op.get_bind().connection.driver_connection
    assert raw is not None  # an open connection always has its driver's (psycopg)
    raw.execute("DROP FUNCTION ps_announce(varchar, varchar)")
    raw.execute("ALTER TABLE stations DROP COLUMN version, DROP COLUMN local_schema, DROP COLUMN announced_at")
