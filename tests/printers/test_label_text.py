"""Labels never refuse a customer for their text, and every script prints (issue 16, items 2-3).

Each label is checked the way a carrier and a packer would: the name is in the PDF's text
(pypdfium2 extraction), every barcode reads back from the rendered page (zxing-cpp), no text
sits outside the label, and the ZPL decodes with text font 0 cannot print sent as graphics.
"""

from __future__ import annotations

import re
from dataclasses import replace

import pypdfium2
import pytest
from conftest import decode_pdf, texts
from zpl_reader import decode_graphic, read

from printers import Fit, Label, LabelError, MonoBitmap, Text
from printers.documents import Address, ShippingLabelData, SlipData, SlipLine, render_packing_slip, shipping_label
from printers.layout import layout_text
from printers.pdf import render_pdf
from printers.zpl import compress_rows, render_zpl, resident

LONG_NAME = "Averyveryveryverylongname Withaveryveryverylongsurname-Doublebarrelled"

# name, street, town, postcode, country: real-looking addresses in their own scripts
ADDRESSES = {
    "long-latin": (LONG_NAME, "12 Acacia Avenue", "London", "SW1A 1AA", "GB"),
    "47-chars": (LONG_NAME[:47], "12 Acacia Avenue", "London", "SW1A 1AA", "GB"),
    "japanese": ("山田太郎", "東京都港区六本木1-2-3", "東京", "106-0032", "JP"),
    "arabic": ("محمد عبد الله", "شارع الملك فهد 12", "الرياض", "12271", "SA"),
    "hebrew": ("דוד כהן", "רחוב הרצל 5", "תל אביב", "6100000", "IL"),
    "thai": ("สมชาย ใจดี", "123 ถนนสุขุมวิท", "กรุงเทพมหานคร", "10110", "TH"),
    "devanagari": ("देवनागरी नाम", "१२ महात्मा गांधी मार्ग", "नई दिल्ली", "110001", "IN"),
    "korean": ("김민준", "서울특별시 강남구 테헤란로 152", "서울", "06236", "KR"),
    "chinese": ("王小明", "北京市朝阳区建国路88号", "北京", "100022", "CN"),
    "greek": ("Σοφία Παπαδοπούλου", "Οδός Ερμού 25", "Αθήνα", "10563", "GR"),
    "cyrillic": ("Дмитрий Иванов", "ул. Ленина, д. 10, кв. 5", "Москва", "101000", "RU"),
    "diacritics": ("Ærøskøbing Łódź Nguyễn Đức", "Hauptstraße 221b", "Ærøskøbing", "5970", "DK"),
}


def _label_data(shipment: ShippingLabelData, key: str) -> ShippingLabelData:
    name, street, town, postcode, country = ADDRESSES[key]
    return replace(shipment, ship_to=Address(name, "", street, "", town, "", postcode, country))


def _page_text(pdf: bytes) -> str:
    document = pypdfium2.PdfDocument(pdf)
    try:
        return "".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    finally:
        document.close()


def _flat(text: str) -> str:
    """Line breaks as spaces; PDFium reports a hyphen that ends a line as U+FFFE."""
    return re.sub(r"\s+", " ", text.replace("\ufffe", "-\n"))


def _text_outside_page(pdf: bytes) -> list[str]:
    """Characters whose box is not inside the page (text drawn off the label)."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        outside = []
        for page in document:
            width, height = page.get_size()
            text_page = page.get_textpage()
            for i in range(text_page.count_chars()):
                if text_page.get_text_range(i, 1).isspace():
                    continue  # line breaks PDFium adds between lines have no place on the page
                left, bottom, right, top = text_page.get_charbox(i)
                if left < -0.5 or bottom < -0.5 or right > width + 0.5 or top > height + 0.5:
                    outside.append(text_page.get_text_range(i, 1))
        return outside
    finally:
        document.close()


@pytest.mark.parametrize("key", sorted(ADDRESSES))
def test_every_script_prints_on_the_pdf_label_with_its_barcodes(shipment: ShippingLabelData, key: str) -> None:
    """GIVEN a ship-to address in its own script (or a 47- or 70-character name)
    WHEN the 4x6 label is built and rendered to PDF
    THEN the name and street are in the PDF's text, nothing is shortened, every barcode reads
    back and no character lies outside the label."""
    data = _label_data(shipment, key)
    label = shipping_label(data)
    pdf = render_pdf(label)
    text = _flat(_page_text(pdf))
    name, street = ADDRESSES[key][:2]
    assert name in text and street in text
    assert label.shortened == ()
    assert set(texts(decode_pdf(pdf))) >= {"JD014600006281230744", "SO-100234"}
    assert _text_outside_page(pdf) == []


@pytest.mark.parametrize("key", sorted(ADDRESSES))
def test_every_script_makes_a_zpl_label_that_decodes(shipment: ShippingLabelData, key: str) -> None:
    """GIVEN the same addresses
    WHEN the label is rendered to ZPL
    THEN the barcodes carry their data, text font 0 can print stays text, and any other text is a
    ^GF graphic that decodes and lies inside the label (^PW x ^LL)."""
    label = shipping_label(_label_data(shipment, key))
    fmt = read(render_zpl(label))
    # Code 128 data without its subset codes (">:" start B, ">5" to C, ...)
    assert {re.sub(">.", "", f.data or "") for f in fmt.barcodes()} >= {"JD014600006281230744", "SO-100234"}
    if not resident(ADDRESSES[key][0]):
        assert fmt.graphics()
        assert all(ADDRESSES[key][0] not in (f.data or "") for f in fmt.fields)
    else:
        assert any(ADDRESSES[key][0] in " ".join(f.text_lines) for f in fmt.texts())
    width, height = int(fmt.first("PW").params), int(fmt.first("LL").params)
    for field in fmt.graphics():
        w, h, rows = field.graphic()
        assert field.x + w <= width + 7 and field.y + h <= height  # rows are padded to whole bytes
        assert any(rows)


def test_the_70_character_name_wraps_onto_two_lines_of_the_name_space(shipment: ShippingLabelData) -> None:
    """GIVEN the 70-character name that used to stop the label ("too long to print in its space")
    WHEN the label is built
    THEN the name is printed in full on two lines, no smaller than the template's minimum (2.8 mm),
    inside the space the template gives one line of 6 mm."""
    label = shipping_label(_label_data(shipment, "long-latin"))
    [name] = [e for e in label.elements if isinstance(e, Text) and e.field == "ship_to.name"]
    block = layout_text(name)
    assert block.lines == ("Averyveryveryverylongname", "Withaveryveryverylongsurname-Doublebarrelled")
    assert block.size >= round(2.8 / 25.4 * 203) and block.height <= name.height
    assert not block.shortened


def test_a_name_at_shopifys_maximum_is_shortened_at_the_carriers_35_characters(shipment: ShippingLabelData) -> None:
    """GIVEN a 255-character name (Shopify's maximum), too long for the name's space at any size
    WHEN the label is built
    THEN the name is cut at 35 characters with an ellipsis, the label reports ship_to.name as
    shortened, and the PDF and ZPL print the shortened name."""
    name = " ".join(["Maximilian-Alexander"] * 13)[:255]
    label = shipping_label(replace(shipment, ship_to=replace(shipment.ship_to, name=name)))
    shortened = name[:34] + "…"
    assert label.shortened == ("ship_to.name",)
    assert shortened in _page_text(render_pdf(label))
    assert shortened in [f.data for f in read(render_zpl(label)).texts()]


def test_a_street_longer_than_its_space_is_shortened_per_line_not_refused(shipment: ShippingLabelData) -> None:
    """GIVEN an address whose three lines are each 250 characters (no 4x6 label holds 750)
    WHEN the label is built
    THEN each line is cut at 35 characters, the street block reports ship_to as shortened, and the
    label still renders with its barcodes."""
    street = "Riverside Business and Residential Park Building 7 " * 6
    to = replace(shipment.ship_to, company=street[:250], line1=street[1:251], line2=street[2:252])
    label = shipping_label(replace(shipment, ship_to=to))
    assert label.shortened == ("ship_to",)
    [block] = [layout_text(e) for e in label.elements if isinstance(e, Text) and e.field == "ship_to"]
    assert block.lines == tuple(street[i:i + 34].rstrip() + "…" for i in range(3))
    assert set(texts(decode_pdf(render_pdf(label)))) >= {"JD014600006281230744"}


def test_text_that_does_not_fit_a_wrap_box_is_shortened_instead_of_refused() -> None:
    """GIVEN a Text that may not shrink (fit = wrap) and is three times too long for its line
    WHEN it is laid out
    THEN it keeps its size on its one line, ends with an ellipsis and is marked shortened."""
    t = Text(0, 0, "word " * 60, 30, max_width=400, fit=Fit.WRAP, field="note")
    block = layout_text(t)
    assert block.size == 30 and len(block.lines) == 1 and block.lines[0].endswith("…")
    assert block.width == 400 and block.line_widths[0] <= 400
    assert Label.inches(4, 6, elements=(t,)).shortened == ("note",)


def test_characters_no_bundled_font_has_are_transliterated_and_reported(shipment: ShippingLabelData) -> None:
    """GIVEN a name with an emoji and a Tamil word (no bundled font draws either)
    WHEN the label is built
    THEN the emoji is left out, the Tamil is printed in Latin letters, and ship_to.name is reported."""
    label = shipping_label(replace(shipment, ship_to=replace(shipment.ship_to, name="Anna 🌸 தமிழ்")))
    assert label.shortened == ("ship_to.name",)
    text = _page_text(render_pdf(label))
    assert "Anna" in text and "🌸" not in text
    assert not re.search("[\u0b80-\u0bff]", text) and re.search("Anna +[a-z]{4,}", text)


def test_a_template_error_is_still_an_error() -> None:
    """GIVEN a text element a template made 2 dots high
    WHEN it is laid out
    THEN that is a LabelError (a programming or template mistake, not the customer's text)."""
    with pytest.raises(LabelError, match="too small to print"):
        layout_text(Text(0, 0, "x", 2, max_width=100))


# --------------------------------------------------------------------------- transliteration

def test_a_latin_transliteration_is_printed_when_the_label_data_asks(shipment: ShippingLabelData) -> None:
    """GIVEN a parcel to Japan with the address in Japanese
    WHEN the label is built with latin_address on (and, for comparison, off: the default)
    THEN the transliteration is printed under the native address only when asked."""
    data = _label_data(shipment, "japanese")
    on = _flat(_page_text(render_pdf(shipping_label(replace(data, latin_address=True)))))
    off = _flat(_page_text(render_pdf(shipping_label(data))))
    assert "Yamada Taro" in on and "山田太郎" in on
    assert "Yamada Taro" not in off and "山田太郎" in off
    latin = _flat(_page_text(render_pdf(shipping_label(replace(shipment, latin_address=True)))))
    assert "Jane Doe" in latin and latin.count("Jane Doe") == 1  # a Latin address is not repeated


# --------------------------------------------------------------------------- ZPL specifics

def test_a_printer_unicode_font_sends_the_text_as_text(shipment: ShippingLabelData) -> None:
    """GIVEN a station whose Zebra holds a Unicode font (E:NOTOSANSCJK.TTF)
    WHEN a Japanese label is rendered to ZPL with that font named
    THEN the name is a ^A@ text field in that font, and no graphic field is needed."""
    zpl = render_zpl(shipping_label(_label_data(shipment, "japanese")), unicode_font="e:notosanscjk.ttf")
    fmt = read(zpl)
    name = next(f for f in fmt.texts() if f.data == "山田太郎")
    assert name.commands["A@"].params == "N,48,48,E:NOTOSANSCJK.TTF"
    assert fmt.graphics() == []


@pytest.mark.parametrize("bad", ["NOTOSANSCJK.TTF", "E:^XA.TTF", "E:FONT", "Q:FONT.TTF"])
def test_a_printer_font_name_that_is_not_one_is_refused(shipment: ShippingLabelData, bad: str) -> None:
    with pytest.raises(LabelError, match="printer font name"):
        render_zpl(shipping_label(shipment), unicode_font=bad)


def test_graphic_fields_use_zebras_ascii_compression_byte_for_byte() -> None:
    """GIVEN a 16x4 bitmap: a row with a run, the same row again, an empty row, a full row
    WHEN it is written as ^GF data
    THEN a run is a count letter and digit, a repeated row ":", trailing zeros ",", and the
    reader decodes it back to the same bytes."""
    rows = bytes([0xFF, 0xF0, 0xFF, 0xF0, 0x00, 0x00, 0xFF, 0xFF])
    bitmap = MonoBitmap(16, 4, rows)
    assert compress_rows(bitmap) == "IF,:,JF"
    assert decode_graphic(compress_rows(bitmap), 2) == rows


def test_a_wide_run_uses_the_twenty_counts() -> None:
    """GIVEN a row of 30 black bytes WHEN compressed THEN it is one count letter of 20s and the digit."""
    bitmap = MonoBitmap(8 * 30, 1, bytes([0xFF] * 30))
    assert compress_rows(bitmap) == "iF"  # 60 hex digits F: i = 3 x 20
    assert decode_graphic(compress_rows(bitmap), 30) == bytes([0xFF] * 30)


# --------------------------------------------------------------------------- the packing slip

def test_the_packing_slip_prints_every_script_and_the_full_name() -> None:
    """GIVEN a slip whose ship-to, bill-to and items are in many scripts and whose name is 70 characters
    WHEN it is rendered
    THEN every text is in the PDF in full (the slip keeps what a label has to shorten)."""
    to = Address("محمد عبد الله", "", "شارع الملك فهد 12", "", "الرياض", "", "12271", "SA")
    bill = Address(LONG_NAME, "", "12 Acacia Avenue", "", "London", "", "SW1A 1AA", "GB")
    lines = (SlipLine("SKU-1", "山田の緑茶 100g", 2, variant="日本"), SlipLine("SKU-2", "สบู่ธรรมชาติ", 1),
             SlipLine("SKU-3", "देवनागरी साबुन", 1, variant="김민준"), SlipLine("SKU-4", "שמן זית", 1),
             SlipLine("SKU-5", "Мыло Ærøskøbing Łódź", 1), SlipLine("SKU-6", "Σαπούνι 王小明", 1))
    text = _flat(_page_text(render_packing_slip(SlipData("SO-9", to, lines, bill_to=bill))))
    for expected in ("محمد عبد الله", "شارع الملك فهد 12", "山田の緑茶 100g", "สบู่ธรรมชาติ", "देवनागरी साबुन",
                     "김민준", "שמן זית", "Мыло Ærøskøbing Łódź", "Σαπούνι 王小明"):
        assert expected in text
    assert LONG_NAME in text.replace("- ", "-")  # the surname breaks after its hyphen


# --------------------------------------------------------------------------- right to left

def _rtl_lines(pdf: bytes) -> list[tuple[float, float]]:
    """(left, right) in points of each line of Arabic or Hebrew letters on the first page,
    top to bottom (a line: letters whose boxes overlap the first one's height at its centre)."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        text_page = document[0].get_textpage()
        boxes = []
        for i in range(text_page.count_chars()):
            ch = text_page.get_text_range(i, 1)
            if ch.isalpha() and ("\u0590" <= ch <= "\u06ff" or "\ufb1d" <= ch <= "\ufeff"):
                boxes.append(text_page.get_charbox(i))
    finally:
        document.close()
    lines: list[list[tuple[float, float, float, float]]] = []
    for box in sorted(boxes, key=lambda b: -(b[1] + b[3])):
        if lines and lines[-1][0][1] < (box[1] + box[3]) / 2 < lines[-1][0][3]:
            lines[-1].append(box)
        else:
            lines.append([box])
    return [(min(b[0] for b in line), max(b[2] for b in line)) for line in lines]


MM = 72 / 25.4


@pytest.mark.parametrize("key", ["arabic", "hebrew"])
def test_a_right_to_left_address_is_right_aligned_on_the_label(shipment: ShippingLabelData, key: str) -> None:
    """GIVEN a parcel to Riyadh (Arabic) or Tel Aviv (Hebrew), the address in its own script
    WHEN the label is rendered to PDF
    THEN each line of the address (name, street, town) ends at the right edge of its box
    (x 6 mm + 92 mm), as a reader of a right-to-left script expects, while the Latin copy
    under it starts at the left."""
    data = replace(_label_data(shipment, key), latin_address=True)
    pdf = render_pdf(shipping_label(data))
    lines = _rtl_lines(pdf)
    assert len(lines) == 3  # name, street, town
    box_right = (6 + 92) * MM
    for left, right in lines:
        assert box_right - 3 <= right <= box_right + 0.5, (left, right)
        assert left > 40 * MM  # short lines: far from the left edge
    latin = [line for line in _page_text(pdf).splitlines() if line.strip().isascii() and "12271" not in line]
    assert latin  # the transliteration is there; its position is checked by the corpus test


def test_a_right_to_left_line_in_a_left_to_right_label_stays_left_when_its_base_is_latin(
        shipment: ShippingLabelData) -> None:
    """GIVEN a street line that starts in Latin letters and ends with a Hebrew word
    WHEN the label is rendered THEN its base direction is left to right and it starts at the left."""
    to = Address("Dana Levi", "", "Herzl St 5 הרצל", "", "Tel Aviv", "", "6100000", "IL")
    lines = _rtl_lines(render_pdf(shipping_label(replace(shipment, ship_to=to))))
    [(left, right)] = lines
    assert right < 60 * MM  # the Hebrew word sits after the Latin ones, near the left


def test_a_right_to_left_address_is_right_aligned_on_the_packing_slip() -> None:
    """GIVEN a packing slip to Tel Aviv with the address in Hebrew
    WHEN it is rendered
    THEN the Hebrew lines of the ship-to block end at one right edge (the column's), and have
    different left edges, as right-aligned lines of different lengths do."""
    to = Address("דוד כהן", "", "רחוב הרצל 15", "דירה 3", "תל אביב-יפו", "", "6578901", "IL")
    lines = _rtl_lines(render_packing_slip(SlipData("SO-9", to, (SlipLine("SKU-1", "T-shirt", 1),))))
    assert len(lines) == 4
    rights = [right for _, right in lines]
    lefts = [left for left, _ in lines]
    assert max(rights) - min(rights) < 1.0
    assert max(lefts) - min(lefts) > 10


def test_a_printer_unicode_font_right_aligns_a_right_to_left_field(shipment: ShippingLabelData) -> None:
    """GIVEN a Zebra with a Unicode font WHEN an Arabic label is rendered to ZPL with it
    THEN the name's ^FB block is right-justified (R), and a Latin field stays left-justified (L)."""
    fmt = read(render_zpl(shipping_label(_label_data(shipment, "arabic")), unicode_font="E:NOTOSANS.TTF"))
    name = next(f for f in fmt.texts() if f.data == "محمد عبد الله")
    assert name.commands["FB"].args[3] == "R"
    order = next(f for f in fmt.texts() if f.data and f.data.startswith("ORDER"))
    assert order.commands["FB"].args[3] == "L"
