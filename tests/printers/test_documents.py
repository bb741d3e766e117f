"""Documents: each from its template, every barcode on every PDF read back."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from conftest import decode_pdf, texts
from zpl_reader import read

from printers import LabelError, TemplateError
from printers.documents import (
    Address,
    LogisticLabelData,
    PickListData,
    RawDocument,
    SheetBarcode,
    SheetSection,
    ShippingLabelData,
    SlipData,
    SlipLine,
    logistic_label,
    render_barcode_sheet,
    render_packing_slip,
    render_pick_list,
    shipping_label,
)
from printers.documents.shipping_label import routing_element_string
from printers.pdf import render_pdf
from printers.png import pdf_page_count
from printers.zpl import render_zpl

# --------------------------------------------------------------------------- command barcode sheet

SHEET = [
    SheetSection("Packing", (SheetBarcode("Close box", "CMD:CLOSE-BOX"), SheetBarcode("Reprint label", "CMD:REPRINT"),
                             SheetBarcode("Abandon order and send the tote back", "CMD:ABANDON-ORDER-RETURN-TOTE"))),
    SheetSection("Cartons", tuple(SheetBarcode(f"Carton {c}", f"CARTON:{c}", "qr") for c in "ABC")),
    SheetSection("Test items", (
        SheetBarcode("EAN-13", "9501101530003", "ean13"), SheetBarcode("UPC-A", "036000291452", "upca"),
        SheetBarcode("EAN-8", "96385074", "ean8"), SheetBarcode("Tote", "TOTE-0042", "datamatrix"),
        SheetBarcode("Serial", "(01)09506000134352(21)SN123", "gs1-datamatrix"),
        SheetBarcode("Pallet", "(00)095060000000134352", "gs1-128"), SheetBarcode("Тест", "TEST-RU"))),
]


def test_every_barcode_on_the_command_sheet_reads_back() -> None:
    found = texts(decode_pdf(render_barcode_sheet("Station 7", SHEET)))
    for section in SHEET:
        for item in section.barcodes:
            expected = {item.data, "0" + item.data} if item.symbology == "upca" else {item.data}
            assert expected & set(found), f"{item.caption} ({item.data}) did not read back"


def test_a_long_sheet_breaks_into_pages_and_every_page_reads_back() -> None:
    many = [SheetSection(f"Section {s}", tuple(SheetBarcode(f"Cmd {s}-{i}", f"CMD:{s}-{i}") for i in range(12)))
            for s in range(4)]
    pdf = render_barcode_sheet("Many commands", many, page_size="Letter")
    assert pdf_page_count(pdf) >= 3
    assert sorted(texts(decode_pdf(pdf))) == sorted(f"CMD:{s}-{i}" for s in range(4) for i in range(12))


def test_code128_on_the_sheet_is_never_printed_below_a_third_of_a_millimetre() -> None:
    from printers.barcodes import encode
    from printers.documents import barcode_sheet
    from printers.documents.page import MM
    from printers.label import Symbology

    cell = barcode_sheet._measure(SheetBarcode("x", "CMD:" + "X" * 30), "s", 180 * MM / 6)
    assert cell.module >= 0.33 * MM
    assert barcode_sheet.quiet_zone_ok(cell.span * 180 * MM / 6, encode(Symbology.CODE128, cell.item.data),
                                       cell.module)


def test_a_command_too_long_to_scan_from_paper_is_refused_naming_it() -> None:
    with pytest.raises(LabelError) as error:
        render_barcode_sheet("x", [SheetSection("Packing", (SheetBarcode("Huge", "X" * 80),))])
    assert "Packing / Huge" in str(error.value)


def test_an_unknown_symbology_is_refused() -> None:
    with pytest.raises(LabelError, match="unknown symbology 'aztec'"):
        render_barcode_sheet("x", [SheetSection("s", (SheetBarcode("a", "b", "aztec"),))])


# --------------------------------------------------------------------------- shipping label

def test_the_shipping_label_barcodes_read_back_from_its_pdf(shipment: ShippingLabelData) -> None:
    found = texts(decode_pdf(render_pdf(shipping_label(shipment))))
    assert set(found) >= {"JD014600006281230744", "(421)826SW1A1AA", "SO-100234"}


def test_a_parcel_without_tracking_number_carries_order_and_parcel_number(shipment: ShippingLabelData) -> None:
    label = shipping_label(replace(shipment, tracking_number="", parcel_number=2))
    fmt = read(render_zpl(label))
    assert "PARCEL" in [f.data for f in fmt.texts()]
    assert "SO-100234-2" in texts(decode_pdf(render_pdf(label)))


def test_the_shipping_label_says_which_parcel_of_how_many(shipment: ShippingLabelData) -> None:
    datas = [f.data for f in read(render_zpl(shipping_label(shipment))).texts()]
    assert "Parcel 1 of 2" in datas and "1.25 kg" in datas
    open_order = [f.data for f in read(render_zpl(shipping_label(replace(shipment, parcel_count=None)))).texts()]
    assert "Parcel 1" in open_order


def test_greek_and_cyrillic_names_print_in_zpl_and_pdf(shipment: ShippingLabelData) -> None:
    to = replace(shipment.ship_to, name="Σοφία Παπαδοπούλου", line1="ул. Ленина, д. 10, кв. 5")
    label = shipping_label(replace(shipment, ship_to=to))
    datas = [line for f in read(render_zpl(label)).texts() for line in f.text_lines]
    assert "Σοφία Παπαδοπούλου" in datas and "ул. Ленина, д. 10, кв. 5" in datas
    assert render_pdf(label).startswith(b"%PDF")


def test_a_200_character_address_wraps_and_shrinks_into_its_space(shipment: ShippingLabelData) -> None:
    long_street = ("Building 7, Staircase C, Floor 11, Apartment 1104, Riverside Business and Residential Park, "
                   "Old Mill Lane, behind the big blue warehouse, deliveries via the north gate only, "
                   "please ring twice, ok?")
    long_street = long_street.replace("Floor 11", "Floor eleven")
    assert len(long_street) == 200
    label = shipping_label(replace(shipment, ship_to=replace(shipment.ship_to, line1=long_street)))
    [street] = [f for f in read(render_zpl(label)).texts() if f.data and "Building 7" in f.data]
    assert 2 <= len(street.text_lines) <= 4
    assert " ".join(street.text_lines) == long_street + " Flat 3"  # every word printed, line2 too
    assert int(street.commands["A0"].args[1]) < 35  # smaller than the template's 4.4 mm


def test_empty_optional_fields_leave_their_lines_out(sender: Address) -> None:
    bare = ShippingLabelData("SO-1", sender, Address("Jane Doe"))
    fmt = read(render_zpl(shipping_label(bare)))
    datas = [f.data for f in fmt.fields]
    assert "Jane Doe" in datas and "Parcel 1" in datas
    assert not any(d == "" for d in datas)
    assert "Ref." not in " ".join(d or "" for d in datas)
    assert routing_element_string(bare.ship_to) == ""  # no postcode, no routing barcode
    assert not any(f.data and f.data.startswith(">;>8421") for f in fmt.barcodes())


def test_a_tracking_number_code128_cannot_carry_is_an_error_naming_it(shipment: ShippingLabelData) -> None:
    with pytest.raises(LabelError) as error:
        render_zpl(shipping_label(replace(shipment, tracking_number="JD01460000628123074€")))
    assert error.value.field == "tracking_number"


def test_a_tracking_number_too_long_for_the_label_is_an_error(shipment: ShippingLabelData) -> None:
    with pytest.raises(LabelError, match="dots of room"):
        render_zpl(shipping_label(replace(shipment, tracking_number="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijkl")))


# --------------------------------------------------------------------------- GS1 logistic label

def test_the_logistic_label_carries_the_sscc_last_and_both_barcodes_read_back(logistic: LogisticLabelData) -> None:
    label = logistic_label(logistic)
    bars = read(render_zpl(label)).barcodes()
    assert bars[-1].data == ">;>800095060000000134352"
    found = texts(decode_pdf(render_pdf(label)))
    assert "(00)095060000000134352" in found
    assert "(02)09506000134352(15)261231(3302)001250(37)24(10)LOT42A" in found


def test_a_wrong_sscc_check_digit_is_refused(logistic: LogisticLabelData) -> None:
    with pytest.raises(LabelError, match="expected 2"):
        logistic_label(replace(logistic, sscc="095060000000134353"))


# --------------------------------------------------------------------------- packing slip, pick list

def test_the_packing_slip_barcodes_read_back(slip: SlipData) -> None:
    found = texts(decode_pdf(render_packing_slip(slip)))
    assert "SO-100234" in found and "https://northwind.example/r/SO-100234" in found


def test_a_long_order_runs_onto_more_pages_and_still_reads_back(slip: SlipData) -> None:
    lines = tuple(SlipLine(f"SKU-{i:04d}", f"Item {i} " + "with a long name " * (i % 4), 1) for i in range(80))
    pdf = render_packing_slip(replace(slip, lines=lines))
    assert pdf_page_count(pdf) >= 3
    found = texts(decode_pdf(pdf))
    assert found.count("SO-100234") == 1 and "https://northwind.example/r/SO-100234" in found


def test_the_packing_slip_can_be_letter_sized(slip: SlipData) -> None:
    pdf = render_packing_slip(slip, page="Letter")
    assert b"612 792" in pdf


def test_the_pick_list_batch_barcode_reads_back(pick_list: PickListData) -> None:
    assert texts(decode_pdf(render_pick_list(pick_list))) == ["BATCH-0007"]


# --------------------------------------------------------------------------- templates

def test_a_template_in_the_station_directory_overrides_the_default(tmp_path: Path, slip: SlipData) -> None:
    from printers.templates import template_path

    default = template_path("packing_slip.toml").read_text(encoding="utf-8")
    (tmp_path / "packing_slip.toml").write_text(default.replace('title = "Packing slip"',
                                                                'title = "Lieferschein"'), encoding="utf-8")
    assert b"Lieferschein" in render_packing_slip(slip, template_dir=tmp_path)
    assert b"Lieferschein" not in render_packing_slip(slip)


def test_a_label_template_override_changes_the_label(tmp_path: Path, shipment: ShippingLabelData) -> None:
    from printers.templates import template_path

    default = template_path("shipping_label.toml").read_text(encoding="utf-8")
    (tmp_path / "shipping_label.toml").write_text(default.replace('text = "SHIP TO"', 'text = "DELIVER TO"'),
                                                  encoding="utf-8")
    datas = [f.data for f in read(render_zpl(shipping_label(shipment, template_dir=tmp_path))).texts()]
    assert "DELIVER TO" in datas and "SHIP TO" not in datas


def test_a_misspelt_placeholder_is_reported_with_the_file_and_name(tmp_path: Path,
                                                                  shipment: ShippingLabelData) -> None:
    (tmp_path / "shipping_label.toml").write_text(
        '[label]\nwidth_mm = 100\nheight_mm = 150\n[[element]]\ntype = "text"\ntext = "{ship_to.nmae}"\n',
        encoding="utf-8")
    with pytest.raises(TemplateError) as error:
        shipping_label(shipment, template_dir=tmp_path)
    assert "shipping_label.toml" in str(error.value) and "{ship_to.nmae}" in str(error.value)


def test_a_broken_template_file_is_reported(tmp_path: Path, shipment: ShippingLabelData) -> None:
    (tmp_path / "shipping_label.toml").write_text("[label\n", encoding="utf-8")
    with pytest.raises(TemplateError, match="not valid TOML"):
        shipping_label(shipment, template_dir=tmp_path)


def test_placeholders_cannot_reach_python_internals(tmp_path: Path, shipment: ShippingLabelData) -> None:
    (tmp_path / "shipping_label.toml").write_text(
        '[label]\nwidth_mm = 100\nheight_mm = 150\n[[element]]\ntype = "text"\n'
        'text = "{ship_to.__class__}"\n', encoding="utf-8")
    with pytest.raises(TemplateError, match="not a name"):
        shipping_label(shipment, template_dir=tmp_path)


# --------------------------------------------------------------------------- raw documents

def test_a_carrier_label_is_printed_exactly_as_received() -> None:
    carrier_zpl = b"^XA^CI0^FO50,50^A0N,40,40^FDCarrier label ~ _ ^FS^XZ\r\n"
    document = RawDocument(carrier_zpl, source="DHL")
    assert document.format == "zpl" and document.render() == carrier_zpl


def test_a_raw_pdf_is_recognised_and_an_empty_one_refused() -> None:
    assert RawDocument(b"%PDF-1.4\n...").format == "pdf"
    with pytest.raises(LabelError, match="empty"):
        RawDocument(b"")
