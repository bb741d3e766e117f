"""The packing slip (A4 or Letter PDF), from resources/templates/packing_slip.toml.

The template holds the words (headings, return policy, footer), the item columns and the
page size; the shop's logo and colours come with the data (SlipData.brand). Long orders run
onto more pages with the table header repeated and "Page n of m" in the footer.
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path
from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from printers.barcodes import encode
from printers.documents.data import SlipData
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

TEMPLATE = "packing_slip.toml"
LOGO_BOX = (48 * MM, 18 * MM)


def render_packing_slip(data: SlipData, template_dir: TemplateDir = None, page: str | None = None) -> bytes:
    """PDF bytes of the packing slip; `page` ("A4"/"Letter") overrides the template's size."""
    template = load_template(TEMPLATE, template_dir)
    ctx = slip_context(data)
    texts = TemplateTexts(template, ctx, TEMPLATE)
    settings = template.get("page", {})
    page_w, page_h = page_size(page or str(settings.get("size", "A4")))
    margin = float(settings.get("margin_mm", 16)) * MM
    primary = colour(data.brand.primary_colour, "brand.primary_colour")
    accent = colour(data.brand.accent_colour, "brand.accent_colour")
    stripe = tint(accent, 0.93)
    flow = Flow(page_w, page_h, margin, margin, margin + 8 * MM)
    x, width = margin, flow.width

    # --- heading: logo or shop name, title, order number as a barcode ---------------------
    header_h = 24 * MM
    order_barcode = encode(Symbology.CODE128, data.order_number, "order_number")
    logo = _logo(data.brand.logo) if data.brand.logo else None

    def draw_heading(canvas: Canvas, top: float) -> None:
        if logo is not None:
            reader, (w, h) = logo
            canvas.drawImage(reader, x, top - h, w, h, mask="auto")
        else:
            draw_lines(canvas, wrap(data.brand.name, True, 18, width * 0.5)[:2], x, top, 18, bold=True,
                       colour_=primary)
        draw_lines(canvas, [texts.get("title").upper()], x, top, 16, bold=True, colour_=primary,
                   align="right", box_width=width)
        module = module_pt(0.33)
        bw = order_barcode.width_modules * module
        draw_symbol(canvas, order_barcode, x + width - bw, top - 9 * MM, module, 9 * MM)
        canvas.setFont(REGULAR, 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawRightString(x + width, top - 21 * MM, data.order_number)

    flow.add(header_h, draw_heading)

    # --- order facts and addresses -----------------------------------------------------------
    facts = [texts.get("order", bold=True)]
    facts += [t for t in (texts.get("order_date", when="order_date"),
                          texts.get("shipping_method", when="shipping_method"),
                          texts.get("parcels", when="parcel_count")) if t]
    col_w = (width - 8 * MM) / 3
    blocks = [(texts.get("ship_to"), data.ship_to.lines(), True)]
    if data.bill_to is not None:
        blocks.append((texts.get("bill_to"), data.bill_to.lines(), False))
    wrapped = [(h, [w for line in lines for w in wrap(line, bold, 9.5, col_w)], bold) for h, lines, bold in blocks]
    facts_wrapped = [w for f in facts for w in wrap(f, False, 9.5, col_w)]
    info_h = max([len(facts_wrapped) * 12.0] + [len(lines) * 12.0 + 14 for _, lines, _b in wrapped]) + 6 * MM

    def draw_info(canvas: Canvas, top: float) -> None:
        canvas.setStrokeColor(accent)
        canvas.setLineWidth(1.2)
        canvas.line(x, top, x + width, top)
        y = top - 3 * MM
        draw_lines(canvas, facts_wrapped[:1], x, y, 10.5, bold=True, leading=12.0)
        draw_lines(canvas, facts_wrapped[1:], x, y - 12.0, 9.5, leading=12.0, colour_=MUTED)
        for i, (heading, lines, _bold) in enumerate(wrapped, start=1):
            bx = x + i * (col_w + 4 * MM)
            draw_lines(canvas, [heading.upper()], bx, y, 7.5, bold=True, colour_=MUTED, leading=12.0)
            # In the column's width: an address line in Arabic or Hebrew starts at its right.
            draw_lines(canvas, lines[:1], bx, y - 14, 10, bold=True, leading=12.0, box_width=col_w)
            draw_lines(canvas, lines[1:], bx, y - 26, 9.5, leading=12.0, box_width=col_w)

    flow.add(info_h, draw_info)
    flow.skip(2 * MM)

    # --- items ---------------------------------------------------------------------------------
    table = Table(columns_from(template, TEMPLATE), width, x, accent, stripe, TEMPLATE)
    continued = texts.get("continued")

    def continued_heading(f: Flow) -> None:
        f.add(9 * MM, lambda c, top: draw_lines(c, [continued], x, top, 10, bold=True, colour_=primary))

    flow.on_new_page = continued_heading
    table.flow(flow, ctx["lines"])
    flow.on_new_page = None
    total = texts.get("total")
    flow.add(8 * MM, lambda c, top: draw_lines(c, [total], x, top - 1.5 * MM, 9, bold=True, align="right",
                                               box_width=width))

    # --- gift message, note, returns ----------------------------------------------------------
    if data.gift_message.strip():
        _boxed(flow, texts.get("gift"), data.gift_message, accent, stripe, x, width)
    if data.customer_note.strip():
        _boxed(flow, texts.get("note"), data.customer_note, MUTED, tint(MUTED, 0.95), x, width)
    if data.return_code:
        _return_code_box(flow, texts, data, accent, x, width)
    else:
        _returns(flow, texts, data, accent, x, width)
    thanks = texts.get("thank_you", when="brand.name")
    if thanks:
        flow.add(10 * MM, lambda c, top: draw_lines(c, [thanks], x, top - 3 * MM, 10.5, bold=True,
                                                    colour_=primary, align="center", box_width=width))

    footer_text = texts.get("footer")

    def footer(canvas: Canvas, number: int, pages: int) -> None:
        canvas.setFont(REGULAR, 7.5)
        canvas.setFillColor(MUTED)
        draw_text(canvas, footer_text, x, margin * 0.6, 7.5)
        canvas.drawRightString(x + width, margin * 0.6, f"{data.order_number}  ·  {number} / {pages}")

    return flow.render(f"{texts.get('title')} {data.order_number}", footer)


def slip_context(data: SlipData) -> dict[str, Any]:
    ctx: dict[str, Any] = as_context(data)
    ctx["total_quantity"] = sum(line.quantity for line in data.lines)
    ctx["line_count"] = len(data.lines)
    ctx["item_word"] = "item" if ctx["total_quantity"] == 1 else "items"  # "1 item in 1 line"
    ctx["line_word"] = "line" if ctx["line_count"] == 1 else "lines"
    if any(line.quantity < 0 for line in data.lines):
        raise LabelError("lines.quantity", "a quantity on a packing slip cannot be negative")
    return ctx


def _boxed(flow: Flow, heading: str, body: str, border: Color, fill_: Color, x: float, width: float) -> None:
    inner = width - 10 * MM
    lines = wrap(body.strip(), False, 10, inner)
    height = 10 * MM + len(lines) * 12.5 + 4 * MM

    def draw(canvas: Canvas, top: float) -> None:
        canvas.setFillColor(fill_)
        canvas.setStrokeColor(border)
        canvas.setLineWidth(0.8)
        canvas.roundRect(x, top - height + 2 * MM, width, height - 4 * MM, 2 * MM, stroke=1, fill=1)
        draw_lines(canvas, [heading.upper()], x + 5 * MM, top - 4 * MM, 8, bold=True, colour_=border)
        draw_lines(canvas, lines, x + 5 * MM, top - 9 * MM, 10, leading=12.5)

    flow.add(height, draw)


def _returns(flow: Flow, texts: TemplateTexts, data: SlipData, accent: Color, x: float, width: float) -> None:
    # "Scan the code" only when a code is printed: without a return URL the text without a code.
    default = texts.get("returns_text") if data.return_url else (texts.get("returns_text_no_code")
                                                                  or texts.get("returns_text"))
    body = data.return_instructions.strip() or default
    if not body and not data.return_url:
        return
    qr = encode(Symbology.QR, data.return_url, "return_url", "M") if data.return_url else None
    qr_module = module_pt(0.6)
    qr_size = qr.width_modules * qr_module if qr is not None else 0.0
    text_w = width - (qr_size + 8 * MM if qr is not None else 0.0)
    lines = [w for para in body.split("\n") for w in wrap(para, False, 9.5, text_w)]
    caption = texts.get("returns_qr_caption") if qr is not None else ""
    height = max(8 * MM + len(lines) * 12.0, qr_size + 10 * MM) + 4 * MM
    heading = texts.get("returns")

    def draw(canvas: Canvas, top: float) -> None:
        canvas.setStrokeColor(accent)
        canvas.setLineWidth(1.2)
        canvas.line(x, top - 2 * MM, x + width, top - 2 * MM)
        draw_lines(canvas, [heading.upper()], x, top - 4 * MM, 8.5, bold=True, colour_=accent)
        draw_lines(canvas, lines, x, top - 9 * MM, 9.5, leading=12.0)
        if qr is not None:
            left = x + width - qr_size
            draw_symbol(canvas, qr, left, top - 5 * MM, qr_module, qr_size)
            canvas.setFont(REGULAR, 7)
            canvas.setFillColor(MUTED)
            draw_text(canvas, caption, x, top - 8 * MM - qr_size, 7, align="right", box_width=width)

    flow.add(height, draw)


def _return_code_box(flow: Flow, texts: TemplateTexts, data: SlipData, accent: Color, x: float,
                     width: float) -> None:
    """The returns section as a box the customer can keep: the return policy, the order's return
    code as a QR code (the returns bench opens the return from it) and one line about it. A
    return URL, when also given, is a second QR code with its caption, left of the return code."""
    code = encode(Symbology.QR, data.return_code, "return_code", "Q")  # Q: a slip comes back creased
    url = encode(Symbology.QR, data.return_url, "return_url", "M") if data.return_url else None
    module = module_pt(0.6)
    code_size = code.width_modules * module
    url_size = url.width_modules * module if url is not None else 0.0
    pad, gap = 4 * MM, 4 * MM
    text_w = width - 2 * pad - code_size - (url_size + gap if url is not None else 0.0) - gap
    body = data.return_instructions.strip() or texts.get("returns_text")
    lines = [w for para in body.split("\n") for w in wrap(para, False, 9.5, text_w)] if body else []
    note = wrap(data.return_note.strip(), True, 10, text_w) if data.return_note.strip() else []
    caption = texts.get("returns_qr_caption") if url is not None else ""
    text_h = 6 * MM + len(lines) * 12.0 + (2 * MM + len(note) * 12.5 if note else 0.0)
    inner_h = max(text_h, code_size, url_size + (4 * MM if caption else 0.0))
    height = inner_h + 2 * pad + 4 * MM  # and 2 mm clear above and below the box
    heading = texts.get("returns")

    def draw(canvas: Canvas, top: float) -> None:
        box_top = top - 2 * MM
        canvas.setStrokeColor(accent)
        canvas.setLineWidth(1.2)
        canvas.roundRect(x, box_top - inner_h - 2 * pad, width, inner_h + 2 * pad, 2 * MM, stroke=1, fill=0)
        tx, ty = x + pad, box_top - pad
        draw_lines(canvas, [heading.upper()], tx, ty, 8.5, bold=True, colour_=accent)
        below = draw_lines(canvas, lines, tx, ty - 6 * MM, 9.5, leading=12.0) if lines else ty - 6 * MM
        if note:
            draw_lines(canvas, note, tx, below - 2 * MM, 10, bold=True, leading=12.5)
        right = x + width - pad
        draw_symbol(canvas, code, right - code_size, ty, module, code_size)
        if url is not None:
            left = right - code_size - gap - url_size
            draw_symbol(canvas, url, left, ty, module, url_size)
            canvas.setFont(REGULAR, 7)
            canvas.setFillColor(MUTED)
            draw_text(canvas, caption, left - 20 * MM, ty - url_size - 3 * MM, 7, align="center",
                      box_width=url_size + 40 * MM)

    flow.add(height, draw)


@lru_cache(maxsize=16)
def _logo_cached(key: bytes | str) -> tuple[ImageReader, tuple[float, float]]:
    from PIL import Image as PILImage

    try:
        image: PILImage.Image = PILImage.open(io.BytesIO(key) if isinstance(key, bytes) else key)
        image.load()
    except (OSError, ValueError) as exc:
        raise LabelError("brand.logo", f"cannot read the logo image ({exc})") from exc
    if image.mode not in ("RGB", "RGBA", "L", "LA"):
        image = image.convert("RGBA")
    scale = min(LOGO_BOX[0] / image.width, LOGO_BOX[1] / image.height)
    return ImageReader(image), (image.width * scale, image.height * scale)


def _logo(logo: bytes | str | Path) -> tuple[ImageReader, tuple[float, float]]:
    return _logo_cached(logo if isinstance(logo, bytes) else str(logo))


__all__ = ["render_packing_slip", "slip_context"]
