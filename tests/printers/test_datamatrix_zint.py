"""Data Matrix through libzint (zint-bindings): GS1 with FNC1, UTF-8 text, square and rectangular
symbols, each read back by zxing-cpp as a scanner would."""

from __future__ import annotations

import pytest
import zxingcpp
from PIL import Image as PILImage

from printers import LabelError, Symbology
from printers.barcodes import datamatrix, encode, gs1


def read(rows: tuple[tuple[bool, ...], ...], module: int = 4, quiet: int = 3) -> list[zxingcpp.Result]:
    height, width = len(rows), len(rows[0])
    image = PILImage.new("L", ((width + 2 * quiet) * module, (height + 2 * quiet) * module), 255)
    pixels = image.load()
    for r, row in enumerate(rows):
        for c, dark in enumerate(row):
            if dark:
                for dy in range(module):
                    for dx in range(module):
                        pixels[(c + quiet) * module + dx, (r + quiet) * module + dy] = 0
    return zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.DataMatrix)


GS1_DATA = "(01)09506000134352(17)261231(10)LOT42(21)SN_1"


@pytest.mark.parametrize("shape", ["square", "rectangle", "any"])
def test_gs1_data_matrix_carries_fnc1_in_every_shape(shape: str) -> None:
    """GIVEN an element string with variable-length (10) before (21) WHEN encoded in each shape
    THEN a scanner reads GS1 content: a GS after the lot, none after the fixed-length (01) and (17)."""
    symbol = datamatrix.encode(gs1.parse(GS1_DATA).encoded, "serial", shape=shape)  # type: ignore[arg-type]
    [result] = read(symbol.rows)
    assert result.content_type == zxingcpp.ContentType.GS1
    assert result.text == GS1_DATA
    assert result.bytes == b"01095060001343521726123110LOT42\x1d21SN_1"
    if shape == "square":
        assert symbol.width == symbol.height
    if shape == "rectangle":
        assert (symbol.height, symbol.width) == (16, 36)


@pytest.mark.parametrize(("data", "size"), [("TOTE-0042", (8, 32)), ("1", (8, 18)), ("BIN A-17 shelf 3", (12, 26))])
def test_rectangles_are_the_smallest_that_hold_the_data(data: str, size: tuple[int, int]) -> None:
    symbol = datamatrix.encode(data, "location", shape="rectangle")
    assert (symbol.height, symbol.width) == size
    assert [r.text for r in read(symbol.rows)] == [data]


def test_text_beyond_ascii_is_utf8_with_its_eci() -> None:
    data = "Straße 12, 東京"
    [result] = read(datamatrix.encode(data).rows)
    assert result.text == data
    assert result.bytes == data.encode("utf-8")  # the bytes a scanner passes on are UTF-8


def test_a_text_that_starts_with_the_fnc1_marker_character_is_still_text() -> None:
    """gs1.FNC1 is U+00F1 (ñ): plain data that starts with it and reads as no element string stays text."""
    assert [r.text for r in read(datamatrix.encode("ñandú 3").rows)] == ["ñandú 3"]


def test_the_label_api_is_unchanged_and_square_by_default() -> None:
    symbol = encode(Symbology.DATAMATRIX, "1234567890ABCDEF", "tote")  # libzint alone would pick 8x32
    assert symbol.width_modules == symbol.height_modules == 16 and symbol.quiet == 2
    assert symbol.zpl_data == "1234567890ABCDEF"
    gs1_symbol = encode(Symbology.GS1_DATAMATRIX, "(01)09506000134352(21)SN123", "serial")
    assert gs1_symbol.zpl_data == gs1.FNC1 + "0109506000134352" + "21SN123"


@pytest.mark.parametrize(("data", "shape", "problem"), [
    ("", "square", "needs data"),
    ("x" * 4000, "square", "too much data for a Data Matrix"),
    ("X" * 120, "rectangle", "use a square one"),
])
def test_what_cannot_be_encoded_is_named(data: str, shape: str, problem: str) -> None:
    with pytest.raises(LabelError, match=problem) as refused:
        datamatrix.encode(data, "location", shape=shape)  # type: ignore[arg-type]
    assert refused.value.field == "location"


def test_gs1_data_without_its_fnc1_is_refused_when_gs1_is_asked_for() -> None:
    with pytest.raises(LabelError, match="FNC1"):
        datamatrix.encode("0109506000134352", "serial", gs1=True)
