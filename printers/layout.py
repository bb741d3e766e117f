"""Layout shared by the renderers: where lines of text break, how big a barcode comes out.

Deciding this once, before any renderer runs, is what makes the ZPL and the PDF of one label
agree: both receive the same lines, the same font height and the same barcode module. It is
also where text that does not fit is shrunk, wrapped and at last shortened (never refused,
never run off the label), and where a barcode that cannot fit becomes a LabelError naming
the field.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from printers import fonts
from printers.barcodes import LinearSymbol, MatrixSymbol, Symbol, encode
from printers.errors import LabelError
from printers.label import Align, Barcode, Fit, Line, Rotation, Symbology, Text

# Where the baseline sits below the top of a text line, as a fraction of the font height;
# chosen so that DejaVu's capitals fill the same cell as ZPL's ^A0 at the same height.
BASELINE = 0.78
HUMAN_READABLE_GAP = 0.25  # gap between bars and their text, as a fraction of the text height


@dataclass(frozen=True)
class TextBlock:
    lines: tuple[str, ...]
    size: int  # font height in dots, after any shrinking
    pitch: int  # dots from the top of one line to the top of the next
    width: int  # width of the block in dots (max_width, or the widest line)
    line_widths: tuple[float, ...]
    shortened: bool = False  # the text was cut (ellipsis) to fit its space
    substituted: bool = False  # characters no bundled font has were transliterated or dropped

    @property
    def height(self) -> int:
        return self.pitch * (len(self.lines) - 1) + self.size if self.lines else 0


# The caches below serve the same label drawn twice in a row (the PDF, then its screen preview)
# and the fixed texts of a template. A station's labels are each different: bigger caches only
# grew the station's memory with every parcel (8 KB a parcel until they filled, tests/bench).
@lru_cache(maxsize=256)
def layout_text(t: Text) -> TextBlock:
    """Break and size a Text element. Text never makes a label fail: what does not fit is
    shrunk (down to min_height), wrapped onto more lines in the same space, and only then
    shortened with an ellipsis (at the field's max_chars first, the carrier's own limit).
    A LabelError here means the template is wrong (a text height or width too small)."""
    if t.height < 4:
        raise LabelError(t.field or "text", f"text height {t.height} dots is too small to print")
    text, substituted = fonts.printable(_clean(t.text), t.font)
    if t.max_width is None:
        return _block(text.split("\n"), t.height, t, substituted=substituted)
    if t.max_width <= t.height // 2:
        raise LabelError(t.field or "text", f"no room for text: the space is {t.max_width} dots wide")
    fitted = _fit(text, t)
    if fitted is not None:
        lines, size = fitted
        return _block(lines, size, t, substituted=substituted)
    # Shorten: each line of the text cut at the carrier's field limit, then fitted again; if that
    # is still too long, the last line that fits ends with an ellipsis.
    if t.max_chars:
        short = "\n".join(fonts.shorten(part, t.max_chars) for part in text.split("\n"))
        fitted = _fit(short, t) if short != text else None
        if fitted is not None:
            lines, size = fitted
            return _block(lines, size, t, shortened=True, substituted=substituted)
        text = short
    size = _smallest(t) if t.fit is Fit.SHRINK else t.height
    room = max(t.max_lines, _lines_in_box(t, size)) if t.fit is Fit.SHRINK else t.max_lines
    lines = fonts.wrap(text, t.font, size, t.max_width)
    kept = lines[:room]
    if len(lines) > room:
        kept[-1] = fonts.truncate(" ".join(lines[room - 1:]), t.font, size, t.max_width)
    return _block(kept, size, t, shortened=True, substituted=substituted)


def _smallest(t: Text) -> int:
    return t.min_height or max(8, round(t.height * 0.5))


def _lines_in_box(t: Text, size: int) -> int:
    """How many lines of `size` fit in the space the template gave the text at full size."""
    box = t.height * t.max_lines + t.line_spacing * (t.max_lines - 1)
    return max(1, (box + t.line_spacing) // (size + t.line_spacing))


def _fit(text: str, t: Text) -> tuple[list[str], int] | None:
    """Lines and size for `text` in its space, or None if it only fits shortened."""
    assert t.max_width is not None
    lines = fonts.wrap(text, t.font, t.height, t.max_width)
    if len(lines) <= t.max_lines:
        return lines, t.height
    if t.fit is not Fit.SHRINK:
        return None
    smallest = _smallest(t)
    for size in range(t.height - 1, smallest - 1, -1):  # smaller, on as many lines as the template asked
        lines = fonts.wrap(text, t.font, size, t.max_width)
        if len(lines) <= t.max_lines:
            return lines, size
    for size in range(t.height, smallest - 1, -1):  # then more lines of a smaller size, same space
        room = _lines_in_box(t, size)
        if room <= t.max_lines:
            continue
        lines = fonts.wrap(text, t.font, size, t.max_width)
        if len(lines) <= room:
            return lines, size
    return None


def _clean(text: str) -> str:
    """Tabs become spaces and other control characters are dropped: they have no glyphs,
    and in ZPL some would be commands. Newlines are kept as line breaks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    if text.isprintable():
        return text
    return "".join(ch for ch in text if ch == "\n" or ch.isprintable() or ch in "\u200c\u200d")


def _block(lines: list[str], size: int, t: Text, *, shortened: bool = False, substituted: bool = False) -> TextBlock:
    widths = tuple(fonts.text_width(line, t.font, size) for line in lines)
    width = t.max_width if t.max_width is not None else int(max(widths, default=0.0)) + 1
    return TextBlock(tuple(lines), size, size + t.line_spacing, width, widths, shortened, substituted)


@dataclass(frozen=True)
class PlacedBarcode:
    """A barcode with its module decided: the symbol spans [x, x + width) from `x` inside its
    frame (the element's unrotated coordinates), bars `bar_height` dots tall."""

    symbol: Symbol
    module: int
    x: int  # offset of the symbol (bars, not quiet zone) from the element's x, unrotated
    width: int  # symbol width in dots, quiet zones excluded
    bar_height: int  # linear: bar height; matrix: total symbol height
    row_height: int  # matrix: height of one row of cells (PDF417 rows are taller than wide)
    text: str  # human readable line under a linear code ("" for none)
    text_height: int
    frame_width: int  # width of the element's frame (box_width or the symbol with quiet zones)

    @property
    def frame_height(self) -> int:
        if self.text:
            return self.bar_height + round(self.text_height * HUMAN_READABLE_GAP) + self.text_height
        return self.bar_height


@lru_cache(maxsize=64)
def place_barcode(b: Barcode) -> PlacedBarcode:
    field = b.field or str(b.symbology)
    if b.module < 1:
        raise LabelError(field, "the barcode module must be at least 1 dot")
    symbol = encode(b.symbology, b.data, field, b.error_correction, b.columns, b.security_level)
    if isinstance(symbol, LinearSymbol):
        quiet_l, quiet_r = symbol.quiet_left, symbol.quiet_right
    else:
        quiet_l = quiet_r = symbol.quiet
    module = b.module
    if b.box_width is not None:
        # Narrow the module until symbol and quiet zones fit the box; a scanner reads a
        # narrower module, it cannot read bars that run off the label.
        while module > b.min_module and (symbol.width_modules + quiet_l + quiet_r) * module > b.box_width:
            module -= 1
        if (symbol.width_modules + quiet_l + quiet_r) * module > b.box_width:
            need = (symbol.width_modules + quiet_l + quiet_r) * module
            raise LabelError(field, f"{b.data!r} makes a barcode {need} dots wide, "
                                    f"but it has {b.box_width} dots of room")
    width = symbol.width_modules * module
    frame_width = b.box_width if b.box_width is not None else width + (quiet_l + quiet_r) * module
    if b.box_width is None:
        x = quiet_l * module
    elif b.align is Align.CENTER:
        x = (b.box_width - width) // 2
    elif b.align is Align.RIGHT:
        x = b.box_width - width - quiet_r * module
    else:
        x = quiet_l * module
    if isinstance(symbol, MatrixSymbol):
        row_height = b.height if b.symbology is Symbology.PDF417 else module
        bar_height = row_height * symbol.height_modules
        text = ""
    else:
        row_height = 0
        bar_height = b.height
        text = symbol.text if b.human_readable else ""
    text_height = b.text_height or max(16, min(40, round(module * 9)))
    return PlacedBarcode(symbol, module, x, width, bar_height, row_height, text, text_height, frame_width)


def frame_origin(rotation: Rotation, x: int, y: int, frame_w: int, frame_h: int,
                 u: int, v: int, w: int, h: int) -> tuple[int, int]:
    """Top-left, on the label, of the box (u, v, w, h) of an element's frame once rotated.

    Elements rotate about their own frame and keep their top-left corner at (x, y), as a ZPL
    field with ^FO does; this gives the ^FO of a part of the frame (a barcode inside its box).
    """
    if rotation is Rotation.NORMAL:
        return x + u, y + v
    if rotation is Rotation.CW90:
        return x + frame_h - (v + h), y + u
    if rotation is Rotation.INVERTED:
        return x + frame_w - (u + w), y + frame_h - (v + h)
    return x + v, y + frame_w - (u + w)


# Shared by the PDF and ZPL renderers (here, so that drawing ZPL never imports the PDF one).

def line_box(line: Line) -> tuple[int, int, int, int]:
    """The rectangle (x, y, width, height) a horizontal or vertical line covers, in dots."""
    if line.y1 == line.y2:
        return min(line.x1, line.x2), line.y1, abs(line.x2 - line.x1) or line.thickness, line.thickness
    return line.x1, min(line.y1, line.y2), line.thickness, abs(line.y2 - line.y1) or line.thickness


def reverse_padding(size: int) -> int:
    """The margin around reversed (white on black) text, in dots."""
    return max(2, round(size * 0.15))
