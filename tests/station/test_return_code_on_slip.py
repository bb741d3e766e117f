"""[returns] code_on_slip: the packing slip carries the order's return QR code, and the returns
bench opens the return from it.

The slip is read back the way the returns bench reads it: the queued PDF rasterised by PDFium,
its codes decoded by zxing-cpp.
"""

from __future__ import annotations

import pytest
from sqlalchemy import text

from app.config import station_paths
from app.domain.model import Role, User
from app.domain.returns import ReturnRules
from app.printing import station_output
from app.returns.service import ReturnStation
from app.startup import open_bench
from app.station import Station
from app.store.repository import Repository
from app.store.returns import ReturnsRepository
from tests.printers.conftest import decode_pdf
from tests.support import SOCKS_GTIN, seed_small

pytest.importorskip("zxingcpp")


def configure(home, returns: str = "") -> None:
    home.mkdir(parents=True, exist_ok=True)
    (home / "station.toml").write_text('[station]\nname = "BENCH-3"\n' + returns, encoding="utf-8")


@pytest.fixture
def packing(home):
    """A station that has packed order 1001; its slip is queued for the spool folder."""

    def pack(returns: str = ""):
        configure(home, returns)
        bench = open_bench()
        seed_small(bench.sessions)
        station = Station(bench.config, Repository(bench.engine), station_output(bench))
        opened.append((bench, station))
        for scan in ("PS:BADGE:P-1001", "1001", SOCKS_GTIN):
            station.scan(scan)
        assert station.scan("PS:CMD:CONFIRM").code == "order_packed"
        assert station.output.drain(timeout=10)
        return bench, station

    opened: list = []
    yield pack
    for bench, station in opened:
        station.output.stop()
        station.repo.close()
        bench.close()


def slips() -> list[bytes]:
    folder = station_paths().spool_dir / "documents"
    return [p.read_bytes() for p in sorted(folder.glob("*slip*.pdf"))]


def rmas(bench) -> list[tuple[str, str, str]]:
    with bench.engine.connect() as conn:
        return [tuple(row) for row in conn.execute(text(
            "select rma, order_number, reason from return_authorizations order by rma"))]


def test_the_slip_of_a_packed_order_carries_a_return_code_that_opens_its_return_at_the_bench(packing):
    """GIVEN [returns] code_on_slip = true
    WHEN order 1001 is packed and its slip printed
    THEN an RMA is issued for the order ("packing slip"), the slip's QR code reads back as its
    PS:RETURN code, and that code scanned at the returns bench opens the return of order 1001"""
    bench, _station = packing("[returns]\ncode_on_slip = true\n")

    [slip] = slips()
    codes = [text for symbology, text in decode_pdf(slip) if symbology == "QRCode"]
    assert rmas(bench) == [("RMA-000001", "1001", "packing slip")]
    [code] = codes
    assert code.startswith("PS:RETURN:1001:")
    assert "To return an item, scan or keep this code; RMA RMA-000001" in _text_of(slip)

    repo = ReturnsRepository(bench.engine)
    try:
        found = repo.lookup(code)
        assert (found.order_number, found.rma, found.problem) == ("1001", "RMA-000001", None)
        returns = ReturnStation(repo, station="RET-1", rules=ReturnRules())
        returns.sign_in(User(1, "Alex Packer", Role.PACKER, "P-1001"))
        opened = returns.scan(code)
        assert opened.code == "return_opened"
        assert returns.state.order is not None and returns.state.order.number == "1001"
        assert returns.state.rma == "RMA-000001"
    finally:
        repo.close()


def test_a_reprinted_slip_carries_the_same_code_and_an_open_rma_is_reused(packing):
    """GIVEN an order whose slip carries RMA-000001 WHEN the slip is printed again (a reprint)
    THEN it carries the same code: no second RMA is issued"""
    bench, station = packing("[returns]\ncode_on_slip = true\n")
    order = station.repo.order_by_number("1001")
    station.output.print_slip(order, station.repo.parcels_of("1001"))
    assert station.output.drain(timeout=10)

    first, second = slips()
    assert [t for _, t in decode_pdf(first)] == [t for _, t in decode_pdf(second)]
    assert rmas(bench) == [("RMA-000001", "1001", "packing slip")]


def test_without_the_option_the_slip_has_no_return_code_and_no_rma_is_issued(packing):
    """GIVEN no [returns] table (code_on_slip defaults to false)
    WHEN order 1001 is packed THEN its slip carries only the order's Code 128, and no RMA exists"""
    bench, _station = packing()

    [slip] = slips()
    assert decode_pdf(slip) == [("Code128", "1001")]
    assert rmas(bench) == []


def test_when_the_code_cannot_be_made_slips_go_without_it_and_it_is_not_tried_slip_after_slip(packing,
                                                                                              monkeypatch):
    """GIVEN code_on_slip and an RMA source that fails (a networked station whose central database
    is down can take the connect timeout to say so)
    WHEN two slips are printed THEN both go out, without the code, and the second did not try"""
    import app.returns.return_label as return_label

    tries = []

    def unreachable(*args, **kwargs):
        tries.append(args)
        raise RuntimeError("No RMA while offline")

    monkeypatch.setattr(return_label, "order_return_code", unreachable)
    bench, station = packing("[returns]\ncode_on_slip = true\n")
    station.output.print_slip(station.repo.order_by_number("1001"), station.repo.parcels_of("1001"))
    assert station.output.drain(timeout=10)

    assert len(tries) == 1
    assert [decode_pdf(slip) for slip in slips()] == [[("Code128", "1001")]] * 2
    assert rmas(bench) == []


def _text_of(pdf: bytes) -> str:
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        return "".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()
