"""Write-back to Shopify (one fulfillment per parcel, never two) and webhooks (HMAC, duplicates),
against the fake shop."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from app.sources.base import Shipment, ShipmentLine, SourceConfig, SourceError, hmac_base64
from app.sources.shopify import ShopifyAdapter
from tests.sources.fake_shopify import FakeShopify, VirtualClock


@pytest.fixture
def virtual() -> VirtualClock:
    return VirtualClock()


@pytest.fixture
def shop(virtual: VirtualClock) -> Iterator[FakeShopify]:
    with FakeShopify(monotonic=virtual.monotonic) as fake:
        yield fake


@pytest.fixture
def adapter(shop: FakeShopify, virtual: VirtualClock) -> Iterator[ShopifyAdapter]:
    config = SourceConfig("shop-eu", "shopify", "shop-eu.myshopify.com", shop.url, shop.token)
    made = ShopifyAdapter(config, sleep=virtual.sleep, monotonic=virtual.monotonic)
    yield made
    made.close()


def parcel(order: dict, tracking: str, *lines: tuple[str, int], box: int = 1, notify: bool = True) -> Shipment:
    return Shipment(key=f"parcel-{tracking}", order_number=order["name"].lstrip("#"),
                    platform_id=order["legacyResourceId"], tracking_number=tracking, carrier="UPS",
                    tracking_url=f"https://www.ups.com/track?tracknum={tracking}",
                    lines=tuple(ShipmentLine(sku, quantity) for sku, quantity in lines), box=box,
                    notify_customer=notify)


def remaining(order: dict) -> dict[str, int]:
    return {line["lineItem"]["sku"]: line["remainingQuantity"]
            for fulfillment_order in order["fulfillmentOrders"] for line in fulfillment_order["lineItems"]}


def test_a_parcel_becomes_one_fulfillment_with_its_tracking(shop, adapter):
    """GIVEN order #5001 (2 mugs, 1 T-shirt) packed in one parcel WHEN its shipment is written
    back THEN Shopify has one fulfillment with the tracking number, company and URL, the
    customer notified, and nothing left to fulfil."""
    order = shop.add_order(5001, [("MUG-1", 2), ("TEE-M", 1)])
    reference = adapter.write_shipment(parcel(order, "1Z999AA10123456784", ("MUG-1", 2), ("TEE-M", 1)))
    [fulfillment] = shop.fulfillments(5001)
    assert reference == fulfillment["id"]
    assert fulfillment["trackingInfo"] == [{"number": "1Z999AA10123456784", "company": "UPS",
                                           "url": "https://www.ups.com/track?tracknum=1Z999AA10123456784"}]
    assert fulfillment["notifyCustomer"] is True
    assert remaining(order) == {"MUG-1": 0, "TEE-M": 0} and order["displayFulfillmentStatus"] == "FULFILLED"


def test_a_retry_after_a_crash_never_makes_a_second_fulfillment(shop, adapter):
    """GIVEN a parcel already written back (the connector crashed before recording it) WHEN the
    same shipment is written again THEN the existing fulfillment's id comes back and Shopify
    still has exactly one fulfillment; fulfillmentCreate was called once."""
    order = shop.add_order(5002, [("MUG-1", 1)])
    shipment = parcel(order, "1Z999AA10123456785", ("MUG-1", 1))
    first = adapter.write_shipment(shipment)
    again = adapter.write_shipment(shipment)
    assert first == again and len(shop.fulfillments(5002)) == 1 and len(shop.fulfillment_calls) == 1


def test_a_parcel_without_tracking_is_found_again_by_its_lines(shop, adapter):
    """GIVEN a spool-only station's parcel with no tracking number (#5007: 1 of 2 mugs) WHEN it is
    written back twice THEN one fulfillment exists, without tracking info, and the other mug is
    still open; a second parcel of the same order (the other mug) is a fulfillment of its own."""
    order = shop.add_order(5007, [("MUG-1", 2)])
    bare = Shipment(key="p1", order_number="5007", platform_id=order["legacyResourceId"], tracking_number="",
                    carrier="", lines=(ShipmentLine("MUG-1", 1),))
    first = adapter.write_shipment(bare)
    assert adapter.write_shipment(bare) == first and remaining(order) == {"MUG-1": 1}
    assert shop.fulfillment_calls[0].get("trackingInfo") is None
    adapter.write_shipment(parcel(order, "TRACK-9", ("MUG-1", 1), box=2))
    assert len(shop.fulfillments(5007)) == 2 and remaining(order) == {"MUG-1": 0}


def test_two_parcels_are_two_partial_fulfillments_and_short_shipments_leave_the_rest_open(shop, adapter):
    """GIVEN #5003 with 3 mugs and 2 T-shirts, shipped as parcel 1 (2 mugs, without notifying
    the customer) and parcel 2 (1 mug, 1 T-shirt: one T-shirt short) WHEN both are written back
    THEN Shopify has two fulfillments of exactly those quantities with their own tracking, and one
    T-shirt is still to fulfil."""
    order = shop.add_order(5003, [("MUG-1", 3), ("TEE-M", 2)])
    adapter.write_shipment(parcel(order, "TRACK-1", ("MUG-1", 2), notify=False))
    assert remaining(order) == {"MUG-1": 1, "TEE-M": 2} and order["displayFulfillmentStatus"] == "PARTIALLY_FULFILLED"
    adapter.write_shipment(parcel(order, "TRACK-2", ("MUG-1", 1), ("TEE-M", 1), box=2))
    first, second = shop.fulfillments(5003)
    assert [line["quantity"] for line in first["fulfillmentLineItems"]] == [2] and first["notifyCustomer"] is False
    assert sorted((line["lineItem"]["sku"], line["quantity"]) for line in second["fulfillmentLineItems"]) == [
        ("MUG-1", 1), ("TEE-M", 1)]
    assert remaining(order) == {"MUG-1": 0, "TEE-M": 1}


def test_an_order_on_hold_or_cancelled_in_shopify_is_not_fulfilled(shop, adapter):
    """GIVEN #5004 put on hold and #5005 cancelled in Shopify after their labels were made WHEN
    their parcels are written back THEN nothing is created and the error says why (on hold; or
    cancelled: void the label)."""
    held = shop.add_order(5004, [("MUG-1", 1)])
    cancelled = shop.add_order(5005, [("MUG-1", 1)])
    shop.hold(5004, "HIGH_RISK_OF_FRAUD")
    shop.cancel(5005)
    with pytest.raises(SourceError, match="on hold in Shopify"):
        adapter.write_shipment(parcel(held, "TRACK-3", ("MUG-1", 1)))
    with pytest.raises(SourceError, match="cancelled in Shopify .* void the label"):
        adapter.write_shipment(parcel(cancelled, "TRACK-4", ("MUG-1", 1)))
    assert shop.fulfillment_calls == []


def test_a_webhook_is_verified_by_its_hmac_and_reread_from_the_api(shop, adapter):
    """GIVEN an orders/updated delivery signed with the app's secret WHEN verified THEN it passes,
    and fails with a changed body, another secret or no header; the order it names is read again
    from Shopify (the payload may be stale: the API's state wins); a repeated X-Shopify-Webhook-Id
    is a duplicate."""
    order = shop.add_order(5006, [("MUG-1", 1)])
    body = json.dumps({"id": int(order["legacyResourceId"]), "admin_graphql_api_id": order["id"],
                       "name": "#5006", "cancelled_at": None, "line_items": []}).encode()
    headers = {"X-Shopify-Hmac-Sha256": hmac_base64("whsec", body), "X-Shopify-Topic": "orders/updated",
               "X-Shopify-Webhook-Id": "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043"}
    assert adapter.verify_webhook(headers, body, "whsec")
    assert not adapter.verify_webhook(headers, body.replace(b"5006", b"5007"), "whsec")
    assert not adapter.verify_webhook(headers, body, "another")
    assert not adapter.verify_webhook({}, body, "whsec")
    shop.cancel(5006)  # after the delivery was sent: the payload still says not cancelled
    found = adapter.order_from_webhook(body)
    assert found is not None and found.number == "5006" and found.row.cancelled
    assert not adapter.is_duplicate(headers) and adapter.is_duplicate(headers)
    product = json.dumps({"admin_graphql_api_id": "gid://shopify/Product/1", "id": 1}).encode()
    assert adapter.order_from_webhook(product) is None
