"""What a supervisor does, written to the pack-event log like everything else at the warehouse.

Each action is one transaction: the pack event (who, what, why) and the change it makes to the
order commit together, so the audit trail never misses a decision and never shows one that did
not happen. Event types: hold_resolved {number, action, reason, by, name, to}, conflict_resolved
{conflict_seq, conflict_id, number, action, reason, by, name}, supervisor_signed_in / _out /
_sign_in_failed / _locked_out, report_exported {what, where}.

Releasing, reassigning or cancelling an order frees the serial numbers recorded for it (the
units go back to the tote), as the station does when a packer releases an order; otherwise a
repack would be refused as "serial already shipped".

`SupervisorActions` is the service the console's screen, a command and a test call: one database
and one console name, so a caller never handles the engine (the module functions stay for
callers that already hold one).
"""

from __future__ import annotations

import json
import re
import socket
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, delete, insert, select, update

from app.domain import clock
from app.store.db import write_transaction
from app.store.models import Order, PackedSerial, PackEvent

EVENTS = PackEvent.__table__
ORDERS = Order.__table__
SERIALS = PackedSerial.__table__

HOLD_ACTIONS = ("release", "reassign", "cancel")
CONFLICT_ACTIONS = ("acknowledge", "release", "cancel")
_STATUS_AFTER = {"release": "open", "reassign": "open", "cancel": "cancelled"}
MIN_REASON = 3


class ActionError(ValueError):
    """The action cannot be done as asked; the message says why, for the supervisor."""


@dataclass(frozen=True)
class Actor:
    id: int
    name: str


def console_name() -> str:
    """The `station` the console's events carry: SUP-<host>, apart from every packing bench."""
    host = re.sub(r"[^A-Za-z0-9-]", "-", socket.gethostname().split(".")[0]).strip("-").upper()
    return f"SUP-{host or 'CONSOLE'}"[:64]


def _insert(conn: Connection, console: str, actor: Actor | None, kind: str, data: dict[str, Any],
            order_id: int | None = None) -> None:
    conn.execute(insert(EVENTS).values(
        uuid=str(uuid.uuid4()), station=console, packer_id=actor.id if actor else None, order_id=order_id,
        type=kind, payload=json.dumps(data, separators=(",", ":"), ensure_ascii=False), at=clock.now()))


def record_event(engine: Engine, console: str, actor: Actor | None, kind: str, data: dict[str, Any],
                 order_id: int | None = None) -> None:
    """Append one supervisor event in its own transaction."""
    with write_transaction(engine) as conn:
        _insert(conn, console, actor, kind, data, order_id)


def _reason(reason: str) -> str:
    text = " ".join((reason or "").split())
    if len(text) < MIN_REASON:
        raise ActionError("Give a reason (a few words): it goes into the order's audit trail.")
    return text[:500]


def _order(conn: Connection, number: str) -> Any:
    row = conn.execute(select(ORDERS.c.id, ORDERS.c.number, ORDERS.c.status).where(ORDERS.c.number == number)).first()
    if row is None:  # "#5001" or the platform's id, as a supervisor types it
        from app.domain.order_refs import AmbiguousOrderReference
        from app.store.repository import resolve_order_number

        try:
            found = resolve_order_number(conn, number)
        except AmbiguousOrderReference as exc:
            raise ActionError(f"{exc}.") from None
        if found is not None:
            row = conn.execute(select(ORDERS.c.id, ORDERS.c.number, ORDERS.c.status)
                               .where(ORDERS.c.number == found)).first()
    if row is None:
        raise ActionError(f"No order {number}.")
    return row


def _set_status(conn: Connection, order_id: int, action: str) -> str:
    status = _STATUS_AFTER[action]
    values: dict[str, Any] = {"status": status, "updated_at": clock.now()}
    if status == "open":
        values["hold_reason"] = ""
    conn.execute(update(ORDERS).where(ORDERS.c.id == order_id).values(**values))
    conn.execute(delete(SERIALS).where(SERIALS.c.order_id == order_id))
    return status


def resolve_hold(engine: Engine, number: str, action: str, reason: str, actor: Actor, *, console: str,
                 to: str | None = None) -> str:
    """Release a held order to the queue, reassign it to a bench or packer, or cancel it.

    Returns the order's new status. Only an order that is on hold can be resolved: a second
    supervisor acting on the same tote a moment later gets a clear refusal, not a double action.
    """
    if action not in HOLD_ACTIONS:
        raise ActionError(f"action must be one of {', '.join(HOLD_ACTIONS)}")
    why = _reason(reason)
    target = " ".join((to or "").split())
    if action == "reassign" and not target:
        raise ActionError("Say who or which bench the order goes to.")
    with write_transaction(engine) as conn:
        order = _order(conn, number)
        if order.status != "held":
            raise ActionError(f"Order {number} is not on hold (it is {order.status}).")
        data: dict[str, Any] = {"number": number, "action": action, "reason": why, "by": actor.id, "name": actor.name}
        if target:
            data["to"] = target
        _insert(conn, console, actor, "hold_resolved", data, order.id)
        return _set_status(conn, order.id, action)


def resolve_conflict(engine: Engine, conflict_seq: int, action: str, reason: str, actor: Actor, *,
                     console: str) -> str | None:
    """Close a sync conflict: acknowledge it, or also release or cancel its order.

    Returns the order's new status (None when only acknowledged or the order is unknown here).
    """
    if action not in CONFLICT_ACTIONS:
        raise ActionError(f"action must be one of {', '.join(CONFLICT_ACTIONS)}")
    why = _reason(reason)
    with write_transaction(engine) as conn:
        event = conn.execute(select(EVENTS.c.seq, EVENTS.c.order_id, EVENTS.c.payload)
                             .where(EVENTS.c.seq == conflict_seq, EVENTS.c.type == "sync_conflict")).first()
        if event is None:
            raise ActionError(f"No sync conflict #{conflict_seq}.")
        payload = json.loads(event.payload or "{}")
        number = payload.get("order")
        data = {"conflict_seq": event.seq, "conflict_id": payload.get("conflict_id"), "number": number,
                "action": action, "reason": why, "by": actor.id, "name": actor.name}
        status = None
        if action != "acknowledge" and event.order_id is not None:
            status = conn.execute(select(ORDERS.c.status).where(ORDERS.c.id == event.order_id)).scalar()
            if status in ("packed", "shipped"):
                raise ActionError(f"Order {number} is already {status}: acknowledge the conflict instead.")
        _insert(conn, console, actor, "conflict_resolved", data, event.order_id)
        if action == "acknowledge" or event.order_id is None:
            return None
        return _set_status(conn, event.order_id, action)


class SupervisorActions:
    """What a supervisor decides, on one database, as one console (see the module docstring).

    Each call is one transaction and may run on any worker thread; ActionError says why not.
    """

    def __init__(self, engine: Engine, console: str | None = None) -> None:
        self.engine = engine
        self.console = console or console_name()

    def resolve_hold(self, number: str, action: str, reason: str, actor: Actor, *, to: str | None = None) -> str:
        """Release, reassign (`to`: a bench or packer) or cancel a held order: its new status."""
        return resolve_hold(self.engine, number, action, reason, actor, console=self.console, to=to)

    def resolve_conflict(self, conflict_seq: int, action: str, reason: str, actor: Actor) -> str | None:
        """Acknowledge a sync conflict, or also release or cancel its order: the order's new status, if any."""
        return resolve_conflict(self.engine, conflict_seq, action, reason, actor, console=self.console)

    def record(self, actor: Actor | None, kind: str, data: dict[str, Any], order_id: int | None = None) -> None:
        """One more supervisor event (a report exported, a sign-out), in its own transaction."""
        record_event(self.engine, self.console, actor, kind, data, order_id)
