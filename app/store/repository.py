"""The station's queries: look-ups on the scan path, the event log and its projections.

This is the hot path (every scan passes here), so it uses SQLAlchemy Core on one long-lived
connection: a scan costs one indexed look-up plus one insert and one durable commit.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, delete, exists, func, insert, literal, or_, select, update

from app.domain import clock
from app.domain import model as m
from app.domain.events import Fact
from app.domain.order_refs import AmbiguousOrderReference, OrderMatch, order_reference_keys
from app.store import tables as t  # Core tables: the start path never imports the ORM (app/store/tables.py)
from app.store.checkpoint import Checkpointer

_products = t.products
_barcodes = t.barcodes
_orders = t.orders
_lines = t.order_lines
_cartons = t.cartons
_users = t.users
_events = t.pack_events
_serials = t.packed_serials
_parcels = t.parcels
_stations = t.stations
_intents = t.effect_intents

OPEN_STATUSES = ("open", "packing")


@dataclass(frozen=True, slots=True)
class ProductHit:
    product_id: int
    product: m.Product
    units: int  # units one scan of this code stands for (case packs)


@dataclass(frozen=True, slots=True)
class ParcelDraft:
    """A box's parcel row as its label step starts (written with the fact that owes the label)."""

    uuid: str
    order_number: str
    box: int
    station: str
    packer_id: int | None
    carton: str | None
    weight_g: int | None
    expected_g: int | None
    weight_source: str
    carrier: str
    service_level: str


@dataclass(frozen=True, slots=True)
class Intent:
    """An effect a fact owes (see EffectIntent), as the station writes it with the fact."""

    key: str
    kind: str
    order_number: str
    box: int | None = None
    parcel_uuid: str | None = None
    payload: dict = field(default_factory=dict)
    state: str = "owed"
    result: str = ""
    attempts: int = 0
    id: int = 0


@dataclass(frozen=True, slots=True)
class Settled:
    """An intent carried out (done), given up (failed) or no longer owed (dropped).

    `label` = (tracking number, label format, label reference) marks its parcel labelled in
    the same transaction.
    """

    key: str
    state: str
    result: str = ""
    error: str = ""
    parcel_uuid: str | None = None
    label: tuple[str | None, str, str] | None = None


@dataclass(frozen=True, slots=True)
class StoredEvent:
    seq: int
    uuid: str
    type: str
    data: dict
    order_id: int | None
    packer_id: int | None
    at: datetime


class Repository:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        # Look-ups run on an autocommit connection: no BEGIN/ROLLBACK round trips, no snapshot
        # held between scans. Writes run in explicit, durable transactions on their own connection.
        self.reader: Connection = engine.connect().execution_options(isolation_level="AUTOCOMMIT")
        self.writer: Connection = engine.connect().execution_options(immediate=True)
        self._checkpointer = Checkpointer.for_writer(engine, self.writer)
        self._order_ids: dict[str, int] = {}
        self._product_ids: dict[str, int] = {}
        self._catalogue = _ProductMemo(self.writer)
        self._append_event = _event_appender(self.writer)

    def close(self) -> None:
        if self._checkpointer is not None:
            self._checkpointer.close()
        self.reader.close()
        self.writer.close()

    # ------------------------------------------------------------ look-ups

    def user_by_badge(self, badge: str) -> m.User | None:
        row = self.reader.execute(_USER_BY_BADGE, {"badge": badge.upper()}).first()
        return m.User(id=row.id, name=row.name, role=m.Role(row.role), badge=row.badge) if row else None

    def product_by_code(self, codes: Sequence[str]) -> ProductHit | None:
        """A product by any of its barcodes (GTIN-14s or house codes), else by SKU."""
        memo = self._catalogue.current()
        for code in codes:  # usually one; an 8-digit code can be both an EAN-8 and a UPC-E
            hit = memo.get(code)
            if hit is None:
                row = self.reader.execute(_PRODUCT_BY_CODE, {"code": code}).first()
                row = row or self.reader.execute(_PRODUCT_BY_SKU, {"code": code}).first()
                hit = ProductHit(row.id, _product(row), row.units) if row is not None else None
            if hit is not None:
                self._product_ids[hit.product.sku] = hit.product_id
                self._catalogue.keep(code, hit)
                return hit
        return None

    def remember_barcodes(self, order: m.Order) -> None:
        """The barcodes of the order being packed, looked up once when it is opened: its item
        scans (the right item, the common case) then resolve without a query (_ProductMemo)."""
        order_id = self.order_id(order.number)
        products = {self._product_ids[line.sku]: line.product for line in order.lines if line.sku in self._product_ids}
        if order_id is None or not products:
            return
        self._catalogue.current()  # a catalogue changed since: start the memo again first
        for code, product_id, units in self.reader.execute(_ORDER_BARCODES, {"order_id": order_id}):
            if product_id in products:
                self._catalogue.keep(code, ProductHit(product_id, products[product_id], units))

    def order_id(self, number: str) -> int | None:
        if number not in self._order_ids:
            found = self.reader.execute(select(_orders.c.id).where(_orders.c.number == number)).scalar()
            if found is None:
                return None
            self._order_ids[number] = found
        return self._order_ids[number]

    def order_by_number(self, number: str) -> m.Order | None:
        """The order stored under exactly this number (the station's own references to it)."""
        row = self.reader.execute(_ORDER_BY_NUMBER, {"number": number}).first()
        return self._load_order(row) if row else None

    def find_order(self, reference: str) -> m.Order | None:
        """The order a packer scanned or someone typed: "#5001", "5001" or the platform's id.

        Raises AmbiguousOrderReference when the reference names two different orders.
        """
        number = resolve_order_number(self.reader, reference)
        return self.order_by_number(number) if number is not None else None

    def order_by_tote(self, tote: str) -> m.Order | None:
        """The order picked into a tote: the open one, else the latest one that used it."""
        row = self.reader.execute(_ORDER_BY_TOTE, {"tote": tote.upper()}).first()
        return self._load_order(row) if row else None

    def other_open_order_with(self, sku: str, not_order: str) -> str | None:
        product_id = self._product_ids.get(sku)
        if product_id is None:
            return None
        query = (
            select(_orders.c.number)
            .join(_lines, _lines.c.order_id == _orders.c.id)
            .where(_lines.c.product_id == product_id, _orders.c.status.in_(OPEN_STATUSES),
                   _orders.c.number != not_order)
            .order_by(_orders.c.priority.desc(), _orders.c.id)
            .limit(1)
        )
        return self._scalar(query)

    def open_orders_with(self, sku: str, not_order: str, limit: int = 3) -> tuple[list[tuple[str, str | None]], int]:
        """Every open order (but `not_order`) that has a line of this SKU: the first `limit` as
        (number, tote or None), most urgent first, and how many there are in all."""
        product_id = self._product_ids.get(sku)
        if product_id is None:
            return [], 0
        holding = (_orders.c.status.in_(OPEN_STATUSES), _orders.c.number != not_order,
                   exists().where(_lines.c.order_id == _orders.c.id, _lines.c.product_id == product_id))
        rows = self.reader.execute(select(_orders.c.number, _orders.c.tote).where(*holding)
                                   .order_by(_orders.c.priority.desc(), _orders.c.id).limit(limit)).all()
        total = len(rows)
        if total == limit:
            total = int(self.reader.execute(select(func.count()).select_from(_orders).where(*holding)).scalar() or 0)
        return [(str(number), tote or None) for number, tote in rows], total

    def serial_shipped_in(self, sku: str, serial: str) -> str | None:
        product_id = self._product_ids.get(sku)
        if product_id is None:
            return None
        query = (
            select(_orders.c.number)
            .join(_serials, _serials.c.order_id == _orders.c.id)
            .where(_serials.c.product_id == product_id, _serials.c.serial == serial)
        )
        return self._scalar(query)

    def cartons(self) -> list[m.Carton]:
        rows = self.reader.execute(select(_cartons).where(_cartons.c.active.is_(True))).all()
        return [m.Carton(r.code, r.name, m.Dimensions(r.length_mm, r.width_mm, r.height_mm), r.tare_g,
                         r.max_weight_g) for r in rows]

    def station_holding(self, number: str) -> str | None:
        """The station whose latest event on this order opened it (and did not close it)."""
        order_id = self.order_id(number)
        if order_id is None:
            return None
        row = self.reader.execute(_LAST_ORDER_EVENT, {"order_id": order_id}).first()
        if row is None or row.type in CLOSING_TYPES:
            return None
        return row.station

    def packed_note(self, number: str) -> str:
        order_id = self.order_id(number)
        row = self._one(select(_parcels.c.station, _parcels.c.created_at, _parcels.c.tracking_number)
                        .where(_parcels.c.order_id == order_id).order_by(_parcels.c.id.desc()).limit(1))
        if row is None:
            return ""
        when = row.created_at.strftime("%d %b %H:%M") if row.created_at else ""
        return f"{when} at {row.station}".strip()

    # ------------------------------------------------------------ the event log

    def record(self, facts: Iterable[Fact], *, station: str, packer_id: int | None, order_number: str | None,
               parcel: ParcelDraft | None = None, intents: Sequence[Intent] = (),
               settled: Sequence[Settled] = ()) -> None:
        """Append facts and update what they change, in one durable transaction.

        With it, in the same transaction: the parcel a label is owed for, the intents the facts
        owe (labels, slips, e-mails, stock bookings) and the intents they settle.
        """
        facts = list(facts)
        # Resolve ids before the write transaction: look-ups use the other connection.
        default_id = self.order_id(order_number) if order_number else None
        order_ids = [self._fact_order_id(fact, default_id) for fact in facts]
        now = clock.now()
        with self.writer.begin():
            for fact, order_id in zip(facts, order_ids, strict=True):
                event_uuid = str(uuid.uuid4())
                self._append_event((event_uuid, station, packer_id, order_id, fact.type,
                                    json.dumps(fact.data, separators=(",", ":"), ensure_ascii=False), now))
                if order_id is not None:
                    self._project(fact, order_id, event_uuid)
            if parcel is not None:
                self._upsert_parcel(parcel, now)
            for intent in intents:
                self._add_intent(intent, station, now)
            for done in settled:
                self._settle(done, now)
        if self._checkpointer is not None:
            self._checkpointer.wrote()

    def _fact_order_id(self, fact: Fact, default: int | None) -> int | None:
        number = fact.order.number if fact.order else fact.data.get("number")
        return self.order_id(number) if number else default

    def _project(self, fact: Fact, order_id: int, event_uuid: str) -> None:
        """Keep the order's status and its packed serials in step with the log."""
        d = fact.data
        status = _STATUS_AFTER.get(fact.type)
        if status:
            values: dict = {"status": status, "updated_at": clock.now()}
            if fact.type == "order_held":
                values["hold_reason"] = d.get("reason", "")
            self.writer.execute(update(_orders).where(_orders.c.id == order_id).values(**values))
        if fact.type == "labels_voided":
            self.writer.execute(update(_parcels).where(_parcels.c.order_id == order_id).values(status="voided"))
        if fact.type in _FREES_SERIALS:
            # The units go back to the tote, so their serials may be packed again.
            self.writer.execute(delete(_serials).where(_serials.c.order_id == order_id))
        elif fact.type == "item_packed" and d.get("serial"):
            product_id = self._product_ids.get(d["sku"]) or self._product_id(d["sku"])
            self.writer.execute(insert(_serials).values(product_id=product_id, serial=d["serial"], order_id=order_id,
                                                        event_uuid=event_uuid))
        elif fact.type == "item_unpacked" and d.get("serial"):
            self.writer.execute(delete(_serials).where(_serials.c.order_id == order_id,
                                                       _serials.c.serial == d["serial"]))

    def _product_id(self, sku: str) -> int:
        return self.writer.execute(select(_products.c.id).where(_products.c.sku == sku)).scalar_one()

    def session_events(self, station: str) -> list[StoredEvent]:
        """What rebuilds this station's session: its latest sign-in and its latest order's events.

        Nothing when it signed out last. Earlier orders of the shift are closed, so replay starts
        at the last `order_opened`: a restart costs the same after one order or after a thousand.
        """
        sign_in = self._one(select(_events).where(_events.c.station == station,
                                                  _events.c.type.in_(("signed_in", "signed_out")))
                            .order_by(_events.c.seq.desc()).limit(1))
        if sign_in is None or sign_in.type == "signed_out":
            return []
        opened = self._scalar(select(_events.c.seq).where(_events.c.station == station,
                                                          _events.c.type == "order_opened",
                                                          _events.c.seq > sign_in.seq)
                              .order_by(_events.c.seq.desc()).limit(1))
        rows = self.reader.execute(select(_events).where(_events.c.station == station,
                                                         _events.c.seq >= (opened or sign_in.seq + 1))
                                   .order_by(_events.c.seq)).all()
        return [_stored(r) for r in (sign_in, *rows)]

    def order_number_of(self, order_id: int) -> str | None:
        return self._scalar(select(_orders.c.number).where(_orders.c.id == order_id))

    # ------------------------------------------------------------ parcels and stations

    def save_parcel(self, *, order_number: str, box: int, station: str, packer_id: int | None,
                    carton: str | None, weight_g: int | None, expected_g: int | None, weight_source: str,
                    carrier: str, service_level: str) -> str:
        """Create or refresh the parcel row for a box before its label prints; returns its UUID."""
        order_id = self.order_id(order_number)
        with self.writer.begin():
            existing = self.writer.execute(select(_parcels.c.uuid).where(_parcels.c.order_id == order_id,
                                                                       _parcels.c.box_no == box)).scalar()
            values = {"station": station, "packer_id": packer_id, "carton_code": carton, "weight_g": weight_g,
                      "expected_weight_g": expected_g, "weight_source": weight_source, "carrier": carrier,
                      "service_level": service_level, "status": "labelling"}
            if existing:
                self.writer.execute(update(_parcels).where(_parcels.c.uuid == existing).values(**values))
                return existing
            parcel_uuid = str(uuid.uuid4())
            self.writer.execute(insert(_parcels).values(uuid=parcel_uuid, order_id=order_id, box_no=box,
                                                      created_at=clock.now(), **values))
            return parcel_uuid

    def _upsert_parcel(self, draft: ParcelDraft, now: datetime) -> None:
        order_id = self.order_id(draft.order_number)
        values = {"station": draft.station, "packer_id": draft.packer_id, "carton_code": draft.carton,
                  "weight_g": draft.weight_g, "expected_weight_g": draft.expected_g,
                  "weight_source": draft.weight_source, "carrier": draft.carrier,
                  "service_level": draft.service_level, "status": "labelling"}
        changed = self.writer.execute(update(_parcels).where(_parcels.c.order_id == order_id,
                                                             _parcels.c.box_no == draft.box).values(**values))
        if not changed.rowcount:
            self.writer.execute(insert(_parcels).values(uuid=draft.uuid, order_id=order_id, box_no=draft.box,
                                                        created_at=now, **values))

    def parcel_uuid(self, order_number: str, box: int) -> str | None:
        """The UUID of an order's box, if it has a parcel row yet."""
        order_id = self.order_id(order_number)
        return self._scalar(select(_parcels.c.uuid).where(_parcels.c.order_id == order_id,
                                                          _parcels.c.box_no == box))

    def label_done(self, parcel_uuid: str, *, tracking_number: str | None, label_format: str,
                   label_ref: str) -> None:
        with self.writer.begin():
            self.writer.execute(update(_parcels).where(_parcels.c.uuid == parcel_uuid).values(
                tracking_number=tracking_number, label_format=label_format, label_ref=label_ref, status="labelled"))

    def set_parcel_photo(self, parcel_uuid: str, photo_ref: str) -> None:
        """Attach the open-box photo (a path under the data directory) to its parcel."""
        with self.writer.begin():
            self.writer.execute(update(_parcels).where(_parcels.c.uuid == parcel_uuid).values(photo_ref=photo_ref))

    def parcels_of(self, order_number: str) -> list[dict]:
        order_id = self.order_id(order_number)
        rows = self.reader.execute(select(_parcels).where(_parcels.c.order_id == order_id)
                                 .order_by(_parcels.c.box_no)).mappings().all()
        return [dict(r) for r in rows]

    # ------------------------------------------------------------ effect intents

    def _add_intent(self, intent: Intent, station: str, now: datetime) -> None:
        self.writer.execute(insert(_intents).values(
            key=intent.key, kind=intent.kind, station=station, order_number=intent.order_number, box=intent.box,
            parcel_uuid=intent.parcel_uuid, payload=json.dumps(intent.payload, separators=(",", ":")),
            state="owed", attempts=0, result="", last_error="", created_at=now))

    def _settle(self, done: Settled, now: datetime) -> None:
        self.writer.execute(update(_intents).where(_intents.c.key == done.key).values(
            state=done.state, result=done.result, last_error=done.error, settled_at=now,
            attempts=_intents.c.attempts + 1))
        if done.label is not None and done.parcel_uuid:
            tracking, fmt, ref = done.label
            self.writer.execute(update(_parcels).where(_parcels.c.uuid == done.parcel_uuid).values(
                tracking_number=tracking, label_format=fmt, label_ref=ref, status="labelled"))

    def settle(self, *settled: Settled) -> None:
        """Settle intents on their own (effects that record no fact: slips, e-mails, stock)."""
        if not settled:
            return
        now = clock.now()
        with self.writer.begin():
            for done in settled:
                self._settle(done, now)

    def owed_intents(self, station: str, kinds: Sequence[str] | None = None) -> list[Intent]:
        """What this station still owes, oldest first."""
        query = select(_intents).where(_intents.c.station == station, _intents.c.state == "owed")
        if kinds is not None:
            query = query.where(_intents.c.kind.in_(kinds))
        return [_intent(r) for r in self.reader.execute(query.order_by(_intents.c.id)).all()]

    def unsettled_intents(self, *, station: str | None = None, limit: int = 200) -> list[dict]:
        """Effects still owed or that failed (a slip that did not print, an e-mail not queued, a
        stock booking that did not go through), newest first, for IT and the supervisor."""
        query = select(_intents).where(_intents.c.state.in_(("owed", "failed")))
        if station is not None:
            query = query.where(_intents.c.station == station)
        rows = self.reader.execute(query.order_by(_intents.c.id.desc()).limit(limit)).mappings().all()
        return [dict(r) for r in rows]

    def latest_intent(self, order_number: str, kind: str, box: int | None = None) -> Intent | None:
        """The newest intent of this kind for an order (and box)."""
        query = select(_intents).where(_intents.c.order_number == order_number, _intents.c.kind == kind)
        if box is not None:
            query = query.where(_intents.c.box == box)
        row = self._one(query.order_by(_intents.c.id.desc()).limit(1))
        return _intent(row) if row else None

    def register_station(self, name: str) -> None:
        with self.writer.begin():
            found = self.writer.execute(select(_stations.c.id).where(_stations.c.name == name)).scalar()
            now = clock.now()
            if found is None:
                self.writer.execute(insert(_stations).values(name=name, created_at=now, last_seen_at=now))
            else:
                self.writer.execute(update(_stations).where(_stations.c.id == found).values(last_seen_at=now))

    # ------------------------------------------------------------ helpers

    def _one(self, query):
        return self.reader.execute(query).first()

    def _scalar(self, query):
        return self.reader.execute(query).scalar()

    def _load_order(self, row) -> m.Order:
        self._order_ids[row.number] = row.id
        lines = self.reader.execute(_ORDER_LINES, {"order_id": row.id}).all()
        for line in lines:
            self._product_ids[line.sku] = line.id
        return m.Order(
            number=row.number,
            lines=tuple(m.OrderLine(line.line_no, _product(line), line.quantity) for line in lines),
            status=m.OrderStatus(row.status),
            channel=row.channel,
            tote=row.tote,
            ship_to=m.Address(row.ship_to_name, row.ship_to_company, row.ship_to_line1, row.ship_to_line2,
                              row.ship_to_city, row.ship_to_region, row.ship_to_postcode, row.ship_to_country,
                              row.ship_to_phone, row.ship_to_email),
            carrier=row.carrier,
            service_level=row.service_level,
            ship_by=row.ship_by,
            priority=row.priority,
            notes=row.notes,
            gift_message=row.gift_message,
            packing_instructions=row.packing_instructions,
        )


def order_matches(conn: Connection, reference: str) -> list[OrderMatch]:
    """Every order a typed or scanned reference names, by number or by platform id (one indexed query)."""
    keys = order_reference_keys(reference)
    if not keys:
        return []
    rows = conn.execute(_ORDERS_BY_REFERENCE, {"numbers": list(keys.numbers),
                                               "platform_ids": list(keys.platform_ids)}).all()
    matches: dict[int, OrderMatch] = {}
    for row in rows:
        by = "number" if row.number in keys.numbers else "platform id"
        if row.id not in matches or by == "number":
            matches[row.id] = OrderMatch(row.number, row.channel, by)
    return sorted(matches.values(), key=lambda match: match.number)


def resolve_order_number(conn: Connection, reference: str) -> str | None:
    """The stored number of the order a reference names; None when none does.

    Raises AmbiguousOrderReference (a clear message naming each order) when it names several.
    """
    matches = order_matches(conn, reference)
    if len(matches) > 1:
        raise AmbiguousOrderReference(order_reference_keys(reference).reference, matches)
    return matches[0].number if matches else None


# The scan path's statements, built once: constructing a select costs more than running it.
_ORDERS_BY_REFERENCE = (
    select(_orders.c.id, _orders.c.number, _orders.c.channel)
    .where(or_(_orders.c.number.in_(bindparam("numbers", expanding=True)),
               _orders.c.platform_id.in_(bindparam("platform_ids", expanding=True))))
    .limit(8)
)
# An order's opening reads (the badge check of free text, the order, its lines, who holds it): built once too.
_USER_BY_BADGE = select(_users).where(_users.c.badge == bindparam("badge"), _users.c.active.is_(True))
_ORDER_BY_NUMBER = select(_orders).where(_orders.c.number == bindparam("number"))
_ORDER_BY_TOTE = (
    select(_orders)
    .where(_orders.c.tote == bindparam("tote"))
    .order_by((_orders.c.status.in_(OPEN_STATUSES)).desc(), _orders.c.id.desc())
    .limit(1)
)
_ORDER_LINES = (
    select(_lines.c.line_no, _lines.c.quantity, _products)
    .join(_products, _products.c.id == _lines.c.product_id)
    .where(_lines.c.order_id == bindparam("order_id"))
    .order_by(_lines.c.line_no)
)
_LAST_ORDER_EVENT = (
    select(_events.c.station, _events.c.type)
    .where(_events.c.order_id == bindparam("order_id"))
    .order_by(_events.c.seq.desc())
    .limit(1)
)
_PRODUCT_BY_CODE = (
    select(_products, _barcodes.c.units)
    .join(_barcodes, _barcodes.c.product_id == _products.c.id)
    .where(_barcodes.c.code == bindparam("code"))
    .limit(1)
)
_INSERT_EVENT = insert(_events)  # built once: one of the three statements of every scan
_ORDER_BARCODES = (select(_barcodes.c.code, _barcodes.c.product_id, _barcodes.c.units)
                   .join(_lines, _lines.c.product_id == _barcodes.c.product_id)
                   .where(_lines.c.order_id == bindparam("order_id")))
_EVENT_COLUMNS = ("uuid", "station", "packer_id", "order_id", "type", "payload", "at")


def _event_appender(writer: Connection) -> Callable[[tuple], None]:
    """How `record` appends one event (the values in _EVENT_COLUMNS' order) inside its transaction.

    On SQLite, straight on the driver's connection (the transaction SQLAlchemy began is that
    connection's): every item scan appends one, and SQLAlchemy's statement machinery around it
    cost about a tenth of the scan's budget. The timestamp is stored as SQLAlchemy stores it (its
    own bind processor), so the ORM and Core read these rows like any other.
    """
    if writer.dialect.name != "sqlite":
        def insert_row(values: tuple) -> None:
            writer.execute(_INSERT_EVENT, dict(zip(_EVENT_COLUMNS, values, strict=True)))

        return insert_row
    raw: Any = writer.connection.driver_connection
    stamp = _events.c.at.type.dialect_impl(writer.dialect).bind_processor(writer.dialect) or (lambda at: at)
    sql = f"INSERT INTO pack_events ({', '.join(_EVENT_COLUMNS)}) VALUES ({', '.join('?' * len(_EVENT_COLUMNS))})"

    def append(values: tuple) -> None:
        raw.execute(sql, (*values[:-1], stamp(values[-1])))

    return append
_PRODUCT_BY_SKU = select(_products, literal(1).label("units")).where(_products.c.sku == bindparam("code")).limit(1)

_STATUS_AFTER = {"order_opened": "packing", "order_packed": "packed", "order_held": "held",
                 "order_released": "open", "labels_voided": "open"}
_FREES_SERIALS = frozenset({"order_released", "order_stopped", "labels_voided"})

CLOSING_TYPES = frozenset({"order_packed", "order_held", "order_released", "order_stopped", "labels_voided"})


def _intent(r) -> Intent:  # noqa: ANN001 - a Row of effect_intents
    return Intent(r.key, r.kind, r.order_number, r.box, r.parcel_uuid, json.loads(r.payload or "{}"), r.state,
                  r.result, r.attempts, r.id)


def _stored(r) -> StoredEvent:  # noqa: ANN001 - a Row of pack_events
    return StoredEvent(r.seq, r.uuid, r.type, json.loads(r.payload), r.order_id, r.packer_id, r.at)


class _ProductMemo:
    """Products by the code they were found by, while the catalogue is unchanged.

    Valid as long as no other connection has written to the database: SQLite's `data_version`
    (asked on the writer, whose own commits do not move it) changes when one has (a sync or an
    import changing a barcode, but also the print queue's own job updates), and then the memo
    starts again empty. A barcode moved to another product is therefore never answered from here.
    On PostgreSQL, which has no such counter, nothing is remembered.
    """

    LIMIT = 4096  # codes: a shift's worth of products; past it, the memo starts again

    def __init__(self, writer: Connection) -> None:
        raw = writer.connection.driver_connection if writer.dialect.name == "sqlite" else None
        self._raw: Any = raw
        self._version: object = None
        self._hits: dict[str, ProductHit] = {}

    def current(self) -> dict[str, ProductHit]:
        if self._raw is None:
            return {}
        version = self._raw.execute("PRAGMA data_version").fetchone()[0]
        if version != self._version or len(self._hits) > self.LIMIT:
            self._hits = {}
            self._version = version
        return self._hits

    def keep(self, code: str, hit: ProductHit) -> None:
        if self._raw is not None:
            self._hits[code] = hit


def _product(row) -> m.Product:
    dims = None
    if row.length_mm and row.width_mm and row.height_mm:
        dims = m.Dimensions(row.length_mm, row.width_mm, row.height_mm)
    return m.Product(sku=row.sku, name=row.name, weight_g=row.weight_g, dimensions=dims,
                     requires_serial=row.requires_serial, requires_lot=row.requires_lot, image=row.image,
                     bin_location=row.bin_location)
