"""A WooCommerce shop synced into a standalone station's store (issue 21), against a local fake
shop that answers the REST API v3 as documented: pages, modified_after, errors, bad data."""

from __future__ import annotations

import json
from datetime import UTC

import pytest
from sqlalchemy import Engine, select, text

from app.sources.base import OVERLAP, AuthRevoked, MalformedResponse, Throttled
from app.sources.connector import sync_source
from app.sources.registry import get_source, source_orders
from app.sources.woocommerce import WooCommerceAdapter
from app.store.importing.writer import BARCODES, ORDERS, PRODUCTS
from tests.sources.fake_woocommerce import FakeWooCommerce


def order_row(store: Engine, number: str):
    with store.connect() as conn:
        return conn.execute(select(ORDERS).where(ORDERS.c.number == number)).first()


def lines_of(store: Engine, number: str) -> list[tuple[str, int]]:
    with store.connect() as conn:
        return [tuple(row) for row in conn.execute(text(
            "SELECT p.sku, l.quantity FROM order_lines l JOIN orders o ON o.id = l.order_id "
            "JOIN products p ON p.id = l.product_id WHERE o.number = :n ORDER BY l.line_no"), {"n": number})]


def state_of(store: Engine, platform_id: int):
    with store.connect() as conn:
        return conn.execute(select(source_orders).where(source_orders.c.platform_id == str(platform_id))).first()


@pytest.fixture
def catalogue(shop: FakeWooCommerce) -> None:
    shop.add_product("MUG-1", name="Stoneware mug", gtin="4006381333931", weight="0.35", dims=("12", "9", "10"))
    shop.add_product("TEE", name="T-shirt", weight="0.2", variations=[
        {"sku": "TEE-M", "option": "M", "gtin": "0012345678905"}, {"sku": "TEE-L", "option": "L"}])


def test_products_and_variations_come_with_barcode_weight_and_size(store, source, adapter, shop, catalogue):
    """GIVEN a shop with a simple product (GTIN in global_unique_id, 0.35 kg, 12×9×10 cm) and a
    variable one with two variations WHEN a round runs THEN the station has the three SKUs, the
    GTIN as a scannable barcode, the weight in grams and the sizes in millimetres; a variation
    inherits its parent's weight and is named with its option."""
    report = sync_source(store, source, adapter)
    assert report.error == "" and report.products_written == 3
    with store.connect() as conn:
        products = {row.sku: row for row in conn.execute(select(PRODUCTS))}
        codes = {code: sku for code, sku in conn.execute(
            select(BARCODES.c.code, PRODUCTS.c.sku).join(PRODUCTS, PRODUCTS.c.id == BARCODES.c.product_id))}
    mug = products["MUG-1"]
    assert (mug.weight_g, mug.length_mm, mug.width_mm, mug.height_mm) == (350, 120, 90, 100)
    assert codes["04006381333931"] == "MUG-1" and codes["00012345678905"] == "TEE-M"
    assert products["TEE-L"].weight_g == 200 and products["TEE-L"].name == "T-shirt — L"


def test_an_order_arrives_with_its_lines_and_address(store, source, adapter, shop, catalogue):
    """GIVEN a processing order with an emoji in the name, a right-to-left street and a
    255-character second address line WHEN a round runs THEN it is open in the store with every
    character kept, its lines merged by SKU, the shipping method as service level."""
    long_line = ("Gebäude C, Aufgang 3, " * 12)[:255]
    order = shop.add_order([("MUG-1", 1), ("TEE-M", 2), ("MUG-1", 1)], shipping={
        "first_name": "Zoë 🌸", "last_name": "سارة", "address_1": "شارع الملك فهد 12", "address_2": long_line,
        "city": "الرياض", "country": "SA", "postcode": "12271"}, note="Bitte klingeln 🔔")
    report = sync_source(store, source, adapter)
    assert report.orders_written == 1, report.summary()
    row = order_row(store, str(order["id"]))
    assert row.status == "open" and row.platform_id == str(order["id"])
    assert (row.ship_to_name, row.ship_to_line1, row.ship_to_line2) == ("Zoë 🌸 سارة", "شارع الملك فهد 12", long_line)
    assert row.notes == "Bitte klingeln 🔔" and row.service_level == "DHL Paket"
    assert lines_of(store, str(order["id"])) == [("MUG-1", 2), ("TEE-M", 2)]


def test_pages_are_followed_and_the_next_round_asks_only_for_changes(store, source, adapter, shop, catalogue):
    """GIVEN 230 processing orders (3 pages of 100) WHEN a round runs THEN all 230 are written
    from 3 pages counted by X-WP-TotalPages; WHEN one is edited and a second round runs THEN it
    asks with modified_after (the cursor less the overlap) and writes only that one."""
    orders = [shop.add_order([("MUG-1", 1)]) for _ in range(230)]
    first = sync_source(store, source, adapter)
    assert first.orders_written == 230
    order_pages = [q for _, _, q in shop.calls("GET", "/wp-json/wc/v3/orders") if "page" in q]
    assert [q["page"] for q in order_pages] == [["1"], ["2"], ["3"]] and order_pages[0]["per_page"] == ["100"]
    shop.requests.clear()
    cursor = get_source(store, source).orders_cursor
    shop.advance(minutes=10)
    shop.change_order(orders[5]["id"], shipping={"address_1": "Neue Straße 9"})
    second = sync_source(store, source, adapter)
    asked = {tuple(c[2]["modified_after"]) for c in shop.calls("GET", "/wp-json/wc/v3/orders") if "page" in c[2]}
    assert asked == {((cursor - OVERLAP).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S"),)}
    # The overlap window brings the 229 others again: not newer than what was written, so left alone.
    assert (second.orders_written, second.orders_ignored) == (1, 229), second.summary()
    assert order_row(store, str(orders[5]["id"])).ship_to_line1 == "Neue Straße 9"


def test_orders_that_cannot_be_packed_arrive_held_with_the_reason(store, source, adapter, shop, catalogue):
    """GIVEN an order with an unknown SKU, one with a line without SKU, one whose product was
    deleted, one on hold in the shop, and a good one WHEN a round runs THEN the good one is open,
    the four are HELD with their reasons (never dropped, never blocking the good one), and the
    status counts them; WHEN the unknown SKU later appears in the catalogue THEN the next round
    releases that order with its line."""
    unknown = shop.add_order([("MUG-1", 1), ("LAMP-9", 1)])
    no_sku = shop.add_order([("MUG-1", 1), (None, 1)])
    shop.add_product("VASE-2", name="Vase")
    deleted = shop.add_order([("VASE-2", 1)])
    shop.delete_product("VASE-2")
    on_hold = shop.add_order([("MUG-1", 1)], status="on-hold")
    good = shop.add_order([("TEE-L", 3)])
    report = sync_source(store, source, adapter)
    assert order_row(store, str(good["id"])).status == "open"
    reasons = {number: reason for state, number, reason in report.reasons if state == "held"}
    assert "unknown SKU 'LAMP-9'" in reasons[str(unknown["id"])]
    assert "has no SKU" in reasons[str(no_sku["id"])]
    assert "deleted in the shop" in reasons[str(deleted["id"])]
    assert "on hold in WooCommerce" in reasons[str(on_hold["id"])]
    for order in (unknown, no_sku, deleted, on_hold):
        row = order_row(store, str(order["id"]))
        assert row.status == "held" and row.hold_reason, order["id"]
    assert report.orders_held == 4 and get_source(store, source).counters["orders_held"] == 4

    shop.add_product("LAMP-9", name="Desk lamp")
    later = sync_source(store, source, adapter)
    assert later.error == ""
    released = order_row(store, str(unknown["id"]))
    assert (released.status, released.hold_reason) == ("open", "")
    assert lines_of(store, str(unknown["id"])) == [("MUG-1", 1), ("LAMP-9", 1)]


def test_unpaid_and_completed_orders_are_skipped_and_counted(store, source, adapter, shop, catalogue):
    """GIVEN a pending (unpaid) order and one completed before the source was connected, seen by
    an incremental round WHEN it runs THEN neither is written and both are counted as skipped
    with the reason."""
    shop.add_order([("MUG-1", 1)])
    sync_source(store, source, adapter)  # a first backfill (what is to ship), then rounds by modified_after
    pending = shop.add_order([("MUG-1", 1)], status="pending")
    done = shop.add_order([("MUG-1", 1)], status="completed")
    report = sync_source(store, source, adapter)
    assert order_row(store, str(pending["id"])) is None and order_row(store, str(done["id"])) is None
    assert state_of(store, pending["id"]).reason.startswith("not paid yet")
    assert state_of(store, done["id"]).reason == "already completed in WooCommerce"
    assert report.orders_skipped == 2


def test_cancellation_address_and_line_edits_reach_the_store_in_one_round(store, source, adapter, shop, catalogue):
    """GIVEN three synced orders WHEN the shop cancels one, changes the address of the second and
    refunds one of the two mugs of the third THEN one round cancels the first, updates the second
    and leaves one mug on the third; a line refunded in full goes away."""
    cancel = shop.add_order([("MUG-1", 1)])
    move = shop.add_order([("MUG-1", 1)])
    refund = shop.add_order([("MUG-1", 2), ("TEE-M", 1)])
    sync_source(store, source, adapter)
    shop.change_order(cancel["id"], status="cancelled")
    shop.change_order(move["id"], shipping={"city": "München", "postcode": "80331"})
    shop.refund(refund["id"], 0, 1)
    shop.refund(refund["id"], 1, 1)
    report = sync_source(store, source, adapter)
    assert report.error == "", report.summary()
    assert order_row(store, str(cancel["id"])).status == "cancelled"
    assert (order_row(store, str(move["id"])).ship_to_city, order_row(store, str(move["id"])).ship_to_postcode) == (
        "München", "80331")
    assert lines_of(store, str(refund["id"])) == [("MUG-1", 1)]


def test_an_older_update_arriving_late_is_ignored(store, source, adapter, shop, catalogue):
    """GIVEN an order written at its newest version WHEN an older version of it arrives (a
    delayed page, a late webhook) THEN nothing changes and it is counted as ignored."""
    order = shop.add_order([("MUG-1", 1)])
    old = json.loads(json.dumps(order))
    shop.change_order(order["id"], shipping={"city": "Hamburg"})
    sync_source(store, source, adapter)
    stale = adapter.order_from_webhook(json.dumps(old).encode())
    from app.sources.connector import RoundReport, Target, write_orders

    report = RoundReport(source)
    write_orders(Target(store), source, [stale], report)
    assert report.orders_ignored == 1 and order_row(store, str(order["id"])).ship_to_city == "Hamburg"


def test_a_key_revoked_mid_sync_stops_the_round_with_a_clear_reason(store, source, adapter, shop, catalogue):
    """GIVEN 150 orders (two pages) and a key revoked after the first page WHEN a round runs THEN
    the first page is written, the round fails with a message that says the key was refused and
    what to do, the cursor does not move (the next round asks again), and status shows the error."""
    for _ in range(150):
        shop.add_order([("MUG-1", 1)])
    pages = adapter.changed_orders(None)
    first = next(pages)
    assert len(first) == 100
    shop.revoke()
    with pytest.raises(AuthRevoked, match="refused"):
        next(pages)
    report = sync_source(store, source, adapter)
    assert "revoked" in report.error and "sources add" in report.error
    record = get_source(store, source)
    assert record.orders_cursor is None and "refused" in record.last_error


def test_throttling_and_server_errors_are_retried_after_the_shops_wait(store, source, adapter, shop, catalogue,
                                                                       sleeps):
    """GIVEN the shop answers 429 with Retry-After: 7, then 500 twice WHEN a round runs THEN the
    adapter waits 7 s as asked, backs off on the 500s, and the round still writes the order."""
    order = shop.add_order([("MUG-1", 1)])
    shop.fail_next(429, path="/wp-json/wc/v3/orders", headers={"Retry-After": "7"})
    shop.fail_next(500, times=2, path="/wp-json/wc/v3/orders")
    report = sync_source(store, source, adapter)
    assert report.error == "" and order_row(store, str(order["id"])) is not None
    assert sleeps == [7.0, 2.0, 4.0]  # as asked, then doubling with each attempt of the same request


def test_throttled_for_good_and_malformed_json_are_reported_not_raised(store, source, shop, catalogue, sleeps):
    """GIVEN a shop that keeps answering 429 THEN the round fails with a Throttled message (no
    traceback); GIVEN a shop answering HTML instead of JSON THEN it fails as malformed."""
    woo = WooCommerceAdapter(get_source_config(store, source), sleep=sleeps, attempts=2)
    shop.fail_next(429, times=5, path="/wp-json/wc/v3/products", headers={"Retry-After": "1"})
    with pytest.raises(Throttled):
        list(woo.catalogue(None))
    report = sync_source(store, source, woo)
    assert "too many requests" in report.error
    shop.faults.clear()
    shop.fail_next(200, times=10, path="/wp-json/wc/v3/products", body=b"<html>Maintenance</html>")
    with pytest.raises(MalformedResponse, match="not JSON"):
        list(woo.catalogue(None))
    woo.close()


def get_source_config(store, name):
    from app.sources.registry import config_of

    return config_of(get_source(store, name))


def test_webhook_signature_and_duplicate_delivery(store, source, adapter, shop, catalogue):
    """GIVEN a webhook body signed with the webhook secret (base64 HMAC-SHA256) THEN it verifies,
    a tampered body or another secret does not; WHEN the same delivery is applied twice THEN the
    order is written once and the duplicate is ignored."""
    from app.sources.base import hmac_base64
    from app.sources.connector import RoundReport, Target, write_orders

    order = shop.add_order([("MUG-1", 1)])
    sync_source(store, source, adapter)  # the catalogue
    body = json.dumps(order).encode()
    signature = hmac_base64("whsec-1", body)
    assert adapter.verify_webhook({"X-WC-Webhook-Signature": signature}, body, "whsec-1")
    assert not adapter.verify_webhook({"X-WC-Webhook-Signature": signature}, body + b" ", "whsec-1")
    assert not adapter.verify_webhook({"X-WC-Webhook-Signature": signature}, body, "whsec-2")
    assert adapter.order_from_webhook(b'{"webhook_id": 12}') is None
    report = RoundReport(source)
    for _ in range(2):
        write_orders(Target(store), source, [adapter.order_from_webhook(body)], report)
    assert report.orders_ignored == 2  # the round had written it already: both deliveries are duplicates
