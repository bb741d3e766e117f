"""PDF renderer: a Label becomes a one-page PDF the size of the label.

Barcodes are vector rectangles placed on whole printer dots, text is in the embedded fonts
(DejaVu, and each other script's face on first need; shaped scripts as outlines under
invisible text, see printers.scripts), so the PDF prints sharply on any laser printer and
rasterises at the label printer's resolution into exactly the bars the ZPL would give.
Speed matters (a label is rendered for the preview and again for the print): fonts are
registered once, page compression is off, and every barcode is one path.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence

from reportlab.lib.colors import black, white
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from printers import fonts
from printers.barcodes import LinearSymbol, MatrixSymbol
from printers.label import Align, Barcode, Box, Image, Label, Line, MonoBitmap, Rotation, Text
from printers.layout import BASELINE, PlacedBarcode, layout_text, line_box, place_barcode, reverse_padding
from printers.scripts import base_rtl, draw_line

PRODUCER = "Packstation"


def new_canvas(buffer: io.BytesIO, width_pt: float, height_pt: float, title: str = "") -> Canvas:
    """A reportlab canvas set up the way every Packstation PDF is made (fast, reproducible)."""
    fonts.register_fonts()
    # invariant=1 drops the timestamp and random document id, so the same input gives the
    # same bytes: reprints are identical and golden-file tests are possible.
    # The initial font is ours too, so no PDF refers to a font it does not embed (Helvetica).
    # (types-reportlab types initialFontName as a float; reportlab takes the name of a registered font)
    canvas = Canvas(buffer, pagesize=(width_pt, height_pt), pageCompression=0, invariant=1,
                    initialFontName=fonts.PDF_NAMES[fonts.Font.SANS],  # type: ignore[arg-type]
                    initialFontSize=10)
    canvas.setCreator(PRODUCER)
    canvas.setProducer(PRODUCER)
    if title:
        canvas.setTitle(title)
    return canvas


def render_pdf(labels: Label | Sequence[Label], title: str = "Label") -> bytes:
    """One page per label, each page exactly the label's size."""
    pages = [labels] if isinstance(labels, Label) else list(labels)
    buffer = io.BytesIO()
    first = pages[0]
    canvas = new_canvas(buffer, first.width_pt, first.height_pt, title)
    for i, label in enumerate(pages):
        if i:
            canvas.setPageSize((label.width_pt, label.height_pt))
        draw_label(canvas, label)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def draw_label(canvas: Canvas, label: Label, x_pt: float = 0.0, y_pt: float = 0.0) -> None:
    """Draw `label` with its bottom-left corner at (x_pt, y_pt) of the current page."""
    scale = 72.0 / label.dpi
    height = label.height_dots
    for element in label.elements:
        if isinstance(element, Text):
            _draw_text(canvas, element, scale, height, x_pt, y_pt)
        elif isinstance(element, Barcode):
            _draw_barcode(canvas, element, scale, height, x_pt, y_pt)
        elif isinstance(element, Box):
            _draw_box(canvas, element, scale, height, x_pt, y_pt)
        elif isinstance(element, Line):
            _draw_line(canvas, element, scale, height, x_pt, y_pt)
        elif isinstance(element, Image):
            _draw_image(canvas, element, scale, height, x_pt, y_pt)


def _enter_frame(canvas: Canvas, scale: float, label_h: int, ox: float, oy: float, x: int, y: int,
                 w: int, h: int, rotation: Rotation) -> None:
    """Make (u, w) the element's own frame in dots, y up, rotated like ZPL rotates a field
    whose ^FO is (x, y): the rotated frame's top-left corner stays at (x, y)."""
    s = scale
    if rotation is Rotation.NORMAL:
        canvas.transform(s, 0, 0, s, ox + s * x, oy + s * (label_h - y - h))
    elif rotation is Rotation.CW90:
        canvas.transform(0, -s, s, 0, ox + s * x, oy + s * (label_h - y))
    elif rotation is Rotation.INVERTED:
        canvas.transform(-s, 0, 0, -s, ox + s * (x + w), oy + s * (label_h - y))
    else:
        canvas.transform(0, s, -s, 0, ox + s * (x + h), oy + s * (label_h - y - w))


def _draw_text(canvas: Canvas, t: Text, scale: float, label_h: int, ox: float, oy: float) -> None:
    block = layout_text(t)
    if not block.lines:
        return
    canvas.saveState()
    _enter_frame(canvas, scale, label_h, ox, oy, t.x, t.y, block.width, block.height, t.rotation)
    if t.reverse:
        pad = reverse_padding(block.size)
        canvas.setFillColor(black)
        canvas.rect(-pad, -pad, block.width + 2 * pad, block.height + 2 * pad, stroke=0, fill=1)
        canvas.setFillColor(white)
    top = block.height
    for i, (line, width) in enumerate(zip(block.lines, block.line_widths, strict=True)):
        if t.align is Align.CENTER:
            dx = (block.width - width) / 2
        elif t.align is Align.RIGHT or base_rtl(line):  # left is the start: a right-to-left line starts right
            dx = block.width - width
        else:
            dx = 0.0
        draw_line(canvas, dx, top - i * block.pitch - BASELINE * block.size, line, t.font, block.size)
    canvas.restoreState()


def _draw_barcode(canvas: Canvas, b: Barcode, scale: float, label_h: int, ox: float, oy: float) -> None:
    placed = place_barcode(b)
    canvas.saveState()
    _enter_frame(canvas, scale, label_h, ox, oy, b.x, b.y, placed.frame_width, placed.frame_height, b.rotation)
    draw_placed(canvas, placed, placed.frame_height)
    canvas.restoreState()


def draw_placed(canvas: Canvas, placed: PlacedBarcode, frame_height: float) -> None:
    """Draw a placed barcode in a frame (units: dots, y up) whose top is at `frame_height`."""
    # On a label the human readable line is centred under all the bars (as in the ZPL), so
    # EAN/UPC guard bars are not lengthened into it.
    draw_symbol(canvas, placed.symbol, placed.x, frame_height, placed.module, placed.bar_height,
                placed.row_height)
    if placed.text:
        size = placed.text_height
        canvas.setFont(fonts.PDF_NAMES[fonts.Font.SANS], size)
        baseline = frame_height - placed.frame_height + size * (1 - BASELINE)
        canvas.drawCentredString(placed.x + placed.width / 2, baseline, placed.text)


def draw_symbol(canvas: Canvas, symbol: LinearSymbol | MatrixSymbol, x: float, top: float, module: float,
                bar_height: float, row_height: float = 0.0, guard_extra: float = 0.0) -> None:
    """Draw a symbol's dark modules as one vector path: left edge `x`, top edge `top` (y up).

    `row_height` is the height of a matrix row (PDF417 rows are taller than a module);
    `guard_extra` lengthens EAN/UPC guard bars below the others.
    """
    path = canvas.beginPath()
    if isinstance(symbol, LinearSymbol):
        bottom = top - bar_height
        guards = symbol.guards
        for start, length in symbol.bars:
            extra = guard_extra if start in guards else 0.0
            path.rect(x + start * module, bottom - extra, length * module, bar_height + extra)
    else:
        row_h = row_height or module
        for r, row in enumerate(symbol.runs):
            y = top - (r + 1) * row_h
            for start, length in row:
                path.rect(x + start * module, y, length * module, row_h)
    canvas.setFillColor(black)
    canvas.drawPath(path, stroke=0, fill=1)


def _draw_box(canvas: Canvas, b: Box, scale: float, label_h: int, ox: float, oy: float) -> None:
    canvas.saveState()
    _enter_frame(canvas, scale, label_h, ox, oy, b.x, b.y, b.width, b.height, Rotation.NORMAL)
    canvas.setFillColor(black)
    canvas.setStrokeColor(black)
    thickness = min(b.thickness, b.width, b.height)
    radius = b.rounding * min(b.width, b.height) / 16 if b.rounding else 0
    if b.filled or thickness * 2 >= min(b.width, b.height):
        if radius:
            canvas.roundRect(0, 0, b.width, b.height, radius, stroke=0, fill=1)
        else:
            canvas.rect(0, 0, b.width, b.height, stroke=0, fill=1)
    else:
        # ZPL draws a box's border inside its width and height; stroke the centre line.
        canvas.setLineWidth(thickness)
        half = thickness / 2
        if radius:
            canvas.roundRect(half, half, b.width - thickness, b.height - thickness, max(radius - half, 0),
                             stroke=1, fill=0)
        else:
            canvas.rect(half, half, b.width - thickness, b.height - thickness, stroke=1, fill=0)
    canvas.restoreState()


def _draw_line(canvas: Canvas, line: Line, scale: float, label_h: int, ox: float, oy: float) -> None:
    x, y, w, h = line_box(line)
    canvas.setFillColor(black)
    canvas.rect(ox + scale * x, oy + scale * (label_h - y - h), scale * w, scale * h, stroke=0, fill=1)


def _draw_image(canvas: Canvas, image: Image, scale: float, label_h: int, ox: float, oy: float) -> None:
    bm = image.bitmap
    canvas.drawImage(_image_reader(bm), ox + scale * image.x, oy + scale * (label_h - image.y - bm.height),
                     scale * bm.width, scale * bm.height)


def _image_reader(bitmap: MonoBitmap) -> ImageReader:
    from PIL import Image as PILImage
    from PIL import ImageOps

    pil = PILImage.frombytes("1", (bitmap.width, bitmap.height), bitmap.rows)
    return ImageReader(ImageOps.invert(pil.convert("L")))


def labels_pdf(labels: Iterable[Label]) -> bytes:
    """Convenience for a batch: several labels, one PDF."""
    return render_pdf(list(labels))
