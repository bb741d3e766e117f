"""The returns bench as a state machine with no I/O, in the packing session's style.

    signed out → idle → receiving ⇄ (serial →) grading → disposing → receiving … → closed
                              └──────── COMPLETE with flags → approval (supervisor badge) ──┘

`decide(input)` returns facts and effects without changing anything; the service commits the
facts (return_events, stock movements) and only then calls `apply(facts)` and tells the person
at the bench. `apply` also rebuilds a return after a crash, so every change goes through a fact.

A closed return always records `refund_ready`: the refund the order source should make, per
unit, with its grade and the flags a supervisor approved.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum

from app.domain.events import BadgeScanned, CommandScanned, Fact, Feedback, ScanRejected, Tone, UnknownScan, Worded
from app.domain.model import Role, User
from app.domain.returns.events import (
    BinScanned,
    DispositionChosen,
    GradeChosen,
    LookupProblem,
    PhotoTaken,
    ReturnInput,
    ReturnItemScanned,
    ReturnReferenceScanned,
    ReturnSerialScanned,
)
from app.domain.returns.model import (
    MAX_REASON,
    REASONS,
    Disposition,
    Flag,
    Grade,
    RaisedFlag,
    ReturnableOrder,
    ReturnedItem,
    ReturnRules,
)
from app.domain.scan import Command
from app.domain.session import Decision


class ReturnPhase(StrEnum):
    SIGNED_OUT = "signed_out"
    IDLE = "idle"  # waiting for a return label, RMA, tracking or order number
    RECEIVING = "receiving"  # scan the next item, or COMPLETE
    SERIAL = "serial"  # the item needs its serial number
    GRADING = "grading"  # resellable, damaged, wrong item, missing parts
    DISPOSING = "disposing"  # restock to a bin, quarantine, dispose, return to vendor
    APPROVAL = "approval"  # flags are open: a supervisor's badge closes the return


RETURN_OPEN_PHASES = (ReturnPhase.RECEIVING, ReturnPhase.SERIAL, ReturnPhase.GRADING, ReturnPhase.DISPOSING,
                      ReturnPhase.APPROVAL)
ITEM_PHASES = (ReturnPhase.SERIAL, ReturnPhase.GRADING, ReturnPhase.DISPOSING)
CLOSING_FACTS = frozenset({"return_closed", "return_held", "return_abandoned"})


@dataclass(frozen=True, slots=True)
class PendingItem:
    """The unit in the person's hands: scanned, not yet graded and put away."""

    sku: str
    name: str
    in_order: bool
    serial: str | None = None
    lot: str | None = None
    flags: tuple[Flag, ...] = ()
    default_bin: str | None = None
    grade: Grade | None = None
    reason: str = ""
    photo: str | None = None  # taken while in hand: recorded with the unit

    @property
    def flagged(self) -> bool:
        return any(f.item_level for f in self.flags)


@dataclass(frozen=True, slots=True)
class ReturnState:
    phase: ReturnPhase = ReturnPhase.SIGNED_OUT
    user: User | None = None
    number: str | None = None
    rma: str | None = None
    order: ReturnableOrder | None = None
    received_at: datetime | None = None
    return_flags: tuple[RaisedFlag, ...] = ()  # about the whole return: late, unknown barcodes
    approved: frozenset[RaisedFlag] = frozenset()
    approved_by: str | None = None
    items: tuple[ReturnedItem, ...] = ()
    pending: PendingItem | None = None
    counts: dict[str, int] = field(default_factory=dict)  # units of this return per SKU: O(1) per scan
    recorded: int = 0  # items ever recorded, UNDOne ones too: item numbers are never reused
    last_return: str | None = None

    # -- questions the screen and the rules ask

    def returned_units(self, sku: str) -> int:
        return self.counts.get(sku, 0)

    def remaining(self, sku: str) -> int:
        line = self.order.line(sku) if self.order else None
        return (line.returnable if line else 0) - self.returned_units(sku)

    def serials(self) -> set[tuple[str, str]]:
        found = {(i.sku, i.serial) for i in self.items if i.serial}
        if self.pending and self.pending.serial:
            found.add((self.pending.sku, self.pending.serial))
        return found

    def flags(self) -> tuple[RaisedFlag, ...]:
        """Every flag raised on this return so far (items removed with UNDO take theirs along)."""
        item_flags = (RaisedFlag(f, i.sku, i.serial, f"item {i.item_no}") for i in self.items for f in i.flags)
        return (*self.return_flags, *item_flags)

    def open_flags(self) -> tuple[RaisedFlag, ...]:
        return tuple(f for f in self.flags() if f not in self.approved)

    def photo_subject(self) -> tuple[int, str] | None:
        """(item number, SKU) of the unit a bench photo shows now: the one in hand (with the number it
        will be recorded with), else the last one recorded; None when no return is open or nothing came back."""
        if self.phase not in RETURN_OPEN_PHASES:
            return None
        if self.pending is not None:
            return self.recorded + 1, self.pending.sku
        if self.items:
            return self.items[-1].item_no, self.items[-1].sku
        return None

    def expected(self) -> list[tuple[str, int]]:
        """What may still come back, per SKU: for the screen's checklist."""
        if self.order is None:
            return []
        return [(line.sku, self.remaining(line.sku)) for line in self.order.lines]


def _say(tone: Tone, code: str, template: str, *facts: Fact, **values: object) -> Decision:
    """The person is told `template` filled with `values` (the screen words it in their language)."""
    return Decision(facts=facts, effects=(Feedback.say(tone, code, template, **values),))


def _reject(code: str, template: str, *before: Fact, **values: object) -> Decision:
    """A refused scan: recorded (for error statistics and audits, with its values), state unchanged."""
    feedback = Feedback.say(Tone.REJECTED, code, template, **values)
    data = {k: str(v) if isinstance(v, Worded) else v for k, v in values.items()}
    said = {"code": code, "message": feedback.message, "template": template}  # the audit words it again
    return Decision(facts=(*before, Fact("scan_rejected", {**said, **data})),
                    effects=(feedback,))


def _flags(flags: Iterable[RaisedFlag]) -> Worded:
    """Raised flags as the screen words them: each flag with its SKU and serial."""
    flags = tuple(flags)
    return Worded("flags", tuple((f.flag.value, f.sku or "", f.serial or "") for f in flags),
                  ", ".join(f.describe() for f in flags))


def _flag_names(flags: Iterable[Flag]) -> Worded:
    flags = tuple(flags)
    return Worded("flags", tuple((f.value, "", "") for f in flags), ", ".join(f.value.replace("_", " ") for f in flags))


def _grade(grade: Grade) -> Worded:
    return Worded("grade", ((grade.value,),), grade.value.replace("_", " "))


class ReturnSession:
    """One returns bench. Holds the state; decides; applies recorded facts."""

    def __init__(self, rules: ReturnRules | None = None) -> None:
        self.rules = rules or ReturnRules()
        self.state = ReturnState()

    # ------------------------------------------------------------ deciding

    def decide(self, event: ReturnInput) -> Decision:
        s = self.state
        if isinstance(event, ScanRejected):
            # The scanner layer's sentence; the screen words the reason (a code of its own).
            fact = Fact("scan_rejected", {"code": event.reason, "message": event.message, "raw": event.raw})
            return Decision(facts=(fact,), effects=(Feedback(Tone.REJECTED, event.reason, event.message,
                                                             values={"raw": event.raw}),))
        if isinstance(event, PhotoTaken):
            return self._photo(event)
        if s.phase is ReturnPhase.SIGNED_OUT:
            return self._signed_out(event)
        if isinstance(event, BadgeScanned):
            return self._badge(event)
        if isinstance(event, CommandScanned):
            return self._command(event)
        if isinstance(event, ReturnReferenceScanned):
            return self._reference(event)
        handler = {
            ReturnPhase.IDLE: self._idle,
            ReturnPhase.RECEIVING: self._receiving,
            ReturnPhase.SERIAL: self._serial_step,
            ReturnPhase.GRADING: self._grading,
            ReturnPhase.DISPOSING: self._disposing,
            ReturnPhase.APPROVAL: self._approval,
        }[s.phase]
        return handler(event)

    # -- people

    def _signed_out(self, event: ReturnInput) -> Decision:
        if not isinstance(event, BadgeScanned):
            return _reject("sign_in_first", "Scan your badge to sign in.")
        if event.user is None:
            return _reject("unknown_badge", "Badge {badge} is not known. Ask a supervisor.", badge=event.badge)
        return _say(Tone.ACCEPTED, "signed_in", "Hello {name}. Scan a return label, RMA, tracking or "
                    "order number.", _signed_in(event.user), name=event.user.name)

    def _badge(self, event: BadgeScanned) -> Decision:
        s = self.state
        user = event.user
        if user is None:
            return _reject("unknown_badge", "Badge {badge} is not known. Ask a supervisor.", badge=event.badge)
        if s.phase in RETURN_OPEN_PHASES:
            if user.role.can_override and s.open_flags():
                return self._approve(user)
            if user.role.can_override:
                return _say(Tone.INFO, "nothing_to_approve", "Nothing on this return needs a supervisor.")
            return _reject("finish_return_first", "Finish return {number} first (COMPLETE or HOLD).", number=s.number)
        assert s.user is not None
        if user.id == s.user.id:
            return _say(Tone.INFO, "already_signed_in", "{name}, you are signed in. Scan a return.",
                        name=user.name)
        return _say(Tone.ACCEPTED, "signed_in", "Hello {name}. Scan a return.", Fact("signed_out"),
                    _signed_in(user), name=user.name)

    def _approve(self, supervisor: User) -> Decision:
        s = self.state
        flags = s.open_flags()
        approved = Fact("return_approved", {"number": s.number, "by": supervisor.id, "name": supervisor.name,
                                            "flags": [f.as_data() for f in flags]})
        listing = _flags(flags)
        if s.phase is ReturnPhase.APPROVAL:
            after = replace(s, approved=s.approved | set(flags), approved_by=supervisor.name)
            return _say(Tone.COMPLETE, "return_closed",
                        "Approved by {name} ({flags}). Return {number} closed; refund is ready.",
                        approved, *self._closing(after), name=supervisor.name, flags=listing, number=s.number)
        return _say(Tone.WARNING, "return_approved", "Approved by {name}: {flags}.", approved, name=supervisor.name,
                    flags=listing)

    # -- opening a return

    def _reference(self, event: ReturnReferenceScanned) -> Decision:
        s = self.state
        if s.phase in RETURN_OPEN_PHASES:
            if event.order is not None and s.order is not None and event.order.number == s.order.number:
                return _say(Tone.INFO, "same_return", "Return {number} is open. Scan the items.",
                            number=s.number)
            return _reject("finish_return_first", "Finish return {number} first (COMPLETE or HOLD).", number=s.number)
        order = event.order
        ref = event.reference
        if order is None:
            return _reject("unknown_return", "No order, RMA or tracking number {text}. Check the label.", text=ref)
        match event.problem:
            case LookupProblem.BAD_TOKEN:
                return _reject("bad_return_code", "This return label was not issued for order {order}. "
                               "Supervisor!", order=order.number)
            case LookupProblem.NOT_SHIPPED:
                return _reject("order_not_shipped", "Order {order} has not shipped: nothing can come back. "
                               "Give the parcel to a supervisor.", order=order.number)
            case LookupProblem.RMA_CLOSED:
                return _reject("rma_closed", "RMA {rma} is closed. Give the parcel to a supervisor.",
                               order=order.number, rma=event.rma)
        number = order.next_return_number()
        late = self.rules.is_late(order.shipped_at, event.received_at)
        opened = Fact("return_opened", {"number": number, "reference": ref, "rma": event.rma,
                                        "received_at": event.received_at.isoformat(), "late": late,
                                        "window_days": self.rules.window_days, "order": order.as_data()})
        units = sum(line.returnable for line in order.lines)
        if not late:
            return _say(Tone.ACCEPTED, "return_opened",
                        "Return {number} for order {order}: {units} item(s) may come back. Scan each item.",
                        opened, number=number, order=order.number, units=units)
        shipped = order.shipped_at.date().isoformat() if order.shipped_at else "?"
        flag = RaisedFlag(Flag.LATE_RETURN, detail=f"shipped {shipped}, window {self.rules.window_days} days")
        return _say(Tone.WARNING, "late_return",
                    "Return {number}: order {order} shipped {shipped}, past the {days}-day "
                    "window. Scan the items; a supervisor must approve.", opened,
                    Fact("return_flagged", flag.as_data()), number=number, order=order.number, shipped=shipped,
                    days=self.rules.window_days)

    def _idle(self, event: ReturnInput) -> Decision:
        match event:
            case ReturnItemScanned() | ReturnSerialScanned() | GradeChosen() | DispositionChosen() | BinScanned():
                return _reject("scan_return_first", "Scan the return label, RMA, tracking or order number first.")
            case UnknownScan(text=text):
                return _reject("unknown_return", "No order, RMA or tracking number {text}. Check the label.",
                               text=text)
        return Decision()

    # -- receiving items

    def _receiving(self, event: ReturnInput) -> Decision:
        match event:
            case ReturnItemScanned():
                return self._item(event)
            case GradeChosen() | DispositionChosen() | BinScanned():
                return _reject("scan_item_first", "Scan the item first, then grade it.")
            case ReturnSerialScanned(text=text) | UnknownScan(text=text):
                return self._unknown(text)
        return Decision()

    def _unknown(self, code: str) -> Decision:
        flag = RaisedFlag(Flag.UNKNOWN_ITEM, detail=code)
        return _say(Tone.REJECTED, "unknown_item", "Unknown barcode {text}. Put the item in the supervisor tray.",
                    Fact("return_flagged", flag.as_data()), text=code)

    def _item(self, event: ReturnItemScanned) -> Decision:
        s = self.state
        assert s.order is not None
        product = event.product
        if product is None:
            return self._unknown(event.code)
        sku = product.sku
        if event.serial and (sku, event.serial) in s.serials():
            return _reject("duplicate_serial", "Serial {serial} is already in this return.", sku=sku,
                           serial=event.serial)
        line = s.order.line(sku)
        if line is None:
            item = ReturnedItem(s.recorded + 1, sku, Grade.WRONG_ITEM, "not_in_order", Disposition.QUARANTINE,
                                self.rules.quarantine_bin, event.serial, event.lot, in_order=False,
                                flags=(Flag.NOT_IN_ORDER,))
            return _say(Tone.WARNING, "not_in_order",
                        "{sku} was never in order {order}: flagged. Put it in {bin}.",
                        Fact("return_item_recorded", item.as_data()), sku=sku, order=s.order.number,
                        bin=self.rules.quarantine_bin)
        flags: list[Flag] = []
        if s.remaining(sku) <= 0:
            flags.append(Flag.MORE_THAN_SHIPPED)
        if event.serial:
            flags.extend(self._serial_flags(sku, event.serial))
        needs_serial = line.requires_serial and not event.serial
        data = {"sku": sku, "name": product.name, "serial": event.serial, "lot": event.lot,
                "flags": [f.value for f in flags], "bin": line.bin_location or product.bin_location,
                "needs": "serial" if needs_serial else None, "manual": event.manual}
        scanned = Fact("return_item_scanned", data)
        if needs_serial:
            return _say(Tone.ATTENTION, "serial_needed", "Now scan the SERIAL number of {sku}.", scanned, sku=sku)
        return self._grade_prompt(sku, None, flags, scanned)

    def _serial_flags(self, sku: str, serial: str) -> list[Flag]:
        order = self.state.order
        assert order is not None
        flags = []
        if (sku, serial) not in order.shipped_serials:
            flags.append(Flag.SERIAL_NOT_SHIPPED)
        if (sku, serial) in order.returned_serials:
            flags.append(Flag.SERIAL_ALREADY_RETURNED)
        return flags

    @staticmethod
    def _grade_prompt(sku: str, serial: str | None, flags: list[Flag] | tuple[Flag, ...], fact: Fact) -> Decision:
        if flags and serial:
            return _say(Tone.WARNING, "item_flagged", "{sku} serial {serial}: {flags} — flagged for a supervisor. "
                        "Grade it.", fact, sku=sku, serial=serial, flags=_flag_names(flags))
        if flags:
            return _say(Tone.WARNING, "item_flagged", "{sku}: {flags} — flagged for a supervisor. Grade it.", fact,
                        sku=sku, flags=_flag_names(flags))
        if serial:
            return _say(Tone.ATTENTION, "grade_item", "{sku} serial {serial}: grade it (resellable, damaged, wrong "
                        "item, missing parts).", fact, sku=sku, serial=serial)
        return _say(Tone.ATTENTION, "grade_item", "{sku}: grade it (resellable, damaged, wrong item, missing parts).",
                    fact, sku=sku)

    def _serial_step(self, event: ReturnInput) -> Decision:
        s = self.state
        pending = s.pending
        assert pending is not None
        match event:
            case ReturnSerialScanned(text=text) | UnknownScan(text=text):
                serial = text
            case ReturnItemScanned(product=product, serial=serial) if (product is not None and serial
                                                                      and product.sku == pending.sku):
                pass
            case _:
                return _reject("serial_expected", "Scan the serial number of {sku} first (or UNDO).", sku=pending.sku)
        if (pending.sku, serial) in s.serials():
            return _reject("duplicate_serial", "Serial {serial} is already in this return.", serial=serial)
        flags = (*pending.flags, *self._serial_flags(pending.sku, serial))
        captured = Fact("return_serial_captured", {"sku": pending.sku, "serial": serial,
                                                   "flags": [f.value for f in flags]})
        return self._grade_prompt(pending.sku, serial, flags, captured)

    # -- grading and putting away

    def _grading(self, event: ReturnInput) -> Decision:
        pending = self.state.pending
        assert pending is not None
        match event:
            case GradeChosen():
                return self._graded(event)
            case DispositionChosen() | BinScanned():
                return _reject("grade_first", "Grade {sku} first.", sku=pending.sku)
        return _reject("grade_expected", "Grade {sku} first (or UNDO to put it aside).", sku=pending.sku)

    def _graded(self, event: GradeChosen) -> Decision:
        pending = self.state.pending
        assert pending is not None
        reason = (event.reason or REASONS[event.grade][0]).strip()
        if len(reason) > MAX_REASON or not reason.isprintable():
            return _reject("bad_reason", "The reason must be printable text of at most {max} characters.",
                           max=MAX_REASON)
        suggested = self.rules.suggested_disposition(event.grade, pending.flagged)
        graded = Fact("return_item_graded", {"sku": pending.sku, "grade": event.grade.value, "reason": reason,
                                             "suggested": suggested.value})
        after = replace(pending, grade=event.grade, reason=reason)
        if event.disposition is not None:
            return self._disposed(after, event.disposition, event.bin, graded)
        where = self._where(suggested, pending.default_bin)
        return _say(Tone.ATTENTION, "dispose_item",
                    "{sku} {grade}: {where} — CONFIRM, or scan a bin or a disposition card.", graded,
                    sku=pending.sku, grade=_grade(event.grade), where=where)

    def _where(self, disposition: Disposition, bin_location: str | None) -> Worded:
        if disposition is Disposition.RESTOCK:
            english = f"restock to {bin_location}" if bin_location else "restock: scan the bin"
        elif disposition is Disposition.QUARANTINE:
            bin_location = self.rules.quarantine_bin
            english = f"put it in {bin_location}"
        else:
            english = disposition.value.replace("_", " ")
        return Worded("where", ((disposition.value, bin_location or ""),), english)

    def _disposing(self, event: ReturnInput) -> Decision:
        pending = self.state.pending
        assert pending is not None and pending.grade is not None
        match event:
            case DispositionChosen(disposition=disposition, bin=bin_location):
                return self._disposed(pending, disposition, bin_location)
            case BinScanned(bin=bin_location) | UnknownScan(text=bin_location):
                if bin_location.upper() == self.rules.quarantine_bin:
                    return self._disposed(pending, Disposition.QUARANTINE, None)
                return self._disposed(pending, Disposition.RESTOCK, bin_location.upper())
            case GradeChosen():
                return self._graded(event)  # a second grade card corrects the first
        return _reject("dispose_expected", "Put {sku} away first: CONFIRM, a bin, or a disposition card.",
                       sku=pending.sku)

    def _disposed(self, pending: PendingItem, disposition: Disposition, bin_location: str | None,
                  *before: Fact) -> Decision:
        s = self.state
        assert pending.grade is not None

        if disposition is Disposition.RESTOCK:  # a refusal keeps the grade (if just chosen): `before`
            if pending.flagged:
                return _reject("flagged_not_restocked", "{sku} is flagged: put it in {bin} (a supervisor releases it).",
                               *before, sku=pending.sku, bin=self.rules.quarantine_bin)
            if pending.grade not in self.rules.restock_grades:
                return _reject("not_resellable", "A {grade} item is not restocked: quarantine, dispose or return to "
                               "vendor.", *before, sku=pending.sku, grade=_grade(pending.grade))
            bin_location = bin_location or pending.default_bin
            if not bin_location:
                return _say(Tone.ATTENTION, "bin_needed", "Scan the bin to restock {sku} into.", *before,
                            sku=pending.sku)
        elif disposition is Disposition.QUARANTINE:
            bin_location = self.rules.quarantine_bin
        else:
            bin_location = None
        item = ReturnedItem(s.recorded + 1, pending.sku, pending.grade, pending.reason, disposition, bin_location,
                            pending.serial, pending.lot, pending.in_order, pending.flags, pending.photo)
        done = s.returned_units(pending.sku) + 1
        where = self._where(disposition, bin_location)
        return _say(Tone.ACCEPTED, "item_returned", "✓ {sku} ({done} back): {where}. Scan the next item "
                    "or COMPLETE.", *before, Fact("return_item_recorded", item.as_data()), sku=pending.sku, done=done,
                    where=where)

    # -- the bench camera

    def _photo(self, event: PhotoTaken) -> Decision:
        """A photo arrives after its unit was graded: a new fact about the unit, never an edit of it.

        The return may have moved on meanwhile: the unit was recorded (the photo goes to it), the
        return was closed (the photo still belongs to that unit: a fact about that return), or the
        unit was set aside (UNDO) and another scanned (the photo is not kept).
        """
        s = self.state
        photographed = {"number": event.number, "item": event.item_no, "sku": event.sku, "photo": event.photo}
        said, values = "Photo of {sku} (item {item}) saved.", {"sku": event.sku, "item": event.item_no}
        if event.number != s.number:
            return _say(Tone.INFO, "photo_saved", said, Fact("return_item_photographed", photographed), **values)
        if any(i.item_no == event.item_no and i.sku == event.sku for i in s.items):
            return _say(Tone.INFO, "photo_saved", said, Fact("return_item_photographed", photographed), **values)
        pending = s.pending
        if pending is not None and pending.sku == event.sku and s.recorded + 1 == event.item_no:
            return _say(Tone.INFO, "photo_saved", said,
                        Fact("return_item_photographed", {**photographed, "in_hand": True}), **values)
        return _say(Tone.INFO, "photo_dropped", "The photo of {sku} was not kept: that unit is not on "
                    "this return any more.", sku=event.sku)

    # -- approval

    def _approval(self, event: ReturnInput) -> Decision:
        return _reject("supervisor_needed", "A supervisor must approve ({flags}): scan a supervisor badge, "
                       "or HOLD the return.", flags=_flags(self.state.open_flags()))

    # -- commands

    def _command(self, event: CommandScanned) -> Decision:
        s = self.state
        command = event.command
        if command is Command.DAMAGED and s.phase in (ReturnPhase.GRADING, ReturnPhase.DISPOSING):
            return self.decide(GradeChosen(Grade.DAMAGED))
        if command is Command.CONFIRM and s.phase is ReturnPhase.DISPOSING:
            return self._confirm()
        handlers = {
            Command.COMPLETE: self._complete,
            Command.UNDO: self._undo,
            Command.CANCEL: self._cancel,
            Command.HOLD: self._hold,
            Command.SIGN_OUT: self._sign_out,
        }
        handler = handlers.get(command)
        if handler is None:
            return _reject("not_now", "{command} does nothing at the returns bench.",
                           command=command.name.replace("_", " "))
        return handler()

    def _confirm(self) -> Decision:
        pending = self.state.pending
        assert pending is not None and pending.grade is not None
        return self._disposed(pending, self.rules.suggested_disposition(pending.grade, pending.flagged), None)

    def _complete(self) -> Decision:
        s = self.state
        if s.phase not in RETURN_OPEN_PHASES:
            return _reject("no_return_open", "No return is open. Scan a return label first.")
        if s.phase in ITEM_PHASES:
            assert s.pending is not None
            return _reject("item_in_hand", "Finish {sku} first (or UNDO it).", sku=s.pending.sku)
        if s.phase is ReturnPhase.APPROVAL:
            return self._approval(CommandScanned(Command.COMPLETE))
        if not s.items:
            return _reject("nothing_returned", "No item is recorded: scan the items, or CANCEL the return.")
        flags = s.open_flags()
        if flags:
            listing = _flags(flags)
            requested = Fact("approval_requested", {"number": s.number, "flags": [f.as_data() for f in flags]})
            return _say(Tone.ATTENTION, "supervisor_needed", "Supervisor must approve: {flags}. Scan a "
                        "supervisor badge, or HOLD.", requested, flags=listing)
        return _say(Tone.COMPLETE, "return_closed", "Return {number} closed; refund is ready. Scan the next return.",
                    *self._closing(s), number=s.number)

    def _closing(self, s: ReturnState) -> tuple[Fact, Fact]:
        assert s.order is not None and s.number is not None
        return closing_facts(s.number, s.order.number, s.rma, s.items, s.flags(), s.approved_by, self.rules)

    def _undo(self) -> Decision:
        s = self.state
        if s.phase in ITEM_PHASES:
            assert s.pending is not None
            return _say(Tone.WARNING, "item_set_aside", "{sku} not recorded. Set it aside.",
                        Fact("return_item_cancelled", {"sku": s.pending.sku}), sku=s.pending.sku)
        if s.phase is ReturnPhase.APPROVAL:
            return _say(Tone.INFO, "approval_withdrawn", "Back to the items. Scan the next item or COMPLETE.",
                        Fact("approval_withdrawn", {"number": s.number}))
        if s.phase is not ReturnPhase.RECEIVING or not s.items:
            return _reject("nothing_to_undo", "Nothing to undo here.")
        last = s.items[-1]
        if last.bin:
            return _say(Tone.WARNING, "item_removed", "Undone: take {sku} out of {bin} and scan it again.",
                        Fact("return_item_removed", last.as_data()), sku=last.sku, bin=last.bin)
        return _say(Tone.WARNING, "item_removed", "Undone: take {sku} and scan it again.",
                    Fact("return_item_removed", last.as_data()), sku=last.sku)

    def _cancel(self) -> Decision:
        s = self.state
        if s.phase in ITEM_PHASES or s.phase is ReturnPhase.APPROVAL:
            return self._undo()
        if s.phase is not ReturnPhase.RECEIVING:
            return _reject("no_return_open", "No return is open.")
        if s.items:
            return _reject("items_recorded", "Items are recorded: UNDO them first, or COMPLETE or HOLD the return.")
        return _say(Tone.WARNING, "return_abandoned", "Return {number} cancelled. Nothing was recorded.",
                    Fact("return_abandoned", {"number": s.number}), number=s.number)

    def _hold(self) -> Decision:
        s = self.state
        if s.phase not in (ReturnPhase.RECEIVING, ReturnPhase.APPROVAL):
            if s.phase in ITEM_PHASES:
                assert s.pending is not None
                return _reject("item_in_hand", "Finish {sku} first (or UNDO it).", sku=s.pending.sku)
            return _reject("no_return_open", "No return is open.")
        if not s.items:
            return _reject("nothing_returned", "No item is recorded: CANCEL the return instead.")
        held = Fact("return_held", {"number": s.number, "flags": [f.as_data() for f in s.open_flags()]})
        return _say(Tone.WARNING, "return_held", "Return {number} on hold for a supervisor. Parcel to the "
                    "supervisor shelf; no refund yet.", held, number=s.number)

    def _sign_out(self) -> Decision:
        s = self.state
        if s.phase in RETURN_OPEN_PHASES:
            return _reject("finish_return_first", "Finish return {number} first (COMPLETE or HOLD).", number=s.number)
        return _say(Tone.INFO, "signed_out", "Signed out. Scan a badge to sign in.", Fact("signed_out"))

    # ------------------------------------------------------------ applying

    def apply(self, facts: Iterable[Fact]) -> ReturnState:
        for fact in facts:
            self.state = evolve(self.state, fact)
        return self.state


def evolve(s: ReturnState, fact: Fact) -> ReturnState:
    d = fact.data
    match fact.type:
        case "signed_in":
            user = User(id=d["user_id"], name=d["name"], role=Role(d["role"]), badge=d.get("badge"))
            return ReturnState(phase=ReturnPhase.IDLE, user=user, last_return=s.last_return)
        case "signed_out":
            return ReturnState()
        case "return_opened":
            return ReturnState(phase=ReturnPhase.RECEIVING, user=s.user, number=d["number"], rma=d.get("rma"),
                               order=ReturnableOrder.from_data(d["order"]),
                               received_at=datetime.fromisoformat(d["received_at"]), last_return=s.last_return)
        case "return_flagged":
            return replace(s, return_flags=(*s.return_flags, RaisedFlag.from_data(d)))
        case "return_item_scanned":
            pending = PendingItem(d["sku"], d["name"], True, d.get("serial"), d.get("lot"),
                                  tuple(Flag(f) for f in d.get("flags", ())), d.get("bin"))
            phase = ReturnPhase.SERIAL if d.get("needs") == "serial" else ReturnPhase.GRADING
            return replace(s, phase=phase, pending=pending)
        case "return_serial_captured":
            assert s.pending is not None
            pending = replace(s.pending, serial=d["serial"], flags=tuple(Flag(f) for f in d.get("flags", ())))
            return replace(s, phase=ReturnPhase.GRADING, pending=pending)
        case "return_item_graded":
            assert s.pending is not None
            return replace(s, phase=ReturnPhase.DISPOSING,
                           pending=replace(s.pending, grade=Grade(d["grade"]), reason=d["reason"]))
        case "return_item_recorded":
            item = ReturnedItem.from_data(d)
            counts = {**s.counts, item.sku: s.returned_units(item.sku) + item.units}
            return replace(s, phase=ReturnPhase.RECEIVING, items=(*s.items, item), pending=None, counts=counts,
                           recorded=max(s.recorded, item.item_no))
        case "return_item_cancelled":
            return replace(s, phase=ReturnPhase.RECEIVING, pending=None)
        case "return_item_removed":
            items = tuple(i for i in s.items if i.item_no != d["item"])
            counts = {**s.counts, d["sku"]: s.returned_units(d["sku"]) - 1}
            return replace(s, items=items, counts=counts)
        case "return_item_photographed":
            if d["number"] != s.number:
                return s  # a unit of a return this bench has closed since
            if d.get("in_hand"):
                return replace(s, pending=replace(s.pending, photo=d["photo"])) if s.pending is not None else s
            items = tuple(replace(i, photo=d["photo"]) if i.item_no == d["item"] else i for i in s.items)
            return replace(s, items=items)
        case "approval_requested":
            return replace(s, phase=ReturnPhase.APPROVAL)
        case "approval_withdrawn":
            return replace(s, phase=ReturnPhase.RECEIVING)
        case "return_approved":
            approved = frozenset(RaisedFlag.from_data(f) for f in d["flags"])
            return replace(s, approved=s.approved | approved, approved_by=d["name"])
        case "return_closed" | "return_held" | "return_abandoned":
            return ReturnState(phase=ReturnPhase.IDLE, user=s.user, last_return=d.get("number"))
        case _:
            return s  # scan_rejected, refund_ready: recorded, no change of state


def _signed_in(user: User) -> Fact:
    return Fact("signed_in", {"user_id": user.id, "name": user.name, "role": user.role.value, "badge": user.badge})


def closing_facts(number: str, order_number: str, rma: str | None, items: Iterable[ReturnedItem],
                  flags: Iterable[RaisedFlag], approved_by: str | None, rules: ReturnRules) -> tuple[Fact, Fact]:
    """`return_closed` and the `refund_ready` the order source acts on.

    Also used when a supervisor approves a held return away from the bench, so both paths
    propose the same refund.
    """
    items = tuple(items)
    flags = tuple(flags)
    groups: dict[tuple[str, str, str, int], list[ReturnedItem]] = {}
    for item in items:
        groups.setdefault((item.sku, item.grade.value, item.reason, item.refund_percent(rules)), []).append(item)
    lines = [{"sku": sku, "units": len(group), "grade": grade, "reason": reason, "refund_percent": percent,
              "serials": [i.serial for i in group if i.serial]}
             for (sku, grade, reason, percent), group in groups.items()]
    closed = Fact("return_closed", {"number": number, "order": order_number, "units": len(items)})
    refund = Fact("refund_ready", {"number": number, "order": order_number, "rma": rma, "lines": lines,
                                   "flags": [f.as_data() for f in flags], "approved_by": approved_by,
                                   "review": bool(flags)})
    return closed, refund
