"""WooCommerce through its REST API v3 (`/wp-json/wc/v3`).

Orders: `GET /orders?modified_after=...&dates_are_gmt=true&per_page=100&page=N&orderby=date&order=asc`,
pages counted by the `X-WP-TotalPages` header (the core API cannot sort by modification date, so
the connector moves its cursor only after the round's last page). Products: `GET /products` and,
for a variable product, `GET /products/{id}/variations`: SKU, `global_unique_id` (the GTIN/UPC/EAN
field of WooCommerce 9.2+) as the barcode, weight and dimensions in the shop's units
(`/settings/products`), converted to grams and millimetres.

Write-back of a parcel: the tracking as an order note (`POST /orders/{id}/notes`, a customer note
when the customer is to be told), the Shipment Tracking extension's
`POST /wp-json/wc-shipment-tracking/v3/orders/{id}/shipment-trackings` when the shop has it, and
status `processing` -> `completed` once the order's last parcel is labelled. Idempotent: the notes
(and trackings) the order already has are read first; a tracking number found there is not
written again.

Authentication: HTTP basic with the consumer key and secret over HTTPS; WooCommerce refuses basic
auth over plain HTTP, so only a test shop on http://127.0.0.1 gets the key in the query string.
Webhooks carry `X-WC-Webhook-Signature`: base64 HMAC-SHA256 of the body with the webhook's secret.
"""

from __future__ import annotations

import json
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import urlsplit

from app.domain import clock
from app.sources.base import (
    PAGE_SIZE,
    DraftLine,
    Headers,
    MalformedResponse,
    NotFound,
    Shipment,
    ShopOrder,
    ShopProduct,
    SourceConfig,
    SourceError,
    build_order,
    build_shop_product,
    parse_time,
    signature_matches,
)
from app.sources.http import ShopHttp

API = "/wp-json/wc/v3"
TRACKING_API = "/wp-json/wc-shipment-tracking/v3"
DELIVERIES_KEPT = 10_000
# Statuses: what the warehouse does with an order in each (WooCommerce's own list).
TO_PACK = ("processing",)
HELD = ("on-hold",)
CANCELLED = ("cancelled", "refunded", "failed", "trash")
NOT_YET = ("pending", "checkout-draft", "draft", "auto-draft")
DONE = ("completed",)
GRAMS = {"g": Decimal(1), "kg": Decimal(1000), "lbs": Decimal("453.59237"), "oz": Decimal("28.349523125")}
MILLIMETRES = {"mm": Decimal(1), "cm": Decimal(10), "m": Decimal(1000), "in": Decimal("25.4"), "yd": Decimal("914.4")}


def api_base(url: str) -> str:
    return url.rstrip("/")


def parse_key_file(text: str) -> tuple[str, str]:
    """A key file: the consumer key on its first line, the consumer secret on its second."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) < 2:
        raise ValueError("the key file needs the consumer key on its first line and the consumer secret on its "
                         "second (WooCommerce → Settings → Advanced → REST API → Add key)")
    key, secret = lines[0], lines[1]
    if not key.startswith("ck_") or not secret.startswith("cs_"):
        raise ValueError("the key file's first line must be the consumer key (ck_...) and its second the consumer "
                         "secret (cs_...)")
    return key, secret


class WooCommerceAdapter:
    platform = "woocommerce"

    def __init__(self, config: SourceConfig, *, sleep: Callable[[float], None] = time.sleep,
                 attempts: int = 5, backoff: float = 1.0, transport: Any = None) -> None:
        self.config = config
        key, secret = parse_key_file(config.secret)
        base = api_base(config.api_url or config.shop)
        parts = urlsplit(base)
        local_http = parts.scheme == "http" and parts.hostname in ("127.0.0.1", "localhost", "::1")
        if parts.scheme != "https" and not local_http:
            raise SourceError(f"{config.name}: the shop URL must start with https:// (WooCommerce sends keys only "
                              f"over HTTPS), not {base!r}")
        auth: Any = None if local_http else (key, secret)
        params = {"consumer_key": key, "consumer_secret": secret} if local_http else None
        self.http = ShopHttp(config.name, base, auth=auth, params=params, sleep=sleep, attempts=attempts,
                             backoff=backoff, transport=transport, what="WooCommerce",
                             headers={"User-Agent": "Packstation"})
        self._units: tuple[str, str] | None = None
        self._tracking_extension: bool | None = None
        self._deliveries: OrderedDict[str, None] = OrderedDict()  # webhook delivery ids seen, oldest first

    def close(self) -> None:
        self.http.close()

    # -------------------------------------------------------------- reading

    def _pages(self, path: str, params: Mapping[str, Any]) -> Iterator[list[Any]]:
        page, total = 1, 1
        while page <= total:
            body, response = self.http.json("GET", API + path, params={**params, "per_page": PAGE_SIZE, "page": page})
            if not isinstance(body, list):
                raise MalformedResponse(f"{self.config.name}: WooCommerce answered GET {path} with "
                                        f"{type(body).__name__}, not a list — is {self.http.client.base_url} a "
                                        "WooCommerce shop?")
            try:
                total = int(response.headers.get("X-WP-TotalPages", "1") or 1)
            except ValueError:
                total = page + 1 if len(body) == PAGE_SIZE else page
            yield body
            page += 1

    def changed_orders(self, since: datetime | None) -> Iterator[Sequence[ShopOrder]]:
        params: dict[str, Any] = {"orderby": "date", "order": "asc", "dates_are_gmt": "true"}
        if since is not None:
            params["modified_after"] = _gmt(since)
        else:
            params["status"] = "processing,on-hold"  # a first backfill: what is still to ship
        for page in self._pages("/orders", params):
            yield [self._order(raw) for raw in page]

    def _order(self, raw: Any) -> ShopOrder:
        if not isinstance(raw, dict) or "id" not in raw:
            raise MalformedResponse(f"{self.config.name}: an order without an id in WooCommerce's answer")
        platform_id = str(raw["id"])
        updated = parse_time(raw.get("date_modified_gmt")) or parse_time(raw.get("date_created_gmt")) or clock.now()
        status = str(raw.get("status") or "")
        ship = raw.get("shipping") or {}
        bill = raw.get("billing") or {}
        name = " ".join(part for part in (ship.get("first_name"), ship.get("last_name")) if part)
        header = {
            "channel": f"woocommerce:{self.config.name}"[:64],
            "ship_to_name": name or " ".join(p for p in (bill.get("first_name"), bill.get("last_name")) if p),
            "ship_to_company": ship.get("company") or "",
            "ship_to_line1": ship.get("address_1") or "",
            "ship_to_line2": ship.get("address_2") or "",
            "ship_to_city": ship.get("city") or "",
            "ship_to_region": ship.get("state") or "",
            "ship_to_postcode": ship.get("postcode") or "",
            "ship_to_country": ship.get("country") or "",
            "ship_to_phone": ship.get("phone") or bill.get("phone") or "",
            "ship_to_email": bill.get("email") or "",
            "notes": raw.get("customer_note") or "",
            "service_level": ", ".join(str(line.get("method_title") or "")
                                       for line in raw.get("shipping_lines") or [])[:64],
        }
        refunded = self._refunded(platform_id, raw) if raw.get("refunds") else {}
        lines = []
        for item in raw.get("line_items") or []:
            quantity = item.get("quantity")
            if isinstance(quantity, int):
                quantity -= refunded.get(str(item.get("id")), 0)
                if quantity <= 0:
                    continue  # refunded in full: nothing to pack
            lines.append(DraftLine(item.get("sku"), quantity, title=str(item.get("name") or ""),
                                   deleted=not item.get("product_id") and not item.get("variation_id"),
                                   platform_line_id=str(item.get("id") or "")))
        held = [f"on hold in WooCommerce (status {status})"] if status in HELD else []
        order = build_order(platform_id, raw.get("number") or platform_id, updated, header, lines,
                            cancelled=status in CANCELLED, shop_status=status, held=held)
        if status in NOT_YET:
            order.skip = f"not paid yet (status {status})"
        elif status in DONE:
            order.skip = "already completed in WooCommerce"
        elif status not in (*TO_PACK, *HELD, *CANCELLED):
            order.skip = f"status {status!r} is not one the warehouse ships"
        return order

    def _refunded(self, platform_id: str, raw: dict[str, Any]) -> dict[str, int]:
        """Units refunded per line item id (a refund lists its lines with negative quantities)."""
        body, _ = self.http.json("GET", f"{API}/orders/{platform_id}/refunds")
        if not isinstance(body, list):
            raise MalformedResponse(f"{self.config.name}: the refunds of order {raw.get('number')} are not a list")
        units: dict[str, int] = {}
        for refund in body:
            for item in (refund or {}).get("line_items") or []:
                line_id = _refunded_item(item)
                quantity = item.get("quantity")
                if line_id and isinstance(quantity, int):
                    units[line_id] = units.get(line_id, 0) + abs(quantity)
        return units

    def catalogue(self, since: datetime | None) -> Iterator[Sequence[ShopProduct]]:
        params: dict[str, Any] = {"orderby": "id", "order": "asc", "dates_are_gmt": "true"}
        if since is not None:
            params["modified_after"] = _gmt(since)
        weight_unit, size_unit = self._shop_units()
        for page in self._pages("/products", params):
            found: list[ShopProduct] = []
            for raw in page:
                if not isinstance(raw, dict) or "id" not in raw:
                    raise MalformedResponse(f"{self.config.name}: a product without an id in WooCommerce's answer")
                if raw.get("type") == "variable":
                    for variations in self._pages(f"/products/{raw['id']}/variations", {}):
                        found += [self._product(variation, raw, weight_unit, size_unit) for variation in variations]
                elif raw.get("type") not in ("grouped", "external"):
                    found.append(self._product(raw, None, weight_unit, size_unit))
            yield found

    def _product(self, raw: dict[str, Any], parent: dict[str, Any] | None, weight_unit: str,
                 size_unit: str) -> ShopProduct:
        updated = parse_time(raw.get("date_modified_gmt")) or clock.now()
        name = str((parent or raw).get("name") or "")
        options = [str(a.get("option")) for a in raw.get("attributes") or [] if isinstance(a, dict) and a.get("option")]
        if parent is not None and options:
            name = f"{name} — {' / '.join(options)}"
        fields: dict[str, object] = {"sku": raw.get("sku") or "", "name": name[:255] or str(raw.get("sku") or "")}
        barcode = raw.get("global_unique_id") or ""
        if barcode:
            fields["barcodes"] = str(barcode)
        grams = _convert(raw.get("weight") or (parent or {}).get("weight"), GRAMS.get(weight_unit))
        if grams:
            fields["weight_g"] = grams
        sizes = raw.get("dimensions") or (parent or {}).get("dimensions") or {}
        converted = [_convert(sizes.get(key), MILLIMETRES.get(size_unit)) for key in ("length", "width", "height")]
        if all(converted):
            fields.update(zip(("length_mm", "width_mm", "height_mm"), converted, strict=True))
        platform_id = f"{parent['id']}/{raw['id']}" if parent is not None else str(raw["id"])
        return build_shop_product(platform_id, updated, fields)

    def _shop_units(self) -> tuple[str, str]:
        if self._units is None:
            weight = self.config.settings.get("weight_unit") or self._setting("woocommerce_weight_unit") or "kg"
            size = self.config.settings.get("dimension_unit") or self._setting("woocommerce_dimension_unit") or "cm"
            self._units = (str(weight), str(size))
        return self._units

    def _setting(self, key: str) -> str | None:
        try:
            body, _ = self.http.json("GET", f"{API}/settings/products/{key}")
        except (NotFound, MalformedResponse):
            return None
        except SourceError as exc:
            if exc.status == 403:  # a key without settings access: the defaults (kg, cm) apply
                return None
            raise
        return body.get("value") if isinstance(body, dict) else None

    # -------------------------------------------------------------- writing back

    def write_shipment(self, shipment: Shipment) -> str:
        order_path = f"{API}/orders/{shipment.platform_id}"
        notes, _ = self.http.json("GET", f"{order_path}/notes")
        if not isinstance(notes, list):
            raise MalformedResponse(f"{self.config.name}: the notes of order {shipment.order_number} are not a list")
        reference = ""
        marks = [_parcel_mark(shipment)] + ([shipment.tracking_number] if shipment.tracking_number else [])
        for note in notes:
            if isinstance(note, dict) and any(mark in str(note.get("note") or "") for mark in marks):
                reference = f"note:{note.get('id')}"
                break
        if not reference:
            text = _note_text(shipment)
            body, _ = self.http.json("POST", f"{order_path}/notes",
                                     json={"note": text, "customer_note": shipment.notify_customer})
            reference = f"note:{(body or {}).get('id', '')}" if isinstance(body, dict) else "note"
        if shipment.tracking_number and self._has_tracking_extension(shipment.platform_id):
            self._tracking(shipment)
        if shipment.complete and shipment.box >= shipment.boxes:
            order, _ = self.http.json("GET", order_path)
            if isinstance(order, dict) and order.get("status") in ("processing", "on-hold"):
                self.http.json("PUT", order_path, json={"status": "completed"})
        return reference

    def _has_tracking_extension(self, platform_id: str) -> bool:
        setting = self.config.settings.get("shipment_tracking")
        if isinstance(setting, bool):
            return setting
        if self._tracking_extension is None:
            try:
                self.http.json("GET", f"{TRACKING_API}/orders/{platform_id}/shipment-trackings")
                self._tracking_extension = True
            except NotFound:
                self._tracking_extension = False
        return self._tracking_extension

    def _tracking(self, shipment: Shipment) -> None:
        path = f"{TRACKING_API}/orders/{shipment.platform_id}/shipment-trackings"
        existing, _ = self.http.json("GET", path)
        if isinstance(existing, list) and any(isinstance(t, dict) and t.get("tracking_number") ==
                                              shipment.tracking_number for t in existing):
            return
        body: dict[str, Any] = {"tracking_number": shipment.tracking_number,
                                "date_shipped": clock.now().astimezone(UTC).date().isoformat()}
        if shipment.tracking_url:
            body.update(custom_tracking_provider=shipment.carrier, custom_tracking_link=shipment.tracking_url)
        else:
            body["tracking_provider"] = shipment.carrier
        self.http.json("POST", path, json=body)

    # -------------------------------------------------------------- webhooks

    def verify_webhook(self, headers: Headers, body: bytes, secret: str) -> bool:
        given = next((value for key, value in headers.items() if key.lower() == "x-wc-webhook-signature"), None)
        return signature_matches(secret, body, given)

    def is_duplicate(self, headers: Headers) -> bool:
        """Whether this delivery (X-WC-Webhook-Delivery-ID) was seen already: WooCommerce delivers again
        when the answer was slow. A repeat would be harmless (an order not newer than the stored one
        is ignored); it is dropped so it costs nothing."""
        delivery = next((value for key, value in headers.items() if key.lower() == "x-wc-webhook-delivery-id"), "")
        if not delivery:
            return False
        if delivery in self._deliveries:
            return True
        self._deliveries[delivery] = None
        while len(self._deliveries) > DELIVERIES_KEPT:
            self._deliveries.popitem(last=False)
        return False

    def order_from_webhook(self, body: bytes) -> ShopOrder | None:
        try:
            raw = json.loads(body)
        except (json.JSONDecodeError, UnicodeDecodeError):
            raise MalformedResponse(f"{self.config.name}: a webhook delivery that is not JSON") from None
        if not isinstance(raw, dict) or "line_items" not in raw:
            return None  # a ping ({"webhook_id": ...}) or another topic
        return self._order(raw)


def _refunded_item(item: dict[str, Any]) -> str:
    """The order line a refund line refunds: `_refunded_item_id` in its meta_data (REST v3)."""
    if item.get("refunded_item_id"):
        return str(item["refunded_item_id"])
    for meta in item.get("meta_data") or []:
        if isinstance(meta, dict) and meta.get("key") == "_refunded_item_id":
            return str(meta.get("value") or "")
    return ""


def _gmt(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="seconds")


def _convert(value: object, factor: Decimal | None) -> int | None:
    """A shop's weight or size ("0.25" kg) in whole grams or millimetres; None when not given."""
    if factor is None or value in (None, ""):
        return None
    try:
        number = Decimal(str(value).replace(",", "."))
    except InvalidOperation:
        return None
    result = int((number * factor).to_integral_value())
    return result if result > 0 else None


def _parcel_mark(shipment: Shipment) -> str:
    """The parcel's reference in its note: how a second attempt finds the first one's note."""
    return f"[parcel {shipment.key[:8]}]"


def _note_text(shipment: Shipment) -> str:
    parcel = f" (parcel {shipment.box} of {shipment.boxes})" if shipment.boxes > 1 else ""
    text = f"Shipped{parcel} with {shipment.carrier or 'the carrier'}"
    text += f": tracking number {shipment.tracking_number}" if shipment.tracking_number else " (no tracking number)"
    if shipment.tracking_url:
        text += f" — {shipment.tracking_url}"
    return f"{text}. {_parcel_mark(shipment)}"
