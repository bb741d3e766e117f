"""The driver's copy of a manifest: a PDF with a barcode per parcel, the totals and signatures.

Rendered with reportlab directly (app.shipping never imports `printers`). Barcodes are
Code 128 of the tracking numbers, as the driver's scanner reads them; the manifest number
has its own barcode in the header. Bytes are reproducible (reportlab's invariant mode).
"""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib.pagesizes import A4, letter
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from app.shipping.manifest import Manifest

FONTS = Path(__file__).resolve().parents[2] / "resources" / "fonts"
ROW_HEIGHT = 17 * mm


def register_fonts() -> tuple[str, str]:
    """DejaVu, so that Αθήνα and София print as they are written."""
    if "PackstationSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("PackstationSans", str(FONTS / "DejaVuSans.ttf")))
        pdfmetrics.registerFont(TTFont("PackstationSans-Bold", str(FONTS / "DejaVuSans-Bold.ttf")))
    return "PackstationSans", "PackstationSans-Bold"


def render_manifest_pdf(manifest: Manifest, *, ship_from: str = "", page: str = "A4") -> bytes:
    regular, bold = register_fonts()
    size = A4 if page == "A4" else letter
    width, height = size
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=size, invariant=1)
    canvas.setTitle(f"Manifest {manifest.number}")
    pages = max(1, -(-manifest.count // _rows_per_page(height)))
    page_no = 1
    y = _header(canvas, manifest, ship_from, regular, bold, width, height, page_no, pages)
    for index, parcel in enumerate(manifest.parcels, start=1):
        if y - ROW_HEIGHT < 40 * mm:
            canvas.showPage()
            page_no += 1
            y = _header(canvas, manifest, ship_from, regular, bold, width, height, page_no, pages)
        canvas.setFont(bold, 9)
        canvas.drawString(15 * mm, y - 5 * mm, f"{index}. Order {parcel.order_number} box {parcel.box_no}")
        canvas.setFont(regular, 8)
        canvas.drawString(15 * mm, y - 9.5 * mm, parcel.service[:40])
        canvas.drawString(15 * mm, y - 13.5 * mm, parcel.ship_to[:48])
        canvas.drawRightString(98 * mm, y - 5 * mm, f"{parcel.weight_g / 1000:.2f} kg")
        if parcel.charge is not None:
            canvas.drawRightString(98 * mm, y - 9.5 * mm, f"{parcel.charge} {parcel.currency}")
        if parcel.tracking_number:
            barcode = Code128(parcel.tracking_number, barHeight=9 * mm, barWidth=0.3 * mm, quiet=True)
            barcode.drawOn(canvas, 102 * mm, y - 11 * mm)
            canvas.drawString(104 * mm, y - 14.5 * mm, parcel.tracking_number)
        else:
            canvas.drawString(104 * mm, y - 8 * mm, "(no tracking number: station label)")
        canvas.setLineWidth(0.3)
        canvas.line(15 * mm, y - ROW_HEIGHT + 1 * mm, width - 15 * mm, y - ROW_HEIGHT + 1 * mm)
        y -= ROW_HEIGHT
    _totals(canvas, manifest, regular, bold, width)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _rows_per_page(height: float) -> int:
    return max(1, int((height - 60 * mm - 40 * mm) // ROW_HEIGHT))


def _header(canvas: Canvas, manifest: Manifest, ship_from: str, regular: str, bold: str, width: float,
            height: float, page_no: int, pages: int) -> float:
    top = height - 15 * mm
    canvas.setFont(bold, 16)
    canvas.drawString(15 * mm, top - 6 * mm, f"{manifest.carrier} manifest")
    canvas.setFont(regular, 9)
    closed = manifest.closed_at.strftime("%Y-%m-%d %H:%M UTC") if manifest.closed_at else "not closed"
    station = manifest.station or "-"
    canvas.drawString(15 * mm, top - 12 * mm, f"{manifest.number}   closed {closed}   station {station}")
    if ship_from:
        canvas.drawString(15 * mm, top - 17 * mm, f"From: {ship_from}"[:100])
    canvas.drawRightString(width - 15 * mm, top - 30 * mm, f"page {page_no} of {pages}")
    barcode = Code128(manifest.number, barHeight=12 * mm, barWidth=0.3 * mm, quiet=True)
    barcode.drawOn(canvas, width - 15 * mm - barcode.width, top - 26 * mm)  # right-aligned, under nothing
    canvas.setLineWidth(0.8)
    canvas.line(15 * mm, top - 33 * mm, width - 15 * mm, top - 33 * mm)
    return top - 35 * mm


def _totals(canvas: Canvas, manifest: Manifest, regular: str, bold: str, width: float) -> None:
    canvas.setFont(bold, 10)
    charges = ", ".join(f"{amount} {currency}" for currency, amount in sorted(manifest.charges.items())) or "-"
    canvas.drawString(15 * mm, 32 * mm, f"Total: {manifest.count} parcel(s), {manifest.total_weight_g / 1000:.2f} kg,"
                                        f" charges {charges}")
    canvas.setFont(regular, 9)
    canvas.drawString(15 * mm, 20 * mm, "Handed over by: ______________________")
    canvas.drawString(110 * mm, 20 * mm, "Received by driver: ______________________")
    canvas.drawString(110 * mm, 13 * mm, "Date and time: __________________________")
