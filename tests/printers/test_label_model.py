"""The label model: sizes in inches or mm, resolutions, dots, and 1-bit images."""

from __future__ import annotations

import io

import pytest
from PIL import Image as PILImage

from printers import Label, LabelError, MonoBitmap, Text


def test_a_4x6_label_at_203_dpi_is_812_by_1218_dots() -> None:
    label = Label.inches(4, 6, dpi=203)
    assert (label.width_dots, label.height_dots) == (812, 1218)


def test_the_same_label_at_300_dpi_has_more_dots_but_the_same_size() -> None:
    label = Label.mm(100, 150, dpi=300)
    assert (label.width_dots, label.height_dots) == (1181, 1772)
    assert label.width_pt == pytest.approx(283.46, abs=0.01)


def test_a_resolution_that_no_label_printer_has_is_refused() -> None:
    with pytest.raises(LabelError, match="203, 300 or 600"):
        Label.inches(4, 6, dpi=250)


def test_elements_are_added_without_changing_the_original() -> None:
    label = Label.inches(4, 6)
    bigger = label.with_elements(Text(10, 10, "hello"))
    assert label.elements == () and len(bigger.elements) == 1


def test_a_logo_becomes_a_1_bit_bitmap_with_transparent_pixels_white() -> None:
    image = PILImage.new("RGBA", (10, 2), (0, 0, 0, 0))
    image.putpixel((0, 0), (0, 0, 0, 255))
    image.putpixel((9, 1), (0, 0, 0, 255))
    png = io.BytesIO()
    image.save(png, "PNG")
    bitmap = MonoBitmap.from_image(png.getvalue())
    assert (bitmap.width, bitmap.height, bitmap.bytes_per_row) == (10, 2, 2)
    assert bitmap.pixel(0, 0) and bitmap.pixel(9, 1)
    assert not bitmap.pixel(1, 0) and not bitmap.pixel(0, 1)


def test_a_logo_is_scaled_to_fit_its_box() -> None:
    png = io.BytesIO()
    PILImage.new("L", (400, 100), 0).save(png, "PNG")
    bitmap = MonoBitmap.from_image(png.getvalue(), width=200, height=200)
    assert (bitmap.width, bitmap.height) == (200, 50)


def test_a_bitmap_with_the_wrong_number_of_bytes_is_refused() -> None:
    with pytest.raises(LabelError, match="expected 4 bytes"):
        MonoBitmap(9, 2, b"\x00")
