"""The packing workflow as a state machine with no I/O.

    signed out → awaiting order → packing → carton → weighing → labelling → done → (next order)
                                     ↑___________ next box: back to packing ____|

`PackSession.decide(input)` returns the facts to record and the effects to carry out, without
changing anything. The station commits the facts, then calls `apply(facts)`; only then is the
packer told the outcome. `apply` is also how a session is rebuilt from the event log after a
crash, so every change of state goes through a fact.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum

from app.domain.cartons import CartonCheck, CartonSuggestion, check_carton, suggest_carton
from app.domain.events import (
    BadgeScanned,
    CartonScanned,
    CommandScanned,
    Effect,
    Fact,
    Feedback,
    Input,
    ItemScanned,
    LabelFailed,
    LabelPrinted,
    OrderChanged,
    OrderScanned,
    PrintLabel,
    PrintSlip,
    ReprintSlip,
    ResendPrints,
    ScanRejected,
    SerialScanned,
    Tone,
    UnknownScan,
    VoidLabels,
    WeightMeasured,
    Worded,
)
from app.domain.model import Carton, Order, OrderLine, OrderStatus, Product, Role, User
from app.domain.rules import PackingRules
from app.domain.scan import Command
from app.domain.weights import WeightCheck, WeightSource, check_weight, format_kg


class Phase(StrEnum):
    SIGNED_OUT = "signed_out"
    AWAITING_ORDER = "awaiting_order"
    PACKING = "packing"
    CARTON = "carton"
    WEIGHING = "weighing"
    LABELLING = "labelling"
    DONE = "done"


ORDER_OPEN_PHASES = (Phase.PACKING, Phase.CARTON, Phase.WEIGHING, Phase.LABELLING)


@dataclass(frozen=True, slots=True)
class PackedUnit:
    line_no: int
    sku: str
    units: int
    box: int
    serial: str | None = None
    lot: str | None = None
    manual: bool = False


@dataclass(frozen=True, slots=True)
class PendingCode:
    """An item was scanned that needs a serial or lot number before it counts."""

    line_no: int
    sku: str
    needs: str  # "serial" or "lot"
    lot: str | None = None  # a lot already captured while the serial is still missing


@dataclass(frozen=True, slots=True)
class SessionState:
    phase: Phase = Phase.SIGNED_OUT
    packer: User | None = None
    order: Order | None = None
    packed: tuple[PackedUnit, ...] = ()
    counts: dict[int, int] = field(default_factory=dict)  # units packed per line: O(1) on every scan
    box: int = 1
    last_box: bool = False
    pending_qty: int | None = None
    pending_code: PendingCode | None = None
    instructions_confirmed: bool = True
    suggestion: CartonSuggestion | None = None
    carton: Carton | None = None
    weight: WeightCheck | None = None
    needs_override: str | None = None  # "short", "weight" or "carton": a supervisor badge resolves it
    refused_carton: Carton | None = None  # the carton scanned that cannot hold the items (needs_override "carton")
    refused_because: str = ""  # why, in words: what a supervisor's badge approves
    short_approved: bool = False
    labelled_boxes: tuple[int, ...] = ()
    last_order: str | None = None  # the order just finished, for REPRINT and VOID on the done screen

    # -- questions the screen and the rules ask

    def packed_units(self, line_no: int) -> int:
        return self.counts.get(line_no, 0)

    def remaining(self, line: OrderLine) -> int:
        return line.quantity - self.packed_units(line.line_no)

    def missing(self) -> list[tuple[OrderLine, int]]:
        if self.order is None:
            return []
        return [(line, self.remaining(line)) for line in self.order.lines if self.remaining(line) > 0]

    @property
    def complete(self) -> bool:
        return self.order is not None and not self.missing()

    def box_contents(self, box: int | None = None) -> list[tuple[Product, int]]:
        box = self.box if box is None else box
        if self.order is None:
            return []
        products = {line.line_no: line.product for line in self.order.lines}
        totals: dict[int, int] = {}
        for unit in self.packed:
            if unit.box == box:
                totals[unit.line_no] = totals.get(unit.line_no, 0) + unit.units
        return [(products[line_no], qty) for line_no, qty in totals.items()]

    def expected_weight_g(self) -> int:
        items = sum(product.weight_g * qty for product, qty in self.box_contents())
        return items + (self.carton.tare_g if self.carton else 0)

    def box_weight(self) -> tuple[int | None, int, WeightSource]:
        """The open box's weight as recorded: (grams measured or typed, or None when it was not
        weighed; the expected grams; where the weight came from)."""
        if self.weight is None or self.weight.weight_source is WeightSource.NOT_WEIGHED:
            expected = self.weight.expected_g if self.weight is not None else self.expected_weight_g()
            return None, expected, WeightSource.NOT_WEIGHED
        return self.weight.measured_g, self.weight.expected_g, self.weight.weight_source

    def serials(self) -> set[str]:
        return {u.serial for u in self.packed if u.serial}


@dataclass(frozen=True, slots=True)
class Decision:
    facts: tuple[Fact, ...] = ()
    effects: tuple[Effect, ...] = ()

    @property
    def feedback(self) -> Feedback | None:
        return next((e for e in self.effects if isinstance(e, Feedback)), None)


def _say(tone: Tone, code: str, template: str, *facts: Fact, effects: Sequence[Effect] = (),
         **values: object) -> Decision:
    """The packer is told `template` filled with `values` (the screen words it in their language).

    A caller that passes a dict of values as **values passes `effects` too (even when empty), so the
    type checker knows the dict is not where the effects come from."""
    return Decision(facts=facts, effects=(Feedback.say(tone, code, template, **values), *effects))


def _signed_in(user: User) -> Fact:
    return Fact("signed_in", {"user_id": user.id, "name": user.name, "role": user.role.value, "badge": user.badge})


def _reject(code: str, template: str, **values: object) -> Decision:
    """A refused scan: recorded for the error statistics (with its values), state unchanged."""
    feedback = Feedback.say(Tone.REJECTED, code, template, **values)
    recorded = {name: str(v) if isinstance(v, Worded) else v for name, v in values.items()}  # the English
    said = {"code": code, "message": feedback.message, "template": template}  # the audit words it again
    return Decision(facts=(Fact("scan_rejected", {**said, **recorded}),),
                    effects=(feedback,))


# An unknown barcode: what to do (a product's SKU typed finds it; else a supervisor adds it).
UNKNOWN_BARCODE = "Unknown barcode {text}. Type the item's SKU, or set it aside for a supervisor."
_NEEDS_FIRST = {"serial": "Scan the serial number of {pending} first.",
                "lot": "Scan the lot number of {pending} first."}
_HELD = {  # why a packer held an order -> what they are told
    "held": "Order {order} on hold (held by packer). Tote to the hold shelf.",
    "short": "Order {order} on hold (short pick). Tote to the hold shelf.",
    "damaged": "Order {order} on hold (damaged item). Tote to the hold shelf.",
}
# Why a carton cannot hold the box (app.domain.cartons' problems, one template per case and side,
# so the screen can word it from the values); a problem this table lacks is said as its {reason}.
_CARTON_PROBLEMS = {
    ("item_too_big", "long"): "{item} is {item_mm} mm long — {carton} holds {carton_mm} mm",
    ("item_too_big", "wide"): "{item} is {item_mm} mm wide — {carton} holds {carton_mm} mm",
    ("item_too_big", "tall"): "{item} is {item_mm} mm tall — {carton} holds {carton_mm} mm",
    ("too_much_volume", None): "Items need {need_l} L, {carton} holds {holds_l} L",
    ("too_heavy", None): "Items weigh {weight_kg} kg, {carton} takes {max_kg} kg",
}
# Why no carton is suggested (app.domain.cartons.suggest_carton's codes), else its {reason}.
_NO_CARTON = {
    "no_cartons": "No cartons are configured",
    "box_empty": "The box is empty",
    "too_much_for_one": "Too much for one {carton}: use NEXT BOX to split",
}


class PackSession:
    """One bench's packing session. Holds the state; decides; applies recorded facts."""

    def __init__(self, cartons: Sequence[Carton] = (), rules: PackingRules | None = None, *,
                 has_scale: bool = True) -> None:
        self.cartons = tuple(cartons)
        self.rules = rules or PackingRules()
        # False: no scale at this bench; a weight is typed, and the packer is never told to use a scale.
        self.has_scale = has_scale
        self.state = SessionState()

    # ------------------------------------------------------------ deciding

    def decide(self, event: Input) -> Decision:
        s = self.state
        match event:
            case ScanRejected(raw=raw, reason=reason, message=message):
                # The scanner layer's sentence; the screen words the reason (a code of its own).
                rejected = Feedback(Tone.REJECTED, reason, message, values={"raw": raw})
                fact = Fact("scan_rejected", {"code": reason, "message": message, "raw": raw})
                return Decision(facts=(fact,), effects=(rejected,))
            case OrderChanged():
                return self._order_changed(event)
            case WeightMeasured() if s.phase is not Phase.WEIGHING:
                return Decision()  # scales stream weights all day; only the weighing step listens
            case LabelPrinted() | LabelFailed() if s.phase is not Phase.LABELLING:
                return Decision()
        if s.phase is Phase.SIGNED_OUT:
            return self._signed_out(event)
        if isinstance(event, BadgeScanned):
            return self._badge(event)
        if isinstance(event, CommandScanned):
            return self._command(event)
        handler = {
            Phase.AWAITING_ORDER: self._awaiting_order,
            Phase.DONE: self._awaiting_order,
            Phase.PACKING: self._packing,
            Phase.CARTON: self._carton,
            Phase.WEIGHING: self._weighing,
            Phase.LABELLING: self._labelling,
        }[s.phase]
        return handler(event)

    def _signed_out(self, event: Input) -> Decision:
        if not isinstance(event, BadgeScanned):
            return _reject("sign_in_first", "Scan your badge to sign in.")
        if event.user is None:
            return _reject("unknown_badge", "Badge {badge} is not known. Ask a supervisor.", badge=event.badge)
        user = event.user
        return _say(Tone.ACCEPTED, "signed_in", "Hello {name}. Scan an order.", _signed_in(user), name=user.name)

    def _badge(self, event: BadgeScanned) -> Decision:
        s = self.state
        user = event.user
        if user is None:
            return _reject("unknown_badge", "Badge {badge} is not known. Ask a supervisor.", badge=event.badge)
        if s.needs_override and user.role.can_override:
            return self._override(user)
        if s.phase in ORDER_OPEN_PHASES:
            if user.role.can_override:
                return _say(Tone.INFO, "nothing_to_override", "Nothing needs a supervisor here.")
            assert s.order is not None
            return _reject("finish_order_first", "Finish order {order} first (or HOLD it).", order=s.order.number)
        assert s.packer is not None
        if user.id == s.packer.id:
            return _say(Tone.INFO, "already_signed_in", "{name}, you are signed in. Scan an order.",
                        name=user.name)
        return _say(Tone.ACCEPTED, "signed_in", "Hello {name}. Scan an order.", Fact("signed_out"),
                    _signed_in(user), name=user.name)

    def _override(self, supervisor: User) -> Decision:
        s = self.state
        grant = Fact("override_granted", {"by": supervisor.id, "name": supervisor.name, "reason": s.needs_override})
        if s.needs_override == "short":
            missing = ", ".join(f"{qty}× {line.sku}" for line, qty in s.missing())
            close = self._close_box_fact(last=True)
            return _say(Tone.WARNING, "override_short", "Approved by {name}: ships without {missing}.",
                        grant, close, name=supervisor.name, missing=missing)
        if s.needs_override == "carton" and s.refused_carton is not None:
            carton = s.refused_carton
            # The override as a fact: who, which carton, why it was refused.
            grant = Fact("override_granted", {"by": supervisor.id, "name": supervisor.name, "reason": "carton",
                                              "carton": carton.code, "why": s.refused_because})
            return self._carton_chosen(carton, approved=(grant, supervisor.name))
        return _say(Tone.WARNING, "override_weight", "Weight approved by {name}. Printing label.", grant,
                    effects=(PrintLabel(s.box),), name=supervisor.name)

    # -- awaiting an order (also the done screen)

    def _awaiting_order(self, event: Input) -> Decision:
        match event:
            case OrderScanned():
                return self._open_order(event)
            case ItemScanned() | SerialScanned():
                return _reject("scan_order_first", "Scan an order or tote first.")
            case CartonScanned():
                return _reject("scan_order_first", "Scan an order or tote first.")
            case UnknownScan(text=text):
                return _reject("unknown_order", "No order or tote {text}. Check the pick list.", text=text)
        return Decision()

    def _open_order(self, event: OrderScanned) -> Decision:
        order = event.order
        ref = event.reference
        if order is None:
            return _reject("unknown_order", "No order or tote {text}. Check the pick list.", text=ref)
        blocked = self._order_blocked(order, event)
        if blocked:
            return blocked
        fact = Fact("order_opened", {"number": order.number}, order=order)
        if order.packing_instructions:
            return _say(Tone.ATTENTION, "confirm_instructions",
                        "Read the packing instructions, then scan CONFIRM.", fact)
        return _say(Tone.ACCEPTED, "order_opened", "Order {order}: {units} item(s). Scan items.", fact,
                    order=order.number, units=order.units)

    @staticmethod
    def _order_blocked(order: Order, event: OrderScanned) -> Decision | None:
        number = order.number
        if order.status is OrderStatus.CANCELLED:
            return _reject("order_cancelled", "Order {order} is CANCELLED. Do not pack: tote to the supervisor.",
                           order=number)
        if order.status is OrderStatus.HELD:
            return _reject("order_on_hold", "Order {order} is on hold. Give the tote to a supervisor.", order=number)
        if order.status in (OrderStatus.PACKED, OrderStatus.SHIPPED):
            if event.packed_note:
                return _reject("order_already_packed", "Order {order} is already packed ({note}). Do not pack again.",
                               order=number, note=event.packed_note)
            return _reject("order_already_packed", "Order {order} is already packed. Do not pack again.", order=number)
        if event.held_elsewhere:
            return _reject("order_claimed", "Order {order} is being packed at {station}.",
                           order=number, station=event.held_elsewhere)
        if event.not_held == "offline":
            return _reject("order_not_held_offline",
                           "Central database offline: order {order} is not held here, so it cannot be packed "
                           "until the connection is back.", order=number)
        if event.not_held:
            return _reject("order_not_central", "Order {order} is not in the central database. "
                           "Give the tote to a supervisor.", order=number)
        return None

    # -- packing

    def _packing(self, event: Input) -> Decision:
        s = self.state
        assert s.order is not None
        match event:
            case OrderScanned(order=order) if order is not None and order.number == s.order.number:
                return _say(Tone.INFO, "same_order", "Already packing {order}. Scan items.",
                            order=order.number)
            case OrderScanned():
                return _reject("finish_order_first", "Finish order {order} first (or HOLD it).", order=s.order.number)
            case _ if not s.instructions_confirmed:
                return _reject("confirm_instructions", "Read the packing instructions, then scan CONFIRM.")
            case ItemScanned():
                return self._item(event)
            case SerialScanned():
                return self._code(event)
            case UnknownScan(text=text) if s.pending_code is not None:
                return self._code(SerialScanned(text))
            case UnknownScan(text=text):
                return _reject("unknown_barcode", UNKNOWN_BARCODE,
                               text=text)
            case CartonScanned():
                return _reject("items_missing", "Scan the remaining items before the carton (or NEXT BOX).")
        return Decision()

    def _item(self, event: ItemScanned) -> Decision:
        s = self.state
        assert s.order is not None
        product = event.product
        if product is None:
            return _reject("unknown_barcode", UNKNOWN_BARCODE, text=event.shown or event.code)
        line = s.order.line_for_sku(product.sku)
        if s.pending_code is not None and (line is None or line.line_no != s.pending_code.line_no or not event.serial):
            return _reject("code_expected", _NEEDS_FIRST[s.pending_code.needs], sku=product.sku,
                           pending=s.pending_code.sku)
        if line is None:
            return self._wrong_item(product, event)
        units = event.units * (s.pending_qty or 1)
        tracked = product.requires_serial or product.requires_lot
        if tracked and units > 1:
            return _reject("scan_each_unit", "{sku} needs a serial for each unit: scan them one by one.",
                           sku=product.sku)
        remaining = s.remaining(line)
        if units > remaining:  # the stop says what to do: put back what is too many
            packed = s.packed_units(line.line_no)
            if remaining == 0:
                return _reject("over_scan", "Put it back — order needs {needed} {sku}, {packed} packed.",
                               sku=product.sku, units=units, needed=line.quantity, packed=packed, remaining=0)
            return _reject("over_scan", "Put it back — {units} {sku} scanned, the order needs only {remaining} "
                           "more ({needed} ordered, {packed} packed). Scan single units.",
                           sku=product.sku, units=units, needed=line.quantity, packed=packed, remaining=remaining)
        if event.serial:  # a serialised GS1 code scanned twice is the same unit twice
            serial_problem = self._serial_problem(event.serial, event.serial_shipped_in)
            if serial_problem:
                return serial_problem
        return self._pack_or_ask(line, product, units, event)

    def _wrong_item(self, product: Product, event: ItemScanned) -> Decision:
        """Not in this order: name every open order holding it (with its tote), so the packer takes
        it to the right one; on no open order, it goes aside for a supervisor."""
        s = self.state
        assert s.order is not None
        others = list(event.other_orders) or ([(event.other_order, None)] if event.other_order else [])
        if not others:
            return _reject("wrong_item", "Wrong item: {sku} is not in order {order} nor in any open order. "
                           "Set it aside for a supervisor.", sku=product.sku, order=s.order.number)
        orders = [{"order": number, "tote": tote} for number, tote in others]
        common = {"sku": product.sku, "order": s.order.number, "orders": orders, "more": event.other_orders_more,
                  "other_order": others[0][0]}  # other_order: the first, as the error statistics record it
        if len(others) == 1 and not event.other_orders_more:
            number, tote = others[0]
            if tote:
                return _reject("other_order", "Wrong item: {sku} is not in order {order}. Put it aside for order "
                               "{other_order} (tote {tote}).", tote=tote, **common)
            return _reject("other_order", "Wrong item: {sku} is not in order {order}. Put it aside for order "
                           "{other_order}.", **common)
        english = ", ".join(f"{number} (tote {tote})" if tote else number for number, tote in others)
        if event.other_orders_more:
            english += f" +{event.other_orders_more} more"
        # the screen words "tote" and "+N more" from the items (app.ui.messages)
        listed = Worded("orders", tuple(("order", number, tote or "") for number, tote in others)
                        + ((("more", str(event.other_orders_more)),) if event.other_orders_more else ()), english)
        return _reject("other_order", "Wrong item: {sku} is not in order {order}. Put it aside: open orders "
                       "{listed} need it.", listed=listed, **common)

    def _pack_or_ask(self, line: OrderLine, product: Product, units: int, event: ItemScanned) -> Decision:
        lot = event.lot or (self.state.pending_code.lot if self.state.pending_code else None)
        if product.requires_lot and not lot:
            ask = Fact("code_requested", {"line": line.line_no, "sku": product.sku, "needs": "lot"})
            return _say(Tone.ATTENTION, "lot_needed", "Now scan the LOT number of {sku}.", ask,
                        sku=product.sku)
        if product.requires_serial and not event.serial:
            ask = Fact("code_requested", {"line": line.line_no, "sku": product.sku, "needs": "serial", "lot": lot})
            return _say(Tone.ATTENTION, "serial_needed", "Now scan the SERIAL number of {sku}.", ask,
                        sku=product.sku)
        return self._packed(line, units, serial=event.serial, lot=lot, manual=event.manual)

    def _code(self, event: SerialScanned) -> Decision:
        s = self.state
        pending = s.pending_code
        if pending is None:
            return _reject("unknown_barcode", UNKNOWN_BARCODE,
                           text=event.text)
        assert s.order is not None
        line = next(line for line in s.order.lines if line.line_no == pending.line_no)
        if pending.needs == "lot":
            if line.product.requires_serial:
                ask = Fact("code_requested",
                           {"line": line.line_no, "sku": line.sku, "needs": "serial", "lot": event.text})
                return _say(Tone.ATTENTION, "serial_needed", "Lot {lot} noted. Now scan the SERIAL.", ask,
                            lot=event.text)
            return self._packed(line, 1, lot=event.text, manual=event.manual)
        problem = self._serial_problem(event.text, event.shipped_in)
        if problem:
            return problem
        return self._packed(line, 1, serial=event.text, lot=pending.lot, manual=event.manual)

    def _serial_problem(self, serial: str, shipped_in: str | None) -> Decision | None:
        if serial in self.state.serials():
            return _reject("duplicate_serial", "Serial {serial} is already in this order. Scan the next unit's.",
                           serial=serial)
        if shipped_in:
            return _reject("duplicate_serial", "Serial {serial} already shipped in order {other_order}. Supervisor!",
                           serial=serial, other_order=shipped_in)
        return None

    def _packed(self, line: OrderLine, units: int, *, serial: str | None = None, lot: str | None = None,
                manual: bool = False) -> Decision:
        s = self.state
        data = {"line": line.line_no, "sku": line.sku, "units": units, "box": s.box, "serial": serial, "lot": lot,
                "manual": manual}
        packed = Fact("item_packed", data)
        done = s.packed_units(line.line_no) + units
        after = replace(s, packed=(*s.packed, PackedUnit(line.line_no, line.sku, units, s.box, serial, lot)),
                        counts={**s.counts, line.line_no: done})
        if not after.missing():
            close = self._close_box_fact(last=True, state=after)
            prompt, values = self._carton_prompt(after)
            # ATTENTION, not COMPLETE: the order is done when its label has printed, not before.
            return _say(Tone.ATTENTION, "all_items_packed", "All items packed. " + prompt, packed, close, effects=(),
                        **values)
        if serial:
            return _say(Tone.ACCEPTED, "item_packed", "✓ {sku} {done}/{quantity} · serial {serial}", packed,
                        sku=line.sku, done=done, quantity=line.quantity, serial=serial)
        return _say(Tone.ACCEPTED, "item_packed", "✓ {sku} {done}/{quantity}", packed,
                    sku=line.sku, done=done, quantity=line.quantity)

    def _close_box_fact(self, *, last: bool, state: SessionState | None = None) -> Fact:
        s = state or self.state
        return Fact("box_closed", {"box": s.box, "last": last})

    def _carton_prompt(self, state: SessionState) -> tuple[str, dict[str, object]]:
        """What to do for the carton, as a template and its values."""
        suggestion = self._suggest(state)
        if suggestion.carton is None:
            return _NO_CARTON.get(suggestion.code, "{reason}") + ".", {"reason": suggestion.reason,
                                                                        **suggestion.values}
        carton = suggestion.carton
        return "Use carton {carton} ({carton_name}): scan it or CONFIRM.", {"carton": carton.code,
                                                                          "carton_name": carton.name}

    def _suggest(self, state: SessionState) -> CartonSuggestion:
        return suggest_carton(state.box_contents(), self.cartons, self.rules.carton_fill_limit)

    # -- carton, weighing, labelling

    def _carton(self, event: Input) -> Decision:
        s = self.state
        match event:
            case CartonScanned(carton=None, code=code):
                return _reject("unknown_carton", "Carton {text} is not configured. Scan another carton.", text=code)
            case CartonScanned(carton=Carton() as carton):
                return self._carton_scanned(carton)
            case ItemScanned() | SerialScanned():
                return _reject("box_closed", "This box is closed. UNDO to reopen it, or scan the carton.")
            case UnknownScan(text=text):
                typed = next((c for c in self.cartons if c.code.upper() == text.upper()), None)
                if typed:
                    return self._carton_scanned(typed)
                return _reject("unknown_carton", "Carton {text} is not configured. Scan another carton.", text=text)
            case OrderScanned():
                assert s.order is not None
                return _reject("finish_order_first", "Finish order {order} first (or HOLD it).", order=s.order.number)
        return Decision()

    def _carton_scanned(self, carton: Carton) -> Decision:
        """A carton the packer scanned: taken when it can hold the box's items, else refused with
        the reason and the carton that fits (a supervisor's badge may still approve it)."""
        s = self.state
        check = check_carton(s.box_contents(), carton, self.rules.carton_fill_limit)
        if check.fits:
            return self._carton_chosen(carton, check=check)
        return self._carton_refused(check)

    def _carton_refused(self, check: CartonCheck) -> Decision:
        s = self.state
        carton = check.carton
        problem = check.problems[0]
        suggestion = self._suggest(s)
        values = {"carton": carton.code, "reason": check.reason, "problem": problem.code,
                  "problems": [{"code": p.code, "message": p.message, **p.values} for p in check.problems],
                  "suggested": suggestion.carton.code if suggestion.carton else None}
        refused = Fact("carton_refused", {"box": s.box, "carton": carton.code, "why": check.reason,
                                          "problems": [p.code for p in check.problems]})
        said = _CARTON_PROBLEMS.get((problem.code, problem.values.get("side")), "{reason}")
        if said.format(**{**problem.values, "reason": check.reason}) != check.reason:
            said = "{reason}"  # the table no longer matches cartons.py: the English reason as it is
        values = {**problem.values, **values}
        if suggestion.carton is not None:
            template = said + ". Use {suggested} — or a supervisor's badge keeps {carton}."
        else:
            template = said + ". No carton holds it all: UNDO and split with NEXT BOX — or a supervisor's badge " \
                       "keeps {carton}."
        feedback = Feedback.say(Tone.REJECTED, "carton_too_small", template, **values)
        recorded = {k: v for k, v in values.items() if k != "problems"}  # carton_refused keeps the problems
        rejected = Fact("scan_rejected", {"code": "carton_too_small", "message": feedback.message, "template": template,
                                          "text": carton.code, **recorded})
        return Decision(facts=(rejected, refused), effects=(feedback,))

    def _carton_chosen(self, carton: Carton, *, check: CartonCheck | None = None,
                       approved: tuple[Fact, str] | None = None) -> Decision:
        """`check`: the carton was checked and fits (its unchecked SKUs are said); `approved`: a
        supervisor approved a carton that was refused (their fact and name)."""
        s = self.state
        chosen = Fact("carton_chosen", {"box": s.box, "carton": carton.code,
                                        **({"approved_by": approved[1]} if approved else {})})
        facts: tuple[Fact, ...] = (approved[0], chosen) if approved else (chosen,)
        after = replace(s, carton=carton)
        expected = after.expected_weight_g()
        unchecked = ", ".join(check.unchecked) if check is not None else ""
        values: dict[str, object] = {"carton": carton.code, "box": s.box}
        if approved:
            head, values["name"] = "Carton {carton} approved by {name}.", approved[1]
        elif unchecked:
            # Unknown dimensions: accepted, and said: the packer checks by eye.
            head, values["unchecked"] = "Carton {carton} (size not checked: no dimensions for {unchecked}).", unchecked
        else:
            head = "Carton {carton}."
        tone = Tone.WARNING if approved or unchecked else None
        if not self.rules.weigh_parcels:
            # Weighing is off: the box is recorded as not weighed; the expected weight is a check,
            # never a measurement (records say what happened).
            skipped = Fact("box_not_weighed", {"box": s.box, "expected": expected})
            return _say(tone or Tone.ACCEPTED, "carton_chosen", head + " Printing label for box {box}.", *facts,
                        skipped, effects=(PrintLabel(s.box),), **values)
        return _say(tone or Tone.ATTENTION, "carton_chosen", head + " " + self._weigh_prompt(), *facts, effects=(),
                    **values)

    def _weigh_prompt(self) -> str:
        """What to do in the weighing step: the scale, or (no scale at this bench) type the weight."""
        return "Put the box on the scale." if self.has_scale else "Type the box's weight."

    def _weight_fact(self, check: WeightCheck, source: str) -> Fact:
        return Fact("weight_recorded", {
            "box": self.state.box, "grams": check.measured_g, "expected": check.expected_g,
            "allowance": check.allowance_g, "within": check.within, "source": source,
        })

    def _weighing(self, event: Input) -> Decision:
        match event:
            case WeightMeasured(stable=False):
                return Decision()
            case WeightMeasured(grams=grams, source=source):
                return self._weighed(grams, source)
            case OrderScanned():
                assert self.state.order is not None
                return _reject("finish_order_first", "Finish order {order} first (or HOLD it).",
                               order=self.state.order.number)
            case _:
                return _reject("weigh_first", "Put the box on the scale first." if self.has_scale
                               else "Type the box's weight first.")

    def _weighed(self, grams: int, source: str) -> Decision:
        s = self.state
        if grams <= 0:
            return _say(Tone.INFO, "scale_empty", self._weigh_prompt())
        # A typed weight is checked like a scale's: the weight check is the defence against a
        # wrong item in a closed box, with or without a scale.
        check = check_weight(grams, s.expected_weight_g(), self.rules)
        fact = self._weight_fact(check, source)
        typed = WeightSource.of(source) is WeightSource.MANUAL
        band = check.band  # expected and ± at one precision, as the weighing screen shows them
        weights = {"weight": format_kg(grams) if band.decimals == 2 else band.kg(grams) + " kg",
                   "expected": band.expected_text, "allowance": band.allowance_text}
        if check.within:
            template = "{weight} (typed) ✓ Printing label for box {box}." if typed else \
                "{weight} ✓ Printing label for box {box}."
            return _say(Tone.ACCEPTED, "weight_ok", template, fact, effects=(PrintLabel(s.box),),
                        weight=weights["weight"], box=s.box)
        template = ("Weighs {weight} (typed), expected {expected} ± {allowance}. Check the box; re-weigh, HOLD or "
                    "supervisor.") if typed else \
            "Weighs {weight}, expected {expected} ± {allowance}. Check the box; re-weigh, HOLD or supervisor."
        return _say(Tone.REJECTED, "weight_mismatch", template, fact, effects=(), **weights)

    def _labelling(self, event: Input) -> Decision:
        s = self.state
        assert s.order is not None
        match event:
            case LabelPrinted(box=box, tracking_number=tracking):
                printed = Fact("label_printed", {"box": box, "tracking": tracking})
                if not s.last_box:
                    return _say(Tone.COMPLETE, "box_labelled",
                                "Box {box} labelled. Scan items for box {next}.", printed, box=box, next=box + 1)
                packed = Fact("order_packed", {"number": s.order.number, "boxes": box})
                return _say(Tone.COMPLETE, "order_packed", "Order {order} packed. Scan the next order.",
                            printed, packed, effects=(PrintSlip(s.order.number),), order=s.order.number)
            case LabelFailed(box=box, message=message, can_retry=False):
                failed = Fact("print_failed", {"box": box, "message": message, "can_retry": False})
                return _say(Tone.REJECTED, "label_cannot_be_made",
                            "{reason} HOLD the order and give it to a supervisor.", failed, reason=message)
            case LabelFailed(box=box, message=message):
                failed = Fact("print_failed", {"box": box, "message": message})
                return _say(Tone.REJECTED, "label_failed", "Label did not print: {reason} Then scan REPRINT.", failed,
                            reason=message)
            case OrderScanned():
                return _reject("finish_order_first", "Label for {order} is printing. Scan REPRINT if lost.",
                               order=s.order.number)
        return _reject("label_printing", "Label is printing. Scan REPRINT if it did not come out.")

    # -- commands

    def _command(self, event: CommandScanned) -> Decision:
        handlers = {
            Command.UNDO: self._undo,
            Command.COMPLETE: self._complete,
            Command.CONFIRM: self._confirm,
            Command.HOLD: lambda: self._hold("held", "held by packer"),
            Command.SHORT: lambda: self._hold("short", "short pick"),
            Command.DAMAGED: lambda: self._hold("damaged", "damaged item"),
            Command.CANCEL: self._cancel,
            Command.NEXT_BOX: self._next_box,
            Command.REPRINT: self._reprint,
            Command.VOID: self._void,
            Command.SIGN_OUT: self._sign_out,
            Command.QTY: lambda: self._qty(event.argument),
            Command.REPRINT_SLIP: self._reprint_slip,
            Command.RESEND: lambda: _say(Tone.INFO, "resend", "Resending the interrupted print jobs.",
                                         effects=(ResendPrints(),)),
        }
        return handlers[event.command]()

    def _no_order(self) -> Decision | None:
        if self.state.phase in ORDER_OPEN_PHASES:
            return None
        return _reject("no_order_open", "No order is open. Scan an order first.")

    def _undo(self) -> Decision:
        s = self.state
        if s.phase in (Phase.CARTON, Phase.WEIGHING):
            return _say(Tone.WARNING, "box_reopened", "Box {box} reopened. Scan items.",
                        Fact("box_reopened", {"box": s.box}), box=s.box)
        if s.phase is not Phase.PACKING:
            return _reject("nothing_to_undo", "Nothing to undo here. A printed label is removed with VOID.")
        if s.pending_code is not None:
            return _say(Tone.WARNING, "undo_pending", "{sku} not counted. Take it out.",
                        Fact("code_cancelled", {"sku": s.pending_code.sku}), sku=s.pending_code.sku)
        if s.pending_qty:
            return _say(Tone.WARNING, "undo_qty", "Quantity cleared.", Fact("qty_cleared"))
        last = next((u for u in reversed(s.packed) if u.box == s.box), None)
        if last is None:
            return _reject("nothing_to_undo", "Nothing to undo in this box.")
        data = {"line": last.line_no, "sku": last.sku, "units": last.units, "box": last.box, "serial": last.serial}
        return _say(Tone.WARNING, "item_unpacked", "Undone: take {units}× {sku} out of the box.",
                    Fact("item_unpacked", data), units=last.units, sku=last.sku)

    def _complete(self) -> Decision:
        s = self.state
        if s.phase is Phase.CARTON:
            return self._confirm()
        if s.phase is Phase.WEIGHING:
            return _reject("weigh_first", "Put the box on the scale first." if self.has_scale
                           else "Type the box's weight first.")
        if s.phase is not Phase.PACKING:
            return self._no_order() or _reject("label_printing", "Label is printing.")
        missing = s.missing()
        if not missing:
            prompt, values = self._carton_prompt(s)
            return _say(Tone.ATTENTION, "all_items_packed", prompt, self._close_box_fact(last=True), effects=(),
                        **values)
        listing = ", ".join(f"{qty}× {line.sku}" for line, qty in missing[:3])
        count = sum(qty for _, qty in missing)
        return _say(Tone.REJECTED, "items_missing",
                    "{count} missing: {listing}. Scan them, SHORT to hold, or supervisor badge.",
                    Fact("verification_failed", {"missing": {line.sku: qty for line, qty in missing}}),
                    count=count, listing=listing)

    def _confirm(self) -> Decision:
        s = self.state
        if s.phase is Phase.PACKING and not s.instructions_confirmed:
            return _say(Tone.ACCEPTED, "instructions_confirmed", "Instructions confirmed. Scan items.",
                        Fact("instructions_confirmed"))
        if s.phase is Phase.CARTON:
            suggestion = self._suggest(s)
            if suggestion.carton is None:
                return _reject("no_carton_fits", _NO_CARTON.get(suggestion.code, "{reason}") + ". Scan a carton.",
                               **{"reason": suggestion.reason, **suggestion.values})
            return self._carton_scanned(suggestion.carton)  # the suggestion fits: this says what was unchecked
        return _say(Tone.INFO, "nothing_to_confirm", "Nothing to confirm here.")

    def _hold(self, reason: str, label: str) -> Decision:
        s = self.state
        blocked = self._no_order()
        if blocked:
            return blocked
        assert s.order is not None
        missing = {line.sku: qty for line, qty in s.missing()}
        fact = Fact("order_held", {"number": s.order.number, "reason": reason, "missing": missing})
        return _say(Tone.WARNING, "order_held", _HELD[reason], fact, order=s.order.number)

    def _cancel(self) -> Decision:
        s = self.state
        blocked = self._no_order()
        if blocked:
            return blocked
        assert s.order is not None
        if s.labelled_boxes:
            return _reject("labels_printed", "Labels are printed for this order: VOID them, or HOLD it.")
        return _say(Tone.WARNING, "order_released",
                    "Stopped packing {order}. Put everything back in the tote.",
                    Fact("order_released", {"number": s.order.number, "reason": "cancelled by packer"}),
                    order=s.order.number)

    def _next_box(self) -> Decision:
        s = self.state
        if s.phase is not Phase.PACKING:
            return self._no_order() or _reject("not_now", "Finish this box first.")
        if not s.box_contents():
            return _reject("box_empty", "This box is empty. Scan an item first.")
        if s.complete:
            return self._complete()
        prompt, values = self._carton_prompt(s)
        return _say(Tone.ATTENTION, "box_closed", "Box {box} closed. " + prompt, self._close_box_fact(last=False),
                    effects=(), box=s.box, **values)

    def _reprint(self) -> Decision:
        s = self.state
        box = s.labelled_boxes[-1] if s.labelled_boxes else None
        if s.phase is Phase.LABELLING:
            box = s.box
        if box is None:
            return _reject("nothing_to_reprint", "No label to reprint yet.")
        return _say(Tone.INFO, "reprint", "Reprinting label for box {box}.",
                    Fact("reprint_requested", {"box": box}), effects=(PrintLabel(box, reprint=True),), box=box)

    def _reprint_slip(self) -> Decision:
        s = self.state
        if s.phase in ORDER_OPEN_PHASES or not s.last_order:
            return _reject("no_slip_yet", "No packing slip yet: it prints when the order is packed.")
        return _say(Tone.INFO, "reprint_slip", "Reprinting the packing slip of order {order}.",
                    effects=(ReprintSlip(s.last_order),), order=s.last_order)

    def _void(self) -> Decision:
        s = self.state
        number = s.order.number if s.order else None
        if not s.labelled_boxes or number is None or s.phase not in (Phase.LABELLING, Phase.DONE, Phase.PACKING):
            return _reject("nothing_to_void", "No printed label to void.")
        return _say(Tone.WARNING, "labels_voided", "Labels of {order} voided: remove them. Scan the order to repack.",
                    Fact("labels_voided", {"number": number, "boxes": list(s.labelled_boxes)}),
                    effects=(VoidLabels(number),), order=number)

    def _sign_out(self) -> Decision:
        s = self.state
        if s.phase in ORDER_OPEN_PHASES:
            assert s.order is not None
            return _reject("finish_order_first", "Finish, HOLD or CANCEL order {order} before signing out.",
                           order=s.order.number)
        return _say(Tone.INFO, "signed_out", "Signed out. Scan a badge to sign in.", Fact("signed_out"))

    def _qty(self, qty: int | None) -> Decision:
        if self.state.phase is not Phase.PACKING:
            return _reject("not_now", "Scan QTY just before the item.")
        if not qty or qty < 1:
            return _reject("bad_quantity", "Quantity must be 1 or more.")
        return _say(Tone.INFO, "qty_armed", "Quantity {qty}: now scan the item.", Fact("qty_armed", {"qty": qty}),
                    qty=qty)

    # -- upstream changes

    def _order_changed(self, event: OrderChanged) -> Decision:
        s = self.state
        order = event.order
        if s.order is None or s.order.number != order.number or s.phase not in ORDER_OPEN_PHASES:
            return Decision()
        if order.status in (OrderStatus.CANCELLED, OrderStatus.HELD):
            fact = Fact("order_stopped", {"number": order.number, "status": order.status.value})
            template = "STOP: order {order} was CANCELLED. Unpack everything into the tote; supervisor." \
                if order.status is OrderStatus.CANCELLED else \
                "STOP: order {order} was put ON HOLD. Unpack everything into the tote; supervisor."
            return _say(Tone.ATTENTION, "order_stopped", template, fact, order=order.number)
        return Decision()

    # ------------------------------------------------------------ applying

    def apply(self, facts: Iterable[Fact]) -> SessionState:
        for fact in facts:
            self.state = self._evolve(self.state, fact)
        return self.state

    def _evolve(self, s: SessionState, fact: Fact) -> SessionState:
        d = fact.data
        match fact.type:
            case "signed_in":
                user = User(id=d["user_id"], name=d["name"], role=Role(d["role"]), badge=d.get("badge"))
                return SessionState(phase=Phase.AWAITING_ORDER, packer=user)
            case "signed_out":
                return SessionState()
            case "order_opened":
                if fact.order is None:
                    raise ValueError("order_opened needs its order attached")
                return SessionState(phase=Phase.PACKING, packer=s.packer, order=fact.order,
                                    instructions_confirmed=not fact.order.packing_instructions)
            case "instructions_confirmed":
                return replace(s, instructions_confirmed=True)
            case "qty_armed":
                return replace(s, pending_qty=d["qty"])
            case "qty_cleared":
                return replace(s, pending_qty=None)
            case "code_requested":
                return replace(s, pending_code=PendingCode(d["line"], d["sku"], d["needs"], d.get("lot")))
            case "code_cancelled":
                return replace(s, pending_code=None, pending_qty=None)
            case "item_packed":
                unit = PackedUnit(d["line"], d["sku"], d["units"], d["box"], d.get("serial"), d.get("lot"),
                                  d.get("manual", False))
                counts = {**s.counts, unit.line_no: s.packed_units(unit.line_no) + unit.units}
                return replace(s, packed=(*s.packed, unit), counts=counts, pending_qty=None, pending_code=None)
            case "item_unpacked":
                packed, removed = _without_last(s.packed, d)
                counts = dict(s.counts)
                if removed is not None:
                    counts[removed.line_no] -= removed.units
                return replace(s, packed=packed, counts=counts, pending_qty=None)
            case "verification_failed":
                return replace(s, needs_override="short")
            case "box_closed":
                closed = replace(s, phase=Phase.CARTON, last_box=d["last"], needs_override=None, pending_qty=None)
                return replace(closed, suggestion=self._suggest(closed))
            case "box_reopened":
                return replace(s, phase=Phase.PACKING, carton=None, weight=None, suggestion=None, needs_override=None,
                               last_box=False, refused_carton=None, refused_because="")
            case "carton_refused":
                carton = next((c for c in self.cartons if c.code == d["carton"]), None)
                return replace(s, needs_override="carton" if carton else None, refused_carton=carton,
                               refused_because=d.get("why", ""))
            case "carton_chosen":
                carton = next((c for c in self.cartons if c.code == d["carton"]), None)
                return replace(s, phase=Phase.WEIGHING, carton=carton, needs_override=None, refused_carton=None,
                               refused_because="")
            case "box_not_weighed":
                return replace(s, phase=Phase.LABELLING, weight=None, needs_override=None)
            case "weight_recorded":
                check = WeightCheck(d["grams"], d["expected"], d["allowance"], d.get("source", "scale"))
                if check.within:
                    return replace(s, phase=Phase.LABELLING, weight=check, needs_override=None)
                return replace(s, weight=check, needs_override="weight")
            case "override_granted":
                if d["reason"] == "short":
                    return replace(s, short_approved=True, needs_override=None)
                if d["reason"] == "carton":  # the carton_chosen fact that follows takes the carton
                    return replace(s, needs_override=None)
                return replace(s, phase=Phase.LABELLING, needs_override=None)
            case "label_printed":
                boxes = (*s.labelled_boxes, d["box"])
                if s.last_box:
                    return replace(s, labelled_boxes=boxes)
                return replace(s, phase=Phase.PACKING, labelled_boxes=boxes, box=d["box"] + 1, carton=None,
                               weight=None, suggestion=None)
            case "order_packed":
                return replace(s, phase=Phase.DONE, last_order=d["number"])
            case "order_held" | "order_released" | "order_stopped" | "labels_voided":
                return SessionState(phase=Phase.AWAITING_ORDER, packer=s.packer, last_order=d.get("number"))
            case _:
                return s  # scan_rejected, print_failed, reprint_requested: recorded, no change of state


def _without_last(packed: tuple[PackedUnit, ...], d: dict) -> tuple[tuple[PackedUnit, ...], PackedUnit | None]:
    for index in range(len(packed) - 1, -1, -1):
        unit = packed[index]
        if unit.line_no == d["line"] and unit.box == d["box"] and unit.serial == d.get("serial"):
            return packed[:index] + packed[index + 1:], unit
    return packed, None
