"""One connector for a networked warehouse: the shop's orders go into the central database (issue 21).

Against a real PostgreSQL (tests/central's throwaway cluster; skipped without one, failing on CI)
and the fake WooCommerce shop: the same connector code as a standalone station, handed the
central database's engine. Stations then pull the orders as any central order.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from app.domain import clock
from app.sources.connector import sync_source
from app.sources.registry import add_source, config_of, get_source, store_secret
from app.sources.woocommerce import WooCommerceAdapter
from app.sync.schema import engine_for
from tests.central.conftest import central, pg  # noqa: F401 - the PostgreSQL fixtures
from tests.sources.fake_woocommerce import FakeWooCommerce


def test_the_connector_writes_central_orders_holds_cancels_and_writes_back(central, shop: FakeWooCommerce,  # noqa: F811
                                                                           tmp_path: Path):
    """GIVEN a central database and a shop with a mug, an order for it, and an order for a SKU
    the catalogue lacks WHEN the connector's round runs on the central engine THEN the catalogue
    and the good order are central (source = the source's name), the other order is held with the
    reason; WHEN the shop cancels the good order THEN the next round cancels it centrally (the
    stations' pull stops a packer); a parcel a station pushed for it is written back once."""
    shop.add_product("MUG-1", name="Stoneware mug", gtin="4006381333931", weight="0.35")
    good = shop.add_order([("MUG-1", 2)], shipping={"first_name": "Zoë 🌸", "last_name": "سارة"})
    unknown = shop.add_order([("LAMP-9", 1)])
    engine = engine_for(central.admin_url)
    ref = store_secret(f"{shop.key}\n{shop.secret}", name="shop-eu", config_dir=tmp_path)
    add_source(engine, name="shop-eu", platform="woocommerce", shop=shop.url, api_url=shop.url, secret_ref=ref)
    woo = WooCommerceAdapter(config_of(get_source(engine, "shop-eu")))
    try:
        report = sync_source(engine, "shop-eu", woo)
        assert report.error == "" and report.orders_written == 2 and report.orders_held == 1, report.summary()
        assert central.rows("SELECT status, source, ship_to_name FROM orders WHERE number = %s", (good["number"],)) == [
            ("open", "shop-eu", "Zoë 🌸 سارة")]
        [(status, reason)] = central.rows("SELECT status, hold_reason FROM orders WHERE number = %s",
                                          (unknown["number"],))
        assert status == "held" and "unknown SKU 'LAMP-9'" in reason

        with central.connect() as conn:  # what a station's push leaves: the parcel with its tracking number
            conn.execute("INSERT INTO parcels (uuid, order_number, box_no, station, tracking_number, carrier, status, "
                         "created_at) VALUES (%s, %s, 1, 'BENCH-01', '1Z999AA10123456784', 'UPS', 'labelled', %s)",
                         (str(uuid.uuid4()), good["number"], clock.now()))
        sync_source(engine, "shop-eu", woo)
        sync_source(engine, "shop-eu", woo)
        [note] = shop.notes[good["id"]]
        assert "1Z999AA10123456784" in note["note"]

        shop.change_order(good["id"], status="cancelled")
        sync_source(engine, "shop-eu", woo)
        assert central.value("SELECT status FROM orders WHERE number = %s", (good["number"],)) == "cancelled"
    finally:
        woo.close()
        engine.dispose()
