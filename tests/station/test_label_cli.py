"""`packstation label ORDER` writes what the label printer got (issue 17, item 6).

The station and the command draw a parcel's label with one function (app.printing.labels): the
parcel's number and the count as printed ("Parcel 1" while more boxes could follow, "Parcel 2 of
2" on the last), the weight as recorded (typed, measured or not weighed) and a carrier's label
byte for byte.
"""

from __future__ import annotations

import pytest

from app.cli import main
from app.printing import station_output
from app.printing.job_store import SqlJobStore
from app.startup import open_bench
from app.station import Station
from app.store.carrier_labels import import_labels
from app.store.repository import Repository
from tests.support import MUG_GTIN, SOCKS_GTIN, seed_small


def _pack_1002_in_two_boxes(bench) -> None:
    """Order 1002 (2 socks, 1 mug) in two boxes: box 1 weighed by typing, box 2 on the scale."""
    station = Station(bench.config, Repository(bench.engine), station_output(bench))
    output = station.output
    output.start()
    try:
        for scan in ("PS:BADGE:P-1001", "1002", SOCKS_GTIN, SOCKS_GTIN, "PS:CMD:NEXT_BOX", "ENV"):
            station.scan(scan)
        typed = station.weight(180, source="manual")  # 2 × 80 g socks + 20 g envelope
        assert [f.code for f in typed.feedback] == ["weight_ok", "box_labelled"]
        assert typed.feedback[0].message.startswith("0.18 kg (typed) ✓")
        assert station.scan(MUG_GTIN).code == "all_items_packed"
        station.scan("M")
        assert station.weight(600, source="sim://scale").code == "order_packed"
        assert output.drain(timeout=10)
    finally:
        output.stop()
        station.repo.close()


@pytest.fixture
def zpl_station(home):
    home.mkdir(parents=True, exist_ok=True)
    (home / "station.toml").write_text('[printers]\nlabel_format = "zpl"\n\n[packing]\nweigh_parcels = true\n',
                                       encoding="utf-8")
    bench = open_bench()
    seed_small(bench.sessions)
    yield bench
    bench.close()


def test_the_label_command_writes_the_bytes_the_printer_got_for_each_parcel(zpl_station, tmp_path, capsys):
    """GIVEN order 1002 packed in two boxes on a ZPL station (box 1's weight typed, box 2's from the scale)
    WHEN `packstation label 1002 --box N` runs for each box
    THEN each file is byte for byte the ZPL the print queue sent: "Parcel 1" (the count was not
    known yet), "Parcel 2 of 2", "0.18 kg (typed)" and "0.60 kg"."""
    _pack_1002_in_two_boxes(zpl_station)
    store = SqlJobStore(zpl_station.engine)
    for box in (1, 2):
        out = tmp_path / f"box{box}.zpl"
        assert main(["label", "1002", "--box", str(box), "-o", str(out)]) == 0
        printed = store.first_for(f"order 1002 box {box}", "label")
        assert printed is not None and printed.format == "zpl"
        assert out.read_bytes() == printed.data
    first, last = (tmp_path / "box1.zpl").read_bytes(), (tmp_path / "box2.zpl").read_bytes()
    assert b"Parcel 1" in first and b"Parcel 1 of" not in first
    assert b"Parcel 2 of 2" in last
    assert b"0.18 kg (typed)" in first and b"0.60 kg" in last and b"(typed)" not in last
    assert "box 2 written" in capsys.readouterr().out


def test_a_carrier_label_is_written_as_the_carrier_sent_it(zpl_station, tmp_path, capsys):
    """GIVEN order 1001 with a carrier label bought upstream (ZPL), packed
    WHEN `packstation label 1001` runs THEN it writes the carrier's bytes, which the printer got;
    asked for a PDF it says the label is the carrier's ZPL instead of drawing another label."""
    carrier_zpl = b"^XA^FO50,50^A0N,40,40^FDUPS 1Z999AA10123456784^FS^XZ"
    (tmp_path / "1001.zpl").write_bytes(carrier_zpl)
    (tmp_path / "labels.csv").write_text("order_number,box,tracking_number,carrier,file\n"
                                         "1001,1,1Z999AA10123456784,UPS,1001.zpl\n", encoding="utf-8")
    assert import_labels(zpl_station.sessions, tmp_path / "labels.csv").committed
    station = Station(zpl_station.config, Repository(zpl_station.engine), station_output(zpl_station))
    try:
        for scan in ("PS:BADGE:P-1001", "1001", SOCKS_GTIN, "PS:CMD:CONFIRM"):
            station.scan(scan)
        assert station.weight(100).code == "order_packed"
    finally:
        station.repo.close()
    printed = SqlJobStore(zpl_station.engine).first_for("order 1001 box 1", "label")
    assert printed is not None and printed.data == carrier_zpl

    assert main(["label", "1001", "-o", str(tmp_path / "out.zpl")]) == 0
    assert (tmp_path / "out.zpl").read_bytes() == carrier_zpl
    assert main(["label", "1001", "--format", "pdf", "-o", str(tmp_path / "out.pdf")]) == 1
    assert "carrier's ZPL file" in capsys.readouterr().err and not (tmp_path / "out.pdf").exists()
