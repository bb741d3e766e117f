"""The shift report as a PDF: totals, the hourly chart, the per-packer table, the exceptions, and
(when given) a "Returns and stock" section: return rate, restock time, inventory accuracy.

A4 landscape, so the per-packer table fits across; reportlab's platypus for the flow and its
graphics package for the chart (a PDF drawing, sharp at any zoom, no image files). The fonts
are the labels' DejaVu Sans, so names in any Latin, Greek or Cyrillic script print.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.domain import clock
from app.supervisor.audit import ExceptionRow
from app.supervisor.productivity import Productivity
from app.supervisor.returns_figures import ReturnsFigures
from app.supervisor.tables import (
    NUMERIC,
    TWO_LINE_TITLES,
    TableData,
    accuracy_table,
    display,
    minutes_text,
    productivity_table,
    rate_text,
    restock_table,
    return_rates_table,
    return_reasons_table,
    returns_summary_table,
)
from printers.fonts import PDF_NAMES, register_fonts
from printers.label import Font

ACCENT = colors.HexColor("#1F5FAD")
MUTED = colors.HexColor("#4F5B66")
GRID = colors.HexColor("#C9D1D9")
ALT = colors.HexColor("#F5F7F9")
UNITS = colors.HexColor("#B07F00")  # darker than the screen's amber: readable as thin print
PACKER_COLUMNS = ("rank", "name", "orders", "units", "parcels", "active_s", "orders_per_h", "units_per_h",
                  "weighted_per_h", "median_s", "p90_s", "idle_s", "error_rate", "holds", "voids", "reprints",
                  "overrides", "reopened")
MAX_EXCEPTIONS = 200
MAX_RETURN_ROWS = 15  # per table of the returns section: the worst first; the CSV has them all


def _styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    sans, bold = PDF_NAMES[Font.SANS], PDF_NAMES[Font.SANS_BOLD]
    return {
        "title": ParagraphStyle("title", fontName=bold, fontSize=18, leading=22, textColor=colors.black),
        "sub": ParagraphStyle("sub", fontName=sans, fontSize=10, leading=13, textColor=MUTED),
        "h2": ParagraphStyle("h2", fontName=bold, fontSize=12, leading=16, spaceBefore=8, spaceAfter=4),
        "cell": ParagraphStyle("cell", fontName=sans, fontSize=7.5, leading=9),
        "note": ParagraphStyle("note", fontName=sans, fontSize=8, leading=10, textColor=MUTED),
        "figure": ParagraphStyle("figure", fontName=bold, fontSize=15, leading=18),
        "label": ParagraphStyle("label", fontName=sans, fontSize=8, leading=10, textColor=MUTED),
    }


def _totals(p: Productivity, st: dict[str, ParagraphStyle]) -> Table:
    t = p.total
    figures = [
        ("Orders", display("int", t.orders)), ("Parcels", display("int", t.parcels)),
        ("Units", display("int", t.units)), ("Active time, all", display("hours", t.active_s)),
        ("Orders / h", rate_text(t, t.orders_per_h)), ("Weighted / h", rate_text(t, t.weighted_per_h)),
        ("Median order", display("seconds", t.median_s)), ("P90 order", display("seconds", t.p90_s)),
        ("Scan errors", display("pct", t.error_rate)), ("Holds", display("int", t.holds)),
        ("Voids", display("int", t.voids)), ("Reprints", display("int", t.reprints)),
        ("Overrides", display("int", t.overrides)), ("Boxes reopened", display("int", t.reopened)),
    ]
    per_row = 7
    cells = [[Paragraph(value, st["figure"]) for _, value in figures[i:i + per_row]] for i in range(0, 14, per_row)]
    labels = [[Paragraph(label, st["label"]) for label, _ in figures[i:i + per_row]] for i in range(0, 14, per_row)]
    data = [cells[0], labels[0], cells[1], labels[1]]
    table = Table(data, colWidths=[38 * mm] * per_row)
    table.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.5, GRID), ("BACKGROUND", (0, 0), (-1, -1), ALT),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 3)]))
    return table


def hourly_chart(p: Productivity, width: float = 260 * mm, height: float = 62 * mm) -> Drawing:
    """Orders per hour as bars, units per hour as a line on its own scale."""
    register_fonts()
    sans = PDF_NAMES[Font.SANS]
    drawing = Drawing(width, height)
    points = p.hourly
    if not points:
        drawing.add(String(10, height / 2, "No orders in this period.", fontName=sans, fontSize=10, fillColor=MUTED))
        return drawing
    labels = [h.start.strftime("%H") if p.period.seconds <= 86400 else h.start.strftime("%d %H") for h in points]
    chart = VerticalBarChart()
    # (types-reportlab types a chart's and a legend's position and size as int, from their defaults;
    # reportlab takes points as floats)
    chart.x, chart.y, chart.width, chart.height = 30, 28, width - 140, height - 40  # type: ignore[assignment]
    chart.data = [[h.orders for h in points]]
    chart.bars[0].fillColor = ACCENT
    chart.bars[0].strokeColor = None
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontName = sans
    chart.valueAxis.labels.fontSize = 7
    chart.categoryAxis.categoryNames = labels
    chart.categoryAxis.labels.fontName = sans
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.gridStrokeColor = GRID
    chart.valueAxis.visibleGrid = True
    drawing.add(chart)
    line = HorizontalLineChart()
    line.x, line.y, line.width, line.height = chart.x, chart.y, chart.width, chart.height
    line.data = [[h.units for h in points]]
    line.lines[0].strokeColor = UNITS
    line.lines[0].strokeWidth = 1.5
    line.valueAxis.valueMin = 0
    line.valueAxis.joinAxisMode = "right"  # units on their own scale, on the right
    line.valueAxis.labels.fontName = sans
    line.valueAxis.labels.fontSize = 7
    line.valueAxis.labels.fillColor = UNITS
    line.valueAxis.labels.boxAnchor = "w"
    line.valueAxis.labels.dx = 5
    line.valueAxis.strokeColor = UNITS
    line.categoryAxis.visible = False
    drawing.add(line)
    legend = Legend()
    legend.x, legend.y = width - 72, height - 14  # type: ignore[assignment]
    legend.fontName, legend.fontSize = sans, 8
    legend.colorNamePairs = [(ACCENT, "orders (left)"), (UNITS, "units (right)")]
    legend.alignment = "right"
    drawing.add(legend)
    return drawing


def _packer_table(p: Productivity, st: dict[str, ParagraphStyle]) -> Table:
    data = productivity_table(p)
    keep = [data.index(k) for k in PACKER_COLUMNS]
    header = [TWO_LINE_TITLES.get(data.columns[i].key, data.columns[i].title) for i in keep]
    rows = [[display(data.columns[i].kind, row[i]) for i in keep] for row in data.rows]
    total = [display(data.columns[i].kind, (data.total or [])[i]) for i in keep]
    total[0], total[1] = "", "All"
    body = [header, *rows, total]
    name_width, rank_width = 42 * mm, 8 * mm
    other = (272 * mm - name_width - rank_width) / (len(keep) - 2)
    widths = [rank_width, name_width, *[other] * (len(keep) - 2)]
    table = Table(body, colWidths=widths, repeatRows=1)
    sans, bold = PDF_NAMES[Font.SANS], PDF_NAMES[Font.SANS_BOLD]
    style: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), sans), ("FONTSIZE", (0, 1), (-1, -1), 7.5),
        ("FONTNAME", (0, 0), (-1, 0), bold), ("FONTSIZE", (0, 0), (-1, 0), 6.8),
        ("TEXTCOLOR", (0, 0), (-1, 0), MUTED), ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
        ("ALIGN", (2, 0), (-1, -1), "RIGHT"), ("ALIGN", (0, 0), (0, -1), "RIGHT"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, MUTED), ("LINEABOVE", (0, -1), (-1, -1), 0.6, MUTED),
        ("FONTNAME", (0, -1), (-1, -1), bold), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)]
    style += [("BACKGROUND", (0, r), (-1, r), ALT) for r in range(2, len(body) - 1, 2)]
    table.setStyle(TableStyle(style))
    return table


def _exceptions_table(rows: list[ExceptionRow], st: dict[str, ParagraphStyle]) -> Table:
    shown = rows[:MAX_EXCEPTIONS]
    body: list[list[str | Paragraph]] = [
        [Paragraph(f"<b>{t}</b>", st["cell"]) for t in ("Time", "Order", "Station", "Packer", "What happened")]]
    for row in shown:
        e = row.event
        body.append([e.at.astimezone().strftime("%d %b %H:%M"), row.order or "—", e.station, e.packer or "—",
                     Paragraph(_escape(e.text), st["cell"])])
    table = Table(body, colWidths=[26 * mm, 24 * mm, 30 * mm, 40 * mm, 150 * mm], repeatRows=1)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), PDF_NAMES[Font.SANS]),
                               ("FONTSIZE", (0, 1), (-1, -1), 7.5), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LINEBELOW", (0, 0), (-1, 0), 0.6, MUTED),
                               *[("BACKGROUND", (0, r), (-1, r), ALT) for r in range(2, len(body), 2)]]))
    return table


def _small_table(data: TableData, keys: tuple[str, ...], width: float, limit: int = MAX_RETURN_ROWS) -> Table:
    """A TableData's columns `keys`, as the screen shows them, with its total row; the first rows only."""
    keep = [data.index(k) for k in keys]
    header = [TWO_LINE_TITLES.get(data.columns[i].key, data.columns[i].title) for i in keep]
    rows = [[display(data.columns[i].kind, row[i]) for i in keep] for row in data.rows[:limit]]
    total = [[display(data.columns[i].kind, data.total[i]) for i in keep]] if data.total is not None else []
    body = [header, *rows, *total]
    first = width * 0.34
    other = (width - first) / max(1, len(keep) - 1)
    table = Table(body, colWidths=[first, *[other] * (len(keep) - 1)], repeatRows=1)
    sans, bold = PDF_NAMES[Font.SANS], PDF_NAMES[Font.SANS_BOLD]
    style: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), sans), ("FONTSIZE", (0, 1), (-1, -1), 7.5),
        ("FONTNAME", (0, 0), (-1, 0), bold), ("FONTSIZE", (0, 0), (-1, 0), 6.8),
        ("TEXTCOLOR", (0, 0), (-1, 0), MUTED), ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        *[("ALIGN", (n, 0), (n, -1), "RIGHT") for n, i in enumerate(keep) if data.columns[i].kind in NUMERIC],
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, MUTED),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)]
    if total:
        style += [("LINEABOVE", (0, -1), (-1, -1), 0.6, MUTED), ("FONTNAME", (0, -1), (-1, -1), bold)]
    style += [("BACKGROUND", (0, r), (-1, r), ALT) for r in range(2, len(body) - len(total), 2)]
    table.setStyle(TableStyle(style))
    return table


def returns_section(f: ReturnsFigures, st: dict[str, ParagraphStyle]) -> list:
    """"Returns and stock": the figures, then return rate per SKU, grades and reasons, restock time and
    inventory accuracy per bin, two tables side by side."""
    summary = returns_summary_table(f)
    row = summary.rows[0]
    cells = [(c.title, display(c.kind, v)) for c, v in zip(summary.columns, row, strict=True)
             if c.key not in ("received", "returns")]
    figures = Table([[Paragraph(v, st["figure"]) for _, v in cells], [Paragraph(t, st["label"]) for t, _ in cells]],
                    colWidths=[273 * mm / len(cells)] * len(cells))
    figures.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.5, GRID), ("BACKGROUND", (0, 0), (-1, -1), ALT),
                                 ("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 3)]))
    story: list = [KeepTogether([Paragraph(f"Returns and stock — {_escape(f.period.describe())}", st["h2"]),
                                 figures]), Spacer(1, 3 * mm)]
    if f.empty:
        story.append(Paragraph("No shipments booked in stock, no returns and no approved cycle counts in this "
                               "period.", st["note"]))
        return story
    half = 132 * mm
    rates_data = return_rates_table(f)
    rates_data.rows = [r for r in rates_data.rows if r[rates_data.index("returned")]]  # SKUs that came back
    rates = _small_table(rates_data, ("sku", "shipped", "returned", "return_rate", "damaged"), half)
    reasons = _small_table(return_reasons_table(f), ("grade", "reason", "units", "share", "return_rate"), half)
    restock = _small_table(restock_table(f), ("route", "units", "restock_median_s", "restock_p90_s", "max_s"), half)
    bins = _small_table(accuracy_table(f, "bin"), ("bin", "lines", "lines_right", "line_accuracy", "units_off",
                                                   "net"), half)
    pairs = [(("Return rate per SKU returned, highest first", rates), ("By grade and reason", reasons)),
             (("Restock time, receipt to a sellable bin", restock), ("Inventory accuracy per bin (approved counts)",
                                                                     bins))]
    for (left_title, left), (right_title, right) in pairs:
        grid = Table([[Paragraph(left_title, st["label"]), Paragraph(right_title, st["label"])], [left, right]],
                     colWidths=[half + 9 * mm, half + 9 * mm])
        grid.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
        story += [KeepTogether(grid), Spacer(1, 3 * mm)]
    story.append(Paragraph(
        "Return rate: units returned in the period (wrong items left out) / units shipped in the period (shipment "
        "stock movements net of voided labels). Restock time: from the return's receipt to the unit back in a "
        "sellable bin, for units restocked in the period; median and P90 nearest-rank. Accuracy: approved cycle "
        f"counts, final round; {MAX_RETURN_ROWS} rows at most per table — the console's Export CSV has them all.",
        st["note"]))
    return story


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def shift_report(p: Productivity, exceptions: list[ExceptionRow], *, supervisor: str = "",
                 source: str = "", returns: ReturnsFigures | None = None) -> bytes:
    """The report's PDF bytes; with `returns`, a "Returns and stock" section after the exceptions."""
    st = _styles()
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=landscape(A4), leftMargin=12 * mm, rightMargin=12 * mm,
                            topMargin=10 * mm, bottomMargin=12 * mm, title=f"Shift report {p.period.describe()}",
                            author=supervisor or "Packstation", creator="Packstation")
    generated = p.generated_at.astimezone().strftime("%d %b %Y %H:%M")
    who = f" by {_escape(supervisor)}" if supervisor else ""
    story = [
        Paragraph(f"Shift report — {_escape(p.period.describe())}", st["title"]),
        Paragraph(f"Generated {generated}{who}" + (f" · {_escape(source)}" if source else ""), st["sub"]),
        Spacer(1, 4 * mm),
        _totals(p, st),
        Spacer(1, 3 * mm),
        KeepTogether([Paragraph("Orders and units per hour", st["h2"]), hourly_chart(p)]),
        Paragraph(f"Per {'packer' if p.by == 'packer' else 'station'}, ranked by weighted orders per active hour",
                  st["h2"]),
        _packer_table(p, st),
        Paragraph(f"Difficulty weights: {_escape(p.weights.describe())}. Rates are per active hour (an order open, "
                  "plus gaps between orders up to 30 minutes); an order counts when it is packed, with its whole "
                  "cycle time. Median and P90 are nearest-rank over the orders packed in the period." + (
                      f" A rate needs at least {minutes_text(p.min_active_s)} of active time: — is not enough data."
                      if any(not f.enough_data for f in (*p.rows, p.total)) else ""), st["note"]),
        Paragraph(f"Exceptions ({len(exceptions)})", st["h2"]),
    ]
    if exceptions:
        story.append(_exceptions_table(exceptions, st))
        if len(exceptions) > MAX_EXCEPTIONS:
            story.append(Paragraph(f"… and {len(exceptions) - MAX_EXCEPTIONS} more: export the audit trail "
                                   "for the full list.", st["note"]))
    else:
        story.append(Paragraph("None: no holds, overrides, voids, reprints or failures.", st["note"]))
    if returns is not None:
        story += returns_section(returns, st)

    def footer(canvas, document) -> None:  # noqa: ANN001 - reportlab's callback signature
        canvas.saveState()
        canvas.setFont(PDF_NAMES[Font.SANS], 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(12 * mm, 6 * mm, f"Packstation shift report · {p.period.describe()}")
        canvas.drawRightString(landscape(A4)[0] - 12 * mm, 6 * mm, f"page {document.page}")
        canvas.restoreState()

    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return out.getvalue()


def write_shift_report(path: Path, p: Productivity, exceptions: list[ExceptionRow], **kwargs: Any) -> Path:
    path.write_bytes(shift_report(p, exceptions, **kwargs))
    return path


def default_name(p: Productivity) -> str:
    start = p.period.since.astimezone()
    label = (p.period.label or "report").lower().replace(" ", "-")
    return f"shift-report-{start:%Y%m%d-%H%M}-{label}-{clock.now():%H%M%S}.pdf"
