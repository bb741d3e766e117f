"""Exporting pack events and parcels as CSV or JSON Lines, for spreadsheets and other systems.

- CSV: a header row, then one row per event or parcel (RFC 4180, UTF-8). An event's payload
  is one column of compact JSON. Text that a spreadsheet would run as a formula (starting
  with = + - @) gets a leading apostrophe, as OWASP advises for CSV exports.
- JSON: JSON Lines, one object per line, the payload embedded as an object. A line at a time
  keeps memory flat on a year of events and lets `jq` or a loader stream it.

Times are UTC in ISO 8601 with the offset ("2026-11-25T08:15:02.123456+00:00"). `since`
keeps rows at or after that moment; a naive `since` is taken as UTC.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any, Literal, TextIO

from sqlalchemy import Select, Table, select
from sqlalchemy.orm import Session, sessionmaker

from app.store.models import Order, PackEvent, Parcel, User

EVENTS: Table = PackEvent.__table__
PARCELS: Table = Parcel.__table__
ORDERS: Table = Order.__table__
USERS: Table = User.__table__

EVENT_COLUMNS = ("seq", "uuid", "at", "station", "packer_id", "packer", "order_id", "order_number", "type",
                 "payload")
PARCEL_COLUMNS = ("uuid", "created_at", "order_number", "box_no", "station", "packer_id", "packer", "carton_code",
                  "weight_g", "expected_weight_g", "weight_source", "carrier", "service_level", "tracking_number",
                  "label_format", "status")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
BATCH = 1000


def export_rows(sessions: sessionmaker[Session], what: Literal["events", "parcels"], fmt: Literal["csv", "json"],
                out: TextIO, since: datetime | None = None) -> int:
    """Write events or parcels to `out`; returns how many rows were written."""
    if what not in ("events", "parcels"):
        raise ValueError(f"what must be events or parcels, not {what!r}")
    if fmt not in ("csv", "json"):
        raise ValueError(f"fmt must be csv or json, not {fmt!r}")
    columns = EVENT_COLUMNS if what == "events" else PARCEL_COLUMNS
    query = _events_query(since) if what == "events" else _parcels_query(since)
    with sessions() as session:
        records = _records(session, query, what)
        return _write_csv(out, columns, records) if fmt == "csv" else _write_json_lines(out, records)


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)


def _events_query(since: datetime | None) -> Select:
    query = (
        select(EVENTS.c.seq, EVENTS.c.uuid, EVENTS.c.at, EVENTS.c.station, EVENTS.c.packer_id,
               USERS.c.name.label("packer"), EVENTS.c.order_id, ORDERS.c.number.label("order_number"),
               EVENTS.c.type, EVENTS.c.payload)
        .outerjoin(USERS, USERS.c.id == EVENTS.c.packer_id)
        .outerjoin(ORDERS, ORDERS.c.id == EVENTS.c.order_id)
        .order_by(EVENTS.c.seq)
    )
    return query.where(EVENTS.c.at >= _utc(since)) if since else query


def _parcels_query(since: datetime | None) -> Select:
    query = (
        select(PARCELS.c.uuid, PARCELS.c.created_at, ORDERS.c.number.label("order_number"), PARCELS.c.box_no,
               PARCELS.c.station, PARCELS.c.packer_id, USERS.c.name.label("packer"), PARCELS.c.carton_code,
               PARCELS.c.weight_g, PARCELS.c.expected_weight_g, PARCELS.c.weight_source, PARCELS.c.carrier,
               PARCELS.c.service_level, PARCELS.c.tracking_number, PARCELS.c.label_format, PARCELS.c.status)
        .join(ORDERS, ORDERS.c.id == PARCELS.c.order_id)
        .outerjoin(USERS, USERS.c.id == PARCELS.c.packer_id)
        .order_by(PARCELS.c.id)
    )
    return query.where(PARCELS.c.created_at >= _utc(since)) if since else query


def _records(session: Session, query: Select, what: str) -> Iterator[dict[str, Any]]:
    result = session.execute(query.execution_options(yield_per=BATCH))
    for row in result.mappings():
        record = dict(row)
        for name in ("at", "created_at"):
            if isinstance(record.get(name), datetime):
                record[name] = _utc(record[name]).isoformat()
        if what == "events":
            record["payload"] = _payload(record["payload"])
        yield record


def _payload(raw: str | None) -> Any:
    """The event's data as an object; a payload that is not JSON is kept as text, never dropped."""
    if not raw:
        return {}
    try:
        return json.loads(raw)
    except ValueError:
        return raw


def _write_json_lines(out: TextIO, records: Iterator[dict[str, Any]]) -> int:
    count = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")))
        out.write("\n")
        count += 1
    return count


def _write_csv(out: TextIO, columns: tuple[str, ...], records: Iterator[dict[str, Any]]) -> int:
    writer = csv.writer(out)
    writer.writerow(columns)
    count = 0
    for record in records:
        writer.writerow([_cell(record[name]) for name in columns])
        count += 1
    return count


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value  # a spreadsheet would otherwise run it (CSV injection)
    return value
