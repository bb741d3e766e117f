"""Who is at the bench: PIN sign-in and the admin check, run on the station worker.

PINs are checked by app.store.users.verify_pin (hashing lives with the store). Until that module
is present, PIN sign-in is reported unavailable and badges are the only way in.
"""

from __future__ import annotations

import importlib.util
from typing import TYPE_CHECKING, Any

from app.domain.model import Role, User
from app.domain.scan import ScanKind, parse_scan

if TYPE_CHECKING:  # imported for real inside the functions: they run on the worker, not at GUI start
    from sqlalchemy.orm import Session, sessionmaker


def pin_sign_in_available() -> bool:
    try:
        return importlib.util.find_spec("app.store.users") is not None
    except (ImportError, ValueError):
        return False


def user_names(sessions: sessionmaker[Session]) -> list[str]:
    """Active users who have a PIN, for the sign-in list."""
    from sqlalchemy import select

    from app.store import models as t

    with sessions() as db:
        return list(db.scalars(select(t.User.name).where(t.User.active.is_(True), t.User.pin_hash.is_not(None))
                               .order_by(t.User.name)))


def user_by_pin(sessions: sessionmaker[Session], name: str, pin: str) -> User | None:
    """The active user with this name and PIN, else None (same answer for a wrong name or PIN)."""
    from sqlalchemy import select

    from app.store import models as t
    from app.store.users import verify_pin

    with sessions() as db:
        row = db.scalars(select(t.User).where(t.User.name == name.strip(), t.User.active.is_(True))).first()
        if row is None or not row.pin_hash or not verify_pin(pin, row.pin_hash):
            return None
        return User(id=row.id, name=row.name, role=Role(row.role), badge=row.badge)


def user_by_scan(station: Any, raw: str) -> User | None:
    """The user whose badge was scanned (a PS:BADGE: card or a bare badge id)."""
    scan = parse_scan(raw, station.rules)
    if scan.kind in (ScanKind.BADGE, ScanKind.TEXT, ScanKind.TOTE, ScanKind.ORDER):
        return station.repo.user_by_badge(scan.text)
    return None
