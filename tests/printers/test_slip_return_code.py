"""The packing slip's return code: a box with the order's PS:RETURN QR code and one line about it.

Every code is read back the way a scanner would (PDFium at 300 dpi + zxing-cpp).
"""

from __future__ import annotations

import os
import re
from dataclasses import replace

from conftest import decode_pdf, texts

from printers.documents import SlipData, render_packing_slip
from printers.png import pdf_page_count

CODE = "PS:RETURN:SO-100234:7K3QZ8M2XA"
NOTE = "To return an item, scan or keep this code; RMA RMA-000042"


def page_text(pdf: bytes) -> str:
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def page_content(pdf: bytes) -> bytes:
    """The drawing operators of a one-page PDF (the slip is rendered uncompressed)."""
    streams = re.findall(rb"stream\r?\n(.*?)endstream", pdf, re.S)
    return max((s for s in streams if b" Tj" in s and b"BT " in s), key=len)


def test_the_return_code_reads_back_as_the_payload_the_returns_bench_opens(slip: SlipData) -> None:
    """GIVEN a slip with the order's return code and its line
    WHEN it is rendered and scanned THEN the QR code reads back as PS:RETURN:<order>:<token>, beside
    the order's Code 128 and the shop's return URL, and the line is printed in the returns box"""
    pdf = render_packing_slip(replace(slip, return_code=CODE, return_note=NOTE))

    found = decode_pdf(pdf)
    assert ("QRCode", CODE) in found
    assert sorted(texts(found)) == sorted(["SO-100234", "https://northwind.example/r/SO-100234", CODE])
    words = page_text(pdf)
    assert NOTE in words and "RETURNS" in words and "Not quite right?" in words  # the shop's policy stays


def test_the_return_code_reads_back_without_a_return_url_on_letter_paper(slip: SlipData) -> None:
    pdf = render_packing_slip(replace(slip, return_url="", return_code=CODE, return_note=NOTE), page="Letter")
    assert sorted(decode_pdf(pdf)) == [("Code128", "SO-100234"), ("QRCode", CODE)]


def test_a_slip_without_a_return_code_is_drawn_as_before(slip: SlipData) -> None:
    """GIVEN the station's slips without [returns] code_on_slip (no return code)
    THEN the slip is the same bytes whatever note is set (a note without a code is never printed),
    and it carries no PS:RETURN code; with a code, the page is the same bytes down to the returns
    section, which becomes the box"""
    plain = render_packing_slip(slip)
    assert render_packing_slip(replace(slip, return_note=NOTE)) == plain
    assert not [t for t in texts(decode_pdf(plain)) if t.startswith("PS:RETURN:")]
    assert NOTE not in page_text(plain)

    boxed = render_packing_slip(replace(slip, return_code=CODE, return_note=NOTE))
    before, after = page_content(plain), page_content(boxed)
    above = os.path.commonprefix([before, after])  # everything above the returns section is drawn the same
    assert b"(9 items in 5 lines)" in above and b"(Happy birthday!)" in above
    assert before != after


def test_one_unit_on_one_line_is_counted_in_the_singular(slip: SlipData) -> None:
    one = replace(slip, lines=slip.lines[:1])
    one = replace(one, lines=(replace(one.lines[0], quantity=1),))
    assert "1 item in 1 line" in page_text(render_packing_slip(one))


def test_a_long_order_keeps_the_return_box_whole_on_its_last_page(slip: SlipData) -> None:
    """GIVEN an 80-line order WHEN its slip runs onto more pages THEN the return code is printed once"""
    from printers.documents import SlipLine

    lines = tuple(SlipLine(f"SKU-{i:04d}", f"Item {i} " + "with a long name " * (i % 4), 1) for i in range(80))
    pdf = render_packing_slip(replace(slip, lines=lines, return_code=CODE, return_note=NOTE))
    assert pdf_page_count(pdf) >= 3
    assert texts(decode_pdf(pdf)).count(CODE) == 1

