"""The bundled fonts: one open font per script, loaded on first need, measured from plain dicts.

DejaVu Sans is the label font (Latin with its diacritics, Greek, Cyrillic) and is loaded with
the first label. Every other script has its own face, loaded only when a text first needs it,
so a station that never sees an Arabic address never parses the Arabic font:

- Arabic, Hebrew, Thai, Devanagari: Noto Sans (regular and bold), SIL Open Font License;
- Chinese and Japanese: Droid Sans Fallback Full (Apache 2.0), without a bold cut (bold
  Chinese and Japanese print in the regular weight);
- Korean (Hangul): NanumSquare regular and bold (SIL Open Font License).

All are TrueType-outline fonts, the kind reportlab embeds. Which face draws a character is
decided by its Unicode block (so the Arabic comma goes with the Arabic words around it), then
by coverage. A character no bundled font has (an emoji, a script we do not ship) is replaced
by its ASCII transliteration (anyascii) or dropped if it is a symbol; `printable` says when that
happened, so a label never prints an empty box and the caller can report the change.

Measuring is in the hot path of every label (wrapping, shrinking, centring): plain text is
measured from each face's advance widths; text that needs shaping (Arabic, Hebrew, Thai,
Devanagari) is measured from its shaped glyphs (printers.scripts).
"""

from __future__ import annotations

import threading
import unicodedata
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from printers.label import Font

LATIN, ARABIC, HEBREW, THAI, DEVANAGARI, CJK, KOREAN = (
    "latin", "arabic", "hebrew", "thai", "devanagari", "cjk", "korean")
FACE_FILES = {
    LATIN: ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
    ARABIC: ("NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf"),
    HEBREW: ("NotoSansHebrew-Regular.ttf", "NotoSansHebrew-Bold.ttf"),
    THAI: ("NotoSansThai-Regular.ttf", "NotoSansThai-Bold.ttf"),
    DEVANAGARI: ("NotoSansDevanagari-Regular.ttf", "NotoSansDevanagari-Bold.ttf"),
    CJK: ("DroidSansFallbackFull.ttf", "DroidSansFallbackFull.ttf"),
    KOREAN: ("NanumSquareR.ttf", "NanumSquareB.ttf"),
}
# Scripts whose text is shaped (joined, reordered, marks placed) before it is drawn.
COMPLEX = frozenset({ARABIC, HEBREW, THAI, DEVANAGARI})
# A script's face is drawn this much smaller than the text height, so that its tallest marks
# and deepest descenders stay in the line's cell as DejaVu's accented capitals do (measured
# with HarfBuzz glyph extents: Arabic reaches 0.94 em above the baseline and 0.42 em below it).
SIZE_FACTOR = {ARABIC: 0.75, THAI: 0.92, DEVANAGARI: 0.97}
FONT_FILES = {Font.SANS: FACE_FILES[LATIN][0], Font.SANS_BOLD: FACE_FILES[LATIN][1]}
PDF_NAMES = {Font.SANS: "PackstationSans", Font.SANS_BOLD: "PackstationSans-Bold"}
ELLIPSIS = "\u2026"

# Unicode blocks drawn by a script's own face (start, end inclusive).
_BLOCKS = sorted([
    (0x0590, 0x05FF, HEBREW), (0xFB1D, 0xFB4F, HEBREW),
    (0x0600, 0x06FF, ARABIC), (0x0750, 0x077F, ARABIC), (0x0870, 0x08FF, ARABIC), (0xFB50, 0xFDFF, ARABIC),
    (0xFE70, 0xFEFF, ARABIC),
    (0x0900, 0x097F, DEVANAGARI), (0xA8E0, 0xA8FF, DEVANAGARI), (0x1CD0, 0x1CFF, DEVANAGARI),
    (0x0E00, 0x0E7F, THAI),
    (0x1100, 0x11FF, CJK), (0x2E80, 0x2FDF, CJK), (0x3000, 0x312F, CJK), (0x3130, 0x318F, KOREAN),
    (0x3190, 0x9FFF, CJK), (0xA960, 0xA97F, CJK), (0xAC00, 0xD7AF, KOREAN), (0xD7B0, 0xD7FF, CJK),
    (0xF900, 0xFAFF, CJK), (0xFE30, 0xFE4F, CJK), (0xFF00, 0xFFEF, CJK),
    (0x20000, 0x2FA1F, CJK),
])
_STARTS = [b[0] for b in _BLOCKS]

_lock = threading.RLock()


@dataclass(frozen=True)
class Metrics:
    widths: dict[int, float]  # code point -> advance width in 1/1000 em
    default_width: float
    ascent: float  # 1/1000 em
    descent: float  # 1/1000 em, negative


@dataclass(eq=False)
class Face:
    """One loaded font file in one weight: its reportlab font, widths and (lazily) its shaper."""

    script: str
    bold: bool
    path: str
    pdf_name: str
    ttf: Any  # reportlab.pdfbase.ttfonts.TTFont
    widths: dict[int, float]
    default_width: float
    scale: float = 1.0  # drawn at this fraction of the text height (SIZE_FACTOR)
    _shaper: Any = None
    _outlines: dict[int, str] = field(default_factory=dict)

    def covers(self, cp: int) -> bool:
        return cp in self.widths

    def width(self, text: str) -> float:
        """Unshaped advance of `text`, 1/1000 of the text height (the face's scale applied)."""
        widths, default = self.widths, self.default_width
        return sum(widths.get(ord(ch), default) for ch in text) * self.scale


def font_path(font: Font) -> str:
    return _path(FONT_FILES[font])


def _path(name: str) -> str:
    return str(resources.files("resources").joinpath("fonts", name))


def script_of(cp: int) -> str:
    """The face that draws code point `cp` by its block: a script's own face, else DejaVu."""
    i = bisect_right(_STARTS, cp) - 1
    if i >= 0 and cp <= _BLOCKS[i][1]:
        return _BLOCKS[i][2]
    return LATIN


def face(script: str, font: Font = Font.SANS) -> Face:
    """The face for `script` in the weight of `font`, loaded and registered on first use."""
    return _face(script, font is Font.SANS_BOLD)


@cache
def _face(script: str, bold: bool) -> Face:
    with _lock:
        from reportlab.pdfbase import pdfmetrics

        filename = FACE_FILES[script][1 if bold else 0]
        if script == LATIN:
            name = PDF_NAMES[Font.SANS_BOLD if bold else Font.SANS]
        else:
            name = f"Packstation{script.capitalize()}" + ("-Bold" if bold and FACE_FILES[script][1] !=
                                                          FACE_FILES[script][0] else "")
        ttf: Any
        if name in pdfmetrics.getRegisteredFontNames():
            ttf = pdfmetrics.getFont(name)
        else:
            ttf = _font_class()(name, _path(filename))
            pdfmetrics.registerFont(ttf)
        f = ttf.face
        return Face(script, bold, _path(filename), name, ttf, dict(f.charWidths), float(f.defaultWidth),
                    SIZE_FACTOR.get(script, 1.0))


def register_fonts() -> None:
    """Register DejaVu (both weights) with reportlab; the other scripts register on first need."""
    regular, bold = face(LATIN, Font.SANS), face(LATIN, Font.SANS_BOLD)
    from reportlab.pdfbase import pdfmetrics

    pdfmetrics.registerFontFamily(regular.pdf_name, normal=regular.pdf_name, bold=bold.pdf_name,
                                  italic=regular.pdf_name, boldItalic=bold.pdf_name)


@cache
def _font_class() -> type:
    """reportlab's TrueType font, whose face remembers the font subsets it embeds: a label
    rendered for the preview and again for the printer (or reprinted) then skips the costliest
    step of a small PDF (about 9 ms a face).

    Subclasses of reportlab's public TTFont and TTFontFace that override the public method
    TTFontFile.makeSubset (no private attribute read, no method of a reportlab object replaced).
    TTFont builds its face itself and parsing a font file twice would cost 90-440 ms, so the face
    it built becomes an instance of the subclass (which adds no state of reportlab's own).
    """
    from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

    class SubsetCachingFace(TTFontFace):
        def makeSubset(self, subset: Sequence[int]) -> bytes:  # noqa: N802 - reportlab's name
            cache_: dict[tuple[int, ...], bytes] = self.__dict__.setdefault("packstation_subsets", {})
            key = tuple(subset)
            data = cache_.get(key)
            if data is None:
                if len(cache_) > 64:
                    cache_.clear()
                data = cache_[key] = super().makeSubset(subset)
            return data

    class PackstationFont(TTFont):
        def __init__(self, name: str, filename: str) -> None:
            super().__init__(name, filename)
            self.face.__class__ = SubsetCachingFace

    return PackstationFont


@cache
def metrics(font: Font) -> Metrics:
    """DejaVu's metrics (the label font's): advance widths, ascent and descent."""
    f = face(LATIN, font).ttf.face
    return Metrics(dict(f.charWidths), float(f.defaultWidth), float(f.ascent), float(f.descent))


# --------------------------------------------------------------------------- which face draws what

def _stays_in_run(ch: str) -> bool:
    """Spaces, punctuation and invisible format characters (ZWJ, ZWNJ) go with the run around
    them, so an Arabic phrase is one run and shapes as one."""
    return ch.isspace() or unicodedata.category(ch)[0] in "PZC"


def split_runs(text: str, font: Font) -> list[tuple[Face, str]]:
    """`text` cut into runs of characters drawn by one face, in the given order."""
    latin = face(LATIN, font)
    runs: list[tuple[Face, str]] = []
    current: Face | None = None
    start = 0
    for i, ch in enumerate(text):
        cp = ord(ch)
        if cp < 0x250 and current is None or current is latin and cp < 0x250:
            f = latin
        elif current is not None and _stays_in_run(ch) and current.covers(cp):
            continue
        else:
            f = face(script_of(cp), font)
            if not f.covers(cp) and latin.covers(cp):
                f = latin
        if f is not current:
            if current is not None and i > start:
                runs.append((current, text[start:i]))
            current, start = f, i
    if current is not None and start < len(text):
        runs.append((current, text[start:]))
    return runs


def needs_shaping(text: str) -> bool:
    """True if `text` has a character of a script that is shaped or written right to left."""
    if text.isascii():
        return False
    return any(ord(ch) >= 0x590 and script_of(ord(ch)) in COMPLEX for ch in text)


def printable(text: str, font: Font = Font.SANS) -> tuple[str, bool]:
    """`text` in NFC with every character some bundled face can draw; True if any had to be
    replaced (by its transliteration) or dropped (a symbol, an emoji)."""
    if text.isascii():
        return text, False
    return _printable(text, font)


@lru_cache(maxsize=1024)
def _printable(text: str, font: Font) -> tuple[str, bool]:
    text = unicodedata.normalize("NFC", text)
    latin = face(LATIN, font)
    out: list[str] = []
    changed = False
    for ch in text:
        cp = ord(ch)
        if ch == "\n" or latin.covers(cp) and script_of(cp) == LATIN or unicodedata.category(ch) == "Cf":
            out.append(ch)
            continue
        script = script_of(cp)
        if script != LATIN and face(script, font).covers(cp) or latin.covers(cp):
            out.append(ch)
            continue
        changed = True
        if unicodedata.category(ch) in ("So", "Sk", "Cn", "Co", "Cs", "Mn"):
            continue
        from anyascii import anyascii

        out.append(anyascii(ch) or "?")
    return "".join(out), changed


def missing_glyphs(text: str, font: Font = Font.SANS) -> str:
    """The characters of `text` no bundled font can draw (printable() replaces them)."""
    return "".join(sorted({ch for ch in text if ch not in "\n\t" and printable(ch, font)[1]}))


# --------------------------------------------------------------------------- measuring

def text_width(text: str, font: Font, size: float) -> float:
    """Width of `text` at `size` (any unit: dots or points), shaped where the script needs it."""
    if text.isascii():
        m = metrics(font)
        widths, default = m.widths, m.default_width
        return sum(widths.get(ord(ch), default) for ch in text) * size / 1000.0
    return _width_em(text, font) * size / 1000.0


@lru_cache(maxsize=2048)
def _width_em(text: str, font: Font) -> float:
    if needs_shaping(text):
        from printers.scripts import shape_line

        return sum(run.width for run in shape_line(text, font))
    return sum(f.width(part) for f, part in split_runs(text, font))


def wrap(text: str, font: Font, size: float, max_width: float) -> list[str]:
    """Break text into lines no wider than `max_width`: at spaces, and inside overlong words.

    A newline in the text always starts a new line (an address typed on two lines stays so).
    Chinese and Japanese have no spaces between words: a line of them breaks between any two
    characters, as those scripts do.
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
            while w > max_width and len(word) > 1:  # an overlong word (a long e-mail, a URL, CJK)
                cut = _fitting_prefix(word, font, size, max_width)
                lines.append(word[:cut])
                word = word[cut:]
                w = text_width(word, font, size)
            current, current_width = word, w
        lines.append(current)
    return lines


def _fitting_prefix(word: str, font: Font, size: float, max_width: float) -> int:
    """The longest prefix of `word` (at least one character, never ending before a combining
    mark) whose width is at most `max_width`."""
    if word.isascii():
        total = 0.0
        m = metrics(font)
        for i, ch in enumerate(word):
            total += m.widths.get(ord(ch), m.default_width) * size / 1000.0
            if total > max_width:
                return max(1, i)
        return len(word)
    lo, hi = 1, len(word)  # binary search: shaped widths are not sums of character widths
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if text_width(word[:mid], font, size) <= max_width:
            lo = mid
        else:
            hi = mid - 1
    while 1 < lo < len(word) and _continues_cluster(word[lo]):
        lo -= 1
    return lo


def _continues_cluster(ch: str) -> bool:
    """A character that belongs to the one before it: a combining mark, a vowel sign, a virama, ZWJ."""
    return unicodedata.category(ch) in ("Mn", "Mc", "Me") or ch in "\u200c\u200d"


def truncate(text: str, font: Font, size: float, max_width: float) -> str:
    """`text` shortened with an ellipsis so it fits `max_width`."""
    if text_width(text, font, size) <= max_width:
        return text
    budget = max_width - text_width(ELLIPSIS, font, size)
    cut = _fitting_prefix(text, font, size, max(budget, 0.0))
    return text[:cut].rstrip() + ELLIPSIS


def shorten(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters, the last one an ellipsis (a carrier's field limit)."""
    if len(text) <= limit:
        return text
    cut = max(1, limit - 1)
    while 1 < cut < len(text) and _continues_cluster(text[cut]):
        cut -= 1
    return text[:cut].rstrip() + ELLIPSIS
