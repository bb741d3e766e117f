"""Users: PIN hashing and checking, adding packers, supervisors and admins with clear refusals."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.store.models import User
from app.store.users import UserError, add_user, hash_pin, verify_pin
from tests.fixtures.station_db import station_database


@pytest.fixture
def sessions(tmp_path):
    engine, sessions = station_database(tmp_path)
    yield sessions
    engine.dispose()


def stored(sessions, name: str) -> User:
    with sessions() as db:
        return db.scalars(select(User).where(User.name == name)).one()


# ------------------------------------------------------------------ PINs


def test_a_pin_verifies_against_its_hash_and_a_wrong_one_does_not():
    """GIVEN the hash of PIN 2468
    WHEN checked with 2468, 2469 and 24680
    THEN only 2468 verifies."""
    stored_hash = hash_pin("2468")

    assert verify_pin("2468", stored_hash)
    assert not verify_pin("2469", stored_hash)
    assert not verify_pin("24680", stored_hash)


def test_the_hash_is_salted_scrypt_with_its_parameters_and_no_pin_in_it():
    """GIVEN the same PIN hashed twice
    WHEN the strings are compared
    THEN they differ (random salt), name scrypt and its cost, and do not contain the PIN."""
    first, second = hash_pin("135790"), hash_pin("135790")

    assert first != second
    scheme, n, r, p, salt, digest = first.split("$")
    assert (scheme, n, r, p) == ("scrypt", "16384", "8", "1")
    assert len(salt) == 24 and len(digest) == 44  # 16 and 32 bytes in base64
    assert "135790" not in first


@pytest.mark.parametrize("pin", ["123", "1234567890123", "12a4", "", " 1234", "١٢٣٤"])
def test_a_pin_must_be_4_to_12_ascii_digits(pin):
    """GIVEN a PIN too short, too long, with letters, spaces or non-ASCII digits
    WHEN hashed
    THEN UserError; and verifying it never succeeds."""
    with pytest.raises(UserError, match="4 to 12 digits"):
        hash_pin(pin)
    assert not verify_pin(pin, hash_pin("1234"))


@pytest.mark.parametrize(
    "bad",
    ["", "plain-1234", "scrypt$16384$8$1$!!!$AAAA", "scrypt$3$8$1$AAAA$AAAA", "scrypt$16384$8$1$$",
     "scrypt$1099511627776$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAA", "bcrypt$16384$8$1$AAAA$AAAA"],
)
def test_a_damaged_or_foreign_hash_is_a_no_not_a_crash(bad):
    """GIVEN a stored string that is not one of ours, or asks for absurd work
    WHEN a PIN is checked against it
    THEN False, quickly, without an exception."""
    assert verify_pin("1234", bad) is False


# ------------------------------------------------------------------ adding users


def test_add_user_stores_role_badge_in_capitals_and_a_pin_hash(sessions):
    """GIVEN a supervisor with badge s-2001 and PIN 246810
    WHEN added
    THEN the id comes back, the badge is upper-case and the PIN verifies against the stored hash."""
    user_id = add_user(sessions, "  Sam   Supervisor ", "supervisor", badge="s-2001", pin="246810")

    sam = stored(sessions, "Sam Supervisor")
    assert (sam.id, sam.role, sam.badge, sam.active) == (user_id, "supervisor", "S-2001", True)
    assert verify_pin("246810", sam.pin_hash) and not verify_pin("864210", sam.pin_hash)


def test_a_packer_needs_neither_badge_nor_pin(sessions):
    """GIVEN a packer with only a name
    WHEN added
    THEN stored without badge and PIN."""
    add_user(sessions, "Alex Packer", "packer")

    alex = stored(sessions, "Alex Packer")
    assert (alex.badge, alex.pin_hash) == (None, None)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"name": "Alex", "role": "boss"}, "role 'boss' must be one of packer, supervisor, admin"),
        ({"name": "", "role": "packer"}, "a user needs a name"),
        ({"name": "A" * 129, "role": "packer"}, "name is 129 characters long; the most is 128"),
        ({"name": "Al\u200bex", "role": "packer"}, "invisible or control character"),
        ({"name": "Alex", "role": "packer", "badge": "P 1003"}, "badge 'P 1003' must be 1 to 32 letters"),
        ({"name": "Alex", "role": "packer", "badge": "P-1003;"}, "must be 1 to 32 letters A-Z, digits or '-'"),
        ({"name": "Alex", "role": "packer", "badge": "X" * 33}, "must be 1 to 32 letters"),
        ({"name": "Alex", "role": "admin", "pin": "12"}, "a PIN must be 4 to 12 digits"),
    ],
)
def test_bad_values_are_refused_clearly(sessions, kwargs, message):
    """GIVEN a bad role, name, badge or PIN
    WHEN added
    THEN UserError says what is wrong and nothing is stored."""
    with pytest.raises(UserError, match=message.replace("(", r"\(").replace(")", r"\)")):
        add_user(sessions, **kwargs)
    with sessions() as db:
        assert db.scalars(select(User)).all() == []


def test_a_name_already_taken_is_refused_whatever_its_case(sessions):
    """GIVEN Alex Packer
    WHEN "alex packer" is added
    THEN refused, naming the existing user."""
    add_user(sessions, "Alex Packer", "packer")

    with pytest.raises(UserError, match="a user named 'Alex Packer' already exists"):
        add_user(sessions, "alex packer", "packer")


def test_a_badge_already_taken_is_refused(sessions):
    """GIVEN badge P-1001 on Alex
    WHEN Priya is added with badge p-1001
    THEN refused, naming Alex."""
    add_user(sessions, "Alex Packer", "packer", badge="P-1001")

    with pytest.raises(UserError, match="badge P-1001 already belongs to Alex Packer"):
        add_user(sessions, "Priya Patel", "packer", badge="p-1001")
