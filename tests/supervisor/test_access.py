"""Only supervisors and admins open the console, with a PIN; five wrong PINs lock the account for
15 minutes; every attempt is in the audit trail."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, update

from app.domain.model import Role
from app.store.models import PackEvent, User
from app.store.users import hash_pin
from app.supervisor import access

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


@pytest.fixture
def pins(engine):
    with engine.begin() as conn:
        conn.execute(update(User).where(User.name == "Sam Supervisor").values(pin_hash=hash_pin("246810")))
        conn.execute(update(User).where(User.name == "Alex Packer").values(pin_hash=hash_pin("1111")))
    return engine


def console_events(engine) -> list[tuple[str, dict]]:
    with engine.connect() as conn:
        rows = conn.execute(select(PackEvent.type, PackEvent.payload).where(PackEvent.station == "SUP-TEST")
                            .order_by(PackEvent.seq)).all()
    return [(kind, json.loads(payload)) for kind, payload in rows]


def user(engine, name: str):
    with engine.connect() as conn:
        return conn.execute(select(User.failed_pin_attempts, User.locked_until).where(User.name == name)).one()


def test_a_supervisor_signs_in_by_badge_scan_or_name_and_the_console_records_it(pins):
    by_badge = access.sign_in(pins, "PS:BADGE:S-2001", "246810", console="SUP-TEST", now=NOW)
    by_name = access.sign_in(pins, "sam supervisor", "246810", console="SUP-TEST", now=NOW)
    assert by_badge == by_name and by_badge.role is Role.SUPERVISOR
    assert [k for k, _ in console_events(pins)] == ["supervisor_signed_in", "supervisor_signed_in"]


def test_a_packer_with_the_right_pin_is_still_refused(pins):
    with pytest.raises(access.AccessDenied, match="only supervisors and admins") as refused:
        access.sign_in(pins, "P-1001", "1111", console="SUP-TEST", now=NOW)
    assert refused.value.reason == "role"
    assert console_events(pins)[-1] == ("supervisor_sign_in_failed",
                                        {"who": "P-1001", "where": "console", "reason": "role"})


def test_five_wrong_pins_lock_the_account_for_15_minutes_even_against_the_right_pin(pins):
    """GIVEN a supervisor WHEN a wrong PIN is given five times THEN the account is locked for 15
    minutes: the right PIN is refused until then, accepted after, and the count starts again."""
    for attempt in range(1, 5):
        with pytest.raises(access.AccessDenied, match=f"{5 - attempt} more") as refused:
            access.sign_in(pins, "S-2001", "0000", console="SUP-TEST", now=NOW)
        assert refused.value.reason == "wrong_pin"
        assert user(pins, "Sam Supervisor").failed_pin_attempts == attempt
    with pytest.raises(access.AccessDenied, match="now locked") as locked:
        access.sign_in(pins, "S-2001", "0000", console="SUP-TEST", now=NOW)
    assert locked.value.locked_until == NOW + timedelta(minutes=15)
    with pytest.raises(access.AccessDenied, match="locked until") as still:
        access.sign_in(pins, "S-2001", "246810", console="SUP-TEST", now=NOW + timedelta(minutes=14))
    assert still.value.reason == "locked"
    assert access.sign_in(pins, "S-2001", "246810", console="SUP-TEST", now=NOW + timedelta(minutes=15, seconds=1))
    state = user(pins, "Sam Supervisor")
    assert state.failed_pin_attempts == 0 and state.locked_until is None
    kinds = [k for k, _ in console_events(pins)]
    assert kinds == ["supervisor_sign_in_failed"] * 4 + ["supervisor_locked_out", "supervisor_sign_in_failed",
                                                         "supervisor_signed_in"]
    assert all("246810" not in json.dumps(d) and "0000" not in json.dumps(d) for _, d in console_events(pins))


def test_a_right_pin_clears_earlier_failures(pins):
    for _ in range(3):
        with pytest.raises(access.AccessDenied):
            access.sign_in(pins, "S-2001", "9999", console="SUP-TEST", now=NOW)
    access.sign_in(pins, "S-2001", "246810", console="SUP-TEST", now=NOW)
    assert user(pins, "Sam Supervisor").failed_pin_attempts == 0


def test_unknown_people_and_people_without_a_pin_are_told_so(pins):
    with pytest.raises(access.AccessDenied, match="wrong") as unknown:
        access.sign_in(pins, "Nobody", "1234", console="SUP-TEST", now=NOW)
    assert unknown.value.reason == "unknown"
    with pytest.raises(access.AccessDenied, match="no PIN") as no_pin:
        access.sign_in(pins, "Priya Patel", "1234", console="SUP-TEST", now=NOW)
    assert no_pin.value.reason == "no_pin"
