"""The application service: one bench's packing session wired to its database and printers.

The GUI and `packstation replay` drive the same Station, so a scan does exactly the same thing
with or without a screen. For each input the Station resolves what was scanned (which order,
which product), asks the session to decide, commits the resulting facts to the event log, and
only then applies them and reports the outcome. Effects (labels, slips) run after the commit.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Protocol

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
    ScanRejected,
    SerialScanned,
    Tone,
    UnknownScan,
    VoidLabels,
    WeightMeasured,
)
from app.domain.model import Order, OrderStatus, User
from app.domain.order_refs import AmbiguousOrderReference
from app.domain.scan import Command, Scan, ScanKind, ScanRules, parse_scan
from app.domain.session import ORDER_OPEN_PHASES, PackSession, Phase, SessionState
from app.store.repository import Repository

if TYPE_CHECKING:
    from app.sync.claims import ClaimResult

log = logging.getLogger(__name__)

_STOCK_FACTS = frozenset({"order_packed", "labels_voided"})  # facts that move stock

# Central statuses that mean "do not open": when the central database says so, the cache is behind.
_CENTRAL_STOPS = frozenset({"cancelled", "held", "packed", "shipped"})


class Claims(Protocol):
    """app.sync.claims.ClaimService: who may pack an order (networked stations only)."""

    def claim(self, order_number: str) -> ClaimResult: ...


class PrintFailed(Exception):
    """A label or slip could not be produced or sent; the message is for the packer."""


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


class Output(Protocol):
    """Where labels and slips go. The printing package provides the real one."""

    def print_label(self, job: LabelJob) -> tuple[str | None, str, str]:
        """Print a parcel's label; returns (tracking number or None, format, reference)."""
        ...

    def print_slip(self, order: Order, parcels: list[dict[str, Any]]) -> None: ...

    def void_labels(self, order: Order, parcels: list[dict[str, Any]]) -> None: ...


@dataclass
class Outcome:
    """What a packer is told about one input, and what the screen should show next."""

    input: str
    kind: str
    feedback: list[Feedback] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)
    state: SessionState | None = None

    @property
    def tone(self) -> Tone:
        return self.feedback[-1].tone if self.feedback else Tone.INFO

    @property
    def code(self) -> str:
        return self.feedback[-1].code if self.feedback else "ignored"

    @property
    def message(self) -> str:
        return self.feedback[-1].message if self.feedback else ""

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
        # The window sets this: the packing slip (a page, ~10 ms to render) is printed in a job of
        # its own just after the outcome is on screen, so the label scan shows at once. The slip
        # is owed in memory only until then; the next input prints it first if that job never ran.
        self.defer_slips = False
        self._slip_owed = False
        self.rules = ScanRules(order_pattern=config.scanner.order_pattern, tote_pattern=config.scanner.tote_pattern)
        self.session = PackSession(repository.cartons(), config.packing)
        self.repo.register_station(self.name)
        self.resume()

    @property
    def state(self) -> SessionState:
        return self.session.state

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
        current = self.state.order
        if current is not None and self.state.phase in ORDER_OPEN_PHASES:
            log.info("resumed order %s at %s", current.number, self.state.phase)
            fresh = self.repo.order_by_number(current.number)
            if fresh and fresh.status in (OrderStatus.CANCELLED, OrderStatus.HELD):
                self.handle(OrderChanged(fresh), label="(resume)")

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

    def _run(self, event: Input, outcome: Outcome) -> None:
        decision = self.session.decide(event)
        if decision.facts:
            packer = self.state.packer
            order = self.state.order
            # Durable first: the packer hears "accepted" only for what is on disk.
            self.repo.record(decision.facts, station=self.name, packer_id=packer.id if packer else None,
                             order_number=order.number if order else None)
            self.session.apply(decision.facts)
            outcome.facts.extend(fact.type for fact in decision.facts)
            if any(fact.type in _STOCK_FACTS for fact in decision.facts):
                self._book_stock(decision.facts, packer.id if packer else None)
        for effect in decision.effects:
            if isinstance(effect, Feedback):
                outcome.feedback.append(effect)
            elif isinstance(effect, PrintLabel):
                follow_up = self._print_label(effect, outcome)
                if follow_up is not None:
                    self._run(follow_up, outcome)
            elif isinstance(effect, PrintSlip):
                if self.defer_slips:
                    self._slip_owed = True
                else:
                    self._print_slip(outcome)
            elif isinstance(effect, VoidLabels):
                self._void(effect, outcome)

    @property
    def has_deferred(self) -> bool:
        return self._slip_owed

    def run_deferred(self) -> Outcome:
        """Print what was put off (the packing slip), right after the screen showed the outcome."""
        outcome = Outcome("", "documents", state=self.state)
        self._run_deferred(outcome)
        return outcome

    def _run_deferred(self, outcome: Outcome) -> None:
        if self._slip_owed:
            self._slip_owed = False
            self._print_slip(outcome)

    @property
    def stock(self) -> Any:
        if self._stock is None:
            from app.store.inventory import ShipmentHook

            self._stock = ShipmentHook(self.repo.engine)
        return self._stock

    def warm_up(self) -> None:
        """Import now what the first label and the first packed order need (called on the worker
        once the window is ready, so no packer waits for it)."""
        _ = self.stock
        warm = getattr(self.output, "warm_up", None)
        if warm is not None:
            warm()

    def _book_stock(self, facts: list[Fact], packer_id: int | None) -> None:
        """A packed order leaves stock; voided labels put it back. After the facts' commit, in its
        own transaction: if this fails the order is still packed, and `packstation stock
        reconcile` books it later (booking is idempotent)."""
        try:
            self.stock.after(facts, station=self.name, user_id=packer_id)
        except Exception:  # noqa: BLE001 - the parcel is packed whatever the stock ledger says
            log.exception("stock not booked for %s: run `packstation stock reconcile`",
                          [f.data.get("number") for f in facts if f.type in _STOCK_FACTS])

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
                elif claim.offline:
                    holder = "no station (central database offline: this order is not reserved here)"
                else:
                    holder = "no station (the order is not in the central database)"
        note = self.repo.packed_note(order.number) if order.status in (OrderStatus.PACKED, OrderStatus.SHIPPED) else ""
        return OrderScanned(reference, order, held_elsewhere=holder, packed_note=note)

    def reload_cartons(self) -> None:
        """The carton list changed (pulled from the central database): suggest from the new one."""
        self.session.cartons = tuple(self.repo.cartons())

    def _item(self, codes: tuple[str, ...], scan: Scan, manual: bool) -> ItemScanned:
        hit = self.repo.product_by_code(codes)
        code = codes[0] if codes else scan.text
        if hit is None:
            return ItemScanned(code, None, manual=manual)
        product = hit.product
        units = hit.units * (scan.count or 1)
        current = self.state.order
        other = None
        if current is not None and current.line_for_sku(product.sku) is None:
            other = self.repo.other_open_order_with(product.sku, current.number)
        shipped = self.repo.serial_shipped_in(product.sku, scan.serial) if scan.serial else None
        return ItemScanned(code, product, units=units, serial=scan.serial, lot=scan.lot,
                           serial_shipped_in=shipped, other_order=other, manual=manual)

    def _serial(self, text: str, *, is_lot: bool, manual: bool) -> SerialScanned:
        pending = self.state.pending_code
        shipped = None
        if pending is not None and not is_lot:
            shipped = self.repo.serial_shipped_in(pending.sku, text)
        return SerialScanned(text, is_lot=is_lot, shipped_in=shipped, manual=manual)

    def _carton(self, code: str):
        return next((c for c in self.session.cartons if c.code.upper() == code.upper()), None)

    # ------------------------------------------------------------ effects

    def _print_label(self, effect: PrintLabel, outcome: Outcome) -> Input | None:
        """Print a box's label. In the label step the result goes back to the session."""
        s = self.state
        assert s.order is not None
        in_label_step = s.phase is Phase.LABELLING  # first print, or a retry after a failure
        parcel = self._save_parcel(effect.box) if in_label_step else self._parcel_uuid(s.order.number, effect.box)
        measured, _expected, source = s.box_weight()
        weight = measured if in_label_step else None
        job = LabelJob(s.order, effect.box, effect.box if s.last_box else None, parcel, weight,
                       s.carton.code if s.carton and in_label_step else None, effect.reprint,
                       weight_source=source.value if in_label_step else "scale")
        try:
            tracking, fmt, ref = self.output.print_label(job)
        except PrintFailed as exc:
            if in_label_step:
                return LabelFailed(effect.box, str(exc))
            outcome.feedback.append(Feedback(Tone.REJECTED, "reprint_failed", f"Reprint failed: {exc}"))
            return None
        if not in_label_step:
            return None
        self.repo.label_done(parcel, tracking_number=tracking, label_format=fmt, label_ref=ref)
        return LabelPrinted(effect.box, tracking)

    def _save_parcel(self, box: int) -> str:
        s = self.state
        assert s.order is not None
        measured, expected, source = s.box_weight()
        return self.repo.save_parcel(
            order_number=s.order.number, box=box, station=self.name, packer_id=s.packer.id if s.packer else None,
            # Records say what happened: measured, typed, or not weighed (no weight, never the expected one).
            carton=s.carton.code if s.carton else None, weight_g=measured, expected_g=expected,
            weight_source=source.value,
            carrier=s.order.carrier, service_level=s.order.service_level,
        )

    def _parcel_uuid(self, number: str, box: int) -> str:
        return next((p["uuid"] for p in self.repo.parcels_of(number) if p["box_no"] == box), "")

    def _print_slip(self, outcome: Outcome) -> None:
        order = self.repo.order_by_number(self.state.last_order or "")
        if order is None:
            return
        try:
            self.output.print_slip(order, self.repo.parcels_of(order.number))
        except PrintFailed as exc:
            outcome.feedback.append(Feedback(Tone.WARNING, "slip_failed", f"Packing slip did not print: {exc}"))

    def _void(self, effect: VoidLabels, outcome: Outcome) -> None:
        order = self.repo.order_by_number(effect.order_number)
        if order is None:
            return
        try:
            self.output.void_labels(order, self.repo.parcels_of(order.number))
        except PrintFailed as exc:
            outcome.feedback.append(Feedback(Tone.WARNING, "void_failed", f"Carrier void failed: {exc}"))
