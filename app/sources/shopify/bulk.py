"""A bulk operation: the first backfill of thousands of orders in one export instead of pages.

    operation = run_query(api, queries.bulk_orders("status:open"), sleep=...)   # starts it, polls it
    for order in assemble(download(operation.url)): ...                       # Order nodes, children in place

Shopify runs the query on its side and writes every object as one JSONL line; a nested
connection's nodes are lines of their own that name their parent in `__parentId` (an order's
line items, its fulfillment orders, a fulfillment order's line items). `assemble` puts each child
back under its parent in the same `{"lineItems": {"nodes": [...]}}` shape a page has, so the
mapping reads both the same way. Starting it costs 10 points and each poll 1: the backfill is
bound by Shopify's export, not by the rate limit.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import httpx

from app.sources.base import Forbidden, MalformedResponse, ServerError, SourceError
from app.sources.shopify import queries
from app.sources.shopify.graphql import ShopifyGraphQL

log = logging.getLogger(__name__)

POLL_FIRST = 0.2  # seconds before the first poll
POLL_SHARE = 0.05  # then wait 5 % of the time the operation has run so far (never late by more than that)
POLL_MOST = 10.0
GIVE_UP = 6 * 3600.0  # an export still running after six hours is Shopify's problem: fail the round

# Which connection of its parent a child line belongs to, by the type in its id.
CHILD_CONNECTION = {
    "LineItem": "lineItems",
    "FulfillmentOrder": "fulfillmentOrders",
    "FulfillmentOrderLineItem": "lineItems",
    "ShippingLine": "shippingLines",
    "ProductVariant": "variants",
}


@dataclass
class BulkOperation:
    id: str
    status: str
    url: str | None = None
    error_code: str | None = None
    object_count: int = 0
    created_at: str = ""
    completed_at: str = ""


def _operation(node: object) -> BulkOperation | None:
    if not isinstance(node, dict) or not node.get("id"):
        return None
    count = str(node.get("objectCount") or "0")  # UnsignedInt64: a string in JSON
    return BulkOperation(str(node["id"]), str(node.get("status") or ""), node.get("url") or None,
                         node.get("errorCode") or None, int(count) if count.isdigit() else 0,
                         str(node.get("createdAt") or ""), str(node.get("completedAt") or ""))


def current(api: ShopifyGraphQL) -> BulkOperation | None:
    return _operation(api.execute(queries.BULK_CURRENT).get("currentBulkOperation"))


def start(api: ShopifyGraphQL, query: str) -> BulkOperation:
    """Start a bulk query; if one of ours is still running (a crashed round's), wait for it first."""
    for _ in range(2):
        data = api.execute(queries.BULK_RUN, {"query": query})
        payload = data.get("bulkOperationRunQuery") or {}
        errors = [e for e in payload.get("userErrors") or () if isinstance(e, dict)]
        operation = _operation(payload.get("bulkOperation"))
        if operation is not None and not errors:
            return operation
        said = "; ".join(str(e.get("message")) for e in errors) or "no operation was created"
        running = current(api)
        if running is not None and running.status in ("CREATED", "RUNNING"):
            log.info("%s: a bulk operation is already running (%s); waiting for it before starting ours",
                     api.source, said)
            wait(api, running)
            continue
        raise SourceError(f"{api.source}: Shopify refused the bulk export of orders: {said}")
    raise SourceError(f"{api.source}: Shopify kept another bulk operation running — try again later")


def wait(api: ShopifyGraphQL, operation: BulkOperation) -> BulkOperation:
    """Poll `currentBulkOperation` until the operation ends; raises unless it COMPLETED."""
    monotonic = api.bucket.monotonic
    began = monotonic()
    pause = POLL_FIRST
    while operation.status in ("CREATED", "RUNNING", "CANCELING"):
        api.sleep(pause)
        found = current(api)
        if found is None or found.id != operation.id:
            raise ServerError(f"{api.source}: Shopify lost track of the bulk export {operation.id}; "
                              "trying again next round")
        operation = found
        elapsed = monotonic() - began
        if elapsed > GIVE_UP:
            raise ServerError(f"{api.source}: Shopify's bulk export has run for {elapsed / 3600:.0f} hours; "
                              "trying again next round")
        pause = min(POLL_MOST, max(POLL_FIRST, elapsed * POLL_SHARE))
    if operation.status == "COMPLETED":
        return operation
    if operation.error_code == "ACCESS_DENIED":
        raise Forbidden(f"{api.source}: Shopify's bulk export was denied access — the token lacks an access "
                        "scope (docs/sources.md lists them)", status=403)
    raise ServerError(f"{api.source}: Shopify's bulk export ended {operation.status}"
                      + (f" ({operation.error_code})" if operation.error_code else "") + "; trying again next round")


def run_query(api: ShopifyGraphQL, query: str) -> BulkOperation:
    return wait(api, start(api, query))


def download(api: ShopifyGraphQL, url: str | None, *, transport: httpx.BaseTransport | None = None
             ) -> Iterator[str]:
    """The JSONL lines of a finished export (a signed storage URL: no token is sent to it)."""
    if not url:
        return  # Shopify gives no URL when the query found nothing
    try:
        with httpx.Client(timeout=httpx.Timeout(120.0, connect=10.0), transport=transport) as client, \
                client.stream("GET", url) as response:
            if not response.is_success:
                raise ServerError(f"{api.source}: downloading Shopify's bulk export failed with "
                                  f"{response.status_code}; trying again next round", status=response.status_code)
            yield from response.iter_lines()
    except httpx.HTTPError as exc:
        raise ServerError(f"{api.source}: downloading Shopify's bulk export failed ({type(exc).__name__}); "
                          "trying again next round") from None


def _type_of(gid: str) -> str:
    # gid://shopify/LineItem/123 -> LineItem
    parts = gid.split("/")
    return parts[3] if len(parts) > 4 and gid.startswith("gid://") else ""


def assemble(lines: Iterable[str], *, source: str = "Shopify") -> list[dict[str, Any]]:
    """The root objects of a bulk export with every child put back in its parent's connection."""
    by_id: dict[str, dict[str, Any]] = {}
    roots: list[dict[str, Any]] = []
    children: list[tuple[str, dict[str, Any]]] = []
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            node = json.loads(raw)
        except json.JSONDecodeError:
            raise MalformedResponse(f"{source}: line {number} of Shopify's bulk export is not JSON "
                                    f"({raw[:60]!r}); trying again next round") from None
        if not isinstance(node, dict):
            raise MalformedResponse(f"{source}: line {number} of Shopify's bulk export is not an object")
        if isinstance(node.get("id"), str):
            by_id[node["id"]] = node
        parent = node.pop("__parentId", None)
        if parent is None:
            roots.append(node)
        else:
            children.append((str(parent), node))
    for parent_id, child in children:  # a second pass: Shopify does not promise parents come first
        parent = by_id.get(parent_id)
        connection = CHILD_CONNECTION.get(_type_of(str(child.get("id", ""))))
        if parent is None or connection is None:
            raise MalformedResponse(f"{source}: Shopify's bulk export has a {_type_of(str(child.get('id', '')))!r} "
                                    f"whose parent {parent_id} is not in the file; trying again next round")
        parent.setdefault(connection, {"nodes": []}).setdefault("nodes", []).append(child)
    return roots
