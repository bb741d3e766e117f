"""The adapter protocol a live shop implements, the values it returns and the errors it raises.

    adapter = WooCommerceAdapter(config)            # a SourceConfig from app.sources.registry
    for page in adapter.changed_orders(since):      # pages of orders changed since `since`
        ...                                         # ShopOrder: a validated OrderRow, or why not
    for page in adapter.catalogue(since): ...       # ShopProduct: a validated ProductRow
    reference = adapter.write_shipment(shipment)    # idempotent by shipment.key (the parcel's uuid)
    adapter.verify_webhook(headers, body, secret)   # HMAC of the body

An adapter only talks to its platform and turns what it answers into the station's rows, with
the same builders as a file import (app.store.importing.rows): an order from a shop is checked
by exactly the code that checks an imported one. The connector (app.sources.connector) decides
what is written, held or skipped, keeps the cursor and the counters, and writes through the
importer's planners in one transaction per page.

An order the warehouse cannot pack as it is (a line without a SKU, a deleted product, a field
the station refuses) is never dropped: `build_order` keeps what can be kept and lists the
reasons in `ShopOrder.held`, and the connector stores it HELD with those reasons.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from app.store.importing.rows import (
    OrderLineRow,
    OrderRow,
    ProductRow,
    RowProblem,
    build_product,
    merge_lines,
    order_field,
    order_line,
    order_number,
)

PLATFORMS = ("shopify", "woocommerce")
OVERLAP = timedelta(minutes=5)  # every round asks again for what changed this long before the cursor
PAGE_SIZE = 100

# ------------------------------------------------------------------ errors


class SourceError(Exception):
    """A source failed; the message says what happened and what IT can do about it.

    `retry`: trying again later may work (throttled, the shop's server failing); otherwise a person
    must act first (a revoked key, a missing permission, a wrong URL).
    """

    retry = False

    def __init__(self, message: str, *, status: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


class AuthRevoked(SourceError):
    """401: the token or key is wrong, expired or revoked. Make a new one and `sources add` again."""


class Forbidden(SourceError):
    """403: the key works but lacks a permission or scope (a Read-only WooCommerce key, a missing Shopify scope)."""


class NotFound(SourceError):
    """404: the shop URL or API path is wrong, the API is switched off, or the record was deleted."""


class Throttled(SourceError):
    """429 (or a GraphQL THROTTLED): wait `retry_after` seconds."""

    retry = True

    def __init__(self, message: str, *, retry_after: float, status: int | None = 429) -> None:
        super().__init__(message, status=status)
        self.retry_after = retry_after


class ServerError(SourceError):
    """5xx, a timeout, or no connection: the shop's side; tried again with back-off."""

    retry = True


class MalformedResponse(SourceError):
    """The shop answered something that is not what its API documents (not JSON, a missing field)."""

    retry = True


# ------------------------------------------------------------------ configuration


@dataclass(frozen=True)
class SourceConfig:
    """What an adapter is built from (app.sources.registry reads it from the store and the secret)."""

    name: str
    platform: str  # one of PLATFORMS
    shop: str  # as IT gave it: "shop.myshopify.com", "https://shop.example"
    api_url: str  # where to talk to: the platform's own URL unless a test or a proxy stands in
    secret: str  # Shopify: the Admin API access token; WooCommerce: "consumer_key\nconsumer_secret"
    settings: Mapping[str, Any] = field(default_factory=dict)  # notify_customer, webhook_secret, ...

    def __repr__(self) -> str:  # never print a secret into a log
        return f"SourceConfig(name={self.name!r}, platform={self.platform!r}, api_url={self.api_url!r})"


# ------------------------------------------------------------------ values


@dataclass
class ShopOrder:
    """One order as the shop has it now.

    `row` is the order as the station stores it (None only when even its number is unusable).
    `held`: why it cannot be packed as it is; the connector stores it held with these reasons.
    `skip`: why it is not for the warehouse (awaiting payment, a draft, completed before the
    source was connected): counted as skipped with the reason, never written.
    """

    platform_id: str
    number: str  # as the shop shows it, for messages ("#5001")
    updated_at: datetime  # the shop's last change, aware
    row: OrderRow | None
    held: list[str] = field(default_factory=list)
    skip: str | None = None
    shop_status: str = ""  # the platform's own status, for `sources status` and tests


@dataclass
class ShopProduct:
    """One sellable thing (a simple product or a variant): a validated ProductRow, or why it was skipped."""

    platform_id: str
    updated_at: datetime
    row: ProductRow | None
    skip: str | None = None


@dataclass(frozen=True)
class ShipmentLine:
    sku: str
    quantity: int
    platform_line_id: str = ""  # the shop's line item id, when the connector knows it


@dataclass(frozen=True)
class Shipment:
    """A labelled parcel, to be written back to the order's source.

    `key` is the parcel's uuid: writing the same shipment twice must make one note / fulfillment
    (an adapter looks for `key` or the tracking number in what the shop already has first).
    """

    key: str
    order_number: str
    platform_id: str
    tracking_number: str
    carrier: str
    tracking_url: str = ""
    lines: tuple[ShipmentLine, ...] = ()
    box: int = 1
    boxes: int = 1  # the order's parcels so far; box == boxes and `complete`: the order is shipped
    complete: bool = True  # every line of the order is in the parcels labelled so far
    notify_customer: bool = True


class Headers(Protocol):
    """A webhook delivery's HTTP headers as the adapters read them: (name, value) pairs whose names
    may come in any case, and repeat (http.server's email.message.Message, or a dict in tests)."""

    def items(self) -> Iterable[tuple[str, str]]: ...


class ShopAdapter(Protocol):
    """What a platform adapter implements. Every method raises SourceError subclasses, never httpx errors."""

    platform: str

    def changed_orders(self, since: datetime | None) -> Iterator[Sequence[ShopOrder]]:
        """Orders changed at or after `since` (None: all the open ones, a first backfill), one page
        at a time, in any order: the connector writes each page in its own transaction and moves
        the cursor to the newest `updated_at` only after the round's last page. The connector
        already subtracted the overlap window from `since`."""
        ...

    def catalogue(self, since: datetime | None) -> Iterator[Sequence[ShopProduct]]:
        """Products and variants changed at or after `since` (None: the whole catalogue), page by page."""
        ...

    def write_shipment(self, shipment: Shipment) -> str:
        """Tell the shop a parcel left; returns the shop's reference for it (a note or fulfillment id).
        Idempotent: a shipment the shop already has is not written again (its reference is returned)."""
        ...

    def verify_webhook(self, headers: Headers, body: bytes, secret: str) -> bool:
        """Whether a webhook delivery was signed with `secret` (compare in constant time)."""
        ...

    def order_from_webhook(self, body: bytes) -> ShopOrder | None:
        """The order a verified webhook delivery carries (None: not an order topic, e.g. a ping)."""
        ...

    def close(self) -> None:
        ...


# ------------------------------------------------------------------ helpers for adapters


def hmac_base64(secret: str, body: bytes) -> str:
    """base64(HMAC-SHA256(body, secret)): the signature both Shopify and WooCommerce webhooks carry."""
    return base64.b64encode(hmac.new(secret.encode(), body, hashlib.sha256).digest()).decode()


def signature_matches(secret: str, body: bytes, given: str | None) -> bool:
    if not given or not secret:
        return False
    return hmac.compare_digest(hmac_base64(secret, body), given.strip())


def parse_time(value: object) -> datetime | None:
    """An API timestamp as an aware datetime: ISO 8601 with or without zone (WooCommerce's `*_gmt`
    fields have none and are UTC)."""
    if not isinstance(value, str) or not value:
        return None
    try:
        found = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return found if found.tzinfo else found.replace(tzinfo=UTC)


@dataclass
class DraftLine:
    """One line as the shop sends it, before the station's checks."""

    sku: object
    quantity: object
    title: str = ""  # for the held reason: "line 'Gift wrap' has no SKU"
    deleted: bool = False  # the shop's product behind the line is gone
    platform_line_id: str = ""


def build_order(platform_id: str, number: object, updated_at: datetime, header: Mapping[str, object],
                lines: Sequence[DraftLine], *, cancelled: bool = False, shop_status: str = "",
                held: Sequence[str] = ()) -> ShopOrder:
    """A ShopOrder from the shop's fields, checked by the importer's builders.

    `header` uses the station's column names (ship_to_name, notes, ...). A field the station
    refuses is left empty and becomes a held reason; a line without a SKU, with a bad quantity or
    for a deleted product is left out and becomes a held reason. Only an unusable order number
    leaves `row` None (the order is then skipped with the reason).
    """
    reasons = list(held)
    shown = str(number or platform_id)
    try:
        checked_number = order_number(number)
    except RowProblem as problem:
        return ShopOrder(platform_id, shown, updated_at, None, reasons,
                         skip=f"order number unusable: {'; '.join(problem.messages)}", shop_status=shop_status)
    values: dict[str, Any] = {}
    for name, value in header.items():
        try:
            values[name] = order_field(name, value)
        except RowProblem as problem:
            reasons += [f"{name}: {message}" for message in problem.messages]
    built: list[OrderLineRow] = []
    for index, draft in enumerate(lines, start=1):
        label = f"line {index}" + (f" '{draft.title[:60]}'" if draft.title else "")
        if draft.deleted:
            reasons.append(f"{label}: the product was deleted in the shop")
            continue
        if draft.sku is None or (isinstance(draft.sku, str) and not draft.sku.strip()):
            reasons.append(f"{label} has no SKU")
            continue
        try:
            built.append(order_line(index, draft.sku, draft.quantity))
        except RowProblem as problem:
            reasons += [f"{label}: {message}" for message in problem.messages]
    row = OrderRow(1, checked_number, values, merge_lines(built), cancelled=cancelled, platform_id=platform_id[:64])
    return ShopOrder(platform_id, shown, updated_at, row, reasons, shop_status=shop_status)


def build_shop_product(platform_id: str, updated_at: datetime, fields: Mapping[str, object]) -> ShopProduct:
    """A ShopProduct from station column names (sku, name, barcodes, weight_g, length_mm...),
    checked by the importer's product builder. A variant without a SKU cannot be scanned
    against an order line: skipped with the reason."""
    sku = fields.get("sku")
    if sku is None or (isinstance(sku, str) and not sku.strip()):
        shown = fields.get("name") or platform_id
        return ShopProduct(platform_id, updated_at, None, skip=f"product {shown} has no SKU")
    try:
        row = build_product(1, fields)
    except RowProblem as problem:
        return ShopProduct(platform_id, updated_at, None, skip=f"SKU {sku}: {'; '.join(problem.messages)}")
    row.keep_other_barcodes = True  # a shop knows one barcode: keep the case codes a file gave
    return ShopProduct(platform_id, updated_at, row)
