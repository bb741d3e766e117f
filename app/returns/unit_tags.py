"""The tag stuck on a returned unit: where it goes, why, and which return it came from.

A 4 × 2 in label (the label printer's stock for bin and shelf labels) with the destination in
large type (QUARANTINE, DISPOSE, RETURN TO VENDOR, or the bin), the return and item number as
text and as a Code 128 barcode (`<return>/<item>`, what `packstation returns release` needs),
the SKU, grade and reason, and any supervisor flags. Built from `printers` primitives; the
packing station's print queue renders and sends it like any other label.
"""

from __future__ import annotations

from app.domain.returns import Disposition, ReturnedItem
from printers import Align, Barcode, Box, Element, Fit, Font, Label, Symbology, Text

_BASE_DPI = 203
WIDTH_IN, HEIGHT_IN = 4.0, 2.0


def destination(item: ReturnedItem) -> str:
    if item.disposition is Disposition.RESTOCK:
        return f"RESTOCK {item.bin or ''}".strip()
    return {Disposition.QUARANTINE: "QUARANTINE", Disposition.DISPOSE: "DISPOSE",
            Disposition.RETURN_TO_VENDOR: "RETURN TO VENDOR"}[item.disposition]


def tag_code(number: str, item: ReturnedItem) -> str:
    return f"{number}/{item.item_no}"


def return_tag(number: str, item: ReturnedItem, dpi: int = _BASE_DPI) -> Label:
    def d(value: float) -> int:  # layout in 203-dpi dots, scaled to the printer
        return round(value * dpi / _BASE_DPI)

    width = d(WIDTH_IN * _BASE_DPI)
    margin = d(16)
    inner = width - 2 * margin
    flags = ", ".join(f.value.replace("_", " ") for f in item.flags)
    grade = item.grade.value.replace("_", " ")
    reason = item.reason.replace("_", " ")
    elements: list[Element] = [
        Box(margin, margin, inner, d(78), thickness=d(4), filled=bool(item.flags)),
        Text(margin, margin + d(14), destination(item), height=d(52), font=Font.SANS_BOLD, max_width=inner,
             fit=Fit.SHRINK, min_height=d(28), align=Align.CENTER, reverse=bool(item.flags)),
        Text(margin, d(108), f"Return {number}  ·  item {item.item_no}", height=d(30), font=Font.SANS_BOLD,
             max_width=inner, fit=Fit.SHRINK, min_height=d(20)),
        Text(margin, d(144), f"{item.sku}{'  ·  serial ' + item.serial if item.serial else ''}", height=d(26),
             max_width=inner, fit=Fit.SHRINK, min_height=d(18)),
        Text(margin, d(176), f"{grade}: {reason}" + (f"  ·  FLAGGED: {flags}" if flags else ""), height=d(24),
             max_width=inner, fit=Fit.TRUNCATE),
        Barcode(margin, d(214), Symbology.CODE128, tag_code(number, item), module=d(2), height=d(120),
                box_width=inner, align=Align.CENTER, text_height=d(22)),
    ]
    return Label.inches(WIDTH_IN, HEIGHT_IN, dpi, tuple(elements))
