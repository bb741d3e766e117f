"""Importing products: CSV columns, barcodes and GTINs, validation with line numbers, re-import."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from app.store.importing import import_file
from app.store.models import Barcode, Product
from tests.fixtures.station_db import station_database

HEADER = "sku,name,barcodes,weight_g,length_mm,width_mm,height_mm,requires_serial,requires_lot,image,bin_location\n"
FIXTURES = Path(__file__).parent.parent / "fixtures" / "import"


@pytest.fixture
def sessions(tmp_path):
    engine, sessions = station_database(tmp_path)
    yield sessions
    engine.dispose()


def write(tmp_path: Path, text: str, name: str = "products.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def products(sessions) -> dict[str, Product]:
    with sessions() as db:
        return {p.sku: p for p in db.scalars(select(Product))}


def barcodes(sessions) -> dict[str, tuple[str, int]]:
    """code -> (sku, units)"""
    with sessions() as db:
        rows = db.execute(select(Barcode.code, Product.sku, Barcode.units).join(Product)).all()
    return {code: (sku, units) for code, sku, units in rows}


def errors(report) -> list[tuple[int, str]]:
    return [(error.line, error.message) for error in report.errors]


# ------------------------------------------------------------------ what gets stored


def test_products_csv_fixture_imports_every_column(sessions):
    """GIVEN the sample products CSV
    WHEN it is imported
    THEN every product is created with its weight, size, flags, image and bin location."""
    report = import_file(sessions, "products", FIXTURES / "products.csv")

    assert report.committed and not report.errors
    assert (report.created, report.updated, report.unchanged, report.skipped) == (5, 0, 0, 0)
    found = products(sessions)
    socks = found["SOCK-CHA-M"]
    assert socks.name == "Merino Wool Socks — Charcoal, M"
    assert (socks.weight_g, socks.length_mm, socks.width_mm, socks.height_mm) == (85, 200, 100, 30)
    assert socks.bin_location == "A-01-2" and socks.image == "https://cdn.example.com/socks-cha.jpg"
    assert found["EARBUDS-BLK"].requires_serial and not found["EARBUDS-BLK"].requires_lot
    assert found["CREAM-75"].requires_lot
    card = found["CARD-THX"]
    assert (card.length_mm, card.width_mm, card.height_mm, card.image) == (None, None, None, None)


def test_gtins_of_every_length_are_stored_as_gtin14_and_house_codes_as_scanned(sessions):
    """GIVEN products with an EAN-13, a UPC-A, an EAN-8, a GTIN-14 case code and house codes
    WHEN they are imported
    THEN GTINs are stored as GTIN-14, the case code counts 6 units, house codes stay as written."""
    report = import_file(sessions, "products", FIXTURES / "products.csv")

    assert report.committed
    assert barcodes(sessions) == {
        "04006381333931": ("SOCK-CHA-M", 1),
        "14006381333938": ("SOCK-CHA-M", 6),
        "00036000291452": ("MUG-SAGE", 1),
        "HOUSE-MUG-01": ("MUG-SAGE", 1),
        "09506000134352": ("EARBUDS-BLK", 1),
        "00000096385074": ("CREAM-75", 1),
        "HC-CARD-THX": ("CARD-THX", 1),
    }


def test_units_suffix_in_the_barcodes_column_makes_a_case_barcode(sessions, tmp_path):
    """GIVEN "code*6" in the barcodes column and a GTIN written with a spreadsheet's apostrophe
    WHEN imported
    THEN the case code counts 6 units and the apostrophe is gone."""
    path = write(tmp_path, "sku,name,barcodes\nSOCK,Socks,'4006381333931|14006381333938 * 6\n")

    assert import_file(sessions, "products", path).committed
    assert barcodes(sessions) == {"04006381333931": ("SOCK", 1), "14006381333938": ("SOCK", 6)}


def test_an_eight_digit_code_valid_only_as_upc_e_is_expanded(sessions, tmp_path):
    """GIVEN 04252614, a UPC-E whose check digit is wrong for an EAN-8
    WHEN imported
    THEN it is stored as the GTIN-14 of its UPC-A expansion."""
    path = write(tmp_path, "sku,name,barcodes\nGUM,Gum,04252614\n")

    report = import_file(sessions, "products", path)

    assert report.committed, report.summary()
    assert barcodes(sessions) == {"00042100005264": ("GUM", 1)}


# ------------------------------------------------------------------ re-import


def test_reimporting_the_same_file_changes_nothing(sessions):
    """GIVEN products already imported
    WHEN the same file is imported again
    THEN every product is counted unchanged and none is duplicated."""
    import_file(sessions, "products", FIXTURES / "products.csv")

    again = import_file(sessions, "products", FIXTURES / "products.csv")

    assert (again.created, again.updated, again.unchanged) == (0, 0, 5)
    assert len(products(sessions)) == 5


def test_reimport_updates_by_sku_and_replaces_barcodes(sessions, tmp_path):
    """GIVEN a product with two barcodes
    WHEN a file gives it a new name, weight and one different barcode
    THEN the product is updated in place and its barcodes are replaced."""
    header = "sku,name,barcodes,weight_g\n"
    import_file(sessions, "products", write(tmp_path, header + "SOCK,Socks,4006381333931|OLD-1,80\n"))
    before = products(sessions)["SOCK"].id

    report = import_file(sessions, "products", write(tmp_path, header + "SOCK,Wool socks,4006381333948,85\n"))

    assert (report.created, report.updated) == (0, 1)
    socks = products(sessions)["SOCK"]
    assert (socks.id, socks.name, socks.weight_g) == (before, "Wool socks", 85)
    assert barcodes(sessions) == {"04006381333948": ("SOCK", 1)}


def test_columns_left_out_of_the_file_keep_their_values(sessions, tmp_path):
    """GIVEN a product with a bin location, a size and barcodes
    WHEN a file with only sku, name and weight_g is imported
    THEN bin location, size and barcodes are kept."""
    import_file(sessions, "products", FIXTURES / "products.csv")

    report = import_file(sessions, "products", write(tmp_path, "sku,name,weight_g\nSOCK-CHA-M,Socks M,90\n"))

    assert report.updated == 1
    socks = products(sessions)["SOCK-CHA-M"]
    assert (socks.name, socks.weight_g, socks.bin_location, socks.length_mm) == ("Socks M", 90, "A-01-2", 200)
    assert barcodes(sessions)["14006381333938"] == ("SOCK-CHA-M", 6)


def test_a_barcode_can_move_between_products_in_one_file(sessions, tmp_path):
    """GIVEN barcode B on product A
    WHEN one file gives A a new barcode and B to product C
    THEN both are written: A's old barcode is released first."""
    import_file(sessions, "products", write(tmp_path, "sku,name,barcodes\nA,A,4006381333931\n"))

    report = import_file(sessions, "products",
                         write(tmp_path, "sku,name,barcodes\nC,C,4006381333931\nA,A,4006381333948\n"))

    assert report.committed, report.summary()
    assert barcodes(sessions) == {"04006381333931": ("C", 1), "04006381333948": ("A", 1)}


# ------------------------------------------------------------------ refused rows


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (",No SKU,,,,,,,,,", "sku is empty"),
        ("SOCK,,,,,,,,,,", "name is empty"),
        ("SOCK,Socks,,abc,,,,,,,", "weight_g 'abc' is not a whole number"),
        ("SOCK,Socks,,-5,,,,,,,", "weight_g -5 is negative"),
        ("SOCK,Socks,,2000000,,,,,,,", "weight_g 2000000 is more than 1,000,000"),
        ("SOCK,Socks,,80,200,0,30,,,,", "width_mm must be at least 1, not 0"),
        ("SOCK,Socks,,80,200,,30,,,,", "length_mm, width_mm and height_mm go together: give all three or none"),
        ("SOCK,Socks,,80,,,,maybe,,,", "requires_serial 'maybe' is not yes or no"),
        ("SOCK,Socks,4006381333932,,,,,,,,", "barcode 4006381333932 has a wrong check digit"),
        ("SOCK,Socks,96385075,,,,,,,,", "barcode 96385075 has a wrong check digit for an EAN-8 and for a UPC-E"),
        ("SOCK,Socks,4.00638E+12,,,,,,,,", "was turned into a number by a spreadsheet"),
        ("SOCK,Socks,BAD\x7fCODE,,,,,,,,", "can never be scanned"),
        ("SOCK,Socks,TOTE-12,,,,,,,,", "barcode 'TOTE-12' would be read as a tote, not as a product"),
        ("SOCK,Socks,4006381333931*0,,,,,,,,", "units of 4006381333931 must be at least 1, not 0"),
        ("SOCK,Socks,4006381333931|4006381333931*6,,,,,,,,", "is given twice, for 1 and for 6 units"),
        ("SOCK,Socks,,,,,,,," + "x" * 1025 + ",", "image is 1025 characters long; the most is 1024"),
        ("SOCK,Socks,,,,,,,,,,A-01", "the row has 12 values but the header has 11 columns"),
        ("SO\u200bCK,Socks,,,,,,,,,", "sku 'SO\\u200bCK' has an invisible character"),
        ("SOCK,Soc\x07ks,,,,,,,,,", "name has a control character (\\x07)"),
    ],
)
def test_a_bad_value_refuses_the_file_and_names_its_line(sessions, tmp_path, row, message):
    """GIVEN a good product on line 2 and a bad one on line 3
    WHEN imported
    THEN nothing is written and the error names line 3 and the problem."""
    path = write(tmp_path, HEADER + "GOOD,Good product,,10,,,,,,,\n" + row + "\n")

    report = import_file(sessions, "products", path)

    assert not report.committed
    assert [line for line, _ in errors(report)] == [3]
    assert message in report.errors[0].message
    assert products(sessions) == {}


def test_every_problem_of_a_row_is_reported(sessions, tmp_path):
    """GIVEN one row with a bad weight, a bad flag and a bad GTIN
    WHEN imported
    THEN three errors are reported for that line, not just the first."""
    path = write(tmp_path, HEADER + "SOCK,Socks,4006381333932,abc,,,,maybe,,,\n")

    report = import_file(sessions, "products", path)

    assert [line for line, _ in errors(report)] == [2, 2, 2]


def test_a_missing_required_column_refuses_the_file_once(sessions, tmp_path):
    """GIVEN a file without the name column and three rows
    WHEN imported
    THEN one error for the header, not one per row."""
    path = write(tmp_path, "sku,weight_g\nA,1\nB,2\nC,3\n")

    report = import_file(sessions, "products", path)

    assert not report.committed
    assert errors(report) == [(1, "required column name missing from the header (found: sku, weight_g)")]


def test_a_partial_size_in_the_header_refuses_the_file(sessions, tmp_path):
    """GIVEN a header with length_mm but no width or height
    WHEN imported
    THEN the file is refused at line 1."""
    report = import_file(sessions, "products", write(tmp_path, "sku,name,length_mm\nA,A,10\n"))

    assert errors(report) == [(1, "length_mm, width_mm and height_mm go together: length_mm alone is not enough")]


def test_a_sku_twice_in_the_file_is_an_error_on_the_second(sessions, tmp_path):
    """GIVEN the same SKU on lines 2 and 4
    WHEN imported
    THEN line 4 is the error, pointing back at line 2."""
    path = write(tmp_path, "sku,name\nA,First\nB,Other\nA,Second\n")

    report = import_file(sessions, "products", path)

    assert errors(report) == [(4, "SKU A is already on line 2")]


def test_a_barcode_twice_in_the_file_is_an_error(sessions, tmp_path):
    """GIVEN two products with the same GTIN (once as EAN-13, once as GTIN-14)
    WHEN imported
    THEN the second is refused: they are the same barcode."""
    path = write(tmp_path, "sku,name,barcodes\nA,A,4006381333931\nB,B,04006381333931\n")

    report = import_file(sessions, "products", path)

    assert errors(report) == [(3, "barcode 04006381333931 is already used by SKU A on line 2")]


def test_a_barcode_of_another_product_in_the_database_is_an_error(sessions, tmp_path):
    """GIVEN product A with a barcode in the database
    WHEN a file gives that barcode to product B
    THEN B is refused, naming A."""
    import_file(sessions, "products", write(tmp_path, "sku,name,barcodes\nA,A,4006381333931\n"))

    report = import_file(sessions, "products", write(tmp_path, "sku,name,barcodes\nB,B,4006381333931\n"))

    assert errors(report) == [(2, "barcode 04006381333931 already belongs to SKU A")]
    assert barcodes(sessions) == {"04006381333931": ("A", 1)}


def test_skip_invalid_writes_the_good_rows_and_reports_the_bad(sessions, tmp_path):
    """GIVEN two good rows and one bad
    WHEN imported with skip_invalid
    THEN the two are written, the bad one is skipped and reported."""
    path = write(tmp_path, "sku,name,weight_g\nA,A,1\nB,B,heavy\nC,C,3\n")

    report = import_file(sessions, "products", path, skip_invalid=True)

    assert report.committed
    assert (report.created, report.skipped) == (2, 1)
    assert errors(report) == [(3, "weight_g 'heavy' is not a whole number")]
    assert sorted(products(sessions)) == ["A", "C"]


def test_without_skip_invalid_the_report_says_how_many_would_import(sessions, tmp_path):
    """GIVEN two good rows and one bad
    WHEN imported without skip_invalid
    THEN nothing is written and the summary offers --skip-invalid for the two good ones."""
    path = write(tmp_path, "sku,name,weight_g\nA,A,1\nB,B,heavy\nC,C,3\n")

    report = import_file(sessions, "products", path)

    assert not report.committed and report.skipped == 3
    assert report.summary().splitlines() == [
        "products (csv): nothing imported — 1 error. Fix them, or run again with --skip-invalid to import the "
        "2 good products.",
        "line 3: weight_g 'heavy' is not a whole number",
    ]


def test_header_names_are_matched_loosely_and_unknown_columns_noted(sessions, tmp_path):
    """GIVEN headers in another case and spacing, and a column the station does not use
    WHEN imported
    THEN the known columns are read and the unknown one is listed as a note."""
    path = write(tmp_path, "SKU, Name ,Weight G,Supplier\nA,Apple,150,Orchard Ltd\n")

    report = import_file(sessions, "products", path)

    assert report.committed
    assert products(sessions)["A"].weight_g == 150
    assert report.notes == ["columns not used by the station: Supplier"]


def test_products_json_reads_barcode_lists_and_objects(sessions):
    """GIVEN the sample products JSON with a barcode object for the case of 6
    WHEN imported
    THEN the product and its case barcode are stored."""
    report = import_file(sessions, "products", FIXTURES / "products.json")

    assert report.committed and report.format == "json"
    assert barcodes(sessions)["14006381333938"] == ("SOCK-CHA-M", 6)
    assert products(sessions)["EARBUDS-BLK"].requires_serial
