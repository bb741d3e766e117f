"""The station's command-barcode sheet: captioned barcodes in sections, on A4 or Letter.

A packer scans these from paper pinned to the bench, often at an angle and from a distance,
so the sheet is generous: Code 128 modules of 0.4 mm (never below 0.33 mm), full quiet
zones inside every cell, 2D codes at 0.5 mm a cell, and a caption a person can read.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

from printers.barcodes import LinearSymbol, MatrixSymbol, Symbol, encode
from printers.documents.page import MM, MUTED, RULE, draw_lines, footer, module_pt, wrap
from printers.documents.page import page_size as resolve_page_size
from printers.errors import LabelError
from printers.label import Symbology
from printers.pdf import draw_symbol, new_canvas

SYMBOLOGIES = {
    "code128": Symbology.CODE128, "ean13": Symbology.EAN13, "upca": Symbology.UPCA, "ean8": Symbology.EAN8,
    "qr": Symbology.QR, "datamatrix": Symbology.DATAMATRIX, "gs1-datamatrix": Symbology.GS1_DATAMATRIX,
    "gs1-128": Symbology.GS1_128,
}


@dataclass(frozen=True)
class SheetBarcode:
    caption: str
    data: str
    # "code128" | "ean13" | "upca" | "ean8" | "qr" | "datamatrix" | "gs1-datamatrix" | "gs1-128"
    symbology: str = "code128"


@dataclass(frozen=True)
class SheetSection:
    title: str
    barcodes: tuple[SheetBarcode, ...]


MARGIN = 15 * MM
UNITS = 6  # a row is six units wide; a linear code takes 3 or 6, a 2D code or EAN 2
LINEAR_MODULES_MM = (0.4, 0.33)  # preferred, then the smallest a paper sheet may use (>= 0.33 mm)
EAN_MODULE_MM = 0.33  # EAN/UPC nominal size (100 % magnification)
MATRIX_MODULE_MM = 0.7
BAR_HEIGHT_MM = 15.0
EAN_BAR_HEIGHT_MM = 18.0
CAPTION_SIZE, DATA_SIZE = 10.0, 7.5
PAD = 3 * MM
TITLE_SIZE, SECTION_SIZE = 18.0, 12.5


@dataclass(frozen=True)
class _Cell:
    item: SheetBarcode
    symbol: Symbol
    span: int
    module: float  # points
    symbol_w: float
    symbol_h: float
    bar_h: float
    caption: list[str]
    data_lines: list[str]
    height: float


def render_barcode_sheet(title: str, sections: Sequence[SheetSection], page_size: str = "A4") -> bytes:
    """PDF bytes: a grid of captioned barcodes, sections with headers, page breaks as needed."""
    page_w, page_h = resolve_page_size(page_size)
    content_w = page_w - 2 * MARGIN
    unit = content_w / UNITS
    pages: list[list[Callable[[Canvas], object]]] = [[]]
    bottom = MARGIN + 6 * MM  # keep clear of the footer
    y = page_h - MARGIN

    title_lines = wrap(title, True, TITLE_SIZE, content_w)
    title_top = y
    pages[0].append(lambda c: draw_lines(c, title_lines, MARGIN, title_top, TITLE_SIZE, bold=True))
    y -= len(title_lines) * TITLE_SIZE * 1.25 + 4 * MM

    for section in sections:
        cells = [_measure(item, section.title, unit) for item in section.barcodes]
        rows = _rows(cells)
        header_lines = wrap(section.title, True, SECTION_SIZE, content_w)
        header_h = len(header_lines) * SECTION_SIZE * 1.25 + 2.5 * MM
        first_row_h = max((cell.height for cell in rows[0]), default=0.0) if rows else 0.0
        if y - header_h - first_row_h < bottom and pages[-1]:
            pages.append([])
            y = page_h - MARGIN
        pages[-1].append(_header(header_lines, y, content_w))
        y -= header_h
        for row in rows:
            row_h = max(cell.height for cell in row)
            if y - row_h < bottom:
                pages.append([])
                y = page_h - MARGIN
            x = MARGIN
            for cell in row:
                pages[-1].append(_cell_drawer(cell, x, y, cell.span * unit, row_h))
                x += cell.span * unit
            y -= row_h
        y -= 5 * MM

    buffer = io.BytesIO()
    canvas = new_canvas(buffer, page_w, page_h, title)
    for number, ops in enumerate(pages, start=1):
        for op in ops:
            op(canvas)
        footer(canvas, title, number, len(pages), page_w, MARGIN)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _measure(item: SheetBarcode, section: str, unit: float) -> _Cell:
    field = f"{section} / {item.caption}" if item.caption else section
    symbology = SYMBOLOGIES.get(item.symbology.strip().lower())
    if symbology is None:
        raise LabelError(field, f"unknown symbology {item.symbology!r} (use one of {', '.join(SYMBOLOGIES)})")
    symbol = encode(symbology, item.data, field)
    inner = lambda span: span * unit - 2 * PAD  # noqa: E731 - width a cell of `span` units offers
    if isinstance(symbol, LinearSymbol):
        quiet = symbol.quiet_left + symbol.quiet_right
        is_ean = symbology in (Symbology.EAN13, Symbology.UPCA, Symbology.EAN8)
        choices = [(EAN_MODULE_MM, span) for span in (2, 3, 6)] if is_ean else \
                  [(m, span) for span in (3, 6) for m in LINEAR_MODULES_MM]
        for module_mm, span in choices:
            module = module_pt(module_mm)
            if (symbol.width_modules + quiet) * module <= inner(span):
                break
        else:
            raise LabelError(field, f"{item.data!r} is too long for a barcode a scanner can read from this "
                                    "sheet; shorten it or use a QR or Data Matrix code")
        bar_h = (EAN_BAR_HEIGHT_MM if is_ean else BAR_HEIGHT_MM) * MM
        symbol_w, symbol_h = symbol.width_modules * module, bar_h
        data_text = symbol.text
    else:
        assert isinstance(symbol, MatrixSymbol)
        module = module_pt(MATRIX_MODULE_MM)
        symbol_w = symbol.width_modules * module
        symbol_h = symbol.height_modules * module
        need = symbol_w + 2 * symbol.quiet * module
        span = next((s for s in (2, 3, 4, 6) if need <= inner(s)), 0)
        if not span:
            raise LabelError(field, "too much data for a 2D code on this sheet")
        bar_h = symbol_h
        data_text = item.data if symbology is not Symbology.GS1_DATAMATRIX else _gs1_text(item.data)
    width = inner(span)
    caption = wrap(item.caption, True, CAPTION_SIZE, width)[:3] if item.caption else []
    data_lines = wrap(data_text, False, DATA_SIZE, width)[:2]
    height = (PAD + len(caption) * CAPTION_SIZE * 1.25 + 2 * MM + symbol_h + 1.5 * MM
              + len(data_lines) * DATA_SIZE * 1.25 + PAD)
    if isinstance(symbol, LinearSymbol) and symbol.guards:
        height += 2 * MM  # the longer guard bars
    return _Cell(item, symbol, span, module, symbol_w, symbol_h, bar_h, caption, data_lines, height)


def _gs1_text(data: str) -> str:
    from printers.barcodes import gs1

    return gs1.parse(data).human_readable


def _rows(cells: list[_Cell]) -> list[list[_Cell]]:
    rows: list[list[_Cell]] = []
    used = UNITS
    for cell in cells:
        if used + cell.span > UNITS:
            rows.append([])
            used = 0
        rows[-1].append(cell)
        used += cell.span
    return rows


def _header(lines: list[str], top: float, content_w: float) -> Callable[[Canvas], None]:
    def draw(canvas: Canvas) -> None:
        y = draw_lines(canvas, lines, MARGIN, top, SECTION_SIZE, bold=True)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.8)
        canvas.line(MARGIN, y - 1 * MM, MARGIN + content_w, y - 1 * MM)
    return draw


def _cell_drawer(cell: _Cell, x: float, top: float, width: float, height: float) -> Callable[[Canvas], None]:
    def draw(canvas: Canvas) -> None:
        # A light frame per cell: it shows where one command ends, and where to cut.
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.setDash(2, 2)
        canvas.rect(x + 1, top - height + 1, width - 2, height - 2, stroke=1, fill=0)
        canvas.setDash()
        inner_w = width - 2 * PAD
        y = top - PAD
        if cell.caption:
            y = draw_lines(canvas, cell.caption, x + PAD, y, CAPTION_SIZE, bold=True, align="center",
                           box_width=inner_w)
        y -= 2 * MM
        left = x + (width - cell.symbol_w) / 2
        guard = 2 * MM if isinstance(cell.symbol, LinearSymbol) and cell.symbol.guards else 0.0
        draw_symbol(canvas, cell.symbol, left, y, cell.module, cell.bar_h, cell.module, guard)
        y -= cell.symbol_h + guard + 1.5 * MM
        draw_lines(canvas, cell.data_lines, x + PAD, y, DATA_SIZE, colour_=MUTED, align="center",
                   box_width=inner_w)
    return draw


def quiet_zone_ok(cell_width_pt: float, symbol: Symbol, module_pt: float) -> bool:
    """True if a cell leaves the symbol its full quiet zones (used by the tests)."""
    quiet = (symbol.quiet_left + symbol.quiet_right) if isinstance(symbol, LinearSymbol) else 2 * symbol.quiet
    return (symbol.width_modules + quiet) * module_pt <= cell_width_pt - 2 * PAD + 1e-6


__all__ = ["SheetBarcode", "SheetSection", "render_barcode_sheet"]
