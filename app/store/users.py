"""Packers, supervisors and admins: adding them, and their PINs.

A PIN is stored as "scrypt$n$r$p$salt$hash" (salt and hash in base64): a random 16-byte
salt per PIN, the cost parameters kept with the hash so that they can be raised later
without breaking stored PINs, and a constant-time comparison. That is the central database's
form (its station roles cannot read the column; app.accounts.pins asks a server-side function).

A 4-digit PIN has only 10,000 values: scrypt alone slows an offline guesser down, it does not
stop one (one was recovered in 88 s). So a station keeps its copy *peppered*:
"scrypt-pepper$keyid$n$r$p$salt$mac", where mac = HMAC-SHA256(pepper, scrypt digest) and the
pepper is a random key held outside the database (the OS keyring, see app.accounts.pepper). A
copied station database alone gives nothing to guess against. `pepper_stored` turns a plain
hash into the peppered form without knowing the PIN. Supervisors and admins need 6 or more
digits (`check_pin(pin, role)`); guessing at the bench is stopped by the lockout of
app.accounts.pins.
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
PEPPERED = "scrypt-pepper"
# n=2**14, r=8: 16 MiB and about 50 ms per hash: fine at a bench, costly for a guesser.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
SALT_BYTES, HASH_BYTES = 16, 32
MAX_N = 2**20  # a stored string may not ask for more than 1 GiB of work memory
PIN = re.compile(r"[0-9]{4,12}")
PRIVILEGED_MIN_DIGITS = 6  # supervisors and admins: a million values, not ten thousand
BADGE = re.compile(r"[A-Z0-9-]{1,32}")  # what a PS:BADGE: barcode may carry (docs/barcodes.md)
NAME_LENGTH = 128


class UserError(ValueError):
    """A user cannot be added as asked; the message says why, for the person at the keyboard."""


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(pin.encode("ascii"), salt=salt, n=n, r=r, p=p, dklen=HASH_BYTES,
                          maxmem=256 * n * r + 1024 * 1024)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def is_privileged(role: Role | str | None) -> bool:
    try:
        return role is not None and Role(str(role).strip().lower()).can_override
    except ValueError:
        return False


def check_pin(pin: str, role: Role | str | None = None) -> str:
    """The PIN, if it is acceptable for a user of `role`; UserError otherwise."""
    if not isinstance(pin, str) or not PIN.fullmatch(pin):
        raise UserError("a PIN must be 4 to 12 digits")
    if is_privileged(role) and len(pin) < PRIVILEGED_MIN_DIGITS:
        raise UserError(f"a supervisor's or admin's PIN must be {PRIVILEGED_MIN_DIGITS} to 12 digits")
    return pin


def pin_too_short(pin: str, role: Role | str | None) -> bool:
    """A PIN that signed in but must be changed: a supervisor's or admin's shorter than 6 digits."""
    return is_privileged(role) and len(pin) < PRIVILEGED_MIN_DIGITS


def key_id(pepper: bytes) -> str:
    """Which pepper a stored PIN was made with (not the pepper: 8 hex digits of its SHA-256)."""
    return hashlib.sha256(b"packstation pin pepper " + pepper).hexdigest()[:8]


def _mac(pepper: bytes, digest: bytes) -> bytes:
    return hmac.new(pepper, digest, hashlib.sha256).digest()


def hash_pin(pin: str, pepper: bytes | None = None) -> str:
    """A new stored PIN: plain scrypt (the central database's form) or peppered (a station's)."""
    check_pin(pin)
    salt = secrets.token_bytes(SALT_BYTES)
    digest = _scrypt(pin, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    plain = f"{SCHEME}${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${_b64(salt)}${_b64(digest)}"
    return plain if pepper is None else pepper_stored(plain, pepper)


def is_peppered(stored: str | None) -> bool:
    return isinstance(stored, str) and stored.startswith(PEPPERED + "$")


def pepper_stored(stored: str, pepper: bytes) -> str:
    """The peppered form of a plain stored PIN (no PIN needed); a peppered one is returned as it is."""
    if is_peppered(stored):
        return stored
    parsed = _parse(stored)
    if parsed is None:
        raise UserError("not a stored PIN this version understands")
    n, r, p, salt, digest = parsed
    return f"{PEPPERED}${key_id(pepper)}${n}${r}${p}${_b64(salt)}${_b64(_mac(pepper, digest))}"


def stored_key_id(stored: str | None) -> str | None:
    """The key id of a peppered stored PIN, else None."""
    if not is_peppered(stored):
        return None
    assert stored is not None
    parts = stored.split("$")
    return parts[1] if len(parts) == 7 else None


def _parse(stored: str) -> tuple[int, int, int, bytes, bytes] | None:
    parts = stored.split("$") if isinstance(stored, str) else []
    if len(parts) == 7 and parts[0] == PEPPERED:
        parts = [SCHEME, *parts[2:]]
    if len(parts) != 6 or parts[0] != SCHEME:
        return None
    try:
        n, r, p = int(parts[1]), int(parts[2]), int(parts[3])
        salt, expected = base64.b64decode(parts[4], validate=True), base64.b64decode(parts[5], validate=True)
    except (ValueError, binascii.Error):
        return None
    if not (2 <= n <= MAX_N and n & (n - 1) == 0 and 1 <= r <= 32 and 1 <= p <= 16 and salt and expected):
        return None
    return n, r, p, salt, expected


def pin_params(stored: str) -> str | None:
    """"scrypt$n$r$p$salt": what a client needs to compute `pin_digest` (never the hash itself)."""
    parsed = _parse(stored)
    if parsed is None:
        return None
    n, r, p, salt, _ = parsed
    return f"{SCHEME}${n}${r}${p}${_b64(salt)}"


def pin_digest(pin: str, params: str, length: int = HASH_BYTES) -> str | None:
    """The base64 scrypt digest of `pin` under `params` (from pin_params or the central database)."""
    parsed = _parse(f"{params}${_b64(bytes(length))}")
    if parsed is None or not isinstance(pin, str) or not PIN.fullmatch(pin):
        return None
    n, r, p, salt, _ = parsed
    try:
        return _b64(hashlib.scrypt(pin.encode("ascii"), salt=salt, n=n, r=r, p=p, dklen=length,
                                   maxmem=256 * n * r + 1024 * 1024))
    except (ValueError, MemoryError):
        return None


def verify_pin(pin: str, stored: str, pepper: bytes | None = None) -> bool:
    """True when `pin` is the one `stored` was made from. Never raises: a bad string is a no.

    A peppered stored PIN needs the pepper it was made with; without it (a copied database)
    the answer is always no.
    """
    if not isinstance(pin, str) or not PIN.fullmatch(pin) or not isinstance(stored, str):
        return False
    parsed = _parse(stored)
    if parsed is None:
        return False
    peppered = is_peppered(stored)
    if peppered and (pepper is None or stored_key_id(stored) != key_id(pepper)):
        return False
    n, r, p, salt, expected = parsed
    try:
        actual = hashlib.scrypt(pin.encode("ascii"), salt=salt, n=n, r=r, p=p,
                                dklen=HASH_BYTES if peppered else len(expected),
                                maxmem=256 * n * r + 1024 * 1024)
    except (ValueError, MemoryError):
        return False
    if peppered:
        assert pepper is not None
        actual = _mac(pepper, actual)
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
             pin: str | None = None, *, pepper: bytes | None = None) -> int:
    """Add a user and return their id; UserError explains any refusal.

    Give the station's `pepper` (app.accounts.pepper) to store the PIN peppered at once;
    without it the PIN is stored plain and peppered by the PIN service on its first start.
    """
    clean_name, clean_role = _clean_name(name), _role(role)
    clean_badge = normalise_badge(badge) if badge is not None and badge.strip() else None
    pin_hash = hash_pin(check_pin(pin, clean_role), pepper) if pin is not None else None
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
