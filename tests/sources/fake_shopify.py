"""A fake Shopify shop for tests: a real HTTP server on 127.0.0.1 speaking the GraphQL Admin API.

    with FakeShopify() as shop:                          # token "shpat_test", standard-plan bucket
        shop.add_order(5001, [("SKU-1", 2)])
        adapter = ShopifyAdapter(SourceConfig("eu", "shopify", "eu.myshopify.com", shop.url, shop.token))

Test code, not product code. It answers the documents app.sources.shopify sends, as Shopify
documents them, without a schema: each document is parsed (graphql-core), its root field picked
by name (orders, order, products, product, currentBulkOperation, bulkOperationRunQuery,
fulfillmentCreate), and its selection projected over the shop's data, which is kept in GraphQL's
own shape (connections as lists). So the adapter only gets the fields it asks for.

Rate limit: Shopify's standard plan, a leaky bucket restored at 100 points/s (shopify.dev, "GraphQL
Admin API rate limits"); the bucket's size is not in that table: 1000 points here (the most a
single query may ask), overridable. A query's requested cost is computed from its selection by
Shopify's rules (object 1, connection 2 + first x node, scalar 0, mutation 10), must be in the
bucket or the answer is THROTTLED (data null, actualQueryCost null); afterwards the difference
between requested and actual (what was returned) is given back. Faults are switched on by
methods: a revoked token (401), 5xx, 429 with Retry-After, a body that is not JSON.

Bulk operations run "on Shopify's side" at `bulk_objects_per_second` (the export time is what
the shop reports between createdAt and completedAt) and the JSONL is served from /bulk/<id>.jsonl
with children as lines of their own carrying __parentId.
"""

from __future__ import annotations

import base64
import itertools
import json
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from graphql import FieldNode, OperationDefinitionNode, SelectionSetNode, parse, value_from_ast_untyped
from graphql.error import GraphQLError

VERSION = "2025-10"
STANDARD_RESTORE = 100.0  # points per second, Shopify's standard plan
STANDARD_BUCKET = 1000.0
MUTATION_COST = 10


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class Fault:
    status: int
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


class FakeShopify:
    def __init__(self, *, token: str = "shpat_test", restore_rate: float = STANDARD_RESTORE,
                 maximum: float = STANDARD_BUCKET, bulk_objects_per_second: float = 50_000.0,
                 now: Callable[[], datetime] | None = None, monotonic: Callable[[], float] = time.monotonic) -> None:
        self.monotonic = monotonic
        self.token = token
        self.restore_rate = restore_rate
        self.maximum = maximum
        self.available = maximum
        self.bucket_at = monotonic()
        self.bulk_rate = bulk_objects_per_second
        self._now = now or (lambda: datetime.now(UTC))
        self._last_stamp: datetime | None = None
        self.lock = threading.RLock()
        self.orders: dict[str, dict[str, Any]] = {}
        self.products: dict[str, dict[str, Any]] = {}
        self.ids = itertools.count(1001)
        self.faults: list[Fault] = []
        self.revoke_after: int | None = None
        # what happened, for the tests and the bench
        self.requests = 0
        self.throttled = 0
        self.requested_points = 0.0
        self.actual_points = 0.0
        self.operations: list[str] = []  # root field of each answered document
        self.log: list[tuple[str, float, float | None, float]] = []  # (root field, requested, actual, seconds)
        self.fulfillment_calls: list[dict[str, Any]] = []
        self.bulk: dict[str, Any] | None = None
        self.bulk_files: dict[str, bytes] = {}
        self.server: ThreadingHTTPServer | None = None

    # ------------------------------------------------------------------ server

    def __enter__(self) -> FakeShopify:
        self.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    def start(self) -> str:
        shop = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *_args: object) -> None:
                pass

            def do_POST(self) -> None:  # noqa: N802 (http.server's name)
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                status, answer, headers = shop.handle_post(self.path, dict(self.headers), body)
                self._send(status, answer, headers)

            def do_GET(self) -> None:  # noqa: N802
                status, answer, headers = shop.handle_get(self.path)
                self._send(status, answer, headers)

            def _send(self, status: int, answer: bytes, headers: dict[str, str]) -> None:
                self.send_response(status)
                self.send_header("Content-Type", headers.pop("Content-Type", "application/json"))
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self.url

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
            self.server = None

    @property
    def url(self) -> str:
        assert self.server is not None, "start() the shop first"
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    # ------------------------------------------------------------------ faults

    def fail_next(self, count: int = 1, status: int = 503, *, retry_after: float | None = None) -> None:
        headers = {"Retry-After": f"{retry_after:g}"} if retry_after is not None else {}
        with self.lock:
            self.faults += [Fault(status, json.dumps({"errors": "Service unavailable"}).encode(), dict(headers))
                            for _ in range(count)]

    def malformed_next(self, count: int = 1) -> None:
        with self.lock:
            self.faults += [Fault(200, b"<html><body>Bad gateway</body></html>", {"Content-Type": "text/html"})
                            for _ in range(count)]

    def revoke_token(self, *, after_requests: int = 0) -> None:
        """The merchant uninstalls the app (or rotates the token): 401 from the next `after_requests`+1-th on."""
        with self.lock:
            self.revoke_after = self.requests + after_requests

    def drain(self, points: float) -> None:
        """Another app of the shop spends points: the bucket holds `points` fewer now."""
        with self.lock:
            self._refill()
            self.available = max(0.0, self.available - points)

    # ------------------------------------------------------------------ data

    def stamp(self) -> datetime:
        """The shop's clock, strictly increasing by whole seconds' worth of updates (Shopify keeps seconds)."""
        moment = self._now().replace(microsecond=0)
        if self._last_stamp is not None and moment <= self._last_stamp:
            moment = self._last_stamp + timedelta(seconds=1)
        self._last_stamp = moment
        return moment

    def _gid(self, kind: str) -> str:
        return f"gid://shopify/{kind}/{next(self.ids)}"

    def add_product(self, title: str, variants: Iterable[dict[str, Any]]) -> dict[str, Any]:
        """variants: {"sku", "barcode", "title", "weight": (value, unit)}; returns the product."""
        with self.lock:
            gid = self._gid("Product")
            product = {"id": gid, "legacyResourceId": gid.rsplit("/", 1)[1], "title": title, "status": "ACTIVE",
                       "updatedAt": _iso(self.stamp()), "variants": []}
            for spec in variants:
                vid = self._gid("ProductVariant")
                value, unit = spec.get("weight", (0, "GRAMS"))
                product["variants"].append({
                    "id": vid, "legacyResourceId": vid.rsplit("/", 1)[1], "sku": spec.get("sku", ""),
                    "barcode": spec.get("barcode"), "title": spec.get("title", "Default Title"),
                    "selectedOptions": [{"name": "Title", "value": spec.get("title", "Default Title")}],
                    "inventoryItem": {"measurement": {"weight": {"unit": unit, "value": value}}},
                    "product": {"id": gid},
                })
            self.products[gid] = product
            return product

    def variant_by_sku(self, sku: str) -> dict[str, Any] | None:
        for product in self.products.values():
            for variant in product["variants"]:
                if variant["sku"] == sku:
                    return variant
        return None

    def add_order(self, number: int, lines: Iterable[tuple[str | None, int] | dict[str, Any]], *,
                  address: dict[str, Any] | None = None, **fields: Any) -> dict[str, Any]:
        """An open, paid, unfulfilled order #`number`; a line is (sku, quantity) or a dict with
        sku/quantity/title/variant ("deleted": None, default the catalogue's or a made-up one)/requiresShipping."""
        with self.lock:
            gid = self._gid("Order")
            stamp = _iso(self.stamp())
            order: dict[str, Any] = {
                "id": gid, "legacyResourceId": gid.rsplit("/", 1)[1], "name": f"#{number}",
                "createdAt": stamp, "updatedAt": stamp, "cancelledAt": None, "cancelReason": None,
                "closed": False, "test": False, "displayFinancialStatus": "PAID",
                "displayFulfillmentStatus": "UNFULFILLED", "email": "kim@example.com", "phone": None,
                "note": None, "tags": [], "customAttributes": [],
                "shippingAddress": address or {
                    "name": "Kim Lee", "firstName": "Kim", "lastName": "Lee", "company": None,
                    "address1": "1 Main St", "address2": None, "city": "Springfield", "province": "Illinois",
                    "provinceCode": "IL", "zip": "62701", "country": "United States", "countryCodeV2": "US",
                    "phone": "+1 217 555 0100"},
                "shippingLines": [{"id": self._gid("ShippingLine"), "title": "UPS Ground", "code": "ups_ground",
                                   "carrierIdentifier": "ups", "source": "shopify"}],
                "lineItems": [], "fulfillmentOrders": [], "fulfillments": [],
            }
            order.update(fields)
            fulfillment_order = {"id": self._gid("FulfillmentOrder"), "status": "OPEN", "fulfillAt": None,
                                 "fulfillmentHolds": [], "requestStatus": "UNSUBMITTED",
                                 "assignedLocation": {"location": {"id": "gid://shopify/Location/1"}},
                                 "lineItems": []}
            for spec in lines:
                if not isinstance(spec, dict):
                    spec = {"sku": spec[0], "quantity": spec[1]}
                sku = spec.get("sku")
                if "variant" in spec:
                    variant = spec["variant"]
                else:
                    known = self.variant_by_sku(sku) if sku else None
                    variant = ({"id": known["id"], "sku": known["sku"], "barcode": known["barcode"]} if known
                               else {"id": self._gid("ProductVariant"), "sku": sku, "barcode": None})
                quantity = spec["quantity"]
                item = {"id": self._gid("LineItem"), "name": spec.get("title", f"Item {sku}"),
                        "title": spec.get("title", f"Item {sku}"), "sku": sku, "quantity": quantity,
                        "currentQuantity": quantity, "unfulfilledQuantity": quantity,
                        "requiresShipping": spec.get("requiresShipping", True), "variant": variant}
                order["lineItems"].append(item)
                if item["requiresShipping"]:
                    fulfillment_order["lineItems"].append({
                        "id": self._gid("FulfillmentOrderLineItem"), "remainingQuantity": quantity,
                        "totalQuantity": quantity, "lineItem": {"id": item["id"], "sku": sku}})
            if fulfillment_order["lineItems"]:
                order["fulfillmentOrders"].append(fulfillment_order)
            self.orders[gid] = order
            return order

    def order_by_number(self, number: int | str) -> dict[str, Any]:
        name = f"#{str(number).lstrip('#')}"
        for order in self.orders.values():
            if order["name"] == name:
                return order
        raise KeyError(name)

    def touch(self, order: dict[str, Any]) -> None:
        order["updatedAt"] = _iso(self.stamp())

    def cancel(self, number: int | str) -> None:
        with self.lock:
            order = self.order_by_number(number)
            order["cancelledAt"] = _iso(self.stamp())
            order["cancelReason"] = "CUSTOMER"
            order["closed"] = True
            for fulfillment_order in order["fulfillmentOrders"]:
                if fulfillment_order["status"] in ("OPEN", "ON_HOLD", "SCHEDULED"):
                    fulfillment_order["status"] = "CANCELLED"
            self.touch(order)

    def refund(self, number: int | str, sku: str, quantity: int) -> None:
        """A refund that removes `quantity` of a line (restocked): less left to ship."""
        with self.lock:
            order = self.order_by_number(number)
            item = next(i for i in order["lineItems"] if i["sku"] == sku)
            item["currentQuantity"] -= quantity
            item["unfulfilledQuantity"] = max(0, item["unfulfilledQuantity"] - quantity)
            for fulfillment_order in order["fulfillmentOrders"]:
                for line in fulfillment_order["lineItems"]:
                    if line["lineItem"]["id"] == item["id"]:
                        taken = min(quantity, line["remainingQuantity"])
                        line["remainingQuantity"] -= taken
                        line["totalQuantity"] -= taken
                        quantity -= taken
            left = sum(i["currentQuantity"] for i in order["lineItems"])
            order["displayFinancialStatus"] = "REFUNDED" if left == 0 else "PARTIALLY_REFUNDED"
            self.touch(order)

    def hold(self, number: int | str, reason: str = "INCORRECT_ADDRESS", notes: str = "") -> None:
        with self.lock:
            order = self.order_by_number(number)
            for fulfillment_order in order["fulfillmentOrders"]:
                if fulfillment_order["status"] == "OPEN":
                    fulfillment_order["status"] = "ON_HOLD"
                    fulfillment_order["fulfillmentHolds"] = [{"reason": reason, "reasonNotes": notes or None}]
            self.touch(order)

    def release(self, number: int | str) -> None:
        with self.lock:
            order = self.order_by_number(number)
            for fulfillment_order in order["fulfillmentOrders"]:
                if fulfillment_order["status"] == "ON_HOLD":
                    fulfillment_order["status"] = "OPEN"
                    fulfillment_order["fulfillmentHolds"] = []
            self.touch(order)

    def edit(self, number: int | str, **fields: Any) -> None:
        """Change header fields (an address edit: edit(5001, shippingAddress={...}))."""
        with self.lock:
            order = self.order_by_number(number)
            order.update(fields)
            self.touch(order)

    # ------------------------------------------------------------------ HTTP

    def handle_get(self, path: str) -> tuple[int, bytes, dict[str, str]]:
        name = path.rsplit("/", 1)[-1]
        with self.lock:
            data = self.bulk_files.get(name)
        if data is None:
            return 404, b'{"errors":"Not Found"}', {}
        return 200, data, {"Content-Type": "application/jsonl"}

    def handle_post(self, path: str, headers: dict[str, str], body: bytes) -> tuple[int, bytes, dict[str, str]]:
        with self.lock:
            if path.split("?")[0] != f"/admin/api/{VERSION}/graphql.json":
                return 404, b'{"errors":"Not Found"}', {}
            self.requests += 1
            token = {k.lower(): v for k, v in headers.items()}.get("x-shopify-access-token")
            if token != self.token or (self.revoke_after is not None and self.requests > self.revoke_after):
                return 401, json.dumps({"errors": "[API] Invalid API key or access token (unrecognized login or "
                                                  "wrong password)"}).encode(), {}
            if self.faults:
                fault = self.faults.pop(0)
                return fault.status, fault.body, dict(fault.headers)
            try:
                request = json.loads(body)
                document = parse(request["query"])
            except (json.JSONDecodeError, KeyError, GraphQLError) as exc:
                return 400, json.dumps({"errors": f"bad request: {exc}"}).encode(), {}
            answer = self.execute(document, request.get("variables") or {})
            return 200, json.dumps(answer).encode(), {}

    # ------------------------------------------------------------------ GraphQL

    def _refill(self) -> None:
        now = self.monotonic()
        self.available = min(self.maximum, self.available + (now - self.bucket_at) * self.restore_rate)
        self.bucket_at = now

    def _cost_block(self, requested: float, actual: float | None) -> dict[str, Any]:
        return {"requestedQueryCost": requested, "actualQueryCost": actual,
                "throttleStatus": {"maximumAvailable": self.maximum, "currentlyAvailable": round(self.available, 3),
                                   "restoreRate": self.restore_rate}}

    def execute(self, document: Any, variables: dict[str, Any]) -> dict[str, Any]:
        began = time.perf_counter()
        answer = self._execute(document, variables)
        cost = answer.get("extensions", {}).get("cost", {})
        self.log.append((self.operations[-1] if "data" in answer else "THROTTLED", cost.get("requestedQueryCost", 0.0),
                         cost.get("actualQueryCost"), time.perf_counter() - began))
        return answer

    def _execute(self, document: Any, variables: dict[str, Any]) -> dict[str, Any]:
        operation = next(d for d in document.definitions if isinstance(d, OperationDefinitionNode))
        root = next(s for s in operation.selection_set.selections if isinstance(s, FieldNode))
        mutation = operation.operation.value == "mutation"
        requested = MUTATION_COST if mutation else requested_cost(operation.selection_set, variables)
        self._refill()
        if requested > self.maximum:
            return {"errors": [{"message": f"Query cost is {requested}, which exceeds the single query max cost "
                                           f"limit ({self.maximum:.0f}).",
                                "extensions": {"code": "MAX_COST_EXCEEDED"}}],
                    "extensions": {"cost": self._cost_block(requested, None)}}
        if self.available < requested:
            self.throttled += 1
            return {"errors": [{"message": "Throttled", "extensions": {
                        "code": "THROTTLED", "documentation": "https://shopify.dev/api/usage/rate-limits"}}],
                    "extensions": {"cost": self._cost_block(requested, None)}}
        self.available -= requested
        self.operations.append(root.name.value)
        args = _args(root, variables)
        handler = getattr(self, f"_root_{root.name.value}", None)
        if handler is None:
            self.available += requested
            return {"errors": [{"message": f"Field '{root.name.value}' doesn't exist on type "
                                           f"'{'Mutation' if mutation else 'QueryRoot'}'",
                                "extensions": {"code": "undefinedField"}}]}
        value = handler(args)
        data = {(root.alias or root.name).value: project(value, root, variables)}
        actual = MUTATION_COST if mutation else actual_cost(root.selection_set, data[(root.alias or root.name).value],
                                                            variables, root)
        self.available = min(self.maximum, self.available + requested - actual)
        self.requested_points += requested
        self.actual_points += actual
        return {"data": data, "extensions": {"cost": self._cost_block(requested, actual)}}

    # root fields -------------------------------------------------------

    def _search(self, items: Iterable[dict[str, Any]], query: str | None) -> list[dict[str, Any]]:
        found = list(items)
        for term in (query or "").replace(" AND ", " ").split():
            key, _, value = term.partition(":")
            value = value.strip("'\"")
            if key == "updated_at" and value.startswith(">="):
                since = value[2:].strip("'\"")
                found = [i for i in found if i["updatedAt"] >= since]
            elif key == "status" and value == "open":
                found = [i for i in found if not i.get("closed") and not i.get("cancelledAt")]
        return found

    def _root_orders(self, args: dict[str, Any]) -> list[dict[str, Any]]:
        found = self._search(self.orders.values(), args.get("query"))
        return sorted(found, key=lambda o: (o["updatedAt"], o["id"]))

    def _root_order(self, args: dict[str, Any]) -> dict[str, Any] | None:
        return self.orders.get(args.get("id", ""))

    def _root_fulfillmentOrder(self, args: dict[str, Any]) -> dict[str, Any] | None:  # noqa: N802
        for order in self.orders.values():
            for fulfillment_order in order["fulfillmentOrders"]:
                if fulfillment_order["id"] == args.get("id"):
                    return fulfillment_order
        return None

    def _root_products(self, args: dict[str, Any]) -> list[dict[str, Any]]:
        found = self._search(self.products.values(), args.get("query"))
        return sorted(found, key=lambda p: (p["updatedAt"], p["id"]))

    def _root_product(self, args: dict[str, Any]) -> dict[str, Any] | None:
        return self.products.get(args.get("id", ""))

    def _root_currentBulkOperation(self, args: dict[str, Any]) -> dict[str, Any] | None:  # noqa: N802
        if self.bulk is not None and self.bulk["status"] == "RUNNING" and self.monotonic() >= self.bulk["_done_at"]:
            self.bulk["status"] = "COMPLETED"
            self.bulk["completedAt"] = _iso(self._now())
        return self.bulk

    def _root_bulkOperationRunQuery(self, args: dict[str, Any]) -> dict[str, Any]:  # noqa: N802
        current = self._root_currentBulkOperation({})
        if current is not None and current["status"] in ("CREATED", "RUNNING"):
            return {"bulkOperation": None, "userErrors": [
                {"field": None, "message": f"A bulk query operation for this app and shop is already in progress: "
                                           f"{current['id']}."}]}
        try:
            document = parse(args["query"])
        except GraphQLError as exc:
            return {"bulkOperation": None,
                    "userErrors": [{"field": ["query"], "message": f"Invalid bulk query: {exc}"}]}
        lines = bulk_lines(self, document)
        gid = self._gid("BulkOperation")
        name = f"{gid.rsplit('/', 1)[1]}.jsonl"
        self.bulk_files[name] = "".join(json.dumps(line) + "\n" for line in lines).encode()
        self.bulk = {"id": gid, "status": "RUNNING", "errorCode": None, "createdAt": _iso(self._now()),
                     "completedAt": None, "objectCount": str(len(lines)),
                     "rootObjectCount": str(sum(1 for line in lines if "__parentId" not in line)),
                     "url": f"{self.url}/bulk/{name}", "type": "QUERY",
                     "_seconds": len(lines) / self.bulk_rate,
                     "_done_at": self.monotonic() + len(lines) / self.bulk_rate}
        return {"bulkOperation": self.bulk, "userErrors": []}

    def _root_fulfillmentCreate(self, args: dict[str, Any]) -> dict[str, Any]:  # noqa: N802
        spec = args["fulfillment"]
        self.fulfillment_calls.append(spec)
        wanted = spec.get("lineItemsByFulfillmentOrder") or []
        order = None
        for part in wanted:
            for candidate in self.orders.values():
                if any(fo["id"] == part["fulfillmentOrderId"] for fo in candidate["fulfillmentOrders"]):
                    if order is not None and order is not candidate:
                        return _user_error("fulfillment orders must belong to the same order")
                    order = candidate
        if order is None:
            return _user_error("Fulfillment order does not exist.")
        changes = []
        for part in wanted:
            fulfillment_order = next(fo for fo in order["fulfillmentOrders"] if fo["id"] == part["fulfillmentOrderId"])
            if fulfillment_order["status"] not in ("OPEN", "IN_PROGRESS"):
                return _user_error(f"Fulfillment order {fulfillment_order['id']} has an unfulfillable status= "
                                   f"{fulfillment_order['status'].lower()}.")
            everything = [{"id": line["id"], "quantity": line["remainingQuantity"]}
                          for line in fulfillment_order["lineItems"]]
            for request in part.get("fulfillmentOrderLineItems") or everything:
                line = next((li for li in fulfillment_order["lineItems"] if li["id"] == request["id"]), None)
                if line is None or request["quantity"] > line["remainingQuantity"] or request["quantity"] <= 0:
                    return _user_error("Invalid fulfillment order line item quantity requested.")
                changes.append((fulfillment_order, line, request["quantity"]))
        for _fulfillment_order, line, quantity in changes:
            line["remainingQuantity"] -= quantity
            item = next(i for i in order["lineItems"] if i["id"] == line["lineItem"]["id"])
            item["unfulfilledQuantity"] -= quantity
        for fulfillment_order in order["fulfillmentOrders"]:
            if fulfillment_order["status"] in ("OPEN", "IN_PROGRESS") and not any(
                    li["remainingQuantity"] for li in fulfillment_order["lineItems"]):
                fulfillment_order["status"] = "CLOSED"
        tracking = spec.get("trackingInfo") or {}
        fulfillment = {
            "id": self._gid("Fulfillment"), "status": "SUCCESS", "notifyCustomer": bool(spec.get("notifyCustomer")),
            "trackingInfo": [{"number": tracking.get("number"), "company": tracking.get("company"),
                              "url": tracking.get("url")}] if tracking else [],
            "fulfillmentLineItems": [{"quantity": q, "lineItem": {"id": line["lineItem"]["id"],
                                                                  "sku": line["lineItem"]["sku"]}}
                                     for _fo, line, q in changes]}
        order["fulfillments"].append(fulfillment)
        left = any(li["remainingQuantity"] for fo in order["fulfillmentOrders"] for li in fo["lineItems"])
        order["displayFulfillmentStatus"] = "PARTIALLY_FULFILLED" if left else "FULFILLED"
        self.touch(order)
        return {"fulfillment": fulfillment, "userErrors": []}

    # helpers for tests ------------------------------------------------

    def fulfillments(self, number: int | str) -> list[dict[str, Any]]:
        return self.order_by_number(number)["fulfillments"]


class VirtualClock:
    """One clock for the shop's bucket and the adapter: `sleep` moves it on at once, so a test of
    throttling waits for nothing and still sees every second Shopify would have made it wait."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.slept: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def _user_error(message: str) -> dict[str, Any]:
    return {"fulfillment": None, "userErrors": [{"field": ["fulfillment"], "message": message}]}


# ------------------------------------------------------------------ projection and cost


def _args(node: FieldNode, variables: dict[str, Any]) -> dict[str, Any]:
    return {arg.name.value: value_from_ast_untyped(arg.value, variables) for arg in node.arguments or ()}


def _fields(selection_set: SelectionSetNode | None) -> list[FieldNode]:
    return [s for s in (selection_set.selections if selection_set else ()) if isinstance(s, FieldNode)]


def _is_connection(node: FieldNode) -> bool:
    return any(f.name.value in ("nodes", "edges") for f in _fields(node.selection_set))


def _node_selection(node: FieldNode) -> SelectionSetNode | None:
    for child in _fields(node.selection_set):
        if child.name.value == "nodes":
            return child.selection_set
        if child.name.value == "edges":
            for grand in _fields(child.selection_set):
                if grand.name.value == "node":
                    return grand.selection_set
    return None


def requested_cost(selection_set: SelectionSetNode | None, variables: dict[str, Any]) -> float:
    total = 0.0
    for node in _fields(selection_set):
        if node.selection_set is None or node.name.value == "pageInfo":
            continue
        first = _args(node, variables).get("first")
        if _is_connection(node):
            total += 2 + (first or 0) * (1 + requested_cost(_node_selection(node), variables))
        elif first is not None:  # a plain list with a size (fulfillments, trackingInfo)
            total += first * (1 + requested_cost(node.selection_set, variables))
        else:
            total += 1 + requested_cost(node.selection_set, variables)
    return total


def actual_cost(selection_set: SelectionSetNode | None, value: Any, variables: dict[str, Any],
                node: FieldNode | None = None) -> float:
    """What a projected answer cost: like requested_cost, counting the objects returned."""
    if node is not None:
        if value is None:
            return 0.0
        if _is_connection(node):
            items = value.get("nodes") if "nodes" in value else [e["node"] for e in value.get("edges", [])]
            return 2 + sum(1 + actual_cost(_node_selection(node), item, variables) for item in items)
        if isinstance(value, list):
            return sum(1 + actual_cost(node.selection_set, item, variables) for item in value)
        return 1 + actual_cost(node.selection_set, value, variables)
    total = 0.0
    for child in _fields(selection_set):
        if child.selection_set is None or child.name.value == "pageInfo" or not isinstance(value, dict):
            continue
        total += actual_cost(None, value.get((child.alias or child.name).value), variables, child)
    return total


def _cursor(position: int) -> str:
    return base64.b64encode(json.dumps({"last": position}).encode()).decode()


def _position(cursor: str | None) -> int:
    if not cursor:
        return -1
    return int(json.loads(base64.b64decode(cursor))["last"])


def project(value: Any, node: FieldNode, variables: dict[str, Any]) -> Any:
    """The answer to one field: only the selected fields, connections paginated by first/after."""
    if node.selection_set is None or value is None:
        return value
    args = _args(node, variables)
    if _is_connection(node):
        items = list(value)
        start = _position(args.get("after")) + 1
        first = args.get("first") or len(items)
        page = items[start:start + first]
        selection = _node_selection(node)
        projected = [_object(item, selection, variables) for item in page]
        answer: dict[str, Any] = {}
        for child in _fields(node.selection_set):
            key = (child.alias or child.name).value
            if child.name.value == "nodes":
                answer[key] = projected
            elif child.name.value == "edges":
                answer[key] = [{"node": p, "cursor": _cursor(start + i)} for i, p in enumerate(projected)]
            elif child.name.value == "pageInfo":
                info = {"hasNextPage": start + len(page) < len(items),
                        "endCursor": _cursor(start + len(page) - 1) if page else None,
                        "hasPreviousPage": start > 0, "startCursor": _cursor(start) if page else None}
                answer[key] = {f.name.value: info.get(f.name.value) for f in _fields(child.selection_set)}
        return answer
    if isinstance(value, list):
        first = args.get("first")
        return [_object(item, node.selection_set, variables) for item in (value[:first] if first else value)]
    return _object(value, node.selection_set, variables)


def _object(value: dict[str, Any], selection: SelectionSetNode | None, variables: dict[str, Any]) -> dict[str, Any]:
    answer = {}
    for child in _fields(selection):
        name = child.name.value
        found = value.get(name) if name != "__typename" else value["id"].split("/")[3]
        answer[(child.alias or child.name).value] = project(found, child, variables)
    return answer


def bulk_lines(shop: FakeShopify, document: Any) -> list[dict[str, Any]]:
    """A bulk query's JSONL objects: connection nodes as lines of their own with __parentId."""
    operation = next(d for d in document.definitions if isinstance(d, OperationDefinitionNode))
    root = _fields(operation.selection_set)[0]
    items = getattr(shop, f"_root_{root.name.value}")(_args(root, {}))
    lines: list[dict[str, Any]] = []

    def emit(item: dict[str, Any], selection: SelectionSetNode | None, parent: str | None) -> None:
        line: dict[str, Any] = {}
        children = []
        for child in _fields(selection):
            key = (child.alias or child.name).value
            if child.selection_set is not None and _is_connection(child):
                children.append((item.get(child.name.value) or [], _node_selection(child)))
            else:
                line[key] = project(item.get(child.name.value), child, {})
        if parent is not None:
            line["__parentId"] = parent
        lines.append(line)
        for values, node_selection in children:
            for value in values:
                emit(value, node_selection, item["id"])

    for item in items:
        emit(item, _node_selection(root), None)
    return lines
