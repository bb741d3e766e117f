"""Shopify's CSV exports: orders (Orders > Export) and products (Products > Export).

Orders: one row per line item. The first row of an order carries its header (e-mail,
shipping address, method, notes...); the following rows carry only Name and the Lineitem
columns. Products: one row per variant, grouped by Handle; the first row carries the
product's Title and option names, the variant rows their option values, SKU, grams and
barcode, and rows with only an image are extra pictures.

Both the classic product headers (Handle, Variant SKU, Variant Grams, Variant Barcode,
Image Src) and the 2024 ones (URL handle, SKU, Weight value (grams), Barcode, Product image
URL) are read. Header names are matched without regard to case.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from app.store.importing.csv_format import CsvProblem, OrderAssembler, csv_rows
from app.store.importing.rows import (
    OrderRow,
    Parsed,
    ProductRow,
    RowProblem,
    build_product,
    reject_duplicate_products,
)

# ------------------------------------------------------------------ columns

ORDER_COLUMNS: dict[str, tuple[str, ...]] = {
    "number": ("Name",),
    "email": ("Email",),
    "fulfillment": ("Fulfillment Status",),
    "ship_to_name": ("Shipping Name",),
    "ship_to_company": ("Shipping Company",),
    "ship_to_line1": ("Shipping Address1",),
    "street": ("Shipping Street",),
    "ship_to_line2": ("Shipping Address2",),
    "ship_to_city": ("Shipping City",),
    "ship_to_region": ("Shipping Province",),
    "ship_to_postcode": ("Shipping Zip",),
    "ship_to_country": ("Shipping Country",),
    "ship_to_phone": ("Shipping Phone",),
    "method": ("Shipping Method",),
    "notes": ("Notes",),
    "attributes": ("Note Attributes",),
    "cancelled_at": ("Cancelled at",),
    "quantity": ("Lineitem quantity",),
    "item": ("Lineitem name",),
    "sku": ("Lineitem sku",),
    "requires_shipping": ("Lineitem requires shipping",),
    "item_fulfillment": ("Lineitem fulfillment status",),
    "platform_id": ("Id",),  # Shopify's own order id (admin URLs, the API): found like the number
}
ORDER_REQUIRED = ("number", "quantity", "sku")

PRODUCT_COLUMNS: dict[str, tuple[str, ...]] = {
    "handle": ("Handle", "URL handle"),
    "title": ("Title",),
    "sku": ("Variant SKU", "SKU"),
    "grams": ("Variant Grams", "Weight value (grams)"),
    "barcode": ("Variant Barcode", "Barcode"),
    "image": ("Image Src", "Product image URL", "Image source"),
    "variant_image": ("Variant Image", "Variant image URL"),
    **{f"option{i}_name": (f"Option{i} Name",) for i in (1, 2, 3)},
    **{f"option{i}_value": (f"Option{i} Value",) for i in (1, 2, 3)},
}
PRODUCT_REQUIRED = ("handle", "sku")

CARRIERS = (("usps", "USPS"), ("ups", "UPS"), ("fedex", "FedEx"), ("fed ex", "FedEx"), ("dhl", "DHL"))
DEFAULT_OPTION = "Default Title"  # Shopify's option value for a product without variants


def _columns(header: Sequence[str], wanted: Mapping[str, tuple[str, ...]], required: Sequence[str],
             parsed: Parsed, what: str) -> dict[str, int] | None:
    positions = {name.strip().lower(): index for index, name in enumerate(header)}
    found: dict[str, int] = {}
    for key, names in wanted.items():
        for name in names:
            if name.lower() in positions:
                found[key] = positions[name.lower()]
                break
    missing = [wanted[key][0] for key in required if key not in found]
    if missing:
        parsed.refuse(1, f"this is not a Shopify {what} export: column {' / '.join(missing)} is missing")
        return None
    return found


def _too_wide(parsed: Parsed, line: int, values: list[str], width: int) -> bool:
    """A row with more cells than the header has shifted columns: its values cannot be trusted."""
    if len(values) <= width:
        return False
    parsed.fail(line, f"the row has {len(values)} values but the header has {width} columns")
    parsed.rejected += 1
    return True


def _cell(values: list[str], index: int | None) -> str:
    return values[index].strip() if index is not None and index < len(values) else ""


def _spreadsheet_text(value: str) -> str:
    """Shopify writes zip codes and phone numbers as '02139 so that spreadsheets keep the zero."""
    return value[1:] if value.startswith("'") else value


def carrier_of(method: str) -> str:
    words = method.lower()
    for mark, carrier in CARRIERS:
        if mark in words.replace("-", " ").split() or words.startswith(mark):
            return carrier
    return ""


def gift_message(attributes: str) -> str:
    """A gift message from Note Attributes ("gift-message: Happy birthday!" lines), if any."""
    for entry in attributes.splitlines():
        key, sep, value = entry.partition(":")
        if sep and "gift" in key.lower() and value.strip():
            return value.strip()
    return ""


# ------------------------------------------------------------------ orders


@dataclass
class _OrderState:
    fulfilled: bool = False
    has_lines: bool = False
    lines_left_out: int = 0


def parse_orders(text: str) -> Parsed[OrderRow]:
    parsed: Parsed[OrderRow] = Parsed()
    try:
        rows = csv_rows(text)
        first = next(rows, None)
        if first is None:
            return parsed.refuse(1, "the file is empty")
        columns = _columns(first[1], ORDER_COLUMNS, ORDER_REQUIRED, parsed, "order")
        if columns is None:
            return parsed
        assembler = OrderAssembler(parsed)
        states: dict[str, _OrderState] = {}
        for line, values in rows:
            if _too_wide(parsed, line, values, len(first[1])):
                continue
            _order_row(assembler, states, columns, line, values)
    except CsvProblem as exc:
        return parsed.refuse(exc.line, str(exc))
    _drop_orders_without_lines(assembler, states, parsed)
    assembler.finish()
    return parsed


def _order_row(assembler: OrderAssembler, states: dict[str, _OrderState], columns: dict[str, int], line: int,
               values: list[str]) -> None:
    def cell(key: str) -> str:
        return _cell(values, columns.get(key))

    raw_number = cell("number")
    number = assembler.number(line, raw_number[1:] if raw_number.startswith("#") else raw_number)
    if number is None:
        return
    state = states.setdefault(number, _OrderState())
    if cell("fulfillment").lower() == "fulfilled":
        state.fulfilled = True
    header = _order_header(cell, columns)
    if state.fulfilled:
        return
    item_done = cell("item_fulfillment").lower() == "fulfilled"
    not_shipped = cell("requires_shipping").lower() == "false"  # gift cards, tips, digital goods
    if item_done or not_shipped:
        state.lines_left_out += 1
        assembler.add(line, number, header, None, None)
        return
    sku = cell("sku")
    if not sku:
        assembler.add(line, number, header, None, None)
        assembler.reject(line, number, f"order {number}: line item {cell('item')!r} has no SKU — "
                                       "give it one in Shopify, the station finds items by SKU")
        return
    state.has_lines = True
    assembler.add(line, number, header, sku, cell("quantity"))


def _order_header(cell, columns: Mapping[str, int]) -> dict[str, str]:
    """The station's header fields from this row; only columns the export has are included."""
    header = {"channel": "Shopify"}
    for key in ("platform_id", "ship_to_name", "ship_to_company", "ship_to_line1", "ship_to_line2", "ship_to_city",
                "ship_to_region", "ship_to_country", "notes"):
        if key in columns:
            header[key] = cell(key)
    if "ship_to_line1" not in columns and "street" in columns:
        header["ship_to_line1"] = cell("street")
    for key in ("ship_to_postcode", "ship_to_phone"):
        if key in columns:
            header[key] = _spreadsheet_text(cell(key))
    if "email" in columns:
        header["ship_to_email"] = cell("email")
    if "method" in columns:
        header["service_level"] = cell("method")
        header["carrier"] = carrier_of(cell("method"))
    if "attributes" in columns:
        header["gift_message"] = gift_message(cell("attributes"))
    if "cancelled_at" in columns:
        header["status"] = "cancelled" if cell("cancelled_at") else ""
    return header


def _drop_orders_without_lines(assembler: OrderAssembler, states: Mapping[str, _OrderState],
                               parsed: Parsed[OrderRow]) -> None:
    fulfilled = [number for number, state in states.items() if state.fulfilled]
    nothing_to_ship = [number for number, state in states.items()
                       if not state.fulfilled and not state.has_lines and state.lines_left_out]
    for number in (*fulfilled, *nothing_to_ship):
        assembler.drop(number)
    if fulfilled:
        parsed.notes.append(f"{len(fulfilled)} order(s) already fulfilled in Shopify were left out: "
                            f"{_some(fulfilled)}")
    if nothing_to_ship:
        parsed.notes.append(f"{len(nothing_to_ship)} order(s) with nothing left to ship were left out: "
                            f"{_some(nothing_to_ship)}")


def _some(numbers: Sequence[str], most: int = 10) -> str:
    shown = ", ".join(numbers[:most])
    return shown + (f" and {len(numbers) - most} more" if len(numbers) > most else "")


# ------------------------------------------------------------------ products


@dataclass
class _Product:
    line: int
    title: str
    option_names: list[str]
    image: str = ""
    variants: list[tuple[int, dict[str, str]]] = field(default_factory=list)


def parse_products(text: str) -> Parsed[ProductRow]:
    parsed: Parsed[ProductRow] = Parsed()
    try:
        rows = csv_rows(text)
        first = next(rows, None)
        if first is None:
            return parsed.refuse(1, "the file is empty")
        columns = _columns(first[1], PRODUCT_COLUMNS, PRODUCT_REQUIRED, parsed, "product")
        if columns is None:
            return parsed
        products: dict[str, _Product] = {}
        for line, values in rows:
            if not _too_wide(parsed, line, values, len(first[1])):
                _product_row(products, columns, line, values, parsed)
    except CsvProblem as exc:
        return parsed.refuse(exc.line, str(exc))
    for product in products.values():
        _variants(product, columns, parsed)
    parsed.records.sort(key=lambda row: row.line)
    reject_duplicate_products(parsed)
    return parsed


def _product_row(products: dict[str, _Product], columns: Mapping[str, int], line: int, values: list[str],
                 parsed: Parsed[ProductRow]) -> None:
    cells = {key: _cell(values, index) for key, index in columns.items()}
    handle = cells.get("handle", "")
    if not handle:
        parsed.fail(line, "the row has no Handle")
        parsed.rejected += 1
        return
    product = products.get(handle)
    if product is None:
        names = [cells.get(f"option{i}_name", "") for i in (1, 2, 3)]
        product = products[handle] = _Product(line, cells.get("title", ""), names, cells.get("image", ""))
    elif not product.title and cells.get("title"):
        product.title = cells["title"]
    if not product.image and cells.get("image"):
        product.image = cells["image"]
    options = [cells.get(f"option{i}_value", "") for i in (1, 2, 3)]
    if cells.get("sku") or any(options):
        product.variants.append((line, cells))
    # Otherwise an image-only row: an extra picture of the product, nothing to pack.


def _variants(product: _Product, columns: Mapping[str, int], parsed: Parsed[ProductRow]) -> None:
    for line, cells in product.variants:
        try:
            parsed.records.append(_variant(product, columns, line, cells))
        except RowProblem as exc:
            parsed.reject(line, exc, prefix=f"{cells.get('handle')}: ")


def _variant(product: _Product, columns: Mapping[str, int], line: int, cells: Mapping[str, str]) -> ProductRow:
    options = [value for value in (cells.get(f"option{i}_value", "") for i in (1, 2, 3)) if value]
    if not product.title:
        raise RowProblem("the product has no Title")
    if not cells.get("sku"):
        shown = " / ".join(options) or "default variant"
        raise RowProblem(f"variant {shown!r} has no SKU — give it one in Shopify, the station finds items by SKU")
    fields: dict[str, object] = {"sku": cells["sku"], "name": variant_name(product.title, options)}
    if "grams" in columns:
        fields["weight_g"] = cells.get("grams", "")
    if "barcode" in columns:
        fields["barcodes"] = cells.get("barcode", "")
    if "image" in columns or "variant_image" in columns:
        fields["image"] = cells.get("variant_image") or product.image
    row = build_product(line, fields)
    row.keep_other_barcodes = True
    return row


def variant_name(title: str, options: Iterable[str]) -> str:
    """ "Merino Wool Socks — Charcoal, M": the title, then the option values that say something."""
    values = [value for value in options if value and value != DEFAULT_OPTION]
    return f"{title} — {', '.join(values)}" if values else title
