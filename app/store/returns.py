"""The returns bench's store: look-ups on its scan path, its event log and what the log changes.

Like the packing Repository: look-ups run on an AUTOCOMMIT connection, and `record` appends a
return's facts, updates the returns tables and moves the stock in one durable transaction,
before the service tells anyone the scan was accepted.
"""

from __future__ import annotations

import json
import logging
import statistics
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, Engine, bindparam, func, insert, select, update

from app.domain import clock
from app.domain import model as m
from app.domain.events import Fact
from app.domain.inventory import InventoryRules, MovementReason, NegativeStock
from app.domain.returns import (
    Disposition,
    Flag,
    Grade,
    LookupProblem,
    RaisedFlag,
    ReturnableLine,
    ReturnableOrder,
    ReturnCode,
    ReturnedItem,
    ReturnRules,
    closing_facts,
    new_token,
    parse_returns_code,
    return_code,
)
from app.store.inventory import MOVES, move, packed_units, transfer
from app.store.models import Barcode, Order, OrderLine, PackedSerial, PackEvent, Parcel, Product, User
from app.store.returns_models import Return as ReturnRow
from app.store.returns_models import ReturnAuthorization, ReturnEvent, ReturnItem, next_values
from app.store.values import as_utc

log = logging.getLogger(__name__)

RETURNS = ReturnRow.__table__
ITEMS = ReturnItem.__table__
EVENTS = ReturnEvent.__table__
RMAS = ReturnAuthorization.__table__
_orders = Order.__table__
_lines = OrderLine.__table__
_products = Product.__table__
_barcodes = Barcode.__table__
_serials = PackedSerial.__table__
_parcels = Parcel.__table__
_pack_events = PackEvent.__table__
_users = User.__table__

SHIPPED_STATUSES = ("packed", "shipped")
COUNTED_STATUSES = ("open", "held", "closed")  # an abandoned return took nothing back


@dataclass(frozen=True, slots=True)
class Lookup:
    """What a scanned reference names: the order number, the RMA, and why it cannot open (if so)."""

    order_number: str | None
    rma: str | None = None
    problem: str | None = None


@dataclass(frozen=True, slots=True)
class Rma:
    rma: str
    order_number: str
    token: str

    @property
    def qr_payload(self) -> str:
        return return_code(self.order_number, self.token)


@dataclass(frozen=True, slots=True)
class StoredReturnEvent:
    seq: int
    type: str
    data: dict
    return_id: str | None
    at: datetime


@dataclass(frozen=True, slots=True)
class PulledReturnEvent:
    """Another station's return event, as the central database has it (app.sync.ledgers pulls them)."""

    uuid: str
    station: str
    return_id: str | None
    type: str
    data: dict
    user_name: str | None
    at: datetime
    central_id: int


@dataclass(frozen=True, slots=True)
class ShippedUnits:
    """What an order's parcels held: units per SKU, and the serials among them."""

    units: dict[str, int]
    serials: frozenset[tuple[str, str]]  # (sku, serial)
    packed_at: datetime | None = None  # when the order was packed: the return window counts from it


RmaSource = Callable[[Connection, int], list[int]]  # (transaction, count) -> fresh RMA serials
ShipmentLookup = Callable[[str], ShippedUnits | None]  # order number -> packed elsewhere, if known


class ReturnsRepository:
    """`rma_source`: where RMA serials come from; None is the station database's own sequence
    (standalone). `shipments`: what an order packed at another station shipped. A networked
    station passes the central ones (app.returns.networked.returns_repository), so two benches
    never issue the same RMA number and a return is checked against what really shipped."""

    def __init__(self, engine: Engine, *, inventory: InventoryRules | None = None,
                 rules: ReturnRules | None = None, rma_source: RmaSource | None = None,
                 shipments: ShipmentLookup | None = None) -> None:
        self.engine = engine
        self.reader: Connection = engine.connect().execution_options(isolation_level="AUTOCOMMIT")
        # Immediate: the sync thread writes pulled returns and stock beside the bench; a deferred
        # transaction that reads, then writes, would fail with "database is locked" between them.
        self.writer: Connection = engine.connect().execution_options(immediate=True)
        self.inventory = inventory or InventoryRules(unsellable_bins=frozenset({(rules or ReturnRules())
                                                                                .quarantine_bin}))
        self.rma_source = rma_source
        self.shipments = shipments
        self._return_ids: dict[str, str] = {}
        # False while projecting another station's events: its stock movements arrive on their own.
        self._books_stock = True

    def close(self) -> None:
        self.reader.close()
        self.writer.close()

    # ------------------------------------------------------------ look-ups (the scan path)

    def user_by_badge(self, badge: str) -> m.User | None:
        row = self.reader.execute(_USER_BY_BADGE, {"badge": badge.upper()}).first()
        return m.User(id=row.id, name=row.name, role=m.Role(row.role), badge=row.badge) if row else None

    def product_by_code(self, codes: Sequence[str]) -> m.Product | None:
        """A product by any of its barcodes (GTIN-14s or house codes), else by SKU."""
        for code in codes:
            row = (self.reader.execute(_PRODUCT_BY_CODE, {"code": code}).first()
                   or self.reader.execute(_PRODUCT_BY_SKU, {"code": code}).first())
            if row is not None:
                return _product(row)
        return None

    def lookup(self, reference: str) -> Lookup:
        """A return label's QR code, an RMA, a return or outbound tracking number, or an order number."""
        text = reference.strip()
        code = parse_returns_code(text)
        if isinstance(code, ReturnCode):
            return self._by_token(code)
        upper = text.upper()
        rma = self.reader.execute(select(RMAS).where((RMAS.c.rma == upper) | (RMAS.c.return_tracking == text))
                                  .limit(1)).first()
        if rma is not None:
            return Lookup(rma.order_number, rma.rma, LookupProblem.RMA_CLOSED if rma.status == "withdrawn" else None)
        number = self.reader.execute(select(_orders.c.number).join(_parcels, _parcels.c.order_id == _orders.c.id)
                                     .where(_parcels.c.tracking_number == text).limit(1)).scalar()
        if number is None:
            for candidate in (text, upper, text[1:] if text[:1] == "#" else None):
                if candidate and (number := self._order_number(candidate)):
                    break
        return Lookup(number, self._open_rma(number) if number else None)

    def _by_token(self, code: ReturnCode) -> Lookup:
        rma = self.reader.execute(select(RMAS).where(RMAS.c.token == code.token)).first()
        number = self._order_number(code.order_number)
        if rma is None or rma.order_number.upper() != code.order_number:
            return Lookup(number, None, LookupProblem.BAD_TOKEN if number else None)
        return Lookup(rma.order_number, rma.rma, LookupProblem.RMA_CLOSED if rma.status == "withdrawn" else None)

    def _order_number(self, text: str) -> str | None:
        return self.reader.execute(select(_orders.c.number).where(_orders.c.number == text)).scalar()

    def _open_rma(self, number: str) -> str | None:
        return self.reader.execute(select(RMAS.c.rma).where(RMAS.c.order_number == number,
                                                            RMAS.c.status == "issued")
                                   .order_by(RMAS.c.issued_at.desc()).limit(1)).scalar()

    def returnable_order(self, number: str) -> tuple[ReturnableOrder | None, str | None]:
        """The order as a return sees it, and LookupProblem.NOT_SHIPPED when nothing left the building."""
        c = self.reader
        order = c.execute(select(_orders.c.id, _orders.c.status, _orders.c.channel)
                          .where(_orders.c.number == number)).first()
        if order is None:
            return None, None
        if order.status not in SHIPPED_STATUSES:  # open, packing, held, cancelled, or voided after packing
            return ReturnableOrder(number, ()), LookupProblem.NOT_SHIPPED
        shipped_at = as_utc(c.execute(select(func.max(_pack_events.c.at)).where(
            _pack_events.c.order_id == order.id, _pack_events.c.type == "order_packed")).scalar()) or as_utc(
            c.execute(select(func.min(_parcels.c.created_at)).where(_parcels.c.order_id == order.id)).scalar())
        shipped = packed_units(c, number)
        serials = frozenset((r.sku, r.serial) for r in c.execute(
            select(_products.c.sku, _serials.c.serial).join(_products, _products.c.id == _serials.c.product_id)
            .where(_serials.c.order_id == order.id)))
        if not shipped and self.shipments is not None:  # packed at another station
            elsewhere = self.shipments(number)
            if elsewhere is not None:
                shipped, serials = elsewhere.units, elsewhere.serials
                shipped_at = shipped_at or as_utc(elsewhere.packed_at)
        shipped = shipped or self._ordered_units(order.id)
        products = {r.sku: r for r in c.execute(select(_products).where(_products.c.sku.in_(list(shipped))))}
        returned: dict[str, int] = {}
        returned_serials: set[tuple[str, str]] = set()
        for r in c.execute(select(ITEMS.c.sku, ITEMS.c.serial).join(RETURNS, RETURNS.c.id == ITEMS.c.return_id)
                           .where(RETURNS.c.order_number == number, RETURNS.c.status.in_(COUNTED_STATUSES),
                                  ITEMS.c.removed.is_(False))):
            returned[r.sku] = returned.get(r.sku, 0) + 1
            if r.serial:
                returned_serials.add((r.sku, r.serial))
        previous = c.execute(select(func.count()).select_from(RETURNS).where(RETURNS.c.order_number == number)
                             ).scalar() or 0
        lines = tuple(ReturnableLine(sku, products[sku].name if sku in products else sku, qty, returned.get(sku, 0),
                                     bool(products[sku].requires_serial) if sku in products else False,
                                     products[sku].bin_location if sku in products else None)
                      for sku, qty in shipped.items())
        return ReturnableOrder(number, lines, serials, frozenset(returned_serials), shipped_at, previous,
                               order.status, order.channel), None

    def _ordered_units(self, order_id: int) -> dict[str, int]:
        # An order imported as already shipped has no pack events: its lines are what shipped.
        rows = self.reader.execute(select(_products.c.sku, _lines.c.quantity)
                                   .join(_products, _products.c.id == _lines.c.product_id)
                                   .where(_lines.c.order_id == order_id).order_by(_lines.c.line_no))
        totals: dict[str, int] = {}
        for sku, qty in rows:
            totals[sku] = totals.get(sku, 0) + qty
        return totals

    # ------------------------------------------------------------ the event log

    def record(self, facts: Iterable[Fact], *, station: str, user_id: int | None, number: str | None) -> None:
        """Append facts and apply what they change (returns, items, stock), in one durable transaction."""
        facts = list(facts)
        now = clock.now()
        with self.writer.begin():
            for fact in facts:
                if fact.type == "return_opened":
                    number = fact.data["number"]
                    self._return_ids[number] = str(uuid.uuid4())
                return_id = self._return_id(number) if number else None
                self._append(str(uuid.uuid4()), station, user_id, return_id, fact, now)
                if return_id is not None:
                    self._project(fact, return_id, number or "", station=station, user_id=user_id, now=now)

    def _append(self, event_uuid: str, station: str, user_id: int | None, return_id: str | None, fact: Fact,
                at: datetime, central_id: int | None = None) -> None:
        self.writer.execute(_INSERT_EVENT, {
            "uuid": event_uuid, "station": station, "user_id": user_id, "return_id": return_id, "type": fact.type,
            "payload": json.dumps(fact.data, separators=(",", ":"), ensure_ascii=False), "at": at,
            "central_id": central_id})

    def apply_pulled(self, events: Sequence[PulledReturnEvent],
                     then: Callable[[Connection], None] | None = None) -> int:
        """Add other stations' events to this station's log and project them; returns how many were new.

        One transaction. Idempotent by the event's UUID. Stock is not moved here: the other
        station's stock movements are pulled on their own (app.store.inventory.apply_pulled_movements).
        A return number another bench gave out too (both offline, same order) is kept apart as
        "<number>@<station>": the return's UUID is what its events name. `then(conn)` runs in
        the same transaction.
        """
        with self.writer.begin():
            if then is not None:  # e.g. move the pull cursor: in the same transaction, all or nothing
                then(self.writer)
            if not events:
                return 0
            known = set(self.writer.execute(select(EVENTS.c.uuid).where(
                EVENTS.c.uuid.in_([e.uuid for e in events]))).scalars())
            users = dict(self.writer.execute(select(_users.c.name, _users.c.id).where(
                _users.c.name.in_({e.user_name for e in events if e.user_name}))).all())
            fresh = [(e, users.get(e.user_name)) for e in events if e.uuid not in known]
            if not fresh:
                return 0
            self.writer.execute(_INSERT_EVENT, [
                {"uuid": e.uuid, "station": e.station, "user_id": user_id, "return_id": e.return_id, "type": e.type,
                 "payload": json.dumps(e.data, separators=(",", ":"), ensure_ascii=False), "at": _pulled_at(e),
                 "central_id": e.central_id} for e, user_id in fresh])
            self._books_stock = False
            try:
                self._project_all_pulled(fresh)
            finally:
                self._books_stock = True
        return len(fresh)

    def _project_all_pulled(self, fresh: list[tuple[PulledReturnEvent, int | None]]) -> None:
        """The whole batch in one savepoint; if an event cannot be projected, again one by one,
        so that only that event is left out (it stays in the log, for the audit)."""
        try:
            with self.writer.begin_nested():
                for event, user_id in fresh:
                    self._project_pulled(event, user_id)
            return
        except Exception:  # noqa: BLE001 - one unreadable event must not stop the warehouse's returns
            self._return_ids.clear()
        for event, user_id in fresh:
            try:
                with self.writer.begin_nested():
                    self._project_pulled(event, user_id)
            except Exception:  # noqa: BLE001 - as above
                log.exception("return event %s from %s kept in the log but not projected", event.uuid, event.station)

    def _project_pulled(self, event: PulledReturnEvent, user_id: int | None) -> None:
        fact, at = Fact(event.type, event.data), _pulled_at(event)
        if event.type in ("rma_issued", "rma_tracking"):
            self._project_rma(fact, user_id, at)
            return
        if event.return_id is None:
            return
        if event.type == "return_opened":
            number = event.data["number"]
            taken = self.writer.execute(_RETURN_ID_OF, {"number": number}).scalar()
            if taken is not None and taken != event.return_id:
                number = f"{number}@{event.station}"
                fact = Fact(event.type, {**event.data, "number": number})
        else:
            number = self.writer.execute(_RETURN_NUMBER_OF, {"id": event.return_id}).scalar()
            if number is None:  # its opening was not pulled (a log cut short): nothing to project onto
                return
        self._return_ids.pop(number, None)
        self._project(fact, event.return_id, number, station=event.station, user_id=user_id, now=at)

    def _project_rma(self, fact: Fact, user_id: int | None, at: datetime) -> bool:
        """Apply an RMA fact; False when an `rma_issued` names an RMA this station has already."""
        d = fact.data
        if fact.type == "rma_tracking":
            self.writer.execute(_SET_RMA_TRACKING, {"key": d["rma"], "tracking": d["tracking"]})
            return True
        if self.writer.execute(_RMA_EXISTS, {"rma": d["rma"]}).first() is not None:
            return False
        self.writer.execute(_INSERT_RMA, {
            "rma": d["rma"], "order_number": d["order"], "token": d["token"],
            "return_tracking": d.get("return_tracking"), "reason": d.get("reason", ""), "status": "issued",
            "issued_by": user_id, "issued_at": at})
        return True

    def _return_id(self, number: str) -> str | None:
        if number not in self._return_ids:
            found = self.writer.execute(select(RETURNS.c.id).where(RETURNS.c.number == number)).scalar()
            if found is None:
                return None
            self._return_ids[number] = found
        return self._return_ids[number]

    def _project(self, fact: Fact, return_id: str, number: str, *, station: str, user_id: int | None,
                 now: datetime) -> None:
        d = fact.data
        w = self.writer
        match fact.type:
            case "return_opened":
                w.execute(insert(RETURNS).values(
                    id=return_id, number=number, order_number=d["order"]["number"], rma=d.get("rma"),
                    station=station, opened_by=user_id, opened_at=now,
                    received_at=datetime.fromisoformat(d["received_at"]), status="open", late=d["late"], flags="[]"))
                if d.get("rma"):
                    w.execute(update(RMAS).where(RMAS.c.rma == d["rma"]).values(status="received"))
            case "return_flagged":
                self._add_flags(return_id, [d])
            case "return_item_recorded":
                self._item_recorded(ReturnedItem.from_data(d), return_id, number, station, user_id, now)
            case "return_item_removed":
                self._item_removed(ReturnedItem.from_data(d), return_id, number, station, user_id, now)
            case "return_item_photographed" if not d.get("in_hand"):  # in hand: its return_item_recorded has it
                w.execute(update(ITEMS).where(ITEMS.c.return_id == return_id, ITEMS.c.item_no == d["item"])
                          .values(photo_ref=d["photo"]))
            case "return_approved":
                w.execute(update(RETURNS).where(RETURNS.c.id == return_id).values(approved_by=d["by"]))
            case "return_closed":
                w.execute(update(RETURNS).where(RETURNS.c.id == return_id).values(status="closed", closed_at=now))
            case "return_held":
                w.execute(update(RETURNS).where(RETURNS.c.id == return_id).values(status="held"))
            case "return_abandoned":
                w.execute(update(RETURNS).where(RETURNS.c.id == return_id).values(status="abandoned", closed_at=now))
            case "refund_ready":
                w.execute(update(RETURNS).where(RETURNS.c.id == return_id).values(refund_ready_at=now))

    def _item_recorded(self, item: ReturnedItem, return_id: str, number: str, station: str, user_id: int | None,
                       now: datetime) -> None:
        restocked = item.disposition is Disposition.RESTOCK
        self.writer.execute(_INSERT_ITEM, {
            "return_id": return_id, "item_no": item.item_no, "sku": item.sku, "serial": item.serial, "lot": item.lot,
            "grade": item.grade.value, "reason": item.reason, "disposition": item.disposition.value, "bin": item.bin,
            "in_order": item.in_order, "flags": json.dumps([f.value for f in item.flags]), "recorded_by": user_id,
            "recorded_at": now, "restocked_at": now if restocked else None, "removed": False, "photo_ref": item.photo})
        if item.flags:
            self._add_flags(return_id, [RaisedFlag(f, item.sku, item.serial, f"item {item.item_no}").as_data()
                                        for f in item.flags])
        reason = {Disposition.RESTOCK: MovementReason.RETURN_RESTOCK,
                  Disposition.QUARANTINE: MovementReason.RETURN_QUARANTINE}.get(item.disposition)
        if reason is not None and item.bin and self._books_stock:
            move(self.writer, item.sku, item.bin, 1, reason, reference=number, user_id=user_id, station=station,
                 at=now, note=f"item {item.item_no}: {item.grade.value}, {item.reason}")

    def _item_removed(self, item: ReturnedItem, return_id: str, number: str, station: str, user_id: int | None,
                      now: datetime) -> None:
        self.writer.execute(update(ITEMS).where(ITEMS.c.return_id == return_id, ITEMS.c.item_no == item.item_no)
                            .values(removed=True, restocked_at=None))
        if item.disposition in (Disposition.RESTOCK, Disposition.QUARANTINE) and item.bin and self._books_stock:
            # The unit was put there a moment ago; if someone already took it, flag rather than lose the undo.
            move(self.writer, item.sku, item.bin, -1, MovementReason.RETURN_UNDO, policy=NegativeStock.FLAG,
                 reference=number, user_id=user_id, station=station, at=now, note=f"item {item.item_no} undone")

    def _add_flags(self, return_id: str, flags: list[dict]) -> None:
        current = self.writer.execute(select(RETURNS.c.flags).where(RETURNS.c.id == return_id)).scalar() or "[]"
        self.writer.execute(update(RETURNS).where(RETURNS.c.id == return_id)
                            .values(flags=json.dumps([*json.loads(current), *flags], ensure_ascii=False)))

    def session_events(self, station: str) -> list[StoredReturnEvent]:
        """What rebuilds this bench's session: its latest sign-in, then its latest return's events."""
        sign_in = self.reader.execute(select(EVENTS).where(EVENTS.c.station == station,
                                                           EVENTS.c.type.in_(("signed_in", "signed_out")))
                                      .order_by(EVENTS.c.seq.desc()).limit(1)).first()
        if sign_in is None or sign_in.type == "signed_out":
            return []
        opened = self.reader.execute(select(EVENTS.c.seq).where(EVENTS.c.station == station,
                                                                EVENTS.c.type == "return_opened",
                                                                EVENTS.c.seq > sign_in.seq)
                                     .order_by(EVENTS.c.seq.desc()).limit(1)).scalar()
        rows = self.reader.execute(select(EVENTS).where(EVENTS.c.station == station,
                                                        EVENTS.c.seq >= (opened or sign_in.seq + 1))
                                   .order_by(EVENTS.c.seq)).all()
        return [_stored(r) for r in (sign_in, *rows)]

    def events_of(self, number: str) -> list[StoredReturnEvent]:
        return_id = self._return_id(number)
        if return_id is None:  # no such return: not the events of no return (sign-ins, RMAs)
            return []
        rows = self.reader.execute(select(EVENTS).where(EVENTS.c.return_id == return_id).order_by(EVENTS.c.seq))
        return [_stored(r) for r in rows]

    def refunds_since(self, seq: int = 0, limit: int = 500) -> list[StoredReturnEvent]:
        """refund_ready events after a cursor: what the order-source adapter turns into refunds.

        This station's own only: each station tells the order source about the returns it closed
        (the ones pulled from other stations are theirs to report).
        """
        rows = self.reader.execute(select(EVENTS).where(EVENTS.c.type == "refund_ready", EVENTS.c.seq > seq,
                                                        EVENTS.c.central_id.is_(None))
                                   .order_by(EVENTS.c.seq).limit(limit))
        return [_stored(r) for r in rows]

    # ------------------------------------------------------------ the supervisor's side

    def returns(self, status: str | None = None, limit: int = 200) -> list[dict]:
        query = select(RETURNS).order_by(RETURNS.c.opened_at.desc()).limit(limit)
        if status:
            query = query.where(RETURNS.c.status == status)
        return [dict(r) for r in self.reader.execute(query).mappings()]

    def items_of(self, number: str) -> list[ReturnedItem]:
        rows = self.reader.execute(select(ITEMS).join(RETURNS, RETURNS.c.id == ITEMS.c.return_id)
                                   .where(RETURNS.c.number == number, ITEMS.c.removed.is_(False))
                                   .order_by(ITEMS.c.item_no))
        return [ReturnedItem(r.item_no, r.sku, Grade(r.grade), r.reason, Disposition(r.disposition), r.bin, r.serial,
                             r.lot, r.in_order, tuple(Flag(f) for f in json.loads(r.flags)), r.photo_ref) for r in rows]

    def approve_held(self, number: str, supervisor: m.User, *, station: str, rules: ReturnRules) -> tuple[Fact, ...]:
        """A supervisor approves a held return away from the bench: it closes and its refund is ready."""
        if not supervisor.role.can_override:
            raise PermissionError(f"{supervisor.name} is not a supervisor")
        row = self.reader.execute(select(RETURNS).where(RETURNS.c.number == number)).first()
        if row is None or row.status != "held":
            raise ValueError(f"Return {number} is not on hold")
        items = self.items_of(number)
        live = {f"item {i.item_no}" for i in items}  # units UNDOne at the bench take their flags along
        raised = [RaisedFlag.from_data(f) for f in json.loads(row.flags)]
        flags = [f for f in raised if not f.flag.item_level or f.detail in live]
        approved = Fact("return_approved", {"number": number, "by": supervisor.id, "name": supervisor.name,
                                            "flags": [f.as_data() for f in flags]})
        facts = (approved, *closing_facts(number, row.order_number, row.rma, items, flags, supervisor.name, rules))
        self.record(facts, station=station, user_id=supervisor.id, number=number)
        return facts

    def release_from_quarantine(self, number: str, item_no: int, to_bin: str, supervisor: m.User, *,
                                station: str = "") -> None:
        """Move a quarantined unit to a sellable bin (the supervisor judged it resellable)."""
        if not supervisor.role.can_override:
            raise PermissionError(f"{supervisor.name} is not a supervisor")
        with self.writer.begin():
            row = self.writer.execute(select(ITEMS.c.id, ITEMS.c.sku, ITEMS.c.bin, ITEMS.c.disposition)
                                      .join(RETURNS, RETURNS.c.id == ITEMS.c.return_id)
                                      .where(RETURNS.c.number == number, ITEMS.c.item_no == item_no,
                                             ITEMS.c.removed.is_(False))).first()
            if row is None or row.disposition != Disposition.QUARANTINE.value or not row.bin:
                raise ValueError(f"Item {item_no} of return {number} is not in quarantine")
            to_bin = to_bin.strip().upper()
            if not self.inventory.sellable(to_bin):
                raise ValueError(f"{to_bin} is not a sellable bin")
            transfer(self.writer, row.sku, row.bin, to_bin, 1, user_id=supervisor.id, reference=number,
                     note=f"item {item_no} released from quarantine", station=station)
            self.writer.execute(update(ITEMS).where(ITEMS.c.id == row.id).values(
                disposition=Disposition.RESTOCK.value, bin=to_bin, restocked_at=clock.now()))

    def issue_rma(self, order_number: str, *, reason: str = "", user_id: int | None = None,
                  return_tracking: str | None = None, rma: str | None = None, station: str = "") -> Rma:
        """An authorisation for (part of) an order to come back, with the token for its QR code.

        `rma` keeps the order source's own number when it issues them; else "RMA-000001" from the
        rma sequence (shared by all stations on the central database).
        """
        with self.writer.begin():
            number = self.writer.execute(select(_orders.c.number).where(_orders.c.number == order_number)).scalar()
            if number is None:  # "#5001" or the platform's id; AmbiguousOrderReference is a ValueError's kin
                from app.domain.order_refs import AmbiguousOrderReference
                from app.store.repository import resolve_order_number

                try:
                    number = resolve_order_number(self.writer, order_number)
                except AmbiguousOrderReference as exc:
                    raise ValueError(str(exc)) from None
            if number is None:
                raise ValueError(f"No order {order_number}")
            if not rma:
                serial = (self.rma_source or _local_rma_serials)(self.writer, 1)[0]
                rma = f"RMA-{serial:06d}"
            rma, token, now = rma.upper(), new_token(), clock.now()
            issued = Fact("rma_issued", {"rma": rma, "order": number, "token": token, "reason": reason,
                                         "return_tracking": return_tracking})
            if not self._project_rma(issued, user_id, now):
                raise ValueError(f"{rma} is already an RMA")
            # Logged too: other stations learn of the RMA from the log, and the audit trail keeps it.
            self._append(str(uuid.uuid4()), station, user_id, None, issued, now)
        return Rma(rma, number, token)

    def set_return_tracking(self, rma: str, tracking: str, *, station: str = "", user_id: int | None = None) -> None:
        """Keep a bought return label's tracking number on the RMA: scanning it opens the return."""
        fact = Fact("rma_tracking", {"rma": rma, "tracking": tracking})
        with self.writer.begin():
            now = clock.now()
            self._project_rma(fact, user_id, now)
            self._append(str(uuid.uuid4()), station, user_id, None, fact, now)


# ---------------------------------------------------------------- supervisor figures


@dataclass(frozen=True, slots=True)
class ReturnRate:
    sku: str
    shipped: int
    returned: int
    reasons: dict[str, int]  # "grade/reason" -> units

    @property
    def rate(self) -> float:
        return self.returned / self.shipped if self.shipped else 0.0


def return_rates(conn: Connection, since: datetime, until: datetime) -> list[ReturnRate]:
    """Per SKU: units shipped (stock movements) and returned (graded units) in a period, by reason.

    Units that were never in their order are left out: they say nothing about the SKU.
    """
    shipped = dict(conn.execute(
        select(MOVES.c.sku, -func.sum(MOVES.c.delta)).where(
            MOVES.c.reason.in_((MovementReason.SHIPMENT.value, MovementReason.SHIPMENT_VOID.value)),
            MOVES.c.at >= since, MOVES.c.at < until).group_by(MOVES.c.sku)).all())
    reasons: dict[str, dict[str, int]] = {}
    for sku, grade, reason, units in conn.execute(
            select(ITEMS.c.sku, ITEMS.c.grade, ITEMS.c.reason, func.count()).where(
                ITEMS.c.recorded_at >= since, ITEMS.c.recorded_at < until, ITEMS.c.removed.is_(False),
                ITEMS.c.in_order.is_(True)).group_by(ITEMS.c.sku, ITEMS.c.grade, ITEMS.c.reason)):
        reasons.setdefault(sku, {})[f"{grade}/{reason}"] = units
    skus = sorted(set(shipped) | set(reasons))
    rates = [ReturnRate(sku, int(shipped.get(sku) or 0), sum(reasons.get(sku, {}).values()), reasons.get(sku, {}))
             for sku in skus]
    return sorted(rates, key=lambda r: (-r.rate, -r.returned, r.sku))


@dataclass(frozen=True, slots=True)
class RestockTimes:
    units: int
    median_hours: float
    p90_hours: float
    max_hours: float


def restock_times(conn: Connection, since: datetime, until: datetime) -> RestockTimes:
    """From a return's receipt to its unit being back in a sellable bin (restocked in the period)."""
    rows = conn.execute(select(RETURNS.c.received_at, ITEMS.c.restocked_at)
                        .join(RETURNS, RETURNS.c.id == ITEMS.c.return_id)
                        .where(ITEMS.c.restocked_at >= since, ITEMS.c.restocked_at < until,
                               ITEMS.c.removed.is_(False))).all()
    hours = sorted(max(0.0, (as_utc(r.restocked_at) - as_utc(r.received_at)).total_seconds() / 3600) for r in rows)
    if not hours:
        return RestockTimes(0, 0.0, 0.0, 0.0)
    return RestockTimes(len(hours), statistics.median(hours), hours[min(len(hours) - 1, int(len(hours) * 0.9))],
                        hours[-1])


# ---------------------------------------------------------------- helpers

_INSERT_EVENT = insert(EVENTS)
_INSERT_ITEM = insert(ITEMS)
_INSERT_RMA = insert(RMAS)
_RMA_EXISTS = select(RMAS.c.rma).where(RMAS.c.rma == bindparam("rma"))
_SET_RMA_TRACKING = update(RMAS).where(RMAS.c.rma == bindparam("key")).values(return_tracking=bindparam("tracking"))
_RETURN_ID_OF = select(RETURNS.c.id).where(RETURNS.c.number == bindparam("number"))
_RETURN_NUMBER_OF = select(RETURNS.c.number).where(RETURNS.c.id == bindparam("id"))
_USER_BY_BADGE = select(_users).where(_users.c.badge == bindparam("badge"), _users.c.active.is_(True))
_PRODUCT_BY_CODE = (select(_products).join(_barcodes, _barcodes.c.product_id == _products.c.id)
                    .where(_barcodes.c.code == bindparam("code")).limit(1))
_PRODUCT_BY_SKU = select(_products).where(_products.c.sku == bindparam("code")).limit(1)


def _product(row) -> m.Product:  # noqa: ANN001 - a Row of products
    return m.Product(sku=row.sku, name=row.name, weight_g=row.weight_g, requires_serial=row.requires_serial,
                     requires_lot=row.requires_lot, image=row.image, bin_location=row.bin_location)


def _pulled_at(event: PulledReturnEvent) -> datetime:
    return as_utc(event.at) or clock.now()


def _local_rma_serials(conn: Connection, count: int) -> list[int]:
    return next_values(conn, "rma", count)


def _stored(r) -> StoredReturnEvent:  # noqa: ANN001 - a Row of return_events
    return StoredReturnEvent(r.seq, r.type, json.loads(r.payload), r.return_id, as_utc(r.at))
