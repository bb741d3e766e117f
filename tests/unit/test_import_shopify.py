"""Shopify's order and product exports: multi-row orders, variants, what is left out and why."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from sqlalchemy import select

from app.store.importing import import_file
from app.store.models import Barcode, Order, OrderLine, Product
from tests.fixtures.station_db import station_database

FIXTURES = Path(__file__).parent.parent / "fixtures" / "import"


@pytest.fixture
def sessions(tmp_path):
    """A station database with the sample catalogue: SOCK-CHA-M, MUG-SAGE, EARBUDS-BLK, CREAM-75, CARD-THX."""
    engine, sessions = station_database(tmp_path)
    assert import_file(sessions, "products", FIXTURES / "products.csv").committed
    yield sessions
    engine.dispose()


def orders(sessions) -> dict[str, Order]:
    with sessions() as db:
        return {o.number: o for o in db.scalars(select(Order))}


def lines(sessions, number: str) -> list[tuple[str, int]]:
    with sessions() as db:
        query = (select(Product.sku, OrderLine.quantity).join(Product).join(Order)
                 .where(Order.number == number).order_by(OrderLine.line_no))
        return [tuple(row) for row in db.execute(query)]


def products(sessions) -> dict[str, Product]:
    with sessions() as db:
        return {p.sku: p for p in db.scalars(select(Product))}


def codes_of(sessions, sku: str) -> set[tuple[str, int]]:
    with sessions() as db:
        rows = db.execute(select(Barcode.code, Barcode.units).join(Product).where(Product.sku == sku))
        return {tuple(row) for row in rows}


def shopify_csv(tmp_path: Path, header: list[str], rows: list[dict[str, str]], name: str = "export.csv") -> Path:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows([[row.get(column, "") for column in header] for row in rows])
    path = tmp_path / name
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


# ------------------------------------------------------------------ orders


def test_a_multi_row_shopify_order_becomes_one_order(sessions):
    """GIVEN Shopify's export with order #1101 on three rows (socks, mug, a gift card)
    WHEN imported with the format detected
    THEN order 1101 has the address of its first row and the two shipped lines."""
    report = import_file(sessions, "orders", FIXTURES / "shopify_orders.csv")

    assert report.committed and report.format == "shopify", report.summary()
    order = orders(sessions)["1101"]
    assert lines(sessions, "1101") == [("SOCK-CHA-M", 2), ("MUG-SAGE", 1)]
    assert (order.channel, order.ship_to_name, order.ship_to_line1, order.ship_to_city, order.ship_to_region) == (
        "Shopify", "Marcus Oyelaran", "77 Massachusetts Ave", "Cambridge", "MA")
    assert (order.ship_to_postcode, order.ship_to_phone) == ("02139", "+1 617 555 0199")  # apostrophes gone
    assert (order.ship_to_country, order.ship_to_email) == ("US", "marcus@example.com")
    assert (order.carrier, order.service_level) == ("UPS", "UPS Ground")
    assert order.notes == "Please leave at the front desk"
    assert order.gift_message == "Enjoy the socks!"


def test_a_cancelled_shopify_order_imports_as_cancelled(sessions):
    """GIVEN #1102 with a Cancelled at time
    WHEN imported
    THEN order 1102 is cancelled (a bench that scans it is told not to ship it)."""
    import_file(sessions, "orders", FIXTURES / "shopify_orders.csv")

    assert orders(sessions)["1102"].status == "cancelled"
    assert orders(sessions)["1102"].carrier == "FedEx"


def test_fulfilled_orders_and_lines_are_left_out_with_a_note(sessions):
    """GIVEN #1103 already fulfilled and #1104 partly fulfilled (hand cream shipped, cards not)
    WHEN imported
    THEN 1103 is not imported (noted) and 1104 has only the cards to pack."""
    report = import_file(sessions, "orders", FIXTURES / "shopify_orders.csv")

    assert "1103" not in orders(sessions)
    assert report.notes == ["1 order(s) already fulfilled in Shopify were left out: 1103"]
    assert lines(sessions, "1104") == [("CARD-THX", 4)]


def test_reimporting_a_shopify_export_is_unchanged(sessions):
    """GIVEN the Shopify export imported
    WHEN imported again
    THEN nothing changes."""
    import_file(sessions, "orders", FIXTURES / "shopify_orders.csv")

    again = import_file(sessions, "orders", FIXTURES / "shopify_orders.csv")

    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)


ORDER_HEADER = ["Name", "Email", "Fulfillment Status", "Shipping Name", "Shipping Country", "Shipping Method",
                "Lineitem quantity", "Lineitem name", "Lineitem sku", "Lineitem requires shipping", "Cancelled at"]


def test_a_cancellation_of_an_order_being_packed_is_reported(sessions, tmp_path):
    """GIVEN order 1201 imported, then opened at a bench
    WHEN the next export says it was cancelled
    THEN it is an error row that tells the supervisor to stop it."""
    row = {"Name": "#1201", "Shipping Name": "Al", "Shipping Country": "US", "Lineitem quantity": "1",
           "Lineitem sku": "MUG-SAGE"}
    import_file(sessions, "orders", shopify_csv(tmp_path, ORDER_HEADER, [row]))
    with sessions.begin() as db:
        db.scalars(select(Order)).one().status = "packing"

    report = import_file(sessions, "orders",
                         shopify_csv(tmp_path, ORDER_HEADER, [{**row, "Cancelled at": "2026-11-25 10:00:00 -0500"}]))

    assert [e.message for e in report.errors] == [
        "order 1201 is already packing — not changed; it was cancelled upstream: stop it at the bench or recall "
        "the parcel"]


def test_a_shipped_line_item_without_sku_refuses_its_order(sessions, tmp_path):
    """GIVEN #1202 with a line item that has no SKU, and a good #1203
    WHEN imported with skip_invalid
    THEN 1202 is left out with a message naming the item, 1203 imports."""
    rows = [
        {"Name": "#1202", "Shipping Name": "Al", "Lineitem quantity": "1", "Lineitem sku": "MUG-SAGE"},
        {"Name": "#1202", "Lineitem quantity": "1", "Lineitem name": "Gift wrap", "Lineitem sku": ""},
        {"Name": "#1203", "Shipping Name": "Bo", "Lineitem quantity": "1", "Lineitem sku": "CARD-THX"},
    ]
    report = import_file(sessions, "orders", shopify_csv(tmp_path, ORDER_HEADER, rows), skip_invalid=True)

    assert sorted(orders(sessions)) == ["1203"]
    assert [(e.line, e.message) for e in report.errors] == [
        (3, "order 1202: line item 'Gift wrap' has no SKU — give it one in Shopify, the station finds items by SKU")]


def test_two_shopify_orders_sharing_a_name_are_caught(sessions, tmp_path):
    """GIVEN two first rows named #1204 with different shipping names (Shopify allows duplicate names)
    WHEN imported
    THEN the conflict is an error instead of a merged order."""
    rows = [
        {"Name": "#1204", "Shipping Name": "Al", "Lineitem quantity": "1", "Lineitem sku": "MUG-SAGE"},
        {"Name": "#1204", "Shipping Name": "Bo", "Lineitem quantity": "1", "Lineitem sku": "CARD-THX"},
    ]
    report = import_file(sessions, "orders", shopify_csv(tmp_path, ORDER_HEADER, rows))

    assert [(e.line, e.message) for e in report.errors] == [
        (3, "order 1204: ship_to_name 'Bo' differs from 'Al' on line 2")]


def test_a_shopify_order_export_without_lineitem_sku_is_not_shopify(sessions, tmp_path):
    """GIVEN a CSV with Name and Lineitem quantity but no Lineitem sku, forced to shopify
    WHEN imported
    THEN the file is refused, naming the missing column."""
    path = shopify_csv(tmp_path, ["Name", "Lineitem quantity"], [{"Name": "#1", "Lineitem quantity": "1"}])

    report = import_file(sessions, "orders", path, format="shopify")

    assert [(e.line, e.message) for e in report.errors] == [
        (1, "this is not a Shopify order export: column Lineitem sku is missing")]


# ------------------------------------------------------------------ products


def test_shopify_variants_become_products_with_grams_barcodes_and_names(sessions):
    """GIVEN Shopify's product export: socks with three variants and an image-only row, a plain mug
    WHEN imported
    THEN each variant is a product named title — options, with its grams and barcode."""
    report = import_file(sessions, "products", FIXTURES / "shopify_products.csv")

    assert report.committed and report.format == "shopify", report.summary()
    found = products(sessions)
    assert found["SOCK-CHA-L"].name == "Merino Wool Socks — Charcoal, L"
    assert found["SOCK-CHA-L"].weight_g == 90  # "90.0" grams
    assert codes_of(sessions, "SOCK-CHA-L") == {("04006381333948", 1)}  # '4006381333948 in the export
    assert found["SOCK-NAV-M"].name == "Merino Wool Socks — Navy, M"
    assert codes_of(sessions, "SOCK-NAV-M") == set()
    assert found["SOCK-NAV-M"].image == "https://cdn.example.com/socks.jpg"  # the product's first image
    assert found["MUG-PLAIN"].name == "Stoneware Mug 350 ml"  # Default Title left out
    assert codes_of(sessions, "MUG-PLAIN") == {("00036000291407", 1)}
    assert (report.created, report.updated, report.unchanged) == (3, 0, 1)


def test_a_shopify_import_keeps_case_barcodes_and_csv_only_fields(sessions):
    """GIVEN SOCK-CHA-M imported from CSV with a case barcode and a bin location
    WHEN the Shopify export (which knows one barcode and no bins) is imported
    THEN the case barcode and the bin location are kept."""
    import_file(sessions, "products", FIXTURES / "shopify_products.csv")

    assert codes_of(sessions, "SOCK-CHA-M") == {("04006381333931", 1), ("14006381333938", 6)}
    assert products(sessions)["SOCK-CHA-M"].bin_location == "A-01-2"


PRODUCT_HEADER = ["Handle", "Title", "Option1 Name", "Option1 Value", "Variant SKU", "Variant Grams",
                  "Variant Barcode", "Image Src"]


def test_a_shopify_variant_without_sku_is_an_error(sessions, tmp_path):
    """GIVEN a variant with no SKU
    WHEN imported
    THEN its row is refused, naming the handle and the variant."""
    rows = [{"Handle": "tee", "Title": "Tee", "Option1 Name": "Size", "Option1 Value": "M", "Variant SKU": "TEE-M"},
            {"Handle": "tee", "Option1 Value": "L"}]

    report = import_file(sessions, "products", shopify_csv(tmp_path, PRODUCT_HEADER, rows))

    assert [(e.line, e.message) for e in report.errors] == [
        (3, "tee: variant 'L' has no SKU — give it one in Shopify, the station finds items by SKU")]


def test_a_wrong_shopify_barcode_is_refused(sessions, tmp_path):
    """GIVEN a variant barcode with a wrong check digit
    WHEN imported
    THEN the row is refused with the reason."""
    rows = [{"Handle": "tee", "Title": "Tee", "Variant SKU": "TEE", "Variant Barcode": "4006381333932"}]

    report = import_file(sessions, "products", shopify_csv(tmp_path, PRODUCT_HEADER, rows))

    assert report.errors[0].line == 2
    assert report.errors[0].message.startswith("tee: barcode 4006381333932 has a wrong check digit")


def test_the_2024_product_headers_are_read(sessions, tmp_path):
    """GIVEN Shopify's newer product headers (URL handle, SKU, Weight value (grams), Barcode)
    WHEN imported
    THEN the variant is read the same way."""
    header = ["Title", "URL handle", "SKU", "Barcode", "Option1 name", "Option1 value", "Weight value (grams)",
              "Product image URL"]
    rows = [{"Title": "Linen Tea Towel", "URL handle": "tea-towel", "SKU": "TOWEL-IND", "Barcode": "9506000134369",
             "Option1 name": "Color", "Option1 value": "Indigo", "Weight value (grams)": "110"}]

    report = import_file(sessions, "products", shopify_csv(tmp_path, header, rows))

    assert report.committed and report.format == "shopify", report.summary()
    towel = products(sessions)["TOWEL-IND"]
    assert (towel.name, towel.weight_g) == ("Linen Tea Towel — Indigo", 110)
    assert codes_of(sessions, "TOWEL-IND") == {("09506000134369", 1)}


def test_a_shopify_row_wider_than_its_header_is_refused(sessions, tmp_path):
    """GIVEN a product row with one cell more than the header (an unquoted comma in a title)
    WHEN imported
    THEN the row is refused instead of read with its columns shifted."""
    path = tmp_path / "products_export.csv"
    path.write_text("Handle,Title,Variant SKU,Variant Grams\ntee,Tee, large,TEE-L,200\n", encoding="utf-8")

    report = import_file(sessions, "products", path)

    assert [(e.line, e.message) for e in report.errors] == [
        (2, "the row has 5 values but the header has 4 columns")]
