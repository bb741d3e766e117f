"""One sync round of a live source, and the long-running connector.

A round: the catalogue changed since its cursor, then the orders changed since theirs (both
less the overlap window), one page at a time; each page is written through the importer's
planners (app.store.importing.writer for a station's store, app.sync.importer centrally) in one
transaction together with the cursor, the counters and each order's state, so a crash between
them never skips or repeats a change. Then the shipments owed are written back
(app.sources.writeback).

What an order becomes:
    written   created or updated like an imported order (a cancellation cancels it, even while a
              bench packs it: the station's pull or `on_order_changed` stops the packer)
    held      it cannot be packed as it is (a line without SKU, a deleted product, an unknown SKU,
              a field the station refuses, a hold in the shop): stored HELD with the reasons; when a
              later round finds it packable (the SKU arrived), the connector releases its own hold
    skipped   not for the warehouse (unpaid, a draft, completed before the source was connected),
              or already packed when the shop changed it: counted with the reason, never written
    ignored   an update older than the one already written (out-of-order pages, duplicated webhooks)
"""

from __future__ import annotations

import functools
import json
import logging
import queue
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, select, update

from app.domain import clock
from app.sources.base import OVERLAP, ShopAdapter, ShopOrder, ShopProduct, SourceError
from app.sources.registry import (
    SourceRecord,
    get_source,
    order_sources,
    record_error,
    source_orders,
)
from app.store.importing.rows import OrderLineRow, OrderRow, Parsed, reject_duplicate_products
from app.store.importing.writer import ORDERS, chunks, claim_write_lock, plan_orders, plan_products, product_ids
from app.sync import importer

log = logging.getLogger(__name__)

HOLD_PREFIX = "shop source "  # a hold reason the connector wrote (and may lift again)
MAX_REASONS = 20  # reasons shown per round; `sources status` has every one


@dataclass
class RoundReport:
    source: str
    orders_seen: int = 0
    orders_written: int = 0
    orders_unchanged: int = 0
    orders_held: int = 0
    orders_skipped: int = 0
    orders_ignored: int = 0  # older than what is stored (out of order, duplicates)
    products_written: int = 0
    products_skipped: int = 0
    writebacks_done: int = 0
    writebacks_failed: int = 0
    reasons: list[tuple[str, str, str]] = field(default_factory=list)  # (state, order or SKU, why)
    changed_at_bench: list[str] = field(default_factory=list)  # orders a bench may be packing that changed
    error: str = ""
    seconds: float = 0.0

    def summary(self) -> str:
        line = (f"{self.source}: {self.orders_seen} orders seen — {self.orders_written} written, "
                f"{self.orders_unchanged} unchanged, {self.orders_held} held, {self.orders_skipped} skipped; "
                f"{self.products_written} products written, {self.products_skipped} skipped; "
                f"{self.writebacks_done} shipments written back"
                + (f", {self.writebacks_failed} failed" if self.writebacks_failed else "")
                + f" ({self.seconds:.1f} s)")
        lines = [line]
        lines += [f"  {state} {what}: {why}" for state, what, why in self.reasons[:MAX_REASONS]]
        if len(self.reasons) > MAX_REASONS:
            lines.append(f"  ... and {len(self.reasons) - MAX_REASONS} more (packstation sources status {self.source})")
        if self.error:
            lines.append(f"  FAILED: {self.error}")
        return "\n".join(lines)


class Target:
    """Where a round writes: a station's own store, or the central database (PostgreSQL)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.central = engine.dialect.name == "postgresql"
        self.orders = ORDERS
        if self.central:
            from app.sync.schema import models as central

            self.orders = central.orders

    def lock(self, conn: Connection) -> None:
        if not self.central:
            claim_write_lock(conn)  # centrally, write_records takes the import's advisory lock

    def plan(self, conn: Connection, kind: str, rows: list, source: str) -> Any:
        if self.central:
            return importer.write_records(conn, kind, rows, source=source[:64])
        return plan_products(conn, rows) if kind == "products" else plan_orders(conn, rows)


def sync_source(engine: Engine, name: str, adapter: ShopAdapter, *,
                on_order_changed: Callable[[str], None] | None = None, writeback: bool = True,
                tracking_url: Callable[[str, str], str] | None = None) -> RoundReport:
    """One round for one source; never raises a SourceError: the report and the store carry it.

    `tracking_url(carrier, number)`: the link written back with a parcel (see writeback.enqueue_labelled)."""
    from app.sources import writeback as writebacks

    started = time.monotonic()
    record = get_source(engine, name)
    report = RoundReport(name)
    target = Target(engine)
    try:
        _catalogue(target, record, adapter, report)
        _orders(target, record, adapter, report)
        if writeback:
            writebacks.enqueue_labelled(engine, name, tracking_url=tracking_url)
            done, failed = writebacks.send_owed(engine, name, adapter)
            report.writebacks_done, report.writebacks_failed = done, failed
    except SourceError as exc:
        report.error = exc.message
    report.seconds = time.monotonic() - started
    _finish(engine, name, report)
    if on_order_changed is not None:
        for number in report.changed_at_bench:
            try:
                on_order_changed(number)
            except Exception:  # noqa: BLE001 - a broken callback must not stop the connector
                log.exception("on_order_changed(%s) failed", number)
    return report


def _finish(engine: Engine, name: str, report: RoundReport) -> None:
    now = clock.now()
    values: dict[str, Any] = {"last_round_at": now, "last_error": report.error[:2000]}
    if not report.error:
        values["last_ok_at"] = now
    with engine.begin() as conn:
        conn.execute(update(order_sources).where(order_sources.c.name == name).values(
            writebacks_done=order_sources.c.writebacks_done + report.writebacks_done,
            writebacks_failed=order_sources.c.writebacks_failed + report.writebacks_failed, **values))
    if report.error:
        log.warning("source %s: %s", name, report.error)


# ------------------------------------------------------------------ catalogue


def _catalogue(target: Target, record: SourceRecord, adapter: ShopAdapter, report: RoundReport) -> None:
    since = record.products_cursor - OVERLAP if record.products_cursor else None
    newest: datetime | None = None
    for page in adapter.catalogue(since):
        if page:
            _write_products(target, record.name, page, report)
            latest = max(product.updated_at for product in page)
            newest = latest if newest is None else max(newest, latest)
    if newest is not None:
        with target.engine.begin() as conn:
            conn.execute(update(order_sources).where(order_sources.c.name == record.name)
                         .values(products_cursor=_later(conn, record.name, "products_cursor", newest)))


def _write_products(target: Target, name: str, page: Sequence[ShopProduct], report: RoundReport) -> None:
    parsed: Parsed = Parsed(records=[product.row for product in page if product.row is not None])
    skipped = [(product.platform_id, product.skip or "") for product in page if product.row is None]
    reject_duplicate_products(parsed)
    skipped += [("", error.message) for error in parsed.errors]
    with target.engine.begin() as conn:
        target.lock(conn)
        plan = target.plan(conn, "products", parsed.records, name)
        plan.apply(conn)
        skipped += [("", error.message) for error in plan.errors]
        written = plan.created + plan.updated
        conn.execute(update(order_sources).where(order_sources.c.name == name).values(
            products_written=order_sources.c.products_written + written,
            products_skipped=order_sources.c.products_skipped + len(skipped)))
    report.products_written += written
    report.products_skipped += len(skipped)
    report.reasons += [("skipped product", what, why) for what, why in skipped]


def _later(conn: Connection, name: str, column: str, cursor: datetime) -> datetime:
    """A cursor never moves back (an overlap page ends before the stored cursor)."""
    stored = conn.execute(select(order_sources.c[column]).where(order_sources.c.name == name)).scalar()
    if stored is not None:
        stored = stored if stored.tzinfo else stored.replace(tzinfo=cursor.tzinfo)
        return max(stored, cursor)
    return cursor


# ------------------------------------------------------------------ orders


def _orders(target: Target, record: SourceRecord, adapter: ShopAdapter, report: RoundReport) -> None:
    since = record.orders_cursor - OVERLAP if record.orders_cursor else None
    newest: datetime | None = None
    for page in adapter.changed_orders(since):
        if page:
            write_orders(target, record.name, page, report, move_cursor=False)
            latest = max(order.updated_at for order in page)
            newest = latest if newest is None else max(newest, latest)
    if newest is not None:
        # Only a whole round moves the cursor: pages need not come in updated_at order (WooCommerce
        # sorts by creation), and a round cut off halfway is asked again (its orders come back
        # unchanged, or are ignored as not newer than what was written).
        with target.engine.begin() as conn:
            conn.execute(update(order_sources).where(order_sources.c.name == record.name)
                         .values(orders_cursor=_later(conn, record.name, "orders_cursor", newest)))
    retry_held(target, record.name, report)


def write_orders(target: Target, name: str, page: Sequence[ShopOrder], report: RoundReport, *,
                 move_cursor: bool = False) -> None:
    """Write one page of orders (or one webhook's order) in one transaction with its cursor and states."""
    now = clock.now()
    with target.engine.begin() as conn:
        target.lock(conn)
        known = _known(conn, name, [order.platform_id[:64] for order in page])
        newest: dict[str, ShopOrder] = {}
        for order in page:  # the same order twice in a page: the newest counts
            other = newest.get(order.platform_id)
            if other is None or order.updated_at >= other.updated_at:
                newest[order.platform_id] = order
        skus = product_ids(conn)
        rows: list[OrderRow] = []
        held: dict[str, str] = {}
        states: list[dict[str, Any]] = []
        seen = skipped = 0
        for order in newest.values():
            seen += 1
            stored = known.get(order.platform_id[:64])
            if stored is not None and _older(order.updated_at, stored.shop_updated_at, stored.state):
                report.orders_ignored += 1
                continue
            if order.row is None or (order.skip and (stored is None or stored.state == "skipped")):
                skipped += 1
                reason = order.skip or "unusable"
                report.reasons.append(("skipped", order.number, reason))
                states.append(_state(name, order, "skipped", reason, now))
                continue
            reasons = list(order.held) + _unknown_skus(order.row, skus)
            row = order.row
            if reasons:
                reason = HOLD_PREFIX + f"{name}: " + "; ".join(reasons)
                row = OrderRow(row.line, row.number, {**row.values, "hold_reason": reason[:4000]},
                               [line for line in row.lines if line.sku in skus], row.cancelled, row.platform_id)
                held[row.number] = reason
                report.reasons.append(("held", order.number, "; ".join(reasons)))
            elif stored is not None and stored.state == "held":
                row = OrderRow(row.line, row.number, {**row.values, "hold_reason": ""}, row.lines, row.cancelled,
                               row.platform_id)
            rows.append(row)
            states.append(_state(name, order, "held" if reasons else "written", "; ".join(reasons), now,
                                 payload=_payload(order.row) if reasons else ""))
        status_before = _statuses(conn, target, [row.number for row in rows])
        plan = target.plan(conn, "orders", rows, name)
        plan.apply(conn)
        refused = {_number_in(error.message) for error in plan.errors}
        stops = _apply_stops(conn, target, rows, held, known, status_before, refused, report)
        for error in plan.errors:
            number = _number_in(error.message)
            if number in stops:
                continue
            skipped += 1
            report.reasons.append(("skipped", number or "?", error.message))
            for state in states:
                if state["number"] == number and state["state"] != "skipped":
                    state["state"], state["reason"] = "skipped", error.message
        _save_states(conn, states)
        written = plan.created + plan.updated
        values: dict[str, Any] = {
            "orders_seen": order_sources.c.orders_seen + seen,
            "orders_written": order_sources.c.orders_written + written,
            "orders_held": order_sources.c.orders_held + len(held),
            "orders_skipped": order_sources.c.orders_skipped + skipped,
        }
        if move_cursor:
            values["orders_cursor"] = _later(conn, name, "orders_cursor", max(order.updated_at for order in page))
        conn.execute(update(order_sources).where(order_sources.c.name == name).values(**values))
    report.orders_seen += seen
    report.orders_written += written
    report.orders_unchanged += plan.unchanged
    report.orders_held += len(held)
    report.orders_skipped += skipped


def _older(incoming: datetime, stored: datetime, state: str) -> bool:
    stored = stored if stored.tzinfo else stored.replace(tzinfo=incoming.tzinfo)
    if incoming < stored:
        return True
    return incoming == stored and state != "held"  # the same version again: a duplicate; a held one is retried


def _unknown_skus(row: OrderRow, skus: dict[str, int]) -> list[str]:
    return [f"unknown SKU {line.sku!r} — not in the catalogue (give the product this SKU in the shop)"
            for line in row.lines if line.sku not in skus]


def _state(name: str, order: ShopOrder, state: str, reason: str, now: datetime, payload: str = "") -> dict[str, Any]:
    number = order.row.number if order.row is not None else order.number[:64]
    return {"source": name, "platform_id": order.platform_id[:64], "number": number,
            "shop_updated_at": order.updated_at, "state": state, "reason": reason, "payload": payload, "seen_at": now}


def _payload(row: OrderRow) -> str:
    values = {key: (value.isoformat() if hasattr(value, "isoformat") else value) for key, value in row.values.items()}
    return json.dumps({"number": row.number, "values": values, "cancelled": row.cancelled,
                       "lines": [[line.sku, line.quantity] for line in row.lines]}, ensure_ascii=False)


def _known(conn: Connection, name: str, platform_ids: Iterable[str]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    wanted = sorted(set(platform_ids))
    for chunk in chunks(wanted):
        for row in conn.execute(select(source_orders).where(source_orders.c.source == name,
                                                            source_orders.c.platform_id.in_(chunk))):
            found[row.platform_id] = row
    return found


def _statuses(conn: Connection, target: Target, numbers: Sequence[str]) -> dict[str, tuple[str, str]]:
    orders = target.orders
    found: dict[str, tuple[str, str]] = {}
    for chunk in chunks(sorted(set(numbers))):
        query = select(orders.c.number, orders.c.status, orders.c.hold_reason).where(orders.c.number.in_(chunk))
        found.update({number: (status, reason) for number, status, reason in conn.execute(query)})
    return found


def _number_in(message: str) -> str:
    """The order number a planner's message names ("order 5001 is already packing — not changed")."""
    words = message.split()
    return words[1].rstrip(":") if len(words) > 1 and words[0] == "order" else ""


def _apply_stops(conn: Connection, target: Target, rows: list[OrderRow], held: dict[str, str], known: dict,
                 before: dict[str, tuple[str, str]], refused: set[str], report: RoundReport) -> set[str]:
    """Holds and releases the connector decides, and a cancellation of an order a bench has.

    The station's planner refuses to touch an order a bench is packing; a cancellation in the shop
    must still reach it (as the central pull does for a central cancellation): the order is
    cancelled here and `on_order_changed` tells the station. Returns the numbers stopped this way.
    """
    orders = target.orders
    stopped: set[str] = set()
    for row in rows:
        status, reason = before.get(row.number, ("", ""))
        if row.number in held:
            if status in ("", "open"):  # new, or not yet at a bench: hold it
                conn.execute(update(orders).where(orders.c.number == row.number, orders.c.status == "open")
                             .values(status="held", hold_reason=held[row.number]))
        elif status == "held" and reason.startswith(HOLD_PREFIX) and not row.cancelled:
            conn.execute(update(orders).where(orders.c.number == row.number, orders.c.status == "held")
                         .values(status="open", hold_reason=""))
        if row.cancelled and status == "packing":
            if row.number in refused:  # the station's planner left it alone
                conn.execute(update(orders).where(orders.c.number == row.number, orders.c.status == "packing")
                             .values(status="cancelled", updated_at=clock.now()))
                stopped.add(row.number)
            report.changed_at_bench.append(row.number)
        elif status == "packing" and row.number not in refused:
            report.changed_at_bench.append(row.number)  # centrally updated while packing: the pull tells the bench
    return stopped


def _save_states(conn: Connection, states: list[dict[str, Any]]) -> None:
    if not states:
        return
    by_key = {(state["source"], state["platform_id"]): state for state in states}
    keys = list(by_key)
    for chunk in chunks(keys):
        for source, platform_id in chunk:
            conn.execute(source_orders.delete().where(source_orders.c.source == source,
                                                      source_orders.c.platform_id == platform_id))
    conn.execute(source_orders.insert(), list(by_key.values()))


def retry_held(target: Target, name: str, report: RoundReport) -> None:
    """Held orders whose unknown SKUs have arrived since: written again from what the shop sent."""
    with target.engine.connect() as conn:
        rows = conn.execute(select(source_orders).where(source_orders.c.source == name,
                                                        source_orders.c.state == "held",
                                                        source_orders.c.payload != "")).all()
        skus = product_ids(conn)
    retry: list[ShopOrder] = []
    for stored in rows:
        data = json.loads(stored.payload)
        if not all(sku in skus for sku, _ in data["lines"]) or not stored.reason.startswith("unknown SKU"):
            continue
        if any(not part.startswith("unknown SKU") for part in stored.reason.split("; ")):
            continue  # other reasons remain: only a new version from the shop can lift them
        values = data["values"]
        if values.get("ship_by"):
            values["ship_by"] = datetime.fromisoformat(values["ship_by"]).date()
        row = OrderRow(1, data["number"], values, [OrderLineRow(1, sku, qty) for sku, qty in data["lines"]],
                       cancelled=data["cancelled"], platform_id=stored.platform_id)
        updated = stored.shop_updated_at
        retry.append(ShopOrder(stored.platform_id, stored.number, updated if updated.tzinfo else
                               updated.replace(tzinfo=clock.now().tzinfo), row))
    if retry:
        write_orders(target, name, retry, report, move_cursor=False)


# ------------------------------------------------------------------ the connector


class Connector:
    """`packstation sources run`: every source's round every `interval` seconds; write-backs as soon
    as the station commits a label; webhook deliveries at once.

    Write-backs: on a station's own store (SQLite) the connector asks SQLite's change counter every
    `tick` (app.sources.relay.StoreChanges: a pragma, no table read) and looks for labelled parcels
    only after another process committed, so a label's write-back starts within a tick of its
    commit; every `writeback_interval` it looks anyway (write-backs due for a retry). A central
    database has no such counter: it is looked at every `writeback_interval`.

    Webhooks: `deliver(name, body)` (from app.sources.webhooks, verified there) queues a delivery
    and wakes the loop; the order it names is written as one page, and `on_order_changed` hears of
    an order a bench may be packing. Polling stays the backstop.
    """

    def __init__(self, engine: Engine, adapters: Callable[[str], ShopAdapter], *, interval: float = 60.0,
                 writeback_interval: float | None = None, sources: Sequence[str] | None = None,
                 on_report: Callable[[RoundReport], None] | None = None,
                 on_order_changed: Callable[[str], None] | None = None,
                 tracking_url: Callable[[str, str], str] | None = None, tick: float = 0.05) -> None:
        from app.sources.relay import StoreChanges

        self.engine = engine
        self.adapters = adapters
        self.interval = interval
        self.changes = StoreChanges(engine)
        self.writeback_interval = writeback_interval if writeback_interval is not None else (
            5.0 if self.changes.counts else 0.5)
        self.tick = tick
        self.sources = sources
        self.on_report = on_report
        self.on_order_changed = on_order_changed
        self.tracking_url = tracking_url
        self.stop = threading.Event()
        self.wake = threading.Event()
        self.deliveries: queue.SimpleQueue[tuple[str, bytes]] = queue.SimpleQueue()
        self._adapters: dict[str, ShopAdapter] = {}
        self._lock = threading.Lock()  # the adapters are made and dropped here and by webhook threads

    def _names(self) -> list[str]:
        from app.sources.registry import list_sources

        return list(self.sources) if self.sources else [record.name for record in list_sources(self.engine)]

    def adapter(self, name: str) -> ShopAdapter:
        with self._lock:
            if name not in self._adapters:
                self._adapters[name] = self.adapters(name)
            return self._adapters[name]

    def _drop(self, name: str) -> None:
        with self._lock:
            adapter = self._adapters.pop(name, None)
        if adapter is not None:
            adapter.close()

    def deliver(self, name: str, body: bytes) -> None:
        """A verified webhook delivery for source `name`: handled by the connector's loop at once."""
        self.deliveries.put((name, body))
        self.wake.set()

    def halt(self) -> None:
        self.stop.set()
        self.wake.set()

    def run(self) -> None:
        next_round = 0.0
        next_look = 0.0
        try:
            while not self.stop.is_set():
                now = time.monotonic()
                if now >= next_round:
                    for name in self._names():
                        self._guarded(name, self._round)
                    next_round = time.monotonic() + self.interval
                    next_look = time.monotonic() + self.writeback_interval
                self._webhooks()
                if self.changes.counts and self.changes.changed() or time.monotonic() >= next_look:
                    for name in self._names():
                        self._guarded(name, self._writebacks)
                    next_look = time.monotonic() + self.writeback_interval
                self.wake.wait(self.tick)
                self.wake.clear()
        finally:
            self.changes.close()
            with self._lock:
                adapters, self._adapters = list(self._adapters.values()), {}
            for adapter in adapters:
                adapter.close()

    def _guarded(self, name: str, step: Callable[[str], None]) -> None:
        try:
            step(name)
        except Exception as exc:  # noqa: BLE001 - one source's trouble never stops the others
            log.exception("source %s: round failed", name)
            record_error(self.engine, name, f"{type(exc).__name__}: {exc}")
            self._drop(name)

    def _round(self, name: str) -> None:
        report = sync_source(self.engine, name, self.adapter(name), on_order_changed=self.on_order_changed,
                             tracking_url=self.tracking_url)
        if self.on_report is not None:
            self.on_report(report)

    def _writebacks(self, name: str) -> None:
        from app.sources import writeback as writebacks

        writebacks.enqueue_labelled(self.engine, name, tracking_url=self.tracking_url)
        done, failed = writebacks.send_owed(self.engine, name, self.adapter(name))
        if done or failed:
            with self.engine.begin() as conn:
                conn.execute(update(order_sources).where(order_sources.c.name == name).values(
                    writebacks_done=order_sources.c.writebacks_done + done,
                    writebacks_failed=order_sources.c.writebacks_failed + failed))

    def _webhooks(self) -> None:
        while True:
            try:
                name, body = self.deliveries.get_nowait()
            except queue.Empty:
                return
            self._guarded(name, functools.partial(self._delivery, body=body))

    def _delivery(self, name: str, body: bytes) -> None:
        report = RoundReport(name)
        started = time.monotonic()
        try:
            order = self.adapter(name).order_from_webhook(body)
            if order is not None:
                write_orders(Target(self.engine), name, [order], report)
        except SourceError as exc:
            report.error = exc.message
            record_error(self.engine, name, f"webhook: {exc.message}")
        report.seconds = time.monotonic() - started
        if self.on_order_changed is not None:
            for number in report.changed_at_bench:
                try:
                    self.on_order_changed(number)
                except Exception:  # noqa: BLE001 - a broken callback must not stop the connector
                    log.exception("on_order_changed(%s) failed", number)
        if self.on_report is not None and (report.orders_seen or report.error):
            self.on_report(report)
