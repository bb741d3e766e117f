"""The pick list (A4 or Letter PDF), from resources/templates/pick_list.toml.

Lines are printed in the order given (the walking order the caller chose), with a box to tick
and the batch as a barcode at the top so the list can be scanned at the packing station.
"""

from __future__ import annotations

from typing import Any

from reportlab.pdfgen.canvas import Canvas

from printers.barcodes import encode
from printers.documents.data import PickListData
from printers.documents.flow import Flow
from printers.documents.page import (
    MM,
    MUTED,
    REGULAR,
    colour,
    draw_lines,
    draw_text,
    module_pt,
    page_size,
    tint,
    wrap,
)
from printers.documents.table import Table, columns_from
from printers.errors import LabelError
from printers.label import Symbology
from printers.pdf import draw_symbol
from printers.templates import TemplateDir, TemplateTexts, as_context, load_template

TEMPLATE = "pick_list.toml"


def render_pick_list(data: PickListData, template_dir: TemplateDir = None, page: str | None = None) -> bytes:
    template = load_template(TEMPLATE, template_dir)
    ctx = pick_list_context(data)
    texts = TemplateTexts(template, ctx, TEMPLATE)
    settings = template.get("page", {})
    page_w, page_h = page_size(page or str(settings.get("size", "A4")))
    margin = float(settings.get("margin_mm", 14)) * MM
    accent = colour(str(settings.get("accent_colour", "#374151")), "accent_colour")
    flow = Flow(page_w, page_h, margin, margin, margin + 8 * MM)
    x, width = margin, flow.width
    batch = encode(Symbology.CODE128, data.batch, "batch")
    meta = [t for t in (texts.get("created", when="created"), texts.get("picker", when="picker"),
                        texts.get("station", when="station")) if t]
    note = wrap(data.note, False, 9.5, width * 0.55) if data.note else []
    title = texts.get("title")
    head_h = max(22 * MM, 12 * MM + (len(meta) + len(note)) * 12.0)

    def draw_head(canvas: Canvas, top: float) -> None:
        draw_lines(canvas, [title], x, top, 17, bold=True)
        y = draw_lines(canvas, meta, x, top - 8 * MM, 9.5, colour_=MUTED, leading=12.0)
        draw_lines(canvas, note, x, y, 9.5, leading=12.0)
        module = module_pt(0.35)
        bw = batch.width_modules * module
        draw_symbol(canvas, batch, x + width - bw, top, module, 12 * MM)
        canvas.setFont(REGULAR, 8)
        canvas.setFillColor(MUTED)
        canvas.drawRightString(x + width, top - 16 * MM, data.batch)

    flow.add(head_h, draw_head)
    table = Table(columns_from(template, TEMPLATE), width, x, accent, tint(accent, 0.94), TEMPLATE)
    table.flow(flow, ctx["lines"])
    total = texts.get("total")
    flow.add(8 * MM, lambda c, top: draw_lines(c, [total], x, top - 1.5 * MM, 9, bold=True, align="right",
                                               box_width=width))

    def footer(canvas: Canvas, number: int, pages: int) -> None:
        canvas.setFont(REGULAR, 7.5)
        canvas.setFillColor(MUTED)
        draw_text(canvas, f"{title}  ·  {data.batch}", x, margin * 0.6, 7.5)
        canvas.drawRightString(x + width, margin * 0.6, f"{number} / {pages}")

    return flow.render(f"{title} {data.batch}", footer)


def pick_list_context(data: PickListData) -> dict[str, Any]:
    if any(line.quantity <= 0 for line in data.lines):
        raise LabelError("lines.quantity", "every pick line needs a quantity of at least 1")
    ctx: dict[str, Any] = as_context(data)
    ctx["total_quantity"] = sum(line.quantity for line in data.lines)
    ctx["line_count"] = len(data.lines)
    ctx["unit_word"] = "unit" if ctx["total_quantity"] == 1 else "units"  # "1 unit in 1 line"
    ctx["line_word"] = "line" if ctx["line_count"] == 1 else "lines"
    return ctx
