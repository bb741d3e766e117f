"""Fulfillments written back to Shopify as a CSV: each packed order once, with its tracking numbers."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

from app.shipping.fulfillment import SHOPIFY_COLUMNS, mark_exported, pending_fulfillments, write_shopify_csv
from app.store import models as t
from tests.shipping.conftest import new_parcel


def pack(sessions, repo, number: str, tracking: list[str]) -> None:
    for box, code in enumerate(tracking, start=1):
        parcel = new_parcel(repo, number, box)
        repo.label_done(parcel, tracking_number=code, label_format="zpl", label_ref="job")
    with sessions.begin() as s:
        s.query(t.Order).filter_by(number=number).one().status = "packed"


def test_shopify_csv_once_per_packed_order(db, repo):
    engine, sessions = db
    pack(sessions, repo, "1002", ["1Z999AA10123456784", "1Z5R89390357567127"])
    new_parcel(repo, "1003")  # still being labelled: not exported

    fulfillments = pending_fulfillments(engine)
    out = io.StringIO()
    rows = write_shopify_csv(fulfillments, out, now=datetime(2026, 11, 25, 17, 0, tzinfo=UTC))

    table = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert rows == 2 and tuple(table[0]) == SHOPIFY_COLUMNS
    assert [(r["Name"], r["Line: SKU"], r["Line: Quantity"]) for r in table] == [("#1002", "SOCK-M", "2"),
                                                                                  ("#1002", "MUG-1", "1")]
    assert table[0]["Fulfillment: Tracking Number"] == "1Z999AA10123456784, 1Z5R89390357567127"
    assert table[0]["Fulfillment: Tracking Company"] == "UPS"
    assert table[0]["Fulfillment: Tracking URL"] == "https://www.ups.com/track?tracknum=1Z999AA10123456784"
    assert table[0]["Fulfillment: Send Receipt"] == "FALSE"

    assert mark_exported(engine, fulfillments, "f.csv") == 2
    assert pending_fulfillments(engine) == []
    assert mark_exported(engine, fulfillments, "again.csv") == 0  # already recorded
