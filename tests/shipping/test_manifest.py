"""End-of-day close-out: a manifest per carrier, CSV for the office, a PDF with barcodes for the driver."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

import pypdfium2
import pytest
import zxingcpp

from app.shipping.buyer import LabelBuyer
from app.shipping.easypost_source import EasyPostSource
from app.shipping.manifest import close_out, close_out_all, load_manifest, open_parcels, write_csv
from app.shipping.manifest_pdf import render_manifest_pdf
from tests.shipping.conftest import SHIP_FROM, TODAY, new_parcel

CLOSE = datetime(2026, 11, 25, 17, 30, tzinfo=UTC)


@pytest.fixture
def buyer(engine, easypost, rules):
    source = EasyPostSource(easypost.api_key, base_url=easypost.base_url, timeout_s=5)
    return LabelBuyer(engine, [source], rules, ship_from=SHIP_FROM, today=lambda: TODAY)


def labelled(buyer, repo, order: str, box: int = 1, weight_g: int = 900) -> str:
    """What the station does: save the parcel, buy its label, record it as labelled."""
    parcel = new_parcel(repo, order, box, weight_g=weight_g)
    label = buyer.buy(repo.order_by_number(order), parcel, box, weight_g, None)
    repo.label_done(parcel, tracking_number=label.tracking_number, label_format=label.label_format or "zpl",
                    label_ref="job")
    return label.tracking_number


def test_close_out_takes_the_days_parcels_and_later_ones_go_on_the_next(buyer, repo, engine):
    """GIVEN two labelled USPS parcels WHEN the day is closed out THEN one USPS manifest holds both with totals;
    a parcel labelled after the close-out waits for the next manifest."""
    first = labelled(buyer, repo, "1001")
    second = labelled(buyer, repo, "1002", weight_g=1500)

    manifest = close_out(engine, "USPS", station="BENCH-1", now=CLOSE)

    assert manifest.number == "USPS-20261125-1"
    assert [p.tracking_number for p in manifest.parcels] == [first, second]
    assert (manifest.count, manifest.total_weight_g) == (2, 2400)
    assert str(manifest.charges["USD"]) == "13.90"  # 6.95 twice, from the fake carrier
    assert open_parcels(engine) == {}
    assert close_out(engine, "USPS", now=CLOSE) is None  # nothing left: no empty manifest

    third = labelled(buyer, repo, "1003")
    later = close_out_all(engine, now=CLOSE)
    assert [(m.number, [p.tracking_number for p in m.parcels]) for m in later] == [("USPS-20261125-2", [third])]
    assert load_manifest(engine, "USPS-20261125-1").count == 2


def test_manifest_csv(buyer, repo, engine):
    tracking = labelled(buyer, repo, "1001")
    out = io.StringIO()
    write_csv(close_out(engine, "USPS", now=CLOSE), out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert rows == [{"manifest": "USPS-20261125-1", "carrier": "USPS", "closed_at": "2026-11-25T17:30:00+00:00",
                     "order": "1001", "box": "1", "tracking_number": tracking, "service": "GroundAdvantage",
                     "weight_g": "900", "charge": "6.95", "currency": "USD", "ship_to": "Springfield, 12345, US"}]


def test_manifest_pdf_has_a_readable_barcode_per_parcel_and_the_totals(buyer, repo, engine):
    tracking = [labelled(buyer, repo, number) for number in ("1001", "1002", "1003")]
    manifest = close_out(engine, "USPS", station="BENCH-1", now=CLOSE)

    pdf = render_manifest_pdf(manifest, ship_from="Demo Warehouse, Columbus, US")

    assert pdf == render_manifest_pdf(manifest, ship_from="Demo Warehouse, Columbus, US")  # reproducible
    page = pypdfium2.PdfDocument(pdf)[0]
    text = page.get_textpage().get_text_range()
    assert "USPS manifest" in text and "Total: 3 parcel(s), 2.70 kg, charges 20.85 USD" in text
    found = {b.text for b in zxingcpp.read_barcodes(page.render(scale=4).to_pil())}
    assert found == {*tracking, "USPS-20261125-1"}
