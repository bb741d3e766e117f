"""Who is at the bench: PIN sign-in and the admin gate, run on the station worker.

Every PIN goes through the station's one PIN service (app.accounts.pins.PinService): lockout
after five wrong PINs, an audit event for each failure, the central database's own check when
the station is networked. This module only builds that service for the worker and turns a
badge scan into a user; it never reads a PIN hash.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.domain.model import User
from app.domain.scan import ScanKind, parse_scan

if TYPE_CHECKING:  # the PIN service (and SQLAlchemy behind it) is imported by the worker, off the GUI thread
    from app.accounts.pins import PinRefused, PinService, SignedIn

__all__ = ["PinRefused", "SignedIn", "pin_service", "pin_sign_in_available", "sign_in", "user_by_scan",
           "user_names"]


def __getattr__(name: str) -> Any:
    """PinRefused and SignedIn, imported when first asked for: the window checks a sign-in's answer
    (isinstance) only after the worker has signed someone in, by which time app.accounts.pins is loaded.
    Importing it here at start would put SQLAlchemy on the GUI thread's way to its first frame."""
    if name in ("PinRefused", "SignedIn"):
        from app.accounts import pins

        return getattr(pins, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def pin_sign_in_available() -> bool:
    return True


def pin_service(ctx: Any) -> PinService:
    """The worker's PIN service (made once; a networked station checks PINs at the central database)."""
    service = ctx.extras.get("pins")
    if service is None:
        from app.accounts.pepper import PepperError
        from app.accounts.pins import PgCentralPins, PinRefused, PinService

        central = ctx.extras.get("central")
        link = PgCentralPins(lambda: central.connect("pins")) if central is not None else None
        try:
            service = PinService.for_station(ctx.bench.engine, ctx.bench.config, ctx.bench.paths.data_dir,
                                             central=link)
        except (PermissionError, PepperError) as exc:  # an exposed or damaged pepper file: say which, and how
            raise PinRefused(f"PIN sign-in is off at this station: {exc}", "pepper") from None
        ctx.extras["pins"] = service
    return service


def user_names(ctx: Any) -> list[str]:
    """Packers who have a PIN, for the sign-in list (supervisors and admins are never listed)."""
    return pin_service(ctx).sign_in_names()


def sign_in(ctx: Any, name: str, pin: str, *, where: str, need: str = "",
            new_pin: str | None = None) -> SignedIn | PinRefused:
    """The PIN service's answer: SignedIn, or the PinRefused (its message is for the screen), returned
    rather than raised: a wrong PIN is part of the day, not a failed job for the log."""
    from app.accounts.pins import PinRefused

    try:
        return pin_service(ctx).sign_in(name, pin, where=where, need=need, new_pin=new_pin)
    except PinRefused as refused:
        return refused


def user_by_scan(station: Any, raw: str) -> User | None:
    """The user whose badge was scanned (a PS:BADGE: card or a bare badge id)."""
    scan = parse_scan(raw, station.rules)
    if scan.kind in (ScanKind.BADGE, ScanKind.TEXT, ScanKind.TOTE, ScanKind.ORDER):
        return station.repo.user_by_badge(scan.text)
    return None
