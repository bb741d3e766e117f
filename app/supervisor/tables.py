"""Every supervisor table as plain data: the window, the CSV export, the PDF and the command line
show the same columns and the same figures, because they all read a TableData from here.

A cell holds the raw value (int, float, seconds, datetime, text). `display()` formats it for a
person (12.3, 1:23, 2.1 %, 14:05); `export()` gives the value a spreadsheet or a script wants
(numbers rounded as shown, times in ISO 8601). CSV text that a spreadsheet would run as a
formula gets a leading apostrophe (OWASP), as in app.store.exporting.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TextIO

from app.supervisor.audit import HistoryRow, OrderHit
from app.supervisor.floor import FloorSnapshot
from app.supervisor.holds import HoldItem
from app.supervisor.productivity import NOT_ENOUGH_DATA, Figures, Productivity
from app.supervisor.returns_figures import MAX_SKUS, AccuracyRow, ReturnsFigures

# Kinds of cell: how a value is shown and exported.
TEXT, INT, RATE, PCT, SECONDS, HOURS, TIME, DATETIME, STAMP = (
    "text", "int", "rate", "pct", "seconds", "hours", "time", "dt", "stamp")
NUMERIC = frozenset({INT, RATE, PCT, SECONDS, HOURS})
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Headings on two lines, for the screen and the PDF, where a column is narrower than its title.
TWO_LINE_TITLES = {"orders_per_h": "Orders\n/h", "parcels_per_h": "Parcels\n/h", "units_per_h": "Units\n/h",
                   "weighted_per_h": "Weighted\n/h", "error_rate": "Scan\nerrors", "reprints": "Re-\nprints",
                   "overrides": "Over-\nrides", "reopened": "Boxes\nreopened", "median_s": "Median\norder",
                   "p90_s": "P90\norder", "orders_today": "Orders\ntoday", "order_minutes": "On\norder",
                   "return_rate": "Return\nrate", "lines_right": "Lines\nright", "line_accuracy": "Line\naccuracy",
                   "units_expected": "Units\nexpected", "units_counted": "Units\ncounted", "units_off": "Units\noff",
                   "unit_accuracy": "Unit\naccuracy", "not_in_order": "Not in\norder",
                   "missing_parts": "Missing\nparts", "wrong_item": "Wrong\nitem", "share": "Share of\nreturns",
                   "restock_median_s": "Median\nrestock",
                   "restock_p90_s": "P90\nrestock", "lines_counted": "Lines\ncounted"}


@dataclass(frozen=True)
class Col:
    key: str
    title: str
    kind: str = TEXT
    tip: str = ""


@dataclass
class TableData:
    title: str
    columns: list[Col]
    rows: list[list[Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # shown under the table and in the PDF
    total: list[Any] | None = None  # a total row (the floor), kept apart for sorting

    def index(self, key: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.key == key)

    def records(self, *, with_total: bool = False) -> list[dict[str, Any]]:
        rows = [*self.rows, self.total] if with_total and self.total is not None else self.rows
        return [{c.key: export(c.kind, v) for c, v in zip(self.columns, row, strict=True)} for row in rows]


def display(kind: str, value: Any) -> str:
    if value is None or value == "":
        return "—"
    if kind == INT:
        return f"{int(value):,}"
    if kind == RATE:
        return f"{value:,.1f}"
    if kind == PCT:
        return f"{value * 100:.1f} %"
    if kind == SECONDS:
        return duration(float(value), seconds=True)
    if kind == HOURS:
        return duration(float(value), seconds=False)
    if kind == TIME and isinstance(value, datetime):
        return value.astimezone().strftime("%H:%M")
    if kind == STAMP and isinstance(value, datetime):  # an audit trail: to the second
        return value.astimezone().strftime("%d %b %H:%M:%S")
    if kind in (TIME, DATETIME) and isinstance(value, datetime):
        return value.astimezone().strftime("%d %b %H:%M")
    return str(value)


def duration(value: float, *, seconds: bool) -> str:
    """"23s", "2m 05s", "1h 07m": units on the screen, so a cycle time never reads as a clock time."""
    total = max(0, round(value))
    if not seconds:
        total = round(total / 60) * 60
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}h {minutes:02d}m"
    if not seconds:
        return f"{minutes}m"
    return f"{minutes}m {secs:02d}s" if minutes else f"{secs}s"


def export(kind: str, value: Any) -> Any:
    """The value as CSV and JSON carry it: rounded the way the screen shows it."""
    if value is None:
        return None
    if kind == INT:
        return int(value)
    if kind in (RATE, SECONDS, HOURS):
        return round(float(value), 2)
    if kind == PCT:
        return round(float(value), 4)
    if isinstance(value, datetime):
        return value.astimezone().isoformat(timespec="seconds")
    return value


def write_csv(table: TableData, out: TextIO, *, with_total: bool = True) -> int:
    writer = csv.writer(out)
    writer.writerow([c.key for c in table.columns])
    count = 0
    for record in table.records(with_total=with_total):
        writer.writerow(["" if v is None else _safe(v) for v in record.values()])
        count += 1
    return count


def _safe(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def text_table(table: TableData, *, with_total: bool = True) -> str:
    """A fixed-width table for a terminal."""
    rows = [*table.rows, table.total] if with_total and table.total is not None else table.rows
    cells = [[display(c.kind, v) for c, v in zip(table.columns, row, strict=True)] for row in rows]
    titles = [c.title for c in table.columns]
    widths = [max(len(t), *(len(r[i]) for r in cells)) if cells else len(t) for i, t in enumerate(titles)]

    def line(values: Iterable[str]) -> str:
        return "  ".join(v.rjust(w) if c.kind in NUMERIC else v.ljust(w)
                         for v, w, c in zip(values, widths, table.columns, strict=True)).rstrip()

    out = [line(titles), line("-" * w for w in widths)]
    body = [line(r) for r in cells]
    if with_total and table.total is not None and body:
        body.insert(-1, line("-" * w for w in widths))
    return "\n".join([*out, *body, *table.notes])


# ---------------------------------------------------------------- the tables


def productivity_columns(by: str) -> list[Col]:
    who = "Packer" if by == "packer" else "Station"
    return [
        Col("rank", "#", INT),
        Col("name", who),
        Col("orders", "Orders", INT),
        Col("parcels", "Parcels", INT),
        Col("units", "Units", INT),
        Col("active_s", "Active", HOURS, "Time with an order open plus short gaps between orders"),
        Col("orders_per_h", "Orders/h", RATE),
        Col("parcels_per_h", "Parcels/h", RATE),
        Col("units_per_h", "Units/h", RATE),
        Col("weighted", "Weighted", RATE, "Orders weighted by difficulty"),
        Col("weighted_per_h", "Weighted/h", RATE, "Fair productivity: weighted orders per active hour"),
        Col("median_s", "Median", SECONDS, "Median time per order, opened → packed"),
        Col("p90_s", "P90", SECONDS, "9 in 10 orders took at most this long"),
        Col("idle_s", "Idle", HOURS, "Time between orders, breaks over 30 min left out"),
        Col("error_rate", "Errors", PCT, "Scan errors: refused scans / all scans"),
        Col("holds", "Holds", INT),
        Col("voids", "Voids", INT),
        Col("reprints", "Reprints", INT),
        Col("overrides", "Overrides", INT, "Supervisor approvals (short or weight)"),
        Col("reopened", "Reopened", INT, "Boxes reopened"),
    ]


def _figure_row(rank: int | None, f: Figures) -> list[Any]:
    return [rank, f.name, f.orders, f.parcels, f.units, f.active_s, f.orders_per_h, f.parcels_per_h, f.units_per_h,
            f.weighted, f.weighted_per_h, f.median_s, f.p90_s, f.idle_s, f.error_rate, f.holds, f.voids,
            f.reprints, f.overrides, f.reopened]


def productivity_table(p: Productivity) -> TableData:
    who = "packer" if p.by == "packer" else "station"
    table = TableData(f"Productivity per {who} — {p.period.describe()}", productivity_columns(p.by))
    table.rows = [_figure_row(i, f) for i, f in enumerate(p.rows, start=1)]
    table.total = _figure_row(None, p.total)
    table.notes = [f"Difficulty weights: {p.weights.describe()}.",
                   "Rates are per active hour; an order counts when it is packed, with its whole cycle time."]
    thin = [f.name for f in (*p.rows, p.total) if not f.enough_data and (f.orders or f.active_s)]
    if thin:
        table.notes.append(f"— in a rate: {NOT_ENOUGH_DATA} (less than {minutes_text(p.min_active_s)} of active "
                           "time; a rate from a few minutes is no hourly rate).")
    return table


def minutes_text(seconds: float) -> str:
    minutes = seconds / 60
    return f"{minutes:g} min"


def rate_text(f: Figures, value: float | None) -> str:
    """A rate as a person reads it: "12.3", or "not enough data" when the active time is too short."""
    if value is None and not f.enough_data and (f.orders or f.active_s):
        return NOT_ENOUGH_DATA
    return display(RATE, value)


def hourly_table(p: Productivity) -> TableData:
    one_day = p.period.seconds <= 86400
    table = TableData(f"Per hour — {p.period.describe()}", [
        Col("hour", "Hour", TIME if one_day else DATETIME), Col("orders", "Orders", INT), Col("units", "Units", INT),
        Col("parcels", "Parcels", INT), Col("rejected", "Refused scans", INT), Col("weighted", "Weighted", RATE)])
    table.rows = [[h.start, h.orders, h.units, h.parcels, h.rejected, h.weighted] for h in p.hourly]
    return table


def floor_table(snapshot: FloorSnapshot) -> TableData:
    now = snapshot.taken_at
    table = TableData("Floor", [
        Col("station", "Station"), Col("packer", "Packer"), Col("state", "State"), Col("order", "Order"),
        Col("order_minutes", "On order", SECONDS, "Time since the order was opened"),
        Col("last_activity", "Last activity", TIME), Col("idle_s", "Quiet for", SECONDS),
        Col("printer", "Printer"), Col("device", "Devices"), Col("online", "Link"),
        Col("orders_today", "Orders today", INT), Col("level", "Level")])
    for s in snapshot.stations:
        on_order = (now - s.order_opened_at).total_seconds() if s.order_opened_at else None
        link = {True: "offline", False: "online"}.get(s.offline) if s.offline is not None else None
        table.rows.append([s.station, s.packer, s.state, s.order, on_order, s.last_activity, s.idle_for(now),
                           s.printer.text if s.printer else None, s.device.text if s.device else None, link,
                           s.orders_today, s.level])
    return table


def printers_table(snapshot: FloorSnapshot) -> TableData:
    table = TableData("Printers", [Col("printer", "Printer"), Col("queued", "Waiting", INT),
                                   Col("sending", "Sending", INT), Col("failed", "Failed", INT),
                                   Col("done", "Printed", INT), Col("last_error", "Last error")])
    table.rows = [[p.printer, p.queued, p.sending, p.failed, p.done, p.last_error] for p in snapshot.printers]
    return table


def holds_table(items: list[HoldItem], now: datetime) -> TableData:
    table = TableData("Holds and conflicts", [
        Col("number", "Order"), Col("title", "Reason"), Col("age_s", "Waiting", HOURS, "How long the tote has waited"),
        Col("station", "Station"), Col("packer", "Packer"), Col("detail", "Detail"), Col("since", "Since", DATETIME),
        Col("kind", "Kind")])
    table.rows = [[i.number, i.title, i.age_s(now), i.station, i.packer, i.detail, i.since, i.kind] for i in items]
    return table


def search_table(hits: list[OrderHit]) -> TableData:
    table = TableData("Orders", [Col("number", "Order"), Col("status", "Status"), Col("matched_by", "Found by"),
                                 Col("last_activity", "Last activity", DATETIME), Col("station", "Station"),
                                 Col("packer", "Packer"), Col("hold_reason", "Hold reason")])
    table.rows = [[h.number, h.status, h.matched_by, h.last_activity, h.station, h.packer, h.hold_reason]
                  for h in hits]
    return table


def history_table(number: str, events: list[HistoryRow]) -> TableData:
    table = TableData(f"Order {number} — audit trail", [
        Col("at", "Time", STAMP), Col("station", "Station"), Col("packer", "Packer"), Col("text", "What happened"),
        Col("type", "Event"), Col("level", "Level")])
    table.rows = [[e.at, e.station, e.packer, e.text, e.type, e.level] for e in events]
    return table


def to_json(p: Productivity) -> str:
    """The productivity figures as the CLI's --format json prints them."""
    table = productivity_table(p)
    return json.dumps({
        "period": {"since": p.period.since.isoformat(), "until": p.period.until.isoformat(),
                   "label": p.period.label},
        "by": p.by,
        "min_active_s": p.min_active_s,  # rates are null below this much active time (not enough data)
        "weights": {"single": p.weights.single, "multi": p.weights.multi, "mixed": p.weights.mixed,
                    "serial": p.weights.serial},
        "rows": table.records(),
        "total": dict(zip([c.key for c in table.columns], [export(c.kind, v) for c, v in
                                                            zip(table.columns, table.total or [], strict=True)],
                          strict=True)),
        "hourly": hourly_table(p).records(),
        "generated_at": p.generated_at.isoformat(timespec="seconds"),
    }, indent=2, ensure_ascii=False)


# ---------------------------------------------------------------- returns and stock


RETURNS_TABLES = ("summary", "rates", "reasons", "restock", "bins", "skus")  # the order of the CLI and the JSON


def returns_summary_table(f: ReturnsFigures) -> TableData:
    restock, acc = f.restock_all, f.accuracy
    table = TableData(f"Returns and stock — {f.period.describe()}", [
        Col("shipped", "Shipped", INT, "Units shipped in the period (stock movements, net of voided labels)"),
        Col("returned", "Returned", INT, "Units returned in the period that were in their order"),
        Col("return_rate", "Return rate", PCT, "Returned / shipped units"),
        Col("received", "Received", INT, "Every unit graded at the returns bench, wrong items included"),
        Col("returns", "Returns", INT, "Return parcels with a unit graded in the period"),
        Col("restocked", "Restocked", INT, "Units back in a sellable bin in the period"),
        Col("restock_median_s", "Median restock", SECONDS, "Median time from receipt to restock"),
        Col("restock_p90_s", "P90 restock", SECONDS, "9 in 10 units were back in a bin within this time"),
        Col("lines_counted", "Lines counted", INT, "SKU-bin lines of cycle counts approved in the period"),
        Col("line_accuracy", "Line accuracy", PCT, "Counted lines without variance"),
        Col("units_off", "Units off", INT, "Sum of |counted - expected| units"),
        Col("unit_accuracy", "Unit accuracy", PCT, "1 - units off / units expected")])
    table.rows = [[f.shipped, f.returned, f.rate, f.received, f.returns, restock.units, restock.median_s,
                   restock.p90_s, acc.lines, acc.line_accuracy, acc.units_off, acc.unit_accuracy]]
    return table


def return_rates_table(f: ReturnsFigures) -> TableData:
    table = TableData(f"Return rate per SKU — {f.period.describe()}", [
        Col("sku", "SKU"), Col("name", "Product"),
        Col("shipped", "Shipped", INT, "Units shipped in the period, net of voided labels"),
        Col("returned", "Returned", INT, "Units returned in the period (in their order)"),
        Col("return_rate", "Rate", PCT, "Returned / shipped"),
        Col("resellable", "Resellable", INT), Col("damaged", "Damaged", INT), Col("wrong_item", "Wrong item", INT),
        Col("missing_parts", "Missing parts", INT)])
    table.rows = [[r.sku, r.name, r.shipped, r.returned, r.rate, r.grades.get("resellable", 0),
                   r.grades.get("damaged", 0), r.grades.get("wrong_item", 0), r.grades.get("missing_parts", 0)]
                  for r in f.rates]
    grades = {g: sum(r.grades.get(g, 0) for r in f.rates) for g in ("resellable", "damaged", "wrong_item",
                                                                    "missing_parts")}
    table.total = ["All", "", f.shipped, f.returned, f.rate, *grades.values()]
    if len(f.rates) < f.skus:
        table.total[5:] = [None] * 4  # only the rows shown are split by grade
        table.notes.append(f"The {len(f.rates):,} highest rates of {f.skus:,} SKUs; the total counts them all.")
    table.notes.append("Shipped: shipment stock movements net of voided labels. Returned: units graded at the "
                       "returns bench, wrong items (never in the order) left out.")
    if f.returned and not f.shipped:
        table.notes.append("No shipment was booked in stock in this period: is inventory switched on "
                           "(`packstation stock reconcile`)?")
    return table


def return_reasons_table(f: ReturnsFigures) -> TableData:
    table = TableData(f"Returns by grade and reason — {f.period.describe()}", [
        Col("grade", "Grade"), Col("reason", "Reason"), Col("units", "Units", INT),
        Col("share", "Share", PCT, "Share of every unit received in the period"),
        Col("return_rate", "Rate", PCT, "Units / all units shipped in the period"),
        Col("not_in_order", "Not in order", INT, "Units the order never had"),
        Col("returns", "Returns", INT, "Return parcels")])
    table.rows = [[r.grade, r.reason, r.units, r.units / f.received if f.received else None,
                   r.units / f.shipped if f.shipped else None, r.not_in_order, r.returns] for r in f.reasons]
    table.total = ["All", "", f.received, 1.0 if f.received else None,
                   f.received / f.shipped if f.shipped else None, sum(r.not_in_order for r in f.reasons), f.returns]
    return table


def restock_table(f: ReturnsFigures) -> TableData:
    table = TableData(f"Restock time, receipt to a sellable bin — {f.period.describe()}", [
        Col("route", "Route", TEXT, "At the bench: restocked when graded; from quarantine: released by a supervisor"),
        Col("units", "Units", INT), Col("restock_median_s", "Median", SECONDS),
        Col("restock_p90_s", "P90", SECONDS, "9 in 10 units were back in a bin within this time"),
        Col("max_s", "Longest", SECONDS), Col("mean_s", "Mean", SECONDS)])
    rows = [[r.title, r.units, r.median_s, r.p90_s, r.max_s, r.mean_s] for r in f.restock]
    table.rows, table.total = rows[:-1], rows[-1]
    table.notes.append("Units restocked in the period; median and P90 are nearest-rank.")
    return table


def _accuracy_cells(key: str, a: AccuracyRow) -> list[Any]:
    return [key, a.counts, a.lines, a.lines_right, a.line_accuracy, a.units_expected, a.units_counted, a.units_off,
            a.net, a.unit_accuracy]


def accuracy_table(f: ReturnsFigures, by: str) -> TableData:
    what, heading = ("bin", "Bin") if by == "bin" else ("SKU", "SKU")
    table = TableData(f"Inventory accuracy per {what} — {f.period.describe()}", [
        Col(by, heading), Col("counts", "Counts", INT, "Cycle counts approved in the period"),
        Col("lines", "Lines", INT, "SKU-bin lines counted (final round)"),
        Col("lines_right", "Right", INT, "Lines without variance"), Col("line_accuracy", "Line accuracy", PCT),
        Col("units_expected", "Expected", INT), Col("units_counted", "Counted", INT),
        Col("units_off", "Off", INT, "Sum of |counted - expected|"),
        Col("net", "Net", INT, "Counted - expected: below zero, units missing"),
        Col("unit_accuracy", "Unit accuracy", PCT, "1 - units off / units expected")])
    rows = f.by_bin if by == "bin" else f.by_sku
    table.rows = [_accuracy_cells(r.key, r) for r in rows]
    table.total = _accuracy_cells("All", f.accuracy)
    if len(rows) >= MAX_SKUS:
        table.notes.append(f"The {len(rows):,} {what}s with the most units off; the total counts them all.")
    table.notes.append("Approved cycle counts, final round only (a recount replaces a round judged miscounted).")
    return table


def returns_tables(f: ReturnsFigures) -> dict[str, TableData]:
    return {"summary": returns_summary_table(f), "rates": return_rates_table(f), "reasons": return_reasons_table(f),
            "restock": restock_table(f), "bins": accuracy_table(f, "bin"), "skus": accuracy_table(f, "sku")}


def returns_to_json(f: ReturnsFigures) -> str:
    """The returns and stock figures as the CLI's --view returns --format json prints them."""
    tables = returns_tables(f)

    def total(table: TableData) -> dict[str, Any] | None:
        if table.total is None:
            return None
        return {c.key: export(c.kind, v) for c, v in zip(table.columns, table.total, strict=True)}

    return json.dumps({
        "view": "returns",
        "period": {"since": f.period.since.isoformat(), "until": f.period.until.isoformat(),
                   "label": f.period.label},
        "summary": tables["summary"].records()[0],
        **{name: {"rows": tables[name].records(), "total": total(tables[name])} for name in RETURNS_TABLES[1:]},
        "generated_at": f.generated_at.isoformat(timespec="seconds"),
    }, indent=2, ensure_ascii=False)
