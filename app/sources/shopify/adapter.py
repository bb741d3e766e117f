"""ShopifyAdapter: the app.sources.base.ShopAdapter of a Shopify shop (GraphQL Admin API 2025-10).

    adapter = ShopifyAdapter(config)          # config.secret: the Admin API access token
    for page in adapter.changed_orders(None): # first round: one bulk export of the open orders
    for page in adapter.changed_orders(since):# later rounds: orders(query: "updated_at:>='...'"), by pages
    adapter.write_shipment(shipment)          # fulfillmentCreate, never twice

Every call is paced by Shopify's query cost (app.sources.shopify.graphql); every failure is an
app.sources.base error whose message names the source and what to do.
"""

from __future__ import annotations

import json
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

import httpx

from app.sources.base import (
    PAGE_SIZE,
    Headers,
    MalformedResponse,
    Shipment,
    ShopOrder,
    ShopProduct,
    SourceConfig,
    signature_matches,
)
from app.sources.shopify import bulk, queries
from app.sources.shopify.fulfillment import write_shipment
from app.sources.shopify.graphql import API_VERSION, ShopifyGraphQL
from app.sources.shopify.mapping import nodes, order_from_node, order_gid, products_from_node, sort_by_update

BACKFILL_SEARCH = "status:open"  # the first round: every open order (not closed, not cancelled)
WEBHOOK_IDS_KEPT = 10_000


def search_since(since: datetime) -> str:
    """Shopify's search syntax for 'changed at or after `since`' (UTC, whole seconds)."""
    moment = since.astimezone(UTC).replace(microsecond=0)
    return f"updated_at:>='{moment.strftime('%Y-%m-%dT%H:%M:%SZ')}'"


class ShopifyAdapter:
    platform = "shopify"

    def __init__(self, config: SourceConfig, *, sleep: Callable[[float], None] = time.sleep,
                 monotonic: Callable[[], float] = time.monotonic, transport: httpx.BaseTransport | None = None,
                 version: str = API_VERSION, backfill: str = "bulk", **_ignored: Any) -> None:
        if backfill not in ("bulk", "pages"):
            raise ValueError("backfill must be 'bulk' or 'pages'")
        self.config = config
        self.source = config.name
        self.backfill = backfill
        self.transport = transport
        self.api = ShopifyGraphQL(config.name, config.api_url, config.secret, version=version, sleep=sleep,
                                  monotonic=monotonic, transport=transport)
        self.webhooks_seen: OrderedDict[str, None] = OrderedDict()
        self.last_bulk: bulk.BulkOperation | None = None

    def close(self) -> None:
        self.api.close()

    # ------------------------------------------------------------------ orders

    def changed_orders(self, since: datetime | None) -> Iterator[Sequence[ShopOrder]]:
        if since is None and self.backfill == "bulk":
            yield from self._backfill()
            return
        search = search_since(since) if since is not None else BACKFILL_SEARCH
        for page in self._order_pages(search):
            yield [order_from_node(node) for node in page]

    def _backfill(self) -> Iterator[list[ShopOrder]]:
        operation = bulk.run_query(self.api, queries.bulk_orders(BACKFILL_SEARCH))
        self.last_bulk = operation
        yield from self._backfill_from(operation)

    def _backfill_from(self, operation: bulk.BulkOperation) -> Iterator[list[ShopOrder]]:
        """A finished export's orders, in pages of ascending updated_at (the connector's cursor order)."""
        orders = sort_by_update([order_from_node(node) for node in
                                 bulk.assemble(bulk.download(self.api, operation.url, transport=self.transport),
                                               source=self.source)])
        for start in range(0, len(orders), PAGE_SIZE):
            yield orders[start:start + PAGE_SIZE]

    def _order_pages(self, search: str) -> Iterator[list[dict[str, Any]]]:
        after = None
        while True:
            data = self.api.execute(queries.ORDERS_PAGE, {"first": queries.ORDERS_PER_PAGE, "after": after,
                                                          "query": search})
            connection = _connection(data, "orders", self.source)
            page = nodes(connection)
            for node in page:
                self._complete_order(node)
            if page:
                yield page
            info = connection.get("pageInfo") or {}
            if not info.get("hasNextPage") or not info.get("endCursor"):
                return
            after = info["endCursor"]

    def _complete_order(self, node: dict[str, Any]) -> None:
        """Fetch what a page left out: lines beyond 25, fulfillment orders beyond 3 and their lines."""
        gid = str(node.get("id"))
        self._rest(node, "lineItems", queries.ORDER_LINES_MORE, gid, "order")
        self._rest(node, "fulfillmentOrders", queries.ORDER_FULFILLMENT_ORDERS_MORE, gid, "order")
        for fulfillment_order in nodes(node.get("fulfillmentOrders")):
            self._rest(fulfillment_order, "lineItems", queries.FULFILLMENT_ORDER_LINES_MORE,
                       str(fulfillment_order.get("id")), "fulfillmentOrder")

    def _rest(self, parent: dict[str, Any], field: str, query: str, gid: str, root: str) -> None:
        """Follow `parent[field]`'s pages from where they stopped and append their nodes."""
        connection = parent.get(field)
        if not isinstance(connection, dict):
            return
        info = connection.get("pageInfo") or {}
        collected = nodes(connection)
        while info.get("hasNextPage") and info.get("endCursor"):
            owner = self.api.execute(query, {"id": gid, "after": info["endCursor"]}).get(root)
            part = owner.get(field) if isinstance(owner, dict) else None
            if not isinstance(part, dict):
                raise MalformedResponse(f"{self.source}: Shopify's answer for the rest of {gid} has no {field}; "
                                        "trying again next round")
            collected += nodes(part)
            info = part.get("pageInfo") or {}
        parent[field] = {"nodes": collected}

    def order(self, platform_id: str) -> ShopOrder | None:
        """One order as Shopify has it now (None: not there any more)."""
        node = self.api.execute(queries.ORDER_ONE, {"id": order_gid(platform_id)}).get("order")
        if not isinstance(node, dict):
            return None
        self._complete_order(node)
        return order_from_node(node)

    # ------------------------------------------------------------------ catalogue

    def catalogue(self, since: datetime | None) -> Iterator[Sequence[ShopProduct]]:
        search = search_since(since) if since is not None else ""
        after = None
        while True:
            variables: dict[str, Any] = {"first": queries.PRODUCTS_PER_PAGE, "after": after}
            if search:
                variables["query"] = search
            data = self.api.execute(queries.PRODUCTS_PAGE, variables)
            connection = _connection(data, "products", self.source)
            found: list[ShopProduct] = []
            for product in nodes(connection):
                found += products_from_node(product, self._variants(product))
            if found:
                yield found
            info = connection.get("pageInfo") or {}
            if not info.get("hasNextPage") or not info.get("endCursor"):
                return
            after = info["endCursor"]

    def _variants(self, product: Mapping[str, Any]) -> list[dict[str, Any]]:
        variants = nodes(product.get("variants"))
        info = (product.get("variants") or {}).get("pageInfo") or {}
        after = info.get("endCursor")
        while info.get("hasNextPage") and after:
            data = self.api.execute(queries.PRODUCT_VARIANTS_MORE, {"id": product.get("id"), "after": after})
            part = (data.get("product") or {}).get("variants") or {}
            variants += nodes(part)
            info = part.get("pageInfo") or {}
            after = info.get("endCursor")
        return variants

    # ------------------------------------------------------------------ write-back

    def write_shipment(self, shipment: Shipment) -> str:
        return write_shipment(self.api, shipment)

    # ------------------------------------------------------------------ webhooks

    def verify_webhook(self, headers: Headers, body: bytes, secret: str) -> bool:
        """X-Shopify-Hmac-Sha256 = base64(HMAC-SHA256(secret, raw body)), compared in constant time."""
        return signature_matches(secret, body, _header(headers, "X-Shopify-Hmac-Sha256"))

    def is_duplicate(self, headers: Headers) -> bool:
        """Whether this delivery (X-Shopify-Webhook-Id) was seen already; Shopify retries and may repeat one.

        Seeing one twice is harmless anyway: `order_from_webhook` asks Shopify for the order as it is
        now, so a repeat writes the same thing and an old delivery never overwrites a newer state.
        """
        webhook_id = _header(headers, "X-Shopify-Webhook-Id")
        if not webhook_id:
            return False
        if webhook_id in self.webhooks_seen:
            return True
        self.webhooks_seen[webhook_id] = None
        while len(self.webhooks_seen) > WEBHOOK_IDS_KEPT:
            self.webhooks_seen.popitem(last=False)
        return False

    def order_from_webhook(self, body: bytes) -> ShopOrder | None:
        """The order an orders/* webhook names, read again from the API (the payload may be stale)."""
        try:
            payload = json.loads(body)
        except (json.JSONDecodeError, UnicodeDecodeError):
            raise MalformedResponse(f"{self.source}: a Shopify webhook's body is not JSON") from None
        if not isinstance(payload, dict):
            return None
        gid = str(payload.get("admin_graphql_api_id") or "")
        if gid and not gid.startswith("gid://shopify/Order/"):
            return None  # a product, a customer, an app/uninstalled...
        order_id = gid or (str(payload["id"]) if isinstance(payload.get("id"), int) and "line_items" in payload
                           else "")
        if not order_id:
            return None
        return self.order(order_id)


def _header(headers: Headers, name: str) -> str | None:
    for key, value in headers.items():
        if key.lower() == name.lower():
            return value
    return None


def _connection(data: Mapping[str, Any], field: str, source: str) -> dict[str, Any]:
    connection = data.get(field)
    if not isinstance(connection, dict):
        raise MalformedResponse(f"{source}: Shopify's answer has no {field}; trying again next round")
    return connection
