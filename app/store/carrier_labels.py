"""Shipping labels bought upstream: loaded from files, printed as received for their parcel.

    order_number,box,tracking_number,carrier,file
    1001,1,1Z999AA10123456784,UPS,labels/1001.zpl

`file` is relative to the CSV. A label must be ZPL (starts with ^XA) or PDF (starts with %PDF).
Like every import, a file with a bad row loads nothing and names each bad line.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any, cast

from sqlalchemy import CursorResult, delete, insert, select
from sqlalchemy.orm import Session, sessionmaker

from app.domain import clock
from app.store.importing import ImportReport, RowError
from app.store.models import CarrierLabel, Order
from app.store.upstream_labels import label_format

MAX_BYTES = 2_000_000  # a 4x6 label is tens of kilobytes; anything near this is not a label
_labels = CarrierLabel.__table__
_orders = Order.__table__


def import_labels(sessions: sessionmaker[Session], path: Path, *, skip_invalid: bool = False) -> ImportReport:
    report = ImportReport(kind="labels", format="csv", created=0, updated=0, unchanged=0, skipped=0, errors=[],
                          committed=False)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        report.errors.append(RowError(0, f"not UTF-8 text (byte {exc.start})"))
        return report
    reader = csv.DictReader(io.StringIO(text))
    missing = {"order_number", "tracking_number", "file"} - set(reader.fieldnames or ())
    if missing:
        report.errors.append(RowError(1, f"missing column(s): {', '.join(sorted(missing))}"))
        return report
    with sessions.begin() as db:
        order_ids = dict(db.execute(select(_orders.c.number, _orders.c.id)).all())
        rows = []
        for row in reader:
            line = reader.line_num
            problem, value = _row(row, path.parent, order_ids)
            if problem:
                report.errors.append(RowError(line, problem))
            else:
                rows.append(value)
        if report.errors and not skip_invalid:
            report.importable = len(rows)
            db.rollback()
            return report
        for value in rows:
            # (a Session types what execute() returns as a Result; a DELETE's is a CursorResult)
            removed = cast(CursorResult[Any], db.execute(delete(_labels).where(
                _labels.c.order_id == value["order_id"], _labels.c.box_no == value["box_no"]))).rowcount
            db.execute(insert(_labels).values(**value, created_at=clock.now()))
            report.updated += bool(removed)
            report.created += not removed
        report.skipped = len(report.errors)
        report.committed = True
    return report


def _row(row: dict[str, str | None], folder: Path, order_ids: dict[str, int]) -> tuple[str, dict]:
    number = (row.get("order_number") or "").strip().upper().lstrip("#")
    if number not in order_ids:
        return f"order {number or '(empty)'} is not in the station database", {}
    box_text = (row.get("box") or "1").strip()
    if not box_text.isdigit() or int(box_text) < 1:
        return f"box {box_text!r} is not a whole number of 1 or more", {}
    tracking = (row.get("tracking_number") or "").strip()
    if not tracking or len(tracking) > 64 or not tracking.isalnum():
        return f"tracking number {tracking!r} must be 1-64 letters and digits", {}
    file = folder / (row.get("file") or "").strip()
    if not file.is_file():
        return f"label file {file} does not exist", {}
    data = file.read_bytes()
    fmt = label_format(data)
    if len(data) > MAX_BYTES or fmt is None:
        return f"{file.name} is not a ZPL or PDF label (or is over {MAX_BYTES // 1_000_000} MB)", {}
    return "", {"order_id": order_ids[number], "box_no": int(box_text), "format": fmt, "data": data,
                "tracking_number": tracking, "carrier": (row.get("carrier") or "").strip()[:64]}
