"""Shared fixtures for the printers tests: sample data, and a decoder that reads barcodes
back from rendered pages the way a scanner would (PDFium at 300 dpi + zxing-cpp)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # zpl_reader, next to the tests

from printers.documents.data import (  # noqa: E402
    Address,
    Brand,
    LogisticLabelData,
    PickLine,
    PickListData,
    ShippingLabelData,
    SlipData,
    SlipLine,
)

GOLDEN = Path(__file__).parent / "golden"


def decode_pdf(pdf: bytes, dpi: int = 300) -> list[tuple[str, str]]:
    """Every barcode on every page as (format, text); GS1 content as zxing reports it: "(01)..."."""
    import zxingcpp

    from printers.png import pdf_page_count, pdf_to_image

    found = []
    for page in range(pdf_page_count(pdf)):
        image = pdf_to_image(pdf, dpi, page)
        found += [(r.format.name, r.text) for r in zxingcpp.read_barcodes(image)]
    return found


def texts(found: list[tuple[str, str]]) -> list[str]:
    return [text for _, text in found]


@pytest.fixture
def sender() -> Address:
    return Address("Northwind Fulfilment", "Northwind Ltd", "Unit 4, Riverside Trading Estate", "", "Leeds", "",
                   "LS11 5QT", "GB", "+44 113 496 0000")


@pytest.fixture
def recipient() -> Address:
    return Address("Jane Doe", "", "12 Acacia Avenue", "Flat 3", "London", "", "SW1A 1AA", "GB")


@pytest.fixture
def shipment(sender: Address, recipient: Address) -> ShippingLabelData:
    return ShippingLabelData(order_number="SO-100234", ship_from=sender, ship_to=recipient, carrier="DHL",
                             service="Parcel UK", tracking_number="JD014600006281230744", parcel_number=1,
                             parcel_count=2, weight_g=1250, reference="PO-7781", ship_date="2026-11-25")


@pytest.fixture
def logistic(sender: Address, recipient: Address) -> LogisticLabelData:
    return LogisticLabelData("095060000000134352", sender, recipient, content_gtin="09506000134352", count=24,
                             batch="LOT42A", best_before="261231", gross_weight_kg=12.5, order_number="PO778")


@pytest.fixture
def slip(recipient: Address) -> SlipData:
    lines = tuple(SlipLine(f"SKU-{i:04d}", f"Organic cotton t-shirt {i}", i % 3 + 1,
                           variant="Size M" if i % 2 else "") for i in range(5))
    return SlipData("SO-100234", recipient, lines, order_date="2026-11-20", brand=Brand("Northwind Goods"),
                    gift_message="Happy birthday!", return_url="https://northwind.example/r/SO-100234")


@pytest.fixture
def pick_list() -> PickListData:
    lines = tuple(PickLine(f"A-0{i}-1", f"SKU-{i:04d}", f"Wool socks {i}", i + 1, "SO-100234", f"T{i}")
                  for i in range(6))
    return PickListData("BATCH-0007", lines, created="2026-11-25 09:14", picker="Anna")
