"""Shipments written back to their shop: an outbox keyed by the parcel's uuid, claimed with a lease.

The fact is the labelled parcel itself (written by the station in the transaction that records
its label, with its uuid and tracking number). The connector turns each such parcel of an order
its source sent into one `source_writebacks` row (the parcel's uuid is the key: it is made once),
then claims a row (state sending, claimed_by, lease_until) before it calls the shop, and marks it
done with the shop's reference. A connector that dies mid-send leaves a claim that runs out; the
next one sends again, and the adapter's own check (the tracking number already in the shop's
notes or fulfillments) makes that a no-op instead of a second shipment.

This runs in the connector's process (`packstation sources run` / `sources sync`), never on the
packing thread; `run` notices the station's commit (app.sources.relay.StoreChanges) and starts a
label's write-back within a tick of it (bench: tests/bench/bench_sources_writeback.py).
"""

from __future__ import annotations

import json
import logging
import os
import socket
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Engine, String, and_, cast, func, insert, or_, select, update

from app.domain import clock
from app.sources.base import Shipment, ShipmentLine, ShopAdapter, SourceError
from app.sources.registry import get_source, source_orders, source_writebacks
from app.store.values import as_utc

log = logging.getLogger(__name__)

LEASE = timedelta(minutes=2)
RETRY = (timedelta(seconds=5), timedelta(seconds=30), timedelta(minutes=2), timedelta(minutes=10))
LOOKBACK = timedelta(minutes=10)  # parcels labelled this long before the newest write-back are looked at again


def _me() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"[:64]


def _tables(engine: Engine) -> tuple[Any, Any, Any, bool]:
    if engine.dialect.name == "postgresql":
        from app.sync.schema import models as central

        return central.parcels, central.orders, central.pack_events, True
    from app.store.models import Order, PackEvent, Parcel

    return Parcel.__table__, Order.__table__, PackEvent.__table__, False


TrackingUrl = Callable[[str, str], str]  # (carrier, tracking number) -> the carrier's tracking page, or ""


def enqueue_labelled(engine: Engine, name: str, *, tracking_url: TrackingUrl | None = None) -> int:
    """One queued write-back for each labelled parcel of this source's orders that has none yet.

    `tracking_url` makes the link the shop shows the customer (Shopify's trackingInfo.url, the
    WooCommerce note's link); the wiring passes app.shipping.tracking.tracking_url in, since the
    sources may not import shipping. Without it the shop gets the number and the carrier only.
    """
    record = get_source(engine, name)
    notify = bool(record.settings.get("notify_customer", True))
    parcels, orders, events, central = _tables(engine)
    with engine.begin() as conn:
        newest = conn.execute(select(func.max(source_writebacks.c.created_at))
                              .where(source_writebacks.c.source == name)).scalar()
        since = max(record.created_at, (as_utc(newest) or record.created_at) - LOOKBACK)
        number = parcels.c.order_number if central else orders.c.number
        query = (select(parcels.c.uuid, number.label("number"), parcels.c.box_no, parcels.c.tracking_number,
                        parcels.c.carrier, source_orders.c.platform_id)
                 .select_from(parcels if central else parcels.join(orders, orders.c.id == parcels.c.order_id))
                 .join(source_orders, and_(source_orders.c.number == number, source_orders.c.source == name))
                 .outerjoin(source_writebacks, source_writebacks.c.parcel_uuid == cast(parcels.c.uuid, String))
                 .where(parcels.c.status != "voided",
                        parcels.c.created_at >= since, source_writebacks.c.parcel_uuid.is_(None)))
        found = conn.execute(query).all()
        now = clock.now()
        for row in found:
            boxes, lines = _contents(conn, parcels, orders, events, central, row.number, row.box_no)
            carrier = row.carrier or _carrier(conn, orders, central, row.number, row.box_no)
            link = _link(tracking_url, carrier, row.tracking_number or "")
            shipment = Shipment(key=str(row.uuid), order_number=row.number, platform_id=row.platform_id,
                                tracking_number=row.tracking_number or "", carrier=carrier, tracking_url=link,
                                lines=tuple(lines), box=row.box_no, boxes=boxes,
                                complete=_complete(conn, orders, central, row.number), notify_customer=notify)
            conn.execute(insert(source_writebacks).values(
                parcel_uuid=str(row.uuid), source=name, order_number=row.number, platform_id=row.platform_id,
                payload=json.dumps(_as_json(shipment), ensure_ascii=False), state="queued", claimed_by="",
                attempts=0, last_error="", result="", created_at=now, next_attempt_at=now))
    return len(found)


def _link(tracking_url: TrackingUrl | None, carrier: str, number: str) -> str:
    if tracking_url is None or not number or not carrier:
        return ""
    try:
        return str(tracking_url(carrier, number) or "")[:500]
    except Exception:  # noqa: BLE001 - a link is a courtesy: never let it stop the write-back
        log.exception("no tracking link for %s %s", carrier, number)
        return ""


def _contents(conn: Any, parcels: Any, orders: Any, events: Any, central: bool, number: str,
              box: int) -> tuple[int, list[ShipmentLine]]:
    """How many parcels the order has so far, and what went into this one (its packed items)."""
    if central:
        boxes = conn.execute(select(func.count()).select_from(parcels).where(
            parcels.c.order_number == number, parcels.c.status != "voided")).scalar() or 1
        rows = conn.execute(select(events.c.type, events.c.payload).where(
            events.c.order_number == number, events.c.type.in_(("item_packed", "item_unpacked")))
            .order_by(events.c.id)).all()
    else:
        order_id = conn.execute(select(orders.c.id).where(orders.c.number == number)).scalar()
        boxes = conn.execute(select(func.count()).select_from(parcels).where(
            parcels.c.order_id == order_id, parcels.c.status != "voided")).scalar() or 1
        rows = conn.execute(select(events.c.type, events.c.payload).where(
            events.c.order_id == order_id, events.c.type.in_(("item_packed", "item_unpacked")))
            .order_by(events.c.seq)).all()
    units: dict[str, int] = {}
    for kind, payload in rows:
        data = payload if isinstance(payload, dict) else json.loads(payload or "{}")
        if data.get("box", 1) != box or not data.get("sku"):
            continue
        sign = 1 if kind == "item_packed" else -1
        units[data["sku"]] = units.get(data["sku"], 0) + sign * int(data.get("units", 1))
    return boxes, [ShipmentLine(sku, count) for sku, count in units.items() if count > 0]


def _carrier(conn: Any, orders: Any, central: bool, number: str, box: int) -> str:
    """The carrier of a parcel whose row has none: its label bought upstream's, else the order's."""
    if not central:
        from app.store.models import CarrierLabel

        labels = CarrierLabel.__table__
        bought = conn.execute(select(labels.c.carrier).join(orders, orders.c.id == labels.c.order_id)
                              .where(orders.c.number == number, labels.c.box_no == box)).scalar()
        if bought:
            return str(bought)
    return str(conn.execute(select(orders.c.carrier).where(orders.c.number == number)).scalar() or "")


def _complete(conn: Any, orders: Any, central: bool, number: str) -> bool:
    status = conn.execute(select(orders.c.status).where(orders.c.number == number)).scalar()
    return status in ("packed", "shipped")


def _as_json(shipment: Shipment) -> dict[str, Any]:
    data = dict(shipment.__dict__)
    data["lines"] = [line.__dict__ for line in shipment.lines]
    return data


def _shipment(payload: str) -> Shipment:
    data = json.loads(payload)
    data["lines"] = tuple(ShipmentLine(**line) for line in data.get("lines", ()))
    return Shipment(**data)


def claim(engine: Engine, name: str, now: datetime) -> tuple[str, Shipment, int] | None:
    """Take one owed write-back: queued and due, or sending under a lease that ran out."""
    owed = or_(and_(source_writebacks.c.state == "queued", source_writebacks.c.next_attempt_at <= now),
               and_(source_writebacks.c.state == "sending", source_writebacks.c.lease_until < now))
    with engine.begin() as conn:
        row = conn.execute(select(source_writebacks.c.parcel_uuid, source_writebacks.c.payload,
                                  source_writebacks.c.attempts)
                           .where(source_writebacks.c.source == name, owed)
                           .order_by(source_writebacks.c.created_at).limit(1)).first()
        if row is None:
            return None
        taken = conn.execute(update(source_writebacks).where(source_writebacks.c.parcel_uuid == row.parcel_uuid, owed)
                             .values(state="sending", claimed_by=_me(), lease_until=now + LEASE,
                                     attempts=source_writebacks.c.attempts + 1)).rowcount
    if taken != 1:
        return None  # another connector took it between our look and our claim
    return row.parcel_uuid, _shipment(row.payload), row.attempts + 1


def send_owed(engine: Engine, name: str, adapter: ShopAdapter, *, limit: int = 100) -> tuple[int, int]:
    """Send what is owed; returns (done, failed for good)."""
    done = failed = 0
    for _ in range(limit):
        now = clock.now()
        claimed = claim(engine, name, now)
        if claimed is None:
            break
        key, shipment, attempts = claimed
        try:
            reference = adapter.write_shipment(shipment)
        except SourceError as exc:
            final = not exc.retry or attempts > len(RETRY)
            values: dict[str, Any] = {"last_error": exc.message[:2000], "claimed_by": "", "lease_until": None}
            if final:
                values["state"] = "failed"
                failed += 1
            else:
                values.update(state="queued", next_attempt_at=clock.now() + RETRY[attempts - 1])
            _settle(engine, key, values)
            log.warning("write-back of parcel %s (order %s) %s: %s", key, shipment.order_number,
                        "failed" if final else "will be tried again", exc.message)
            if not final:
                break  # the shop is struggling: try the rest later
            continue
        _settle(engine, key, {"state": "done", "result": str(reference)[:2000], "done_at": clock.now(),
                              "claimed_by": "", "lease_until": None, "last_error": ""})
        done += 1
    return done, failed


def _settle(engine: Engine, key: str, values: dict[str, Any]) -> None:
    with engine.begin() as conn:
        conn.execute(update(source_writebacks).where(source_writebacks.c.parcel_uuid == key).values(**values))


def retry_failed(engine: Engine, name: str) -> int:
    """IT fixed the cause (a new key): queue the failed write-backs again."""
    with engine.begin() as conn:
        return conn.execute(update(source_writebacks).where(source_writebacks.c.source == name,
                                                            source_writebacks.c.state == "failed")
                            .values(state="queued", next_attempt_at=clock.now(), attempts=0)).rowcount
