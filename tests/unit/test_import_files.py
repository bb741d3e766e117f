"""Import files as files: encodings, format detection, CSV and JSON shape, cartons, the summary."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from app.store.importing import ImportReport, RowError, import_file
from app.store.models import Carton, Product
from tests.fixtures.station_db import station_database

FIXTURES = Path(__file__).parent.parent / "fixtures" / "import"


@pytest.fixture
def sessions(tmp_path):
    engine, sessions = station_database(tmp_path)
    yield sessions
    engine.dispose()


def write(tmp_path: Path, data: str | bytes, name: str = "products.csv") -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8", newline="")
    else:
        path.write_bytes(data)
    return path


def errors(report) -> list[tuple[int, str]]:
    return [(error.line, error.message) for error in report.errors]


def skus(sessions) -> list[str]:
    with sessions() as db:
        return sorted(db.scalars(select(Product.sku)))


# ------------------------------------------------------------------ encodings


def test_a_utf8_file_with_a_byte_order_mark_is_read(sessions, tmp_path):
    """GIVEN a CSV saved by Excel as "CSV UTF-8" (BOM, CRLF line ends)
    WHEN imported
    THEN the BOM does not end up in the first column's name and the rows import."""
    path = write(tmp_path, "\ufeffsku,name\r\nÉCHARPE,Écharpe en laine\r\n".encode())

    report = import_file(sessions, "products", path)

    assert report.committed, report.summary()
    assert skus(sessions) == ["ÉCHARPE"]


def test_a_file_that_is_not_utf8_is_refused_naming_the_byte(sessions, tmp_path):
    """GIVEN a Latin-1 file with é on line 3
    WHEN imported
    THEN it is refused with the line, the byte and its offset."""
    data = "sku,name\nA,Apple\nB,Caf\xe9\n".encode("latin-1")
    path = write(tmp_path, data)

    report = import_file(sessions, "products", path)

    assert not report.committed
    assert errors(report) == [(3, f"the file is not UTF-8 text: byte 0xE9 at byte offset {data.index(0xE9)} "
                                  "cannot be read — save the file as UTF-8 (CSV UTF-8 in Excel)")]
    assert skus(sessions) == []


def test_an_empty_file_is_refused(sessions, tmp_path):
    """GIVEN an empty file
    WHEN imported
    THEN it is refused with a clear message."""
    report = import_file(sessions, "products", write(tmp_path, ""))

    assert errors(report) == [(1, "the file is empty: it needs a header row and at least one row")]


def test_a_nul_byte_is_refused_with_its_line(sessions, tmp_path):
    """GIVEN a CSV with a NUL byte on line 3 (a binary file renamed .csv)
    WHEN imported
    THEN the file is refused at line 3."""
    report = import_file(sessions, "products", write(tmp_path, "sku,name\nA,Apple\nB,Ba\x00nana\n"))

    assert not report.committed
    assert errors(report) == [(3, "name has a control character (\\x00) — remove it")]


def test_a_quoted_value_with_line_breaks_keeps_the_line_numbers_right(sessions, tmp_path):
    """GIVEN a quoted name spanning lines 2-3 and a bad row on line 4
    WHEN imported
    THEN the errors are on lines 2 and 4, the physical lines where those rows start."""
    path = write(tmp_path, 'sku,name,weight_g\nA,"Two\nlines",1\nB,Bad,x\n')

    report = import_file(sessions, "products", path)

    assert errors(report) == [(2, "name has a line break — keep it on one line"),
                              (4, "weight_g 'x' is not a whole number")]


@pytest.mark.parametrize("kind", ["products", "orders"])
@pytest.mark.parametrize("skip_invalid", [False, True])
def test_a_quote_never_closed_refuses_the_file_naming_its_line(sessions, tmp_path, kind, skip_invalid):
    """GIVEN a CSV whose line 3 opens a quote that is never closed (the rows after it would all
    be swallowed into that one value)
    WHEN imported, with or without --skip-invalid
    THEN the file is refused with the line where the quote opened, and nothing is written:
    no order after the quote vanishes uncounted."""
    if kind == "products":
        text = 'sku,name\nA,Apple\nB,"Banana\nC,Cherry\nD,Date\n'
    else:
        text = ("order_number,sku,quantity,ship_to_name\n1001,A,1,Ann\n1002,B,1,\"Bob\n"
                "1003,C,1,Cleo\n1004,D,1,Dan\n")
    report = import_file(sessions, kind, write(tmp_path, text, f"{kind}.csv"), skip_invalid=skip_invalid)

    assert not report.committed
    assert errors(report) == [(3, "a quote opened in line 3 is never closed: lines 3–5 would be read as one "
                                  "value (close the quote, or remove it)")]
    assert skus(sessions) == []


# ------------------------------------------------------------------ format detection


@pytest.mark.parametrize(
    ("name", "kind", "expected"),
    [
        ("products.csv", "products", "csv"),
        ("products.json", "products", "json"),
        ("shopify_products.csv", "products", "shopify"),
    ],
)
def test_the_format_is_detected_from_name_and_header(sessions, name, kind, expected):
    """GIVEN sample files of each format
    WHEN imported without --format
    THEN the report names the detected format."""
    report = import_file(sessions, kind, FIXTURES / name)

    assert report.committed and report.format == expected, report.summary()


def test_an_explicit_format_wins_over_the_file_name(sessions, tmp_path):
    """GIVEN JSON in a file named .txt
    WHEN imported with format json
    THEN it is read as JSON."""
    path = write(tmp_path, '[{"sku": "A", "name": "Apple"}]', name="export.txt")

    report = import_file(sessions, "products", path, format="json")

    assert report.committed and skus(sessions) == ["A"]


def test_a_shopify_order_export_imported_as_products_is_refused(sessions):
    """GIVEN Shopify's order export
    WHEN someone imports it as products
    THEN the file is refused with what it really is."""
    report = import_file(sessions, "products", FIXTURES / "shopify_orders.csv")

    assert errors(report) == [(1, "this is a Shopify order export, not products: import it as orders")]


def test_cartons_cannot_come_from_shopify(sessions):
    """GIVEN --format shopify for cartons
    WHEN imported
    THEN a clear refusal."""
    report = import_file(sessions, "cartons", FIXTURES / "cartons.csv", format="shopify")

    assert errors(report) == [(0, "Shopify exports have no cartons; use csv or json")]
    assert report.summary().endswith("file: Shopify exports have no cartons; use csv or json")


# ------------------------------------------------------------------ JSON


def test_json_errors_name_the_line_where_the_object_starts(sessions, tmp_path):
    """GIVEN a JSON array whose second object (starting on line 3) has a bad weight
    WHEN imported
    THEN the error is on line 3."""
    path = write(tmp_path, '[\n  {"sku": "A", "name": "Apple"},\n  {"sku": "B",\n   "name": "Bad", "weight_g": "x"}\n]',
                 name="p.json")

    report = import_file(sessions, "products", path)

    assert errors(report) == [(3, "weight_g 'x' is not a whole number")]


def test_json_syntax_errors_refuse_the_file_with_line_and_column(sessions, tmp_path):
    """GIVEN JSON with a missing comma on line 3
    WHEN imported
    THEN the file is refused at line 3."""
    path = write(tmp_path, '[\n  {"sku": "A", "name": "Apple"},\n  {"sku": "B" "name": "B"}\n]', name="p.json")

    report = import_file(sessions, "products", path)

    assert not report.committed
    assert errors(report) == [(3, "not valid JSON: Expecting ',' delimiter (column 15)")]


def test_unknown_json_keys_are_errors_not_silently_dropped(sessions, tmp_path):
    """GIVEN a product with "wieght_g" (a typo)
    WHEN imported
    THEN the typo is reported."""
    path = write(tmp_path, '[{"sku": "A", "name": "Apple", "wieght_g": 5}]', name="p.json")

    report = import_file(sessions, "products", path)

    assert report.errors[0].message.startswith("unknown field 'wieght_g'")


def test_json_lines_are_read_one_object_per_line(sessions, tmp_path):
    """GIVEN JSON Lines with a bad object on line 3
    WHEN imported with skip_invalid
    THEN the good objects import and the error names line 3."""
    path = write(tmp_path, '{"sku": "A", "name": "Apple"}\n{"sku": "B", "name": "Banana"}\n{"sku": "C"}\n',
                 name="p.jsonl")

    report = import_file(sessions, "products", path, skip_invalid=True)

    assert skus(sessions) == ["A", "B"]
    assert errors(report) == [(3, "name is missing")]


def test_a_json_value_of_the_wrong_shape_is_refused(sessions, tmp_path):
    """GIVEN a JSON object instead of an array of orders' lines
    WHEN imported
    THEN the order is refused with what was expected."""
    path = write(tmp_path, '[{"order_number": "7", "lines": {"sku": "A", "quantity": 1}}]', name="o.json")

    report = import_file(sessions, "orders", path)

    assert errors(report) == [(1, 'order 7: lines must be a list of {"sku": ..., "quantity": ...}')]


# ------------------------------------------------------------------ cartons


def cartons(sessions) -> dict[str, Carton]:
    with sessions() as db:
        return {c.code: c for c in db.scalars(select(Carton))}


def test_cartons_csv_imports_and_codes_are_read_in_capitals(sessions):
    """GIVEN the sample cartons CSV with code box-m
    WHEN imported
    THEN carton BOX-M exists with its size, tare and maximum weight."""
    report = import_file(sessions, "cartons", FIXTURES / "cartons.csv")

    assert report.committed and report.created == 2
    box = cartons(sessions)["BOX-M"]
    assert (box.length_mm, box.width_mm, box.height_mm, box.tare_g, box.max_weight_g) == (400, 300, 200, 380, 20000)


def test_cartons_reimport_updates_by_code(sessions, tmp_path):
    """GIVEN the sample cartons
    WHEN the JSON gives the same cartons and then a heavier BOX-M
    THEN the first is unchanged, the second updates BOX-M in place."""
    import_file(sessions, "cartons", FIXTURES / "cartons.csv")
    same = import_file(sessions, "cartons", FIXTURES / "cartons.json")
    path = write(tmp_path, "code,length_mm,width_mm,height_mm,max_weight_g\nBOX-M,400,300,200,25000\n", "c.csv")

    heavier = import_file(sessions, "cartons", path)

    assert (same.unchanged, heavier.updated) == (2, 1)
    assert cartons(sessions)["BOX-M"].max_weight_g == 25000
    assert cartons(sessions)["BOX-M"].tare_g == 380  # not in the file: kept


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("BOX L,Box,600,400,400,850,30000", "code 'BOX L' may only have letters A-Z"),
        ("BOX-L,Box,600,,400,850,30000", "width_mm is empty"),
        ("BOX-L,Box,600,400,400,850,800", "max_weight_g 800 must be more than tare_g 850"),
        ("BOX-L,Box,600,400,400,-1,30000", "tare_g -1 is negative"),
    ],
)
def test_bad_cartons_are_refused(sessions, tmp_path, row, message):
    """GIVEN a carton row with a bad value
    WHEN imported
    THEN it is refused with its line."""
    path = write(tmp_path, "code,name,length_mm,width_mm,height_mm,tare_g,max_weight_g\n" + row + "\n", "c.csv")

    report = import_file(sessions, "cartons", path)

    assert report.errors[0].line == 2 and report.errors[0].message.startswith(message), report.errors
    assert cartons(sessions) == {}


def test_a_carton_code_twice_in_the_file_is_an_error(sessions, tmp_path):
    """GIVEN BOX-M on line 2 and box-m on line 3
    WHEN imported
    THEN line 3 is refused: codes are read in capitals, so they are the same carton."""
    header = "code,length_mm,width_mm,height_mm,max_weight_g\n"
    path = write(tmp_path, header + "BOX-M,400,300,200,20000\nbox-m,400,300,250,20000\n", "c.csv")

    report = import_file(sessions, "cartons", path)

    assert errors(report) == [(3, "carton BOX-M is already on line 2")]


# ------------------------------------------------------------------ the summary


def test_the_summary_lists_counts_notes_and_errors_by_line():
    """GIVEN a committed report with a note and errors out of order
    WHEN summarised
    THEN counts come first, then notes, then errors sorted by line."""
    report = ImportReport("orders", "csv", created=3, updated=1, unchanged=2, skipped=1, committed=True,
                          errors=[RowError(9, "b"), RowError(4, "a")], notes=["1 order(s) left out"])

    assert report.summary().splitlines() == [
        "orders (csv): 3 created, 1 updated, 2 unchanged, 1 skipped — 2 error(s) below",
        "note: 1 order(s) left out",
        "line 4: a",
        "line 9: b",
    ]


def test_the_summary_shows_a_hundred_errors_and_counts_the_rest():
    """GIVEN 250 errors
    WHEN summarised
    THEN 100 are shown and the rest counted, so a broken file does not flood the terminal."""
    report = ImportReport("orders", "csv", errors=[RowError(n, "bad") for n in range(2, 252)])

    lines = report.summary().splitlines()

    assert len(lines) == 102 and lines[-1] == "... and 150 more errors"


def test_a_database_conflict_during_the_write_is_a_report_not_a_crash(sessions, tmp_path, monkeypatch):
    """GIVEN a write that the database refuses (another writer added the same order meanwhile)
    WHEN the import runs
    THEN nothing is written and the report says so and to run it again."""
    from sqlalchemy.exc import IntegrityError

    from app.store.importing import writer

    def collide(self, conn):
        raise IntegrityError("INSERT INTO products ...", {}, Exception("UNIQUE constraint failed: products.sku"))

    monkeypatch.setattr(writer.Plan, "apply", collide)

    report = import_file(sessions, "products", write(tmp_path, "sku,name\nA,Apple\n"))

    assert not report.committed and skus(sessions) == []
    assert errors(report) == [(0, "the database refused the import, nothing was written: UNIQUE constraint failed: "
                                  "products.sku — run it again")]
