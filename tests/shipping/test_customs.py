"""Customs data per SKU, the declaration of a parcel going abroad, and its paperwork."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pypdfium2
import pytest

from app.domain.model import Address
from app.shipping.addresses import is_po_box, same_customs_territory
from app.shipping.customs import CustomsCatalogue, CustomsData, declaration, parcel_contents
from app.shipping.customs_pdf import CustomsPaperwork, documents_for
from tests.shipping.conftest import SHIP_FROM
from tests.shipping.helpers import BERLIN, order


def text_of(pdf: bytes) -> str:
    return "\n".join(page.get_textpage().get_text_range() for page in pypdfium2.PdfDocument(pdf))


def test_customs_import_validates_rows(engine, tmp_path):
    path = tmp_path / "customs.csv"
    path.write_text("sku,description,hs_code,origin_country,unit_value,currency\n"
                    "SOCK-M,Merino wool socks,6115.95,PT,12.00,USD\n"
                    "MUG-1,Stoneware mug,69,GB,18.50,USD\n")
    saved, errors = CustomsCatalogue(engine).import_csv(path)
    assert saved == 0 and errors == [f"{path} row 3: hs_code '69' is not a tariff number like 6109.10 or 610910"]

    path.write_text(path.read_text().replace(",69,", ",6912.00,"))
    assert CustomsCatalogue(engine).import_csv(path) == (2, [])
    assert CustomsCatalogue(engine).get(["SOCK-M"])["SOCK-M"].hs_code == "611595"


def test_declaration_and_documents_per_carrier():
    """GIVEN 2 pairs of socks to Berlin THEN the courier gets a commercial invoice, the post a CN22, and a CN23
    above 300 SDR."""
    o = order(BERLIN)
    data = {"SOCK-M": CustomsData("SOCK-M", "Merino wool socks", "611595", "PT", Decimal("12.00"), "USD")}
    d = declaration(o, parcel_contents(o, None), data, "USD")
    assert (d.total_value, d.total_weight_g) == (Decimal("24.00"), 160)

    def papers(carrier, decl=d):
        return CustomsPaperwork("1001", carrier, "Express", "3318810025", Address(**SHIP_FROM), BERLIN, decl,
                                date(2026, 11, 25))

    [(name, pdf)] = documents_for(papers("DHL"))
    assert name == "commercial_invoice"
    text = text_of(pdf)
    assert "COMMERCIAL INVOICE" in text and "611595" in text and "Jürgen Müller" in text and "24.00" in text
    assert [n for n, _ in documents_for(papers("USPS"))] == ["cn22"]
    assert "CN 22" in text_of(documents_for(papers("USPS"))[0][1])
    dear = declaration(o, (("SOCK-M", 40),), data, "USD")
    assert [n for n, _ in documents_for(papers("USPS", dear))] == ["cn23"]


@pytest.mark.parametrize(("origin", "destination", "same"), [
    ("US", "US", True), ("US", "PR", True), ("DE", "FR", True), ("GB", "DE", False), ("US", "CA", False)])
def test_customs_territories(origin, destination, same):
    assert same_customs_territory(origin, destination) is same


@pytest.mark.parametrize(("line1", "po_box"), [("PO Box 123", True), ("P.O. Box 9", True), ("Postfach 1234", True),
                                                ("1 Post Office Box 5", True), ("12 Boxwood Lane", False),
                                                ("100 Pobox Street", False)])
def test_po_boxes(line1, po_box):
    assert is_po_box(Address(line1=line1)) is po_box
