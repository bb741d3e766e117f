"""Who may open the supervisor's console: supervisors and admins, with a PIN, locked after guesses.

The PIN check is the station's one PIN service (app.accounts.pins.PinService), as at the bench
and the admin gate: a person is found by badge (a scanned PS:BADGE: card or the bare id) or by
name; five wrong PINs in a row lock the account for 15 minutes ([accounts] in station.toml); a
right PIN clears the count; a packer's right PIN still gets no access; a supervisor's or admin's
PIN shorter than 6 digits must be replaced (`new_pin`). Every attempt is a pack event of the
console (supervisor_signed_in, supervisor_sign_in_failed, supervisor_locked_out, pin_changed).

The order is lock → PIN → role: a locked account is refused without looking at the PIN (no
guessing while locked), and the role is only revealed to someone who knows the PIN.
"""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine

from app.accounts.pins import BADGE_PREFIX, LOCK_MINUTES, MAX_FAILURES, PinRefused, PinService, for_this_station
from app.domain.model import Role
from app.supervisor.actions import Actor, record_event

__all__ = ["BADGE_PREFIX", "LOCK_MINUTES", "MAX_FAILURES", "AccessDenied", "Supervisor", "sign_in", "sign_out"]

_services: weakref.WeakKeyDictionary[Engine, PinService] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


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


def pin_service(engine: Engine, console: str) -> PinService:
    """The console's PIN service on this database (made once per engine)."""
    with _lock:
        service = _services.get(engine)
        if service is None:
            service = for_this_station(engine, station=console)
            _services[engine] = service
        return service


def sign_in(engine: Engine, who: str, pin: str, *, console: str, now: datetime | None = None,
            new_pin: str | None = None, pins: PinService | None = None) -> Supervisor:
    """The supervisor or admin with this badge or name and PIN; AccessDenied otherwise.

    AccessDenied.reason "must_change": the PIN is right but too short for a supervisor; call again
    with `new_pin`.
    """
    service = pins or pin_service(engine, console)
    service.station = console
    try:
        signed = service.sign_in(who, pin, where="console", need="supervisor", new_pin=new_pin, now=now)
    except PinRefused as refused:
        raise AccessDenied(refused.message, refused.reason, refused.locked_until) from None
    user = signed.user
    return Supervisor(user.id, user.name, user.role, user.badge)


def sign_out(engine: Engine, supervisor: Supervisor, *, console: str, why: str = "signed out") -> None:
    record_event(engine, console, supervisor.actor, "supervisor_signed_out", {"name": supervisor.name, "why": why})
