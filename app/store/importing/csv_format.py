"""The station's own CSV files: products, cartons, and orders with one row per order line.

Column names are matched without regard to case, spaces or hyphens ("Order Number" is
order_number). Columns the station does not know are ignored and listed in the report's notes.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from app.store.importing.rows import (
    CARTON_COLUMNS,
    CARTON_REQUIRED,
    ORDER_COLUMNS,
    ORDER_HEADER,
    ORDER_REQUIRED,
    PRODUCT_COLUMNS,
    PRODUCT_REQUIRED,
    CartonRow,
    LocatedProblem,
    OrderLineRow,
    OrderRow,
    Parsed,
    ProductRow,
    RowProblem,
    build_carton,
    build_product,
    dimension_problem,
    merge_lines,
    order_line,
    order_number,
    order_values,
    reject_duplicate_cartons,
    reject_duplicate_products,
)

R = TypeVar("R")


def canonical(name: str) -> str:
    return name.strip().lower().replace(" ", "_").replace("-", "_")


class CsvProblem(Exception):
    """The CSV cannot be read past this point (a NUL byte, an unclosed quote...)."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


def csv_rows(text: str) -> Iterator[tuple[int, list[str]]]:
    """(line where the row starts, values) for each row that is not blank.

    A quoted value may span lines, so a row's line is counted from where the previous one ended.
    A quote that is never closed would make the rest of the file one value, and every order
    after it would vanish unseen; it is a CsvProblem naming the line where the quote opened.
    """
    source = io.StringIO(text, newline="")
    reader = csv.reader(source)
    start = 1
    while True:
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise CsvProblem(reader.line_num or start, f"the CSV cannot be read here: {exc}") from None
        line, start = start, reader.line_num + 1
        at_end = source.tell() == len(text)
        if at_end and reader.line_num > line and _unclosed_quote(text, line):
            last = reader.line_num
            raise CsvProblem(line, f"a quote opened in line {line} is never closed: lines {line}–{last} "
                                   "would be read as one value (close the quote, or remove it)")
        if any(value.strip() for value in values):
            yield line, values


def _unclosed_quote(text: str, line: int) -> bool:
    """Whether the row starting at `line` runs to the end of the text inside a quoted value.

    Only the last row, spanning lines, can; the lenient reader cannot tell, so that row is read
    again strictly, which fails at the end of the data inside a quote.
    """
    rest = io.StringIO(text, newline="")
    for _ in range(line - 1):
        rest.readline()
    strict = csv.reader(rest, strict=True)
    try:
        next(strict, None)
    except csv.Error as exc:
        return "unexpected end of data" in str(exc)
    return False


@dataclass
class Header:
    """Where each known column is, read from the first row."""

    columns: dict[str, int]
    width: int
    ignored: list[str] = field(default_factory=list)


def read_header(header: Sequence[str], known: Sequence[str], required: Sequence[str], parsed: Parsed) -> Header | None:
    """The header's known columns, or None after refusing the file (missing or repeated columns)."""
    columns: dict[str, int] = {}
    ignored = []
    for index, raw in enumerate(header):
        name = canonical(raw)
        if name in columns:
            parsed.refuse(1, f"column {name} appears twice in the header")
            return None
        if name in known:
            columns[name] = index
        elif name:
            ignored.append(raw.strip())
    missing = [name for name in required if name not in columns]
    if missing:
        plural = "s" if len(missing) > 1 else ""
        parsed.refuse(1, f"required column{plural} {', '.join(missing)} missing from the header "
                         f"(found: {', '.join(h.strip() for h in header) or 'nothing'})")
        return None
    if ignored:
        parsed.notes.append(f"columns not used by the station: {', '.join(ignored)}")
    return Header(columns, len(header), ignored)


def parse_table(text: str, known: Sequence[str], required: Sequence[str],
                build: Callable[[int, dict[str, str]], R], *,
                header_check: Callable[[Header], str | None] = lambda header: None) -> Parsed[R]:
    """Products and cartons: one record per row."""
    parsed: Parsed[R] = Parsed()
    try:
        rows = csv_rows(text)
        first = next(rows, None)
        if first is None:
            return parsed.refuse(1, "the file is empty: it needs a header row and at least one row")
        header = read_header(first[1], known, required, parsed)
        if header is None:
            return parsed
        problem = header_check(header)
        if problem:
            return parsed.refuse(1, problem)
        for line, values in rows:
            try:
                parsed.records.append(build(line, _fields(header, values)))
            except RowProblem as exc:
                parsed.reject(line, exc)
    except CsvProblem as exc:
        return parsed.refuse(exc.line, str(exc))
    return parsed


def _fields(header: Header, values: list[str]) -> dict[str, str]:
    if len(values) > header.width:
        raise RowProblem(f"the row has {len(values)} values but the header has {header.width} columns")
    # Spreadsheets drop trailing empty cells: a short row means empty values, not an error.
    return {name: values[index] if index < len(values) else "" for name, index in header.columns.items()}


def parse_products(text: str) -> Parsed[ProductRow]:
    parsed = parse_table(text, PRODUCT_COLUMNS, PRODUCT_REQUIRED, build_product,
                         header_check=lambda header: dimension_problem(header.columns))
    reject_duplicate_products(parsed)
    return parsed


def parse_cartons(text: str) -> Parsed[CartonRow]:
    parsed = parse_table(text, CARTON_COLUMNS, CARTON_REQUIRED, build_carton)
    reject_duplicate_cartons(parsed)
    return parsed


# ------------------------------------------------------------------ orders


@dataclass
class _PendingOrder:
    line: int
    fields: dict[str, str]  # header field -> first non-empty value
    field_lines: dict[str, int]
    lines: list[OrderLineRow] = field(default_factory=list)
    bad: bool = False


class OrderAssembler:
    """Builds orders from rows: header fields from the first row that has them, one line per row.

    Later rows may repeat a header field; a different value there is an error, because it
    usually means two different orders share a number.
    """

    def __init__(self, parsed: Parsed[OrderRow]) -> None:
        self.parsed = parsed
        self.pending: dict[str, _PendingOrder] = {}
        self._numbers: dict[object, str] = {}  # an order's rows repeat its number: check it once

    def number(self, line: int, raw: object) -> str | None:
        known = self._numbers.get(raw) if isinstance(raw, str | int) else None
        if known is not None:
            return known
        try:
            number = self._numbers[raw] = order_number(raw)
            return number
        except RowProblem as exc:
            self.parsed.fail(line, str(exc))
            self.parsed.rejected += 1  # a row without a usable number belongs to no order
            return None

    def add(self, line: int, number: str, header: Mapping[str, str], sku: str | None, quantity: object) -> None:
        pending = self.pending.get(number)
        if pending is None:
            fields = {name: value.strip() for name, value in header.items()}
            pending = self.pending[number] = _PendingOrder(line, fields, dict.fromkeys(fields, line))
        else:
            self._merge(pending, number, line, header)
        if sku is None:
            return
        try:
            pending.lines.append(order_line(line, sku, quantity))
        except RowProblem as exc:
            for message in exc.messages:
                self.fail(pending, line, f"order {number}: {message}")

    def reject(self, line: int, number: str, message: str) -> None:
        """The whole order is bad (a JSON order of the wrong shape): none of its rows import."""
        pending = self.pending.get(number)
        if pending is None:
            pending = self.pending[number] = _PendingOrder(line, {}, {})
        self.fail(pending, line, message)

    def fail(self, pending: _PendingOrder, line: int, message: str) -> None:
        self.parsed.fail(line, message)
        pending.bad = True

    def _merge(self, pending: _PendingOrder, number: str, line: int, header: Mapping[str, str]) -> None:
        fields = pending.fields
        for name, raw in header.items():
            value = raw.strip()
            if not value:
                continue
            first = fields.get(name, "")
            if not first:
                fields[name] = value
                pending.field_lines[name] = line
            elif first.casefold() != value.casefold():  # "tote-1" and "TOTE-1" are one tote
                self.fail(pending, line, f"order {number}: {name} {value!r} differs from {first!r} "
                                         f"on line {pending.field_lines[name]}")

    def drop(self, number: str) -> None:
        self.pending.pop(number, None)

    def finish(self) -> None:
        for number, pending in self.pending.items():
            if pending.bad:
                self.parsed.rejected += 1
                continue
            if not pending.lines:
                self.parsed.fail(pending.line, f"order {number} has no lines")
                self.parsed.rejected += 1
                continue
            try:
                values, cancelled = order_values(pending.fields, pending.field_lines)
            except LocatedProblem as exc:
                for line, message in exc.located:
                    self.parsed.fail(line or pending.line, f"order {number}: {message}")
                self.parsed.rejected += 1
                continue
            platform_id = values.pop("platform_id", None) or None
            self.parsed.records.append(OrderRow(pending.line, number, values, merge_lines(pending.lines), cancelled,
                                                platform_id))
        self.pending.clear()


def parse_orders(text: str) -> Parsed[OrderRow]:
    parsed: Parsed[OrderRow] = Parsed()
    try:
        rows = csv_rows(text)
        first = next(rows, None)
        if first is None:
            return parsed.refuse(1, "the file is empty: it needs a header row and at least one row")
        header = read_header(first[1], ORDER_COLUMNS, ORDER_REQUIRED, parsed)
        if header is None:
            return parsed
        assembler = OrderAssembler(parsed)
        header_columns = [(name, index) for name, index in header.columns.items() if name in ORDER_HEADER]
        number_at, sku_at, quantity_at = (header.columns[name] for name in ORDER_REQUIRED)
        for line, values in rows:
            if len(values) > header.width:
                parsed.fail(line, f"the row has {len(values)} values but the header has {header.width} columns")
                parsed.rejected += 1
                continue
            values += [""] * (header.width - len(values))
            number = assembler.number(line, values[number_at])
            if number is None:
                continue
            fields = {name: values[index] for name, index in header_columns}
            assembler.add(line, number, fields, values[sku_at], values[quantity_at])
        assembler.finish()
    except CsvProblem as exc:
        return parsed.refuse(exc.line, str(exc))
    return parsed
