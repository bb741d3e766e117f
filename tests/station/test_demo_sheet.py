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
