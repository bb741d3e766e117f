"""Complex scripts: right-to-left order (Arabic, Hebrew) and shaping (Arabic joining, Thai marks,
Devanagari conjuncts and reordered vowel signs), and how a line of any script is drawn on a PDF.

A line is put in display order by python-bidi (the Unicode Bidirectional Algorithm), cut into runs
of one face, and each run of a shaped script is shaped by HarfBuzz (uharfbuzz) into positioned
glyphs. reportlab's own shaping (uharfbuzz behind `drawString(shaping=True)`, reportlab 4.1+)
maps a ligature or a conjunct with no character of its own to a private-use code point, so its
text could not be found or copied in the PDF; here shaped glyphs are drawn as vector outlines
(cached per glyph) and the run's text is written over them in invisible text (render mode 3),
in the face that drew it, so the PDF stays searchable and extractable. Plain runs (Latin, Greek,
Cyrillic, CJK) are ordinary PDF text.

python-bidi gives the display order but does not mirror brackets; `_mirror` turns a bracket
round where the characters around it are right to left (a simplification of rule L4 that holds
for the brackets of addresses: "(12)", "[Apt 5]").
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from printers.fonts import COMPLEX, PDF_NAMES, Face, Font, needs_shaping, split_runs

_MIRROR = dict(zip("()[]{}<>«»‹›", ")(][}{><»«›‹", strict=True))


@dataclass(frozen=True)
class Run:
    """A run of one face in display order. Widths and offsets are 1/1000 em."""

    face: Face
    text: str  # the run's characters in reading (logical) order
    width: float
    glyphs: tuple[tuple[int, float, float, float], ...] = ()  # (glyph id, advance, x offset, y offset)
    rtl: bool = False

    @property
    def shaped(self) -> bool:
        return bool(self.glyphs)


def _strong(ch: str) -> str:
    kind = unicodedata.bidirectional(ch)
    if kind == "L":
        return "L"
    if kind in ("R", "AL"):
        return "R"
    return ""


def base_rtl(text: str) -> bool:
    """True if `text`'s base direction is right to left: its first strong letter is Hebrew or
    Arabic (rules P2 and P3 of the Unicode Bidirectional Algorithm, one paragraph a line).
    Such a line starts at the right of its box."""
    if text.isascii():
        return False
    for ch in text:
        strong = _strong(ch)
        if strong:
            return strong == "R"
    return False


def _mirror(visual: str, base_rtl: bool) -> str:
    if not any(ch in _MIRROR for ch in visual):
        return visual
    out = list(visual)
    for i, ch in enumerate(visual):
        if ch not in _MIRROR:
            continue
        left = next((s for s in map(_strong, reversed(visual[:i])) if s), "")
        right = next((s for s in map(_strong, visual[i + 1:]) if s), "")
        rtl = (left == right == "R") or (base_rtl and not left == right == "L")
        if rtl:
            out[i] = _MIRROR[ch]
    return "".join(out)


@lru_cache(maxsize=1024)
def shape_line(line: str, font: Font) -> tuple[Run, ...]:
    """One line of text as runs in display order, left to right."""
    if any(_strong(ch) == "R" for ch in line):
        from bidi import get_base_level, get_display

        visual = _mirror(get_display(line), get_base_level(line) == 1)
    else:
        visual = line
    runs = []
    for face, part in split_runs(visual, font):
        rtl = any(_strong(ch) == "R" for ch in part)
        if face.script in COMPLEX:
            logical = part[::-1] if rtl else part
            if rtl:  # shaped right to left, HarfBuzz mirrors brackets itself
                logical = "".join(_MIRROR.get(ch, ch) for ch in logical)
            runs.append(_shape(face, logical, rtl))
        else:
            runs.append(Run(face, part[::-1] if rtl else part, face.width(part)))
    return tuple(runs)


def _shape(face: Face, text: str, rtl: bool) -> Run:
    import uharfbuzz as hb

    font, scale = _shaper(face)
    buf = hb.Buffer()
    buf.add_str(text)
    buf.direction = "rtl" if rtl else "ltr"
    buf.guess_segment_properties()
    hb.shape(font, buf, {})
    glyphs = tuple((info.codepoint, pos.x_advance * scale, pos.x_offset * scale, pos.y_offset * scale)
                   for info, pos in zip(buf.glyph_infos, buf.glyph_positions, strict=True))
    return Run(face, text, sum(g[1] for g in glyphs), glyphs, rtl)


def _shaper(face: Face) -> tuple[Any, float]:
    if face._shaper is None:
        import uharfbuzz as hb

        hb_face = hb.Face(hb.Blob.from_file_path(face.path))
        face._shaper = (hb.Font(hb_face), 1000.0 / hb_face.upem * face.scale)
    return face._shaper


class _PathPen:
    """Collects a glyph outline (font units) as PDF path operators in 1/1000 of the text height."""

    def __init__(self, scale: float) -> None:
        self.scale = scale
        self.ops: list[str] = []
        self.x = self.y = 0.0

    def _p(self, x: float, y: float) -> str:
        return f"{x * self.scale:.1f} {y * self.scale:.1f}"

    def moveTo(self, p: tuple[float, float]) -> None:  # noqa: N802 - the pen protocol's names
        self.ops.append(f"{self._p(*p)} m")
        self.x, self.y = p

    def lineTo(self, p: tuple[float, float]) -> None:  # noqa: N802
        self.ops.append(f"{self._p(*p)} l")
        self.x, self.y = p

    def qCurveTo(self, c: tuple[float, float], p: tuple[float, float]) -> None:  # noqa: N802
        # A quadratic Bézier as the cubic PDF draws: control points 2/3 of the way to c.
        c1 = (self.x + 2 * (c[0] - self.x) / 3, self.y + 2 * (c[1] - self.y) / 3)
        c2 = (p[0] + 2 * (c[0] - p[0]) / 3, p[1] + 2 * (c[1] - p[1]) / 3)
        self.ops.append(f"{self._p(*c1)} {self._p(*c2)} {self._p(*p)} c")
        self.x, self.y = p

    def curveTo(self, c1: tuple[float, float], c2: tuple[float, float], p: tuple[float, float]) -> None:  # noqa: N802
        self.ops.append(f"{self._p(*c1)} {self._p(*c2)} {self._p(*p)} c")
        self.x, self.y = p

    def closePath(self) -> None:  # noqa: N802
        self.ops.append("h")


def _outline(face: Face, gid: int) -> str:
    ops = face._outlines.get(gid)
    if ops is None:
        font, scale = _shaper(face)
        pen = _PathPen(scale)
        font.draw_glyph_with_pen(gid, pen)
        ops = face._outlines[gid] = " ".join(pen.ops)
    return ops


def draw_line(canvas: Any, x: float, baseline: float, line: str, font: Font, size: float) -> None:
    """Draw `line` from (x, baseline) in the canvas's current units and fill colour.

    Plain Latin text is one drawString, as it always was.
    """
    if line.isascii() or not needs_shaping(line) and (len(runs := split_runs(line, font)) == 1
                                                      and runs[0][0].script == "latin"):
        canvas.setFont(PDF_NAMES[font], size)
        canvas.drawString(x, baseline, line)
        return
    scale = size / 1000.0
    for run in shape_line(line, font):
        if not run.shaped:
            canvas.setFont(run.face.pdf_name, size * run.face.scale)
            canvas.drawString(x, baseline, run.text[::-1] if run.rtl else run.text)
            x += run.width * scale
            continue
        ops = []
        gx = x
        for gid, advance, dx, dy in run.glyphs:
            outline = _outline(run.face, gid)
            if outline:
                ops.append(f"q {scale:.5f} 0 0 {scale:.5f} {gx + dx * scale:.3f} {baseline + dy * scale:.3f} cm "
                           f"{outline} f Q")
            gx += advance * scale
        canvas.addLiteral("\n".join(ops))
        _invisible(canvas, x, baseline, run, size, font)
        x = gx


def _invisible(canvas: Any, x: float, baseline: float, run: Run, size: float, font: Font) -> None:
    """The run's text as invisible PDF text over its glyphs: found by search, copy and extraction.

    In DejaVu when it has the characters (Arabic and Hebrew letters: the PDF then embeds no
    second font for them), else in the face that drew the run."""
    from printers.fonts import face as face_of

    text = run.text
    latin = face_of("latin", font)
    carrier = latin if all(latin.covers(ord(ch)) for ch in text) else run.face
    height = size * run.face.scale  # the drawn glyphs' size: character boxes cover what is seen
    plain = carrier.width(text) / carrier.scale * height / 1000.0
    canvas.saveState()
    t = canvas.beginText(x, baseline)
    t.setTextRenderMode(3)
    t.setFont(carrier.pdf_name, height)
    if plain > 0:
        t.setHorizScale(100.0 * run.width * size / 1000.0 / plain)
    t.textOut(text[::-1] if run.rtl else text)
    canvas.drawText(t)
    canvas.restoreState()
