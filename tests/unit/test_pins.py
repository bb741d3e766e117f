"""The one PIN service (app.accounts.pins): lockout on the app clock, audit events, the sign-in list,
6-digit PINs for supervisors and admins, and a station copy of the PINs that is useless without
the station's pepper. Every path (bench, admin gate, console, CLI) shares one failure count."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from app.accounts.pepper import FILE_NAME, load_pepper
from app.accounts.pins import PinRefused, PinService
from app.config import station_paths
from app.domain import clock
from app.store.db import open_database, sqlite_url
from app.store.models import PackEvent, User
from app.store.users import UserError, add_user, hash_pin, is_peppered, verify_pin
from app.supervisor import access

NOW = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def db(home):
    engine, sessions = open_database(sqlite_url(station_paths().ensure().database))
    add_user(sessions, "Alex Packer", "packer", badge="P-1001", pin="1111")
    add_user(sessions, "Sam Supervisor", "supervisor", badge="S-2001", pin="246810")
    add_user(sessions, "Ada Admin", "admin", badge="A-3001", pin="135790")
    add_user(sessions, "Priya Patel", "packer", badge="P-1002")
    yield engine, sessions
    engine.dispose()


@pytest.fixture
def pins(db, home):
    engine, _ = db
    return PinService(engine, station="BENCH-1", pepper=load_pepper(home / "data").key)


def events(engine, kind_prefix: str = "") -> list[tuple[str, dict]]:
    with engine.connect() as conn:
        rows = conn.execute(select(PackEvent.type, PackEvent.payload).order_by(PackEvent.seq)).all()
    return [(kind, json.loads(payload)) for kind, payload in rows if kind.startswith(kind_prefix)]


def stored(engine, badge: str):
    with engine.connect() as conn:
        return conn.execute(select(User).where(User.badge == badge)).one()


def test_five_wrong_pins_lock_the_account_on_the_app_clock(pins, db):
    """GIVEN a packer with PIN 1111, the app clock at 09:00
    WHEN five wrong PINs are given
    THEN the fifth locks the account for 15 minutes: the right PIN is refused at 09:14, accepted at
    09:15:01; the audit has four failures, one lockout, one refusal while locked and the sign-in."""
    engine, _ = db
    with clock.frozen(NOW):
        for attempt in range(1, 5):
            with pytest.raises(PinRefused, match=f"{5 - attempt} more") as wrong:
                pins.sign_in("Alex Packer", "0000", where="bench")
            assert wrong.value.reason == "wrong_pin"
        with pytest.raises(PinRefused, match="now locked") as locked:
            pins.sign_in("Alex Packer", "9999", where="bench")
        assert locked.value.locked_until == NOW + timedelta(minutes=15)
    with clock.frozen(NOW + timedelta(minutes=14)), pytest.raises(PinRefused, match="locked until") as still:
        pins.sign_in("P-1001", "1111", where="bench")
    assert still.value.reason == "locked"
    with clock.frozen(NOW + timedelta(minutes=15, seconds=1)):
        assert pins.sign_in("PS:BADGE:P-1001", "1111", where="bench").user.name == "Alex Packer"
    kinds = [kind for kind, _ in events(engine)]
    assert kinds == ["pin_sign_in_failed"] * 4 + ["pin_locked_out", "pin_sign_in_failed", "pin_signed_in"]
    assert all("1111" not in json.dumps(d) and "0000" not in json.dumps(d) for _, d in events(engine))
    assert stored(engine, "P-1001").failed_pin_attempts == 0


def test_every_path_shares_one_count_and_a_brute_force_is_stopped_after_five_tries(pins, db, home):
    """GIVEN a supervisor with PIN 246810
    WHEN guesses come from the bench, the admin gate, the console and the CLI, in turns
    THEN the fifth guess locks the account, whatever path it came through, and after that no path
    accepts even the right PIN: the console, the bench and the CLI all say it is locked."""
    engine, _ = db
    guesses = iter(f"{n:06d}" for n in range(100000, 100020))
    paths = [lambda: pins.sign_in("S-2001", next(guesses), where="bench"),
             lambda: pins.sign_in("Sam Supervisor", next(guesses), where="admin_gate", need="admin"),
             lambda: access.sign_in(engine, "S-2001", next(guesses), console="SUP-TEST"),
             lambda: cli(home, "change-pin", "S-2001", stdin=f"{next(guesses)}\n777777\n"),
             lambda: pins.sign_in("S-2001", next(guesses), where="bench")]
    outcomes = []
    for path in paths:
        try:
            outcome = path()
        except (PinRefused, access.AccessDenied) as refused:
            outcome = refused.reason
        outcomes.append(outcome if isinstance(outcome, str) else f"exit {outcome.returncode}")
    assert outcomes[:3] == ["wrong_pin"] * 3 and outcomes[3] == "exit 1" and outcomes[4] == "locked"
    with pytest.raises(access.AccessDenied, match="locked until"):
        access.sign_in(engine, "S-2001", "246810", console="SUP-TEST")
    with pytest.raises(PinRefused, match="locked until"):
        pins.sign_in("S-2001", "246810", where="bench")
    done = cli(home, "change-pin", "S-2001", stdin="246810\n777777\n")
    assert done.returncode == 1 and "locked until" in done.stderr and "Traceback" not in done.stderr
    wheres = [d.get("where") for kind, d in events(engine) if kind.endswith("sign_in_failed")]
    assert {"bench", "admin_gate", "console", "cli"} <= set(wheres)


def cli(home: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    env = {**os.environ, "PACKSTATION_HOME": str(home), "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "app.cli", "users", *args], input=stdin, capture_output=True,
                          text=True, env=env, timeout=120, cwd=ROOT)


def test_the_sign_in_list_names_no_supervisor_or_admin(pins):
    """GIVEN two packers (one without a PIN), a supervisor and an admin
    WHEN the bench asks whom to list
    THEN only the packer with a PIN: supervisors and admins sign in by badge or by typing their name."""
    assert pins.sign_in_names() == ["Alex Packer"]


def test_supervisors_and_admins_need_six_digits_and_a_short_one_is_changed_at_sign_in(pins, db):
    """GIVEN an admin whose PIN is 1357 (set before 6 digits were required)
    WHEN she signs in with it
    THEN she must choose a new PIN: 4 digits are refused, 6 are taken; the old PIN no longer works.
    Adding a supervisor with a 4-digit PIN is refused outright."""
    engine, sessions = db
    with engine.begin() as conn:
        conn.execute(update(User).where(User.badge == "A-3001").values(pin_hash=hash_pin("1357")))
    with pytest.raises(PinRefused, match="6 digits") as must:
        pins.sign_in("Ada Admin", "1357", where="admin_gate", need="admin")
    assert must.value.reason == "must_change"
    with pytest.raises(PinRefused, match="6 to 12 digits"):
        pins.sign_in("Ada Admin", "1357", where="admin_gate", need="admin", new_pin="2468")
    signed = pins.sign_in("Ada Admin", "1357", where="admin_gate", need="admin", new_pin="864213")
    assert signed.changed_pin and signed.user.name == "Ada Admin"
    assert pins.sign_in("A-3001", "864213", where="admin_gate", need="admin").user.badge == "A-3001"
    with pytest.raises(PinRefused, match="wrong"):
        pins.sign_in("A-3001", "1357", where="admin_gate", need="admin")
    with pytest.raises(UserError, match="6 to 12 digits"):
        add_user(sessions, "Sid Supervisor", "supervisor", pin="2468")
    assert ("pin_changed", {"who": "Ada Admin", "where": "admin_gate"}) in events(engine)


def test_the_admin_gate_wants_an_admin_and_tells_a_packer_only_after_the_right_pin(pins):
    with pytest.raises(PinRefused, match="wrong"):
        pins.sign_in("Alex Packer", "2222", where="admin_gate", need="admin")
    with pytest.raises(PinRefused, match="only an admin") as role:
        pins.sign_in("Alex Packer", "1111", where="admin_gate", need="admin")
    assert role.value.reason == "role"


def test_a_copied_station_database_alone_gives_nothing_to_guess_against(pins, db, home):
    """GIVEN a station whose PINs are stored (peppered on the service's first start)
    WHEN someone copies station.db but not the pepper (keyring or pin.pepper)
    THEN the stored string does not verify the right PIN without the pepper, not even read as a
    plain scrypt hash, while the station with its pepper checks it; the pepper file is 0600."""
    engine, _ = db
    row = stored(engine, "S-2001")
    assert is_peppered(row.pin_hash)
    assert not verify_pin("246810", row.pin_hash)  # no pepper
    as_plain = "scrypt$" + "$".join(row.pin_hash.split("$")[2:])
    assert not verify_pin("246810", as_plain)  # the MAC is not the scrypt digest
    assert verify_pin("246810", row.pin_hash, load_pepper(home / "data").key)
    assert not verify_pin("246810", row.pin_hash, b"another station's pepper, 32 bytes")
    if os.name == "posix":
        assert (home / "data" / FILE_NAME).stat().st_mode & 0o777 == 0o600


def test_a_networked_station_forgets_the_pins_it_never_confirmed(db, home):
    """GIVEN a station database holding every user's PIN hash (pulled by an older version)
    WHEN the PIN service of a networked station starts
    THEN it keeps no PIN the central database has not confirmed at this station."""
    engine, _ = db
    with engine.begin() as conn:
        conn.execute(update(User).where(User.badge == "P-1001").values(pin_verified_at=NOW))
    PinService(engine, station="BENCH-1", pepper=load_pepper(home / "data").key, networked=True)
    with engine.connect() as conn:
        kept = dict(conn.execute(select(User.badge, User.pin_hash)).all())
    assert kept["P-1001"] is not None and is_peppered(kept["P-1001"])
    assert kept["S-2001"] is None and kept["A-3001"] is None


def test_an_admin_unlocks_an_account_and_the_audit_says_who(pins, db):
    engine, _ = db
    for _ in range(5):
        with pytest.raises(PinRefused):
            pins.sign_in("P-1001", "0000", where="bench")
    assert pins.unlock("P-1001", by="it-admin") is True
    assert pins.sign_in("P-1001", "1111", where="bench").user.name == "Alex Packer"
    assert ("pin_unlocked", {"who": "Alex Packer", "by": "it-admin", "where": "cli"}) in events(engine)
