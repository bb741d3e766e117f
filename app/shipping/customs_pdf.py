"""Customs paperwork for a parcel leaving the customs territory, rendered with reportlab.

- Courier parcels (UPS, FedEx, DHL...): a commercial invoice (A4, three copies in one PDF is
  the carriers' usual ask; the station prints `copies` of it).
- Postal parcels (USPS and other posts): a CN22 up to 300 SDR of contents (taken as 400 in the
  declaration's currency), a CN23 above, as the UPU's rules say.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from app.domain.model import Address
from app.shipping.manifest_pdf import register_fonts
from app.shipping.model import CustomsDeclaration

POSTAL_CARRIERS = frozenset({"usps", "royal mail", "deutsche post", "canada post", "la poste", "postnl",
                             "australia post"})
CN22_LIMIT = Decimal(400)  # 300 SDR, in round figures


@dataclass(frozen=True)
class CustomsPaperwork:
    order_number: str
    carrier: str
    service: str
    tracking_number: str
    shipper: Address
    consignee: Address
    declaration: CustomsDeclaration
    date: date
    incoterm: str = "DAP"  # the buyer pays duties on delivery unless the shop pays them (DDP)


def documents_for(paperwork: CustomsPaperwork) -> list[tuple[str, bytes]]:
    """The documents this parcel needs: [(name, pdf bytes)]."""
    if paperwork.carrier.casefold() in POSTAL_CARRIERS:
        if paperwork.declaration.total_value <= CN22_LIMIT:
            return [("cn22", render_cn22(paperwork))]
        return [("cn23", render_cn23(paperwork))]
    return [("commercial_invoice", render_commercial_invoice(paperwork))]


def _address_lines(a: Address) -> list[str]:
    city = " ".join(p for p in (a.postcode, a.city) if p)
    return [line for line in (a.name, a.company, a.line1, a.line2, city, a.region, a.country, a.phone) if line]


def render_commercial_invoice(p: CustomsPaperwork, copies: int = 1, *, title: str = "COMMERCIAL INVOICE") -> bytes:
    regular, bold = register_fonts()
    width, height = A4
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1)
    canvas.setTitle(f"{title.title()} {p.order_number}")
    d = p.declaration
    for _ in range(copies):
        top = height - 20 * mm
        canvas.setFont(bold, 18)
        canvas.drawString(15 * mm, top, title)
        canvas.setFont(regular, 9)
        facts = [f"Invoice / order: {p.order_number}", f"Date: {p.date.isoformat()}",
                 f"Carrier: {p.carrier} {p.service}", f"Tracking / AWB: {p.tracking_number or '-'}",
                 f"Terms of delivery: {p.incoterm}", f"Reason for export: {d.contents_type}",
                 f"Currency: {d.currency}"]
        for i, fact in enumerate(facts):
            canvas.drawString(120 * mm, top - (6 + 4.5 * i) * mm, fact)
        for x, party, address in ((15, "Shipper / exporter", p.shipper), (15, "Consignee", p.consignee)):
            y = top - (12 if party.startswith("Shipper") else 50) * mm
            canvas.setFont(bold, 10)
            canvas.drawString(x * mm, y, party)
            canvas.setFont(regular, 9)
            for i, line in enumerate(_address_lines(address)):
                canvas.drawString(x * mm, y - (5 + 4.5 * i) * mm, line[:60])
        y = top - 95 * mm
        columns = ((15, "Description"), (80, "HS code"), (102, "Origin"), (118, "Qty"), (132, "Unit value"),
                   (158, "Total"), (178, "Weight kg"))
        canvas.setFont(bold, 8.5)
        for x, heading in columns:
            canvas.drawString(x * mm, y, heading)
        canvas.line(15 * mm, y - 2 * mm, width - 15 * mm, y - 2 * mm)
        canvas.setFont(regular, 8.5)
        for item in d.lines:
            y -= 6 * mm
            values = (item.description[:38], item.hs_code, item.origin_country, str(item.quantity),
                      f"{item.unit_value:.2f}", f"{item.value:.2f}", f"{item.weight_g / 1000:.3f}")
            for (x, _), value in zip(columns, values, strict=True):
                canvas.drawString(x * mm, y, value)
        y -= 4 * mm
        canvas.line(15 * mm, y, width - 15 * mm, y)
        canvas.setFont(bold, 10)
        canvas.drawString(15 * mm, y - 7 * mm, f"Total value: {d.total_value:.2f} {d.currency}    "
                                               f"Total net weight: {d.total_weight_g / 1000:.3f} kg    "
                                               f"Items: {sum(line.quantity for line in d.lines)}")
        canvas.setFont(regular, 9)
        canvas.drawString(15 * mm, 45 * mm, "I declare that the information on this invoice is true and correct, and "
                                            "that the contents of this shipment are as stated above.")
        canvas.drawString(15 * mm, 30 * mm, f"Signature: ______________________   Name: {p.shipper.name}")
        canvas.drawString(15 * mm, 24 * mm, f"Date: {p.date.isoformat()}")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def render_cn22(p: CustomsPaperwork) -> bytes:
    """CN22 on a 4x6 inch label, for the parcel's outside."""
    regular, bold = register_fonts()
    size = (101.6 * mm, 152.4 * mm)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=size, invariant=1)
    canvas.setTitle(f"CN22 {p.order_number}")
    width, height = size
    d = p.declaration
    y = height - 8 * mm
    canvas.setFont(bold, 12)
    canvas.drawString(5 * mm, y, "CUSTOMS DECLARATION  CN 22")
    canvas.setFont(regular, 7)
    canvas.drawString(5 * mm, y - 4 * mm, f"May be opened officially. Designated operator: {p.carrier}")
    y -= 10 * mm
    for i, kind in enumerate(("gift", "documents", "sample", "merchandise", "returned_goods", "other")):
        x = 5 * mm + (i % 3) * 32 * mm
        row = y - (i // 3) * 5 * mm
        canvas.rect(x, row - 1 * mm, 3 * mm, 3 * mm, fill=int(kind == d.contents_type))
        canvas.drawString(x + 4 * mm, row, kind.replace("_", " ").capitalize())
    y -= 14 * mm
    canvas.setFont(bold, 7)
    for x, title in ((5, "Detailed description of contents"), (58, "Qty"), (66, "Weight kg"), (82, "Value")):
        canvas.drawString(x * mm, y, title)
    canvas.setFont(regular, 7)
    for line in d.lines[:8]:
        y -= 4.5 * mm
        canvas.drawString(5 * mm, y, line.description[:34])
        canvas.drawString(58 * mm, y, str(line.quantity))
        canvas.drawString(66 * mm, y, f"{line.weight_g / 1000:.3f}")
        canvas.drawString(82 * mm, y, f"{line.value:.2f}")
        canvas.drawString(8 * mm, y - 3 * mm, f"HS {line.hs_code}  origin {line.origin_country}")
        y -= 3 * mm
    y -= 6 * mm
    canvas.setFont(bold, 8)
    canvas.drawString(5 * mm, y, f"Total weight {d.total_weight_g / 1000:.3f} kg   "
                                 f"Total value {d.total_value:.2f} {d.currency}")
    canvas.setFont(regular, 6.5)
    text = canvas.beginText(5 * mm, 22 * mm)
    text.textLines("I certify that the particulars given in this declaration are correct and that this item\n"
                   "does not contain any dangerous article prohibited by legislation or by postal regulations.")
    canvas.drawText(text)
    canvas.drawString(5 * mm, 10 * mm, f"Date and sender's signature: {p.date.isoformat()}  ____________________")
    canvas.drawString(5 * mm, 5 * mm, f"Order {p.order_number}   {p.tracking_number}")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def render_cn23(p: CustomsPaperwork) -> bytes:
    """CN23 (contents above 300 SDR): the invoice's layout and data under the post's form name."""
    return render_commercial_invoice(p, title="CN 23 CUSTOMS DECLARATION")
