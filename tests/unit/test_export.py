"""Exporting pack events and parcels: CSV and JSON Lines, the since filter, safe cells."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta, timezone

import pytest

from app.store.exporting import EVENT_COLUMNS, PARCEL_COLUMNS, export_rows
from app.store.models import Order, PackEvent, Parcel, User
from tests.fixtures.station_db import station_database

MONDAY = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
TUESDAY = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
WEDNESDAY = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


@pytest.fixture
def sessions(tmp_path):
    """Three days of a bench's work: one event and one parcel a day, packed by Alex."""
    engine, sessions = station_database(tmp_path)
    with sessions.begin() as db:
        alex = User(name="Alex Packer", badge="P-1001", role="packer")
        order = Order(number="1001", ship_to_name="Dana")
        db.add_all([alex, order])
        db.flush()
        for seq, day in enumerate((MONDAY, TUESDAY, WEDNESDAY), start=1):
            db.add(PackEvent(uuid=f"00000000-0000-0000-0000-00000000000{seq}", station="BENCH-1", packer_id=alex.id,
                             order_id=order.id, type="item_packed",
                             payload=json.dumps({"sku": "SOCK-CHA-M", "units": seq}), at=day))
            db.add(Parcel(uuid=f"10000000-0000-0000-0000-00000000000{seq}", order_id=order.id, box_no=seq,
                          station="BENCH-1", packer_id=alex.id, carton_code="BOX-M", weight_g=500 + seq,
                          expected_weight_g=500, carrier="UPS", service_level="Ground",
                          tracking_number=f"1Z999AA1012345678{seq}", label_format="zpl", created_at=day))
        db.add(PackEvent(uuid="20000000-0000-0000-0000-000000000000", station="BENCH-2", packer_id=None,
                         order_id=None, type="note", payload=json.dumps({"text": "=HYPERLINK(\"x\")"}),
                         at=WEDNESDAY + timedelta(hours=1)))
    yield sessions
    engine.dispose()


def export(sessions, what, fmt, since=None) -> tuple[int, str]:
    out = io.StringIO()
    count = export_rows(sessions, what, fmt, out, since=since)
    return count, out.getvalue()


def test_events_as_json_lines_embed_the_payload_as_an_object(sessions):
    """GIVEN four pack events
    WHEN exported as JSON
    THEN one JSON object per line, the payload an object, the time in UTC with its offset."""
    count, text = export(sessions, "events", "json")

    records = [json.loads(line) for line in text.splitlines()]
    assert count == len(records) == 4
    first = records[0]
    assert list(first) == list(EVENT_COLUMNS)
    assert first["payload"] == {"sku": "SOCK-CHA-M", "units": 1}
    assert first["at"] == "2026-11-23T09:00:00+00:00"
    assert (first["packer"], first["order_number"], first["station"]) == ("Alex Packer", "1001", "BENCH-1")
    assert records[3]["packer"] is None and records[3]["order_number"] is None


def test_events_as_csv_have_a_header_and_the_payload_as_json_text(sessions):
    """GIVEN four pack events
    WHEN exported as CSV
    THEN a header row and one row per event, the payload as compact JSON."""
    count, text = export(sessions, "events", "csv")

    rows = list(csv.DictReader(io.StringIO(text)))
    assert count == len(rows) == 4
    assert rows[0]["payload"] == '{"sku":"SOCK-CHA-M","units":1}'
    assert rows[0]["seq"] == "1" and rows[0]["type"] == "item_packed"


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_since_keeps_rows_at_or_after_the_moment(sessions, fmt):
    """GIVEN events on Monday, Tuesday and Wednesday
    WHEN exported since Tuesday 09:00 UTC
    THEN Tuesday's (exactly at the moment) and later ones only."""
    count, _ = export(sessions, "events", fmt, since=TUESDAY)

    assert count == 3


def test_since_with_another_offset_is_compared_in_utc(sessions):
    """GIVEN events at 09:00 UTC each day
    WHEN exported since Wednesday 10:30+02:00 (08:30 UTC)
    THEN Wednesday's 09:00 UTC event is included and Tuesday's is not."""
    since = datetime(2026, 11, 25, 10, 30, tzinfo=timezone(timedelta(hours=2)))

    _, text = export(sessions, "events", "json", since=since)

    assert [json.loads(line)["at"][:10] for line in text.splitlines()] == ["2026-11-25", "2026-11-25"]


def test_a_naive_since_is_taken_as_utc(sessions):
    """GIVEN a since without an offset
    WHEN exporting parcels
    THEN it is read as UTC."""
    count, _ = export(sessions, "parcels", "json", since=datetime(2026, 11, 24, 9, 0))

    assert count == 2


def test_parcels_export_with_order_number_and_packer(sessions):
    """GIVEN three parcels of order 1001
    WHEN exported as CSV
    THEN every parcel with its order number, packer, carton, weights and tracking number."""
    count, text = export(sessions, "parcels", "csv")

    rows = list(csv.DictReader(io.StringIO(text)))
    assert count == 3
    assert list(rows[0]) == list(PARCEL_COLUMNS)
    assert (rows[0]["order_number"], rows[0]["packer"], rows[0]["carton_code"]) == ("1001", "Alex Packer", "BOX-M")
    assert (rows[2]["box_no"], rows[2]["weight_g"], rows[2]["tracking_number"]) == ("3", "503", "1Z999AA10123456783")


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised():
    """GIVEN a value starting with '=' (a scanned text could)
    WHEN written to CSV
    THEN it is prefixed with an apostrophe so a spreadsheet shows it instead of running it."""
    from app.store.exporting import _cell

    assert _cell('=HYPERLINK("x")') == "'=HYPERLINK(\"x\")"
    assert _cell("-2") == "'-2" and _cell(-2) == -2 and _cell("SKU-1") == "SKU-1" and _cell(None) == ""


def test_an_empty_export_writes_only_the_header(tmp_path):
    """GIVEN a station with no parcels
    WHEN parcels are exported as CSV
    THEN the header alone, and 0 rows reported."""
    engine, sessions = station_database(tmp_path, "empty.db")

    count, text = export(sessions, "parcels", "csv")

    assert count == 0 and text.strip() == ",".join(PARCEL_COLUMNS)
    engine.dispose()
