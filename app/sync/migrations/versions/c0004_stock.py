"""stock across stations: every station's stock movements, and stock levels per SKU and bin

Revision ID: c0004
Revises: c0003
Create Date: 2026-11-26

Each station keeps its stock ledger (stock_movements) in its own database and pushes it here
by the movement's UUID, idempotently (app.sync.outbox.Outbox.push_stock). The central ledger is
append-only, even for the owner. stock_levels is maintained by a trigger on the movements that
are actually inserted (a re-pushed duplicate is not inserted, so it is not counted twice): a
level always equals the sum of its movements, whichever stations sent them, in whatever order.
Nobody writes stock_levels directly, not even the owner: a correction is an adjustment movement.

Text columns without a length for what the station sends: SQLite does not enforce lengths, and
one over-long bin name must not block a station's stock outbox for ever.
"""
from __future__ import annotations

from alembic import op

revision = "c0004"
down_revision = "c0003"
branch_labels = None
depends_on = None

SCHEMA = r"""
CREATE TABLE stock_movements (
    uuid uuid CONSTRAINT pk_stock_movements PRIMARY KEY,
    id bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT uq_stock_movements_id UNIQUE,  -- arrival order
    station varchar(64) NOT NULL,
    station_seq bigint NOT NULL,  -- the movement's id in the station's own ledger
    sku text NOT NULL,
    bin text NOT NULL,
    delta bigint NOT NULL,
    reason text NOT NULL,
    reference text NOT NULL DEFAULT '',  -- the order, return or count it belongs to
    note text NOT NULL DEFAULT '',  -- a person's reason for an adjustment
    user_name text,  -- who, by name (the station's user ids are its own)
    user_id bigint,  -- the station's local user id
    negative boolean NOT NULL DEFAULT false,  -- took the bin below zero at the station: flagged there
    at timestamptz NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_stock_movements_sku_bin ON stock_movements (sku, bin, id);
CREATE INDEX ix_stock_movements_station_seq ON stock_movements (station, station_seq);
CREATE INDEX ix_stock_movements_reference ON stock_movements (reference, reason);
CREATE INDEX ix_stock_movements_at ON stock_movements (at);

CREATE TABLE stock_levels (
    sku text NOT NULL,
    bin text NOT NULL,
    on_hand bigint NOT NULL DEFAULT 0,
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_stock_levels PRIMARY KEY (sku, bin)
);
CREATE INDEX ix_stock_levels_bin ON stock_levels (bin, sku);

CREATE FUNCTION ps_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = '42501';
END $$;
CREATE TRIGGER stock_movements_no_update BEFORE UPDATE ON stock_movements
    FOR EACH ROW EXECUTE FUNCTION ps_refuse_change();
CREATE TRIGGER stock_movements_no_delete BEFORE DELETE ON stock_movements
    FOR EACH ROW EXECUTE FUNCTION ps_refuse_change();
CREATE TRIGGER stock_movements_no_truncate BEFORE TRUNCATE ON stock_movements
    FOR EACH STATEMENT EXECUTE FUNCTION ps_refuse_change();

-- Once per INSERT statement, over the rows it really inserted (ON CONFLICT DO NOTHING leaves
-- duplicates out of the transition table). One upsert per SKU and bin, in key order: two
-- stations pushing batches that touch the same bins lock them in the same order.
CREATE FUNCTION ps_apply_stock() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
BEGIN
    INSERT INTO stock_levels AS l (sku, bin, on_hand, updated_at)
    SELECT sku, bin, sum(delta), now() FROM inserted GROUP BY sku, bin ORDER BY sku, bin
    ON CONFLICT (sku, bin) DO UPDATE SET on_hand = l.on_hand + EXCLUDED.on_hand, updated_at = EXCLUDED.updated_at;
    RETURN NULL;
END $$;
CREATE TRIGGER stock_movements_apply AFTER INSERT ON stock_movements
    REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION ps_apply_stock();

-- stock_levels is written by ps_apply_stock only (trigger depth 2 here), never directly.
CREATE FUNCTION ps_levels_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF pg_trigger_depth() > 1 THEN
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END IF;
    RAISE EXCEPTION 'stock_levels is the sum of stock_movements: % refused (record a movement instead)', TG_OP
        USING ERRCODE = '42501';
END $$;
CREATE TRIGGER stock_levels_guard BEFORE INSERT OR UPDATE OR DELETE ON stock_levels
    FOR EACH ROW EXECUTE FUNCTION ps_levels_guard();
CREATE TRIGGER stock_levels_no_truncate BEFORE TRUNCATE ON stock_levels
    FOR EACH STATEMENT EXECUTE FUNCTION ps_refuse_change();

REVOKE ALL ON FUNCTION ps_refuse_change(), ps_apply_stock(), ps_levels_guard() FROM PUBLIC;
REVOKE ALL ON stock_movements, stock_levels FROM PUBLIC;

-- Stations append their own movements and read everyone's: the warehouse's stock is the point.
GRANT SELECT, INSERT ON stock_movements TO ps_station;
GRANT SELECT ON stock_levels TO ps_station;

ALTER TABLE stock_movements ENABLE ROW LEVEL SECURITY;
CREATE POLICY station_reads_all ON stock_movements FOR SELECT TO ps_station USING (true);
CREATE POLICY station_appends_own ON stock_movements FOR INSERT TO ps_station
    WITH CHECK (station = (SELECT ps_my_station()));
"""


def upgrade() -> None:
    # Straight to the driver, as c0001: PL/pgSQL bodies with '%' that must not be touched.
    raw = op.get_bind().connection.driver_connection
    assert raw is not None  # an open connection always has its driver's (psycopg)
    raw.execute(SCHEMA)


def downgrade() -> None:
    raw = op.get_bind().connection.driver_connection
    assert raw is not None  # an open connection always has its driver's (psycopg)
    raw.execute("""
        DROP TABLE IF EXISTS stock_levels, stock_movements CASCADE;
        DROP FUNCTION IF EXISTS ps_levels_guard(), ps_apply_stock(), ps_refuse_change();
    """)
