"""Stock per SKU per bin: movements, shipments, restocks, adjustments, cycle counts, the CSV export.

Every change goes through `move`, which appends a stock_movements row and updates the
stock_levels row in the caller's transaction, so a level always equals the sum of its
movements. Functions take a Connection in a transaction (`engine.begin()`), so a caller can
record a return, a shipment or a count together with its own rows, all or nothing.
"""

from __future__ import annotations

import csv
import json
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import IO

from sqlalchemy import Connection, Engine, and_, bindparam, func, insert, select, update

from app.domain import clock
from app.domain.events import Fact
from app.domain.inventory import (
    DEFAULT_INVENTORY_RULES,
    CountAccuracy,
    CountSheet,
    CountStatus,
    InventoryRules,
    Movement,
    MovementReason,
    NegativeStock,
    Variance,
    accuracy,
    available,
    check_change,
    plan_take,
)
from app.domain.model import User
from app.store.db import write_transaction
from app.store.models import Order, PackEvent, Product, SyncState
from app.store.models import User as UserRow
from app.store.returns_models import CycleCount, CycleCountLine, StockLevel, StockMovement

LEVELS = StockLevel.__table__
MOVES = StockMovement.__table__
COUNTS = CycleCount.__table__
COUNT_LINES = CycleCountLine.__table__
_products = Product.__table__
_orders = Order.__table__
_events = PackEvent.__table__
_sync_state = SyncState.__table__
_users = UserRow.__table__

EXPORT_CURSOR = "inventory.export_cursor"  # sync_state row: the last movement id exported
SHIPMENT_REASONS = (MovementReason.SHIPMENT.value, MovementReason.SHIPMENT_VOID.value)


@dataclass(frozen=True, slots=True)
class Moved:
    sku: str
    bin: str
    delta: int
    on_hand: int  # after the move
    negative: bool  # the move took the bin below zero (allowed by the rule, flagged)


@dataclass(frozen=True, slots=True)
class StockView:
    sku: str
    bins: dict[str, int]

    @property
    def on_hand(self) -> int:
        return sum(self.bins.values())

    def available(self, rules: InventoryRules = DEFAULT_INVENTORY_RULES) -> int:
        return available(self.bins, rules)


# ---------------------------------------------------------------- reading


_LEVELS_OF = select(LEVELS.c.bin, LEVELS.c.on_hand).where(LEVELS.c.sku == bindparam("sku"))


class StockReader:
    """Stock look-ups for a screen or the scan path: one AUTOCOMMIT connection, statements built once."""

    def __init__(self, engine: Engine) -> None:
        self.conn = engine.connect().execution_options(isolation_level="AUTOCOMMIT")

    def stock(self, sku: str) -> StockView:
        return StockView(sku, {r.bin: r.on_hand for r in self.conn.execute(_LEVELS_OF, {"sku": sku})})

    def close(self) -> None:
        self.conn.close()


def levels_of(conn: Connection, sku: str) -> dict[str, int]:
    return {r.bin: r.on_hand for r in conn.execute(_LEVELS_OF, {"sku": sku})}


def bin_contents(conn: Connection, bin_location: str) -> dict[str, int]:
    rows = conn.execute(select(LEVELS.c.sku, LEVELS.c.on_hand).where(LEVELS.c.bin == bin_location,
                                                                    LEVELS.c.on_hand != 0))
    return {r.sku: r.on_hand for r in rows}


def negative_levels(conn: Connection) -> list[tuple[str, str, int]]:
    """(SKU, bin, on hand) below zero: the records are wrong there; count those bins first."""
    rows = conn.execute(select(LEVELS.c.sku, LEVELS.c.bin, LEVELS.c.on_hand).where(LEVELS.c.on_hand < 0)
                        .order_by(LEVELS.c.bin, LEVELS.c.sku))
    return [(r.sku, r.bin, r.on_hand) for r in rows]


def movements_of(conn: Connection, sku: str) -> list[dict]:
    rows = conn.execute(select(MOVES).where(MOVES.c.sku == sku).order_by(MOVES.c.id)).mappings()
    return [dict(r) for r in rows]


# ---------------------------------------------------------------- the one way stock changes


def move(conn: Connection, sku: str, bin_location: str, delta: int, reason: MovementReason, *,
         policy: NegativeStock = NegativeStock.REFUSE, note: str = "", reference: str = "",
         user_id: int | None = None, station: str = "", at: datetime | None = None) -> Moved:
    """Append one movement and update the level, in the caller's transaction."""
    if delta == 0:
        raise ValueError("a stock movement of 0 units records nothing")
    if not sku or not bin_location:
        raise ValueError("a stock movement needs a SKU and a bin")
    at = at or clock.now()
    on_hand = conn.execute(_ON_HAND, {"sku": sku, "bin": bin_location}).scalar() or 0
    negative = check_change(sku, bin_location, on_hand, delta, policy)
    conn.execute(_INSERT_MOVE, {"uuid": str(uuid.uuid4()), "at": at, "sku": sku, "bin": bin_location,
                                "delta": delta, "reason": reason.value, "note": note, "reference": reference,
                                "user_id": user_id, "station": station, "negative": negative})
    conn.execute(_upsert_level(conn.dialect.name), {"sku": sku, "bin": bin_location, "on_hand": delta,
                                                    "updated_at": at})
    return Moved(sku, bin_location, delta, on_hand + delta, negative)


def apply_pulled_movements(conn: Connection, movements: list[Movement]) -> int:
    """Add other stations' movements to this station's ledger and levels; returns how many were new.

    A networked station's levels are then the warehouse's: its own movements plus everyone
    else's, each counted once (by UUID), so a level still equals the sum of its ledger. The
    negative-stock rule is not applied again: the other station applied it when the units moved,
    and its movement is a fact here.
    """
    if not movements:
        return 0
    known = set(conn.execute(select(MOVES.c.uuid).where(MOVES.c.uuid.in_([m.uuid for m in movements]))).scalars())
    fresh = [m for m in movements if m.uuid not in known]
    if not fresh:
        return 0
    users = dict(conn.execute(select(_users.c.name, _users.c.id).where(
        _users.c.name.in_({m.user_name for m in fresh if m.user_name}))).all())
    conn.execute(_INSERT_MOVE, [
        {"uuid": m.uuid, "at": m.at, "sku": m.sku, "bin": m.bin, "delta": m.delta, "reason": m.reason,
         "note": m.note, "reference": m.reference, "user_id": users.get(m.user_name), "station": m.station,
         "negative": m.negative, "central_id": m.central_id} for m in fresh])
    totals: dict[tuple[str, str], int] = {}
    for m in fresh:
        totals[(m.sku, m.bin)] = totals.get((m.sku, m.bin), 0) + m.delta
    now = clock.now()
    conn.execute(_upsert_level(conn.dialect.name), [
        {"sku": sku, "bin": bin_name, "on_hand": delta, "updated_at": now}
        for (sku, bin_name), delta in sorted(totals.items())])
    return len(fresh)


# Statements built once: on the returns bench's put-away, building a statement costs more than running it.
_ON_HAND = select(LEVELS.c.on_hand).where(LEVELS.c.sku == bindparam("sku"), LEVELS.c.bin == bindparam("bin"))
_INSERT_MOVE = insert(MOVES)
_UPSERTS: dict[str, object] = {}


def _upsert_level(dialect_name: str):  # noqa: ANN202 - an INSERT ... ON CONFLICT for this dialect
    """INSERT the level, or add to it: one statement, no read-modify-write race."""
    if dialect_name not in _UPSERTS:
        # the dialect's own insert(), imported here: a SQLite station never loads the PostgreSQL dialect
        if dialect_name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert as dialect_insert
        else:
            from sqlalchemy.dialects.sqlite import insert as dialect_insert  # type: ignore[assignment]  # same API
        stmt = dialect_insert(LEVELS)
        _UPSERTS[dialect_name] = stmt.on_conflict_do_update(
            index_elements=[LEVELS.c.sku, LEVELS.c.bin],
            set_={"on_hand": LEVELS.c.on_hand + stmt.excluded.on_hand, "updated_at": stmt.excluded.updated_at})
    return _UPSERTS[dialect_name]


def receive(conn: Connection, sku: str, bin_location: str, units: int, *, user_id: int | None, reference: str = "",
            note: str = "", station: str = "", reason: MovementReason = MovementReason.RECEIPT) -> Moved:
    """A restock: units put away into a bin (goods in, or INITIAL for an opening balance)."""
    if units <= 0:
        raise ValueError("a restock adds 1 unit or more")
    return move(conn, sku, bin_location, units, reason, note=note, reference=reference, user_id=user_id,
                station=station)


def adjust(conn: Connection, sku: str, bin_location: str, delta: int, *, note: str, user_id: int,
           station: str = "", rules: InventoryRules = DEFAULT_INVENTORY_RULES) -> Moved:
    """A person's correction: needs a reason and a user; going below zero follows the rule."""
    if not note.strip():
        raise ValueError("an adjustment needs a reason")
    return move(conn, sku, bin_location, delta, MovementReason.ADJUSTMENT, policy=rules.on_adjustment, note=note,
                user_id=user_id, station=station)


def transfer(conn: Connection, sku: str, from_bin: str, to_bin: str, units: int, *, user_id: int | None,
             reference: str = "", note: str = "", station: str = "") -> tuple[Moved, Moved]:
    if units <= 0 or from_bin == to_bin:
        raise ValueError("a transfer moves 1 unit or more between two different bins")
    out = move(conn, sku, from_bin, -units, MovementReason.TRANSFER, note=note, reference=reference,
               user_id=user_id, station=station)
    into = move(conn, sku, to_bin, units, MovementReason.TRANSFER, note=note, reference=reference, user_id=user_id,
                station=station)
    return out, into


# ---------------------------------------------------------------- shipments


@dataclass
class ShipmentRecord:
    order_number: str
    moved: list[Moved]
    already_recorded: bool = False

    @property
    def negative(self) -> list[Moved]:
        return [m for m in self.moved if m.negative]


def record_shipment(conn: Connection, order_number: str, lines: Mapping[str, int] | Iterable[tuple[str, int]] |
                    None = None, *, station: str = "", user_id: int | None = None,
                    rules: InventoryRules = DEFAULT_INVENTORY_RULES) -> ShipmentRecord:
    """Take a packed order's units out of stock (call it on `order_packed`, in any transaction).

    `lines` is units per SKU; None reads what was packed from the order's pack events.
    Idempotent: an order whose shipment is already booked (and not voided) is left alone, so a
    replay, a resume or `reconcile_shipments` never takes the units twice.
    """
    if _net_shipped(conn, order_number):
        return ShipmentRecord(order_number, [], already_recorded=True)
    units = _units(lines) if lines is not None else packed_units(conn, order_number)
    primary = _primary_bins(conn, list(units))
    moved: list[Moved] = []
    now = clock.now()
    for sku, qty in units.items():
        if qty <= 0:
            continue
        takes, _ = plan_take(sku, levels_of(conn, sku), qty, primary.get(sku), rules.on_shipment, rules)
        for take in takes:
            moved.append(move(conn, sku, take.bin, -take.units, MovementReason.SHIPMENT, policy=rules.on_shipment,
                              reference=order_number, user_id=user_id, station=station, at=now))
    return ShipmentRecord(order_number, moved)


def reverse_shipment(conn: Connection, order_number: str, *, station: str = "", user_id: int | None = None,
                     note: str = "labels voided") -> list[Moved]:
    """Put a voided order's units back where they were taken from (call it on `labels_voided`)."""
    rows = conn.execute(select(MOVES.c.sku, MOVES.c.bin, func.sum(MOVES.c.delta).label("net"))
                        .where(MOVES.c.reference == order_number, MOVES.c.reason.in_(SHIPMENT_REASONS))
                        .group_by(MOVES.c.sku, MOVES.c.bin)).all()
    now = clock.now()
    return [move(conn, r.sku, r.bin, -r.net, MovementReason.SHIPMENT_VOID, reference=order_number, note=note,
                 user_id=user_id, station=station, at=now) for r in rows if r.net]


def reconcile_shipments(conn: Connection, *, station: str = "", rules: InventoryRules = DEFAULT_INVENTORY_RULES) -> int:
    """Book the shipment of every packed or shipped order that has none yet; returns how many.

    Covers a crash between committing `order_packed` and booking the stock, and orders packed
    before inventory was switched on (run it once, right after the opening count).
    """
    booked = select(MOVES.c.reference).where(MOVES.c.reason == MovementReason.SHIPMENT.value).distinct()
    packed_events = select(_events.c.order_id).where(_events.c.type == "order_packed")
    packed = (select(_orders.c.number).where(_orders.c.status.in_(("packed", "shipped")),
                                             _orders.c.id.in_(packed_events), _orders.c.number.not_in(booked))
              .order_by(_orders.c.id))
    count = 0
    for number in conn.execute(packed).scalars().all():
        if record_shipment(conn, number, station=station, rules=rules).moved:
            count += 1
    return count


class ShipmentHook:
    """What app.station calls after it committed a decision's packing facts.

    `order_packed` books the order's shipment (units from its pack events), `labels_voided`
    puts them back. Its own short transaction, after the facts' commit: a crash in between is
    caught up by `reconcile_shipments`, and booking twice is impossible (idempotent).
    """

    def __init__(self, engine: Engine, rules: InventoryRules = DEFAULT_INVENTORY_RULES) -> None:
        self.engine = engine
        self.rules = rules

    def after(self, facts: Iterable[Fact], *, station: str, user_id: int | None) -> list[Moved]:
        moved: list[Moved] = []
        for fact in facts:
            number = fact.data.get("number")
            if fact.type not in ("order_packed", "labels_voided") or not number:
                continue
            with write_transaction(self.engine) as conn:
                if not _inventory_in_use(conn):
                    continue  # no opening count yet: a ledger of negative bins would help nobody
                if fact.type == "order_packed":
                    moved += record_shipment(conn, number, station=station, user_id=user_id, rules=self.rules).moved
                else:
                    moved += reverse_shipment(conn, number, station=station, user_id=user_id)
        return moved


def _inventory_in_use(conn: Connection) -> bool:
    """Stock is kept once anything was counted or received: until then shipments are not booked
    (`reconcile_shipments` books the earlier ones after the opening count)."""
    return conn.execute(select(MOVES.c.id).limit(1)).first() is not None


def packed_units(conn: Connection, order_number: str) -> dict[str, int]:
    """Units per SKU that went into the order's parcels, from its latest packing (pack events).

    An order packed, voided and packed again counts its last packing only: everything before
    its last `order_opened` was unpacked back into the tote.
    """
    order_id = conn.execute(select(_orders.c.id).where(_orders.c.number == order_number)).scalar()
    if order_id is None:
        return {}
    opened = conn.execute(select(func.max(_events.c.seq)).where(_events.c.order_id == order_id,
                                                                 _events.c.type == "order_opened")).scalar() or 0
    rows = conn.execute(select(_events.c.type, _events.c.payload).where(
        _events.c.order_id == order_id, _events.c.seq >= opened,
        _events.c.type.in_(("item_packed", "item_unpacked"))).order_by(_events.c.seq))
    totals: dict[str, int] = {}
    for kind, payload in rows:
        data = json.loads(payload)
        sign = 1 if kind == "item_packed" else -1
        totals[data["sku"]] = totals.get(data["sku"], 0) + sign * int(data.get("units", 1))
    return {sku: qty for sku, qty in totals.items() if qty > 0}


def _net_shipped(conn: Connection, order_number: str) -> int:
    return -(conn.execute(select(func.coalesce(func.sum(MOVES.c.delta), 0)).where(
        MOVES.c.reference == order_number, MOVES.c.reason.in_(SHIPMENT_REASONS))).scalar() or 0)


def _units(lines: Mapping[str, int] | Iterable[tuple[str, int]]) -> dict[str, int]:
    totals: dict[str, int] = {}
    for sku, qty in (lines.items() if isinstance(lines, Mapping) else lines):
        totals[sku] = totals.get(sku, 0) + qty
    return totals


def _primary_bins(conn: Connection, skus: list[str]) -> dict[str, str]:
    if not skus:
        return {}
    rows = conn.execute(select(_products.c.sku, _products.c.bin_location).where(_products.c.sku.in_(skus)))
    return {r.sku: r.bin_location for r in rows if r.bin_location}


# ---------------------------------------------------------------- export to the order source


def export_stock_changes(conn: Connection, out: IO[str], *, everything: bool = False, advance: bool = True,
                         rules: InventoryRules = DEFAULT_INVENTORY_RULES) -> int:
    """Write "sku,available" for every SKU whose stock changed since the last export.

    The cursor (the last movement id exported) is kept in sync_state and moved in the same
    transaction: an export that fails to commit is sent again next time, never skipped.
    """
    cursor = 0 if everything else int(conn.execute(select(_sync_state.c.value).where(
        _sync_state.c.name == EXPORT_CURSOR)).scalar() or 0)
    last = conn.execute(select(func.max(MOVES.c.id))).scalar() or 0
    changed = select(MOVES.c.sku).where(MOVES.c.id > cursor, MOVES.c.id <= last).distinct().subquery()
    rows = conn.execute(select(LEVELS.c.sku, LEVELS.c.bin, LEVELS.c.on_hand)
                        .where(LEVELS.c.sku.in_(select(changed.c.sku))).order_by(LEVELS.c.sku))
    per_sku: dict[str, dict[str, int]] = {}
    for r in rows:
        per_sku.setdefault(r.sku, {})[r.bin] = r.on_hand
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("sku", "available"))
    for sku, bins in per_sku.items():
        writer.writerow((sku, available(bins, rules)))
    if advance and last > cursor:
        _set_cursor(conn, last)
    return len(per_sku)


def _set_cursor(conn: Connection, value: int) -> None:
    now = clock.now()
    done = conn.execute(update(_sync_state).where(_sync_state.c.name == EXPORT_CURSOR)
                        .values(value=str(value), updated_at=now)).rowcount
    if not done:
        conn.execute(insert(_sync_state).values(name=EXPORT_CURSOR, value=str(value), updated_at=now))


# ---------------------------------------------------------------- cycle counts


class CountError(ValueError):
    """A count step that does not fit the count's state; the message is for the screen."""


def start_count(conn: Connection, bin_location: str, *, user_id: int | None) -> int:
    """Open a count of a bin: the records' quantities are frozen as its expected values."""
    bin_location = bin_location.strip().upper()
    busy = conn.execute(select(COUNTS.c.id).where(COUNTS.c.bin == bin_location, COUNTS.c.status.in_(
        (CountStatus.COUNTING.value, CountStatus.FINISHED.value)))).scalar()
    if busy is not None:
        raise CountError(f"Bin {bin_location} is already being counted (count {busy}).")
    inserted = conn.execute(insert(COUNTS).values(bin=bin_location, status=CountStatus.COUNTING.value, round=1,
                                                  started_by=user_id, started_at=clock.now())).inserted_primary_key
    assert inserted is not None  # a single-row INSERT always has its key
    count_id = inserted[0]
    _snapshot(conn, count_id, bin_location, 1)
    return count_id


def _snapshot(conn: Connection, count_id: int, bin_location: str, round_no: int) -> None:
    rows = [{"count_id": count_id, "round": round_no, "sku": sku, "expected": qty, "counted": 0}
            for sku, qty in bin_contents(conn, bin_location).items()]
    if rows:
        conn.execute(insert(COUNT_LINES), rows)


def count_item(conn: Connection, count_id: int, sku: str, units: int = 1) -> int:
    """One scan in the bin (or a typed quantity); returns the SKU's count so far this round."""
    head = count_head(conn, count_id)
    if head.status != CountStatus.COUNTING.value:
        raise CountError(f"Count {count_id} is {head.status}: nothing more can be counted.")
    where = and_(COUNT_LINES.c.count_id == count_id, COUNT_LINES.c.round == head.round, COUNT_LINES.c.sku == sku)
    current = conn.execute(select(COUNT_LINES.c.counted).where(where)).scalar()
    if current is None:  # something the records did not expect in this bin
        if units < 0:
            raise CountError("A count cannot go below zero.")
        conn.execute(insert(COUNT_LINES).values(count_id=count_id, round=head.round, sku=sku, expected=0,
                                                counted=units))
        return units
    if current + units < 0:
        raise CountError("A count cannot go below zero.")
    conn.execute(update(COUNT_LINES).where(where).values(counted=current + units))
    return current + units


def count_sheet(conn: Connection, count_id: int) -> CountSheet:
    head = count_head(conn, count_id)
    rows = conn.execute(select(COUNT_LINES.c.sku, COUNT_LINES.c.expected, COUNT_LINES.c.counted).where(
        COUNT_LINES.c.count_id == count_id, COUNT_LINES.c.round == head.round)).all()
    return CountSheet(head.bin, {r.sku: r.expected for r in rows if r.expected},
                      {r.sku: r.counted for r in rows if r.counted}, head.round)


def finish_count(conn: Connection, count_id: int) -> CountSheet:
    """The counter is done: the variance may now be shown; a supervisor approves or asks a recount."""
    head = count_head(conn, count_id)
    if head.status != CountStatus.COUNTING.value:
        raise CountError(f"Count {count_id} is {head.status}, not counting.")
    conn.execute(update(COUNTS).where(COUNTS.c.id == count_id).values(status=CountStatus.FINISHED.value,
                                                                      finished_at=clock.now()))
    return count_sheet(conn, count_id)


def approve_count(conn: Connection, count_id: int, supervisor: User, *, station: str = "") -> list[Variance]:
    """Book the variance: one cycle_count movement per SKU that was off.

    The variance is counted - expected at the count's start, added to the level as it is now,
    so units shipped from the bin while it was counted are not booked twice.
    """
    head = count_head(conn, count_id)
    if head.status != CountStatus.FINISHED.value:
        raise CountError(f"Count {count_id} is {head.status}: finish it before approving.")
    variances = list(count_sheet(conn, count_id).approve(supervisor))  # raises NotSupervisor
    for v in variances:
        move(conn, v.sku, head.bin, v.delta, MovementReason.CYCLE_COUNT, policy=NegativeStock.FLAG,
             note=f"count {count_id} round {head.round}: expected {v.expected}, counted {v.counted}",
             reference=f"count {count_id}", user_id=supervisor.id, station=station)
    conn.execute(update(COUNTS).where(COUNTS.c.id == count_id).values(
        status=CountStatus.APPROVED.value, decided_by=supervisor.id, decided_at=clock.now()))
    return variances


def recount(conn: Connection, count_id: int, supervisor: User) -> int:
    """The supervisor doubts the count: a new round, on a fresh snapshot of the records."""
    head = count_head(conn, count_id)
    if head.status != CountStatus.FINISHED.value:
        raise CountError(f"Count {count_id} is {head.status}: only a finished count is recounted.")
    if not supervisor.role.can_override:
        raise CountError(f"{supervisor.name} is not a supervisor: a recount is a supervisor's call.")
    round_no = head.round + 1
    conn.execute(update(COUNTS).where(COUNTS.c.id == count_id).values(
        status=CountStatus.COUNTING.value, round=round_no, finished_at=None, decided_by=supervisor.id))
    _snapshot(conn, count_id, head.bin, round_no)
    return round_no


def open_count_of(conn: Connection, bin_location: str) -> int | None:
    return conn.execute(select(COUNTS.c.id).where(COUNTS.c.bin == bin_location.strip().upper(), COUNTS.c.status.in_(
        (CountStatus.COUNTING.value, CountStatus.FINISHED.value)))).scalar()


def count_head(conn: Connection, count_id: int):  # noqa: ANN202 - a Row of cycle_counts
    head = conn.execute(select(COUNTS).where(COUNTS.c.id == count_id)).first()
    if head is None:
        raise CountError(f"No count {count_id}.")
    return head


def open_counts(conn: Connection, limit: int = 50) -> list:
    """(id, bin, status, round) of the counts still open (counting, or finished and waiting), by bin."""
    return list(conn.execute(select(COUNTS.c.id, COUNTS.c.bin, COUNTS.c.status, COUNTS.c.round)
                             .where(COUNTS.c.status.in_((CountStatus.COUNTING.value, CountStatus.FINISHED.value)))
                             .order_by(COUNTS.c.bin).limit(limit)))


def bin_known(conn: Connection, bin_location: str) -> bool:
    """A bin the records know: stock in it, or a count of it (a plain-text bin label is taken for one)."""
    return (conn.execute(select(LEVELS.c.bin).where(LEVELS.c.bin == bin_location).limit(1)).first()
            or conn.execute(select(COUNTS.c.id).where(COUNTS.c.bin == bin_location).limit(1)).first()) is not None


def product_names(conn: Connection, skus: Iterable[str]) -> dict[str, str]:
    """SKU -> product name (a count sheet shows the name beside each SKU)."""
    return dict(conn.execute(select(_products.c.sku, _products.c.name).where(_products.c.sku.in_(list(skus)))).all())


def user_name(conn: Connection, user_id: int | None) -> str:
    """The name of a user (who started or decided a count), "" when unknown."""
    if user_id is None:
        return ""
    return conn.execute(select(_users.c.name).where(_users.c.id == user_id)).scalar() or ""


def inventory_accuracy(conn: Connection, since: datetime | None = None,
                       until: datetime | None = None) -> CountAccuracy:
    """Record accuracy of the approved counts decided in a period (their final rounds).

    Recounted rounds are left out: they were judged miscounts, not errors of the records.
    """
    query = (select(COUNT_LINES.c.sku, COUNT_LINES.c.expected, COUNT_LINES.c.counted)
             .join(COUNTS, and_(COUNTS.c.id == COUNT_LINES.c.count_id, COUNTS.c.round == COUNT_LINES.c.round))
             .where(COUNTS.c.status == CountStatus.APPROVED.value))
    if since is not None:
        query = query.where(COUNTS.c.decided_at >= since)
    if until is not None:
        query = query.where(COUNTS.c.decided_at < until)
    return accuracy(Variance(r.sku, r.expected, r.counted) for r in conn.execute(query))
