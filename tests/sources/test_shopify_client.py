"""The Shopify GraphQL client against the fake shop: cost-based pacing, THROTTLED and 429 waited
out (never surfaced), 5xx retried, a revoked token and answers that are not JSON told plainly.

The shop and the adapter share a VirtualClock: a wait is recorded and the clock moves on, so the
tests see every second Shopify would have made the client wait without waiting them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest

from app.domain import clock
from app.sources.base import AuthRevoked, MalformedResponse, NotFound, ServerError, SourceConfig
from app.sources.shopify import API_VERSION, ShopifyAdapter
from app.sources.shopify.graphql import MARGIN, CostBucket, ThrottleStatus
from tests.sources.fake_shopify import FakeShopify, VirtualClock


@pytest.fixture
def virtual() -> VirtualClock:
    return VirtualClock()


@pytest.fixture
def shop(virtual: VirtualClock) -> Iterator[FakeShopify]:
    with FakeShopify(monotonic=virtual.monotonic) as fake:
        for number in range(5001, 5041):
            fake.add_order(number, [("MUG-1", 1), ("TEE-M", 2)])
        yield fake


@pytest.fixture
def adapter(shop: FakeShopify, virtual: VirtualClock) -> Iterator[ShopifyAdapter]:
    config = SourceConfig("shop-eu", "shopify", "shop-eu.myshopify.com", shop.url, shop.token)
    made = ShopifyAdapter(config, sleep=virtual.sleep, monotonic=virtual.monotonic)
    yield made
    made.close()


def changed(adapter: ShopifyAdapter) -> list[str]:
    since = clock.now() - timedelta(days=1)
    return [order.number for page in adapter.changed_orders(since) for order in page]


def test_the_bucket_waits_for_the_missing_points_at_the_restore_rate():
    """GIVEN a bucket of 1000 reported holding 100 points, restored at 100 points/s WHEN a query
    asking 898 points is due THEN the wait is the missing points over the restore rate; five
    seconds later it is five seconds less; a full bucket sends at once."""
    now = [0.0]
    bucket = CostBucket(lambda: now[0])
    assert bucket.wait_for(898) == 0.0  # nothing reported yet: send, and learn from the answer
    bucket.observe(ThrottleStatus(maximum=1000, available=100, restore_rate=100))
    assert bucket.wait_for(898) == pytest.approx((898 + MARGIN - 100) / 100)
    now[0] += 5
    assert bucket.wait_for(898) == pytest.approx((898 + MARGIN - 600) / 100)
    now[0] += 60
    assert bucket.available() == 1000 and bucket.wait_for(898) == 0.0


def test_a_drained_bucket_is_waited_for_once_and_then_paced_without_another_throttle(shop, adapter, virtual):
    """GIVEN another app of the shop has spent the whole bucket WHEN 40 changed orders are read
    (10 pages of 4, each asking 898 points) THEN the first query is THROTTLED once, the client
    waits the ~9 s the bucket needs and goes on; every later page waits for its points before
    asking, so Shopify never throttles it again, and every order arrives."""
    shop.drain(shop.maximum)
    numbers = changed(adapter)
    assert sorted(numbers) == [str(n) for n in range(5001, 5041)]
    assert shop.throttled == 1 and adapter.api.usage.throttled == 1
    assert virtual.slept[0] == pytest.approx((898 + MARGIN) / 100, abs=0.01)
    assert shop.requests == 11  # 10 pages + the one throttled try


def test_the_pace_is_what_the_restore_rate_allows(shop, adapter, virtual):
    """GIVEN a full standard bucket (1000 points, 100/s) WHEN 40 orders are read in 10 pages THEN
    the time spent waiting is the points used beyond what the bucket held, over the restore rate:
    (sum of the actual cost of pages 1..9 + the last page's requested cost - 1000) / 100, within a second."""
    changed(adapter)
    costs = adapter.api.usage
    assert costs.requests == 10 and shop.throttled == 0
    per_page = shop.actual_points / 10
    bound = (9 * per_page + 898 - 1000) / 100
    assert sum(virtual.slept) == pytest.approx(max(0.0, bound), abs=1.0)


def test_http_429_is_waited_out_as_retry_after_says(shop, adapter, virtual):
    """GIVEN Shopify answers 429 with Retry-After: 2 WHEN orders are read THEN the client waits 2 s
    and asks again; no error reaches the caller."""
    shop.fail_next(1, 429, retry_after=2)
    assert len(changed(adapter)) == 40
    assert 2.0 in virtual.slept


def test_server_errors_are_tried_again_with_back_off(shop, adapter, virtual):
    """GIVEN two 503s in a row WHEN orders are read THEN the client backs off 1 s then 2 s and
    succeeds."""
    shop.fail_next(2, 503)
    assert len(changed(adapter)) == 40
    assert virtual.slept[:2] == [1.0, 2.0]


def test_server_errors_that_do_not_stop_end_the_round_with_a_retryable_error(shop, adapter):
    """GIVEN Shopify fails every try WHEN orders are read THEN a ServerError names the source
    and says it will be tried again."""
    shop.fail_next(10, 502)
    with pytest.raises(ServerError, match="shop-eu: Shopify answered 502"):
        changed(adapter)


def test_a_token_revoked_mid_sync_names_the_source_and_what_to_do(shop, adapter):
    """GIVEN the merchant uninstalls the app after the first page WHEN the next page is asked
    THEN AuthRevoked says which source, that the token was refused and which commands fix it,
    and the token never appears in the message."""
    shop.revoke_token(after_requests=1)
    pages = adapter.changed_orders(clock.now() - timedelta(days=1))
    assert len(next(pages)) == 4
    with pytest.raises(AuthRevoked) as refused:
        next(pages)
    message = refused.value.message
    assert "shop-eu" in message and "401" in message and "sources remove shop-eu" in message
    assert shop.token not in message


def test_an_answer_that_is_not_json_is_tried_again(shop, adapter):
    """GIVEN a proxy answers once with an HTML page WHEN orders are read THEN the client asks
    again and gets them."""
    shop.malformed_next(1)
    assert len(changed(adapter)) == 40


def test_answers_that_stay_malformed_are_told_plainly(shop, adapter):
    """GIVEN every answer is an HTML page WHEN orders are read THEN MalformedResponse says Shopify
    answered something that is not JSON (a retryable error for the connector)."""
    shop.malformed_next(10)
    with pytest.raises(MalformedResponse, match="not JSON") as bad:
        changed(adapter)
    assert bad.value.retry


def test_the_pinned_api_version_is_the_path_asked(shop, adapter, virtual):
    """GIVEN a shop that answers only the pinned dated version (2025-10) WHEN the adapter asks THEN
    it gets its orders; an adapter built for another version gets NotFound naming the source."""
    assert API_VERSION == "2025-10"
    assert len(changed(adapter)) == 40
    other = ShopifyAdapter(SourceConfig("shop-eu", "shopify", "shop-eu.myshopify.com", shop.url, shop.token),
                           sleep=virtual.sleep, monotonic=virtual.monotonic, version="2023-01")
    with pytest.raises(NotFound, match="shop-eu: Shopify answered 404"):
        changed(other)
    other.close()


def test_an_api_url_given_with_trailing_slashes_asks_the_same_path(shop, virtual):
    """GIVEN --api-url typed with a trailing slash (or two) WHEN the adapter asks THEN it asks
    /admin/api/2025-10/graphql.json, never a path with a doubled slash, and gets the orders."""
    for url in (shop.url + "/", shop.url + "//"):
        made = ShopifyAdapter(SourceConfig("shop-eu", "shopify", "shop-eu.myshopify.com", url, shop.token),
                              sleep=virtual.sleep, monotonic=virtual.monotonic)
        try:
            assert len(changed(made)) == 40
        finally:
            made.close()
