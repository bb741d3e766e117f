"""Packers, supervisors and admins: adding them, and their PINs.

A PIN is stored as "scrypt$n$r$p$salt$hash" (salt and hash in base64): a random 16-byte
salt per PIN, the cost parameters kept with the hash so that they can be raised later
without breaking stored PINs, and a constant-time comparison. A 4-digit PIN has only
10,000 values, so the hash slows an offline guesser down; the station's own defence against
guessing at the bench is that it asks for a PIN only after a badge scan.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re
import secrets
import unicodedata

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from app.domain.model import Role
from app.store.models import User

SCHEME = "scrypt"
# n=2**14, r=8: 16 MiB and about 50 ms per hash: fine at a bench, costly for a guesser.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
SALT_BYTES, HASH_BYTES = 16, 32
MAX_N = 2**20  # a stored string may not ask for more than 1 GiB of work memory
PIN = re.compile(r"[0-9]{4,12}")
BADGE = re.compile(r"[A-Z0-9-]{1,32}")  # what a PS:BADGE: barcode may carry (docs/barcodes.md)
NAME_LENGTH = 128


class UserError(ValueError):
    """A user cannot be added as asked; the message says why, for the person at the keyboard."""


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(pin.encode("ascii"), salt=salt, n=n, r=r, p=p, dklen=HASH_BYTES,
                          maxmem=256 * n * r + 1024 * 1024)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def check_pin(pin: str) -> str:
    if not isinstance(pin, str) or not PIN.fullmatch(pin):
        raise UserError("a PIN must be 4 to 12 digits")
    return pin


def hash_pin(pin: str) -> str:
    check_pin(pin)
    salt = secrets.token_bytes(SALT_BYTES)
    digest = _scrypt(pin, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return f"{SCHEME}${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${_b64(salt)}${_b64(digest)}"


def verify_pin(pin: str, stored: str) -> bool:
    """True when `pin` is the one `stored` was made from. Never raises: a bad string is a no."""
    if not isinstance(pin, str) or not PIN.fullmatch(pin) or not isinstance(stored, str):
        return False
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != SCHEME:
        return False
    try:
        n, r, p = int(parts[1]), int(parts[2]), int(parts[3])
        salt, expected = base64.b64decode(parts[4], validate=True), base64.b64decode(parts[5], validate=True)
    except (ValueError, binascii.Error):
        return False
    if not (2 <= n <= MAX_N and n & (n - 1) == 0 and 1 <= r <= 32 and 1 <= p <= 16 and salt and expected):
        return False
    try:
        actual = hashlib.scrypt(pin.encode("ascii"), salt=salt, n=n, r=r, p=p, dklen=len(expected),
                                maxmem=256 * n * r + 1024 * 1024)
    except (ValueError, MemoryError):
        return False
    return hmac.compare_digest(actual, expected)


def normalise_badge(badge: str) -> str:
    value = badge.strip().upper()
    if not BADGE.fullmatch(value):
        raise UserError(f"badge {badge!r} must be 1 to 32 letters A-Z, digits or '-' (e.g. P-1003)")
    return value


def _clean_name(name: str) -> str:
    value = " ".join(name.split())  # also turns tabs and newlines into single spaces
    if not value:
        raise UserError("a user needs a name")
    if len(value) > NAME_LENGTH:
        raise UserError(f"name is {len(value)} characters long; the most is {NAME_LENGTH}")
    if any(unicodedata.category(ch) in ("Cc", "Cf") for ch in value):
        raise UserError("name has an invisible or control character")
    return value


def _role(role: str) -> Role:
    try:
        return Role(role.strip().lower())
    except ValueError:
        raise UserError(f"role {role!r} must be one of {', '.join(r.value for r in Role)}") from None


def add_user(sessions: sessionmaker[Session], name: str, role: str, badge: str | None = None,
             pin: str | None = None) -> int:
    """Add a user and return their id; UserError explains any refusal."""
    clean_name, clean_role = _clean_name(name), _role(role)
    clean_badge = normalise_badge(badge) if badge is not None and badge.strip() else None
    pin_hash = hash_pin(check_pin(pin)) if pin is not None else None
    with sessions.begin() as session:
        _refuse_duplicates(session, clean_name, clean_badge)
        user = User(name=clean_name, role=clean_role.value, badge=clean_badge, pin_hash=pin_hash, active=True)
        session.add(user)
        try:
            session.flush()
        except IntegrityError:  # added by another station between our check and our insert
            raise UserError(f"a user named {clean_name!r} or with badge {clean_badge} already exists") from None
        return user.id


def _refuse_duplicates(session: Session, name: str, badge: str | None) -> None:
    # Names are compared without case: "alex packer" and "Alex Packer" are one person on a screen.
    found = session.scalar(select(User.name).where(func.lower(User.name) == name.lower()))
    if found is not None:
        raise UserError(f"a user named {found!r} already exists")
    if badge is not None:
        holder = session.scalar(select(User.name).where(User.badge == badge))
        if holder is not None:
            raise UserError(f"badge {badge} already belongs to {holder}")
