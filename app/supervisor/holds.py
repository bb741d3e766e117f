"""The holds queue: every tote waiting for a supervisor's decision, oldest first.

- Orders on hold (orders.status = 'held'), with the reason the packer gave (short pick, damaged,
  held) and what was missing. A hold that followed a failed weight check is shown as a weight
  mismatch, because that is what the supervisor has to look at.
- Sync conflicts (pack events of type sync_conflict written by app.sync) that no
  conflict_resolved event has closed yet.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Table, and_, exists, func, or_, select
from sqlalchemy.engine import Connection

from app.store.models import Order, PackEvent, User
from app.store.values import as_utc, json_object
from app.supervisor.hold_reasons import (
    HOLD_REASONS,
    HoldReason,
    conflict_detail,
    conflict_kind,
    hold_reason,
    one_then_another,
)
from app.supervisor.sqlfuncs import json_int

EVENTS: Table = PackEvent.__table__
ORDERS: Table = Order.__table__
USERS: Table = User.__table__

REASONS = {code: HOLD_REASONS[code] for code in ("short", "damaged", "held", "weight")}


@dataclass(frozen=True)
class HoldItem:
    kind: str  # hold or conflict
    number: str
    reason: str  # short, damaged, held, weight, or the conflict's kind
    title: str  # the reason in words
    detail: str  # what is missing, the conflict's text
    since: datetime | None
    station: str | None
    packer: str | None
    seq: int | None  # the order_held or sync_conflict event

    def age_s(self, now: datetime) -> float | None:
        return (now - self.since).total_seconds() if self.since else None


def _missing(items: Any) -> str:
    if not isinstance(items, dict) or not items:
        return ""
    return HoldReason("missing", items=", ".join(f"{qty}× {sku}" for sku, qty in items.items()))


def _latest(kind: str) -> Any:
    return (select(func.max(EVENTS.c.seq)).where(EVENTS.c.order_id == ORDERS.c.id, EVENTS.c.type == kind)
            .scalar_subquery())


def held_orders(conn: Connection) -> list[HoldItem]:
    held_seq, opened_seq, weight_seq = _latest("order_held"), _latest("order_opened"), _latest("weight_recorded")
    probes = (select(ORDERS.c.id, ORDERS.c.number, ORDERS.c.hold_reason, held_seq.label("held"),
                     opened_seq.label("opened"), weight_seq.label("weighed"))
              .where(ORDERS.c.status == "held").subquery())
    held = EVENTS.alias("held_e")
    weighed = EVENTS.alias("weight_e")
    rows = conn.execute(
        select(probes.c.number, probes.c.hold_reason, probes.c.held, probes.c.opened, probes.c.weighed,
               held.c.at, held.c.station, held.c.payload, weighed.c.payload.label("weight_payload"), USERS.c.name)
        .select_from(probes)
        .outerjoin(held, held.c.seq == probes.c.held)
        .outerjoin(weighed, weighed.c.seq == probes.c.weighed)
        .outerjoin(USERS, USERS.c.id == held.c.packer_id)
    ).all()
    items = []
    for r in rows:
        payload = json_object(r.payload)
        reason = payload.get("reason") or r.hold_reason or "held"
        failed_weight = (r.weighed is not None and (r.opened is None or r.weighed > r.opened)
                         and not json_object(r.weight_payload).get("within", True))
        if failed_weight and reason == "held":
            reason = "weight"
        detail = _missing(payload.get("missing"))
        if failed_weight:
            w = json_object(r.weight_payload)
            detail = one_then_another([detail, HoldReason("weighed", grams=w.get("grams"), expected=w.get("expected"),
                                                          allowance=w.get("allowance"))])
        title = hold_reason(reason)  # a code the station wrote in words; a shop's or a person's as written
        items.append(HoldItem("hold", r.number, reason, title, detail,
                              as_utc(r.at), r.station, r.name, r.held))
    return items


def open_conflicts(conn: Connection) -> list[HoldItem]:
    conflict = EVENTS.alias("conflict")
    resolved = EVENTS.alias("resolved")
    closed = exists().where(
        resolved.c.type == "conflict_resolved",
        or_(and_(conflict.c.order_id.is_not(None), resolved.c.order_id == conflict.c.order_id,
                 resolved.c.seq > conflict.c.seq),
            json_int(resolved.c.payload, "conflict_seq") == conflict.c.seq))
    rows = conn.execute(
        select(conflict.c.seq, conflict.c.at, conflict.c.station, conflict.c.payload, ORDERS.c.number)
        .select_from(conflict.outerjoin(ORDERS, ORDERS.c.id == conflict.c.order_id))
        .where(conflict.c.type == "sync_conflict", ~closed)
    ).all()
    items = []
    for r in rows:
        d = json_object(r.payload)
        kind = str(d.get("kind") or "conflict")
        detail = conflict_detail(str(d.get("detail") or ""))  # the central database's English, worded by code
        if d.get("other_station"):
            detail = HoldReason("other_station", detail=detail, station=d["other_station"])
        items.append(HoldItem("conflict", r.number or str(d.get("order") or "?"), kind,
                              HoldReason("sync_conflict", kind=conflict_kind(kind)), detail,
                              as_utc(r.at), r.station, None, r.seq))
    return items


def queue(conn: Connection) -> list[HoldItem]:
    """Holds and open conflicts, oldest first (the tote that has waited longest on top)."""
    items = held_orders(conn) + open_conflicts(conn)
    items.sort(key=lambda i: (i.since is None, i.since or datetime.max.replace(tzinfo=UTC), i.number))
    return items
