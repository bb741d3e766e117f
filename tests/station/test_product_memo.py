"""Item scans resolve from memory while the catalogue is unchanged, and never from a stale memory.

The repository remembers the products it found (and the barcodes of a loaded order's products)
so that the common scan, the right item, needs no query; SQLite's data_version tells it when
another connection (a sync, an import, another process) has written, and then it forgets.
"""

from __future__ import annotations

import sqlite3

from app.store.repository import Repository
from tests.support import MUG_GTIN, SOCKS_GTIN


def _database(repo: Repository) -> str:
    return str(repo.engine.url.database)


def test_an_opened_orders_barcodes_resolve_without_a_query(station):
    """GIVEN a packer opens order 1002 (socks and a mug)  THEN the first scan of the mug, never
    looked up before, resolves from memory: the order's barcodes were read when it opened."""
    station.scan("PS:BADGE:P-1001")
    assert station.scan("1002").code == "order_opened"
    queries: list[str] = []
    station.repo.reader.connection.driver_connection.set_trace_callback(queries.append)
    assert station.scan(MUG_GTIN).code == "item_packed"
    assert [q for q in queries if "barcodes" in q] == []


def test_a_barcode_moved_by_another_connection_is_seen_at_the_next_scan(bench):
    """GIVEN the mug's barcode found once (remembered)  WHEN an import in another process moves it
    to the socks  THEN the next look-up answers socks: the memo is dropped, not trusted."""
    repo = Repository(bench.engine)
    try:
        assert repo.product_by_code((MUG_GTIN,)).product.sku == "MUG-1"
        other = sqlite3.connect(_database(repo))
        with other:
            other.execute("UPDATE barcodes SET product_id = (SELECT id FROM products WHERE sku = 'SOCK-M') "
                          "WHERE code = ?", (MUG_GTIN,))
        other.close()
        assert repo.product_by_code((MUG_GTIN,)).product.sku == "SOCK-M"
    finally:
        repo.close()


def test_the_repositorys_own_writes_keep_what_it_remembers(station):
    """GIVEN a packer packing  THEN the station's own commits (its scans) do not make it forget:
    the second unit of the same product resolves from memory."""
    station.scan("PS:BADGE:P-1001")
    station.scan("1005")  # twelve pairs of socks
    assert station.scan(SOCKS_GTIN).code == "item_packed"
    station.repo._catalogue.current().clear()  # as if the order's barcodes had not been read ahead
    assert station.scan(SOCKS_GTIN).code == "item_packed"
    queries: list[str] = []
    station.repo.reader.connection.driver_connection.set_trace_callback(queries.append)
    station.repo.product_by_code((SOCKS_GTIN,))
    assert [q for q in queries if "barcodes" in q] == []
