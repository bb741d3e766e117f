"""The returns bench's application service: a ReturnSession wired to the returns store.

Like app.station.Station for packing, and meant to be driven the same way by a future
returns screen, by `packstation returns replay` and by tests: every scan is resolved into a
session input, the session decides, the facts are committed (events, returns, stock), and
only then is the outcome shown. No Qt here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, ClassVar

from app.domain import clock as wall_clock
from app.domain.events import BadgeScanned, CommandScanned, Fact, Feedback, ScanRejected, Told, UnknownScan
from app.domain.model import User
from app.domain.returns import (
    BadReturnsCode,
    BinCode,
    BinScanned,
    Disposition,
    DispositionChosen,
    DispositionCode,
    Grade,
    GradeChosen,
    GradeCode,
    ReturnCode,
    ReturnInput,
    ReturnItemScanned,
    ReturnPhase,
    ReturnReferenceScanned,
    ReturnRules,
    ReturnSerialScanned,
    ReturnSession,
    ReturnState,
    parse_returns_code,
)
from app.domain.returns.events import PhotoTaken
from app.domain.scan import Command, Scan, ScanKind, ScanRules, parse_scan
from app.store.returns import ReturnsRepository

log = logging.getLogger(__name__)


@dataclass
class ReturnOutcome(Told):
    """What the bench shows after one input: the feedback, the facts recorded, the state."""

    state: ReturnState | None = None
    NO_CODE: ClassVar[str] = ""

    @property
    def message(self) -> str:  # the bench shows every sentence of an input (a grade and where it goes)
        return " ".join(f.message for f in self.feedback)

    def as_json(self) -> dict[str, Any]:
        s = self.state
        return {"scan": self.input, "kind": self.kind, "tone": self.tone.value, "code": self.code,
                "message": self.message, "phase": s.phase.value if s else None,
                "return": s.number if s else None, "order": s.order.number if s and s.order else None,
                "items": len(s.items) if s else 0, "open_flags": [f.flag.value for f in s.open_flags()] if s else [],
                "events": self.facts}


class ReturnStation:
    def __init__(self, repository: ReturnsRepository, *, station: str, rules: ReturnRules | None = None,
                 scan_rules: ScanRules | None = None, clock: Callable[[], datetime] | None = None) -> None:
        self.repo = repository
        self.name = station
        self.rules = rules or ReturnRules()
        self.scan_rules = scan_rules or ScanRules()
        self.clock = clock or wall_clock.now
        self.session = ReturnSession(self.rules)
        self.resume()

    @property
    def state(self) -> ReturnState:
        return self.session.state

    def resume(self) -> None:
        """Rebuild the bench's session from its log (a restart, a crash, a power cut)."""
        self.session.apply(Fact(e.type, e.data) for e in self.repo.session_events(self.name))
        if self.state.number:
            log.info("resumed return %s at %s", self.state.number, self.state.phase)

    # ------------------------------------------------------------ inputs

    def scan(self, raw: str | bytes, *, manual: bool = False) -> ReturnOutcome:
        text = raw.decode("utf-8", "replace") if isinstance(raw, bytes | bytearray) else raw
        code = parse_returns_code(text)
        if code is not None:
            return self.handle(self._from_code(text, code), label=text.strip(), kind="returns_code")
        parsed = parse_scan(raw, self.scan_rules)
        return self.handle(self.resolve(parsed, manual=manual), label=parsed.raw, kind=parsed.kind.value)

    def sign_in(self, user: User) -> ReturnOutcome:
        return self.handle(BadgeScanned(user.badge or f"user {user.id}", user), label=user.name, kind="sign_in")

    def command(self, command: Command) -> ReturnOutcome:
        return self.handle(CommandScanned(command), label=command.value, kind="command")

    def grade(self, grade: Grade, reason: str = "", disposition: Disposition | None = None,
              bin_location: str | None = None) -> ReturnOutcome:
        """A screen's grade button (with a reason and, in one click, where the unit goes)."""
        return self.handle(GradeChosen(grade, reason, disposition, bin_location), label=grade.value, kind="grade")

    def dispose(self, disposition: Disposition, bin_location: str | None = None) -> ReturnOutcome:
        return self.handle(DispositionChosen(disposition, bin_location), label=disposition.value, kind="dispose")

    def photo_taken(self, number: str, item_no: int, sku: str, photo: str) -> ReturnOutcome:
        """The bench camera saved a photo of a unit (`photo`: relative to the data folder): record it as a fact."""
        return self.handle(PhotoTaken(number, item_no, sku, photo), label=photo, kind="photo")

    def open_return(self, reference: str) -> ReturnOutcome:
        """Open by a typed reference (order, RMA, tracking), whatever the scanner rules say it looks like."""
        return self.handle(self._reference(reference), label=reference, kind="reference")

    def handle(self, event: ReturnInput, *, label: str = "", kind: str = "") -> ReturnOutcome:
        outcome = ReturnOutcome(label, kind or type(event).__name__, state=self.state)
        decision = self.session.decide(event)
        if decision.facts:
            user = self.state.user
            # Durable first: the bench says "accepted" only for what is on disk.
            # A photo names its return: the bench may have closed that one since.
            number = event.number if isinstance(event, PhotoTaken) else self.state.number
            self.repo.record(decision.facts, station=self.name, user_id=user.id if user else None, number=number)
            self.session.apply(decision.facts)
            outcome.facts.extend(f.type for f in decision.facts)
        outcome.feedback.extend(e for e in decision.effects if isinstance(e, Feedback))
        outcome.state = self.state
        return outcome

    # ------------------------------------------------------------ resolving scans

    def _from_code(self, text: str, code: Any) -> ReturnInput:
        match code:
            case ReturnCode():
                return self._reference(text)
            case GradeCode(grade=grade, reason=reason):
                return GradeChosen(grade, reason)
            case DispositionCode(disposition=disposition):
                return DispositionChosen(disposition)
            case BinCode(bin=bin_location):
                return BinScanned(bin_location)
            case BadReturnsCode(message=message):
                return ScanRejected(text[:80], "bad_returns_code", message)
        return UnknownScan(text)

    def resolve(self, scan: Scan, *, manual: bool = False) -> ReturnInput:
        phase = self.state.phase
        match scan.kind:
            case ScanKind.UNKNOWN:
                return ScanRejected(scan.raw, scan.reason.value if scan.reason else "unknown", scan.message)
            case ScanKind.BADGE:
                return BadgeScanned(scan.text, self.repo.user_by_badge(scan.text))
            case ScanKind.COMMAND:
                assert scan.command is not None
                return CommandScanned(scan.command, scan.argument)
            case ScanKind.ORDER:
                return self._reference(scan.text)
            case ScanKind.PRODUCT:
                if phase is ReturnPhase.IDLE:  # a GTIN in idle: maybe a tracking number in digits
                    return self._reference(scan.text)
                return ReturnItemScanned(scan.text, self.repo.product_by_code(scan.gtins), scan.serial, scan.lot,
                                         manual)
            case ScanKind.SERIAL:
                return ReturnSerialScanned(scan.serial or scan.lot or scan.text, manual)
        return self._text(scan, phase, manual)

    def _text(self, scan: Scan, phase: ReturnPhase, manual: bool) -> ReturnInput:
        """Free text means what the current step expects: a badge, a reference, a serial, a SKU, a bin."""
        text = scan.text
        if phase is ReturnPhase.SIGNED_OUT:
            return BadgeScanned(text, self.repo.user_by_badge(text))
        if phase is ReturnPhase.SERIAL:
            return ReturnSerialScanned(text, manual)
        if phase is ReturnPhase.DISPOSING:
            return BinScanned(text.upper())
        if phase is ReturnPhase.RECEIVING and (product := self.repo.product_by_code((text,))) is not None:
            return ReturnItemScanned(text, product, manual=manual)
        if (user := self.repo.user_by_badge(text)) is not None:
            return BadgeScanned(text, user)
        if phase in (ReturnPhase.IDLE, ReturnPhase.RECEIVING):
            reference = self._reference(text)
            if reference.order is not None or phase is ReturnPhase.IDLE:
                return reference
        return UnknownScan(text)

    def _reference(self, text: str) -> ReturnReferenceScanned:
        found = self.repo.lookup(text)
        if found.order_number is None:
            return ReturnReferenceScanned(text, None, self.clock())
        order, problem = self.repo.returnable_order(found.order_number)
        return ReturnReferenceScanned(text, order, self.clock(), found.rma, found.problem or problem)
