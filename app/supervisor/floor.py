"""The live floor: what every bench is doing now, read from the latest events of each station.

One query: for each station (the `stations` table) a handful of index probes find its latest
event, its latest lifecycle step, its latest sign-in and its latest print outcome; the rows of
those events say who, which order, since when. Cost grows with the number of stations, never
with the size of the log. Printers come from the print queue (`print_jobs`).

Device health and the offline flag are not in the database yet: `FloorHooks` lets the sync and
device layers plug them in (a station that has not sent a heartbeat, a scale that is unplugged).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Table, and_, func, select

from app.domain import clock
from app.store.models import Order, PackEvent, PrintJob, User
from app.store.models import Station as StationRow
from app.store.values import as_utc, json_object
from app.supervisor.sqlfuncs import greatest, json_int
from app.supervisor.vocabulary import CLOSING
from printers.reasons import reason_from_text

EVENTS: Table = PackEvent.__table__
STATIONS: Table = StationRow.__table__
USERS: Table = User.__table__
ORDERS: Table = Order.__table__
JOBS: Table = PrintJob.__table__

# Levels, for colour, icon and sorting on the floor board (never colour alone on screen).
OFF, IDLE, OK, WARN, ALERT = "off", "idle", "ok", "warn", "alert"

# What the latest event of an open order says the bench is doing.
_STEP = {
    "box_closed": ("Choosing a carton", OK),
    "carton_chosen": ("Weighing", OK),
    "box_not_weighed": ("Labelling", OK),  # weighing is off: straight to the label
    "verification_failed": ("Items missing: needs a supervisor", ALERT),
    "print_failed": ("Label did not print", ALERT),
    "order_stopped": ("STOP: order cancelled or held upstream", ALERT),
    "scan_rejected": ("Packing (last scan refused)", WARN),
}


@dataclass(frozen=True)
class Health:
    text: str
    level: str  # ok / warn / alert


@dataclass(frozen=True)
class StationStatus:
    station: str
    packer: str | None
    packer_id: int | None
    state: str
    level: str
    order: str | None
    order_opened_at: datetime | None
    last_event: str | None
    last_activity: datetime | None
    printer: Health | None
    device: Health | None
    offline: bool | None
    orders_today: int
    last_seen_at: datetime | None

    def idle_for(self, now: datetime) -> float | None:
        return (now - self.last_activity).total_seconds() if self.last_activity else None


@dataclass(frozen=True)
class PrinterStatus:
    printer: str
    queued: int
    sending: int
    failed: int
    done: int
    last_error: str
    level: str


@dataclass(frozen=True)
class FloorSnapshot:
    stations: list[StationStatus]
    printers: list[PrinterStatus]
    taken_at: datetime
    query_ms: float

    @property
    def counts(self) -> dict[str, int]:
        out = {OFF: 0, IDLE: 0, OK: 0, WARN: 0, ALERT: 0}
        for station in self.stations:
            out[station.level] += 1
        return out


@dataclass
class FloorHooks:
    """Plug-ins for what the log does not know. Each returns None for "unknown"."""

    device_health: Callable[[str], Health | None] = field(default=lambda station: None)
    offline: Callable[[str, datetime | None, datetime | None], bool | None] = field(
        default=lambda station, last_seen, last_event: None)


def _latest(station: Any, *kinds: str) -> Any:
    """The seq of the station's latest event of these types: one (station, type, seq) probe each."""
    probes = [select(func.max(EVENTS.c.seq)).where(EVENTS.c.station == station, EVENTS.c.type == kind)
              .scalar_subquery() for kind in kinds]
    return probes[0] if len(probes) == 1 else greatest(*probes)


def _floor_query(day_start: datetime) -> Any:
    name = STATIONS.c.name
    probes = (
        select(
            name.label("station"),
            STATIONS.c.last_seen_at,
            select(func.max(EVENTS.c.seq)).where(EVENTS.c.station == name).scalar_subquery().label("last"),
            _latest(name, "signed_in", "signed_out", "order_opened", *CLOSING).label("life"),
            _latest(name, "signed_in", "signed_out").label("sign"),
            _latest(name, "label_printed", "print_failed").label("print"),
        )
        .subquery("probes")
    )
    last, life, sign, printed = (EVENTS.alias(n) for n in ("last_e", "life_e", "sign_e", "print_e"))
    packer = USERS.alias("packer")
    order = ORDERS.alias("current_order")
    today = (select(EVENTS.c.station, func.count().label("n"))
             .where(EVENTS.c.type == "order_packed", EVENTS.c.at >= day_start)
             .group_by(EVENTS.c.station).subquery("today"))
    return (
        select(probes.c.station, probes.c.last_seen_at,
               last.c.type.label("last_type"), last.c.at.label("last_at"), last.c.payload.label("last_payload"),
               life.c.type.label("life_type"), life.c.at.label("life_at"),
               sign.c.type.label("sign_type"), sign.c.payload.label("sign_payload"),
               printed.c.type.label("print_type"), printed.c.at.label("print_at"),
               printed.c.payload.label("print_payload"),
               packer.c.id.label("packer_id"), packer.c.name.label("packer_name"),
               order.c.number.label("order_number"), func.coalesce(today.c.n, 0).label("orders_today"))
        .select_from(probes)
        .outerjoin(last, last.c.seq == probes.c.last)
        .outerjoin(life, life.c.seq == probes.c.life)
        .outerjoin(sign, sign.c.seq == probes.c.sign)
        .outerjoin(printed, printed.c.seq == probes.c.print)
        # Who is signed in: the user the latest sign-in names (the sign-in event itself is
        # written before anyone is signed in, so its packer_id column is empty).
        .outerjoin(packer, and_(sign.c.type == "signed_in", packer.c.id == json_int(sign.c.payload, "user_id")))
        .outerjoin(order, and_(life.c.type == "order_opened", order.c.id == life.c.order_id))
        .outerjoin(today, today.c.station == probes.c.station)
        .order_by(probes.c.station)
    )


def _state(row: Any) -> tuple[str, str]:
    if row.life_type is None and row.last_type is None:
        return "No activity yet", OFF
    if row.sign_type != "signed_in":
        return "Signed out", OFF
    if row.life_type != "order_opened":
        return "Waiting for an order", IDLE
    last = row.last_type
    if last == "weight_recorded":
        within = json_object(row.last_payload).get("within", True)
        return ("Labelling", OK) if within else ("Weight check: needs a supervisor", ALERT)
    return _STEP.get(last, ("Packing", OK))


# A bench's last print, by code: the English as the CLI and CSV show it; the console words the template.
PRINTER_HEALTH = {"ok": "OK {when}", "failed": "Failed {when}", "failed_because": "Failed {when}: {message}"}


class FloorText(str):
    """Floor words with their template and values (a str: the English, unchanged), so a screen in
    another language words them (app.ui.messages.coded_text, context "SupervisorFloor")."""

    context = "SupervisorFloor"
    template: str
    values: dict[str, Any]

    def __new__(cls, code: str, **values: Any) -> FloorText:
        template = PRINTER_HEALTH[code]
        text = super().__new__(cls, template.format(**values))
        text.template, text.values = template, values
        return text

    def __reduce__(self) -> tuple[Any, ...]:
        return (_floor_text, (self.template, self.values))


def _floor_text(template: str, values: dict[str, Any]) -> FloorText:
    code = next(code for code, known in PRINTER_HEALTH.items() if known == template)
    return FloorText(code, **values)


def _printer(row: Any) -> Health | None:
    if row.print_type is None:
        return None
    at = as_utc(row.print_at)
    when = at.astimezone().strftime("%H:%M") if at else ""
    if row.print_type == "print_failed":
        message = str(json_object(row.print_payload).get("message", "")).strip()
        return Health(FloorText("failed_because", when=when, message=message) if message
                      else FloorText("failed", when=when), ALERT)
    return Health(FloorText("ok", when=when), OK)


def printers(conn: Connection) -> list[PrinterStatus]:
    """Each printer's queue: jobs waiting, being sent, failed (may have printed), done."""
    counts = conn.execute(select(JOBS.c.printer, JOBS.c.state, func.count()).group_by(JOBS.c.printer, JOBS.c.state))
    table: dict[str, dict[str, int]] = {}
    for printer, state, n in counts:
        table.setdefault(printer, {})[state] = n
    latest_failed = (select(JOBS.c.printer, func.max(JOBS.c.seq).label("seq"))
                     .where(JOBS.c.state == "failed").group_by(JOBS.c.printer).subquery())
    errors = dict(conn.execute(select(latest_failed.c.printer, JOBS.c.last_error)
                               .join(JOBS, JOBS.c.seq == latest_failed.c.seq)).all())
    out = []
    for printer, states in sorted(table.items()):
        queued, failed = states.get("queued", 0), states.get("failed", 0)
        level = ALERT if failed else WARN if queued > 5 else OK
        out.append(PrinterStatus(printer, queued, states.get("sending", 0), failed, states.get("done", 0),
                                 reason_from_text(errors.get(printer, "")), level))  # coded again: a screen words it
    return out


def floor(conn: Connection, *, hooks: FloorHooks | None = None, day_start: datetime | None = None,
          now: datetime | None = None) -> FloorSnapshot:
    """Every station's status now. `day_start` (default: local midnight) counts today's orders."""
    started = time.perf_counter()
    hooks = hooks or FloorHooks()
    now = now or clock.now()
    if day_start is None:
        local = now.astimezone()
        day_start = local.replace(hour=0, minute=0, second=0, microsecond=0)
    stations = []
    for row in conn.execute(_floor_query(day_start.astimezone(UTC))).all():
        state, level = _state(row)
        signed_in = row.sign_type == "signed_in"
        packer = row.packer_name if signed_in else None
        if signed_in and packer is None:
            packer = json_object(row.sign_payload).get("name")
        last_at, seen = as_utc(row.last_at), as_utc(row.last_seen_at)
        offline = hooks.offline(row.station, seen, last_at)
        device = hooks.device_health(row.station)
        if offline:
            level = ALERT if signed_in else level
        stations.append(StationStatus(
            station=row.station, packer=packer, packer_id=row.packer_id if signed_in else None, state=state,
            level=level, order=row.order_number if row.life_type == "order_opened" else None,
            order_opened_at=as_utc(row.life_at) if row.life_type == "order_opened" else None,
            last_event=row.last_type, last_activity=last_at, printer=_printer(row), device=device,
            offline=offline, orders_today=int(row.orders_today), last_seen_at=seen,
        ))
    jobs = printers(conn)
    return FloorSnapshot(stations, jobs, now, (time.perf_counter() - started) * 1000)
