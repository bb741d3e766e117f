"""Importing orders: rows grouped into orders, validation, all-or-nothing, re-import rules."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select, update

from app.store.importing import import_file
from app.store.models import Order, OrderLine, Product
from tests.fixtures.station_db import station_database

FIXTURES = Path(__file__).parent.parent / "fixtures" / "import"
HEADER = "order_number,ship_to_name,ship_to_country,ship_by,priority,tote,sku,quantity\n"


@pytest.fixture
def sessions(tmp_path):
    """A station database with the sample catalogue: SOCK-CHA-M, MUG-SAGE, EARBUDS-BLK, CREAM-75, CARD-THX."""
    engine, sessions = station_database(tmp_path)
    assert import_file(sessions, "products", FIXTURES / "products.csv").committed
    yield sessions
    engine.dispose()


def write(tmp_path: Path, text: str, name: str = "orders.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def orders(sessions) -> dict[str, Order]:
    with sessions() as db:
        return {o.number: o for o in db.scalars(select(Order))}


def lines(sessions, number: str) -> list[tuple[str, int]]:
    with sessions() as db:
        query = (select(Product.sku, OrderLine.quantity).join(Product).join(Order)
                 .where(Order.number == number).order_by(OrderLine.line_no))
        return [tuple(row) for row in db.execute(query)]


def set_status(sessions, number: str, status: str) -> None:
    with sessions.begin() as db:
        db.execute(update(Order).where(Order.number == number).values(status=status))


def errors(report) -> list[tuple[int, str]]:
    return [(error.line, error.message) for error in report.errors]


# ------------------------------------------------------------------ what gets stored


def test_rows_of_an_order_become_one_order_with_its_lines(sessions):
    """GIVEN the sample orders CSV: order 1001 on two rows (its gift message spans two lines)
    WHEN imported
    THEN two orders exist with their header fields and lines in file order."""
    report = import_file(sessions, "orders", FIXTURES / "orders.csv")

    assert report.committed and (report.created, report.skipped) == (2, 0), report.summary()
    first = orders(sessions)["1001"]
    assert (first.channel, first.tote, first.ship_to_name, first.ship_to_line2) == (
        "Shopify", "TOTE-0001", "Dana Whitfield", "Apt 3B")
    assert (first.ship_by, first.priority, first.status) == (date(2026, 11, 27), 0, "open")
    assert first.gift_message == "Happy birthday, Mia!\nLove, Aunt Jo"
    assert lines(sessions, "1001") == [("SOCK-CHA-M", 2), ("MUG-SAGE", 1)]
    greek = orders(sessions)["1002"]
    assert (greek.ship_to_name, greek.ship_to_city, greek.ship_to_country) == ("Γιώργος Παπαδόπουλος", "Αθήνα", "GR")
    assert greek.packing_instructions == "Fragile: wrap the mug"
    assert lines(sessions, "1002") == [("MUG-SAGE", 1), ("EARBUDS-BLK", 1)]


def test_orders_json_with_nested_address_and_lines(sessions):
    """GIVEN the sample orders JSON (one order number written as a JSON number)
    WHEN imported
    THEN both orders are stored with their addresses and lines."""
    report = import_file(sessions, "orders", FIXTURES / "orders.json")

    assert report.committed and report.format == "json" and report.created == 2, report.summary()
    wholesale = orders(sessions)["2001"]
    assert (wholesale.ship_to_company, wholesale.ship_to_postcode, wholesale.priority) == (
        "Harbour & Pine Homeware Ltd", "SO14 3XB", 1)
    assert lines(sessions, "2001") == [("SOCK-CHA-M", 12), ("CARD-THX", 1)]
    assert orders(sessions)["2002"].gift_message == "Честит рожден ден!"


def test_order_numbers_and_totes_are_read_in_capitals_and_repeated_skus_added(sessions, tmp_path):
    """GIVEN order so-7 in tote tote-9 with the same SKU on two rows
    WHEN imported
    THEN it is order SO-7 in tote TOTE-9 (as scanners report them) with one line of 3."""
    path = write(tmp_path, HEADER + "so-7,Al,us,,,tote-9,MUG-SAGE,1\nso-7,,,,,TOTE-9,MUG-SAGE,2\n")

    report = import_file(sessions, "orders", path)

    assert report.committed, report.summary()
    order = orders(sessions)["SO-7"]
    assert (order.tote, order.ship_to_country) == ("TOTE-9", "US")
    assert lines(sessions, "SO-7") == [("MUG-SAGE", 3)]


# ------------------------------------------------------------------ refused rows


@pytest.mark.parametrize(
    ("row", "line", "message"),
    [
        ("7,Al,US,,,,MUG-SAGE,abc", 3, "order 7: quantity 'abc' is not a whole number"),
        ("7,Al,US,,,,MUG-SAGE,0", 3, "order 7: quantity must be at least 1, not 0"),
        ("7,Al,US,,,,MUG-SAGE,-2", 3, "order 7: quantity -2 is negative"),
        ("7,Al,US,,,,MUG-SAGE,", 3, "order 7: quantity is empty"),
        ("7,Al,US,,,,,1", 3, "order 7: sku is empty"),
        (",Al,US,,,,MUG-SAGE,1", 3, "order_number is empty"),
        ("7,Al,US,2026-02-30,,,MUG-SAGE,1", 3, "order 7: ship_by '2026-02-30' is not a date (write YYYY-MM-DD"),
        ("7,Al,US,27/11/2026,,,MUG-SAGE,1", 3, "order 7: ship_by '27/11/2026' is not a date"),
        ("7,Al,US,,high,,MUG-SAGE,1", 3, "order 7: priority 'high' is not a whole number"),
        ("7,Al,USA,,,,MUG-SAGE,1", 3, "order 7: ship_to_country 'USA' is not a 2-letter country code"),
        ("7,Al,US,,,TOTE 9,MUG-SAGE,1", 3, "order 7: tote 'TOTE 9' may only have letters"),
        ("7,Al,US,,,,NO-SUCH,1", 3, "order 7: unknown SKU 'NO-SUCH' — import it as a product first"),
        # A semicolon is printable and scanners send it (issue 16: real barcodes accepted); a
        # control character is not something a scanner can send as an order number.
        ("7\x7fDROP,Al,US,,,,MUG-SAGE,1", 3, "order_number has a control character (\\x7f) — remove it"),
        ("7;DROP,Al,US,,,,NO-SUCH,1", 3, "order 7;DROP: unknown SKU 'NO-SUCH'"),  # the number itself is fine
        ("7," + "N" * 256 + ",US,,,,MUG-SAGE,1", 3, "order 7: ship_to_name is 256 characters long; the most is 255"),
        ("7,Al\x1b,US,,,,MUG-SAGE,1", 3, "order 7: ship_to_name has a control character (\\x1b)"),
    ],
)
def test_a_bad_row_refuses_the_file_and_names_its_line(sessions, tmp_path, row, line, message):
    """GIVEN a good order on line 2 and a bad row on line 3
    WHEN imported
    THEN nothing is written and the error names the line and the problem."""
    path = write(tmp_path, HEADER + "6,Bo,US,2026-11-27,1,,MUG-SAGE,1\n" + row + "\n")

    report = import_file(sessions, "orders", path)

    assert not report.committed
    assert len(report.errors) == 1 and report.errors[0].line == line
    assert report.errors[0].message.startswith(message), report.errors[0].message
    assert orders(sessions) == {}


def test_conflicting_header_fields_in_one_order_are_an_error(sessions, tmp_path):
    """GIVEN order 7 shipped to Al on line 2 and to Bo on line 3
    WHEN imported
    THEN line 3 is the error, naming the value on line 2."""
    path = write(tmp_path, HEADER + "7,Al,US,,,,MUG-SAGE,1\n7,Bo,US,,,,CARD-THX,1\n")

    report = import_file(sessions, "orders", path)

    assert errors(report) == [(3, "order 7: ship_to_name 'Bo' differs from 'Al' on line 2")]


def test_a_bad_line_leaves_the_whole_order_out_with_skip_invalid(sessions, tmp_path):
    """GIVEN order 7 with a good and a bad line, and a good order 8
    WHEN imported with skip_invalid
    THEN order 8 is written and order 7 is skipped entirely, never imported short."""
    path = write(tmp_path, HEADER + "7,Al,US,,,,MUG-SAGE,1\n7,,,,,,NO-SUCH,1\n8,Bo,US,,,,CARD-THX,2\n")

    report = import_file(sessions, "orders", path, skip_invalid=True)

    assert report.committed and (report.created, report.skipped) == (1, 1)
    assert sorted(orders(sessions)) == ["8"]
    assert errors(report) == [(3, "order 7: unknown SKU 'NO-SUCH' — import it as a product first")]


def test_a_missing_required_column_refuses_the_file(sessions, tmp_path):
    """GIVEN an orders file without the quantity column
    WHEN imported
    THEN the file is refused once, at the header."""
    report = import_file(sessions, "orders", write(tmp_path, "order_number,sku\n7,MUG-SAGE\n8,MUG-SAGE\n"))

    assert errors(report) == [(1, "required column quantity missing from the header (found: order_number, sku)")]


# ------------------------------------------------------------------ re-import


def test_reimport_updates_an_open_order_and_replaces_its_lines(sessions, tmp_path):
    """GIVEN open order 7 with two lines
    WHEN a file gives it a new address and one different line
    THEN the same order row is updated and its lines replaced."""
    import_file(sessions, "orders", write(tmp_path, HEADER + "7,Al,US,,,,MUG-SAGE,1\n7,,,,,,CARD-THX,1\n"))
    before = orders(sessions)["7"].id

    report = import_file(sessions, "orders", write(tmp_path, HEADER + "7,Alice,GB,,,,SOCK-CHA-M,4\n"))

    assert (report.created, report.updated, report.unchanged) == (0, 1, 0)
    order = orders(sessions)["7"]
    assert (order.id, order.ship_to_name, order.ship_to_country) == (before, "Alice", "GB")
    assert lines(sessions, "7") == [("SOCK-CHA-M", 4)]


def test_reimporting_the_same_file_leaves_orders_unchanged(sessions):
    """GIVEN the sample orders imported
    WHEN imported again
    THEN both are unchanged and nothing is duplicated."""
    import_file(sessions, "orders", FIXTURES / "orders.csv")

    again = import_file(sessions, "orders", FIXTURES / "orders.csv")

    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    assert len(orders(sessions)) == 2


@pytest.mark.parametrize("status", ["packing", "packed", "shipped"])
def test_an_order_at_a_bench_or_gone_is_not_changed(sessions, tmp_path, status):
    """GIVEN order 7 that a bench has opened, packed or shipped
    WHEN a file changes its lines
    THEN it is an error row and the order keeps its lines."""
    import_file(sessions, "orders", write(tmp_path, HEADER + "7,Al,US,,,,MUG-SAGE,1\n"))
    set_status(sessions, "7", status)

    report = import_file(sessions, "orders", write(tmp_path, HEADER + "7,Al,US,,,,MUG-SAGE,2\n"))

    assert errors(report) == [(2, f"order 7 is already {status} — not changed")]
    assert lines(sessions, "7") == [("MUG-SAGE", 1)]


def test_a_packed_order_given_again_unchanged_is_not_an_error(sessions, tmp_path):
    """GIVEN packed order 7
    WHEN the same file is imported again (a daily export that still lists it)
    THEN it counts as unchanged, not as an error."""
    path = write(tmp_path, HEADER + "7,Al,US,,,,MUG-SAGE,1\n")
    import_file(sessions, "orders", path)
    set_status(sessions, "7", "packed")

    report = import_file(sessions, "orders", path)

    assert report.committed and not report.errors and report.unchanged == 1


def test_a_status_column_cancels_but_never_reopens(sessions, tmp_path):
    """GIVEN open order 7 and cancelled order 8
    WHEN a file says 7 is cancelled and 8 is open
    THEN 7 is cancelled and 8 stays cancelled."""
    header = "order_number,status,sku,quantity\n"
    import_file(sessions, "orders", write(tmp_path, header + "7,open,MUG-SAGE,1\n8,cancelled,MUG-SAGE,1\n"))

    report = import_file(sessions, "orders", write(tmp_path, header + "7,cancelled,MUG-SAGE,1\n8,open,MUG-SAGE,2\n"))

    assert report.committed, report.summary()
    assert orders(sessions)["7"].status == "cancelled"
    assert orders(sessions)["8"].status == "cancelled"


def test_a_held_order_is_updated_and_stays_held(sessions, tmp_path):
    """GIVEN order 7 on hold for a short pick
    WHEN the file removes the missing item
    THEN its lines are replaced and it stays held for the supervisor to release."""
    import_file(sessions, "orders", write(tmp_path, HEADER + "7,Al,US,,,,MUG-SAGE,1\n7,,,,,,CARD-THX,1\n"))
    set_status(sessions, "7", "held")

    report = import_file(sessions, "orders", write(tmp_path, HEADER + "7,Al,US,,,,MUG-SAGE,1\n"))

    assert report.updated == 1
    assert orders(sessions)["7"].status == "held"
    assert lines(sessions, "7") == [("MUG-SAGE", 1)]
