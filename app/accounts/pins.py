"""The one PIN service: every sign-in with a PIN goes through `PinService.sign_in`.

The bench's PIN sign-in, the admin gate in front of the station settings, the supervisor's
console (app.supervisor.access) and `packstation users change-pin` all call it; none of them
reads a PIN hash. What it does, in this order:

1. Find the person by badge (a scanned ``PS:BADGE:`` card or the bare id) or by name.
2. A locked account is refused without looking at the PIN (no guessing while locked).
3. The PIN is checked: at the central database when the station is networked and it answers
   (``ps_check_pin``: the server counts failures and locks, whatever the station does), else
   against the station's own copy, peppered with a key outside the database
   (app.accounts.pepper). A networked station keeps a copy only for people the central database
   confirmed at this station (``users.pin_verified_at``).
4. Wrong: one more failure, counted in the station database (two windows cannot both get five
   tries); at `max_failures` in a row the account is locked for `lock_minutes` (app clock).
5. Right: the count is cleared, then the role is checked (the admin gate wants an admin, the
   console a supervisor or admin): a role is revealed only to someone who knows the PIN.
6. A supervisor's or admin's PIN shorter than 6 digits must be changed now: the caller asks for
   a new one and calls again with `new_pin`.

Every failure, lockout, unlock and change is a pack event of the station (or console), so the
audit trail shows who tried, where, and when an account locked; no PIN is ever in one.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol

from sqlalchemy import Engine, func, insert, or_, select, update

from app.domain import clock
from app.domain.model import Role, User
from app.store.db import write_transaction
from app.store.models import PackEvent
from app.store.models import User as UserRow
from app.store.users import (
    PRIVILEGED_MIN_DIGITS,
    UserError,
    check_pin,
    hash_pin,
    is_peppered,
    pepper_stored,
    pin_digest,
    pin_too_short,
    stored_key_id,
    verify_pin,
)
from app.store.users import key_id as pepper_key_id
from app.store.values import as_utc

log = logging.getLogger(__name__)

USERS = UserRow.__table__
EVENTS = PackEvent.__table__
MAX_FAILURES = 5
LOCK_MINUTES = 15
BADGE_PREFIX = "PS:BADGE:"
PLACES = ("bench", "admin_gate", "console", "cli")


class PinRefused(Exception):  # noqa: N818 - reads as what happened, like PermissionError
    """No sign-in; `message` is for the person at the keyboard, `reason` for code and the audit.

    reason: unknown, no_pin, wrong_pin, locked, role, must_change, new_pin (the new PIN was refused).
    """

    def __init__(self, message: str, reason: str, locked_until: datetime | None = None,
                 user: User | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.reason = reason
        self.locked_until = locked_until
        self.user = user


@dataclass(frozen=True)
class SignedIn:
    user: User
    checked_by: str  # "central" or "station"
    changed_pin: bool = False


class CentralUnavailable(Exception):  # noqa: N818
    """The central database did not answer: the station checks its own copy."""


class CentralPins(Protocol):
    def check(self, who: str, pin: str) -> str:
        """"ok", "locked" or "wrong" (the server applied its lockout); CentralUnavailable when unreachable."""

    def change(self, who: str, pin: str, new_hash: str) -> str:
        """Set a new PIN (its plain scrypt hash) after checking the old one: "ok", "locked" or "wrong"."""


class PgCentralPins:
    """The central database's PIN functions (migration c0007), over a station connection.

    The station never sees a hash: it asks for the salt and cost (``ps_pin_params``, a made-up
    salt for unknown people), computes the scrypt digest of the typed PIN itself, and the server
    compares it and counts (``ps_check_pin``).
    """

    def __init__(self, connect: Callable[[], Any]) -> None:
        self.connect = connect

    def _call(self, fn: Callable[[Any], str]) -> str:
        from app.sync.pg import is_connection_error

        try:
            with self.connect() as conn:
                return fn(conn)
        except Exception as exc:
            if is_connection_error(exc):
                raise CentralUnavailable(str(exc)) from exc
            raise

    def _digest(self, conn: Any, who: str, pin: str) -> str:
        params = conn.execute("SELECT ps_pin_params(%s)", (who,)).fetchone()[0]
        return pin_digest(pin, params) or ""

    def check(self, who: str, pin: str) -> str:
        return self._call(lambda conn: conn.execute("SELECT ps_check_pin(%s, %s)",
                                                    (who, self._digest(conn, who, pin))).fetchone()[0])

    def change(self, who: str, pin: str, new_hash: str) -> str:
        return self._call(lambda conn: conn.execute("SELECT ps_change_pin(%s, %s, %s)",
                                                    (who, self._digest(conn, who, pin), new_hash)).fetchone()[0])


def central_pins_for(config: Any, config_file: Any = None) -> PgCentralPins | None:
    """The central PIN check of a networked station's configuration (None when standalone)."""
    if not getattr(config, "central_url", ""):
        return None
    from app.sync.pg import connect
    from app.sync.settings import settings_for

    settings = settings_for(config)
    return PgCentralPins(lambda: connect(settings, purpose="pins", station=config.station, config_file=config_file))


def for_this_station(engine: Engine, *, station: str | None = None) -> PinService:
    """The PIN service of the station folder this process runs in (PACKSTATION_HOME or the user's):
    its pepper, its [accounts] limits, its central database. For the console and the CLI."""
    from app.config import ConfigError, load_config, station_paths

    paths = station_paths()
    try:
        config = load_config(paths)
    except (ConfigError, OSError):
        config = None
    central = central_pins_for(config, paths.config_file) if config is not None else None
    return PinService.for_station(engine, config, paths.data_dir, central=central,
                                  station=station or (config.station if config is not None else None))


def identifier(who: str) -> str:
    text = " ".join((who or "").split())
    return text[len(BADGE_PREFIX):] if text.upper().startswith(BADGE_PREFIX) else text


class PinService:
    """PIN sign-in for one station database (see the module docstring)."""

    def __init__(self, engine: Engine, *, station: str, pepper: bytes, central: CentralPins | None = None,
                 networked: bool = False, max_failures: int = MAX_FAILURES, lock_minutes: int = LOCK_MINUTES,
                 prepare: bool = True) -> None:
        self.engine = engine
        self.station = station
        self.pepper = pepper
        self.central = central
        self.networked = networked or central is not None
        self.max_failures = max_failures
        self.lock_minutes = lock_minutes
        if prepare:
            self.protect_stored()

    @classmethod
    def for_station(cls, engine: Engine, config: Any, data_dir: Any, *, central: CentralPins | None = None,
                    station: str | None = None) -> PinService:
        """The service of a station folder: its pepper, its configured limits, its central link."""
        from app.accounts.pepper import load_pepper

        pepper = load_pepper(data_dir)
        assert pepper is not None
        return cls(engine, station=str(station or getattr(config, "station", "STATION")), pepper=pepper.key,
                   central=central,
                   networked=bool(getattr(config, "central_url", "")),
                   max_failures=getattr(config, "pin_max_failures", MAX_FAILURES),
                   lock_minutes=getattr(config, "pin_lock_minutes", LOCK_MINUTES))

    # ------------------------------------------------------------ the station's copy

    def protect_stored(self) -> int:
        """Pepper every plain PIN hash in the station database; on a networked station drop the
        copies the central database never confirmed here (older versions pulled everyone's)."""
        changed = 0
        with write_transaction(self.engine) as conn:
            if self.networked:
                changed += conn.execute(update(USERS).where(USERS.c.pin_hash.is_not(None),
                                                            USERS.c.pin_verified_at.is_(None))
                                        .values(pin_hash=None)).rowcount or 0
            rows = conn.execute(select(USERS.c.id, USERS.c.pin_hash).where(USERS.c.pin_hash.is_not(None))).all()
            for user_id, stored in rows:
                if is_peppered(stored):
                    continue
                try:
                    wrapped = pepper_stored(stored, self.pepper)
                except UserError:
                    wrapped = None  # not a PIN this version can check: nobody could sign in with it
                conn.execute(update(USERS).where(USERS.c.id == user_id).values(pin_hash=wrapped))
                changed += 1
        return changed

    def sign_in_names(self) -> list[str]:
        """Names for the bench's sign-in list: active packers with a PIN. Supervisors and admins are
        never listed (they scan their badge or type their name)."""
        with self.engine.connect() as conn:
            return list(conn.scalars(select(USERS.c.name).where(
                USERS.c.active.is_(True), USERS.c.role == Role.PACKER.value,
                USERS.c.pin_hash.is_not(None)).order_by(USERS.c.name)))

    # ------------------------------------------------------------ signing in

    def _find(self, ident: str) -> Any:
        if not ident:
            return None
        with self.engine.connect() as conn:
            rows = conn.execute(select(USERS).where(
                USERS.c.active.is_(True),
                or_(USERS.c.badge == ident.upper(), func.lower(USERS.c.name) == ident.lower()))).all()
        # A badge wins over a name that happens to read the same.
        return next((r for r in rows if r.badge == ident.upper()), rows[0] if rows else None)

    def sign_in(self, who: str, pin: str, *, where: str, need: str = "", new_pin: str | None = None,
                change: bool = False, now: datetime | None = None) -> SignedIn:
        """The user with this badge or name and PIN; PinRefused otherwise.

        need: "" (anyone), "admin" (the admin gate) or "supervisor" (a supervisor or an admin).
        """
        now = now or clock.now()
        ident = identifier(who)
        row = self._find(ident)
        if row is None:
            self._event(where, None, "sign_in_failed", {"who": ident[:64], "where": where, "reason": "unknown"})
            raise PinRefused(_wrong(where), "unknown")
        user = User(id=row.id, name=row.name, role=Role(row.role), badge=row.badge)
        locked_until = as_utc(row.locked_until)
        if locked_until is not None and locked_until > now:
            self._event(where, user, "sign_in_failed", {"who": ident, "where": where, "reason": "locked"})
            raise PinRefused(_locked(user.name, locked_until, self.max_failures), "locked", locked_until, user)

        checked_by, verdict = self._check(row, user, pin, where)
        if verdict == "locked":  # the central database locked it (here or at another station)
            locked_for = now + timedelta(minutes=self.lock_minutes)
            self._lock(row.id, locked_for)
            self._event(where, user, "locked_out", {"who": ident, "where": where, "by": "central"})
            raise PinRefused(f"{user.name} is locked after {self.max_failures} wrong PINs. Wait "
                             f"{self.lock_minutes} minutes, or ask an admin.", "locked", locked_for, user)
        if verdict == "no_pin":
            self._event(where, user, "sign_in_failed", {"who": ident, "where": where, "reason": "no_pin"})
            raise PinRefused(f"{user.name} has no PIN at this station yet. An admin sets one with "
                             "`packstation users change-pin`, or sign in with your badge.", "no_pin", user=user)
        if verdict == "wrong":
            failures, until = self._count_failure(row.id, now)
            if until is not None:
                self._event(where, user, "locked_out", {"who": ident, "where": where, "until": until.isoformat(),
                                                        "failures": failures})
                raise PinRefused(f"Wrong PIN. {user.name} is now locked until {_local(until)}.", "locked",
                                 until, user)
            self._event(where, user, "sign_in_failed", {"who": ident, "where": where, "reason": "wrong_pin",
                                                        "failures": failures})
            left = self.max_failures - failures
            raise PinRefused(f"{_wrong(where)} {left} more tr{'y' if left == 1 else 'ies'} before the account "
                             "locks.", "wrong_pin", user=user)

        self._clear(row.id, pin, checked_by, now)
        if need == "admin" and user.role is not Role.ADMIN or need == "supervisor" and not user.role.can_override:
            self._event(where, user, "sign_in_failed", {"who": ident, "where": where, "reason": "role"})
            wanted = "an admin" if need == "admin" else "supervisors and admins"
            raise PinRefused(f"{user.name} is a {user.role.value}: only {wanted} may open this.", "role", user=user)
        changed = False
        if change or pin_too_short(pin, user.role):
            if new_pin is None:
                raise PinRefused(f"{user.name}, a {user.role.value}'s PIN now needs {PRIVILEGED_MIN_DIGITS} digits "
                                 "or more: choose a new one.", "must_change", user=user)
            self._change(row, user, pin, new_pin, where)
            changed = True
        self._event(where, user, "signed_in", {"name": user.name, "role": user.role.value, "where": where})
        return SignedIn(user, checked_by, changed)

    def change_pin(self, who: str, pin: str, new_pin: str, *, where: str) -> SignedIn:
        """Check the current PIN (with the lockout), then set `new_pin` (6+ digits for supervisors/admins)."""
        return self.sign_in(who, pin, where=where, new_pin=new_pin, change=True)

    def unlock(self, who: str, *, by: str, where: str = "cli") -> bool:
        """Clear a lock and the failure count (an admin's decision, in the audit trail)."""
        row = self._find(identifier(who))
        if row is None:
            return False
        with write_transaction(self.engine) as conn:
            conn.execute(update(USERS).where(USERS.c.id == row.id).values(failed_pin_attempts=0, locked_until=None))
        user = User(id=row.id, name=row.name, role=Role(row.role), badge=row.badge)
        self._event(where, user, "unlocked", {"who": row.name, "by": by, "where": where})
        return True

    # ------------------------------------------------------------ the steps

    def _check(self, row: Any, user: User, pin: str, where: str) -> tuple[str, str]:
        """(checked_by, verdict): verdict ok, wrong, locked or no_pin."""
        if self.central is not None:
            try:
                return "central", self.central.check(row.name, pin)
            except CentralUnavailable as exc:
                log.info("central database unreachable for a PIN check (%s): using the station's copy", exc)
        stored = row.pin_hash
        if not stored:
            return "station", "no_pin"
        if is_peppered(stored) and stored_key_id(stored) != pepper_key_id(self.pepper):
            log.warning("the PIN of %s was stored with another PIN pepper (%s): it cannot be checked here",
                        row.name, stored_key_id(stored))
            return "station", "no_pin"
        if not is_peppered(stored):
            stored = pepper_stored(stored, self.pepper)  # written by a tool since the service started
        return "station", "ok" if verify_pin(pin, stored, self.pepper) else "wrong"

    def _change(self, row: Any, user: User, pin: str, new_pin: str, where: str) -> None:
        try:
            check_pin(new_pin, user.role)
        except UserError as exc:
            raise PinRefused(f"New PIN refused: {exc}.", "new_pin", user=user) from None
        if new_pin == pin:
            raise PinRefused("New PIN refused: choose a PIN you have not used.", "new_pin", user=user)
        plain = hash_pin(new_pin)
        if self.central is not None:
            try:
                verdict = self.central.change(row.name, pin, plain)
            except CentralUnavailable:
                raise PinRefused("The central database is out of reach: a PIN can be changed only while it "
                                 "answers. Try again later.", "new_pin", user=user) from None
            if verdict != "ok":
                raise PinRefused(_wrong(where), "wrong_pin" if verdict == "wrong" else "locked", user=user)
        with write_transaction(self.engine) as conn:
            conn.execute(update(USERS).where(USERS.c.id == row.id).values(
                pin_hash=pepper_stored(plain, self.pepper),
                pin_verified_at=clock.now() if self.central is not None else row.pin_verified_at))
        self._event(where, user, "pin_changed", {"who": user.name, "where": where})

    def _count_failure(self, user_id: int, now: datetime) -> tuple[int, datetime | None]:
        """One more wrong PIN, counted in the database (two windows cannot both get five tries)."""
        with write_transaction(self.engine) as conn:
            conn.execute(update(USERS).where(USERS.c.id == user_id)
                         .values(failed_pin_attempts=func.coalesce(USERS.c.failed_pin_attempts, 0) + 1))
            failures = int(conn.execute(select(USERS.c.failed_pin_attempts)
                                        .where(USERS.c.id == user_id)).scalar() or 0)
            if failures < self.max_failures:
                return failures, None
            until = now + timedelta(minutes=self.lock_minutes)
            conn.execute(update(USERS).where(USERS.c.id == user_id).values(failed_pin_attempts=0, locked_until=until))
            return failures, until

    def _lock(self, user_id: int, until: datetime) -> None:
        with write_transaction(self.engine) as conn:
            conn.execute(update(USERS).where(USERS.c.id == user_id).values(failed_pin_attempts=0, locked_until=until))

    def _clear(self, user_id: int, pin: str, checked_by: str, now: datetime) -> None:
        values: dict[str, Any] = {"failed_pin_attempts": 0, "locked_until": None}
        if checked_by == "central":  # the station keeps this person's PIN for offline sign-in, peppered
            values.update(pin_hash=hash_pin(pin, self.pepper), pin_verified_at=now)
        with write_transaction(self.engine) as conn:
            conn.execute(update(USERS).where(USERS.c.id == user_id).values(**values))

    def _event(self, where: str, user: User | None, kind: str, data: dict[str, Any]) -> None:
        """A pack event: the console keeps its supervisor_* names, the others pin_*."""
        prefix = "supervisor_" if where == "console" else "pin_"
        name = kind if kind.startswith("pin_") else prefix + kind
        with write_transaction(self.engine) as conn:
            conn.execute(insert(EVENTS).values(
                uuid=str(uuid.uuid4()), station=self.station, packer_id=user.id if user else None, order_id=None,
                type=name, payload=json.dumps(data, separators=(",", ":"), ensure_ascii=False), at=clock.now()))


def _wrong(where: str) -> str:
    return "Name, badge or PIN is wrong." if where == "console" else "Name or PIN is wrong."


def _local(moment: datetime) -> str:
    return moment.astimezone(clock.local_zone()).strftime("%H:%M")


def _locked(name: str, until: datetime, failures: int) -> str:
    return f"{name} is locked until {_local(until)} after {failures} wrong PINs. Wait, or ask an admin."
