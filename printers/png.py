"""PNG preview of a label at the printer's resolution, for the station's screen.

The preview is the PDF rasterised by PDFium at the label's dpi: one drawing code path, so the
packer sees the bars and line breaks the printer will print. It is grey-scale (the thermal
printer has no colour) and takes a few milliseconds for a 4x6 label.
"""

from __future__ import annotations

import io
import threading

import pypdfium2

from printers.label import Label
from printers.pdf import render_pdf

# PDFium is not thread-safe; the station may render a preview while the print queue works.
_pdfium_lock = threading.Lock()


def render_png(label: Label, dpi: int | None = None) -> bytes:
    """The label as PNG bytes, `dpi` defaulting to the label printer's own resolution."""
    image = render_image(label, dpi)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=1)  # fast: a preview is shown, not archived
    return buffer.getvalue()


def render_image(label: Label, dpi: int | None = None):  # -> PIL.Image.Image
    """The label as a grey-scale PIL image of width_dots x height_dots (at the label's dpi)."""
    image = pdf_to_image(render_pdf(label), dpi or label.dpi)
    if dpi in (None, label.dpi) and image.size != (label.width_dots, label.height_dots):
        # PDFium rounds the page up to whole pixels; keep the preview exactly one pixel a dot.
        image = image.crop((0, 0, label.width_dots, label.height_dots))
    return image


def pdf_to_image(pdf: bytes, dpi: float, page: int = 0):  # -> PIL.Image.Image
    with _pdfium_lock:
        document = pypdfium2.PdfDocument(pdf)
        try:
            bitmap = document[page].render(scale=dpi / 72.0, grayscale=True, may_draw_forms=False)
            return bitmap.to_pil()
        finally:
            document.close()


def pdf_page_count(pdf: bytes) -> int:
    with _pdfium_lock:
        document = pypdfium2.PdfDocument(pdf)
        try:
            return len(document)
        finally:
            document.close()
