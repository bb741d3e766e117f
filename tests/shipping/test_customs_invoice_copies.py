"""The commercial invoice in several copies: every copy is the same document."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pypdfium2

from app.domain.model import Address
from app.shipping.customs import CustomsData, declaration, parcel_contents
from app.shipping.customs_pdf import CustomsPaperwork, render_commercial_invoice
from tests.shipping.conftest import SHIP_FROM
from tests.shipping.helpers import BERLIN, order


def test_every_copy_of_the_invoice_has_its_title():
    """GIVEN a parcel to Berlin by courier WHEN its commercial invoice is printed in three copies
    THEN each page is headed COMMERCIAL INVOICE (the second and third were headed with the last
    column's name, "Weight kg": the column loop reused the title's variable)."""
    o = order(BERLIN)
    data = {"SOCK-M": CustomsData("SOCK-M", "Merino wool socks", "611595", "PT", Decimal("12.00"), "USD")}
    paperwork = CustomsPaperwork("1001", "DHL", "Express", "3318810025", Address(**SHIP_FROM), BERLIN,
                                 declaration(o, parcel_contents(o, None), data, "USD"), date(2026, 11, 25))

    pages = [page.get_textpage().get_text_range()
             for page in pypdfium2.PdfDocument(render_commercial_invoice(paperwork, copies=3))]

    assert len(pages) == 3
    assert [page.splitlines()[0] for page in pages] == ["COMMERCIAL INVOICE"] * 3
    assert len(set(pages)) == 1
