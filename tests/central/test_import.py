"""`packstation central import`: the station's readers and checks, the central database's rules."""

from __future__ import annotations

from pathlib import Path

from app.sync.cli import main
from app.sync.schema import engine_for
from app.sync.sources import FileSource, pull_source

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"


def _import(central, capsys, kind: str, path: Path, *extra: str) -> tuple[int, str]:
    code = main(["central", "import", kind, str(path), "--url", central.admin_url, *extra])
    return code, capsys.readouterr().out


def test_products_cartons_and_orders_import_and_reimport_updates_without_duplicates(central, capsys, tmp_path):
    assert _import(central, capsys, "products", FIXTURES / "products.csv")[0] == 0
    assert _import(central, capsys, "cartons", FIXTURES / "cartons.csv")[0] == 0
    code, out = _import(central, capsys, "orders", FIXTURES / "orders.csv")
    assert code == 0 and "2 created" in out
    before = dict(central.rows("SELECT number, change_seq FROM orders"))
    code, out = _import(central, capsys, "orders", FIXTURES / "orders.csv")
    assert "0 created, 0 updated, 2 unchanged" in out
    assert dict(central.rows("SELECT number, change_seq FROM orders")) == before  # nothing for stations to pull
    changed = tmp_path / "orders.csv"
    changed.write_text((FIXTURES / "orders.csv").read_text(encoding="utf-8").replace("Springfield", "Shelbyville"),
                       encoding="utf-8")
    code, out = _import(central, capsys, "orders", changed)
    assert "1 updated" in out
    assert central.value("SELECT ship_to_city FROM orders WHERE number = '1001'") == "Shelbyville"
    assert central.value("SELECT count(*) FROM orders") == 2


def test_a_bad_file_is_refused_whole_with_line_numbers(central, capsys, tmp_path):
    _import(central, capsys, "products", FIXTURES / "products.csv")
    bad = tmp_path / "orders.csv"
    bad.write_text("order_number,sku,quantity\n2001,NOPE-1,1\n2002,SOCK-CHA-M,abc\n", encoding="utf-8")
    code, out = _import(central, capsys, "orders", bad)
    assert code == 1 and "nothing imported" in out and "line 3" in out
    assert central.value("SELECT count(*) FROM orders") == 0


def _order_csv(tmp_path: Path, status: str) -> Path:
    path = tmp_path / f"orders-{status}.csv"
    path.write_text(f"order_number,sku,quantity,status\n1001,SOCK-CHA-M,1,{status}\n", encoding="utf-8")
    return path


def test_a_cancellation_reaches_an_order_being_packed_and_a_packed_one_goes_to_the_supervisor(central, capsys,
                                                                                             tmp_path):
    _import(central, capsys, "products", FIXTURES / "products.csv")
    _import(central, capsys, "orders", _order_csv(tmp_path, "open"))
    central.rows("UPDATE orders SET status = 'packing'")
    code, out = _import(central, capsys, "orders", _order_csv(tmp_path, "cancelled"))
    assert code == 0 and central.value("SELECT status FROM orders") == "cancelled"
    central.rows("UPDATE orders SET status = 'packed'")
    code, out = _import(central, capsys, "orders", _order_csv(tmp_path, "cancelled"))
    assert code == 0 and "cancelled after they were packed" in out
    assert central.rows("SELECT kind, order_number FROM conflicts") == [("cancelled_after_packing", "1001")]
    assert central.value("SELECT status FROM orders") == "cancelled"
    assert main(["central", "conflicts", "--url", central.admin_url]) == 0
    assert "cancelled_after_packing" in capsys.readouterr().out


def test_a_file_source_remembers_what_it_imported(central, capsys):
    _import(central, capsys, "products", FIXTURES / "products.csv")
    engine = engine_for(central.admin_url)
    try:
        source = FileSource(FIXTURES / "orders.csv", "orders")
        first = pull_source(engine, source)
        again = pull_source(engine, source)
    finally:
        engine.dispose()
    assert first.created == 2 and again.created == 0
    assert any("nothing new" in note for note in again.notes)
    assert central.value("SELECT count(*) FROM source_cursors WHERE source = 'file:orders:orders.csv'") == 1


def test_a_shopify_export_imports_centrally(central, capsys):
    _import(central, capsys, "products", FIXTURES / "products.csv")
    code, out = _import(central, capsys, "products", FIXTURES / "shopify_products.csv")
    assert code == 0, out
    code, out = _import(central, capsys, "orders", FIXTURES / "shopify_orders.csv")
    assert code == 0 and "orders (shopify): 3 created" in out, out
    assert central.rows("SELECT p.sku, l.quantity FROM order_lines l JOIN orders o ON o.id = l.order_id "
                        "JOIN products p ON p.id = l.product_id WHERE o.number = '1101' ORDER BY l.line_no") == [
        ("SOCK-CHA-M", 2), ("MUG-SAGE", 1)]
