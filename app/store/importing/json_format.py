"""JSON files: an array of objects, or JSON Lines (one object per line, as `export` writes).

The array is read one item at a time with the decoder's raw_decode, so that every error can
name the line where its object starts rather than "item 5,837".
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, TypeVar

from app.store.importing.csv_format import OrderAssembler
from app.store.importing.rows import (
    ADDRESS_KEYS,
    CARTON_COLUMNS,
    ORDER_HEADER,
    PRODUCT_COLUMNS,
    CartonRow,
    OrderRow,
    Parsed,
    ProductRow,
    RowProblem,
    build_carton,
    build_product,
    reject_duplicate_cartons,
    reject_duplicate_products,
)

R = TypeVar("R")
_WHITESPACE = " \t\n\r"


class JsonProblem(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


def json_items(text: str) -> Iterator[tuple[int, Any]]:
    """(line where the item starts, item) for each item of the top-level array or JSON Lines."""
    start = _skip(text, 0)
    if start == len(text):
        raise JsonProblem(1, "the file is empty: write a JSON array of objects")
    if text[start] == "{":
        yield from _json_lines(text)
    elif text[start] == "[":
        yield from _json_array(text, start)
    else:
        raise JsonProblem(_line_at(text, start), "expected a JSON array ([...]) or one JSON object per line")


def _skip(text: str, index: int) -> int:
    while index < len(text) and text[index] in _WHITESPACE:
        index += 1
    return index


def _line_at(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def _json_array(text: str, start: int) -> Iterator[tuple[int, Any]]:
    decoder = json.JSONDecoder()
    index = _skip(text, start + 1)
    line, counted = 1, 0
    if index < len(text) and text[index] == "]":
        return
    while True:
        line += text.count("\n", counted, index)
        counted = index
        try:
            item, end = decoder.raw_decode(text, index)
        except json.JSONDecodeError as exc:
            raise JsonProblem(exc.lineno, f"not valid JSON: {exc.msg} (column {exc.colno})") from None
        yield line, item
        index = _skip(text, end)
        if index >= len(text):
            raise JsonProblem(_line_at(text, index), "not valid JSON: the array is not closed with ]")
        if text[index] == "]":
            break
        if text[index] != ",":
            raise JsonProblem(_line_at(text, index), "not valid JSON: expected ',' or ']' after an item")
        index = _skip(text, index + 1)
    rest = _skip(text, index + 1)
    if rest < len(text):
        raise JsonProblem(_line_at(text, rest), "not valid JSON: there is more after the closing ]")


def _json_lines(text: str) -> Iterator[tuple[int, Any]]:
    for line, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            yield line, json.loads(raw)
        except json.JSONDecodeError as exc:
            raise JsonProblem(line, f"not valid JSON: {exc.msg} (column {exc.colno})") from None


def _object(item: Any, what: str, known: Sequence[str]) -> Mapping[str, Any]:
    if not isinstance(item, dict):
        raise RowProblem(f"each {what} must be a JSON object {{...}}, not {type(item).__name__}")
    unknown = [key for key in item if key not in known]
    if unknown:
        raise RowProblem(f"unknown field {unknown[0]!r} (known: {', '.join(known)})")
    return item


def parse_items(text: str, build: Callable[[int, Any], R]) -> Parsed[R]:
    parsed: Parsed[R] = Parsed()
    try:
        for line, item in json_items(text):
            try:
                parsed.records.append(build(line, item))
            except RowProblem as exc:
                parsed.reject(line, exc)
    except JsonProblem as exc:
        return parsed.refuse(exc.line, str(exc))
    return parsed


def parse_products(text: str) -> Parsed[ProductRow]:
    parsed = parse_items(text, lambda line, item: build_product(line, _object(item, "product", PRODUCT_COLUMNS)))
    reject_duplicate_products(parsed)
    return parsed


def parse_cartons(text: str) -> Parsed[CartonRow]:
    parsed = parse_items(text, lambda line, item: build_carton(line, _object(item, "carton", CARTON_COLUMNS)))
    reject_duplicate_cartons(parsed)
    return parsed


# ------------------------------------------------------------------ orders

ORDER_KEYS = ("order_number", *(name for name in ORDER_HEADER if not name.startswith("ship_to_")), "ship_to", "lines")
LINE_KEYS = ("sku", "quantity")


def parse_orders(text: str) -> Parsed[OrderRow]:
    """Orders with nested ship_to and lines. An order number given twice is one order, merged."""
    parsed: Parsed[OrderRow] = Parsed()
    assembler = OrderAssembler(parsed)
    try:
        for line, item in json_items(text):
            try:
                _add_order(assembler, line, item)
            except RowProblem as exc:
                parsed.reject(line, exc)
    except JsonProblem as exc:
        return parsed.refuse(exc.line, str(exc))
    assembler.finish()
    return parsed


def _add_order(assembler: OrderAssembler, line: int, item: Any) -> None:
    order = _object(item, "order", ORDER_KEYS)
    if "order_number" not in order:
        raise RowProblem("order_number is missing")
    number = assembler.number(line, order["order_number"])
    if number is None:
        return
    try:
        header, lines = _order_parts(number, order)
    except RowProblem as exc:
        assembler.reject(line, number, str(exc))
        return
    for sku, quantity in lines:
        assembler.add(line, number, header, sku, quantity)


def _order_parts(number: str, order: Mapping[str, Any]) -> tuple[dict[str, str], list[tuple[str, Any]]]:
    """The order's header fields as text and its (sku, quantity) lines, all checked for shape first
    so that a bad third line never leaves an order with only two."""
    header = {name: _as_text(value, name) for name, value in order.items() if name in ORDER_HEADER}
    address = order.get("ship_to") or {}
    if not isinstance(address, dict):
        raise RowProblem(f"order {number}: ship_to must be an object {{\"name\": ..., \"city\": ...}}")
    try:
        for key, value in _object(address, "ship_to", ADDRESS_KEYS).items():
            header[f"ship_to_{key}"] = _as_text(value, f"ship_to.{key}")
    except RowProblem as exc:
        raise RowProblem(f"order {number}: {exc}") from None
    entries = order.get("lines")
    if not isinstance(entries, list) or not entries:
        raise RowProblem(f"order {number}: lines must be a list of {{\"sku\": ..., \"quantity\": ...}}")
    lines = []
    for position, entry in enumerate(entries, start=1):
        try:
            fields = _object(entry, "line", LINE_KEYS)
            if "sku" not in fields or "quantity" not in fields:
                raise RowProblem("needs both sku and quantity")
            lines.append((_as_text(fields["sku"], "sku"), fields["quantity"]))
        except RowProblem as exc:
            raise RowProblem(f"order {number}, line {position}: {exc}") from None
    return header, lines


def _as_text(value: Any, name: str) -> str:
    """Header fields go through the assembler as text, as CSV cells do; numbers stay readable."""
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise RowProblem(f"{name} must be text or a number, not {json.dumps(value)[:40]}")
    return str(value)
