"""Where central orders come from: a small adapter interface, and files as its first adapter.

    class OrderSource(Protocol):
        name: str
        def fetch(self, cursor: str | None) -> SourceBatch: ...

An adapter returns what changed since its own cursor (opaque to us: a file's digest, a shop
API's updated_at or page token) as validated rows, plus the cursor to store. `pull_source`
writes a batch and stores the new cursor in the same central transaction, so a crash between
the two never skips or repeats a change. A shop API adapter (Shopify's Admin API, a WMS
export) implements `fetch` and reuses the row builders of app.store.importing.rows.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import Engine, text

from app.store.importing import FORMATS, ImportReport, csv_format, json_format, shopify
from app.store.importing.rows import Parsed, RowError
from app.store.importing.source import FileProblem, detect_format, read_text, shopify_kind
from app.sync import importer

_READERS: dict[tuple[str, str], Callable[[str], Parsed[Any]]] = {
    ("products", "csv"): csv_format.parse_products,
    ("cartons", "csv"): csv_format.parse_cartons,
    ("orders", "csv"): csv_format.parse_orders,
    ("products", "json"): json_format.parse_products,
    ("cartons", "json"): json_format.parse_cartons,
    ("orders", "json"): json_format.parse_orders,
    ("products", "shopify"): shopify.parse_products,
    ("orders", "shopify"): shopify.parse_orders,
}
KINDS = ("orders", "products", "cartons")


@dataclass
class SourceBatch:
    """What a source says changed: one kind of record, validated, with the errors it found."""

    kind: str
    format: str
    parsed: Parsed = field(default_factory=Parsed)
    cursor: str | None = None  # the source's position after this batch; None: nothing new
    refused: bool = False


class OrderSource(Protocol):
    name: str

    def fetch(self, cursor: str | None) -> SourceBatch:
        """What changed since `cursor` (None: everything)."""
        ...


class FileSource:
    """A CSV, JSON or Shopify export file. Its cursor is the file's SHA-256: the same file twice is no change."""

    def __init__(self, path: Path, kind: str, *, format: str | None = None) -> None:
        if kind not in KINDS:
            raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
        if format is not None and format not in FORMATS:
            raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {format!r}")
        self.path = Path(path)
        self.kind = kind
        self.format = format
        self.name = f"file:{kind}:{self.path.name}"

    def fetch(self, cursor: str | None) -> SourceBatch:
        batch = SourceBatch(self.kind, self.format or "?")
        try:
            content = read_text(self.path)
        except FileProblem as exc:
            return _refuse(batch, exc.error)
        digest = hashlib.sha256(content.encode()).hexdigest()
        if cursor == digest:
            return batch
        batch.cursor = digest
        batch.format = self.format or detect_format(self.path, content)
        reader = _READERS.get((self.kind, batch.format))
        if reader is None:
            return _refuse(batch, RowError(0, f"Shopify exports have no {self.kind}; use csv or json"))
        found = shopify_kind(content) if batch.format in ("csv", "shopify") else None
        if found is not None and found != self.kind:
            singular = found.rstrip("s")
            return _refuse(batch, RowError(1, f"this is a Shopify {singular} export, not {self.kind}: "
                                              f"import it as {found}"))
        batch.parsed = reader(content)
        batch.refused = batch.parsed.refused
        return batch


def _refuse(batch: SourceBatch, error: RowError) -> SourceBatch:
    batch.parsed = Parsed(errors=[error], refused=True)
    batch.refused = True
    return batch


def pull_source(engine: Engine, source: OrderSource, *, skip_invalid: bool = False,
                use_cursor: bool = True) -> ImportReport:
    """Fetch a source's changes and write them centrally; the source's cursor moves only with a write.

    `use_cursor=False` imports everything the source has again (a file re-imported by hand:
    unchanged rows are still not rewritten).
    """
    with engine.begin() as conn:
        cursor = None
        if use_cursor:
            cursor = conn.execute(text("SELECT cursor FROM source_cursors WHERE source = :s"),
                                  {"s": source.name}).scalar()
        batch = source.fetch(cursor)
        report = ImportReport(batch.kind, batch.format)
        report.notes += batch.parsed.notes
        if batch.refused:
            report.errors += batch.parsed.errors
            return report
        if batch.cursor is None:
            report.committed = True
            report.notes.append(f"{source.name}: nothing new since the last import")
            return report
        written = importer.apply(conn, batch.kind, batch.parsed.records, batch.parsed.errors, batch.parsed.rejected,
                                 report, skip_invalid=skip_invalid, source=source.name[:64])
        if not written:
            conn.rollback()
            return report
        conn.execute(text("INSERT INTO source_cursors (source, cursor, updated_at) VALUES (:s, :c, now()) "
                          "ON CONFLICT (source) DO UPDATE SET cursor = EXCLUDED.cursor, updated_at = now()"),
                     {"s": source.name, "c": batch.cursor})
    return report


def import_file(engine: Engine, kind: str, path: Path, *, format: str | None = None,
                skip_invalid: bool = False) -> ImportReport:
    """`packstation central import`: one file, checked and written like the station's import."""
    return pull_source(engine, FileSource(path, kind, format=format), skip_invalid=skip_invalid, use_cursor=False)
