"""Reading an import file as text, and telling which format it is."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from app.store.importing.rows import RowError

BOM = b"\xef\xbb\xbf"

# Columns that only Shopify's exports have: enough to tell them from our own CSV.
SHOPIFY_ORDER_MARKS = frozenset({"name", "lineitem sku", "lineitem quantity"})
SHOPIFY_PRODUCT_HANDLES = frozenset({"handle", "url handle"})
SHOPIFY_PRODUCT_MARKS = frozenset({"variant sku", "variant barcode", "variant grams", "option1 name",
                                   "sku", "barcode", "weight value (grams)"})


class FileProblem(Exception):
    """The whole file cannot be read; nothing of it is imported."""

    def __init__(self, error: RowError) -> None:
        super().__init__(error.message)
        self.error = error


def read_text(path: Path) -> str:
    """The file as text: UTF-8, with or without a byte-order mark (Excel writes one)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FileProblem(RowError(0, f"cannot read {path}: {exc.strerror or exc}")) from None
    skipped = len(BOM) if data.startswith(BOM) else 0
    try:
        return data[skipped:].decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = skipped + exc.start
        line = data.count(b"\n", 0, offset) + 1
        byte = data[offset]
        raise FileProblem(RowError(line, f"the file is not UTF-8 text: byte 0x{byte:02X} at byte offset {offset} "
                                         "cannot be read — save the file as UTF-8 (CSV UTF-8 in Excel)")) from None


def header_names(text: str) -> list[str]:
    """The first row of a CSV text, lower-cased, for detecting the format."""
    try:
        first = next(csv.reader(io.StringIO(text, newline="")), [])
    except csv.Error:
        return []
    return [name.strip().lower() for name in first]


def detect_format(path: Path, text: str) -> str:
    """json for .json/.jsonl files and text that starts like JSON; shopify for its exports; else csv."""
    if path.suffix.lower() in (".json", ".jsonl", ".ndjson") or text.lstrip()[:1] in ("[", "{"):
        return "json"
    names = set(header_names(text))
    if names >= SHOPIFY_ORDER_MARKS:
        return "shopify"
    if names & SHOPIFY_PRODUCT_HANDLES and names & SHOPIFY_PRODUCT_MARKS:
        return "shopify"
    return "csv"


def shopify_kind(text: str) -> str | None:
    """'orders' or 'products' for a Shopify export, None when it is neither."""
    names = set(header_names(text))
    if names >= SHOPIFY_ORDER_MARKS:
        return "orders"
    if names & SHOPIFY_PRODUCT_HANDLES:
        return "products"
    return None
