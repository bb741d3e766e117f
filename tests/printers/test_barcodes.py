"""Barcode encoders: the data checks a packer's data meets, and symbols a scanner reads back."""

from __future__ import annotations

import string

import pytest
import zxingcpp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image as PILImage

from printers import LabelError, Symbology
from printers.barcodes import LinearSymbol, MatrixSymbol, code128, encode, gs1


def raster(symbol: LinearSymbol | MatrixSymbol, module: int = 3, height: int = 60) -> PILImage.Image:
    """Draw a symbol into an image with its quiet zones, as a scanner would see it."""
    if isinstance(symbol, LinearSymbol):
        rows = [symbol.modules] * max(1, height // module)
        quiet = max(symbol.quiet_left, symbol.quiet_right)
    else:
        rows, quiet = list(symbol.rows), symbol.quiet + 2
    width = (len(rows[0]) + 2 * quiet) * module
    image = PILImage.new("L", (width, (len(rows) + 2 * quiet) * module), 255)
    pixels = image.load()
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if cell == "1":
                for dy in range(module):
                    for dx in range(module):
                        pixels[(c + quiet) * module + dx, (r + quiet) * module + dy] = 0
    return image


def decoded(symbol: LinearSymbol | MatrixSymbol, module: int = 3) -> list[str]:
    return [r.text for r in zxingcpp.read_barcodes(raster(symbol, module))]


def test_code128_uses_subset_c_for_digits_and_says_so_in_zpl_invocation_codes() -> None:
    # GIVEN a USPS-style all-digit tracking number WHEN encoded THEN it starts in subset C (>;)
    c = code128.encode("9400111899223100012345")
    assert c.zpl == ">;9400111899223100012345"
    assert len(c.values) == 1 + 11 + 1  # start, 11 digit pairs, check character


def test_code128_switches_subsets_where_that_makes_the_symbol_shorter() -> None:
    c = code128.encode("1Z999AA10123456784")
    assert c.zpl == ">:1Z999AA1>50123456784"  # B for the letters, >5 (CODE C) for the digit run


def test_code128_writes_caret_tilde_and_greater_than_as_zpl_invocation_codes() -> None:
    # ^ > ~ cannot be sent as themselves in ^BC subset B (Zebra guide, Table 6): >< >0 >=
    assert code128.encode("a^b>c~d").zpl == ">:a><b>0c>=d"


def test_code128_refuses_a_non_ascii_character_naming_the_field() -> None:
    with pytest.raises(LabelError) as error:
        encode(Symbology.CODE128, "ORDER-Ä1", "order_number")
    assert error.value.field == "order_number"
    assert "'Ä'" in str(error.value)


def test_code128_refuses_empty_data() -> None:
    with pytest.raises(LabelError, match="empty"):
        encode(Symbology.CODE128, "", "tracking_number")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=string.ascii_letters + string.digits + " -./:^~>_", min_size=1, max_size=30))
def test_any_printable_ascii_round_trips_through_code128(data: str) -> None:
    assert decoded(encode(Symbology.CODE128, data)) == [data]


def test_gs1_128_puts_fnc1_first_and_after_variable_length_elements_only() -> None:
    element_string = gs1.parse("(01)09506000134352(10)LOT7(21)SN123")
    assert element_string.encoded == "\xf1" + "0109506000134352" + "10LOT7" + "\xf1" + "21SN123"
    assert element_string.transmitted == "010950600013435210LOT7\x1d21SN123"


def test_gs1_128_reads_back_as_its_element_string() -> None:
    symbol = encode(Symbology.GS1_128, "(00)095060000000134352(421)826SW1A1AA")
    assert decoded(symbol) == ["(00)095060000000134352(421)826SW1A1AA"]


def test_an_sscc_is_built_with_its_check_digit() -> None:
    assert gs1.sscc(0, "9506000", 13435) == "095060000000134352"


@pytest.mark.parametrize(("data", "problem"), [
    ("(00)095060000000134353", "check digit 3, expected 2"),
    ("(01)123", "needs 14 characters"),
    ("(17)2612AB", "digits only"),
    ("(99)ünïcode", "cannot carry"),
    ("(77)x", "not a GS1 Application Identifier"),
    ("01)09506000134352", r"must be written as \(AI\)value"),
])
def test_bad_gs1_data_is_refused_with_the_reason(data: str, problem: str) -> None:
    with pytest.raises(LabelError, match=problem):
        gs1.parse(data, "sscc")


@pytest.mark.parametrize(("symbology", "data", "digits"), [
    (Symbology.EAN13, "950110153000", "9501101530003"),  # check digit added
    (Symbology.EAN13, "9501101530003", "9501101530003"),
    (Symbology.EAN8, "9638507", "96385074"),
    (Symbology.UPCA, "03600029145", "036000291452"),
])
def test_ean_and_upc_complete_or_check_the_check_digit(symbology: Symbology, data: str, digits: str) -> None:
    symbol = encode(symbology, data)
    assert isinstance(symbol, LinearSymbol) and symbol.text == digits
    read = decoded(symbol)
    assert read in ([digits], ["0" + digits])  # a UPC-A may be reported as the EAN-13 it is


@pytest.mark.parametrize(("data", "problem"), [
    ("95011015300A", "only encode digits"),
    ("9501101530004", "expected 3"),
    ("12345", "needs 12 digits"),
])
def test_ean13_refuses_letters_wrong_lengths_and_wrong_check_digits(data: str, problem: str) -> None:
    with pytest.raises(LabelError, match=problem):
        encode(Symbology.EAN13, data, "gtin")


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=string.printable[:95], min_size=1, max_size=120))
def test_any_ascii_round_trips_through_data_matrix(data: str) -> None:
    assert decoded(encode(Symbology.DATAMATRIX, data), module=4) == [data]


def test_data_matrix_grows_to_the_size_the_data_needs() -> None:
    small = encode(Symbology.DATAMATRIX, "1")
    large = encode(Symbology.DATAMATRIX, "X" * 500)  # C40, three capitals in two codewords: 334; 72x72 holds 368
    assert isinstance(small, MatrixSymbol) and small.height_modules == 10
    assert isinstance(large, MatrixSymbol) and large.height_modules == 72
    assert decoded(large, module=2) == ["X" * 500]


def test_gs1_data_matrix_reads_back_as_gs1() -> None:
    symbol = encode(Symbology.GS1_DATAMATRIX, "(01)09506000134352(17)261231(10)LOT42(21)SN_1")
    result = zxingcpp.read_barcodes(raster(symbol, 4))[0]
    assert result.content_type == zxingcpp.ContentType.GS1
    assert result.text == "(01)09506000134352(17)261231(10)LOT42(21)SN_1"
    assert result.bytes == b"0109506000134352172612311" + b"0LOT42\x1d21SN_1"


@pytest.mark.parametrize("data", ["Łódź", "ñandú", "東京都千代田区", "شارع الملك فهد", "Zoë Müller-Lüdenscheidt"])
def test_data_matrix_carries_any_text_as_utf8(data: str) -> None:
    """The hand-written encoder refused anything but ASCII; libzint writes it as UTF-8 (ECI 26)."""
    assert decoded(encode(Symbology.DATAMATRIX, data, "location"), module=4) == [data]


@pytest.mark.parametrize("data", ["https://returns.example/r/SO-1?z=SW1A", "12345678", "ΣΟΦΙΑ Дмитрий"])
def test_qr_codes_read_back_including_greek_and_cyrillic(data: str) -> None:
    assert decoded(encode(Symbology.QR, data), module=4) == [data]


def test_pdf417_reads_back() -> None:
    symbol = encode(Symbology.PDF417, "PDF417 carries this, and 1234567890")
    assert isinstance(symbol, MatrixSymbol)
    rows = [row for row in symbol.rows for _ in range(3)]  # rows three modules tall
    stretched = MatrixSymbol(tuple(rows), symbol.quiet, symbol.zpl_data)
    assert decoded(stretched, module=2) == ["PDF417 carries this, and 1234567890"]
