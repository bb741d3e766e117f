"""The application service: one bench's packing session wired to its database and printers.

The GUI and `packstation replay` drive the same Station, so a scan does exactly the same thing
with or without a screen. For each input the Station resolves what was scanned (which order,
which product), asks the session to decide, commits the resulting facts to the event log, and
only then applies them and reports the outcome.

What the facts owe (a label per parcel, the packing slip, the customer's e-mail, the stock
booking, a carrier void) is written as an intent in the same transaction as the facts, then
carried out; each intent's key fixes the print job or outbox row it makes, so carrying it out
again makes nothing twice. At start, whatever a crash left owed is carried out (`resume`): the
session gets the label result it was waiting for and the station takes the next order.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from app.config import Config
from app.domain.events import (
    BadgeScanned,
    CartonScanned,
    CommandScanned,
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
    Told,
    Tone,
    UnknownScan,
    VoidLabels,
    WeightMeasured,
)
from app.domain.model import Order, OrderStatus, User
from app.domain.order_refs import AmbiguousOrderReference
from app.domain.scan import Command, Scan, ScanKind, ScanRules, parse_scan
from app.domain.session import ORDER_OPEN_PHASES, PackSession, Phase, SessionState
from app.store.repository import Intent, ParcelDraft, Repository, Settled

if TYPE_CHECKING:
    from app.sync.claims import ClaimResult

log = logging.getLogger(__name__)

_STOCK_FACTS = frozenset({"order_packed", "labels_voided"})  # facts that move stock

# What a window carries out just after it showed the outcome (a slip is a page: ~10 ms to render).
_AFTER_OUTCOME = ("slip", "email", "stock")
_INTENTS = uuid.UUID("6f1d8f0e-3c1b-4f57-9a53-2d0c1f8e7a41")  # namespace of the ids intents make


def job_id_for(key: str) -> str:
    """The print job an intent makes: the same id each time it is carried out, so it is queued once."""
    return str(uuid.uuid5(_INTENTS, key))

# Central statuses that mean "do not open": when the central database says so, the cache is behind.
_CENTRAL_STOPS = frozenset({"cancelled", "held", "packed", "shipped"})


class Claims(Protocol):
    """app.sync.claims.ClaimService: who may pack an order (networked stations only)."""

    def claim(self, order_number: str) -> ClaimResult: ...


class PrintFailed(Exception):
    """A label or slip could not be produced or sent; the message is for the packer.

    `can_retry=False`: trying again cannot help (the label cannot be drawn from this order's
    data or the template): the packer holds the order for a supervisor instead.
    """

    def __init__(self, message: str, *, can_retry: bool = True) -> None:
        super().__init__(message)
        self.can_retry = can_retry


class LabelResult(NamedTuple):
    """A queued label: its tracking number (None for the station's own), format and print job id."""

    tracking_number: str | None
    format: str
    reference: str
    shortened: tuple[str, ...] = ()  # fields the label build shortened to fit


@dataclass(frozen=True)
class LabelJob:
    order: Order
    box: int
    boxes: int | None  # known once the order's last box is closed
    parcel_uuid: str
    weight_g: int | None
    carton: str | None
    reprint: bool
    weight_source: str = "scale"  # scale, manual (typed) or not_weighed (app.domain.weights.WeightSource)
    job_id: str | None = None  # the print job's id, fixed by the intent: the same job is never queued twice


class Output(Protocol):
    """Where labels and slips go. The printing package provides the real one."""

    def print_label(self, job: LabelJob) -> tuple[str | None, str, str] | LabelResult:
        """Print a parcel's label; returns (tracking number or None, format, reference), or a
        LabelResult. Once per `job.job_id`."""
        ...

    def print_slip(self, order: Order, parcels: list[dict[str, Any]], *, job_id: str | None = None) -> None:
        """Queue the packing slip, once per `job_id`. The customer's e-mail, when the output sends
        any, is `tell_customer(order, parcels)` (optional)."""
        ...

    def void_labels(self, order: Order, parcels: list[dict[str, Any]]) -> None: ...


@dataclass
class Outcome(Told):
    """What a packer is told about one input, and what the screen should show next."""

    state: SessionState | None = None

    def as_json(self) -> dict[str, Any]:
        s = self.state
        return {
            "scan": self.input,
            "kind": self.kind,
            "result": self.tone.value,
            "code": self.code,
            "message": self.message,
            "phase": s.phase.value if s else None,
            "order": s.order.number if s and s.order else None,
            "box": s.box if s and s.order else None,
            "packed": _packed_by_sku(s) if s and s.order else {},
            "events": self.facts,
        }


OTHER_ORDERS_SHOWN = 3  # a wrong item names at most this many open orders holding it ("+N more")


def _as_scanned(scan: Scan) -> str:
    """The barcode as the packer's scanner read it: an EAN-13 is shown with 13 digits, not as the
    GTIN-14 (leading 0) the catalogue is searched by; the AIM symbology prefix is left out."""
    if scan.ais:  # GS1 data: the GTIN of AI 01 is what is printed under the bars
        return scan.text
    raw = scan.raw
    if scan.symbology and raw.startswith(scan.symbology):
        raw = raw[len(scan.symbology):]
    return raw.strip()


def _packed_by_sku(state: SessionState) -> dict[str, int]:
    totals: dict[str, int] = {}
    for unit in state.packed:
        totals[unit.sku] = totals.get(unit.sku, 0) + unit.units
    return totals


class Station:
    def __init__(self, config: Config, repository: Repository, output: Output, claims: Claims | None = None) -> None:
        self.claims = claims
        self.config = config
        self.name = config.station
        self.repo = repository
        self.output = output
        self._stock: Any = None  # app.store.inventory.ShipmentHook, made at the first packed order
        # The window sets this: the packing slip (a page, ~10 ms to render), the e-mail and the stock
        # booking are carried out in a job of their own just after the outcome is on screen, so the
        # label scan shows at once. They are owed durably (intents) until then: the next input
        # carries them out first if that job never ran, and the next start if the process died.
        self.defer_slips = False
        # The window sets this too: in the label step the outcome (its facts durable, the label owed
        # as an intent) is shown first, and the label is drawn and queued in the next job; its
        # result comes as a second outcome (run_deferred). Headless, the label goes in the same call.
        self.defer_labels = False
        self._owed_later = False
        self._label_later: Intent | None = None
        self.recovered: Outcome | None = None  # what the start carried out that a crash had left owed
        self.rules = ScanRules(order_pattern=config.scanner.order_pattern, tote_pattern=config.scanner.tote_pattern,
                               refuse_characters=config.scanner.refuse_characters)
        self.session = PackSession(repository.cartons(), config.packing, has_scale=self.has_scale)
        self.repo.register_station(self.name)
        self.resume()

    @property
    def state(self) -> SessionState:
        return self.session.state

    @property
    def has_scale(self) -> bool:
        """Whether this bench has a scale (its configuration names one): the screen and the session
        word the weighing step from it ("put the box on the scale" or "type the weight")."""
        return bool(self.config.scale)

    # ------------------------------------------------------------ resume after a crash

    def resume(self) -> None:
        """Rebuild the session from this station's event log (after a restart or a crash)."""
        facts = []
        for stored in self.repo.session_events(self.name):
            order = None
            if stored.type == "order_opened":
                order = self.repo.order_by_number(stored.data["number"])
                if order is None:
                    continue
            facts.append(Fact(stored.type, stored.data, order=order))
        self.session.apply(facts)
        self._redrive()
        current = self.state.order
        if current is not None and self.state.phase in ORDER_OPEN_PHASES:
            log.info("resumed order %s at %s", current.number, self.state.phase)
            fresh = self.repo.order_by_number(current.number)
            if fresh and fresh.status in (OrderStatus.CANCELLED, OrderStatus.HELD):
                self.handle(OrderChanged(fresh), label="(resume)")

    def _redrive(self) -> None:
        """Carry out what a crash left owed: the label the session is waiting for (its result goes
        to the session as if it had just printed), reprints, voids, slips, e-mails, stock."""
        outcome = Outcome("(resume)", "resume", state=self.state)
        owed = self.repo.owed_intents(self.name)
        s = self.state
        waiting = s.phase is Phase.LABELLING and s.order is not None
        for intent in owed:
            if intent.kind == "label":
                if waiting and s.order is not None and intent.order_number == s.order.number and intent.box == s.box:
                    waiting = False
                    self._carry_label(intent, outcome)
                else:  # its order was held, voided or stopped before the label went: no longer owed
                    self.repo.settle(Settled(intent.key, "dropped", error="the order left its label step"))
            elif intent.kind == "reprint":
                self._carry_label(intent, outcome)
            else:
                self.repo.settle(self._carry(intent, outcome))
        if waiting and s.order is not None:
            latest = self.repo.latest_intent(s.order.number, "label", s.box)
            if latest is None or latest.state == "done":
                # A label step with nothing owed (a crash under a build without intents): owe it now.
                intent = self._label_intent(s, s.box, reprint=False)
                self.repo.record([], station=self.name, packer_id=s.packer.id if s.packer else None,
                                 order_number=s.order.number, parcel=self._parcel_draft(s, s.box, intent.parcel_uuid),
                                 intents=[intent])
                self._carry_label(intent, outcome)
        outcome.state = self.state
        if outcome.facts or outcome.feedback:
            log.warning("start-up carried out what the last stop left owed: %s %s", outcome.facts,
                        [f.code for f in outcome.feedback])
            self.recovered = outcome

    # ------------------------------------------------------------ inputs

    def scan(self, raw: str | bytes, *, manual: bool = False) -> Outcome:
        parsed = parse_scan(raw, self.rules)
        return self.handle(self.resolve(parsed, manual=manual), label=parsed.raw, kind=parsed.kind.value)

    def sign_in(self, user: User) -> Outcome:
        """Sign in a user the screen has already identified (name and PIN checked)."""
        return self.handle(BadgeScanned(user.badge or f"user {user.id}", user), label=user.name, kind="sign_in")

    def command(self, command: Command, argument: int | None = None) -> Outcome:
        return self.handle(CommandScanned(command, argument), label=command.value, kind="command")

    def weight(self, grams: int, *, stable: bool = True, source: str = "scale") -> Outcome:
        return self.handle(WeightMeasured(grams, stable, source), label=f"{grams} g", kind="weight")

    def order_changed(self, number: str) -> Outcome:
        order = self.repo.order_by_number(number)
        if order is None:
            return Outcome(number, "order_change", state=self.state)
        return self.handle(OrderChanged(order), label=number, kind="order_change")

    def handle(self, event: Input, *, label: str = "", kind: str = "") -> Outcome:
        outcome = Outcome(label, kind or type(event).__name__, state=self.state)
        self._run_deferred(outcome)  # a slip still owed goes out before anything else happens
        self._run(event, outcome)
        outcome.state = self.state
        return outcome

    def _run(self, event: Input, outcome: Outcome, settles: Settled | None = None) -> None:
        """Decide, commit the facts with the intents they owe (and `settles`: the label intent
        whose result this event is), apply, then carry the intents out."""
        decision = self.session.decide(event)
        parcel, owed = self._owed(decision)
        if decision.facts or owed:
            packer = self.state.packer
            order = self.state.order
            # Durable first: the packer hears "accepted" only for what is on disk.
            self.repo.record(decision.facts, station=self.name, packer_id=packer.id if packer else None,
                             order_number=order.number if order else None, parcel=parcel, intents=owed,
                             settled=(settles,) if settles else ())
            settles = None
            self.session.apply(decision.facts)
            outcome.facts.extend(fact.type for fact in decision.facts)
            if self.state.order is not None and any(fact.type == "order_opened" for fact in decision.facts):
                self.repo.remember_barcodes(self.state.order)  # its item scans then need no look-up
        if settles is not None:
            self.repo.settle(settles)
        labels = iter(i for i in owed if i.kind in ("label", "reprint"))
        for effect in decision.effects:
            if isinstance(effect, Feedback):
                outcome.feedback.append(effect)
            elif isinstance(effect, PrintLabel):
                intent = next(labels)
                if self.defer_labels and intent.kind == "label":
                    self._label_later = intent  # owed on disk; drawn and queued by run_deferred
                else:
                    self._carry_label(intent, outcome)
            elif isinstance(effect, VoidLabels):
                self.repo.settle(*(self._carry(intent, outcome) for intent in owed if intent.kind == "void"))
            elif isinstance(effect, (ReprintSlip, ResendPrints)):
                self._printer_request(effect, outcome)
        if any(intent.kind in _AFTER_OUTCOME for intent in owed):  # the slip, e-mail, stock of PrintSlip & co
            if self.defer_slips:
                self._owed_later = True
            else:
                self._carry_owed_later(outcome)

    @property
    def has_deferred(self) -> bool:
        """Something is owed that the window carries out after the outcome (run_deferred)."""
        return self._owed_later or self._label_later is not None

    @property
    def label_deferred(self) -> bool:
        """The label step's label is owed to the next run_deferred (its outcome follows)."""
        return self._label_later is not None

    def run_deferred(self) -> Outcome:
        """Carry out the next thing put off, right after the screen showed the outcome: the label
        of the label step (its outcome continues the one shown), else the packing slip, e-mail and
        stock. What the label owes in turn waits for the next call."""
        outcome = Outcome("", "documents", state=self.state)
        self._run_deferred(outcome, everything=False)
        outcome.state = self.state
        return outcome

    def _run_deferred(self, outcome: Outcome, *, everything: bool = True) -> None:
        if self._label_later is not None:
            intent, self._label_later = self._label_later, None
            self._carry_label(intent, outcome)
            if not everything:
                return
        if self._owed_later:
            self._owed_later = False
            self._carry_owed_later(outcome)

    def _carry_owed_later(self, outcome: Outcome) -> None:
        owed = self.repo.owed_intents(self.name, _AFTER_OUTCOME)
        if owed:
            self.repo.settle(*(self._carry(intent, outcome) for intent in owed))

    @property
    def stock(self) -> Any:
        if self._stock is None:
            from app.store.inventory import ShipmentHook

            self._stock = ShipmentHook(self.repo.engine)
        return self._stock

    def _printer_request(self, effect: ReprintSlip | ResendPrints, outcome: Outcome) -> None:
        """A person's request to the printers (resend what was cut off, the slip again): no fact, a print job."""
        from app.printing.desk import carry_out  # app.printing builds on the station: imported when asked

        outcome.feedback.extend(carry_out(self.output, self.repo, effect))

    def warm_up(self) -> None:
        """Import now what the first label and the first packed order need (called on the worker
        once the window is ready, so no packer waits for it)."""
        _ = self.stock
        warm = getattr(self.output, "warm_up", None)
        if warm is not None:
            warm()

    def _book_stock(self, facts: list[Fact], packer_id: int | None) -> bool:
        """A packed order leaves stock; voided labels put it back (the fact's stock intent). In its
        own transaction: if this fails the order is still packed, and `packstation stock
        reconcile` books it later (booking is idempotent: carrying it out twice books once)."""
        try:
            self.stock.after(facts, station=self.name, user_id=packer_id)
        except Exception:  # noqa: BLE001 - the parcel is packed whatever the stock ledger says
            log.exception("stock not booked for %s: run `packstation stock reconcile`",
                          [f.data.get("number") for f in facts if f.type in _STOCK_FACTS])
            return False
        return True

    # ------------------------------------------------------------ resolving scans

    def resolve(self, scan: Scan, *, manual: bool = False) -> Input:
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
                try:
                    return self._order_scanned(scan.text, self._order_by_number(scan.text))
                except AmbiguousOrderReference as exc:  # two orders answer to it: say so, open neither
                    return ScanRejected(scan.raw, "ambiguous_order", str(exc))
            case ScanKind.TOTE:
                return self._order_scanned(scan.text, self.repo.order_by_tote(scan.text))
            case ScanKind.CARTON:
                return CartonScanned(scan.text, self._carton(scan.text))
            case ScanKind.PRODUCT:
                return self._item(scan.gtins, scan, manual)
            case ScanKind.SERIAL:
                return self._serial(scan.serial or scan.lot or scan.text, is_lot=scan.serial is None, manual=manual)
            case ScanKind.SSCC:
                return UnknownScan(scan.text)
        return self._text(scan, phase, manual)

    def _text(self, scan: Scan, phase: Phase, manual: bool) -> Input:
        """Free text means what the current step expects: a badge, an order, a serial, a SKU."""
        text = scan.text
        if phase is Phase.SIGNED_OUT:
            return BadgeScanned(text, self.repo.user_by_badge(text))
        if phase is Phase.PACKING and self.state.pending_code is not None:
            return self._serial(text, is_lot=self.state.pending_code.needs == "lot", manual=manual)
        if phase is Phase.CARTON and (carton := self._carton(text)):
            return CartonScanned(text, carton)
        if phase is Phase.PACKING and (item := self._item((text,), scan, manual)).product is not None:
            return item
        if (user := self.repo.user_by_badge(text)) is not None:
            return BadgeScanned(text, user)
        try:
            order = self._order_by_number(text) or self.repo.order_by_tote(text)
        except AmbiguousOrderReference as exc:
            return ScanRejected(scan.raw, "ambiguous_order", str(exc))
        if order is not None or phase in (Phase.AWAITING_ORDER, Phase.DONE):
            return self._order_scanned(text, order)
        return UnknownScan(text)

    def _order_by_number(self, text: str) -> Order | None:
        # "#1001" as pick lists print it, 1001 as the import stored it, or the platform's id (app.domain.order_refs).
        return self.repo.find_order(text)

    def _order_scanned(self, reference: str, order: Order | None) -> OrderScanned:
        if order is None:
            return OrderScanned(reference, None)
        holder = None
        not_held = None
        if order.status is OrderStatus.PACKING:
            holder = self.repo.station_holding(order.number)
            if holder == self.name:
                holder = None
        if (holder is None and self.claims is not None
                and order.status in (OrderStatus.OPEN, OrderStatus.PACKING)
                and self.state.phase in (Phase.AWAITING_ORDER, Phase.DONE)):
            # Networked: the central database decides who packs it (answers within claim_timeout_ms;
            # offline, from the claims this station holds).
            claim = self.claims.claim(order.number)
            if not claim.granted:
                if claim.status in _CENTRAL_STOPS:
                    order = replace(order, status=OrderStatus(claim.status))
                elif claim.holder:
                    holder = claim.holder
                else:  # nobody holds it, yet it is refused: say why, not "being packed at no station"
                    not_held = "offline" if claim.offline else "not_central"
        note = self.repo.packed_note(order.number) if order.status in (OrderStatus.PACKED, OrderStatus.SHIPPED) else ""
        return OrderScanned(reference, order, held_elsewhere=holder, packed_note=note, not_held=not_held)

    def reload_cartons(self) -> None:
        """The carton list changed (pulled from the central database): suggest from the new one."""
        self.session.cartons = tuple(self.repo.cartons())

    def _item(self, codes: tuple[str, ...], scan: Scan, manual: bool) -> ItemScanned:
        hit = self.repo.product_by_code(codes)
        code = codes[0] if codes else scan.text
        shown = _as_scanned(scan) or code
        if hit is None:
            return ItemScanned(code, None, manual=manual, shown=shown)
        product = hit.product
        units = hit.units * (scan.count or 1)
        current = self.state.order
        others: list[tuple[str, str | None]] = []
        total = 0
        if current is not None and current.line_for_sku(product.sku) is None:
            others, total = self.repo.open_orders_with(product.sku, current.number, limit=OTHER_ORDERS_SHOWN)
        shipped = self.repo.serial_shipped_in(product.sku, scan.serial) if scan.serial else None
        return ItemScanned(code, product, units=units, serial=scan.serial, lot=scan.lot,
                           serial_shipped_in=shipped, other_order=others[0][0] if others else None, manual=manual,
                           other_orders=tuple(others), other_orders_more=max(0, total - len(others)), shown=shown)

    def _serial(self, text: str, *, is_lot: bool, manual: bool) -> SerialScanned:
        pending = self.state.pending_code
        shipped = None
        if pending is not None and not is_lot:
            shipped = self.repo.serial_shipped_in(pending.sku, text)
        return SerialScanned(text, is_lot=is_lot, shipped_in=shipped, manual=manual)

    def _carton(self, code: str):
        return next((c for c in self.session.cartons if c.code.upper() == code.upper()), None)

    # ------------------------------------------------------------ effects: what the facts owe

    def _owed(self, decision: Any) -> tuple[ParcelDraft | None, list[Intent]]:
        """The intents a decision's facts owe, and the parcel a label step writes with them.

        Nothing for a scan that only packs an item: the scan path pays for an `isinstance` per effect.
        """
        effects = [e for e in decision.effects if isinstance(e, (PrintLabel, PrintSlip, VoidLabels))]
        moves = [f for f in decision.facts if f.type in _STOCK_FACTS]
        if not effects and not moves:
            return None, []
        after = self._after(decision.facts)
        parcel: ParcelDraft | None = None
        owed: list[Intent] = []
        for effect in effects:
            if isinstance(effect, PrintLabel):
                intent = self._label_intent(after, effect.box, reprint=effect.reprint)
                if intent.kind == "label":
                    parcel = self._parcel_draft(after, effect.box, intent.parcel_uuid)
                owed.append(intent)
            elif isinstance(effect, PrintSlip):
                owed.append(_intent("slip", effect.order_number))
                if getattr(self.output, "tells_customers", False):
                    owed.append(_intent("email", effect.order_number))
            elif isinstance(effect, VoidLabels):
                owed.append(_intent("void", effect.order_number))
        packer = after.packer
        for fact in moves:
            owed.append(_intent("stock", fact.data["number"], fact=fact.type,
                                packer_id=packer.id if packer else None))
        return parcel, owed

    def _after(self, facts: tuple[Fact, ...]) -> SessionState:
        """The session's state once these facts are applied, without applying them."""
        scratch = PackSession(self.session.cartons, self.session.rules, has_scale=self.session.has_scale)
        scratch.state = self.state
        return scratch.apply(facts)

    def _label_intent(self, s: SessionState, box: int, *, reprint: bool) -> Intent:
        """A box's label: in the label step the session waits for it ("label"); after it, a
        person's reprint ("reprint")."""
        assert s.order is not None
        number = s.order.number
        kind = "label" if s.phase is Phase.LABELLING else "reprint"  # first print, or a retry after a failure
        parcel = self.repo.parcel_uuid(number, box) or (str(uuid.uuid4()) if kind == "label" else None)
        return _intent(kind, number, box=box, parcel_uuid=parcel, reprint=reprint)

    def _parcel_draft(self, s: SessionState, box: int, parcel_uuid: str | None) -> ParcelDraft:
        assert s.order is not None and parcel_uuid is not None
        measured, expected, source = s.box_weight()
        return ParcelDraft(
            uuid=parcel_uuid, order_number=s.order.number, box=box, station=self.name,
            packer_id=s.packer.id if s.packer else None,
            # Records say what happened: measured, typed, or not weighed (no weight, never the expected one).
            carton=s.carton.code if s.carton else None, weight_g=measured, expected_g=expected,
            weight_source=source.value,
            carrier=s.order.carrier, service_level=s.order.service_level,
        )

    def _label_job(self, intent: Intent) -> LabelJob | None:
        s = self.state
        in_label_step = intent.kind == "label"
        order = s.order if s.order is not None and s.order.number == intent.order_number else None
        order = order or self.repo.order_by_number(intent.order_number)
        if order is None or intent.box is None:
            return None
        measured, _expected, source = s.box_weight() if in_label_step else (None, None, None)
        last = s.last_box if s.order is order else False
        return LabelJob(order, intent.box, intent.box if last else None, intent.parcel_uuid or "",
                        measured if in_label_step else None,
                        s.carton.code if s.carton and in_label_step else None, bool(intent.payload.get("reprint")),
                        weight_source=source.value if source is not None else "scale",
                        job_id=job_id_for(intent.key))

    def _carry_label(self, intent: Intent, outcome: Outcome) -> None:
        """Queue a box's label. In the label step its result goes to the session, which records
        it with the intent settled, in one transaction."""
        job = self._label_job(intent)
        failure: PrintFailed | None = None
        result: Any = None
        if job is None:
            failure = PrintFailed(f"Order {intent.order_number} is not in this station's database.", can_retry=False)
        else:
            try:
                result = self.output.print_label(job)
            except PrintFailed as exc:
                failure = exc
            except Exception as exc:  # noqa: BLE001 - a template or data error must not strand the order
                log.exception("label for order %s box %s could not be made", intent.order_number, intent.box)
                failure = PrintFailed(f"The label cannot be made ({type(exc).__name__}: {exc}).", can_retry=False)
        if intent.kind != "label":  # a person's reprint
            if failure is not None:
                self.repo.settle(Settled(intent.key, "failed", error=str(failure)))
                outcome.feedback.append(Feedback.say(Tone.REJECTED, "reprint_failed", "Reprint failed: {reason}",
                                                         reason=_reason(failure)))
            else:
                self.repo.settle(Settled(intent.key, "done", result=str(result[2])))
            return
        box = intent.box or self.state.box
        if failure is not None:
            self._run(LabelFailed(box, _reason(failure), can_retry=failure.can_retry), outcome,
                      Settled(intent.key, "failed", error=str(failure)))
            return
        tracking, fmt, ref = result[0], result[1], result[2]
        shortened = tuple(getattr(result, "shortened", ()) or ())
        if shortened:
            outcome.feedback.append(Feedback.say(
                Tone.WARNING, "label_shortened",
                "Label shortened: {fields} did not fit. Check the label can be read; "
                "if not, VOID it and call a supervisor.", fields=", ".join(shortened)))
        self._run(LabelPrinted(box, tracking), outcome,
                  Settled(intent.key, "done", result=str(ref), parcel_uuid=intent.parcel_uuid,
                          label=(tracking, fmt, str(ref))))

    def _carry(self, intent: Intent, outcome: Outcome) -> Settled:
        """Carry out a slip, e-mail, stock booking or void; returns how it settled, for the caller
        to record (several in one commit). A crash before that commit carries it out again: the
        slip's print job id, the e-mail's Message-ID and the stock ledger make it once."""
        number = intent.order_number
        try:
            if intent.kind == "stock":
                fact = Fact(intent.payload["fact"], {"number": number})
                done = self._book_stock([fact], intent.payload.get("packer_id"))
                return Settled(intent.key, "done" if done else "failed")
            order = self.repo.order_by_number(number)
            if order is None:
                return Settled(intent.key, "dropped", error=f"order {number} is not in the database")
            parcels = self.repo.parcels_of(number)
            if intent.kind == "slip":
                self.output.print_slip(order, parcels, job_id=job_id_for(intent.key))
            elif intent.kind == "email":
                tell = getattr(self.output, "tell_customer", None)
                if tell is not None:
                    tell(order, parcels)
            elif intent.kind == "void":
                self.output.void_labels(order, parcels)
        except PrintFailed as exc:
            code, template = _FAILED.get(intent.kind, ("effect_failed", "Not done: {reason}"))
            outcome.feedback.append(Feedback.say(Tone.WARNING, code, template, reason=_reason(exc)))
            return Settled(intent.key, "failed", error=str(exc))
        except Exception as exc:  # noqa: BLE001 - the order is packed; the office sees the failed intent
            log.exception("%s for order %s failed", intent.kind, number)
            code, template = _FAILED.get(intent.kind, ("effect_failed", "Not done: {reason}"))
            outcome.feedback.append(Feedback.say(Tone.WARNING, code, template, reason=_reason(exc)))
            return Settled(intent.key, "failed", error=f"{type(exc).__name__}: {exc}")
        return Settled(intent.key, "done")


def _reason(error: BaseException) -> str:
    """Why it failed, as the failure says it: its coded reason (printers.reasons, app.shipping.reasons: the
    English, with a code the screen words in the packer's language), else its English words."""
    from printers.reasons import reason_of  # loaded with the printers by now: a failure came from them

    return reason_of(error)


_FAILED = {"slip": ("slip_failed", "Packing slip did not print: {reason}"),
           "void": ("void_failed", "Carrier void failed: {reason}"),
           "email": ("email_failed", "Customer e-mail not queued: {reason}")}


def _intent(kind: str, order_number: str, *, box: int | None = None, parcel_uuid: str | None = None,
            **payload: Any) -> Intent:
    """A new intent; its key (kind, order, box and a random part) is fixed once it is written."""
    key = f"{kind}:{order_number}:{box or ''}:{uuid.uuid4().hex[:16]}"
    return Intent(key, kind, order_number, box, parcel_uuid, payload)
