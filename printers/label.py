"""The label model: one description of a label that every renderer (ZPL, PDF, PNG) draws.

A label has a physical size and a printer resolution; everything on it is placed in printer
dots with the origin at the top-left corner, x to the right and y down, exactly like ZPL's
``^FO``. Working in dots (not millimetres) keeps barcode modules whole: a Code 128 module of
3 dots is 3 dots on the thermal head and 3 dots in the PDF, so what the preview shows is what
the printer prints.

Elements are frozen dataclasses, so a label can be cached, compared in tests and shared
between threads.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from enum import IntEnum, StrEnum
from pathlib import Path
from typing import TypeAlias

from printers.errors import LabelError

MM_PER_INCH = 25.4
RESOLUTIONS = (203, 300, 600)


class Rotation(IntEnum):
    """Clockwise rotation of an element about its top-left corner (ZPL N, R, I, B)."""

    NORMAL = 0
    CW90 = 90
    INVERTED = 180
    CW270 = 270


class Align(StrEnum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


class Fit(StrEnum):
    """What to do with text that does not fit its box (max_width x max_lines).

    Text never makes a label fail: whatever is left over at the end is shortened with an
    ellipsis, and the label says so (Label.shortened).
    """

    WRAP = "wrap"  # wrap onto up to max_lines lines at its size; the rest is shortened
    SHRINK = "shrink"  # wrap, shrink (down to min_height), use more lines of the same space, then shorten
    TRUNCATE = "truncate"  # wrap, and end the last line with an ellipsis


class Font(StrEnum):
    SANS = "sans"
    SANS_BOLD = "sans-bold"


class Symbology(StrEnum):
    CODE128 = "code128"
    GS1_128 = "gs1-128"
    EAN13 = "ean13"
    EAN8 = "ean8"
    UPCA = "upca"
    QR = "qr"
    DATAMATRIX = "datamatrix"
    GS1_DATAMATRIX = "gs1-datamatrix"
    PDF417 = "pdf417"

    @property
    def is_linear(self) -> bool:
        return self in _LINEAR

    @property
    def is_gs1(self) -> bool:
        return self in (Symbology.GS1_128, Symbology.GS1_DATAMATRIX)


_LINEAR = frozenset({Symbology.CODE128, Symbology.GS1_128, Symbology.EAN13, Symbology.EAN8, Symbology.UPCA})


@dataclass(frozen=True)
class Text:
    """A run of text. `height` is the font size in dots (the em, as ZPL's ^A0 height).

    With `max_width` the text is wrapped at word boundaries into at most `max_lines` lines
    (see `Fit`). `max_chars` is the carrier's limit for one line of the field (35 for a UPS or
    FedEx name or address line): text that has to be shortened is cut there first.
    `reverse` prints white on a black band, as carriers do for service codes.
    `field` names the data the text came from, for error messages and Label.shortened.
    """

    x: int
    y: int
    text: str
    height: int = 30
    font: Font = Font.SANS
    rotation: Rotation = Rotation.NORMAL
    max_width: int | None = None
    max_lines: int = 1
    fit: Fit = Fit.WRAP
    min_height: int | None = None
    align: Align = Align.LEFT  # LEFT is the line's start: a right-to-left line (Arabic, Hebrew) aligns right
    line_spacing: int = 0
    reverse: bool = False
    field: str = ""
    max_chars: int | None = None


@dataclass(frozen=True)
class Line:
    """A horizontal or vertical line from (x1, y1) to (x2, y2), `thickness` dots wide."""

    x1: int
    y1: int
    x2: int
    y2: int
    thickness: int = 2


@dataclass(frozen=True)
class Box:
    """A rectangle outline (or a solid block with `filled`). `rounding` is ZPL's 0-8 scale."""

    x: int
    y: int
    width: int
    height: int
    thickness: int = 2
    filled: bool = False
    rounding: int = 0


@dataclass(frozen=True)
class Barcode:
    """A barcode of any supported symbology.

    `module` is the narrow bar (or matrix cell) width in dots; `height` is the bar height of a
    linear code or the row height of PDF417 (2D matrix codes are square and ignore it).
    For gs1-* symbologies `data` is the parenthesised element string, "(00)123456789012345675".
    With `box_width` the symbol is placed left/centre/right inside [x, x + box_width], and the
    module is reduced (never below `min_module`) until symbol and quiet zones fit the box.
    `human_readable` prints the data under a linear code.
    """

    x: int
    y: int
    symbology: Symbology
    data: str
    module: int = 2
    height: int = 100
    human_readable: bool = True
    text_height: int | None = None
    rotation: Rotation = Rotation.NORMAL
    box_width: int | None = None
    align: Align = Align.LEFT
    min_module: int = 1
    error_correction: str = "Q"  # QR: L, M, Q, H (Q survives a scuffed thermal label)
    columns: int = 0  # PDF417 data columns, 0 = chosen from the data
    security_level: int = 2  # PDF417 error correction level 0-8
    field: str = ""


@dataclass(frozen=True)
class MonoBitmap:
    """A 1-bit image: `rows` holds `height` rows of ceil(width / 8) bytes, MSB first, 1 = black.

    This is the layout of ZPL's ^GF hex data, so the ZPL renderer writes it out as it is.
    """

    width: int
    height: int
    rows: bytes

    def __post_init__(self) -> None:
        if self.width <= 0 or self.height <= 0:
            raise LabelError("image", "an image needs a width and a height")
        if len(self.rows) != self.bytes_per_row * self.height:
            raise LabelError("image", f"expected {self.bytes_per_row * self.height} bytes, got {len(self.rows)}")

    @property
    def bytes_per_row(self) -> int:
        return (self.width + 7) // 8

    @classmethod
    def from_image(cls, source: str | Path | bytes, *, width: int | None = None,
                   height: int | None = None, threshold: int = 128) -> MonoBitmap:
        """Load a logo (PNG, JPEG, ...) from a path or bytes; scale to fit width x height dots.

        Transparent pixels are white; everything darker than `threshold` is printed.
        """
        from PIL import Image as PILImage  # Pillow comes with reportlab

        try:
            image: PILImage.Image = PILImage.open(io.BytesIO(source) if isinstance(source, bytes) else source)
            image.load()
        except (OSError, ValueError) as exc:
            raise LabelError("image", f"cannot read the logo image ({exc})") from exc
        if image.mode in ("RGBA", "LA", "P"):
            image = image.convert("RGBA")
            background = PILImage.new("RGBA", image.size, (255, 255, 255, 255))
            image = PILImage.alpha_composite(background, image)
        image = image.convert("L")
        if width or height:
            box = (width or image.width * 100, height or image.height * 100)
            scale = min(box[0] / image.width, box[1] / image.height)
            size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
            image = image.resize(size, PILImage.Resampling.LANCZOS)
        # "1" mode packs 8 pixels a byte MSB first with 1 = white; invert to 1 = black.
        bits = image.point(lambda v: 255 if v < threshold else 0, mode="1")
        return cls(bits.width, bits.height, bits.tobytes())

    def pixel(self, x: int, y: int) -> bool:
        return bool(self.rows[y * self.bytes_per_row + x // 8] & (0x80 >> (x % 8)))


@dataclass(frozen=True)
class Image:
    """A monochrome image (a logo) with its top-left corner at (x, y)."""

    x: int
    y: int
    bitmap: MonoBitmap


Element: TypeAlias = Text | Line | Box | Barcode | Image


@dataclass(frozen=True)
class Label:
    """A label of `width_mm` x `height_mm` for a printer of `dpi` dots per inch."""

    width_mm: float
    height_mm: float
    dpi: int = 203
    elements: tuple[Element, ...] = field(default_factory=tuple)
    # Fields the document builder shortened before layout (a town line's postcode cut at the
    # carrier's limit, so that the city after it still fits); Label.shortened includes them.
    data_shortened: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.dpi not in RESOLUTIONS:
            raise LabelError("dpi", f"{self.dpi} dpi is not a label printer resolution (use 203, 300 or 600)")
        if self.width_mm <= 0 or self.height_mm <= 0:
            raise LabelError("size", "a label needs a positive width and height")

    @classmethod
    def inches(cls, width: float, height: float, dpi: int = 203, elements: tuple[Element, ...] = ()) -> Label:
        return cls(width * MM_PER_INCH, height * MM_PER_INCH, dpi, tuple(elements))

    @classmethod
    def mm(cls, width: float, height: float, dpi: int = 203, elements: tuple[Element, ...] = ()) -> Label:
        return cls(float(width), float(height), dpi, tuple(elements))

    @property
    def width_dots(self) -> int:
        return round(self.width_mm / MM_PER_INCH * self.dpi)

    @property
    def height_dots(self) -> int:
        return round(self.height_mm / MM_PER_INCH * self.dpi)

    @property
    def width_pt(self) -> float:
        return round(self.width_mm / MM_PER_INCH * 72, 4)  # 4x6 in is 288 x 432 pt, not 431.99999

    @property
    def height_pt(self) -> float:
        return round(self.height_mm / MM_PER_INCH * 72, 4)

    def dots(self, mm: float) -> int:
        """Millimetres to whole dots at this label's resolution."""
        return round(mm / MM_PER_INCH * self.dpi)

    @property
    def shortened(self) -> tuple[str, ...]:
        """The fields whose text is not printed in full (shortened with an ellipsis, or with
        characters no bundled font has transliterated): "ship_to.name". The full text is on the
        slip and in the record; the station tells the packer "label shortened: ship_to.name"."""
        from printers.layout import layout_text

        names: list[str] = list(self.data_shortened)
        for element in self.elements:
            if isinstance(element, Text):
                block = layout_text(element)
                if (block.shortened or block.substituted) and (element.field or "text") not in names:
                    names.append(element.field or "text")
        return tuple(names)

    def with_elements(self, *elements: Element) -> Label:
        return Label(self.width_mm, self.height_mm, self.dpi, self.elements + tuple(elements), self.data_shortened)
