"""Pulling order changes from the central database into the station's cache, by change sequence.

Every insert or update of an order, product, carton or user takes the next number of the
central change sequence and records its transaction id (xid8). A station pulls rows ordered by
(change_xid, change_seq) after its cursor and *below the oldest transaction still running*
(pg_snapshot_xmin). Sequence numbers are handed out at write time but transactions commit in
any order: reading "seq > cursor" alone would skip a change whose transaction commits after a
later one was pulled. Below the xmin horizon every transaction has finished, so what is read
there is final, and the cursor can move past it. Wall-clock time plays no part.

Each batch is read in one REPEATABLE READ snapshot (an order and its lines agree) and written
locally in one short transaction together with its cursor, so a crash repeats a batch at worst.

Local rules for an order the station is working on ("bench-owned": it has events not yet
pushed, or it is open at this bench): the central copy updates the address and other header
fields, and a cancellation or hold upstream is applied and reported through `on_order_changed`
(the Station stops the packer); the station's own status is never overwritten by an older
central one, and its lines are never swapped under a packer (that is reported as a conflict).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, delete, func, insert, select, update

from app.domain import clock
from app.store.models import Barcode, Carton, Order, OrderLine, PackEvent, Product, User
from app.store.repository import CLOSING_TYPES
from app.sync.local import (
    PULL_CONFLICTS,
    PULL_PREFIX,
    PUSH_EVENTS,
    STATE,
    read_state,
    record_conflict_event,
    write_state,
    write_transaction,
)

log = logging.getLogger(__name__)

PRODUCTS = Product.__table__
BARCODES = Barcode.__table__
CARTONS = Carton.__table__
USERS = User.__table__
ORDERS = Order.__table__
LINES = OrderLine.__table__
EVENTS = PackEvent.__table__

CHUNK = 500
BATCH = 1000
ADDRESS = ("name", "company", "line1", "line2", "city", "region", "postcode", "country", "phone", "email")
ORDER_FIELDS = ("channel", "tote", *(f"ship_to_{key}" for key in ADDRESS), "carrier", "service_level", "ship_by",
                "priority", "notes", "gift_message", "packing_instructions", "hold_reason")
PRODUCT_FIELDS = ("name", "weight_g", "length_mm", "width_mm", "height_mm", "requires_serial", "requires_lot",
                  "image", "bin_location")
CARTON_FIELDS = ("name", "length_mm", "width_mm", "height_mm", "tare_g", "max_weight_g", "active")
# No pin_hash: station roles cannot read it (c0007); a station keeps only the PINs it confirmed
# itself, peppered (app.accounts.pins).
USER_FIELDS = ("badge", "role", "active")
UPSTREAM_STOPS = ("cancelled", "held")  # decided centrally; a bench must stop packing

# Rows changed below the oldest running transaction, after the cursor, in cursor order.
_HORIZON = ("WHERE (t.change_xid, t.change_seq) > (%s::text::xid8, %s::bigint) "
            "AND t.change_xid < pg_snapshot_xmin(pg_current_snapshot()) "
            "ORDER BY t.change_xid, t.change_seq LIMIT %s")
_TRACKED = ("products", "cartons", "users", "orders")
_PROBE = ("SELECT " + ", ".join(
    f"EXISTS (SELECT 1 FROM {table} t WHERE (t.change_xid, t.change_seq) > (%s::text::xid8, %s::bigint) "
    "AND t.change_xid < h.horizon)" for table in _TRACKED)
    + ", EXISTS (SELECT 1 FROM conflicts WHERE id > %s) "
    "FROM (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS horizon) h")
_PRODUCT_SQL = ("SELECT t.id, t.sku, " + ", ".join(f"t.{c}" for c in PRODUCT_FIELDS)
                + ", t.change_xid::text, t.change_seq FROM products t ")
_CARTON_SQL = ("SELECT t.code, " + ", ".join(f"t.{c}" for c in CARTON_FIELDS)
               + ", t.change_xid::text, t.change_seq FROM cartons t ")
_USER_SQL = ("SELECT t.name, " + ", ".join(f"t.{c}" for c in USER_FIELDS)
             + ", t.change_xid::text, t.change_seq FROM users t ")
_ORDER_SQL = ("SELECT t.id, t.number, t.status, " + ", ".join(f"t.{c}" for c in ORDER_FIELDS)
              + ", t.change_xid::text, t.change_seq FROM orders t ")


def _cursor(text: str | None) -> tuple[int, int]:
    if not text:
        return 0, 0
    xid, seq = text.split(":")
    return int(xid), int(seq)


@dataclass
class PullStats:
    products: int = 0
    cartons: int = 0
    users: int = 0
    orders: int = 0
    conflicts: int = 0
    changed: list[str] = field(default_factory=list)  # bench-owned orders changed upstream
    caught_up: bool = True

    @property
    def total(self) -> int:
        return self.products + self.cartons + self.users + self.orders


@dataclass
class _Batch:
    rows: list[tuple]
    cursor: str | None


class Puller:
    """Pulls into one station database. Thread-safe: the worker pulls, ClaimService fetches."""

    def __init__(self, engine: Engine, station: str, *, batch: int = BATCH,
                 on_order_changed: Callable[[str], None] | None = None,
                 on_conflict: Callable[[dict[str, Any]], None] | None = None,
                 on_catalogue_changed: Callable[[set[str]], None] | None = None) -> None:
        self.engine = engine
        self.on_catalogue_changed = on_catalogue_changed
        self.station = station
        self.batch = batch
        self.on_order_changed = on_order_changed
        self.on_conflict = on_conflict
        self._lock = threading.Lock()  # one local writer at a time from this process's sync threads

    # ------------------------------------------------------------------ one round

    def pull(self, conn, *, budget_s: float = 1.0) -> PullStats:
        """Pull whatever changed, for at most about `budget_s` (the worker also has events to push).

        Products first: an order's lines need their products in the cache.
        """
        stats = PullStats()
        deadline = time.monotonic() + budget_s
        waiting = self._probe(conn)
        for kind, step in (("products", self._products), ("cartons", self._cartons), ("users", self._users),
                           ("orders", self._orders)):
            while waiting[kind]:
                count = step(conn, stats)
                setattr(stats, kind, getattr(stats, kind) + count)
                if count < self.batch:
                    break
                if time.monotonic() > deadline:
                    stats.caught_up = False
                    return stats
        if waiting["conflicts"]:
            stats.conflicts = self.pull_conflicts(conn)
        touched = {kind for kind in ("products", "cartons", "users") if getattr(stats, kind)}
        if touched and self.on_catalogue_changed is not None:
            try:
                self.on_catalogue_changed(touched)  # e.g. the Station reloads its cartons
            except Exception:
                log.exception("on_catalogue_changed failed")
        return stats

    def _probe(self, conn) -> dict[str, bool]:
        """Which tables have changes to pull: one round trip, so that twenty idle stations polling
        twice a second cost the server next to nothing."""
        with self.engine.connect() as local:
            rows = dict(local.execute(select(STATE.c.name, STATE.c.value).where(
                STATE.c.name.in_([PULL_PREFIX + name for name in _TRACKED] + [PULL_CONFLICTS]))).all())
        params: list[Any] = []
        for name in _TRACKED:
            xid, seq = _cursor(rows.get(PULL_PREFIX + name))
            params += [str(xid), seq]
        params.append(int(rows.get(PULL_CONFLICTS) or 0))
        found = conn.execute(_PROBE, params).fetchone()
        return dict(zip((*_TRACKED, "conflicts"), found, strict=True))

    def _read(self, conn, sql: str, name: str, extra: Callable[[Any, list[tuple]], Any] | None = None):
        """One batch after the cursor in a REPEATABLE READ snapshot, and what `extra` reads in it."""
        with self.engine.connect() as local:
            xid, seq = _cursor(read_state(local, PULL_PREFIX + name))
        with conn.transaction():
            conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            rows = conn.execute(sql + _HORIZON, (str(xid), seq, self.batch)).fetchall()
            more = extra(conn, rows) if extra and rows else None
        cursor = f"{rows[-1][-2]}:{rows[-1][-1]}" if rows else None
        return _Batch(rows, cursor), more

    # ------------------------------------------------------------------ catalogue, cartons, users

    def _products(self, conn, _stats: PullStats) -> int:
        batch, codes = self._read(conn, _PRODUCT_SQL, "products", _barcodes_of)
        if batch.rows:
            with self._lock, write_transaction(self.engine) as local:
                self._write_products(local, batch.rows, codes)
                write_state(local, PULL_PREFIX + "products", batch.cursor or "")
        return len(batch.rows)

    def _write_products(self, local: Connection, rows: Sequence[tuple], codes: dict[int, list[tuple]]) -> None:
        now = clock.now()
        skus = [row[1] for row in rows]
        ids = _ids_by(local, PRODUCTS, PRODUCTS.c.sku, skus)
        new = [row for row in rows if row[1] not in ids]
        if new:
            params = [{"sku": row[1], **dict(zip(PRODUCT_FIELDS, row[2:11], strict=True)), "updated_at": now}
                      for row in new]
            for product_id, sku in local.execute(insert(PRODUCTS).returning(PRODUCTS.c.id, PRODUCTS.c.sku), params):
                ids[sku] = product_id
        inserted = {row[1] for row in new}
        old = [row for row in rows if row[1] not in inserted]
        if old:
            local.execute(update(PRODUCTS).where(PRODUCTS.c.id == bindparam("row_id")),
                          [{**dict(zip(PRODUCT_FIELDS, row[2:11], strict=True)), "updated_at": now,
                            "row_id": ids[row[1]]} for row in old])
        # A product's barcodes are replaced; a code that moved here from another product leaves it.
        wanted = [(code, ids[row[1]], units) for row in rows for code, units in codes.get(row[0], [])]
        for chunk in _chunks([ids[sku] for sku in skus]):
            local.execute(delete(BARCODES).where(BARCODES.c.product_id.in_(chunk)))
        for chunk in _chunks([code for code, _, _ in wanted]):
            local.execute(delete(BARCODES).where(BARCODES.c.code.in_(chunk)))
        if wanted:
            local.execute(insert(BARCODES), [{"code": c, "product_id": p, "units": u} for c, p, u in wanted])

    def _cartons(self, conn, _stats: PullStats) -> int:
        batch, _ = self._read(conn, _CARTON_SQL, "cartons")
        if batch.rows:
            with self._lock, write_transaction(self.engine) as local:
                self._upsert(local, CARTONS, CARTONS.c.code, CARTON_FIELDS, batch.rows)
                write_state(local, PULL_PREFIX + "cartons", batch.cursor or "")
        return len(batch.rows)

    def _users(self, conn, _stats: PullStats) -> int:
        batch, _ = self._read(conn, _USER_SQL, "users")
        if batch.rows:
            with self._lock, write_transaction(self.engine) as local:
                names = [row[0] for row in batch.rows]
                badges = [row[1] for row in batch.rows if row[1]]
                # A badge handed to another person centrally leaves its old holder first (badges are unique).
                for chunk in _chunks(badges):
                    local.execute(update(USERS).where(USERS.c.badge.in_(chunk), USERS.c.name.not_in(names))
                                  .values(badge=None))
                self._upsert(local, USERS, USERS.c.name, USER_FIELDS, batch.rows,
                             new_defaults={"created_at": clock.now(), "failed_pin_attempts": 0})
                write_state(local, PULL_PREFIX + "users", batch.cursor or "")
        return len(batch.rows)

    @staticmethod
    def _upsert(local: Connection, table, key, fields: Sequence[str], rows: Sequence[tuple],
                new_defaults: dict[str, Any] | None = None) -> None:
        ids = _ids_by(local, table, key, [row[0] for row in rows])
        width = len(fields)
        new = [{key.name: row[0], **dict(zip(fields, row[1:1 + width], strict=True)), **(new_defaults or {})}
               for row in rows if row[0] not in ids]
        old = [{**dict(zip(fields, row[1:1 + width], strict=True)), "row_id": ids[row[0]]}
               for row in rows if row[0] in ids]
        if new:
            local.execute(insert(table), new)
        if old:
            local.execute(update(table).where(table.c.id == bindparam("row_id")), old)

    # ------------------------------------------------------------------ orders

    def _orders(self, conn, stats: PullStats) -> int:
        batch, extra = self._read(conn, _ORDER_SQL, "orders", self._order_extras)
        if batch.rows:
            lines, products, product_codes = extra
            with self._lock, write_transaction(self.engine) as local:
                changed, conflicts = self._write_orders(local, batch.rows, lines, products, product_codes)
                write_state(local, PULL_PREFIX + "orders", batch.cursor or "")
            self._report(conn, conflicts)
            stats.changed += changed
            self._notify(changed)
        return len(batch.rows)

    def fetch_orders(self, conn, numbers: Sequence[str]) -> int:
        """Bring these orders into the cache now (a claim was granted on them), outside the cursor.

        The cursor pull brings the same rows again later; the version guard (source_version =
        change_seq, which only grows for one row) keeps an older copy from overwriting this one.
        """
        if not numbers:
            return 0
        with conn.transaction():
            conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            rows = conn.execute(_ORDER_SQL + "WHERE t.number = ANY(%s)", (list(numbers),)).fetchall()
            if not rows:
                return 0
            lines, products, product_codes = self._order_extras(conn, rows)
        with self._lock, write_transaction(self.engine) as local:
            changed, conflicts = self._write_orders(local, rows, lines, products, product_codes)
        self._report(conn, conflicts)
        self._notify(changed)
        return len(rows)

    def _order_extras(self, conn, rows: list[tuple]):
        """The batch's lines (with SKUs) and the products of SKUs this station has never seen."""
        order_ids = [row[0] for row in rows]
        lines = conn.execute("SELECT l.order_id, l.line_no, p.sku, l.quantity FROM order_lines l "
                             "JOIN products p ON p.id = l.product_id WHERE l.order_id = ANY(%s) "
                             "ORDER BY l.order_id, l.line_no", (order_ids,)).fetchall()
        skus = sorted({line[2] for line in lines})
        with self.engine.connect() as local:
            known = set(_ids_by(local, PRODUCTS, PRODUCTS.c.sku, skus))
        missing = [sku for sku in skus if sku not in known]
        products: list[tuple] = []
        codes: dict[int, list[tuple]] = {}
        if missing:
            # A product can sort after an order that uses it (its transaction started later but
            # committed first); fetch it by SKU instead of waiting for the product cursor.
            products = conn.execute(_PRODUCT_SQL + "WHERE t.sku = ANY(%s)", (missing,)).fetchall()
            codes = _barcodes_of(conn, products)
        by_order: dict[int, list[tuple[str, int]]] = {}
        for order_id, _line_no, sku, quantity in lines:
            by_order.setdefault(order_id, []).append((sku, quantity))
        return by_order, products, codes

    def _write_orders(self, local: Connection, rows: Sequence[tuple], lines: dict[int, list[tuple[str, int]]],
                      products: list[tuple], product_codes: dict[int, list[tuple]]
                      ) -> tuple[list[str], list[tuple[str, str]]]:
        """Upsert a batch; returns (bench-owned orders changed upstream, conflicts to report)."""
        if products:
            self._write_products(local, products, product_codes)
        numbers = [row[1] for row in rows]
        existing = _existing_orders(local, numbers)
        skus = sorted({sku for order_lines in lines.values() for sku, _ in order_lines})
        sku_ids = _ids_by(local, PRODUCTS, PRODUCTS.c.sku, skus)
        push_cursor = int(read_state(local, PUSH_EVENTS) or 0)
        ids = [found[0] for found in existing.values()]
        unpushed = _orders_with_events_after(local, ids, push_cursor)
        open_here = self._open_here(local, [found[0] for found in existing.values() if found[1] == "packing"])
        local_lines = _lines_of(local, ids)
        now = clock.now()
        inserts: list[dict[str, Any]] = []
        new_lines: dict[str, list[tuple[str, int]]] = {}
        updates: list[dict[str, Any]] = []
        replace_lines: list[tuple[int, list[tuple[str, int]]]] = []
        changed: list[str] = []
        conflicts: list[tuple[str, str]] = []
        for row in rows:
            central_id, number, status = row[0], row[1], row[2]
            header = dict(zip(ORDER_FIELDS, row[3:3 + len(ORDER_FIELDS)], strict=True))
            version = row[-1]
            order_lines = lines.get(central_id, [])
            found = existing.get(number)
            if found is None:
                inserts.append({"number": number, "status": status, **header, "source_version": version,
                                "created_at": now, "updated_at": now})
                new_lines[number] = order_lines
                continue
            local_id, local_status, local_version, local_header = found
            if local_version is not None and version <= local_version:
                continue  # this copy is not newer than the one we have (a claim fetched it already)
            owned = local_id in unpushed or local_id in open_here
            values: dict[str, Any] = {**header, "source_version": version, "row_id": local_id, "updated_at": now}
            if not owned:
                values["status"] = status
                if local_lines.get(local_id, []) != order_lines:
                    replace_lines.append((local_id, order_lines))
            else:
                stops = status in UPSTREAM_STOPS and local_status != status
                values["status"] = status if stops else local_status
                if local_lines.get(local_id, []) != order_lines:
                    conflicts.append((number, "the order's lines changed upstream while it was being packed here; "
                                              "the bench keeps packing the lines it had"))
                if local_id in open_here and (stops or header != local_header):
                    changed.append(number)
            updates.append(values)
        if inserts:
            for local_id, number in local.execute(insert(ORDERS).returning(ORDERS.c.id, ORDERS.c.number), inserts):
                replace_lines.append((local_id, new_lines[number]))
        if updates:
            for chunk in _group_by_keys(updates):
                local.execute(update(ORDERS).where(ORDERS.c.id == bindparam("row_id")), chunk)
        _replace_lines(local, replace_lines, sku_ids)
        return changed, conflicts

    def _open_here(self, local: Connection, order_ids: Sequence[int]) -> set[int]:
        """Orders whose latest event is this station's and did not close them: open at this bench."""
        found = set()
        for order_id in order_ids:
            row = local.execute(select(EVENTS.c.station, EVENTS.c.type).where(EVENTS.c.order_id == order_id,
                                                                             EVENTS.c.type != "sync_conflict")
                                .order_by(EVENTS.c.seq.desc()).limit(1)).first()
            if row is not None and row.station == self.station and row.type not in CLOSING_TYPES:
                found.add(order_id)
        return found

    def _report(self, conn, conflicts: list[tuple[str, str]], kind: str = "lines_changed_while_packing") -> None:
        """Conflicts found here go to the central supervisor queue, after the local commit (never a
        network call under the local write lock); the worker pulls them back from there into the
        local log, so each is recorded once. If the report fails, it is logged locally at once."""
        for number, detail in conflicts:
            try:
                conn.execute("SELECT ps_report_conflict(%s, %s, %s)", (kind, number, detail))
            except Exception as exc:  # noqa: BLE001 - reporting must never lose the conflict
                log.warning("could not report conflict %s on %s centrally: %s", kind, number, exc)
                with self._lock, write_transaction(self.engine) as local:
                    record_conflict_event(local, self.station, number,
                                          {"kind": kind, "detail": detail, "reported": False})

    def _notify(self, numbers: Iterable[str]) -> None:
        if self.on_order_changed is None:
            return
        for number in numbers:
            try:
                self.on_order_changed(number)
            except Exception:  # a broken callback must not stop the sync
                log.exception("on_order_changed(%s) failed", number)

    # ------------------------------------------------------------------ conflicts

    def pull_conflicts(self, conn) -> int:
        """The supervisor-queue entries about this station, as local "sync_conflict" events."""
        with self.engine.connect() as local:
            after = int(read_state(local, PULL_CONFLICTS) or 0)
        rows = conn.execute("SELECT id, kind, order_number, other_station, detail, event_uuid::text FROM conflicts "
                            "WHERE id > %s ORDER BY id LIMIT 500", (after,)).fetchall()
        if not rows:
            return 0
        with self._lock, write_transaction(self.engine) as local:
            for conflict_id, kind, number, other, detail, event_uuid in rows:
                record_conflict_event(local, self.station, number, {
                    "conflict_id": conflict_id, "kind": kind, "other_station": other, "detail": detail,
                    "event": event_uuid})
            write_state(local, PULL_CONFLICTS, str(rows[-1][0]))
        if self.on_conflict is not None:
            for conflict_id, kind, number, other, detail, _ in rows:
                try:
                    self.on_conflict({"id": conflict_id, "kind": kind, "order": number, "other_station": other,
                                      "detail": detail})
                except Exception:
                    log.exception("on_conflict failed")
        return len(rows)


# ------------------------------------------------------------------ helpers


def _chunks(items: Sequence, size: int = CHUNK):
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _barcodes_of(conn, products: Sequence[tuple]) -> dict[int, list[tuple]]:
    codes: dict[int, list[tuple]] = {}
    if products:
        rows = conn.execute("SELECT product_id, code, units FROM barcodes WHERE product_id = ANY(%s)",
                            ([row[0] for row in products],)).fetchall()
        for product_id, code, units in rows:
            codes.setdefault(product_id, []).append((code, units))
    return codes


def _ids_by(local: Connection, table, key, keys: Sequence[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for chunk in _chunks(sorted(set(keys))):
        found.update({k: i for i, k in local.execute(select(table.c.id, key).where(key.in_(chunk)))})
    return found


def _existing_orders(local: Connection, numbers: Sequence[str]) -> dict[str, tuple]:
    found: dict[str, tuple] = {}
    columns = [ORDERS.c[name] for name in ORDER_FIELDS]
    for chunk in _chunks(numbers):
        query = select(ORDERS.c.number, ORDERS.c.id, ORDERS.c.status, ORDERS.c.source_version, *columns).where(
            ORDERS.c.number.in_(chunk))
        for row in local.execute(query):
            found[row[0]] = (row[1], row[2], row[3], dict(zip(ORDER_FIELDS, row[4:], strict=True)))
    return found


def _orders_with_events_after(local: Connection, order_ids: Sequence[int], seq: int) -> set[int]:
    found: set[int] = set()
    for chunk in _chunks(order_ids):
        found.update(local.execute(select(EVENTS.c.order_id).where(EVENTS.c.seq > seq, EVENTS.c.order_id.in_(chunk))
                                   .distinct()).scalars())
    return found


def _lines_of(local: Connection, order_ids: Sequence[int]) -> dict[int, list[tuple[str, int]]]:
    found: dict[int, list[tuple[str, int]]] = {}
    for chunk in _chunks(order_ids):
        query = (select(LINES.c.order_id, PRODUCTS.c.sku, LINES.c.quantity)
                 .join(PRODUCTS, PRODUCTS.c.id == LINES.c.product_id)
                 .where(LINES.c.order_id.in_(chunk)).order_by(LINES.c.order_id, LINES.c.line_no))
        for order_id, sku, quantity in local.execute(query):
            found.setdefault(order_id, []).append((sku, quantity))
    return found


def _replace_lines(local: Connection, orders: list[tuple[int, list[tuple[str, int]]]], sku_ids: dict[str, int]) -> None:
    if not orders:
        return
    for chunk in _chunks([order_id for order_id, _ in orders]):
        local.execute(delete(LINES).where(LINES.c.order_id.in_(chunk)))
    missing = sorted({sku for _, lines in orders for sku, _ in lines if sku not in sku_ids})
    if missing:
        sku_ids.update(_ids_by(local, PRODUCTS, PRODUCTS.c.sku, missing))
    params = [{"order_id": order_id, "line_no": line_no, "product_id": sku_ids[sku], "quantity": quantity}
              for order_id, lines in orders for line_no, (sku, quantity) in enumerate(lines, start=1)]
    if params:
        local.execute(insert(LINES), params)


def _group_by_keys(rows: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in rows:
        groups.setdefault(tuple(sorted(row)), []).append(row)
    return list(groups.values())


def local_order_count(engine: Engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(ORDERS)).scalar_one()

