"""the central database checks what stations claim, and ends stations' stale transactions

Revision ID: c0007_guard
Revises: c0007 (c0007_pin_privacy)
Create Date: 2026-11-28

1. ps_project_event (the trigger that turns a pushed pack event into an order status) moves an
   order only for the station that holds its claim. An order_opened, order_packed, order_held or
   labels_voided event for an order the station does not hold (nobody holds it, or another
   station does) changes nothing and becomes a `not_claimed` (or `claimed_elsewhere`) row of
   `conflicts`, the supervisor's queue. One exception: the station that packed an order may void
   its labels afterwards (the push of order_packed released its claim).
   Stations cannot write orders, claims or conflicts themselves (c0001): the trigger, owned by
   the admin, is the only way an event reaches an order.

2. ps_end_stale_station_transactions(): a watchdog over pg_stat_activity. A station's role may
   SET its own idle_in_transaction_session_timeout (PostgreSQL lets any role set it), and one
   transaction held open holds back the xmin horizon every station pulls below (app/sync/pull.py).
   The function, SECURITY DEFINER and callable by every station, terminates the backends of
   station roles that sit idle in a transaction longer than `meta.station_idle_in_transaction_s`
   (default 5) or whose transaction has run longer than `meta.station_transaction_s` (default
   15), whatever the session set. Every station's sync worker calls it every few seconds, so the
   warehouse is never waiting on one stalled bench for longer than the documented bound
   (docs/central.md, "One station cannot stall the others").
"""
from __future__ import annotations

from alembic import op

revision = "c0007_guard"
down_revision = "c0007"
branch_labels = None
depends_on = None

PROJECT_EVENT = r"""
CREATE OR REPLACE FUNCTION ps_project_event() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
DECLARE
    o record;
    holder varchar;
    foreign_claim boolean;
    allowed boolean;
    moves boolean;
    packed_by varchar;
BEGIN
    SELECT id, status INTO o FROM orders WHERE number = NEW.order_number FOR NO KEY UPDATE;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    SELECT station INTO holder FROM claims WHERE order_id = o.id;
    foreign_claim := holder IS NOT NULL AND holder <> NEW.station;
    -- Would this event move the order's status? (The same conditions as the UPDATEs below.)
    moves := CASE NEW.type
        WHEN 'order_opened' THEN o.status = 'open'
        WHEN 'order_packed' THEN o.status IN ('open', 'packing')
        WHEN 'order_held' THEN o.status IN ('open', 'packing')
        WHEN 'labels_voided' THEN o.status IN ('packing', 'packed')
        ELSE false END;
    -- Only the claim's holder moves an order; the station that packed it may void its labels.
    allowed := coalesce(holder = NEW.station, false) OR NEW.type = 'order_released' OR NEW.type = 'order_stopped';
    IF NOT allowed AND NOT foreign_claim AND NEW.type = 'labels_voided' AND o.status = 'packed' THEN
        SELECT e.station INTO packed_by FROM pack_events e
        WHERE e.order_number = NEW.order_number AND e.type = 'order_packed' AND e.uuid <> NEW.uuid
        ORDER BY e.id DESC LIMIT 1;
        allowed := coalesce(packed_by = NEW.station, false);
    END IF;

    IF NEW.type IN ('order_opened', 'order_packed') AND o.status = 'cancelled' THEN
        INSERT INTO conflicts (kind, order_number, station, event_uuid, detail)
        VALUES ('cancelled_while_packing', NEW.order_number, NEW.station, NEW.uuid,
                'order was cancelled upstream; ' || NEW.type || ' at ' || NEW.station)
        ON CONFLICT (kind, order_number, station) WHERE resolved_at IS NULL DO NOTHING;
    ELSIF NEW.type = 'order_packed' AND o.status IN ('packed', 'shipped') THEN
        SELECT e.station INTO packed_by FROM pack_events e
        WHERE e.order_number = NEW.order_number AND e.type = 'order_packed' AND e.station <> NEW.station
        ORDER BY e.id DESC LIMIT 1;
        INSERT INTO conflicts (kind, order_number, station, other_station, event_uuid, detail)
        VALUES ('packed_twice', NEW.order_number, NEW.station, packed_by, NEW.uuid,
                'order was already ' || o.status || coalesce(' by ' || packed_by, ''))
        ON CONFLICT (kind, order_number, station) WHERE resolved_at IS NULL DO NOTHING;
    ELSIF NEW.type = 'order_packed' AND o.status = 'held' THEN
        INSERT INTO conflicts (kind, order_number, station, event_uuid, detail)
        VALUES ('held_while_packing', NEW.order_number, NEW.station, NEW.uuid, 'order was put on hold upstream')
        ON CONFLICT (kind, order_number, station) WHERE resolved_at IS NULL DO NOTHING;
    ELSIF foreign_claim AND (moves OR NEW.type IN ('order_opened', 'order_packed')) THEN
        INSERT INTO conflicts (kind, order_number, station, other_station, event_uuid, detail)
        VALUES ('claimed_elsewhere', NEW.order_number, NEW.station, holder, NEW.uuid,
                NEW.type || ' while ' || holder || ' held the claim (lease taken over or released); '
                || 'the order stays ' || o.status)
        ON CONFLICT (kind, order_number, station) WHERE resolved_at IS NULL DO NOTHING;
    ELSIF moves AND NOT allowed THEN
        INSERT INTO conflicts (kind, order_number, station, event_uuid, detail)
        VALUES ('not_claimed', NEW.order_number, NEW.station, NEW.uuid,
                NEW.type || ' from ' || NEW.station || ', which did not hold the claim on the order; '
                || 'the order stays ' || o.status)
        ON CONFLICT (kind, order_number, station) WHERE resolved_at IS NULL DO NOTHING;
    END IF;

    IF allowed AND NOT foreign_claim AND o.status NOT IN ('cancelled', 'shipped') THEN
        CASE NEW.type
            WHEN 'order_opened' THEN
                UPDATE orders SET status = 'packing', updated_at = now()
                WHERE id = o.id AND status = 'open';
            WHEN 'order_packed' THEN
                UPDATE orders SET status = 'packed', updated_at = now()
                WHERE id = o.id AND status IN ('open', 'packing');
            WHEN 'order_held' THEN
                UPDATE orders SET status = 'held', hold_reason = coalesce(NEW.payload ->> 'reason', ''),
                                  updated_at = now()
                WHERE id = o.id AND status IN ('open', 'packing');
            WHEN 'order_released' THEN
                -- Back to the queue only from this station's own packing (or nobody's).
                UPDATE orders SET status = 'open', updated_at = now() WHERE id = o.id AND status = 'packing';
            WHEN 'labels_voided' THEN
                UPDATE orders SET status = 'open', updated_at = now()
                WHERE id = o.id AND status IN ('packing', 'packed');
            ELSE
                NULL;
        END CASE;
    END IF;

    IF NEW.type IN ('order_packed', 'order_held', 'order_released', 'order_stopped', 'labels_voided') THEN
        DELETE FROM claims WHERE order_id = o.id AND station = NEW.station;
    END IF;
    RETURN NULL;
END $$;
"""

WATCHDOG = r"""
INSERT INTO meta (key, value) VALUES ('station_idle_in_transaction_s', '5'), ('station_transaction_s', '15')
ON CONFLICT (key) DO NOTHING;

-- End the transactions of station roles that would stall every station's pull. Returns one row
-- per backend found stale (seconds: the age of its transaction) and whether it could be ended
-- (false: the function's owner lacks pg_signal_backend).
CREATE FUNCTION ps_end_stale_station_transactions()
RETURNS TABLE (pid integer, station varchar, state text, seconds double precision, terminated boolean)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
#variable_conflict use_column
DECLARE
    idle_limit double precision := coalesce(
        (SELECT value::double precision FROM meta WHERE key = 'station_idle_in_transaction_s'), 5);
    xact_limit double precision := coalesce(
        (SELECT value::double precision FROM meta WHERE key = 'station_transaction_s'), 15);
    r record;
BEGIN
    FOR r IN
        SELECT a.pid, s.name, a.state, extract(epoch FROM clock_timestamp() - a.xact_start) AS seconds
        FROM pg_stat_activity a JOIN stations s ON s.role = a.usename
        WHERE a.datname = current_database() AND a.pid <> pg_backend_pid() AND a.xact_start IS NOT NULL
          AND ((a.state LIKE 'idle in transaction%'
                AND clock_timestamp() - a.state_change > make_interval(secs => idle_limit))
               OR clock_timestamp() - a.xact_start > make_interval(secs => xact_limit))
    LOOP
        pid := r.pid;
        station := r.name;
        state := r.state;
        seconds := r.seconds;
        BEGIN
            terminated := pg_terminate_backend(r.pid);
        EXCEPTION WHEN insufficient_privilege THEN
            terminated := false;
        END;
        IF terminated THEN
            RAISE LOG 'packstation: ended the transaction of station % (pid %, %, % s)', r.name, r.pid, r.state,
                round(r.seconds::numeric, 1);
        END IF;
        RETURN NEXT;
    END LOOP;
END $$;

REVOKE ALL ON FUNCTION ps_end_stale_station_transactions() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ps_end_stale_station_transactions() TO ps_station;

-- The function runs as its owner (the admin running this migration): to see other roles'
-- sessions and end them it needs pg_read_all_stats and pg_signal_backend unless it is a superuser.
DO $$
BEGIN
    IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        BEGIN
            EXECUTE format('GRANT pg_read_all_stats, pg_signal_backend TO %I', current_user);
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE WARNING 'packstation: % needs pg_read_all_stats and pg_signal_backend %', current_user,
                '(a superuser grants them) to end stale station transactions';
        END;
    END IF;
END $$;
"""


def upgrade() -> None:
    # Straight to the driver, like c0001: PL/pgSQL bodies must not pass through text().
    raw = op.get_bind().connection.driver_connection
    assert raw is not None  # an open connection always has its driver's (psycopg)
    raw.execute(PROJECT_EVENT)
    raw.execute(WATCHDOG)


def downgrade() -> None:
    import importlib.util
    from pathlib import Path

    raw = op.get_bind().connection.driver_connection
    assert raw is not None  # an open connection always has its driver's (psycopg)
    raw.execute("DROP FUNCTION IF EXISTS ps_end_stale_station_transactions();"
                "DELETE FROM meta WHERE key IN ('station_idle_in_transaction_s', 'station_transaction_s');")
    # Back to c0001's projection, taken from that migration's own text.
    spec = importlib.util.spec_from_file_location("c0001", Path(__file__).with_name("c0001_central_schema.py"))
    assert spec is not None and spec.loader is not None
    c0001 = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(c0001)
    start = c0001.SCHEMA.index("CREATE FUNCTION ps_project_event()")
    end = c0001.SCHEMA.index("CREATE TRIGGER pack_events_project")
    raw.execute(c0001.SCHEMA[start:end].replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1))
