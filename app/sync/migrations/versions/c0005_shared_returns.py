"""the warehouse's returns and stock, pulled back by every station

Revision ID: c0005
Revises: c0004
Create Date: 2026-11-26

Stations already push their stock movements here (c0004). Now they also pull the other
stations' movements back, so a networked bench's stock levels are the warehouse's: a movement
needs the id of the transaction that inserted it (change_xid), so a puller reads only below the
oldest running transaction, as it does for orders (app.sync.pull): movement ids are handed out
at insert time but transactions commit in any order, and "id > cursor" alone would skip one.

return_events is the returns benches' log, pushed by every station like its pack events and
pulled by the others: an RMA issued at one bench opens the return at another, and units
returned at one bench are not expected again at the next. Append-only, even for the owner.
ps_shipped_units(order) tells a returns bench what another station packed into an order.
"""
from __future__ import annotations

from alembic import op

revision = "c0005"
down_revision = "c0004"
branch_labels = None
depends_on = None

SCHEMA = r"""
ALTER TABLE stock_movements ADD COLUMN change_xid xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX ix_stock_movements_change ON stock_movements (change_xid, id);

CREATE TABLE return_events (
    uuid uuid CONSTRAINT pk_return_events PRIMARY KEY,
    id bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT uq_return_events_id UNIQUE,  -- arrival order
    station varchar(64) NOT NULL,
    station_seq bigint NOT NULL,  -- the event's seq in the station's own log
    return_id text,  -- the return's UUID; NULL for an RMA issued or a sign-in
    type text NOT NULL,
    payload jsonb NOT NULL,
    user_name text,  -- who, by name (the station's user ids are its own)
    at timestamptz NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    change_xid xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX ix_return_events_change ON return_events (change_xid, id);
CREATE INDEX ix_return_events_return ON return_events (return_id, id);
CREATE INDEX ix_return_events_station_seq ON return_events (station, station_seq);
CREATE INDEX ix_return_events_type_at ON return_events (type, at);

CREATE TRIGGER return_events_no_update BEFORE UPDATE ON return_events
    FOR EACH ROW EXECUTE FUNCTION ps_refuse_change();
CREATE TRIGGER return_events_no_delete BEFORE DELETE ON return_events
    FOR EACH ROW EXECUTE FUNCTION ps_refuse_change();
CREATE TRIGGER return_events_no_truncate BEFORE TRUNCATE ON return_events
    FOR EACH STATEMENT EXECUTE FUNCTION ps_refuse_change();

REVOKE ALL ON return_events FROM PUBLIC;
GRANT SELECT, INSERT ON return_events TO ps_station;
ALTER TABLE return_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY station_reads_all ON return_events FOR SELECT TO ps_station USING (true);
CREATE POLICY station_appends_own ON return_events FOR INSERT TO ps_station
    WITH CHECK (station = (SELECT ps_my_station()));

-- What an order's parcels held when it was packed, at whichever station: a returns bench checks
-- returned units and serials against it. Stations read only their own pack events, so this
-- answers for one order, nothing more. The last packing counts: the packing station's events
-- between its last order_opened and its last order_packed (an order voided and packed again
-- was unpacked back into the tote before).
CREATE FUNCTION ps_shipped_units(p_order text)
RETURNS TABLE (sku text, serial text, units bigint, packed_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    WITH packed AS (
        SELECT station, station_seq, at FROM pack_events
        WHERE order_number = p_order AND type = 'order_packed' ORDER BY id DESC LIMIT 1
    ), opened AS (
        SELECT coalesce(max(e.station_seq), 0) AS seq FROM pack_events e, packed p
        WHERE e.order_number = p_order AND e.station = p.station AND e.type = 'order_opened'
          AND e.station_seq < p.station_seq
    ), moves AS (
        SELECT e.payload->>'sku' AS sku, nullif(e.payload->>'serial', '') AS serial,
               CASE WHEN e.type = 'item_packed' THEN 1 ELSE -1 END
               * CASE WHEN jsonb_typeof(e.payload->'units') = 'number' THEN (e.payload->>'units')::numeric::bigint
                      ELSE 1 END AS units,
               p.at AS packed_at
        FROM pack_events e, packed p, opened o
        WHERE e.order_number = p_order AND e.station = p.station AND e.station_seq > o.seq
          AND e.station_seq < p.station_seq AND e.type IN ('item_packed', 'item_unpacked') AND e.payload ? 'sku'
    )
    SELECT sku, serial, sum(units)::bigint, packed_at FROM moves GROUP BY sku, serial, packed_at
    HAVING sum(units) > 0 ORDER BY sku, serial
$$;
REVOKE ALL ON FUNCTION ps_shipped_units(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ps_shipped_units(text) TO ps_station;
"""


def upgrade() -> None:
    # Straight to the driver, as c0001: PL/pgSQL and '%' that must not be touched.
    raw = op.get_bind().connection.driver_connection
    assert raw is not None  # an open connection always has its driver's (psycopg)
    raw.execute(SCHEMA)


def downgrade() -> None:
    raw = op.get_bind().connection.driver_connection
    assert raw is not None  # an open connection always has its driver's (psycopg)
    raw.execute("""
        DROP FUNCTION IF EXISTS ps_shipped_units(text);
        DROP TABLE IF EXISTS return_events CASCADE;
        DROP INDEX IF EXISTS ix_stock_movements_change;
        ALTER TABLE stock_movements DROP COLUMN IF EXISTS change_xid;
    """)
