"""Validated import rows: what one product, carton or order of a file says, once checked.

Every file format (CSV, JSON, Shopify) turns its rows into plain field values keyed by the
station's own column names, then calls the builders here. So a quantity, a GTIN or a ship-by
date is checked by one piece of code whatever the file looked like, and every error message
reads the same: "quantity 'abc' is not a whole number".

Only the fields a file gives are carried (`values`); the writer leaves the others alone on an
update, so importing a Shopify export never wipes the bin locations set by a CSV import.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any, Generic, TypeVar

from sqlalchemy import Table

from app.domain.gtin import gtin_check_digit, has_valid_check_digit, is_valid_upce, normalise_gtin, upce_to_gtin14
from app.domain.scan import ScanKind, carton_barcode, escape_for_display, order_barcode, parse_scan, tote_barcode
from app.store.models import Carton, Order, Product

R = TypeVar("R")


class RowProblem(ValueError):
    """What is wrong with one row: one message per problem, each naming the field and the value."""

    def __init__(self, *messages: str) -> None:
        super().__init__("; ".join(messages))
        self.messages = list(messages)


class Problems:
    """Runs a row's field conversions and collects every problem, so that a row with three
    mistakes reports three lines instead of one per attempt."""

    def __init__(self) -> None:
        self.messages: list[str] = []

    def check(self, convert: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        try:
            return convert(*args, **kwargs)
        except RowProblem as problem:
            self.messages.extend(problem.messages)
            return None

    def raise_any(self) -> None:
        if self.messages:
            raise RowProblem(*self.messages)


@dataclass(frozen=True)
class RowError:
    line: int  # 1-based line of the file; 0 for a problem of the whole file
    message: str


@dataclass(frozen=True, slots=True)
class BarcodeSpec:
    code: str  # a GTIN-14, or a house code as it will be scanned
    units: int = 1  # a case or inner pack counts this many units per scan


@dataclass(slots=True)
class ProductRow:
    line: int
    sku: str
    values: dict[str, Any]  # products.* columns the file gives (not sku)
    barcodes: tuple[BarcodeSpec, ...] | None  # None: the file says nothing, keep the stored ones
    # Shopify knows one barcode per variant: add it, but keep the case codes and house codes
    # a CSV import gave the product, instead of replacing them.
    keep_other_barcodes: bool = False


@dataclass(slots=True)
class CartonRow:
    line: int
    code: str
    values: dict[str, Any]


@dataclass(slots=True)
class OrderLineRow:
    line: int
    sku: str
    quantity: int


@dataclass(slots=True)
class OrderRow:
    line: int  # the order's first line in the file
    number: str
    values: dict[str, Any]  # orders.* header columns the file gives
    lines: list[OrderLineRow]
    cancelled: bool = False  # the file cancels it; an import never reopens an order
    # The order source's own id (Shopify's order id; a CSV's or JSON's platform_id): kept apart from
    # `values` because only the station database has the column (app.domain.order_refs finds orders by it).
    platform_id: str | None = None


@dataclass
class Parsed(Generic[R]):
    """What a reader got out of a file: the valid records, the errors, and how many it left out."""

    records: list[R] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    rejected: int = 0  # records (products, cartons, orders) left out because of an error
    notes: list[str] = field(default_factory=list)
    refused: bool = False  # a problem of the whole file (missing column, not UTF-8): nothing imports

    def fail(self, line: int, message: str) -> None:
        self.errors.append(RowError(line, message))

    def reject(self, line: int, problem: RowProblem, prefix: str = "") -> None:
        """A record left out: one error per problem found in it."""
        for message in problem.messages:
            self.fail(line, prefix + message)
        self.rejected += 1

    def refuse(self, line: int, message: str) -> Parsed[R]:
        self.refused = True
        self.records.clear()
        self.fail(line, message)
        return self


# ------------------------------------------------------------------ column sizes


@cache
def limit(table: Table, column: str) -> int | None:
    """The column's size in the schema, so that a long value is refused here, not by PostgreSQL."""
    return getattr(table.c[column].type, "length", None)


_PRODUCTS: Table = Product.__table__
_CARTONS: Table = Carton.__table__
_ORDERS: Table = Order.__table__

# Text columns have no size; still, a 10 MB "gift message" is a broken file, not a gift.
LONG_TEXT = 4000
MAX_QUANTITY = 99_999
MAX_GRAMS = 1_000_000  # one tonne: anything heavier is a typo in grams
MAX_MM = 10_000
MAX_PRIORITY = 999
MAX_UNITS = 9_999

# ------------------------------------------------------------------ converters

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_CONTROL_MULTILINE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # keeps \t \n \r
_WHOLE = re.compile(r"[+-]?[0-9]+")
_DECIMAL = re.compile(r"[+-]?[0-9]+(\.[0-9]*)?|[+-]?\.[0-9]+")
_SPREADSHEET_NUMBER = re.compile(r"[0-9](\.[0-9]+)?[eE][+-]?[0-9]+")
_COUNTRY = re.compile(r"[A-Z]{2}")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_UNITS_SUFFIX = re.compile(r"(.*?)\s*\*\s*([0-9]+)")  # "14006381333938*6": a case of 6
_TRUE = frozenset({"1", "true", "yes", "y", "t", "x"})
_FALSE = frozenset({"", "0", "false", "no", "n", "f"})


def _shown(value: object) -> str:
    """A value quoted for a message, control characters made visible: 'abc'."""
    return f"'{escape_for_display(value)}'" if isinstance(value, str) else escape_for_display(repr(value))


def _raw_text(value: object, name: str) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, int | float) and not isinstance(value, bool):
        # JSON files write postcodes and order numbers as numbers; they are text to the station.
        return str(value)
    raise RowProblem(f"{name} must be text, not {_shown(value)}")


def _control_character(text: str, multiline: bool) -> str | None:
    found = (_CONTROL_MULTILINE if multiline else _CONTROL).search(text)
    return found.group() if found else None


def text(value: object, name: str, size: int | None, *, required: bool = False, multiline: bool = False) -> str:
    """Trimmed text without control characters, at most `size` characters."""
    result = _raw_text(value, name)
    if required and not result:
        raise RowProblem(f"{name} is empty")
    control = _control_character(result, multiline)
    if control in ("\n", "\r"):
        raise RowProblem(f"{name} has a line break — keep it on one line")
    if control is not None:
        raise RowProblem(f"{name} has a control character ({escape_for_display(control)}) — remove it")
    if multiline:
        result = result.replace("\r\n", "\n").replace("\r", "\n")
    most = size or LONG_TEXT
    if len(result) > most:
        raise RowProblem(f"{name} is {len(result)} characters long; the most is {most}")
    return result


def code(value: object, name: str, size: int | None, *, required: bool = True) -> str:
    """A code (SKU, order number): one line, and no invisible format characters either.

    Zero-width spaces and direction marks slip in from web pages; in a name they are harmless,
    in a code they make two identical-looking SKUs different.
    """
    result = text(value, name, size, required=required)
    if result.isascii():  # the usual case: a 250,000-line import checks a SKU per line
        return result
    for ch in result:
        if ch > "\x7f" and unicodedata.category(ch) == "Cf":
            raise RowProblem(f"{name} {_shown(result)} has an invisible character ({escape_for_display(ch)})")
    return result


def optional_text(value: object, name: str, size: int | None) -> str | None:
    return text(value, name, size) or None


def whole(value: object, name: str, *, minimum: int = 0, maximum: int, required: bool = False) -> int | None:
    """A whole number between `minimum` and `maximum`; None when empty and not required."""
    if isinstance(value, bool):
        raise RowProblem(f"{name} {_shown(value)} is not a whole number")
    if isinstance(value, float):
        if not value.is_integer():
            raise RowProblem(f"{name} {value!r} is not a whole number")
        value = int(value)
    if isinstance(value, int):
        number = value
    else:
        raw = _raw_text(value, name)
        if not raw:
            if required:
                raise RowProblem(f"{name} is empty")
            return None
        if not _WHOLE.fullmatch(raw):
            raise RowProblem(f"{name} {_shown(raw)} is not a whole number")
        number = int(raw)
    return _in_range(number, name, minimum, maximum)


def grams(value: object, name: str, *, required: bool = False) -> int | None:
    """Grams, where decimals are rounded: Shopify writes "Variant Grams" as 250.0."""
    if isinstance(value, str) and _DECIMAL.fullmatch(value.strip()) and "." in value:
        value = float(value.strip())
    if isinstance(value, float) and not isinstance(value, bool):
        value = int(round(value))
    return whole(value, name, maximum=MAX_GRAMS, required=required)


def _in_range(number: int, name: str, minimum: int, maximum: int) -> int:
    if number < 0 <= minimum:
        raise RowProblem(f"{name} {number} is negative")
    if number < minimum:
        raise RowProblem(f"{name} must be at least {minimum}, not {number}")
    if number > maximum:
        raise RowProblem(f"{name} {number} is more than {maximum:,}")
    return number


def flag(value: object, name: str) -> bool:
    if isinstance(value, bool):
        return value
    if value is None:
        return False
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    raw = _raw_text(value, name).lower()
    if raw in _TRUE:
        return True
    if raw in _FALSE:
        return False
    raise RowProblem(f"{name} {_shown(raw)} is not yes or no (write true/false, yes/no or 1/0)")


def day(value: object, name: str) -> date | None:
    raw = _raw_text(value, name)
    if not raw:
        return None
    try:
        if not _DATE.fullmatch(raw):  # fromisoformat would also take 20261127 and 2026-W48-1
            raise ValueError
        return date.fromisoformat(raw)
    except ValueError:
        raise RowProblem(f"{name} {_shown(raw)} is not a date (write YYYY-MM-DD, e.g. 2026-11-27)") from None


def country(value: object, name: str) -> str:
    raw = _raw_text(value, name).upper()
    if raw and not _COUNTRY.fullmatch(raw):
        raise RowProblem(f"{name} {_shown(raw)} is not a 2-letter country code (ISO 3166, e.g. US, DE, GR)")
    return raw


# ------------------------------------------------------------------ barcodes


def barcode(raw: str) -> str:
    """One barcode as the station stores it: a GTIN-14, or a house code exactly as scanned.

    Digits of a GTIN length must carry a right check digit: a typo in a GTIN would otherwise
    become a product nobody can scan. Eight digits are an EAN-8, or a UPC-E when only that
    reading has a right check digit (the scan path offers both readings, so either is found).
    """
    value = raw.strip().lstrip("'")  # a leading apostrophe is a spreadsheet's "keep as text" mark
    if _SPREADSHEET_NUMBER.fullmatch(value):
        raise RowProblem(f"barcode {_shown(value)} was turned into a number by a spreadsheet — "
                         "format the column as text and export again")
    if value.isascii() and value.isdigit() and len(value) in (8, 12, 13, 14):
        return _gtin(value)
    return _house_code(value)


def _gtin(digits: str) -> str:
    if has_valid_check_digit(digits):
        return normalise_gtin(digits)
    if len(digits) == 8:
        if is_valid_upce(digits):
            return upce_to_gtin14(digits)
        raise RowProblem(f"barcode {digits} has a wrong check digit for an EAN-8 and for a UPC-E")
    raise RowProblem(f"barcode {digits} has a wrong check digit (a GTIN-{len(digits)} ending in "
                     f"{gtin_check_digit(digits[:-1])} would be right) — check the number")


def _house_code(value: str) -> str:
    """A house code must come back as plain text from the scanner, or it can never be scanned."""
    size = limit(_PRODUCTS, "sku") or 64
    if len(value) > size:
        raise RowProblem(f"barcode {_shown(value)} is {len(value)} characters long; the most is {size}")
    scan = parse_scan(value)
    if scan.kind is ScanKind.UNKNOWN:
        raise RowProblem(f"barcode {_shown(value)} can never be scanned: {scan.message}")
    if scan.kind is not ScanKind.TEXT:
        raise RowProblem(f"barcode {_shown(value)} would be read as a {scan.kind.value}, not as a product")
    return scan.text


def barcodes(value: object, name: str, *, case: bool = False) -> list[BarcodeSpec]:
    """Barcodes separated by '|' ("4006381333931|14006381333938*6"), or a JSON list of them.

    "code*6" is a case of 6. In the case_barcodes column every code needs its "*units".
    """
    if value is None:
        return []
    if isinstance(value, list):
        items: Iterable[object] = value
    else:
        items = _raw_text(value, name).split("|")
    specs = []
    for item in items:
        spec = _barcode_item(item, name, case)
        if spec is not None:
            specs.append(spec)
    return specs


def _barcode_item(item: object, name: str, case: bool) -> BarcodeSpec | None:
    if isinstance(item, Mapping):  # JSON: {"code": "...", "units": 6}
        unknown = set(item) - {"code", "units"}
        if unknown:
            raise RowProblem(f"{name}: unknown key {sorted(unknown)[0]!r} (a barcode has code and units)")
        raw, units_raw = _raw_text(item.get("code"), f"{name} code"), item.get("units", 1)
        units = whole(units_raw, f"{name} units", minimum=1, maximum=MAX_UNITS, required=True)
    else:
        raw = _raw_text(item, name)
        if not raw:
            return None
        packed = _UNITS_SUFFIX.fullmatch(raw)
        if packed:
            raw = packed.group(1).strip()
            units = whole(packed.group(2), f"units of {raw}", minimum=1, maximum=MAX_UNITS)
        elif case:
            raise RowProblem(f"case barcode {_shown(raw)} needs its units, e.g. {raw}*6")
        else:
            units = 1
    if not raw.strip():
        return None
    return BarcodeSpec(barcode(raw), units or 1)


def merge_barcodes(specs: Iterable[BarcodeSpec]) -> tuple[BarcodeSpec, ...]:
    """One spec per code: the same GTIN written as EAN-13 and as GTIN-14 is one barcode."""
    seen: dict[str, BarcodeSpec] = {}
    for spec in specs:
        other = seen.get(spec.code)
        if other is not None and other.units != spec.units:
            raise RowProblem(f"barcode {spec.code} is given twice, for {other.units} and for {spec.units} units")
        seen[spec.code] = spec
    return tuple(seen.values())


# ------------------------------------------------------------------ products

PRODUCT_COLUMNS = ("sku", "name", "barcodes", "case_barcodes", "weight_g", "length_mm", "width_mm",
                   "height_mm", "requires_serial", "requires_lot", "image", "bin_location")
PRODUCT_REQUIRED = ("sku", "name")
DIMENSIONS = ("length_mm", "width_mm", "height_mm")

# What an empty cell (or a missing column on a new product) stands for.
PRODUCT_DEFAULTS: dict[str, Any] = {
    "name": "", "weight_g": 0, "length_mm": None, "width_mm": None, "height_mm": None,
    "requires_serial": False, "requires_lot": False, "image": None, "bin_location": None,
}


def _product_field(name: str, value: object) -> Any:
    if name == "name":
        return text(value, name, limit(_PRODUCTS, name), required=True)
    if name == "weight_g":
        return grams(value, name) or 0
    if name in DIMENSIONS:
        return whole(value, name, minimum=1, maximum=MAX_MM)
    if name in ("requires_serial", "requires_lot"):
        return flag(value, name)
    return optional_text(value, name, limit(_PRODUCTS, name))  # image, bin_location


def dimension_problem(given: Iterable[str]) -> str | None:
    """The three sizes travel together: a product with only a length cannot be fitted to a carton."""
    present = [name for name in DIMENSIONS if name in set(given)]
    if present and len(present) != len(DIMENSIONS):
        return f"length_mm, width_mm and height_mm go together: {', '.join(present)} alone is not enough"
    return None


def build_product(line: int, fields: Mapping[str, object]) -> ProductRow:
    """A product from its fields (station column names); raises RowProblem with every problem."""
    missing = [name for name in PRODUCT_REQUIRED if name not in fields]
    if missing:
        raise RowProblem(f"{missing[0]} is missing")
    problems = Problems()
    problems.check(_dimensions_given, fields)
    sku = problems.check(code, fields["sku"], "sku", limit(_PRODUCTS, "sku"))
    values = {name: problems.check(_product_field, name, value) for name, value in fields.items()
              if name in PRODUCT_DEFAULTS}
    specs: tuple[BarcodeSpec, ...] | None = None
    if "barcodes" in fields or "case_barcodes" in fields:
        given = [*(problems.check(barcodes, fields.get("barcodes"), "barcodes") or ()),
                 *(problems.check(barcodes, fields.get("case_barcodes"), "case_barcodes", case=True) or ())]
        specs = problems.check(merge_barcodes, given)
    problems.raise_any()
    sizes = [values.get(name) for name in DIMENSIONS if name in values]
    if sizes and None in sizes and any(size is not None for size in sizes):
        raise RowProblem("length_mm, width_mm and height_mm go together: give all three or none")
    return ProductRow(line, sku, values, specs)


def _dimensions_given(fields: Mapping[str, object]) -> None:
    problem = dimension_problem(fields)
    if problem:
        raise RowProblem(problem)


# ------------------------------------------------------------------ cartons

CARTON_COLUMNS = ("code", "name", "length_mm", "width_mm", "height_mm", "tare_g", "max_weight_g")
CARTON_REQUIRED = ("code", "length_mm", "width_mm", "height_mm", "max_weight_g")
CARTON_DEFAULTS: dict[str, Any] = {"name": "", "tare_g": 0, "active": True}


def carton_code(value: object) -> str:
    raw = code(value, "code", limit(_CARTONS, "code"))
    try:
        carton_barcode(raw)  # the carton card printed for the bench must scan back to this code
    except ValueError:
        raise RowProblem(f"code {_shown(raw)} may only have letters A-Z, digits, '.', '_' and '-' "
                         "(at most 32, starting with a letter or digit)") from None
    return raw.upper()


def _carton_field(name: str, value: object) -> Any:
    if name == "name":
        return text(value, name, limit(_CARTONS, name))
    if name in DIMENSIONS:
        return whole(value, name, minimum=1, maximum=MAX_MM, required=True)
    if name == "tare_g":
        return grams(value, name) or 0
    return whole(value, name, minimum=1, maximum=MAX_GRAMS, required=True)  # max_weight_g


def build_carton(line: int, fields: Mapping[str, object]) -> CartonRow:
    missing = [name for name in CARTON_REQUIRED if name not in fields]
    if missing:
        raise RowProblem(f"{missing[0]} is missing")
    problems = Problems()
    carton = problems.check(carton_code, fields["code"])
    values = {name: problems.check(_carton_field, name, value) for name, value in fields.items()
              if name in CARTON_COLUMNS and name != "code"}
    problems.raise_any()
    if "tare_g" in values and values["tare_g"] >= values["max_weight_g"]:
        raise RowProblem(f"max_weight_g {values['max_weight_g']} must be more than tare_g {values['tare_g']}")
    return CartonRow(line, carton, values)


# ------------------------------------------------------------------ orders

ADDRESS_KEYS = ("name", "company", "line1", "line2", "city", "region", "postcode", "country", "phone", "email")
ORDER_HEADER = ("channel", "platform_id", "tote", *(f"ship_to_{key}" for key in ADDRESS_KEYS), "carrier",
                "service_level", "ship_by", "priority", "notes", "gift_message", "packing_instructions", "status")
ORDER_COLUMNS = ("order_number", *ORDER_HEADER, "sku", "quantity")
ORDER_REQUIRED = ("order_number", "sku", "quantity")
ORDER_DEFAULTS: dict[str, Any] = {
    "channel": "", "tote": None, **{f"ship_to_{key}": "" for key in ADDRESS_KEYS}, "carrier": "",
    "service_level": "", "ship_by": None, "priority": 0, "notes": "", "gift_message": "",
    "packing_instructions": "", "hold_reason": "",
}
_MULTILINE = frozenset({"notes", "gift_message", "packing_instructions"})
STATUSES = ("open", "cancelled")


def order_number(value: object) -> str:
    """Order numbers are read upper-case, as the scanner reports them (`so-1001` is SO-1001)."""
    raw = code(value, "order_number", limit(_ORDERS, "number")).upper()
    try:
        order_barcode(raw)
    except ValueError:
        raise RowProblem(f"order_number {_shown(raw)} has characters a scanner cannot send") from None
    return raw


def _tote(value: object) -> str | None:
    raw = code(value, "tote", limit(_ORDERS, "tote"), required=False)
    if not raw:
        return None
    try:
        tote_barcode(raw)
    except ValueError:
        raise RowProblem(f"tote {_shown(raw)} may only have letters A-Z, digits, '.', '_' and '-' "
                         "(at most 32)") from None
    return raw.upper()  # order_by_tote looks totes up in capitals


def order_field(name: str, value: object) -> Any:
    """One header field of an order, converted; raises RowProblem."""
    if name == "tote":
        return _tote(value)
    if name == "ship_by":
        return day(value, name)
    if name == "priority":
        return whole(value, name, maximum=MAX_PRIORITY) or 0
    if name == "ship_to_country":
        return country(value, name)
    if name == "status":
        raw = _raw_text(value, name).lower() or "open"
        if raw not in STATUSES:
            raise RowProblem(f"status {_shown(raw)} must be open or cancelled")
        return raw
    return text(value, name, limit(_ORDERS, name), multiline=name in _MULTILINE)


def order_values(fields: Mapping[str, object], lines: Mapping[str, int] | None = None) -> tuple[dict[str, Any], bool]:
    """An order's header fields converted, and whether the file cancels it.

    `lines` says which line each field came from, so that an error points at the right row.
    """
    values: dict[str, Any] = {}
    cancelled = False
    located: list[tuple[int | None, str]] = []
    for name, value in fields.items():
        if value == "" and name in ORDER_DEFAULTS:  # most cells are empty: skip the converters
            values[name] = ORDER_DEFAULTS[name]
            continue
        try:
            converted = order_field(name, value)
        except RowProblem as problem:
            located += [((lines or {}).get(name), message) for message in problem.messages]
            continue
        if name == "status":
            cancelled = converted == "cancelled"
        else:
            values[name] = converted
    if located:
        raise LocatedProblem(located)
    return values, cancelled


class LocatedProblem(RowProblem):
    """Problems that know their lines (an order's field may come from its third row)."""

    def __init__(self, located: list[tuple[int | None, str]]) -> None:
        super().__init__(*(message for _, message in located))
        self.located = located


def order_line(line: int, sku: object, quantity: object) -> OrderLineRow:
    if isinstance(sku, str) and isinstance(quantity, str):
        # The usual row, checked without the general converters: it is the hot loop of a big import.
        clean, count = sku.strip(), quantity.strip()
        if (clean and clean.isascii() and len(clean) <= (limit(_PRODUCTS, "sku") or 64)
                and not _CONTROL.search(clean) and count.isascii() and count.isdigit()
                and 1 <= int(count) <= MAX_QUANTITY):
            return OrderLineRow(line, clean, int(count))
    problems = Problems()
    checked_sku = problems.check(code, sku, "sku", limit(_PRODUCTS, "sku"))
    checked_quantity = problems.check(whole, quantity, "quantity", minimum=1, maximum=MAX_QUANTITY, required=True)
    problems.raise_any()
    return OrderLineRow(line, checked_sku, checked_quantity)


def merge_lines(lines: Iterable[OrderLineRow]) -> list[OrderLineRow]:
    """One line per SKU: a packer scans a SKU against one line, so repeats are added together."""
    merged: dict[str, OrderLineRow] = {}
    for line in lines:
        if line.sku in merged:
            first = merged[line.sku]
            merged[line.sku] = OrderLineRow(first.line, first.sku, min(first.quantity + line.quantity, MAX_QUANTITY))
        else:
            merged[line.sku] = line
    return list(merged.values())


# ------------------------------------------------------------------ checks across the file


def reject_duplicate_products(parsed: Parsed[ProductRow]) -> None:
    """A SKU or a barcode used twice in one file: the later row is the error."""
    skus: dict[str, int] = {}
    owners: dict[str, tuple[str, int]] = {}
    kept: list[ProductRow] = []
    for row in parsed.records:
        problem = None
        if row.sku in skus:
            problem = f"SKU {row.sku} is already on line {skus[row.sku]}"
        else:
            for spec in row.barcodes or ():
                owner = owners.get(spec.code)
                if owner is not None:
                    problem = f"barcode {spec.code} is already used by SKU {owner[0]} on line {owner[1]}"
                    break
        if problem:
            parsed.fail(row.line, problem)
            parsed.rejected += 1
            continue
        skus[row.sku] = row.line
        for spec in row.barcodes or ():
            owners[spec.code] = (row.sku, row.line)
        kept.append(row)
    parsed.records = kept


def reject_duplicate_cartons(parsed: Parsed[CartonRow]) -> None:
    seen: dict[str, int] = {}
    kept = []
    for row in parsed.records:
        if row.code in seen:
            parsed.fail(row.line, f"carton {row.code} is already on line {seen[row.code]}")
            parsed.rejected += 1
            continue
        seen[row.code] = row.line
        kept.append(row)
    parsed.records = kept
