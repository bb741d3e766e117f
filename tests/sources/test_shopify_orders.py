"""Shopify orders and products as the adapter reads them from the fake shop: real data (emoji,
right-to-left, 255-character lines), bad data (no SKU, a deleted product, refunds, holds,
cancellations, unpaid), large orders, and the bulk export that gives the same orders as pages."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from datetime import timedelta

import pytest

from app.domain import clock
from app.sources.base import MalformedResponse, ShopOrder, SourceConfig
from app.sources.shopify import ShopifyAdapter
from app.sources.shopify.bulk import assemble
from tests.sources.fake_shopify import FakeShopify, VirtualClock

LONG_LINE = ("Gebäude C, Aufgang 3, Hinterhof links, " * 8)[:255]


@pytest.fixture
def virtual() -> VirtualClock:
    return VirtualClock()


@pytest.fixture
def shop(virtual: VirtualClock) -> Iterator[FakeShopify]:
    with FakeShopify(monotonic=virtual.monotonic) as fake:
        fake.add_product("Stoneware mug", [{"sku": "MUG-1", "barcode": "4006381333931", "weight": (0.35, "KILOGRAMS")}])
        fake.add_product("T-shirt", [
            {"sku": "TEE-M", "barcode": "0012345678905", "title": "M", "weight": (7, "OUNCES")},
            {"sku": "TEE-L", "title": "L"}])
        yield fake


@pytest.fixture
def adapter(shop: FakeShopify, virtual: VirtualClock) -> Iterator[ShopifyAdapter]:
    config = SourceConfig("shop-eu", "shopify", "shop-eu.myshopify.com", shop.url, shop.token)
    made = ShopifyAdapter(config, sleep=virtual.sleep, monotonic=virtual.monotonic)
    yield made
    made.close()


def by_number(adapter: ShopifyAdapter, *, bulk: bool = False) -> dict[str, ShopOrder]:
    since = None if bulk else clock.now() - timedelta(days=1)
    return {order.number: order for page in adapter.changed_orders(since) for order in page}


def lines(order: ShopOrder) -> list[tuple[str, int]]:
    assert order.row is not None
    return [(line.sku, line.quantity) for line in order.row.lines]


def test_an_order_arrives_with_every_address_field_and_its_lines(shop, adapter):
    """GIVEN order #5001 to an emoji and Arabic name, a right-to-left street, a 255-character
    second line, a note, a gift message in the note attributes and two tags WHEN it is read
    THEN its number, Shopify id, every ship-to field, carrier and service level, note, gift
    message and tags are the station's, character for character, with its two lines."""
    order = shop.add_order(5001, [("MUG-1", 2), ("TEE-M", 1)], address={
        "name": "Zoë 🌸 سارة", "firstName": "Zoë 🌸", "lastName": "سارة", "company": "شركة النخيل",
        "address1": "شارع الملك فهد 12", "address2": LONG_LINE, "city": "الرياض", "province": "Riyadh",
        "provinceCode": "01", "zip": "12271", "country": "Saudi Arabia", "countryCodeV2": "SA",
        "phone": "+966 11 555 0100"}, note="Bitte klingeln 🔔",
        customAttributes=[{"key": "gift-message", "value": "Alles Gute, Oma! 🎂"}, {"key": "source", "value": "app"}],
        tags=["vip", "fragile"])
    found = by_number(adapter)["5001"]
    assert found.platform_id == order["legacyResourceId"] and not found.held and found.skip is None
    values = found.row.values
    assert (values["ship_to_name"], values["ship_to_company"], values["ship_to_line1"], values["ship_to_line2"]) == (
        "Zoë 🌸 سارة", "شركة النخيل", "شارع الملك فهد 12", LONG_LINE)
    assert (values["ship_to_city"], values["ship_to_region"], values["ship_to_postcode"], values["ship_to_country"],
            values["ship_to_phone"], values["ship_to_email"]) == (
        "الرياض", "01", "12271", "SA", "+966 11 555 0100", "kim@example.com")
    assert (values["carrier"], values["service_level"], values["channel"]) == ("UPS", "UPS Ground", "Shopify")
    assert values["notes"] == "Bitte klingeln 🔔" and values["gift_message"] == "Alles Gute, Oma! 🎂"
    assert values["packing_instructions"] == "Tags: vip, fragile"
    assert lines(found) == [("MUG-1", 2), ("TEE-M", 1)]


def test_a_custom_item_and_a_deleted_product_hold_the_order_with_the_reasons(shop, adapter):
    """GIVEN #5002 with a custom line (no SKU, no variant) and #5003 with a line whose product
    was deleted (variant null, the SKU still on the line) WHEN read THEN both arrive held, the
    reasons naming the line, and their other lines kept."""
    shop.add_order(5002, [("MUG-1", 1), {"sku": None, "quantity": 1, "title": "Engraving", "variant": None}])
    shop.add_order(5003, [("TEE-M", 1), {"sku": "OLD-9", "quantity": 2, "title": "Discontinued vase", "variant": None}])
    found = by_number(adapter)
    assert found["5002"].held == ["line 2 'Engraving' has no SKU"] and lines(found["5002"]) == [("MUG-1", 1)]
    assert found["5003"].held == ["line 2 'Discontinued vase': the product was deleted in the shop"]
    assert lines(found["5003"]) == [("TEE-M", 1)]


def test_refunds_leave_only_what_is_still_to_ship(shop, adapter):
    """GIVEN #5004 with one of two mugs refunded, #5005 with its T-shirt line refunded whole and
    #5006 refunded entirely WHEN read THEN #5004 ships one mug, #5005 only the mug, and #5006
    arrives cancelled."""
    shop.add_order(5004, [("MUG-1", 2), ("TEE-M", 1)])
    shop.add_order(5005, [("MUG-1", 1), ("TEE-M", 3)])
    shop.add_order(5006, [("MUG-1", 1)])
    shop.refund(5004, "MUG-1", 1)
    shop.refund(5005, "TEE-M", 3)
    shop.refund(5006, "MUG-1", 1)
    found = by_number(adapter)
    assert lines(found["5004"]) == [("MUG-1", 1), ("TEE-M", 1)]
    assert lines(found["5005"]) == [("MUG-1", 1)]
    assert found["5006"].row.cancelled and found["5006"].shop_status == "unfulfilled"


def test_a_hold_in_shopify_a_cancellation_and_an_unpaid_order(shop, adapter):
    """GIVEN #5007 put on hold in Shopify (incorrect address, with a note), #5008 cancelled and
    #5009 awaiting payment WHEN read THEN #5007 is held with Shopify's reason, #5008 is
    cancelled, #5009 is skipped as awaiting payment."""
    shop.add_order(5007, [("MUG-1", 1)])
    shop.add_order(5008, [("MUG-1", 1)])
    shop.add_order(5009, [("MUG-1", 1)], displayFinancialStatus="PENDING")
    shop.hold(5007, "INCORRECT_ADDRESS", "Flat number missing")
    shop.cancel(5008)
    found = by_number(adapter)
    assert found["5007"].held == ["on hold in Shopify: incorrect address (Flat number missing)"]
    assert found["5008"].row.cancelled and found["5008"].shop_status == "cancelled"
    assert found["5009"].skip == "awaiting payment in Shopify (pending)"


def test_gift_cards_and_fulfilled_orders_are_not_for_the_bench(shop, adapter):
    """GIVEN #5010 with a mug and a gift card (requires no shipping) and #5011 whose only line is
    a gift card WHEN read THEN #5010 ships the mug alone and #5011 is skipped: nothing to ship."""
    shop.add_order(5010, [("MUG-1", 1), {"sku": "GIFT-25", "quantity": 1, "requiresShipping": False}])
    shop.add_order(5011, [{"sku": "GIFT-50", "quantity": 1, "requiresShipping": False}])
    found = by_number(adapter)
    assert lines(found["5010"]) == [("MUG-1", 1)]
    assert found["5011"].skip and "nothing left to ship" in found["5011"].skip


def test_an_order_with_more_lines_than_a_page_carries_arrives_whole(shop, adapter):
    """GIVEN #5012 with 60 lines (a page asks for 25 lines per order) WHEN read THEN the adapter
    fetches the rest of its lines and fulfillment order lines, and all 60 arrive."""
    shop.add_order(5012, [(f"BULK-{i:02d}", i % 3 + 1) for i in range(60)])
    found = by_number(adapter)["5012"]
    assert lines(found) == [(f"BULK-{i:02d}", i % 3 + 1) for i in range(60)]
    assert shop.operations == ["orders", "order", "fulfillmentOrder"]  # the page, then the rest of each list


def test_the_bulk_export_gives_the_same_orders_as_pages(shop, adapter):
    """GIVEN open orders of every kind (plain, held, refunded, a custom item, 60 lines) and a
    cancelled one WHEN the first backfill runs as a bulk operation THEN it finds the same open
    orders, field for field and line for line, as reading them page by page, sorted by update;
    the cancelled order is not in the export (only open orders are)."""
    shop.add_order(5001, [("MUG-1", 2), ("TEE-M", 1)], note="🔔")
    shop.add_order(5002, [("MUG-1", 1), {"sku": None, "quantity": 1, "title": "Engraving", "variant": None}])
    shop.add_order(5004, [("MUG-1", 2), ("TEE-M", 1)])
    shop.add_order(5007, [("MUG-1", 1)])
    shop.add_order(5008, [("MUG-1", 1)])
    shop.add_order(5012, [(f"BULK-{i:02d}", 1) for i in range(60)])
    shop.refund(5004, "MUG-1", 1)
    shop.hold(5007, "HIGH_RISK_OF_FRAUD")
    shop.cancel(5008)
    bulk = by_number(adapter, bulk=True)
    assert "bulkOperationRunQuery" in shop.operations
    pages = by_number(adapter)
    assert set(bulk) == {"5001", "5002", "5004", "5007", "5012"}
    for number, order in bulk.items():
        assert (order.row.values, lines(order), order.held, order.updated_at) == (
            pages[number].row.values, lines(pages[number]), pages[number].held, pages[number].updated_at)
    updates = [order.updated_at for page in adapter.changed_orders(None) for order in page]
    assert updates == sorted(updates)


def test_bulk_children_are_put_back_under_their_parents_in_any_order():
    """GIVEN a bulk export whose lines come shuffled (a child before its parent) WHEN assembled
    THEN each line item is under its order, each fulfillment order line under its fulfillment
    order; a line that is not JSON is MalformedResponse naming the line number."""
    rows = [
        {"id": "gid://shopify/Order/1", "name": "#1"},
        {"id": "gid://shopify/LineItem/11", "sku": "A", "__parentId": "gid://shopify/Order/1"},
        {"id": "gid://shopify/LineItem/12", "sku": "B", "__parentId": "gid://shopify/Order/1"},
        {"id": "gid://shopify/FulfillmentOrder/21", "status": "OPEN", "__parentId": "gid://shopify/Order/1"},
        {"id": "gid://shopify/FulfillmentOrderLineItem/31", "remainingQuantity": 2,
         "__parentId": "gid://shopify/FulfillmentOrder/21"},
        {"id": "gid://shopify/Order/2", "name": "#2"},
    ]
    shuffled = rows[:]
    random.Random(7).shuffle(shuffled)
    roots = {root["name"]: root for root in assemble(json.dumps(row) for row in shuffled)}
    assert set(roots) == {"#1", "#2"}
    assert sorted(item["sku"] for item in roots["#1"]["lineItems"]["nodes"]) == ["A", "B"]
    fulfillment_order = roots["#1"]["fulfillmentOrders"]["nodes"][0]
    assert fulfillment_order["lineItems"]["nodes"][0]["remainingQuantity"] == 2
    with pytest.raises(MalformedResponse, match="line 2 of Shopify's bulk export is not JSON"):
        assemble([json.dumps(rows[0]), '{"id": "gid://shopify/LineItem/1", "sku": '])


def test_variants_come_with_sku_barcode_and_weight_in_grams(shop, adapter):
    """GIVEN a mug (0.35 kg, an EAN-13) and a T-shirt in M (7 oz, a UPC) and L (no barcode, no
    weight) WHEN the catalogue is read THEN three products come with their SKUs, the barcodes as
    scannable GTIN-14s, weights in grams, names with the option."""
    found = {product.row.sku: product.row for page in adapter.catalogue(None) for product in page}
    assert set(found) == {"MUG-1", "TEE-M", "TEE-L"}
    assert found["MUG-1"].values["weight_g"] == 350 and found["TEE-M"].values["weight_g"] == 198
    assert "weight_g" not in found["TEE-L"].values
    assert [b.code for b in found["MUG-1"].barcodes] == ["04006381333931"]
    assert [b.code for b in found["TEE-M"].barcodes] == ["00012345678905"]
    assert found["TEE-M"].values["name"] == "T-shirt — M"
