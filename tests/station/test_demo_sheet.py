"""A new user prints the demo sheet and packs an order by scanning paper."""

from __future__ import annotations

import json

import pypdfium2 as pdfium
import pytest
import zxingcpp

from app.cli import main
from app.demo_sheet import demo_sections
from app.domain.scan import parse_scan
from app.startup import open_bench


def decode_pdf(path) -> list[str]:
    """Every barcode on every page, as a scanner would read it off paper."""
    document = pdfium.PdfDocument(str(path))
    try:
        found = []
        for page in document:
            image = page.render(scale=200 / 72).to_pil()
            found += [result.text for result in zxingcpp.read_barcodes(image)]
            page.close()
        return found
    finally:
        document.close()


@pytest.fixture
def sheet(home, tmp_path, capsys):
    """GIVEN a fresh machine WHEN the user prints the demo sheet THEN demo data is seeded first."""
    path = tmp_path / "demo.pdf"
    assert main(["demo-sheet", "-o", str(path), "--orders", "3"]) == 0
    assert "written to" in capsys.readouterr().out
    return path


def test_replaying_the_scans_read_off_the_demo_sheet_packs_each_order(home, sheet, tmp_path, capsys):
    decoded = decode_pdf(sheet)
    bench = open_bench()
    _, orders = demo_sections(bench, 3)
    bench.close()
    assert len(orders) == 3
    for demo in orders:
        # Each scan the packer needs is on the paper, in a form the station reads the same way.
        on_paper = {(parse_scan(d).kind, parse_scan(d).text): d for d in decoded}
        readings = []
        for wanted in demo.scans:
            target = parse_scan(wanted)
            assert (target.kind, target.text) in on_paper, f"{wanted} is not on the sheet"
            readings.append(on_paper[(target.kind, target.text)])
        script = tmp_path / f"{demo.number}.txt"
        script.write_text("\n".join(readings) + "\n")
        assert main(["replay", str(script)]) == 0
        outcomes = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
        assert outcomes[-1]["code"] == "order_packed", outcomes[-1]
        assert all(o["result"] != "rejected" for o in outcomes), [o for o in outcomes if o["result"] == "rejected"]
        sign_out = tmp_path / "out.txt"
        sign_out.write_text("PS:CMD:SIGN-OUT\n")
        main(["replay", str(sign_out)])
        capsys.readouterr()


def test_the_sheet_carries_badges_every_command_and_the_cartons(home, sheet):
    decoded = set(decode_pdf(sheet))
    assert {"PS:BADGE:P-1001", "PS:BADGE:S-2001"} <= decoded
    assert {"PS:CMD:CONFIRM", "PS:CMD:UNDO", "PS:CMD:NEXT-BOX", "PS:CMD:QTY:6", "PS:CMD:SIGN-OUT"} <= decoded
    assert any(d.startswith("PS:CARTON:") for d in decoded)


def test_the_demo_sheet_carries_everything_the_returns_demo_needs(home, sheet):
    """GIVEN the printed demo sheet WHEN a new user tries the returns bench from it
    THEN the paper has SO-90002's return label (its QR opens the return), its tracking number, each of
    its items and the earbud's serial as shipped, a card for every grade and every disposition, and the
    bin labels its items go back to (and quarantine); and each packing order's tote."""
    from app.domain.returns.codes import BinCode, DispositionCode, GradeCode, ReturnCode, parse_returns_code
    from app.domain.returns.model import Disposition, Grade
    from app.returns.demo import DEMO_SERIAL, RETURN_ORDER, RETURN_TRACKING
    from app.store import models as t

    decoded = decode_pdf(sheet)
    codes = [parse_returns_code(d) for d in decoded]
    assert [c.order_number for c in codes if isinstance(c, ReturnCode)] == [RETURN_ORDER]
    assert {c.grade for c in codes if isinstance(c, GradeCode)} == set(Grade)
    assert {c.disposition for c in codes if isinstance(c, DispositionCode)} == set(Disposition)
    assert RETURN_TRACKING in decoded and DEMO_SERIAL in decoded

    bench = open_bench()
    with bench.sessions() as db:
        order = db.query(t.Order).filter_by(number=RETURN_ORDER).one()
        bins = {line.product.bin_location for line in order.lines}
        gtins = [[b.code for b in line.product.barcodes if b.units == 1] for line in order.lines]
        totes = [o.tote for o in db.query(t.Order).filter(t.Order.status == "open").order_by(t.Order.id).limit(3)]
    bench.close()
    assert {c.bin for c in codes if isinstance(c, BinCode)} == bins | {"QUARANTINE"}
    for codes_of_item in gtins:  # each returned item, as a scanner reads its EAN/UPC off the paper
        assert any(parse_scan(d).text.lstrip("0") == code.lstrip("0") for d in decoded for code in codes_of_item)
    assert all(f"PS:TOTE:{tote}" in decoded for tote in totes if tote)
