"""A migrated station database with a small catalogue, people, and orders that have shipped.

Shipped orders are written the way the packing station leaves them: pack events
(order_opened, item_packed, order_packed) at the shipping time, and packed_serials.
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import insert, select

from app.domain.model import Role, User
from app.store import models as t
from app.store.returns import ReturnsRepository
from tests.fixtures.station_db import station_database
from tests.support import add_order, seed_small

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
ALEX = User(1, "Alex Packer", Role.PACKER, "P-1001")
SAM = User(2, "Sam Supervisor", Role.SUPERVISOR, "S-2001")


@pytest.fixture
def db(tmp_path):
    engine, sessions = station_database(tmp_path)
    seed_small(sessions)  # SOCK-M (A-01-1), MUG-1 (no bin), PHONE-9 (serial); P-1001 packer, S-2001 supervisor
    with sessions.begin() as s:
        s.execute(t.Product.__table__.update().where(t.Product.sku == "MUG-1").values(bin_location="B-01-1"))
        s.execute(t.Product.__table__.update().where(t.Product.sku == "PHONE-9").values(bin_location="F-01-1"))
        s.add(t.Product(sku="HAT-1", name="Wool hat", weight_g=90, bin_location="A-02-1"))
    yield engine, sessions
    engine.dispose()


@pytest.fixture
def repo(db):
    repo = ReturnsRepository(db[0])
    yield repo
    repo.close()


def ship_order(sessions, number: str, lines: list[tuple[str, int]], *, serials: dict[str, list[str]] | None = None,
               shipped_at: datetime = NOW - timedelta(days=3), tracking: str | None = None) -> None:
    """An order packed and shipped at `shipped_at`, as the packing station records it."""
    serials = serials or {}
    with sessions.begin() as s:
        products = {p.sku: p for p in s.scalars(select(t.Product))}
        order = add_order(s, number, [(products[sku], qty) for sku, qty in lines], status="shipped")
        s.flush()
        conn = s.connection()

        def event(kind: str, data: dict) -> str:
            event_uuid = str(uuid.uuid4())
            conn.execute(insert(t.PackEvent.__table__).values(
                uuid=event_uuid, station="BENCH-1", packer_id=1, order_id=order.id, type=kind,
                payload=json.dumps(data), at=shipped_at))
            return event_uuid

        event("order_opened", {"number": number})
        for line_no, (sku, qty) in enumerate(lines, start=1):
            for serial in serials.get(sku, []):
                packed = event("item_packed", {"line": line_no, "sku": sku, "units": 1, "box": 1, "serial": serial})
                s.add(t.PackedSerial(product_id=products[sku].id, serial=serial, order_id=order.id,
                                     event_uuid=packed))
            if sku not in serials:
                event("item_packed", {"line": line_no, "sku": sku, "units": qty, "box": 1, "serial": None})
        event("order_packed", {"number": number, "boxes": 1})
        if tracking:
            s.add(t.Parcel(uuid=str(uuid.uuid4()), order_id=order.id, box_no=1, station="BENCH-1",
                           tracking_number=tracking, status="labelled", created_at=shipped_at))


class Clock:
    """The station's clock, set by the test."""

    def __init__(self, now: datetime = NOW) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now
