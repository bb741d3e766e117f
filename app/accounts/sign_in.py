"""Who is at the bench: the packing station's sign-in service (PIN sign-in, the admin gate, badges).

The packer's window calls it on its station worker (app.ui.accounts hands it the worker's
bench); a test or a headless driver calls it directly, with no Qt:

    desk = BenchSignIn.for_bench(bench, central)          # central: app.sync.service.CentralSync or None
    desk.names()                                           # packers with a PIN, for the sign-in list
    desk.sign_in("Alex Packer", "2468", where="bench")     # SignedIn, or the PinRefused to show
    desk.sign_in(name, pin, where="admin_gate", need="admin")
    user_by_scan(station, raw)                             # the user whose badge was scanned

Every PIN goes through the station's one PIN service (app.accounts.pins.PinService): lockout
after five wrong PINs, an audit event for each failure, the central database's own check when
the station is networked. The PIN service, and SQLAlchemy behind it, is imported when first
used (on the worker), never when this module is: the window imports it before its first frame.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.domain.model import User
from app.domain.scan import ScanKind, parse_scan

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from app.accounts.pins import CentralPins, PinRefused, PinService, SignedIn

__all__ = ["BenchSignIn", "user_by_scan"]


class BenchSignIn:
    """PIN sign-in for one station folder: its database, its configuration, its central link."""

    def __init__(self, engine: Engine, config: Any, data_dir: Path, *, central: CentralPins | None = None) -> None:
        self.engine = engine
        self.config = config
        self.data_dir = data_dir
        self.central = central
        self._pins: PinService | None = None

    @classmethod
    def for_bench(cls, bench: Any, central_sync: Any = None) -> BenchSignIn:
        """The service of an open bench (app.startup.open_bench); a networked station (its
        app.sync.service.CentralSync) checks PINs at the central database."""
        central = None
        if central_sync is not None:
            from app.accounts.pins import PgCentralPins

            central = PgCentralPins(lambda: central_sync.connect("pins"))
        return cls(bench.engine, bench.config, bench.paths.data_dir, central=central)

    def pins(self) -> PinService:
        """The station's PIN service, made at first use (the pepper read then); PinRefused when the
        pepper file is exposed or damaged: PIN sign-in is off, and the message says why."""
        if self._pins is None:
            from app.accounts.pepper import PepperError
            from app.accounts.pins import PinRefused, PinService

            try:
                self._pins = PinService.for_station(self.engine, self.config, self.data_dir, central=self.central)
            except (PermissionError, PepperError) as exc:  # an exposed or damaged pepper file: say which, and how
                raise PinRefused(f"PIN sign-in is off at this station: {exc}", "pepper") from None
        return self._pins

    def names(self) -> list[str]:
        """Packers who have a PIN, for the sign-in list (supervisors and admins are never listed)."""
        return self.pins().sign_in_names()

    def sign_in(self, name: str, pin: str, *, where: str, need: str = "",
                new_pin: str | None = None) -> SignedIn | PinRefused:
        """The PIN service's answer: SignedIn, or the PinRefused (its message is for the screen), returned
        rather than raised: a wrong PIN is part of the day, not a failed job for the log."""
        from app.accounts.pins import PinRefused

        try:
            return self.pins().sign_in(name, pin, where=where, need=need, new_pin=new_pin)
        except PinRefused as refused:
            return refused


def user_by_scan(station: Any, raw: str | bytes) -> User | None:
    """The user whose badge was scanned (a PS:BADGE: card or a bare badge id) at this station."""
    scan = parse_scan(raw, station.rules)
    if scan.kind in (ScanKind.BADGE, ScanKind.TEXT, ScanKind.TOTE, ScanKind.ORDER):
        return station.repo.user_by_badge(scan.text)
    return None
