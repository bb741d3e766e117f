"""The embedded font subsets of a label are built once: a preview and then the print (or a reprint)
of the same label skip reportlab's subsetting, through a subclass of reportlab's public TTFontFace."""

from __future__ import annotations

from reportlab.pdfbase.ttfonts import TTFontFace

from printers import Label, Text, fonts
from printers.label import Font
from printers.pdf import render_pdf


def test_a_label_printed_twice_builds_its_font_subset_once(monkeypatch) -> None:
    calls: list[tuple[int, ...]] = []
    real = TTFontFace.makeSubset

    def counted(self, subset):
        calls.append(tuple(subset))
        return real(self, subset)

    monkeypatch.setattr(TTFontFace, "makeSubset", counted)  # the base class: what the cache saves
    label = Label.inches(4, 2, 203, (Text(20, 20, "Font subset cache: Ærøskøbing Ÿ 7½ §3", 40),))
    first = render_pdf(label)
    built = len(calls)
    second = render_pdf(label)
    assert built >= 1 and len(calls) == built  # the second rendering took the subset from the cache
    assert first == second  # and the PDF is byte for byte the same


def test_the_label_fonts_are_reportlab_fonts_registered_under_their_names() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    face = fonts.face(fonts.LATIN, Font.SANS_BOLD)
    assert isinstance(face.ttf, TTFont) and isinstance(face.ttf.face, TTFontFace)
    assert pdfmetrics.getFont(face.pdf_name) is face.ttf
