"""The embedded fonts: registered with reportlab once, measured without reportlab's overhead.

DejaVu Sans covers Latin, Greek and Cyrillic, so a customer called Σοφία or Дмитрий gets
their own name on the label. Registration parses a 750 KB TrueType file, so it happens once
per process; measuring text uses the font's advance widths from a plain dict, because
measuring is in the hot path of every label (wrapping, shrinking, centring).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import cache
from importlib import resources

from printers.label import Font

FONT_FILES = {Font.SANS: "DejaVuSans.ttf", Font.SANS_BOLD: "DejaVuSans-Bold.ttf"}
PDF_NAMES = {Font.SANS: "PackstationSans", Font.SANS_BOLD: "PackstationSans-Bold"}
ELLIPSIS = "\u2026"

_lock = threading.Lock()
_registered = False


@dataclass(frozen=True)
class Metrics:
    widths: dict[int, float]  # code point -> advance width in 1/1000 em
    default_width: float
    ascent: float  # 1/1000 em
    descent: float  # 1/1000 em, negative


def font_path(font: Font) -> str:
    return str(resources.files("resources").joinpath("fonts", FONT_FILES[font]))


def register_fonts() -> None:
    """Register both fonts with reportlab (idempotent, thread-safe)."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        for font, name in PDF_NAMES.items():
            ttf = TTFont(name, font_path(font))
            _cache_subsets(ttf)
            pdfmetrics.registerFont(ttf)
        pdfmetrics.registerFontFamily(PDF_NAMES[Font.SANS], normal=PDF_NAMES[Font.SANS],
                                      bold=PDF_NAMES[Font.SANS_BOLD], italic=PDF_NAMES[Font.SANS],
                                      boldItalic=PDF_NAMES[Font.SANS_BOLD])
        _registered = True


def _cache_subsets(ttf: object) -> None:
    """Remember the embedded font subsets reportlab builds: a label rendered for the preview
    and again for the printer (or reprinted) then skips the costliest step of a small PDF."""
    face = ttf.face  # type: ignore[attr-defined]
    make = face.makeSubset
    cache: dict[tuple[int, ...], bytes] = {}

    def make_subset(subset: list[int]) -> bytes:
        key = tuple(subset)
        data = cache.get(key)
        if data is None:
            if len(cache) > 64:
                cache.clear()
            data = cache[key] = make(subset)
        return data

    face.makeSubset = make_subset


@cache
def metrics(font: Font) -> Metrics:
    register_fonts()
    from reportlab.pdfbase import pdfmetrics

    face = pdfmetrics.getFont(PDF_NAMES[font]).face
    return Metrics(dict(face.charWidths), float(face.defaultWidth), float(face.ascent), float(face.descent))


def text_width(text: str, font: Font, size: float) -> float:
    """Width of `text` at `size` (any unit: dots or points), from the font's advance widths."""
    m = metrics(font)
    widths, default = m.widths, m.default_width
    return sum(widths.get(ord(ch), default) for ch in text) * size / 1000.0


def missing_glyphs(text: str, font: Font = Font.SANS) -> str:
    """The characters of `text` the font cannot draw (they would print as empty boxes)."""
    widths = metrics(font).widths
    return "".join(sorted({ch for ch in text if ord(ch) not in widths and ch not in "\n\t"}))


def wrap(text: str, font: Font, size: float, max_width: float) -> list[str]:
    """Break text into lines no wider than `max_width`: at spaces, and inside overlong words.

    A newline in the text always starts a new line (an address typed on two lines stays so).
    """
    lines: list[str] = []
    space = text_width(" ", font, size)
    for paragraph in text.split("\n"):
        words = paragraph.split()
        if not words:
            lines.append("")
            continue
        current, current_width = "", 0.0
        for word in words:
            w = text_width(word, font, size)
            if current and current_width + space + w <= max_width:
                current, current_width = f"{current} {word}", current_width + space + w
                continue
            if current:
                lines.append(current)
            while w > max_width and len(word) > 1:  # an overlong word (a long e-mail, a URL)
                cut = _fitting_prefix(word, font, size, max_width)
                lines.append(word[:cut])
                word = word[cut:]
                w = text_width(word, font, size)
            current, current_width = word, w
        lines.append(current)
    return lines


def _fitting_prefix(word: str, font: Font, size: float, max_width: float) -> int:
    total = 0.0
    m = metrics(font)
    for i, ch in enumerate(word):
        total += m.widths.get(ord(ch), m.default_width) * size / 1000.0
        if total > max_width:
            return max(1, i)
    return len(word)


def truncate(text: str, font: Font, size: float, max_width: float) -> str:
    """`text` shortened with an ellipsis so it fits `max_width`."""
    if text_width(text, font, size) <= max_width:
        return text
    budget = max_width - text_width(ELLIPSIS, font, size)
    cut = _fitting_prefix(text, font, size, max(budget, 0.0))
    return text[:cut].rstrip() + ELLIPSIS
