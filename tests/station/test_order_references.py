"""An order by any name its platform gives it: "#5001", 5001 and the platform's id, everywhere.

The Shopify import stores the number without its "#" (5001) and Shopify's order id beside it;
a packer scans "#5001" off a pick list, a supervisor pastes the id from the Shopify admin.
Every door (the packing scan, `packstation label`, the audit search) finds the same order, and
a reference that names two different orders is said to, never answered with one of them.
"""

from __future__ import annotations

import pytest

from app.cli import main
from app.domain.order_refs import AmbiguousOrderReference, order_reference_keys
from app.store.importing import import_file
from app.store.repository import Repository
from app.supervisor import audit

SHOPIFY_ID = "5512345678901"
SHOPIFY_HEADER = ("Name,Email,Shipping Name,Shipping Address1,Shipping City,Shipping Zip,Shipping Country,"
                  "Lineitem quantity,Lineitem name,Lineitem sku,Id\n")


def shopify_export(tmp_path, *rows: str):
    path = tmp_path / "orders_export.csv"
    path.write_text(SHOPIFY_HEADER + "".join(rows), encoding="utf-8")
    return path


def shopify_row(name: str, order_id: str, sku: str = "SOCK-M") -> str:
    return (f"{name},ana@example.com,Ana Souza,Rua Augusta 1500,São Paulo,01304-001,BR,1,Merino socks,"
            f"{sku},{order_id}\n")


@pytest.fixture
def imported(bench, tmp_path):
    report = import_file(bench.sessions, "orders", shopify_export(tmp_path, shopify_row("#5001", SHOPIFY_ID)),
                         format="shopify")
    assert report.committed and not report.errors, report.summary()
    repo = Repository(bench.engine)
    yield repo
    repo.close()


def test_the_keys_of_a_reference():
    """GIVEN what people type or scan WHEN turned into keys THEN the number with and without "#" and the id."""
    assert order_reference_keys(" #5001 ").numbers == ("5001", "#5001")
    assert order_reference_keys("so-1001").numbers == ("SO-1001", "#SO-1001")
    assert order_reference_keys("so-1001").platform_ids == ("so-1001", "SO-1001")
    assert order_reference_keys("PS:ORDER:5001").numbers == ("5001", "#5001")
    gid = order_reference_keys(f"gid://shopify/Order/{SHOPIFY_ID}")
    assert (gid.numbers, gid.platform_ids) == ((), (SHOPIFY_ID,))
    assert not order_reference_keys(" # ")


def test_hash_number_bare_number_and_shopify_id_find_the_same_order(imported):
    """GIVEN a Shopify export imported (Name #5001, Id 5512345678901) WHEN found by each name THEN one order,
    stored as the import stored it (5001)."""
    found = {ref: imported.find_order(ref) for ref in ("#5001", "5001", SHOPIFY_ID, f"gid://shopify/Order/{SHOPIFY_ID}")}

    assert {ref: order.number if order else None for ref, order in found.items()} == dict.fromkeys(found, "5001")
    assert imported.find_order("#5002") is None


def test_a_packer_scans_the_pick_list_name_and_the_order_opens(bench, imported):
    """GIVEN a signed-in packer WHEN "#5001" is scanned THEN order 5001 opens."""
    from app.printing import station_output
    from app.station import Station

    station = Station(bench.config, Repository(bench.engine), station_output(bench))
    try:
        station.scan(b"PS:BADGE:P-1001")
        opened = station.scan(b"#5001").as_json()
    finally:
        station.repo.close()

    assert opened["order"] == "5001", opened


def test_label_and_audit_search_by_the_shopify_name_and_id(imported, tmp_path, capsys):
    """GIVEN the imported order WHEN `packstation label "#5001"` and the audit search by name and id
    THEN the label is written and the search finds order 5001 both ways."""
    out = tmp_path / "label.pdf"

    assert main(["label", "#5001", "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert "order 5001" in capsys.readouterr().out
    for text in ("#5001", SHOPIFY_ID):
        assert [hit.number for hit in audit.search(imported.reader, text, "order")] == ["5001"]
        assert [hit.number for hit in audit.search(imported.reader, text)] == ["5001"]


def test_a_reference_naming_two_orders_is_refused_with_both_named(bench, tmp_path, capsys):
    """GIVEN order 5001 and another order whose platform id is 5001 WHEN "5001" is looked up THEN an error
    names both orders (in the CLI: one line on stderr, exit 1), and the full number of either still works."""
    csv = tmp_path / "orders.csv"
    csv.write_text("order_number,platform_id,channel,ship_to_name,ship_to_country,sku,quantity\n"
                   "5001,,Shopify,Ana Souza,BR,SOCK-M,1\n"
                   "W-77,5001,WooCommerce,Jonas Berg,SE,MUG-1,1\n", encoding="utf-8")
    assert import_file(bench.sessions, "orders", csv).committed
    repo = Repository(bench.engine)
    try:
        with pytest.raises(AmbiguousOrderReference) as raised:
            repo.find_order("5001")
        assert repo.find_order("w-77").number == "W-77"
    finally:
        repo.close()

    assert "5001 (Shopify) by its number" in str(raised.value)
    assert "W-77 (WooCommerce) by its platform id" in str(raised.value)
    assert main(["label", "5001", "-o", str(tmp_path / "x.pdf")]) == 1
    err = capsys.readouterr().err
    assert "names 2 orders" in err and "Traceback" not in err
    assert not (tmp_path / "x.pdf").exists()


def test_the_lookup_stays_an_indexed_search(imported):
    """GIVEN the station database WHEN SQLite plans the reference look-up THEN it searches the number and the
    platform id indexes (no table scan: the same cost at 1,000,000 orders)."""
    from app.store.repository import _ORDERS_BY_REFERENCE

    statement = _ORDERS_BY_REFERENCE.params(numbers=["5001", "#5001"], platform_ids=["5001"])
    sql = str(statement.compile(imported.engine, compile_kwargs={"literal_binds": True}))
    plan = [row[-1] for row in imported.reader.exec_driver_sql("EXPLAIN QUERY PLAN " + sql)]
    assert any("USING INDEX" in step and "number" in step for step in plan), plan
    assert any("ix_orders_platform_id" in step for step in plan), plan
    assert not any(step.startswith("SCAN orders") for step in plan), plan
