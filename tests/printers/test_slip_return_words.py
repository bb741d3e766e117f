"""The packing slip asks the customer to scan a code only when one is printed (issue 20): without
a return code or a return URL, its returns text says to keep the slip instead."""

from __future__ import annotations

from dataclasses import replace

from conftest import decode_pdf

from printers.documents import SlipData, render_packing_slip


def words(pdf: bytes) -> str:
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        return " ".join(" ".join(page.get_textpage().get_text_range() for page in document).split())
    finally:
        document.close()


def test_a_slip_without_any_code_does_not_ask_to_scan_one(slip: SlipData) -> None:
    """GIVEN a slip with neither a return code nor a return URL WHEN rendered THEN no QR code is on
    it and its returns text says to keep the slip, never "Scan the code"."""
    pdf = render_packing_slip(replace(slip, return_url="", return_code=""))
    assert not [symbol for symbol, _ in decode_pdf(pdf) if symbol == "QRCode"]
    text = words(pdf)
    assert "Scan" not in text and "scan" not in text
    assert "Keep this slip and contact us with your order number to start a return." in text


def test_a_slip_with_a_return_url_asks_to_scan_its_code(slip: SlipData) -> None:
    pdf = render_packing_slip(replace(slip, return_code=""))
    assert slip.return_url and ("QRCode", slip.return_url) in decode_pdf(pdf)
    assert "Scan the code to start a return" in words(pdf)
