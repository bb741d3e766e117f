"""ZPL output, read back field by field with a printer's reading rules (zpl_reader)."""

from __future__ import annotations

import os

import pytest
from conftest import GOLDEN
from zpl_reader import read

from printers import Align, Barcode, Box, Image, Label, LabelError, Line, MonoBitmap, Rotation, Symbology, Text
from printers.documents import ShippingLabelData, logistic_label, shipping_label
from printers.zpl import escape, render_zpl


def zpl_of(*elements: object, dpi: int = 203) -> str:
    return render_zpl(Label.inches(4, 6, dpi, tuple(elements))).decode("utf-8")  # type: ignore[arg-type]


def test_a_label_is_one_format_with_utf8_size_and_home_set() -> None:
    fmt = read(zpl_of(Text(10, 10, "hello")))
    assert fmt.count("XA") == 1 and fmt.count("XZ") == 1
    assert [c.name for c in fmt.commands[:6]] == ["XA", "CI", "PW", "LL", "LH", "FW"]
    assert fmt.first("CI").params == "28"
    assert (fmt.first("PW").params, fmt.first("LL").params) == ("812", "1218")


def test_text_is_a_scalable_font_field_in_a_field_block() -> None:
    field = read(zpl_of(Text(40, 50, "Jane Doe", 30, max_width=400))).texts()[0]
    assert (field.x, field.y, field.kind) == (40, 50, "A0")
    assert field.commands["A0"].params == "N,30,30"
    assert field.commands["FB"].params == "400,1,0,L,0"
    assert field.data == "Jane Doe"


def test_every_data_field_goes_through_fh() -> None:
    fmt = read(render_zpl(shipping_label(_shipment())))
    assert fmt.fields and all("FH" in f.commands for f in fmt.fields if f.raw_data is not None)


@pytest.mark.parametrize("evil", ["^XA^FDX^FS", "~JR reset", "a_5E b", "^XZ~HS^XA", "line\nbreak\x1b[0m"])
def test_customer_data_cannot_inject_commands(evil: str) -> None:
    # GIVEN a customer whose name is ZPL WHEN the label is rendered
    # THEN there is still exactly one format, and the name comes back as data
    zpl = zpl_of(Text(10, 10, evil, 30, max_width=700, max_lines=3, field="ship_to.name"))
    fmt = read(zpl)
    assert fmt.count("XA") == 1 and fmt.count("XZ") == 1
    assert not any(c.prefix == "~" for c in fmt.commands)
    [field] = fmt.texts()
    printed = " ".join(field.text_lines)
    assert printed == " ".join(evil.replace("\x1b", "").split())


def test_escape_writes_format_prefix_control_prefix_and_indicator_as_hex() -> None:
    assert escape("^~_") == "_5E_7E_5F"
    assert escape("Grüße, Σοφία") == "Grüße, Σοφία"  # UTF-8 stays readable: it has no ASCII bytes


def test_an_address_with_tilde_and_underscore_round_trips(shipment: ShippingLabelData) -> None:
    from dataclasses import replace

    to = replace(shipment.ship_to, line1="Flat_3 ~ Rear ^ Entrance", name="^XA^FDX^FS")
    fmt = read(render_zpl(shipping_label(replace(shipment, ship_to=to))))
    assert fmt.count("XA") == 1 and fmt.count("XZ") == 1
    assert any(f.data == "^XA^FDX^FS" for f in fmt.texts())
    assert any("Flat_3 ~ Rear ^ Entrance" in f.text_lines for f in fmt.texts())


def test_a_backslash_is_doubled_inside_a_field_block() -> None:
    [field] = read(zpl_of(Text(0, 0, r"C:\labels\&x", 30, max_width=600))).texts()
    assert field.raw_data == r"C:\\labels\\&x"
    assert field.text_lines == [r"C:\labels\&x"]


def test_wrapped_text_carries_its_line_breaks() -> None:
    [field] = read(zpl_of(Text(0, 0, "twelve characters " * 4, 30, max_width=300, max_lines=4))).texts()
    assert field.commands["FB"].args[1] == str(len(field.text_lines))
    assert len(field.text_lines) > 1


def test_code128_is_mode_n_with_our_own_start_and_subset_codes() -> None:
    [bar] = read(zpl_of(Barcode(20, 30, Symbology.CODE128, "1Z999AA10123456784", module=3, height=150,
                                human_readable=False))).barcodes()
    assert bar.kind == "BC"
    assert bar.commands["BY"].params == "3,3,150"
    assert bar.commands["BC"].params == "N,150,N,N,N,N"
    assert bar.data == ">:1Z999AA1>50123456784"
    assert (bar.x, bar.y) == (20 + 10 * 3, 30)  # the bars start after the quiet zone


def test_gs1_128_starts_with_fnc1_in_subset_c() -> None:
    [bar] = read(zpl_of(Barcode(0, 0, Symbology.GS1_128, "(00)095060000000134352", module=3))).barcodes()
    assert bar.data == ">;>800095060000000134352"


def test_human_readable_text_is_our_field_centred_under_the_bars() -> None:
    fmt = read(zpl_of(Barcode(0, 100, Symbology.CODE128, "ABC-123", module=2, height=80, box_width=812,
                              align=Align.CENTER)))
    [bar] = fmt.barcodes()
    [text] = fmt.texts()
    assert text.data == "ABC-123" and text.commands["FB"].args[3] == "C"
    assert text.y > bar.y + 80


@pytest.mark.parametrize(("symbology", "data", "kind", "params", "fd"), [
    (Symbology.EAN13, "9501101530003", "BE", "N,100,N,N", "950110153000"),
    (Symbology.UPCA, "036000291452", "BU", "N,100,N,N,N", "03600029145"),
    (Symbology.EAN8, "96385074", "B8", "N,100,N,N", "9638507"),
])
def test_retail_codes_send_the_digits_without_check_digit(symbology: Symbology, data: str, kind: str,
                                                          params: str, fd: str) -> None:
    [bar] = read(zpl_of(Barcode(0, 0, symbology, data, height=100, human_readable=False))).barcodes()
    assert (bar.kind, bar.commands[kind].params, bar.data) == (kind, params, fd)


def test_qr_field_data_is_error_level_and_automatic_input() -> None:
    [qr] = read(zpl_of(Barcode(10, 10, Symbology.QR, "https://x.example/r?a=1&b=_2", module=5))).barcodes()
    assert qr.commands["BQ"].params == "N,2,5,Q,7"
    assert qr.data == "QA,https://x.example/r?a=1&b=_2"


def test_qr_on_zpl_refuses_non_ascii_with_a_clear_message() -> None:
    with pytest.raises(LabelError, match="ASCII"):
        zpl_of(Barcode(10, 10, Symbology.QR, "Σοφία", field="return_url"))


def test_data_matrix_on_zpl_refuses_non_ascii_with_a_clear_message() -> None:
    """The PDF label's Data Matrix carries UTF-8 (zint); a printer's ^BX only its code page's bytes."""
    with pytest.raises(LabelError, match="ASCII"):
        zpl_of(Barcode(10, 10, Symbology.DATAMATRIX, "Größe 42", field="unit_tag"))


def test_gs1_data_matrix_uses_quality_200_and_the_fnc1_escape() -> None:
    [dm] = read(zpl_of(Barcode(0, 0, Symbology.GS1_DATAMATRIX, "(01)09506000134352(21)A_1", module=6))).barcodes()
    assert dm.commands["BX"].params == "N,6,200,,,,_"
    # After ^FH: _1 is FNC1 and __ a literal underscore (the escape character named in ^BX)
    assert dm.data == "_10109506000134352" + "21A__1"


def test_pdf417_names_module_row_height_security_and_columns() -> None:
    [pdf417] = read(zpl_of(Barcode(0, 0, Symbology.PDF417, "HELLO 12345", module=2, height=6))).barcodes()
    assert pdf417.commands["BY"].args[0] == "2"
    assert pdf417.commands["B7"].params.startswith("N,6,2,")


def test_boxes_lines_and_images() -> None:
    bitmap = MonoBitmap(16, 2, bytes([0xFF, 0x00, 0x0F, 0xF0]))
    fmt = read(zpl_of(Box(10, 20, 300, 100, 4, rounding=2), Line(0, 500, 812, 500, 3), Image(5, 6, bitmap)))
    box, line, image = fmt.fields
    assert box.commands["GB"].params == "300,100,4,B,2"
    assert (line.x, line.y, line.commands["GB"].params) == (0, 500, "812,3,3,B,0")
    assert image.commands["GF"].params == "A,4,4,2,FF000FF0"


def test_rotated_text_uses_the_orientation_letter() -> None:
    [field] = read(zpl_of(Text(700, 100, "SIDEWAYS", 30, rotation=Rotation.CW90))).texts()
    assert field.commands["A0"].args[0] == "R"


def test_copies_become_pq() -> None:
    zpl = render_zpl(Label.inches(4, 6, elements=(Text(0, 0, "x"),)), copies=3).decode()
    assert "^PQ3\n^XZ" in zpl


# --------------------------------------------------------------------------- golden files

def _shipment() -> ShippingLabelData:
    from printers.documents import Address

    sender = Address("Northwind Fulfilment", "Northwind Ltd", "Unit 4, Riverside Trading Estate", "", "Leeds", "",
                     "LS11 5QT", "GB")
    to = Address("Σοφία Παπαδοπούλου", "Acme GmbH", "Hauptstraße 221b", "3. OG", "Berlin", "", "10115", "DE")
    return ShippingLabelData("SO-100234", sender, to, carrier="DHL", service="Paket International",
                             tracking_number="JD014600006281230744", parcel_number=1, parcel_count=2,
                             weight_g=1250, reference="PO-7781", ship_date="2026-11-25", routing_code="B12")


def _golden_cases() -> dict[str, bytes]:
    from dataclasses import replace

    from printers.documents import Address, LogisticLabelData

    shipment = _shipment()
    logistic = LogisticLabelData("095060000000134352", shipment.ship_from,
                                 Address("Acme Retail DC 3", "", "Dock 7", "", "Birmingham", "", "B1 1AA", "GB"),
                                 content_gtin="09506000134352", count=24, batch="LOT42A", best_before="261231",
                                 gross_weight_kg=12.5)
    return {
        "shipping_label_203.zpl": render_zpl(shipping_label(shipment, 203)),
        "shipping_label_300.zpl": render_zpl(shipping_label(shipment, 300)),
        "shipping_label_no_tracking_203.zpl": render_zpl(shipping_label(replace(shipment, tracking_number="",
                                                                                 parcel_count=None), 203)),
        "gs1_logistic_label_203.zpl": render_zpl(logistic_label(logistic, 203)),
    }


@pytest.mark.parametrize("name", sorted(_golden_cases()))
def test_documents_render_byte_for_byte_as_the_golden_files(name: str) -> None:
    actual = _golden_cases()[name]
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_bytes(actual)
    assert actual == path.read_bytes(), f"{name} changed; if intended, rerun with UPDATE_GOLDEN=1 and review"
