"""Page furniture shared by the A4/Letter documents: sizes, margins, text and footers.

Text goes through printers.scripts, so an address or an item name in any script the bundled
fonts cover prints as written (right to left, shaped), the same as on the label.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.pdfgen.canvas import Canvas

from printers import fonts
from printers.errors import LabelError
from printers.label import Font
from printers.scripts import base_rtl, draw_line

MM = 72 / 25.4  # points per millimetre
# Barcode modules on documents are whole dots of a 600 dpi (and so of a 300 dpi) printer:
# a module of 4.13 printer dots prints as bars alternating 4 and 5 dots wide, which scanners
# (and the tests' decoder) read less reliably than bars of one exact width.
DOT_600 = 72 / 600  # points


def module_pt(mm: float) -> float:
    """The nearest whole number of 1/600 inch to `mm`, in points, never below `mm` - 0.01."""
    dots = max(1, round(mm * MM / DOT_600))
    if dots * DOT_600 < (mm - 0.01) * MM:
        dots += 1
    return dots * DOT_600
PAGE_SIZES = {"A4": A4, "LETTER": LETTER}
INK = HexColor("#1a1a1a")
MUTED = HexColor("#666666")
RULE = HexColor("#c8c8c8")
REGULAR = fonts.PDF_NAMES[Font.SANS]
BOLD = fonts.PDF_NAMES[Font.SANS_BOLD]


def page_size(name: str) -> tuple[float, float]:
    size = PAGE_SIZES.get(name.strip().upper())
    if size is None:
        raise LabelError("page_size", f"unknown page size {name!r} (use A4 or Letter)")
    return size


def colour(value: str, field: str) -> Color:
    try:
        return HexColor(value)
    except (ValueError, TypeError) as exc:
        raise LabelError(field, f"{value!r} is not a colour like #1f6feb") from exc


def wrap(text: str, bold: bool, size: float, width: float) -> list[str]:
    """Lines of `text` in any script (characters no bundled font has are transliterated)."""
    font = Font.SANS_BOLD if bold else Font.SANS
    return fonts.wrap(fonts.printable(text, font)[0], font, size, width)


def width(text: str, bold: bool, size: float) -> float:
    return fonts.text_width(text, Font.SANS_BOLD if bold else Font.SANS, size)


def draw_lines(canvas: Canvas, lines: Sequence[str], x: float, top: float, size: float, bold: bool = False,
               leading: float | None = None, colour_: Color = INK, align: str = "left",
               box_width: float = 0.0) -> float:
    """Draw lines from `top` down; returns the y below the last line."""
    leading = leading or size * 1.25
    canvas.setFont(BOLD if bold else REGULAR, size)
    canvas.setFillColor(colour_)
    y = top
    for line in lines:
        y -= leading
        baseline = y + (leading - size) / 2 + size * 0.22
        draw_text(canvas, line, x, baseline, size, bold, align, box_width)
    return y


def draw_text(canvas: Canvas, text: str, x: float, baseline: float, size: float, bold: bool = False,
              align: str = "left", box_width: float = 0.0) -> None:
    """One line of text in any script, left, right or centred in [x, x + box_width], in the
    canvas's fill colour. Right-to-left text reads right to left whatever the alignment, and
    "left" is the line's start: a line whose base direction is right to left (Arabic, Hebrew)
    is drawn at the right of its box (when the box has a width)."""
    font = Font.SANS_BOLD if bold else Font.SANS
    text = fonts.printable(text, font)[0]
    if align == "left" and box_width > 0 and base_rtl(text):
        align = "right"
    if align in ("right", "center"):
        w = fonts.text_width(text, font, size)
        x = x + box_width - w if align == "right" else x + (box_width - w) / 2
    draw_line(canvas, x, baseline, text, font, size)


def footer(canvas: Canvas, text: str, page: int, pages: int, page_w: float, margin: float) -> None:
    canvas.setFont(REGULAR, 8)
    canvas.setFillColor(MUTED)
    draw_text(canvas, text, margin, margin * 0.55, 8)
    canvas.drawRightString(page_w - margin, margin * 0.55, f"Page {page} of {pages}")


def tint(c: Color, amount: float) -> Color:
    """`c` mixed with white: amount 0.9 is a pale tint for table stripes."""
    return Color(c.red + (1 - c.red) * amount, c.green + (1 - c.green) * amount, c.blue + (1 - c.blue) * amount)
