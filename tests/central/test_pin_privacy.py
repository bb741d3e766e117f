"""Station roles cannot read PIN hashes; the central database checks PINs itself, with a lockout no
station can switch off (migration c0007). Tried with psql logged in as a station role, and through
the station's own PIN service."""

from __future__ import annotations

import os
import subprocess

import psycopg
import pytest
from sqlalchemy import select

from app.accounts.pepper import load_pepper
from app.accounts.pins import PgCentralPins, PinRefused, PinService
from app.config import station_paths
from app.store.db import open_database, sqlite_url
from app.store.models import User
from app.store.users import hash_pin, is_peppered, pin_digest, pin_params
from app.sync.pg import connect


@pytest.fixture
def with_pins(central):
    central.seed(orders=1)
    with central.connect() as conn:
        conn.execute("UPDATE users SET pin_hash = %s WHERE badge = 'S-2001'", (hash_pin("246810"),))
        conn.execute("UPDATE users SET pin_hash = %s WHERE badge = 'P-1001'", (hash_pin("1111"),))
    return central


def psql_as_station(central, name: str, sql: str) -> subprocess.CompletedProcess:
    """psql, logged in as the station's own role over TCP with its password (as a bench PC could)."""
    settings = central.settings(name)
    password = central.passwords[name].read_text().strip()
    return subprocess.run([str(central.pg.bindir / "psql"), "-X", "-At", "-v", "ON_ERROR_STOP=1", settings.url,
                           "-c", sql], capture_output=True, text=True, env={**os.environ, "PGPASSWORD": password},
                          timeout=60)


def test_a_station_role_cannot_read_any_pin_hash(with_pins):
    """GIVEN a station role
    WHEN it selects pin_hash, or every column, from users (psql and the driver)
    THEN permission denied; the columns a station needs stay readable."""
    for sql in ("SELECT pin_hash FROM users", "SELECT * FROM users", "TABLE users",
                "SELECT * FROM pin_guard", "SELECT * FROM pin_policy"):
        done = psql_as_station(with_pins, "S01", sql)
        assert done.returncode != 0 and "permission denied" in done.stderr, sql
    done = psql_as_station(with_pins, "S01", "SELECT name, badge, role, active FROM users ORDER BY name")
    assert done.returncode == 0 and done.stdout.splitlines() == ["Pat Packer|P-1001|packer|t",
                                                                 "Sam Supervisor|S-2001|supervisor|t"]
    conn = connect(with_pins.settings("S01"), purpose="test")
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("SELECT pin_hash FROM users")


def test_the_central_function_locks_a_psql_brute_force_after_five_tries(with_pins):
    """GIVEN a supervisor with PIN 246810 and a station role's psql
    WHEN it calls ps_check_pin with guessed digests, computed from the salt ps_pin_params gives
    THEN 'wrong' four times, 'locked' at the fifth, and 'locked' for the right PIN after that; the
    count is the server's: a second station gets no fresh tries."""
    params = psql_as_station(with_pins, "S01", "SELECT ps_pin_params('S-2001')").stdout.strip()
    assert params.startswith("scrypt$") and params.count("$") == 4  # salt and cost, never the hash
    verdicts = []
    for guess in ("000000", "111111", "222222", "333333", "444444"):
        sql = f"SELECT ps_check_pin('S-2001', '{pin_digest(guess, params)}')"
        verdicts.append(psql_as_station(with_pins, "S01", sql).stdout.strip())
    assert verdicts == ["wrong"] * 4 + ["locked"]
    right = pin_digest("246810", params)
    assert psql_as_station(with_pins, "S02", f"SELECT ps_check_pin('S-2001', '{right}')").stdout.strip() == "locked"
    assert with_pins.value("SELECT last_station FROM pin_guard") == "S01"  # whose guesses locked it
    with_pins.rows("UPDATE pin_guard SET locked_until = now() - interval '1 second'")  # an admin unlocks
    assert psql_as_station(with_pins, "S02", f"SELECT ps_check_pin('S-2001', '{right}')").stdout.strip() == "ok"


def test_an_unknown_person_gets_a_stable_made_up_salt(with_pins):
    first = psql_as_station(with_pins, "S01", "SELECT ps_pin_params('Nobody Here')").stdout.strip()
    again = psql_as_station(with_pins, "S01", "SELECT ps_pin_params('nobody here')").stdout.strip()
    real = psql_as_station(with_pins, "S01", "SELECT ps_pin_params('Sam Supervisor')").stdout.strip()
    assert first == again and first.startswith("scrypt$16384$8$1$")
    assert real == pin_params(with_pins.value("SELECT pin_hash FROM users WHERE badge = 'S-2001'"))
    assert psql_as_station(with_pins, "S01", "SELECT ps_check_pin('Nobody Here', 'x')").stdout.strip() == "wrong"


def test_a_networked_station_checks_pins_at_the_central_database_and_keeps_a_peppered_copy(with_pins, home):
    """GIVEN a networked station whose cache has the users but no PIN hashes
    WHEN the packer signs in with the right PIN while the central database answers
    THEN the central function says ok and the station keeps that PIN peppered for offline use;
    WHEN the central database is out of reach
    THEN the station checks its own copy, and the lockout still holds there."""
    settings = with_pins.settings("S01")
    engine, sessions = open_database(sqlite_url(station_paths().ensure().database))
    with sessions.begin() as db:
        db.add_all([User(name="Pat Packer", badge="P-1001", role="packer"),
                    User(name="Sam Supervisor", badge="S-2001", role="supervisor")])
    pepper = load_pepper(home / "data").key
    online = PinService(engine, station="S01", pepper=pepper,
                        central=PgCentralPins(lambda: connect(settings, purpose="pins", station="S01")))
    assert online.sign_in("P-1001", "1111", where="bench").checked_by == "central"
    with engine.connect() as conn:
        kept = conn.execute(select(User.pin_hash, User.pin_verified_at).where(User.badge == "P-1001")).one()
    assert is_peppered(kept.pin_hash) and kept.pin_verified_at is not None
    with pytest.raises(PinRefused, match="no PIN at this station"):  # never signed in here: nothing kept
        PinService(engine, station="S01", pepper=pepper, networked=True).sign_in("S-2001", "246810", where="bench")

    dead = settings.__class__(**{**settings.__dict__, "url": settings.url.replace(
        f":{with_pins.pg.port}/", ":1/")})
    offline = PinService(engine, station="S01", pepper=pepper,
                         central=PgCentralPins(lambda: connect(dead, purpose="pins", station="S01")))
    assert offline.sign_in("P-1001", "1111", where="bench").checked_by == "station"
    for _ in range(4):
        with pytest.raises(PinRefused, match="more tr"):
            offline.sign_in("P-1001", "0000", where="bench")
    with pytest.raises(PinRefused, match="now locked"):
        offline.sign_in("P-1001", "0000", where="bench")
    engine.dispose()


def test_a_central_wrong_pin_counts_at_the_server_and_at_the_station(with_pins, home):
    settings = with_pins.settings("S01")
    engine, sessions = open_database(sqlite_url(station_paths().ensure().database))
    with sessions.begin() as db:
        db.add(User(name="Sam Supervisor", badge="S-2001", role="supervisor"))
    service = PinService(engine, station="S01", pepper=load_pepper(home / "data").key,
                         central=PgCentralPins(lambda: connect(settings, purpose="pins", station="S01")))
    reasons = []
    for _ in range(5):
        with pytest.raises(PinRefused) as refused:
            service.sign_in("S-2001", "999999", where="console", need="supervisor")
        reasons.append(refused.value.reason)
    assert reasons == ["wrong_pin"] * 4 + ["locked"]
    assert with_pins.value("SELECT locked_until > now() FROM pin_guard") is True
    with pytest.raises(PinRefused, match="locked"):
        service.sign_in("S-2001", "246810", where="console", need="supervisor")
    engine.dispose()
