"""ZPL II renderer: a Label becomes one ^XA...^XZ format, written strictly per Zebra's
ZPL II Programming Guide so any ZPL printer or renderer prints the same label.

Safety first: every field's data goes through ^FH (field hexadecimal) and the characters
that mean something to the printer (^, ~, the _ escape itself, control characters) are
written as _XX hex escapes. A customer called "^XA^FDX^FS" or an address with "~" therefore
stays data; nothing in an order can end the format or start a command. Text is UTF-8 (^CI28)
and sent as is, because a UTF-8 multi-byte sequence never contains an ASCII byte.

What the printer would otherwise decide for itself is decided here instead, so renderers
cannot differ: line breaks of wrapped text (sent as \\& inside a ^FB block), the Code 128
subsets (explicit invocation codes in ^BC mode N), and no printer-made interpretation lines
(the human readable text is an ordinary ^A0 field).

Text the printer's resident font 0 cannot draw (Arabic, Hebrew, Thai, Devanagari, CJK, and
Latin beyond Latin-1 and Latin Extended-A) goes as a ^GF graphic field: the field is drawn by
the PDF renderer (shaped, right to left, in the bundled fonts) and rasterised by PDFium at the
label's dpi, so the printer prints the same pixels as the preview. A station whose printers
hold a Unicode TrueType font can name it instead (`unicode_font="E:NOTOSANSCJK.TTF"`): such
text is then sent as text in that font (^A@), which keeps the format small; the printer's
firmware then does any shaping and right-to-left ordering itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from printers.barcodes import LinearSymbol, MatrixSymbol
from printers.barcodes.gs1 import FNC1
from printers.errors import LabelError
from printers.label import MM_PER_INCH, Align, Barcode, Box, Image, Label, Line, MonoBitmap, Rotation, Symbology, Text
from printers.layout import (
    HUMAN_READABLE_GAP,
    TextBlock,
    frame_origin,
    layout_text,
    line_box,
    place_barcode,
    reverse_padding,
)
from printers.scripts import base_rtl

ORIENTATION = {Rotation.NORMAL: "N", Rotation.CW90: "R", Rotation.INVERTED: "I", Rotation.CW270: "B"}
JUSTIFY = {Align.LEFT: "L", Align.CENTER: "C", Align.RIGHT: "R"}

# Characters written as ^FH escapes in any field: the format and control prefixes, the
# escape character itself, and every ASCII control character (which would otherwise end up
# in the stream as raw bytes).
_HEX = {c: f"_{ord(c):02X}" for c in "^~_"}
_HEX.update({chr(i): f"_{i:02X}" for i in list(range(32)) + [127]})
_NEEDS_HEX = frozenset(_HEX)


def escape(data: str) -> str:
    """Field data for ^FH^FD...: safe to place in a format whatever `data` contains."""
    if _NEEDS_HEX.isdisjoint(data):
        return data
    return "".join(_HEX.get(ch, ch) for ch in data)


# What the resident scalable font 0 prints under ^CI28, by our own reading of it: ASCII,
# Latin-1, Latin Extended-A, Greek, basic Cyrillic and common punctuation (the WGL4 core).
_RESIDENT = (
    (0x20, 0x7E), (0xA0, 0x17F), (0x384, 0x3CE), (0x400, 0x45F), (0x490, 0x491), (0x2013, 0x2014),
    (0x2018, 0x201E), (0x2020, 0x2022), (0x2026, 0x2026), (0x2030, 0x2030), (0x2039, 0x203A), (0x20AC, 0x20AC),
    (0x2116, 0x2116), (0x2122, 0x2122),
)


def resident(text: str) -> bool:
    """True if the printer's resident font 0 can print every character of `text`."""
    if text.isascii():
        return True
    return all(any(lo <= ord(ch) <= hi for lo, hi in _RESIDENT) for ch in text)


def render_zpl(labels: Label | Sequence[Label], copies: int = 1, *, unicode_font: str | None = None) -> bytes:
    """ZPL for one label (or several, one format each), as UTF-8 bytes ready for a transport.

    `unicode_font` names a TrueType font stored on the printer (drive:NAME.TTF, for example
    "E:NOTOSANSCJK.TTF"): text font 0 cannot print is then sent as text in that font (^A@)
    instead of as a graphic field. It comes from the station's configuration.
    """
    if unicode_font is not None:
        unicode_font = _check_font_name(unicode_font)
    items = [labels] if isinstance(labels, Label) else list(labels)
    return "".join(_format(label, copies, unicode_font) for label in items).encode("utf-8")


def _check_font_name(name: str) -> str:
    """A printer font name as ^A@ takes it: drive letter, colon, name and extension (d:o.x)."""
    value = name.strip().upper()
    drive, _, rest = value.partition(":")
    stem, dot, ext = rest.rpartition(".")
    if (len(drive) != 1 or drive not in "RBEA" or not dot or not stem or ext not in ("TTF", "TTE", "FNT")
            or any(ch in stem for ch in "^~,:") or not stem.isascii() or not stem.isprintable()):
        raise LabelError("unicode_font", f"{name!r} is not a printer font name like E:NOTOSANSCJK.TTF")
    return value


def _format(label: Label, copies: int, unicode_font: str | None = None) -> str:
    if not 1 <= copies <= 99_999_999:
        raise LabelError("copies", "copies must be between 1 and 99,999,999")
    out = [
        "^XA",
        "^CI28",  # field data is UTF-8
        f"^PW{label.width_dots}",
        f"^LL{label.height_dots}",
        "^LH0,0",  # no label home offset left over from a previous job
        "^FWN",  # no default rotation left over either
    ]
    for element in label.elements:
        if isinstance(element, Text):
            out.append(_text(element, label, unicode_font))
        elif isinstance(element, Barcode):
            out.append(_barcode(element))
        elif isinstance(element, Box):
            out.append(_box(element))
        elif isinstance(element, Line):
            x, y, w, h = line_box(element)
            out.append(f"^FO{x},{y}^GB{w},{h},{min(w, h)},B,0^FS")
        elif isinstance(element, Image):
            out.append(_image(element))
    out.append(f"^PQ{copies}")
    out.append("^XZ")
    return "\n".join(out) + "\n"


def _text(t: Text, label: Label, unicode_font: str | None = None) -> str:
    block = layout_text(t)
    if not block.lines:
        return ""
    if not (t.text.isascii() or all(resident(line) for line in block.lines)):
        if unicode_font is None:
            return _text_graphic(t, block, label.width_dots, label.height_dots, label.dpi)
        font = f"^A@{ORIENTATION[t.rotation]},{block.size},{block.size},{unicode_font}"
        if t.align is Align.LEFT and any(base_rtl(line) for line in block.lines):
            t = replace(t, align=Align.RIGHT)  # ^FB justifies a block, not a line: right to left starts right
        return _text_field(t, block, font)
    return _text_field(t, block, f"^A0{ORIENTATION[t.rotation]},{block.size},{block.size}")


def _text_field(t: Text, block: TextBlock, font: str) -> str:
    # ^FB with the lines broken by us (\& is the ^FB line break), so the printer never has
    # to wrap. Inside ^FB a backslash is written \\ (Zebra guide, ^FB).
    data = "\\&".join(escape(line).replace("\\", "\\\\") for line in block.lines)
    fb = f"^FB{block.width},{len(block.lines)},{block.pitch - block.size},{JUSTIFY[t.align]},0"
    text = f"^FO{t.x},{t.y}{font}{fb}^FH^FD{data}^FS"
    if not t.reverse:
        return text
    pad = reverse_padding(block.size)
    w, h = block.width + 2 * pad, block.height + 2 * pad
    if t.rotation in (Rotation.CW90, Rotation.CW270):
        w, h = h, w
    band = f"^FO{t.x - pad},{t.y - pad}^GB{w},{h},{min(w, h)},B,0^FS"
    return band + "\n" + text.replace("^FH^FD", "^FR^FH^FD", 1)


@lru_cache(maxsize=64)
def _text_graphic(t: Text, block: TextBlock, label_w: int, label_h: int, dpi: int) -> str:
    """The text field as a ^GF graphic: drawn alone by the PDF renderer and rasterised at the
    label's dpi, with a margin for marks that reach past the line (Arabic dots, Thai tone marks)."""
    from printers.png import render_image

    pad = reverse_padding(block.size) if t.reverse else 0
    w, h = block.width + 2 * pad, block.height + 2 * pad
    if t.rotation in (Rotation.CW90, Rotation.CW270):
        w, h = h, w
    margin = max(2, round(block.size * 0.3))
    left, top = max(0, t.x - pad - margin), max(0, t.y - pad - margin)
    right, bottom = min(label_w, t.x - pad + w + margin), min(label_h, t.y - pad + h + margin)
    if right <= left or bottom <= top:
        return ""
    field = Label((right - left) * MM_PER_INCH / dpi, (bottom - top) * MM_PER_INCH / dpi, dpi,
                  (replace(t, x=t.x - left, y=t.y - top),))
    image = render_image(field)
    bits = image.point(lambda v: 255 if v < 128 else 0, mode="1")
    bitmap = MonoBitmap(bits.width, bits.height, bits.tobytes())
    return _graphic(left, top, bitmap)


def _barcode(b: Barcode) -> str:
    placed = place_barcode(b)
    symbol = placed.symbol
    o = ORIENTATION[b.rotation]
    fw, fh = placed.frame_width, placed.frame_height
    x, y = frame_origin(b.rotation, b.x, b.y, fw, fh, placed.x, 0, placed.width, placed.bar_height)
    fo = f"^FO{x},{y}"
    field = b.field or str(b.symbology)
    if isinstance(symbol, LinearSymbol):
        by = f"^BY{placed.module},3,{placed.bar_height}"
        if b.symbology in (Symbology.CODE128, Symbology.GS1_128):
            # Mode N with our own start and subset codes: the bars are exactly ours.
            cmd = f"^BC{o},{placed.bar_height},N,N,N,N"
        elif b.symbology is Symbology.EAN13:
            cmd = f"^BE{o},{placed.bar_height},N,N"
        elif b.symbology is Symbology.UPCA:
            cmd = f"^BU{o},{placed.bar_height},N,N,N"
        else:
            cmd = f"^B8{o},{placed.bar_height},N,N"
        parts = [f"{fo}{by}{cmd}^FH^FD{escape(symbol.zpl_data)}^FS"]
        if placed.text:
            parts.append(_human_readable(b, placed.text, placed.text_height, placed.x, placed.width,
                                         placed.bar_height, fw, fh))
        return "\n".join(parts)
    assert isinstance(symbol, MatrixSymbol)
    if b.symbology is Symbology.QR:
        if not b.data.isascii():
            raise LabelError(field, "a QR code on a ZPL label can only carry ASCII (use a web address)")
        level = b.error_correction
        magnification = min(max(placed.module, 1), 10)
        # ^FD of ^BQ: error correction level, input mode A(utomatic), a comma, then the data.
        return f"{fo}^BQN,2,{magnification},{level},7^FH^FD{level}A,{escape(b.data)}^FS"
    if b.symbology in (Symbology.DATAMATRIX, Symbology.GS1_DATAMATRIX):
        if not symbol.zpl_data.replace(FNC1, "").isascii():  # ^BX encodes the bytes as the printer's code page has them
            raise LabelError(field, "a Data Matrix on a ZPL label can only carry ASCII (use a PDF label)")
        return f"{fo}^BX{o},{placed.module},200,,,,_^FH^FD{_datamatrix_data(symbol.zpl_data)}^FS"
    # PDF417: ^BY sets the module; rows, row height, security level and columns as encoded.
    # The row count is left to the printer: its compaction may need a row more or less than
    # ours, and a fixed count that is too small prints no symbol at all.
    columns = (symbol.width_modules - 69) // 17  # start, stop and the two row indicators
    data = escape(b.data).replace("\\", "\\\\")  # \& and \\ are ^B7 escapes (guide, ^B7)
    return (f"{fo}^BY{placed.module},3,{placed.bar_height}"
            f"^B7{o},{placed.row_height},{b.security_level},{columns},,N^FH^FD{data}^FS")


def _datamatrix_data(payload: str) -> str:
    """^BX quality 200 field data: ^FH runs first, then ^BX escape sequences with the escape
    character we name in the g parameter ("_"): _1 is FNC1 and __ a literal underscore.
    Written through ^FH, that is _5F1 and _5F_5F (Zebra guide, ^BX, quality 200)."""
    out = []
    for ch in payload:
        if ch == FNC1:
            out.append("_5F1")
        elif ch == "_":
            out.append("_5F_5F")
        else:
            out.append(escape(ch))
    return "".join(out)


def _human_readable(b: Barcode, text: str, size: int, u: int, width: int, bar_height: int,
                    fw: int, fh: int) -> str:
    v = bar_height + round(size * HUMAN_READABLE_GAP)
    # A ^FB block centred on the bars and as wide as the frame allows: the printer centres
    # the text under the bars whatever its font's widths.
    centre = u + width // 2
    half = min(centre, fw - centre)
    x, y = frame_origin(b.rotation, b.x, b.y, fw, fh, centre - half, v, 2 * half, size)
    o = ORIENTATION[b.rotation]
    return f"^FO{x},{y}^A0{o},{size},{size}^FB{2 * half},1,0,C,0^FH^FD{escape(text)}^FS"


def _box(b: Box) -> str:
    thickness = min(b.width, b.height) if b.filled else max(1, min(b.thickness, b.width, b.height))
    return f"^FO{b.x},{b.y}^GB{b.width},{b.height},{thickness},B,{min(max(b.rounding, 0), 8)}^FS"


def _image(image: Image) -> str:
    bm = image.bitmap
    total = len(bm.rows)
    return f"^FO{image.x},{image.y}^GFA,{total},{total},{bm.bytes_per_row},{bm.rows.hex().upper()}^FS"


def _graphic(x: int, y: int, bm: MonoBitmap) -> str:
    """^GF in ASCII hex with Zebra's ASCII compression (ZPL II guide, ^GF and "Alternative
    Data Compression Scheme"): a row equal to the one before is ":", a row's trailing zeros
    are ",", and a run of one hex digit is a count (G-Y = 1-19, g-z = 20-400) and the digit."""
    total = len(bm.rows)
    return f"^FO{x},{y}^GFA,{total},{total},{bm.bytes_per_row},{compress_rows(bm)}^FS"


def compress_rows(bm: MonoBitmap) -> str:
    out: list[str] = []
    previous = None
    bpr = bm.bytes_per_row
    for r in range(bm.height):
        row = bm.rows[r * bpr:(r + 1) * bpr]
        if row == previous:
            out.append(":")
            continue
        previous = row
        digits = row.hex().upper()
        stripped = digits.rstrip("0")
        out.append(_runs(stripped) + ("," if len(stripped) < len(digits) else ""))
    return "".join(out)


def _runs(digits: str) -> str:
    out: list[str] = []
    i, n = 0, len(digits)
    while i < n:
        j = i
        while j < n and digits[j] == digits[i]:
            j += 1
        count = j - i
        if count < 3:
            out.append(digits[i] * count)
        else:
            while count:
                part = min(count, 400)
                count -= part
                tens, units = divmod(part, 20)
                out.append((chr(ord("g") + tens - 1) if tens else "") + (chr(ord("G") + units - 1) if units else "")
                           + digits[i])
        i = j
    return "".join(out)
