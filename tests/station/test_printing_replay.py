"""A packed order ends with its label on the network Zebra and its slip with the office printer."""

from __future__ import annotations

import json

from app.cli import main
from app.config import station_paths
from app.startup import open_bench
from printers.simulator import ZebraSimulator
from tests.printers.zpl_reader import read as read_zpl
from tests.support import SOCKS_GTIN, seed_small


def configure(home, label: str, document: str) -> None:
    home.mkdir(parents=True, exist_ok=True)
    (home / "station.toml").write_text(
        f'[station]\nname = "BENCH-9"\n[printers]\nlabel = "{label}"\ndocument = "{document}"\n'
        '[ship_from]\nname = "Northwind Goods"\ncity = "Leeds"\ncountry = "GB"\n', encoding="utf-8")


def test_replay_prints_the_zpl_label_on_the_zebra_and_queues_the_slip(home, tmp_path, capsys):
    office = tmp_path / "office"
    office.mkdir()
    with ZebraSimulator() as zebra:
        configure(home, zebra.uri, f"dir://{office}")
        bench = open_bench()
        seed_small(bench.sessions)
        bench.close()
        script = tmp_path / "scans.txt"
        script.write_text(f"PS:BADGE:P-1001\n1001\n{SOCKS_GTIN}\nPS:CMD:CONFIRM\n")
        assert main(["replay", str(script)]) == 0
        outcomes = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
        assert outcomes[-1]["code"] == "order_packed"
        jobs = zebra.wait_for_jobs(1)
    fields = [line for f in read_zpl(jobs[0]).fields if f.data for line in f.text_lines]
    assert "Dana Smith" in fields and "Northwind Goods" in " ".join(fields)
    assert [p.suffix for p in office.iterdir()] == [".pdf"]


def test_a_printer_that_is_off_keeps_the_label_queued_for_the_next_start(home, tmp_path, capsys):
    with ZebraSimulator(refuse=True) as dead:
        configure(home, dead.uri, f"dir://{tmp_path}")
        bench = open_bench()
        seed_small(bench.sessions)
        bench.close()
        script = tmp_path / "scans.txt"
        script.write_text(f"PS:BADGE:P-1001\n1001\n{SOCKS_GTIN}\nPS:CMD:CONFIRM\n")
        assert main(["replay", str(script)]) == 0  # packing is never blocked by a printer
        captured = capsys.readouterr()
        assert json.loads(captured.out.splitlines()[-1])["code"] == "order_packed"
        assert "still queued" in captured.err
    assert main(["printers", "list"]) == 0
    assert "1 queued" in capsys.readouterr().out
    assert station_paths().database.exists()
