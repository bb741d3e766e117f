"""A label bought upstream (a marketplace's carrier account) is printed as received."""

from __future__ import annotations

import json

from app.cli import main
from app.startup import open_bench
from printers.simulator import ZebraSimulator
from tests.support import SOCKS_GTIN, seed_small

UPSTREAM_ZPL = b"^XA\n^FO50,50^A0N,40,40^FDBOUGHT UPSTREAM^FS\n^FO50,120^BCN,100^FD1Z999AA10123456784^FS\n^XZ\n"


def test_an_imported_carrier_label_is_sent_byte_for_byte_with_its_tracking_number(home, tmp_path, capsys):
    with ZebraSimulator() as zebra:
        home.mkdir(parents=True, exist_ok=True)
        (home / "station.toml").write_text(f'[printers]\nlabel = "{zebra.uri}"\ndocument = "dir://{tmp_path}"\n')
        bench = open_bench()
        seed_small(bench.sessions)
        bench.close()
        (tmp_path / "1001.zpl").write_bytes(UPSTREAM_ZPL)
        (tmp_path / "labels.csv").write_text("order_number,box,tracking_number,carrier,file\n"
                                             "1001,1,1Z999AA10123456784,UPS,1001.zpl\n")
        assert main(["import", "labels", str(tmp_path / "labels.csv")]) == 0
        script = tmp_path / "scans.txt"
        script.write_text(f"PS:BADGE:P-1001\n1001\n{SOCKS_GTIN}\nPS:CMD:CONFIRM\n")
        capsys.readouterr()
        assert main(["replay", str(script)]) == 0
        assert json.loads(capsys.readouterr().out.splitlines()[-1])["code"] == "order_packed"
        assert zebra.wait_for_jobs(1)[0].strip() == UPSTREAM_ZPL.strip()
    bench = open_bench()
    from app.store.repository import Repository

    assert Repository(bench.engine).parcels_of("1001")[0]["tracking_number"] == "1Z999AA10123456784"


def test_a_bad_labels_file_loads_nothing_and_names_the_lines(home, tmp_path, capsys):
    bench = open_bench()
    seed_small(bench.sessions)
    bench.close()
    (tmp_path / "ok.zpl").write_bytes(UPSTREAM_ZPL)
    (tmp_path / "photo.zpl").write_bytes(b"\x89PNG not a label")
    (tmp_path / "labels.csv").write_text("order_number,box,tracking_number,file\n"
                                         "1001,1,1Z999AA10123456784,ok.zpl\n"
                                         "9999,1,1Z1,ok.zpl\n"
                                         "1002,1,1Z2,photo.zpl\n"
                                         "1003,x,1Z3,ok.zpl\n")
    assert main(["import", "labels", str(tmp_path / "labels.csv")]) == 1
    report = capsys.readouterr().out
    assert "line 3: order 9999" in report and "line 4: photo.zpl is not a ZPL or PDF" in report
    assert "line 5: box 'x'" in report
