"""Writing orders, products and cartons into the central database, as the station import does.

The rows come from the station's own readers (CSV, JSON, Shopify; app.store.importing), so a
file is checked by exactly the same code whether it goes into a standalone station or into the
central database, and the report reads the same. Products and cartons are written by the
station's own planners: the central tables keep the station's column names for that.

Orders differ in one respect. A station refuses to touch an order a bench has; centrally, an
order's cancellation must reach the bench that is packing it. So:
    open or held         updated (a held order stays held), or cancelled
    packing              updated or cancelled: the station pulls the change and stops the packer
    packed or shipped    a change is refused (as at a station); a cancellation is applied and put
                         on the supervisor's queue ("recall the parcel")
Every real change bumps the change sequence (a trigger); an unchanged row is not written, so
re-importing a file sends the stations nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, bindparam, delete, insert, select, text, update

from app.domain import clock
from app.store.importing import ImportReport
from app.store.importing.rows import ORDER_DEFAULTS, OrderRow, RowError
from app.store.importing.writer import Plan, chunks, plain_insert, plan_cartons, plan_products, product_ids
from app.sync.schema import models as c

LOCK_KEY = 0x5053_494D  # "PSIM": one import at a time, so two imports never race on a new SKU
FINISHED = ("packed", "shipped")


@dataclass
class CentralPlan(Plan):
    cancelled_after_packing: int = 0


def plan_orders(conn: Connection, rows: list[OrderRow], *, source: str = "") -> CentralPlan:
    plan = CentralPlan()
    skus = product_ids(conn)
    known = []
    for row in rows:
        unknown = [line for line in row.lines if line.sku not in skus]
        for line in unknown:
            plan.errors.append(RowError(line.line, f"order {row.number}: unknown SKU {line.sku!r} — "
                                                   "import it as a product first"))
        if unknown:
            plan.rejected += 1
        else:
            known.append(row)
    existing = _existing(conn, [row.number for row in known])
    stored = _lines_of(conn, [old.id for old in existing.values()])
    inserts: list[OrderRow] = []
    updates: list[tuple[Any, OrderRow, str]] = []  # (old row, new row, status to write)
    for row in known:
        old = existing.get(row.number)
        if old is None:
            inserts.append(row)
            continue
        wanted_lines = [(skus[line.sku], line.quantity) for line in row.lines]
        differs = (any(getattr(old, k) != v for k, v in row.values.items())
                   or stored.get(old.id, []) != wanted_lines)
        cancels = row.cancelled and old.status != "cancelled"
        if old.status in FINISHED:
            if cancels:
                updates.append((old, row, "cancelled"))
                plan.cancelled_after_packing += 1
            elif differs:
                plan.errors.append(RowError(row.line, f"order {row.number} is already {old.status} — not changed"))
                plan.rejected += 1
            else:
                plan.unchanged += 1
        elif cancels or differs:
            updates.append((old, row, "cancelled" if row.cancelled else old.status))
        else:
            plan.unchanged += 1
    plan.created, plan.updated = len(inserts), len(updates)
    plan.steps.append(lambda conn: _write(conn, inserts, updates, skus, source))
    return plan


def _existing(conn: Connection, numbers: Sequence[str]) -> dict[str, Any]:
    found = {}
    for chunk in chunks(sorted(set(numbers))):
        for row in conn.execute(select(c.orders).where(c.orders.c.number.in_(chunk))):
            found[row.number] = row
    return found


def _lines_of(conn: Connection, order_ids: Sequence[int]) -> dict[int, list[tuple[int, int]]]:
    found: dict[int, list[tuple[int, int]]] = {}
    lines = c.order_lines
    for chunk in chunks(sorted(order_ids)):
        query = (select(lines.c.order_id, lines.c.product_id, lines.c.quantity).where(lines.c.order_id.in_(chunk))
                 .order_by(lines.c.order_id, lines.c.line_no))
        for order_id, product_id, quantity in conn.execute(query):
            found.setdefault(order_id, []).append((product_id, quantity))
    return found


def _write(conn: Connection, inserts: list[OrderRow], updates: list[tuple[Any, OrderRow, str]],
           skus: dict[str, int], source: str) -> None:
    now = clock.now()
    orders = c.orders
    ids: dict[str, int] = {}
    if inserts:
        params = [{**ORDER_DEFAULTS, **row.values, "number": row.number, "source": source,
                   "status": "cancelled" if row.cancelled else "open", "created_at": now, "updated_at": now}
                  for row in inserts]
        for chunk in chunks(params, 5000):
            statement = insert(orders).returning(orders.c.id, orders.c.number)
            ids.update({number: order_id for order_id, number in conn.execute(statement, list(chunk))})
    by_keys: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for old, row, status in updates:
        values = {"status": status, "updated_at": now, "row_id": old.id}
        if old.status not in FINISHED:  # a packed order's contents stay as they were packed
            values.update(row.values)
        by_keys.setdefault(tuple(sorted(values)), []).append(values)
    for batch in by_keys.values():
        conn.execute(update(orders).where(orders.c.id == bindparam("row_id")), batch)
    changed = [old.id for old, _, _ in updates if old.status not in FINISHED]
    for chunk in chunks(changed):
        conn.execute(delete(c.order_lines).where(c.order_lines.c.order_id.in_(chunk)))
    owned = [(ids[row.number], row) for row in inserts] + [(old.id, row) for old, row, _ in updates
                                                           if old.status not in FINISHED]
    lines = [(order_id, line_no, skus[line.sku], line.quantity)
             for order_id, row in owned for line_no, line in enumerate(row.lines, start=1)]
    plain_insert(conn, c.order_lines, ("order_id", "line_no", "product_id", "quantity"), lines)
    for old, _, status in updates:
        if old.status in FINISHED and status == "cancelled":
            _conflict_after_packing(conn, old.number, old.status)


def _conflict_after_packing(conn: Connection, number: str, status: str) -> None:
    packed_by = conn.execute(select(c.pack_events.c.station).where(
        c.pack_events.c.order_number == number, c.pack_events.c.type == "order_packed")
        .order_by(c.pack_events.c.id.desc()).limit(1)).scalar()
    conn.execute(text(
        "INSERT INTO conflicts (kind, order_number, station, detail) VALUES (:kind, :number, :station, :detail) "
        "ON CONFLICT (kind, order_number, station) WHERE resolved_at IS NULL DO NOTHING"),
        {"kind": "cancelled_after_packing", "number": number, "station": packed_by or "(upstream)",
         "detail": f"cancelled upstream after it was {status}: stop or recall the parcel"})


def write_records(conn: Connection, kind: str, records: list, *, source: str = "") -> Plan:
    """Plan one kind of record against the central database (the caller applies or rolls back)."""
    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOCK_KEY})
    if kind == "products":
        return plan_products(conn, records)
    if kind == "cartons":
        return plan_cartons(conn, records)
    if kind == "orders":
        return plan_orders(conn, records, source=source)
    raise ValueError(f"kind must be orders, products or cartons, not {kind!r}")


def apply(conn: Connection, kind: str, parsed_records: list, parsed_errors: list[RowError], rejected: int,
          report: ImportReport, *, skip_invalid: bool, source: str = "") -> bool:
    """Plan and, unless errors refuse it, write; fills `report`. True when written (caller commits)."""
    report.errors += parsed_errors
    plan = write_records(conn, kind, parsed_records, source=source)
    report.errors += plan.errors
    bad = rejected + plan.rejected
    if report.errors and not skip_invalid:
        report.importable = plan.created + plan.updated + plan.unchanged
        report.skipped = bad + report.importable
        return False
    plan.apply(conn)
    report.created, report.updated, report.unchanged = plan.created, plan.updated, plan.unchanged
    report.skipped = bad
    report.committed = True
    if isinstance(plan, CentralPlan) and plan.cancelled_after_packing:
        report.notes.append(f"{plan.cancelled_after_packing} order(s) cancelled after they were packed: "
                            "see `packstation central conflicts`")
    return True
