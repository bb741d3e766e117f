"""PIN privacy: station roles cannot read PIN hashes; PINs are checked (with a lockout) by the server

Revision ID: c0007
Revises: c0006
Create Date: 2026-11-28

Before: every station role could SELECT users.pin_hash, and a 4-digit supervisor PIN was
recovered from its scrypt hash in 88 s. Now:

- ps_station loses SELECT on the whole `users` table and gets it back column by column, without
  pin_hash (a `SELECT *` or `SELECT pin_hash` as a station role is "permission denied"). A column
  added to `users` later is not readable by stations until a migration grants it.
- A station checks a PIN through two SECURITY DEFINER functions: ps_pin_params(who) gives the
  salt and cost of the PIN (a made-up, stable salt for an unknown person, so the answer does not
  tell who exists), the station computes the scrypt digest of the typed PIN, and
  ps_check_pin(who, digest) compares it on the server and returns only 'ok', 'locked' or 'wrong'.
  The server counts failures per person in `pin_guard` (no station can read or reset it) and
  locks the person for pin_policy.lock_minutes after pin_policy.max_failures wrong PINs in a row,
  on the server's clock, whichever stations the guesses came from.
- ps_change_pin(who, digest, new_hash) sets a new PIN after the same check.

An admin unlocks a person with `DELETE FROM pin_guard WHERE user_id = ...` (or waits).
"""
from __future__ import annotations

from alembic import op

revision = "c0007"
down_revision = "c0006"
branch_labels = None
depends_on = None

# Columns of `users` a station may read: everything but pin_hash.
STATION_COLUMNS = ("id", "name", "badge", "role", "active", "created_at", "change_seq", "change_xid")

SCHEMA = r"""
CREATE TABLE pin_guard (
    user_id bigint CONSTRAINT pk_pin_guard PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    failed integer NOT NULL DEFAULT 0,
    locked_until timestamptz,
    last_station varchar(64),
    last_failed_at timestamptz
);
CREATE TABLE pin_policy (
    id integer CONSTRAINT pk_pin_policy PRIMARY KEY DEFAULT 1 CONSTRAINT ck_pin_policy_one CHECK (id = 1),
    max_failures integer NOT NULL DEFAULT 5 CONSTRAINT ck_pin_policy_failures CHECK (max_failures BETWEEN 1 AND 20),
    lock_minutes integer NOT NULL DEFAULT 15 CONSTRAINT ck_pin_policy_minutes CHECK (lock_minutes BETWEEN 1 AND 1440),
    decoy_key text NOT NULL DEFAULT gen_random_uuid()::text  -- made-up salts for unknown people
);
INSERT INTO pin_policy DEFAULT VALUES;
REVOKE ALL ON pin_guard, pin_policy FROM PUBLIC;

REVOKE SELECT ON users FROM ps_station;
GRANT SELECT (__COLUMNS__) ON users TO ps_station;

-- The person a station means: by badge first, then by name (case-insensitive), active only.
CREATE FUNCTION ps_pin_user(p_who varchar, OUT user_id bigint, OUT pin_hash varchar)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT u.id, u.pin_hash FROM users u
     WHERE u.active AND (u.badge = upper(btrim(p_who)) OR lower(u.name) = lower(btrim(p_who)))
     ORDER BY (u.badge IS NOT DISTINCT FROM upper(btrim(p_who))) DESC, u.id
     LIMIT 1
$$;

CREATE FUNCTION ps_pin_params(p_who varchar) RETURNS varchar
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_hash varchar;
    v_key text;
BEGIN
    PERFORM ps_station_or_fail();
    SELECT pin_hash INTO v_hash FROM ps_pin_user(p_who);
    IF v_hash IS NOT NULL AND split_part(v_hash, '$', 1) = 'scrypt' THEN
        RETURN array_to_string((string_to_array(v_hash, '$'))[1:5], '$');
    END IF;
    SELECT decoy_key INTO v_key FROM pin_policy;
    RETURN 'scrypt$16384$8$1$'
        || encode(substring(sha256(convert_to(lower(btrim(p_who)) || v_key, 'UTF8')) FROM 1 FOR 16), 'base64');
END $$;

-- 'ok', 'locked' or 'wrong', with the lockout applied here; the caller's station is recorded.
CREATE FUNCTION ps_pin_verdict(p_who varchar, p_digest varchar, p_station varchar,
                               OUT verdict varchar, OUT person bigint)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_hash varchar;
    g pin_guard%ROWTYPE;
    p pin_policy%ROWTYPE;
BEGIN
    SELECT * INTO p FROM pin_policy;
    SELECT u.user_id, u.pin_hash INTO person, v_hash FROM ps_pin_user(p_who) u;
    IF person IS NULL THEN
        verdict := 'wrong';
        RETURN;
    END IF;
    INSERT INTO pin_guard (user_id) VALUES (person) ON CONFLICT ON CONSTRAINT pk_pin_guard DO NOTHING;
    SELECT * INTO g FROM pin_guard WHERE pin_guard.user_id = person FOR UPDATE;
    IF g.locked_until IS NOT NULL AND g.locked_until > clock_timestamp() THEN
        verdict := 'locked';
        RETURN;
    END IF;
    IF v_hash IS NOT NULL AND split_part(v_hash, '$', 1) = 'scrypt' AND p_digest IS NOT NULL
       AND length(p_digest) > 0 AND p_digest = split_part(v_hash, '$', 6) THEN
        UPDATE pin_guard SET failed = 0, locked_until = NULL, last_station = p_station
         WHERE pin_guard.user_id = person;
        verdict := 'ok';
        RETURN;
    END IF;
    IF g.failed + 1 >= p.max_failures THEN
        UPDATE pin_guard SET failed = 0, locked_until = clock_timestamp() + make_interval(mins => p.lock_minutes),
               last_station = p_station, last_failed_at = clock_timestamp()
         WHERE pin_guard.user_id = person;
        verdict := 'locked';
    ELSE
        UPDATE pin_guard SET failed = failed + 1, last_station = p_station, last_failed_at = clock_timestamp()
         WHERE pin_guard.user_id = person;
        verdict := 'wrong';
    END IF;
END $$;

CREATE FUNCTION ps_check_pin(p_who varchar, p_digest varchar) RETURNS varchar
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    RETURN (SELECT verdict FROM ps_pin_verdict(p_who, p_digest, ps_station_or_fail()));
END $$;

CREATE FUNCTION ps_change_pin(p_who varchar, p_digest varchar, p_new_hash varchar) RETURNS varchar
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v record;
BEGIN
    SELECT * INTO v FROM ps_pin_verdict(p_who, p_digest, ps_station_or_fail());
    IF v.verdict <> 'ok' THEN
        RETURN v.verdict;
    END IF;
    IF p_new_hash !~ '^scrypt\$[0-9]{1,8}\$[0-9]{1,2}\$[0-9]{1,2}\$[A-Za-z0-9+/=]{8,64}\$[A-Za-z0-9+/=]{16,128}$' THEN
        RAISE EXCEPTION 'not a PIN hash this schema accepts' USING ERRCODE = '22023';
    END IF;
    UPDATE users SET pin_hash = p_new_hash WHERE id = v.person;
    RETURN 'ok';
END $$;

REVOKE ALL ON FUNCTION ps_pin_user(varchar), ps_pin_params(varchar), ps_pin_verdict(varchar, varchar, varchar),
    ps_check_pin(varchar, varchar), ps_change_pin(varchar, varchar, varchar) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ps_pin_params(varchar), ps_check_pin(varchar, varchar),
    ps_change_pin(varchar, varchar, varchar) TO ps_station;
"""


def upgrade() -> None:
    # Straight to the driver, as c0001: PL/pgSQL and '%' that must not be touched.
    raw = op.get_bind().connection.driver_connection
    assert raw is not None  # an open connection always has its driver's (psycopg)
    raw.execute(SCHEMA.replace("__COLUMNS__", ", ".join(STATION_COLUMNS)))


def downgrade() -> None:
    raw = op.get_bind().connection.driver_connection
    assert raw is not None  # an open connection always has its driver's (psycopg)
    raw.execute("""
        DROP FUNCTION IF EXISTS ps_change_pin(varchar, varchar, varchar);
        DROP FUNCTION IF EXISTS ps_check_pin(varchar, varchar);
        DROP FUNCTION IF EXISTS ps_pin_verdict(varchar, varchar, varchar);
        DROP FUNCTION IF EXISTS ps_pin_params(varchar);
        DROP FUNCTION IF EXISTS ps_pin_user(varchar);
        DROP TABLE IF EXISTS pin_guard, pin_policy;
        GRANT SELECT ON users TO ps_station;
    """)
