"""Importing orders, products and cartons from CSV, JSON and Shopify exports.

    report = import_file(sessions, "orders", Path("orders.csv"))
    print(report.summary())

An import is all-or-nothing: with any bad row nothing is written, and the report lists every
problem with its line. With `skip_invalid=True` the good records are written and the bad ones
reported. A record is one product, one carton or one whole order: an order with one bad line
is left out entirely, never imported short.

Re-importing updates instead of duplicating: products by SKU (their barcodes replaced),
cartons by code, orders by number (their lines replaced). An order a bench has opened, packed
or shipped is never changed. The file formats are described in docs/import-formats.md.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import Connection
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from app.store.importing import csv_format, json_format, shopify
from app.store.importing.rows import Parsed, RowError
from app.store.importing.source import FileProblem, detect_format, read_text, shopify_kind
from app.store.importing.writer import (
    ANALYZE_AFTER,
    Plan,
    claim_write_lock,
    plan_cartons,
    plan_orders,
    plan_products,
    refresh_statistics,
)

__all__ = ["FORMATS", "KINDS", "ImportReport", "RowError", "import_file"]

log = logging.getLogger(__name__)

Kind = Literal["orders", "products", "cartons"]
KINDS: tuple[str, ...] = ("orders", "products", "cartons")
FORMATS: tuple[str, ...] = ("csv", "json", "shopify")
SHOWN_ERRORS = 100  # a summary with 250,000 identical errors helps nobody; the report keeps them all

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
_PLANNERS: dict[str, Callable[[Connection, list[Any]], Plan]] = {
    "products": plan_products, "cartons": plan_cartons, "orders": plan_orders}
_SINGULAR = {"orders": "order", "products": "product", "cartons": "carton"}


@dataclass
class ImportReport:
    kind: str
    format: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0  # records not written: bad ones, or all of them when the file was refused
    errors: list[RowError] = field(default_factory=list)
    committed: bool = False
    notes: list[str] = field(default_factory=list)  # things worth knowing that are not errors
    importable: int = 0  # when refused: the good records that --skip-invalid would write

    def summary(self) -> str:
        """Counts first, then one line per error ("line 7: quantity 'abc' is not a whole number")."""
        lines = [self._headline()]
        lines += [f"note: {note}" for note in self.notes]
        for error in sorted(self.errors, key=lambda e: e.line)[:SHOWN_ERRORS]:
            lines.append(f"line {error.line}: {error.message}" if error.line else f"file: {error.message}")
        if len(self.errors) > SHOWN_ERRORS:
            lines.append(f"... and {len(self.errors) - SHOWN_ERRORS:,} more errors")
        return "\n".join(lines)

    def _headline(self) -> str:
        what = f"{self.kind} ({self.format})"
        if not self.committed:
            errors = len(self.errors)
            advice = (f" Fix them, or run again with --skip-invalid to import the {self.importable:,} good "
                      f"{self.kind}." if self.importable else "")
            return (f"{what}: nothing imported — {errors} error{'s' if errors != 1 else ''}.{advice}"
                    if errors else f"{what}: nothing imported.")
        counts = (f"{what}: {self.created:,} created, {self.updated:,} updated, {self.unchanged:,} unchanged, "
                  f"{self.skipped:,} skipped")
        return counts + (f" — {len(self.errors)} error(s) below" if self.errors else "")


def import_file(sessions: sessionmaker[Session], kind: Kind, path: Path, *, format: str | None = None,
                skip_invalid: bool = False) -> ImportReport:
    """Read, check and write one file. Never raises for a bad file: the report says what is wrong."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    if format is not None and format not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {format!r}")
    path = Path(path)
    report = ImportReport(kind, format or ("json" if path.suffix.lower() in (".json", ".jsonl") else "csv"))
    try:
        text = read_text(path)
    except FileProblem as exc:
        return _refused(report, [exc.error])
    report.format = format or detect_format(path, text)
    reader = _READERS.get((kind, report.format))
    if reader is None:
        return _refused(report, [RowError(0, f"Shopify exports have no {kind}; use csv or json")])
    mismatch = _shopify_mismatch(kind, report.format, text)
    if mismatch:
        return _refused(report, [RowError(1, mismatch)])
    parsed = reader(text)
    report.notes += parsed.notes
    if parsed.refused:
        return _refused(report, parsed.errors)
    return _write(sessions, kind, parsed, report, skip_invalid)


def _shopify_mismatch(kind: str, fmt: str, text: str) -> str | None:
    if fmt != "shopify" and fmt != "csv":
        return None
    found = shopify_kind(text)
    if found is not None and found != kind:
        return f"this is a Shopify {_SINGULAR[found]} export, not {kind}: import it as {found}"
    return None


def _refused(report: ImportReport, errors: list[RowError]) -> ImportReport:
    report.errors += errors
    report.committed = False
    return report


def _write(sessions: sessionmaker[Session], kind: str, parsed: Parsed[Any], report: ImportReport,
           skip_invalid: bool) -> ImportReport:
    report.errors += parsed.errors
    try:
        with sessions() as session:
            conn = session.connection()
            claim_write_lock(conn)
            plan: Plan = _PLANNERS[kind](conn, parsed.records)
            report.errors += plan.errors
            bad = parsed.rejected + plan.rejected
            if report.errors and not skip_invalid:
                session.rollback()
                report.importable = plan.created + plan.updated + plan.unchanged
                report.skipped = bad + report.importable
                return report
            plan.apply(conn)
            if plan.created + plan.updated >= ANALYZE_AFTER:
                refresh_statistics(conn, kind)
            session.commit()
    except (IntegrityError, OperationalError) as exc:
        # Another writer got in between (a sync pull adding the same order) or held the
        # database past the busy timeout: the transaction rolled back, nothing was written.
        log.warning("import of %s rolled back: %s", kind, exc)
        return _refused(report, [RowError(0, f"the database refused the import, nothing was written: "
                                             f"{exc.orig or exc} — run it again")])
    report.created, report.updated, report.unchanged = plan.created, plan.updated, plan.unchanged
    report.skipped = bad
    report.committed = True
    return report
