"""The bench's sign-in without a screen (app.accounts.sign_in.BenchSignIn): what the packer's window
does at the PIN dialog, the admin gate and a badge scan, driven by a test as a headless driver would.

A real station folder and SQLite database (open_bench), real PINs through the one PIN service
(app.accounts.pins); no Qt.
"""

from __future__ import annotations

import sys

import pytest
from sqlalchemy import select, update

from app.accounts.pins import PinRefused, SignedIn
from app.accounts.sign_in import BenchSignIn, user_by_scan
from app.domain.model import Role
from app.printing import station_output
from app.startup import open_bench
from app.station import Station
from app.store import models as t
from app.store.repository import Repository
from app.store.users import hash_pin
from tests.support import seed_small


@pytest.fixture
def bench(home):
    bench = open_bench()
    seed_small(bench.sessions)
    with bench.sessions.begin() as db:
        db.add(t.User(name="Ada Admin", badge="A-3001", role="admin"))
        db.execute(update(t.User).where(t.User.badge == "P-1001").values(pin_hash=hash_pin("1111")))
        db.execute(update(t.User).where(t.User.badge == "S-2001").values(pin_hash=hash_pin("246810")))
    with bench.sessions.begin() as db:
        db.execute(update(t.User).where(t.User.badge == "A-3001").values(pin_hash=hash_pin("1357")))
    yield bench
    bench.close()


def _events(bench, prefix: str) -> list[str]:
    with bench.engine.connect() as conn:
        kinds = conn.scalars(select(t.PackEvent.type).order_by(t.PackEvent.seq)).all()
    return [kind for kind in kinds if kind.startswith(prefix)]


def test_a_packer_signs_in_with_a_pin_and_a_wrong_pin_is_an_answer_not_an_error(bench):
    """GIVEN a station whose packer Alex has PIN 1111 (a supervisor and an admin have PINs too)
    WHEN the sign-in list is asked for, a wrong PIN is typed, then the right one
    THEN only Alex is listed, the wrong PIN comes back as a PinRefused with the tries left (not
    raised), the right one as SignedIn, and both are in the audit trail."""
    desk = BenchSignIn.for_bench(bench)
    assert desk.names() == ["Alex Packer"]

    wrong = desk.sign_in("Alex Packer", "0000", where="bench")
    assert isinstance(wrong, PinRefused) and wrong.reason == "wrong_pin" and "4 more tries" in wrong.message

    right = desk.sign_in("Alex Packer", "1111", where="bench")
    assert isinstance(right, SignedIn) and right.user.role is Role.PACKER and right.checked_by == "station"
    assert _events(bench, "pin_") == ["pin_sign_in_failed", "pin_signed_in"]


def test_the_admin_gate_wants_an_admin_with_a_long_enough_pin(bench):
    """GIVEN a supervisor (PIN 246810) and an admin whose PIN is 4 digits (1357)
    WHEN each tries the admin gate
    THEN the supervisor is refused for the role; the admin must choose a 6-digit PIN first, and with
    a new one is let in."""
    desk = BenchSignIn.for_bench(bench)
    supervisor = desk.sign_in("S-2001", "246810", where="admin_gate", need="admin")
    assert isinstance(supervisor, PinRefused) and supervisor.reason == "role"

    short = desk.sign_in("Ada Admin", "1357", where="admin_gate", need="admin")
    assert isinstance(short, PinRefused) and short.reason == "must_change"
    admin = desk.sign_in("Ada Admin", "1357", where="admin_gate", need="admin", new_pin="975310")
    assert isinstance(admin, SignedIn) and admin.changed_pin and admin.user.role is Role.ADMIN


def test_a_scanned_badge_names_its_user(bench):
    """GIVEN the station WHEN a badge card (PS:BADGE:S-2001) or a bare badge id is scanned at the
    admin gate THEN its user is found; an unknown badge finds nobody."""
    station = Station(bench.config, Repository(bench.engine), station_output(bench))
    try:
        assert user_by_scan(station, "PS:BADGE:S-2001").name == "Sam Supervisor"
        assert user_by_scan(station, "P-1001").name == "Alex Packer"
        assert user_by_scan(station, "PS:BADGE:NOBODY") is None
    finally:
        station.repo.close()


def test_the_sign_in_service_needs_no_qt():
    """GIVEN a fresh interpreter WHEN the sign-in service is imported THEN no Qt module is loaded
    (a headless driver and its tests run without a screen), nor SQLAlchemy (the window imports it
    before its first frame; the PIN service is loaded on the worker when first used)."""
    import subprocess

    code = ("import sys, app.accounts.sign_in; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'sqlalchemy')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
