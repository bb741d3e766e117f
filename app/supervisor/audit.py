"""Orders and their audit trail: find an order by anything on it, then read its whole story.

Search looks up an order number (or its beginning), a tracking number, a SKU, a serial number
or a packer, each through an index. History is every pack event of the order in order (every
scan with its time, station and packer; overrides; prints; weights), its parcels with their
photos and labels, and its print jobs, each event told in a supervisor's words.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Table, func, or_, select

from app.domain.order_refs import order_reference_keys
from app.domain.weights import WeightSource
from app.store.models import Order, OrderLine, PackedSerial, PackEvent, Parcel, PrintJob, Product, User
from app.store.values import as_utc, json_object
from app.supervisor.hold_reasons import conflict_detail, conflict_kind, conflict_status, hold_reason
from app.supervisor.sqlfuncs import json_bool
from printers.reasons import reason_from_text

EVENTS: Table = PackEvent.__table__
ORDERS: Table = Order.__table__
LINES: Table = OrderLine.__table__
PRODUCTS: Table = Product.__table__
PARCELS: Table = Parcel.__table__
SERIALS: Table = PackedSerial.__table__
USERS: Table = User.__table__
JOBS: Table = PrintJob.__table__

KINDS = ("auto", "order", "tracking", "sku", "serial", "packer")
LIMIT = 200


@dataclass(frozen=True)
class OrderHit:
    number: str
    status: str
    hold_reason: str
    matched_by: str  # what the search text was: order, tracking, sku, serial, packer
    last_activity: datetime | None
    station: str | None
    packer: str | None


@dataclass(frozen=True)
class HistoryRow:
    seq: int
    at: datetime
    station: str
    packer: str | None
    type: str
    text: str
    level: str  # ok, info, warn, alert


@dataclass(frozen=True)
class ParcelRow:
    box: int
    carton: str | None
    weight_g: int | None
    expected_g: int | None
    weight_source: str
    tracking: str | None
    status: str
    station: str
    packer: str | None
    photo_ref: str | None
    label_ref: str | None
    created_at: datetime | None


@dataclass(frozen=True)
class PrintRow:
    created_at: datetime | None
    document: str
    printer: str
    state: str
    attempts: int
    last_error: str
    reprint: bool


@dataclass(frozen=True)
class OrderHistory:
    number: str
    status: str
    hold_reason: str
    channel: str
    carrier: str
    service_level: str
    lines: list[tuple[int, str, str, int]]  # line, SKU, name, quantity
    events: list[HistoryRow]
    parcels: list[ParcelRow]
    prints: list[PrintRow]


def _order_ids(conn: Connection, text: str, kind: str, *, deep: bool = True) -> list[tuple[int, str]]:
    """(order id, matched_by) for one kind of search, newest orders first.

    `deep` lets a serial search read the log when no packed serial matches (slower: a scan of
    the packed items), which a search of every kind does only when nothing else matched.
    """
    text = text.strip()
    if kind == "order":
        # "#5001", 5001 and the platform's id name one order (app.domain.order_refs); a prefix of the
        # number as a range keeps the unique index on number in use on every database.
        keys = order_reference_keys(text)
        prefix = keys.numbers[0] if keys.numbers else text
        query = select(ORDERS.c.id).where(or_(ORDERS.c.number.in_(keys.numbers or (text,)),
                                              ORDERS.c.platform_id.in_(keys.platform_ids or (text,)),
                                              (ORDERS.c.number >= prefix) & (ORDERS.c.number < prefix + "\uffff")))
    elif kind == "tracking":
        query = select(PARCELS.c.order_id).where(PARCELS.c.tracking_number == text)
    elif kind == "sku":
        query = (select(LINES.c.order_id).join(PRODUCTS, PRODUCTS.c.id == LINES.c.product_id)
                 .where(PRODUCTS.c.sku.in_({text, text.upper()})))
    elif kind == "serial":
        query = select(SERIALS.c.order_id).where(SERIALS.c.serial == text)
        found = [r[0] for r in conn.execute(query.limit(LIMIT))]
        if not found and deep:
            # A serial freed again (the order was released or voided) is only in the log.
            needle = json.dumps(text)[1:-1].replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            query = select(EVENTS.c.order_id).where(
                EVENTS.c.type == "item_packed", EVENTS.c.payload.like(f'%"serial":"{needle}"%', escape="\\"))
        else:
            return [(order_id, kind) for order_id in found]
    elif kind == "packer":
        users = [r[0] for r in conn.execute(select(USERS.c.id).where(
            or_(func.lower(USERS.c.name).contains(text.lower(), autoescape=True), USERS.c.badge == text.upper())))]
        if not users:
            return []
        query = (select(EVENTS.c.order_id).where(EVENTS.c.packer_id.in_(users), EVENTS.c.type == "order_opened")
                 .order_by(EVENTS.c.seq.desc()))
    else:
        raise ValueError(f"search kind must be one of {', '.join(KINDS)}, not {kind!r}")
    rows = conn.execute(query.limit(LIMIT * 2)).all()
    seen: dict[int, str] = {}
    for (order_id,) in rows:
        if order_id is not None and order_id not in seen:
            seen[order_id] = kind
    return list(seen.items())[:LIMIT]


def search(conn: Connection, text: str, kind: str = "auto") -> list[OrderHit]:
    """Orders matching `text`; `auto` tries every kind and says which one matched."""
    if not text.strip():
        return []
    kinds = ("order", "tracking", "serial", "sku", "packer") if kind == "auto" else (kind,)
    matched: dict[int, str] = {}
    for k in kinds:
        for order_id, by in _order_ids(conn, text, k, deep=kind != "auto"):
            matched.setdefault(order_id, by)
        if len(matched) >= LIMIT:
            break
    if not matched and kind == "auto":
        matched = dict(_order_ids(conn, text, "serial"))
    if not matched:
        return []
    latest = (select(EVENTS.c.order_id, func.max(EVENTS.c.seq).label("seq"))
              .where(EVENTS.c.order_id.in_(list(matched))).group_by(EVENTS.c.order_id).subquery())
    last = EVENTS.alias("last")
    rows = conn.execute(
        select(ORDERS.c.id, ORDERS.c.number, ORDERS.c.status, ORDERS.c.hold_reason, last.c.at, last.c.station,
               USERS.c.name)
        .select_from(ORDERS)
        .outerjoin(latest, latest.c.order_id == ORDERS.c.id)
        .outerjoin(last, last.c.seq == latest.c.seq)
        .outerjoin(USERS, USERS.c.id == last.c.packer_id)
        .where(ORDERS.c.id.in_(list(matched)))
    ).all()
    hits = [OrderHit(r.number, r.status, hold_reason(r.hold_reason), matched[r.id], as_utc(r.at), r.station, r.name)
            for r in rows]
    hits.sort(key=lambda h: (h.last_activity is None, -(h.last_activity.timestamp() if h.last_activity else 0),
                             h.number))
    return hits


def history(conn: Connection, number: str) -> OrderHistory | None:
    order = conn.execute(select(ORDERS).where(ORDERS.c.number == number.strip())).first()
    if order is None:  # typed, not picked from a search: "#5001" or the platform's id
        from app.store.repository import resolve_order_number

        found = resolve_order_number(conn, number)  # raises AmbiguousOrderReference when it names two
        order = conn.execute(select(ORDERS).where(ORDERS.c.number == found)).first() if found else None
    if order is None:
        return None
    lines = [(r.line_no, r.sku, r.name, r.quantity) for r in conn.execute(
        select(LINES.c.line_no, PRODUCTS.c.sku, PRODUCTS.c.name, LINES.c.quantity)
        .join(PRODUCTS, PRODUCTS.c.id == LINES.c.product_id)
        .where(LINES.c.order_id == order.id).order_by(LINES.c.line_no))]
    names = dict(conn.execute(select(USERS.c.id, USERS.c.name)).all())
    events = [describe(r.seq, as_utc(r.at), r.station, names.get(r.packer_id), r.type, json_object(r.payload))
              for r in conn.execute(select(EVENTS).where(EVENTS.c.order_id == order.id).order_by(EVENTS.c.seq))]
    parcels = [ParcelRow(p.box_no, p.carton_code, grams, p.expected_weight_g, source, p.tracking_number, p.status,
                         p.station, names.get(p.packer_id), p.photo_ref, p.label_ref, as_utc(p.created_at))
               for p in conn.execute(select(PARCELS).where(PARCELS.c.order_id == order.id)
                                     .order_by(PARCELS.c.box_no))
               for grams, source in (_recorded_weight(p.weight_g, p.weight_source),)]
    reference = f"order {order.number} "
    prints = [PrintRow(as_utc(j.created_at), j.document, j.printer, j.state, j.attempts, reason_from_text(j.last_error),
                       j.reprint_of is not None)
              for j in conn.execute(select(JOBS.c.created_at, JOBS.c.document, JOBS.c.printer, JOBS.c.state,
                                           JOBS.c.attempts, JOBS.c.last_error, JOBS.c.reprint_of)
                                    .where(JOBS.c.reference.startswith(reference, autoescape=True))
                                    .order_by(JOBS.c.seq))]
    return OrderHistory(order.number, order.status, order.hold_reason or "", order.channel, order.carrier,
                        order.service_level, lines, events, parcels, prints)


def _recorded_weight(grams: int | None, source: str | None) -> tuple[int | None, str]:
    """(grams, source) as it happened: older versions stored the expected weight of a box not
    weighed with source "expected"; that is no weight at all."""
    kind = WeightSource.of(source)
    return (None if kind is WeightSource.NOT_WEIGHED else grams), kind.value


def _kg(grams: Any) -> str:
    try:
        return f"{int(grams) / 1000:.3f} kg"
    except (TypeError, ValueError):
        return "?"


def _weighed_by(source: Any) -> Any:
    """A weight's source as recorded: "scale" in words, a scale's own name as it is."""
    return _say("scale") if source == WeightSource.SCALE.value else source


def _approved(d: dict[str, Any]) -> Any:
    """What a supervisor's override approved (override_granted's reason), in words when the station
    wrote the reason; a reason it does not know as it was stored."""
    reason = d.get("reason")
    if reason == "carton" and d.get("carton"):
        return _say("the carton {carton}", carton=d["carton"])
    return {"short": _say("shipping short"), "weight": _say("the weight"),
            "carton": _say("the carton")}.get(reason if isinstance(reason, str) else "", reason)


def _missing(items: Any) -> str:
    if not isinstance(items, dict) or not items:
        return ""
    return ", ".join(f"{qty}× {sku}" for sku, qty in items.items())


def _status(status: Any) -> Any:
    """An order's status (app.domain.model.OrderStatus) as stored, which a screen words by its code."""
    return conflict_status(status) if isinstance(status, str) else status


class AuditText(str):
    """An audit line's words with their template and values: a str (the English, unchanged: the CLI,
    CSV and PDF show it) that a screen in another language words (app.ui.messages.coded_text, context
    "SupervisorAudit"); values may be AuditTexts too (a part that is there or not, a word)."""

    context = "SupervisorAudit"
    template: str
    values: dict[str, Any]

    def __new__(cls, template: str, **values: Any) -> AuditText:
        text = super().__new__(cls, template.format(**values) if values else template)
        text.template, text.values = template, values
        return text

    def __reduce__(self) -> tuple[Any, ...]:
        return (_audit_text, (self.template, self.values))


def _audit_text(template: str, values: dict[str, Any]) -> AuditText:
    return AuditText(template, **values)


_say = AuditText  # every template is a literal `_say("...")`: app.ui.i18n lists them for the catalogue


class ToldText(AuditText):
    """What the packer was told, as its pack event recorded it: the English message (the CLI, CSV and PDF
    show it), with the outcome's `code`, its template (empty when none was recorded: a refused scan is
    worded by its code and scan, an older event as it was written) and values. A screen words it as it
    words the packer's banner (context "Feedback", app.ui.messages.coded_text)."""

    context = "Feedback"
    code: str

    def __new__(cls, message: str, code: str = "", template: str = "", **values: Any) -> ToldText:
        text = str.__new__(cls, message)
        text.code, text.template, text.values = code, template, values
        return text

    def __reduce__(self) -> tuple[Any, ...]:
        return (_told_text, (str(self), self.code, self.template, self.values))


def _told_text(message: str, code: str, template: str, values: dict[str, Any]) -> ToldText:
    return ToldText(message, code, template, **values)


def _told(d: dict[str, Any]) -> str:
    """A scan_rejected event's message, with what a screen words it from: the template the packer's
    outcome was said with (recorded since issue 20) when it still says the recorded English."""
    message = f"{d.get('message', '')}".rstrip()
    if not message:
        return ""
    values = {k: v for k, v in d.items() if k not in ("code", "message", "template")}
    template = d.get("template")
    if isinstance(template, str) and template:
        try:
            if template.format(**values).rstrip() != message:
                template = ""
        except (KeyError, IndexError, ValueError, AttributeError):
            template = ""
    return ToldText(message, str(d.get("code", "")), template if isinstance(template, str) else "", **values)


def describe(seq: int, at: datetime | None, station: str, packer: str | None, kind: str,
             d: dict[str, Any]) -> HistoryRow:
    """One event in a supervisor's words, with how much attention it deserves."""
    level = "info"
    box = d.get("box")
    text: str
    match kind:
        case "order_opened":
            text = _say("Order opened")
        case "instructions_confirmed":
            text = _say("Packing instructions confirmed")
        case "item_packed":
            text = _say("Packed {units}× {sku} into box {box}{serial}{lot}{typed}", units=d.get("units", 1),
                        sku=d.get("sku"), box=box,
                        serial=_say(" · serial {serial}", serial=d["serial"]) if d.get("serial") else "",
                        lot=_say(" · lot {lot}", lot=d["lot"]) if d.get("lot") else "",
                        typed=_say(" · typed by hand") if d.get("manual") else "")
            level = "ok"
        case "item_unpacked":
            text = _say("Undone: {units}× {sku} taken out of box {box}", units=d.get("units", 1), sku=d.get("sku"),
                        box=box)
            level = "warn"
        case "code_requested":
            needs = {"serial": _say("serial"), "lot": _say("lot"), "code": _say("code")}.get(
                d.get("needs", "code"), d.get("needs", "code"))
            text = _say("Asked for the {needs} number of {sku}", needs=needs, sku=d.get("sku"))
        case "qty_armed":
            text = _say("Quantity {qty} set for the next item", qty=d.get("qty"))
        case "scan_rejected":
            message = _told(d)
            text = (_say("Scan refused ({code}): {message}", code=d.get("code", "?"), message=message) if message
                    else _say("Scan refused ({code}):", code=d.get("code", "?")))
            level = "warn"
        case "verification_failed":
            text = _say("Items missing: {missing}", missing=_missing(d.get("missing")))
            level = "alert"
        case "box_closed":
            text = _say("Box {box} closed (last box)", box=box) if d.get("last") else _say("Box {box} closed", box=box)
        case "box_reopened":
            text = _say("Box {box} reopened", box=box)
            level = "warn"
        case "carton_chosen":
            text = _say("Carton {carton} for box {box}", carton=d.get("carton"), box=box)
        case "weight_recorded" if WeightSource.of(d.get("source")) is WeightSource.NOT_WEIGHED:
            # Written by older versions with weighing off: the expected weight, never measured.
            text = _say("Box {box} not weighed (weighing is off; expected {expected})", box=box,
                        expected=_kg(d.get("expected")))
        case "weight_recorded":
            ok = bool(d.get("within"))
            typed = WeightSource.of(d.get("source")) is WeightSource.MANUAL
            verdict = _say("✓") if ok else _say("✗ out of tolerance")
            weights = {"box": box, "grams": _kg(d.get("grams")), "expected": _kg(d.get("expected")),
                       "allowance": _kg(d.get("allowance")), "verdict": verdict}
            text = (_say("Box {box} weighed {grams} (typed), expected {expected} ± {allowance} {verdict}", **weights)
                    if typed else _say("Box {box} weighed {grams} ({source}), expected {expected} ± {allowance} "
                                       "{verdict}", source=_weighed_by(d.get("source", "scale")), **weights))
            level = "ok" if ok else "alert"
        case "box_not_weighed":
            text = _say("Box {box} not weighed (weighing is off; expected {expected})", box=box,
                        expected=_kg(d.get("expected")))
        case "override_granted":
            what = _approved(d)
            text = _say("Supervisor {name} approved {what}", name=d.get("name", d.get("by")), what=what)
            level = "warn"
        case "label_printed":
            text = (_say("Label printed for box {box}, tracking {tracking}", box=box, tracking=d["tracking"])
                    if d.get("tracking") else _say("Label printed for box {box}", box=box))
            level = "ok"
        case "print_failed":
            text = _say("Label for box {box} did not print: {message}", box=box,
                        message=reason_from_text(d.get("message", "")))
            level = "alert"
        case "reprint_requested":
            text = _say("Reprint of box {box}'s label", box=box)
            level = "warn"
        case "order_packed":
            boxes = d.get("boxes", 1)
            text = (_say("Order packed in {boxes} box", boxes=boxes) if boxes == 1
                    else _say("Order packed in {boxes} boxes", boxes=boxes))
            level = "ok"
        case "order_held":
            missing = _missing(d.get("missing"))
            reason = hold_reason(d.get("reason"))  # a packer's code, worded by a screen
            text = (_say("Put on hold: {reason} (missing {missing})", reason=reason, missing=missing)
                    if missing else _say("Put on hold: {reason}", reason=reason))
            level = "warn"
        case "order_released":
            text = _say("Packing stopped, back to the queue: {reason}", reason=hold_reason(d.get("reason")))
            level = "warn"
        case "order_stopped":
            text = _say("Stopped at the bench: the order became {status} upstream",
                        status=_status(d.get("status", "?")))
            level = "alert"
        case "labels_voided":
            boxes = ", ".join(str(b) for b in d.get("boxes", []))
            text = _say("Labels voided (box {boxes})", boxes=boxes)
            level = "warn"
        case "sync_conflict":
            kind = d.get("kind", "?")
            text = _say("Sync conflict ({kind}): {detail}", kind=conflict_kind(kind) if isinstance(kind, str) else kind,
                        detail=conflict_detail(d.get("detail", "")))
            level = "alert"
        case "hold_resolved" | "conflict_resolved":
            action = {"release": _say("released to the queue"),
                      "reassign": _say("reassigned to {to}", to=d.get("to", "?")),
                      "cancel": _say("cancelled (will not ship)"),
                      "acknowledge": _say("acknowledged")}.get(d.get("action", ""), d.get("action"))
            text = _say("Supervisor {name}: {action} — {reason}", name=d.get("name", d.get("by")), action=action,
                        reason=d.get("reason", ""))
            level = "warn"
        case _:
            text = kind.replace("_", " ").capitalize() + (f" {json.dumps(d, ensure_ascii=False)}" if d else "")
    return HistoryRow(seq, at or datetime.fromtimestamp(0, UTC), station, packer, kind, text, level)


EXCEPTION_TYPES = ("order_held", "override_granted", "labels_voided", "reprint_requested", "print_failed",
                   "verification_failed", "box_reopened", "order_stopped", "sync_conflict", "hold_resolved",
                   "conflict_resolved")


@dataclass(frozen=True)
class ExceptionRow:
    order: str | None
    event: HistoryRow


def exception_events(conn: Connection, since: datetime, until: datetime, limit: int = 500) -> list[ExceptionRow]:
    """Holds, overrides, voids, reprints, print and weight failures of a period, oldest first."""
    failed_weight = (EVENTS.c.type == "weight_recorded") & (json_bool(EVENTS.c.payload, "within") == False)  # noqa: E712
    names = dict(conn.execute(select(USERS.c.id, USERS.c.name)).all())
    rows = conn.execute(
        select(EVENTS, ORDERS.c.number)
        .select_from(EVENTS.outerjoin(ORDERS, ORDERS.c.id == EVENTS.c.order_id))
        .where(EVENTS.c.at >= since.astimezone(UTC), EVENTS.c.at < until.astimezone(UTC),
               or_(EVENTS.c.type.in_(EXCEPTION_TYPES), failed_weight))
        .order_by(EVENTS.c.seq).limit(limit)
    ).all()
    return [ExceptionRow(r.number, describe(r.seq, as_utc(r.at), r.station, names.get(r.packer_id), r.type,
                                            json_object(r.payload))) for r in rows]
