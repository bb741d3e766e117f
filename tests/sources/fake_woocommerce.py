"""A WooCommerce shop on 127.0.0.1 that answers the REST API v3 as documented — test code.

    shop = FakeWooCommerce().start()
    shop.add_product("MUG-1", name="Mug", gtin="4006381333931", weight="0.35", dims=("10", "8", "9"))
    order = shop.add_order([("MUG-1", 2)])
    ... shop.url, shop.key_file(tmp_path) ...
    shop.stop()

Endpoints (under /wp-json/wc/v3): GET /orders (modified_after, dates_are_gmt, status, per_page,
page, orderby=date, order=asc; X-WP-Total and X-WP-TotalPages headers), GET/PUT /orders/{id},
GET/POST /orders/{id}/notes, GET /orders/{id}/refunds, GET /products, GET
/products/{id}/variations, GET /settings/products/{key}; and, when `tracking_extension` is on,
/wp-json/wc-shipment-tracking/v3/orders/{id}/shipment-trackings (GET, POST).
Authentication as WooCommerce does it over plain HTTP: consumer_key and consumer_secret in the
query string (401 woocommerce_rest_authentication_error otherwise).
Faults: `fail_next(status, times=1, path=..., headers=..., body=...)` answers the next matching
requests with an error (429 with Retry-After, 500, a body that is not JSON); `revoke()` makes
every later request a 401 (a key revoked mid-sync).
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from app.domain import clock

API = "/wp-json/wc/v3"
TRACKING = "/wp-json/wc-shipment-tracking/v3"
KEY = "ck_0123456789abcdef0123456789abcdef01234567"
SECRET = "cs_fedcba9876543210fedcba9876543210fedcba98"


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="seconds")


@dataclass
class Fault:
    status: int
    times: int
    path: str = ""
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | None = None


class FakeWooCommerce:
    def __init__(self, *, tracking_extension: bool = False, key: str = KEY, secret: str = SECRET) -> None:
        self.key, self.secret = key, secret
        self.tracking_extension = tracking_extension
        self.orders: dict[int, dict[str, Any]] = {}
        self.notes: dict[int, list[dict[str, Any]]] = {}
        self.trackings: dict[int, list[dict[str, Any]]] = {}
        self.refunds: dict[int, list[dict[str, Any]]] = {}
        self.products: dict[int, dict[str, Any]] = {}
        self.variations: dict[int, list[dict[str, Any]]] = {}
        self.settings = {"woocommerce_weight_unit": "kg", "woocommerce_dimension_unit": "cm"}
        self.requests: list[tuple[str, str, dict[str, list[str]]]] = []
        self.arrivals: list[tuple[float, str, str]] = []  # (time.monotonic() received, method, path)
        self.faults: list[Fault] = []
        self.revoked = False
        self.lock = threading.Lock()
        self._next_id = 1000
        self._moment = clock.now() - timedelta(days=2)
        self.server: ThreadingHTTPServer | None = None

    # -------------------------------------------------------------- the shop's data

    def tick(self) -> str:
        """The shop's clock: one second later at every change, so that modifications are ordered."""
        self._moment += timedelta(seconds=1)
        return _stamp(self._moment)

    def advance(self, **delta: float) -> None:
        """Time passes in the shop (e.g. advance(minutes=10)) with nothing changed."""
        self._moment += timedelta(**delta)

    def new_id(self) -> int:
        self._next_id += 1
        return self._next_id

    def add_product(self, sku: str, *, name: str = "", gtin: str = "", weight: str = "0.5",
                    dims: tuple[str, str, str] = ("20", "15", "10"), variations: Iterable[dict[str, Any]] = ()
                    ) -> dict[str, Any]:
        with self.lock:
            product_id = self.new_id()
            stamp = self.tick()
            variants = list(variations)
            product = {"id": product_id, "name": name or f"Product {sku}", "type": "variable" if variants else "simple",
                       "sku": sku, "global_unique_id": gtin, "weight": weight,
                       "dimensions": {"length": dims[0], "width": dims[1], "height": dims[2]},
                       "date_created_gmt": stamp, "date_modified_gmt": stamp, "status": "publish", "variations": []}
            self.products[product_id] = product
            found = []
            for variant in variants:
                variation = {"id": self.new_id(), "sku": variant["sku"], "global_unique_id": variant.get("gtin", ""),
                             "weight": variant.get("weight", ""),
                             "dimensions": {"length": "", "width": "", "height": ""},
                             "attributes": [{"name": "Size", "option": variant.get("option", "")}],
                             "date_modified_gmt": stamp}
                found.append(variation)
                product["variations"].append(variation["id"])
            self.variations[product_id] = found
            return product

    def product_id(self, sku: str) -> tuple[int, int]:
        for product in self.products.values():
            if product["sku"] == sku:
                return product["id"], 0
            for variation in self.variations.get(product["id"], []):
                if variation["sku"] == sku:
                    return product["id"], variation["id"]
        return 0, 0

    def add_order(self, lines: Iterable[tuple[str | None, int]], *, status: str = "processing",
                  shipping: dict[str, str] | None = None, number: str | None = None, note: str = "",
                  email: str = "kunde@example.de") -> dict[str, Any]:
        with self.lock:
            order_id = self.new_id()
            stamp = self.tick()
            address = {"first_name": "Anna", "last_name": "Schmidt", "company": "", "address_1": "Hauptstraße 5",
                       "address_2": "", "city": "Berlin", "state": "BE", "postcode": "10115", "country": "DE",
                       "phone": "+49 30 1234567", **(shipping or {})}
            items = []
            for sku, quantity in lines:
                # A SKU the fake has no product for stands for one the station's catalogue lacks
                # (a private or draft product in the shop): it still has a product id.
                product_id, variation_id = self.product_id(sku) if sku else (0, 0)
                if not product_id:
                    product_id = self.new_id()
                items.append({"id": self.new_id(), "name": f"Item {sku or 'without SKU'}", "product_id": product_id,
                              "variation_id": variation_id, "quantity": quantity, "sku": sku or "",
                              "price": 9.5, "total": f"{9.5 * quantity:.2f}", "meta_data": []})
            order = {"id": order_id, "parent_id": 0, "number": number or str(order_id), "status": status,
                     "currency": "EUR", "date_created_gmt": stamp, "date_modified_gmt": stamp,
                     "customer_note": note, "billing": {**address, "email": email},
                     "shipping": address, "line_items": items,
                     "shipping_lines": [{"id": self.new_id(), "method_title": "DHL Paket", "method_id": "flat_rate"}],
                     "refunds": [], "meta_data": []}
            self.orders[order_id] = order
            self.notes[order_id] = []
            return order

    def change_order(self, order_id: int, **changes: Any) -> dict[str, Any]:
        """An edit in the shop's admin: fields replaced, date_modified_gmt moves on."""
        with self.lock:
            order = self.orders[order_id]
            for key, value in changes.items():
                if key == "shipping":
                    order["shipping"] = {**order["shipping"], **value}
                else:
                    order[key] = value
            order["date_modified_gmt"] = self.tick()
            return order

    def refund(self, order_id: int, line_index: int, quantity: int) -> None:
        with self.lock:
            order = self.orders[order_id]
            item = order["line_items"][line_index]
            refund_id = self.new_id()
            self.refunds.setdefault(order_id, []).append({
                "id": refund_id, "reason": "damaged", "amount": "9.50",
                "line_items": [{"id": self.new_id(), "quantity": -quantity, "product_id": item["product_id"],
                                "meta_data": [{"id": 1, "key": "_refunded_item_id", "value": str(item["id"])}]}]})
            order["refunds"].append({"id": refund_id, "reason": "damaged", "total": "-9.50"})
            order["date_modified_gmt"] = self.tick()

    def delete_product(self, sku: str) -> None:
        """A product deleted in the shop: order lines keep their SKU text but product_id becomes 0."""
        with self.lock:
            product_id, _ = self.product_id(sku)
            self.products.pop(product_id, None)
            for order in self.orders.values():
                for item in order["line_items"]:
                    if item["product_id"] == product_id:
                        item["product_id"] = 0
                        item["variation_id"] = 0

    # -------------------------------------------------------------- faults

    def fail_next(self, status: int, *, times: int = 1, path: str = "", headers: dict[str, str] | None = None,
                  body: bytes | None = None) -> None:
        self.faults.append(Fault(status, times, path, headers or {}, body))

    def revoke(self) -> None:
        self.revoked = True

    # -------------------------------------------------------------- the server

    def start(self) -> FakeWooCommerce:
        shop = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                shop._serve(self, "GET")

            def do_POST(self) -> None:
                shop._serve(self, "POST")

            def do_PUT(self) -> None:
                shop._serve(self, "PUT")

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()

    @property
    def url(self) -> str:
        assert self.server is not None
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def key_file(self, folder: Path) -> Path:
        path = folder / "woo.keys"
        path.write_text(f"{self.key}\n{self.secret}\n", encoding="utf-8")
        return path

    def calls(self, method: str, prefix: str) -> list[tuple[str, str, dict[str, list[str]]]]:
        return [call for call in self.requests if call[0] == method and call[1].startswith(prefix)]

    def _serve(self, handler: BaseHTTPRequestHandler, method: str) -> None:
        parts = urlsplit(handler.path)
        query = parse_qs(parts.query)
        length = int(handler.headers.get("Content-Length") or 0)
        raw = handler.rfile.read(length) if length else b""
        with self.lock:
            self.requests.append((method, parts.path, query))
            self.arrivals.append((time.monotonic(), method, parts.path))
            status, headers, body = self._answer(method, parts.path, query, raw)
        handler.send_response(status)
        payload = body if isinstance(body, bytes) else json.dumps(body, ensure_ascii=False).encode()
        handler.send_header("Content-Type", "application/json; charset=UTF-8")
        handler.send_header("Content-Length", str(len(payload)))
        for key, value in headers.items():
            handler.send_header(key, value)
        handler.end_headers()
        handler.wfile.write(payload)

    def _answer(self, method: str, path: str, query: dict[str, list[str]], raw: bytes
                ) -> tuple[int, dict[str, str], Any]:
        for fault in self.faults:
            if fault.times > 0 and path.startswith(fault.path):
                fault.times -= 1
                return fault.status, fault.headers, fault.body if fault.body is not None else {
                    "code": "fault", "message": f"injected {fault.status}", "data": {"status": fault.status}}
        if self.revoked or query.get("consumer_key") != [self.key] or query.get("consumer_secret") != [self.secret]:
            return 401, {}, {"code": "woocommerce_rest_authentication_error",
                             "message": "Consumer key is invalid.", "data": {"status": 401}}
        data = json.loads(raw) if raw else {}
        if path.startswith(TRACKING):
            if not self.tracking_extension:
                return 404, {}, {"code": "rest_no_route", "message": "No route was found matching the URL and "
                                 "request method.", "data": {"status": 404}}
            order_id = int(path[len(TRACKING):].split("/")[2])
            if method == "POST":
                tracking = {"tracking_id": str(self.new_id()), **data}
                self.trackings.setdefault(order_id, []).append(tracking)
                return 201, {}, tracking
            return 200, {}, self.trackings.get(order_id, [])
        route = path[len(API):].strip("/").split("/")
        if route[0] == "orders" and len(route) == 1:
            return self._list(sorted(self.orders.values(), key=lambda o: (o["date_created_gmt"], o["id"])), query,
                              statuses=True)
        if route[0] == "orders":
            order_id = int(route[1])
            order = self.orders.get(order_id)
            if order is None:
                return 404, {}, {"code": "woocommerce_rest_shop_order_invalid_id", "message": "Invalid ID.",
                                 "data": {"status": 404}}
            if len(route) == 2 and method == "PUT":
                order.update({key: value for key, value in data.items() if key == "status"})
                order["date_modified_gmt"] = self.tick()
                return 200, {}, order
            if len(route) == 2:
                return 200, {}, order
            if route[2] == "notes" and method == "POST":
                note = {"id": self.new_id(), "author": "Packstation", "date_created_gmt": self.tick(),
                        "note": data["note"], "customer_note": bool(data.get("customer_note"))}
                self.notes[order_id].append(note)
                return 201, {}, note
            if route[2] == "notes":
                return 200, {}, self.notes[order_id]
            if route[2] == "refunds":
                return 200, {}, self.refunds.get(order_id, [])
        if route[0] == "products" and len(route) == 1:
            return self._list(sorted(self.products.values(), key=lambda p: p["id"]), query)
        if route[0] == "products" and len(route) == 3 and route[2] == "variations":
            return self._list(self.variations.get(int(route[1]), []), query)
        if route[:2] == ["settings", "products"] and len(route) == 3:
            return 200, {}, {"id": route[2], "value": self.settings.get(route[2], "")}
        return 404, {}, {"code": "rest_no_route", "message": "No route was found matching the URL and request method.",
                         "data": {"status": 404}}

    def _list(self, items: list[dict[str, Any]], query: dict[str, list[str]], *, statuses: bool = False
              ) -> tuple[int, dict[str, str], Any]:
        per_page = int(query.get("per_page", ["10"])[0])
        if per_page > 100:
            return 400, {}, {"code": "rest_invalid_param", "message": "Invalid parameter(s): per_page",
                             "data": {"status": 400}}
        page = int(query.get("page", ["1"])[0])
        after = query.get("modified_after", [""])[0]
        if after:
            items = [item for item in items if item.get("date_modified_gmt", "") > after]
        if statuses and query.get("status"):
            wanted = set(query["status"][0].split(","))
            items = [item for item in items if item["status"] in wanted]
        total_pages = max(1, -(-len(items) // per_page))
        headers = {"X-WP-Total": str(len(items)), "X-WP-TotalPages": str(total_pages)}
        return 200, headers, items[(page - 1) * per_page: page * per_page]
