"""Who may open the supervisor's console: supervisors and admins, with a PIN, locked after guesses.

A person is found by badge (a scanned PS:BADGE: card or the bare id) or by name, then their PIN
is checked with app.store.users.verify_pin. MAX_FAILURES wrong PINs in a row lock the account
for LOCK_MINUTES (users.failed_pin_attempts, users.locked_until); a right PIN clears the count.
A packer's right PIN still gets no access. Every attempt is a pack event of the console, so the
audit trail shows who opened the console, who failed and when an account was locked.

The check is deliberately in the order lock → PIN → role: a locked account is refused without
looking at the PIN (no guessing while locked), and the role is only revealed to someone who
knows the PIN.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Engine, func, or_, select, update

from app.domain import clock
from app.domain.model import Role
from app.store.db import write_transaction
from app.store.models import User
from app.store.users import verify_pin
from app.store.values import as_utc
from app.supervisor.actions import Actor, record_event

USERS = User.__table__
MAX_FAILURES = 5
LOCK_MINUTES = 15
BADGE_PREFIX = "PS:BADGE:"


class AccessDenied(Exception):  # noqa: N818 - reads as what happened, like PermissionError
    """The console stays closed; `message` is for the person at the keyboard."""

    def __init__(self, message: str, reason: str, locked_until: datetime | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.reason = reason  # unknown, no_pin, wrong_pin, locked, role
        self.locked_until = locked_until


@dataclass(frozen=True)
class Supervisor:
    id: int
    name: str
    role: Role
    badge: str | None

    @property
    def actor(self) -> Actor:
        return Actor(self.id, self.name)


def _identifier(who: str) -> str:
    text = who.strip()
    return text[len(BADGE_PREFIX):] if text.upper().startswith(BADGE_PREFIX) else text


def sign_in(engine: Engine, who: str, pin: str, *, console: str, now: datetime | None = None) -> Supervisor:
    """The supervisor or admin with this badge or name and PIN; AccessDenied otherwise."""
    now = now or clock.now()
    ident = _identifier(who)
    with engine.connect() as conn:
        row = conn.execute(select(USERS).where(
            USERS.c.active.is_(True),
            or_(USERS.c.badge == ident.upper(), func.lower(USERS.c.name) == ident.lower()))).first()
    if row is None:
        record_event(engine, console, None, "supervisor_sign_in_failed", {"who": ident, "reason": "unknown"})
        raise AccessDenied("Name, badge or PIN is wrong.", "unknown")
    actor = Actor(row.id, row.name)
    locked_until = as_utc(row.locked_until)
    if locked_until is not None and locked_until > now:
        record_event(engine, console, actor, "supervisor_sign_in_failed", {"who": ident, "reason": "locked"})
        local = locked_until.astimezone().strftime("%H:%M")
        raise AccessDenied(f"{row.name} is locked until {local} after {MAX_FAILURES} wrong PINs. "
                           "Wait, or ask an admin.", "locked", locked_until)
    if not row.pin_hash:
        record_event(engine, console, actor, "supervisor_sign_in_failed", {"who": ident, "reason": "no_pin"})
        raise AccessDenied(f"{row.name} has no PIN yet. An admin sets one with `packstation users`.", "no_pin")
    if not verify_pin(pin, row.pin_hash):  # scrypt: about 50 ms, outside any transaction
        failures, until = _count_failure(engine, row.id, now)
        if until is not None:
            record_event(engine, console, actor, "supervisor_locked_out",
                         {"who": ident, "until": until.isoformat(), "failures": MAX_FAILURES})
            local = until.astimezone().strftime("%H:%M")
            raise AccessDenied(f"Wrong PIN. {row.name} is now locked until {local}.", "locked", until)
        record_event(engine, console, actor, "supervisor_sign_in_failed",
                     {"who": ident, "reason": "wrong_pin", "failures": failures})
        left = MAX_FAILURES - failures
        raise AccessDenied(f"Name, badge or PIN is wrong. {left} more tr{'y' if left == 1 else 'ies'} "
                           "before the account locks.", "wrong_pin")
    with write_transaction(engine) as conn:
        conn.execute(update(USERS).where(USERS.c.id == row.id).values(failed_pin_attempts=0, locked_until=None))
    role = Role(row.role)
    if not role.can_override:
        record_event(engine, console, actor, "supervisor_sign_in_failed", {"who": ident, "reason": "role"})
        raise AccessDenied(f"{row.name} is a {role.value}: only supervisors and admins may open this.", "role")
    record_event(engine, console, actor, "supervisor_signed_in", {"name": row.name, "role": role.value})
    return Supervisor(row.id, row.name, role, row.badge)


def _count_failure(engine: Engine, user_id: int, now: datetime) -> tuple[int, datetime | None]:
    """One more wrong PIN, counted in the database (two consoles cannot both get 5 tries)."""
    with write_transaction(engine) as conn:
        conn.execute(update(USERS).where(USERS.c.id == user_id)
                     .values(failed_pin_attempts=func.coalesce(USERS.c.failed_pin_attempts, 0) + 1))
        failures = int(conn.execute(select(USERS.c.failed_pin_attempts).where(USERS.c.id == user_id)).scalar() or 0)
        if failures < MAX_FAILURES:
            return failures, None
        until = now + timedelta(minutes=LOCK_MINUTES)
        conn.execute(update(USERS).where(USERS.c.id == user_id).values(failed_pin_attempts=0, locked_until=until))
        return failures, until


def sign_out(engine: Engine, supervisor: Supervisor, *, console: str, why: str = "signed out") -> None:
    record_event(engine, console, supervisor.actor, "supervisor_signed_out", {"name": supervisor.name, "why": why})
