"""The return label: the customer's address FROM, the warehouse TO, the RMA, and a QR code that
opens the return at the bench — rendered as PDF and ZPL, with a prepaid carrier label via EasyPost."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from app.domain.model import Address
from app.domain.returns import ReturnRules
from app.returns.cli import main
from app.returns.demo import RETURN_ORDER
from app.returns.return_label import (
    ReturnLabelError,
    buy_return_label,
    render,
    return_label,
    return_label_data,
)
from app.returns.service import ReturnStation
from tests.printers.zpl_reader import read
from tests.returns.conftest import Clock, ship_order

WAREHOUSE = Address("Returns", "Packstation Demo Ltd", "100 Warehouse Way", city="Columbus", region="OH",
                    postcode="43215", country="US")


def decode_pdf(pdf: bytes, dpi: int = 300) -> list[tuple[str, str]]:
    """Every barcode on every page, read back the way a scanner would (PDFium + zxing-cpp)."""
    import zxingcpp

    from printers.png import pdf_page_count, pdf_to_image

    found = []
    for page in range(pdf_page_count(pdf)):
        found += [(r.format.name, r.text) for r in zxingcpp.read_barcodes(pdf_to_image(pdf, dpi, page))]
    return found


def test_the_pdf_labels_qr_code_is_the_rma_payload_and_opens_the_return_at_the_bench(db, repo):
    """GIVEN order 2101 shipped to Dana Smith
    WHEN its return label is made (an RMA is issued for it) and rendered as PDF
    THEN a scanner reads the RMA payload from the QR code and the RMA number from the Code 128,
    and that payload scanned at the returns bench opens the return of order 2101"""
    engine, sessions = db
    ship_order(sessions, "2101", [("MUG-1", 1)])
    data = return_label_data(engine, "2101", WAREHOUSE, reason="wrong colour")
    assert data.rma == "RMA-000001" and data.qr_payload.startswith("PS:RETURN:2101:")
    assert data.customer.name == "Dana Smith" and data.warehouse == WAREHOUSE
    pdf = render(data, "pdf")
    assert pdf.startswith(b"%PDF")
    found = decode_pdf(pdf)
    assert ("QRCode", data.qr_payload) in found
    assert ("Code128", "RMA-000001") in found

    station = ReturnStation(repo, station="RET-1", rules=ReturnRules(), clock=Clock())
    assert station.scan("PS:BADGE:P-1001").code == "signed_in"
    scanned = dict(found)["QRCode"]
    outcome = station.scan(scanned)
    assert outcome.code == "return_opened"
    assert station.state.rma == "RMA-000001"
    assert station.state.order is not None and station.state.order.number == "2101"
    assert station.state.number == "2101-R1"
    with engine.connect() as conn:
        assert conn.execute(text("select status from return_authorizations")).scalar() == "received"


def test_a_second_label_for_the_order_reuses_its_open_rma_and_a_withdrawn_one_is_refused(db):
    engine, sessions = db
    ship_order(sessions, "2102", [("MUG-1", 1)])
    first = return_label_data(engine, "2102", WAREHOUSE)
    again = return_label_data(engine, "2102", WAREHOUSE)
    assert (again.rma, again.qr_payload) == (first.rma, first.qr_payload)
    with engine.begin() as conn:
        conn.execute(text("update return_authorizations set status = 'withdrawn'"))
    with pytest.raises(ReturnLabelError, match="withdrawn"):
        return_label_data(engine, "2102", WAREHOUSE, rma=first.rma)
    assert return_label_data(engine, "2102", WAREHOUSE).rma != first.rma  # the newest open one: a new RMA
    with pytest.raises(ReturnLabelError, match="No order"):
        return_label_data(engine, "NOPE", WAREHOUSE)
    with pytest.raises(ReturnLabelError, match="has no RMA"):
        ship_order(sessions, "2103", [("MUG-1", 1)])
        return_label_data(engine, "2103", WAREHOUSE, issue=False)


def test_the_zpl_label_is_one_4x6_format_with_every_field_hex_escaped_and_a_qr_code(db):
    """GIVEN a customer whose address holds ZPL's own prefixes (^ and ~)
    THEN the label is one ^XA..^XZ format of 4x6 in at 203 dpi, every field goes through ^FH (the
    address reads back exactly, it cannot inject commands), and ^BQ carries the RMA payload"""
    engine, sessions = db
    ship_order(sessions, "2104", [("MUG-1", 1)])
    data = return_label_data(engine, "2104", WAREHOUSE)
    from dataclasses import replace

    data = replace(data, customer=Address("Jo ^XZ Caret", "", "1 ~JA Tilde St", city="Springfield", region="IL",
                                          postcode="62701", country="US"))
    zpl = render(data, "zpl")
    assert zpl.startswith(b"^XA") and zpl.rstrip().endswith(b"^XZ")
    fmt = read(zpl)
    assert fmt.count("XA") == 1 and fmt.count("XZ") == 1 and fmt.count("JA", "~") == 0
    assert fmt.first("PW").params == "812" and fmt.first("LL").params == "1218"
    for field in fmt.fields:
        if field.raw_data is not None:
            assert "FH" in field.commands, field
    [qr] = [f for f in fmt.barcodes() if f.kind == "BQ"]
    assert qr.data == f"QA,{data.qr_payload}"  # error correction Q, automatic input mode
    [rma] = [f for f in fmt.barcodes() if f.kind == "BC"]
    assert "RMA-" in (rma.data or "")
    lines = [line for f in fmt.texts() for line in f.text_lines]
    assert "Jo ^XZ Caret" in lines and "1 ~JA Tilde St" in lines
    assert "100 Warehouse Way" in lines and "RETURN" in lines
    assert return_label(data, dpi=300).width_dots == 1200


class FakeSource:
    """The parts of app.shipping's EasyPostSource that buy_return_label uses, with a memory."""

    def __init__(self) -> None:
        from app.shipping.model import Lookup

        self.bought: dict[str, object] = {}
        self.requests: list = []
        self._lookup = Lookup

    def lookup(self, reference: str, shipment_id: str = ""):
        found = self.bought.get(reference)
        return self._lookup(found=found is not None, bought=found)

    def rates(self, request):
        from decimal import Decimal

        from app.shipping.model import Rate

        self.requests.append(request)
        return [Rate("UPS", "Ground", Decimal("11.20"), "USD", 3, "easypost", "rate_1", "shp_1"),
                Rate("USPS", "GroundAdvantage", Decimal("6.95"), "USD", 3, "easypost", "rate_2", "shp_1")]

    def buy(self, request, rate):
        from app.shipping.model import BoughtLabel

        label = BoughtLabel(f"RET{len(self.bought) + 1:06d}", rate.shipment_id, "", request.label_format,
                            rate.carrier, rate.service, label_bytes=b"^XA^FDcarrier^FS^XZ")
        self.bought[request.reference] = label
        return label

    def download(self, bought, label_format):
        raise AssertionError("label_bytes were given")


def test_a_prepaid_return_label_is_bought_once_from_the_customer_to_the_warehouse(db):
    engine, sessions = db
    ship_order(sessions, "2105", [("MUG-1", 2)])
    data = return_label_data(engine, "2105", WAREHOUSE)
    source = FakeSource()
    bought = buy_return_label(source, data, label_format="zpl")
    assert (bought.tracking_number, bought.carrier) == ("RET000001", "UPS")  # the order's carrier first
    (request,) = source.requests
    native = hasattr(request, "is_return")
    assert request.reference == f"return-{data.rma}" and request.label_format == "zpl"
    if not native:  # an ordinary prepaid shipment: the customer sends it to the warehouse
        assert request.ship_from == data.customer and request.ship_to == WAREHOUSE
    again = buy_return_label(source, data, label_format="zpl")
    assert again.tracking_number == bought.tracking_number and len(source.requests) == 1  # never bought twice
    abroad = return_label_data(engine, "2105", WAREHOUSE)
    from dataclasses import replace

    with pytest.raises(ReturnLabelError, match="customs"):
        buy_return_label(source, replace(abroad, customer=Address("Ann", line1="1 Rue", city="Lyon", postcode="69001",
                                                                  country="FR"), rma="RMA-X"))


def _configure(home, extra: str = "") -> None:
    home.mkdir(parents=True, exist_ok=True)
    (home / "station.toml").write_text(
        '[station]\nname = "RET-1"\n\n[ship_from]\nname = "Returns"\ncompany = "Demo Warehouse"\n'
        'line1 = "100 Warehouse Way"\ncity = "Columbus"\nregion = "OH"\npostcode = "43215"\ncountry = "US"\n'
        + extra, encoding="utf-8")


def test_returns_label_command_writes_pdf_and_zpl_that_open_the_return(home, capsys, tmp_path):
    """GIVEN the demo's shipped order WHEN `returns label ORDER -o FILE` runs (PDF, then ZPL)
    THEN both carry the QR payload of the same RMA, and the replayed scan of it opens the return"""
    _configure(home)
    assert main(["bulk", "demo"]) == 0
    capsys.readouterr()
    pdf_file = tmp_path / "return.pdf"
    assert main(["returns", "label", RETURN_ORDER, "-o", str(pdf_file)]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["order"] == RETURN_ORDER and printed["carrier_label"] is None
    assert ("QRCode", printed["qr_payload"]) in decode_pdf(pdf_file.read_bytes())
    zpl_file = tmp_path / "return.zpl"
    assert main(["returns", "label", RETURN_ORDER, "--format", "zpl", "-o", str(zpl_file)]) == 0
    again = json.loads(capsys.readouterr().out)
    assert again["rma"] == printed["rma"]
    [qr] = [f for f in read(zpl_file.read_bytes()).barcodes() if f.kind == "BQ"]
    assert qr.data == f"QA,{printed['qr_payload']}"
    assert main(["returns", "label", "NO-SUCH-ORDER", "-o", str(tmp_path / "x.pdf")]) == 1
    assert "No order NO-SUCH-ORDER" in capsys.readouterr().err


def test_returns_label_command_refuses_without_a_warehouse_address(home, capsys, tmp_path):
    assert main(["bulk", "demo"]) == 0
    capsys.readouterr()
    assert main(["returns", "label", RETURN_ORDER, "-o", str(tmp_path / "x.pdf")]) == 2
    assert "[ship_from]" in capsys.readouterr().err


def test_returns_label_command_buys_a_carrier_label_through_easypost(home, capsys, tmp_path, monkeypatch):
    """GIVEN [shipping] on EasyPost (a fake API on 127.0.0.1) WHEN `returns label` runs
    THEN a carrier label is bought once, written beside ours, and its tracking number opens the return"""
    pytest.importorskip("easypost")
    from tests.shipping.fake_easypost import FakeEasyPost

    fake = FakeEasyPost()
    fake.start()
    try:
        monkeypatch.setenv("EASYPOST_API_KEY", fake.api_key)
        _configure(home, f'\n[shipping]\nsources = ["easypost"]\neasypost_base_url = "{fake.base_url}"\n')
        assert main(["bulk", "demo"]) == 0
        capsys.readouterr()
        out = tmp_path / "return.zpl"
        code = main(["returns", "label", RETURN_ORDER, "--format", "zpl", "-o", str(out)])
        captured = capsys.readouterr()
        assert code == 0, captured.err
        printed = json.loads(captured.out)
        assert printed["return_tracking"] and printed["carrier_label"] == str(tmp_path / "return-carrier.zpl")
        assert (tmp_path / "return-carrier.zpl").read_bytes()
        assert fake.purchases == 1
        assert main(["returns", "label", RETURN_ORDER, "--format", "zpl", "-o", str(out)]) == 0
        assert json.loads(capsys.readouterr().out)["return_tracking"] == printed["return_tracking"]
        assert fake.purchases == 1  # the second run found the first purchase by its reference
        from app.startup import open_bench
        from app.store.returns import ReturnsRepository

        bench = open_bench()
        repo = ReturnsRepository(bench.engine)
        try:
            found = repo.lookup(printed["return_tracking"])  # the return parcel's tracking opens the return
            assert (found.order_number, found.problem) == (RETURN_ORDER, None)
        finally:
            repo.close()
            bench.close()
    finally:
        fake.stop()
