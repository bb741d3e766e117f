"""Who is at the bench: PIN sign-in and the admin gate, run on the station worker.

Every PIN goes through the station's one PIN service (app.accounts.pins.PinService): lockout
after five wrong PINs, an audit event for each failure, the central database's own check when
the station is networked. This module only builds that service for the worker and turns a
badge scan into a user; it never reads a PIN hash.
"""

from __future__ import annotations

from typing import Any

from app.accounts.pins import PgCentralPins, PinRefused, PinService, SignedIn
from app.domain.model import User
from app.domain.scan import ScanKind, parse_scan

__all__ = ["PinRefused", "SignedIn", "pin_service", "pin_sign_in_available", "sign_in", "user_by_scan",
           "user_names"]


def pin_sign_in_available() -> bool:
    return True


def pin_service(ctx: Any) -> PinService:
    """The worker's PIN service (made once; a networked station checks PINs at the central database)."""
    service = ctx.extras.get("pins")
    if service is None:
        central = ctx.extras.get("central")
        link = PgCentralPins(lambda: central.connect("pins")) if central is not None else None
        service = PinService.for_station(ctx.bench.engine, ctx.bench.config, ctx.bench.paths.data_dir, central=link)
        ctx.extras["pins"] = service
    return service


def user_names(ctx: Any) -> list[str]:
    """Packers who have a PIN, for the sign-in list (supervisors and admins are never listed)."""
    return pin_service(ctx).sign_in_names()


def sign_in(ctx: Any, name: str, pin: str, *, where: str, need: str = "", new_pin: str | None = None) -> SignedIn:
    """The PIN service's answer: SignedIn, or PinRefused (its message is for the screen)."""
    return pin_service(ctx).sign_in(name, pin, where=where, need=need, new_pin=new_pin)


def user_by_scan(station: Any, raw: str) -> User | None:
    """The user whose badge was scanned (a PS:BADGE: card or a bare badge id)."""
    scan = parse_scan(raw, station.rules)
    if scan.kind in (ScanKind.BADGE, ScanKind.TEXT, ScanKind.TOTE, ScanKind.ORDER):
        return station.repo.user_by_badge(scan.text)
    return None
