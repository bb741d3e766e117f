"""Who is at the bench, for the packer's window: its jobs call the sign-in service on the station worker.

The rules (PIN sign-in, lockout, the admin gate, badges) are app.accounts.sign_in.BenchSignIn's,
usable without a screen; this module only keeps one service per worker and hands it the
worker's bench and central link. It never reads a PIN hash and never touches the database.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.accounts.sign_in import BenchSignIn, user_by_scan

if TYPE_CHECKING:  # the PIN service (and SQLAlchemy behind it) is imported by the worker, off the GUI thread
    from app.accounts.pins import PinRefused, PinService, SignedIn

__all__ = ["PinRefused", "SignedIn", "pin_service", "pin_sign_in_available", "sign_in", "sign_in_desk",
           "user_by_scan", "user_names"]


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


def sign_in_desk(ctx: Any) -> BenchSignIn:
    """The worker's sign-in service (made once; a networked station checks PINs at the central database)."""
    desk = ctx.extras.get("sign_in")
    if desk is None:
        desk = BenchSignIn.for_bench(ctx.bench, ctx.extras.get("central"))
        ctx.extras["sign_in"] = desk
    return desk


def pin_service(ctx: Any) -> PinService:
    """The worker's PIN service (PinRefused when the station's pepper makes PIN sign-in impossible)."""
    return sign_in_desk(ctx).pins()


def user_names(ctx: Any) -> list[str]:
    """Packers who have a PIN, for the sign-in list (supervisors and admins are never listed)."""
    return sign_in_desk(ctx).names()


def sign_in(ctx: Any, name: str, pin: str, *, where: str, need: str = "",
            new_pin: str | None = None) -> SignedIn | PinRefused:
    """The sign-in service's answer: SignedIn, or the PinRefused to show (returned, not raised)."""
    return sign_in_desk(ctx).sign_in(name, pin, where=where, need=need, new_pin=new_pin)
