"""`packstation import|export|users|demo-data` as a user types them."""

from __future__ import annotations

import io
import json
from pathlib import Path

from app.cli import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"


def test_products_cartons_and_orders_import_then_pack_through_replay(home, tmp_path, capsys):
    for kind in ("products", "cartons", "orders"):
        assert main(["import", kind, str(FIXTURES / f"{kind}.csv")]) == 0
    summary = capsys.readouterr().out
    assert "created" in summary
    assert main(["import", "orders", str(FIXTURES / "orders.csv")]) == 0  # again: updates, never duplicates
    assert "unchanged" in capsys.readouterr().out
    assert main(["users", "add", "--name", "Kim Lee", "--role", "packer", "--badge", "p-77"]) == 0
    assert "added" in capsys.readouterr().out
    script = tmp_path / "scans.txt"
    script.write_text("PS:BADGE:P-77\nTOTE-0001\n")
    assert main(["replay", str(script)]) == 0
    opened = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert opened["order"] == "1001" and opened["code"] in ("order_opened", "confirm_instructions")


def test_a_bad_file_imports_nothing_and_names_each_bad_line(home, tmp_path, capsys):
    bad = tmp_path / "cartons.csv"
    bad.write_text("code,name,length_mm,width_mm,height_mm,tare_g,max_weight_g\n"
                   "OK1,Fine,100,100,100,10,1000\n"
                   "BAD1,Broken,abc,100,100,10,1000\n"
                   "BAD2,Negative,100,100,100,-5,1000\n")
    assert main(["import", "cartons", str(bad)]) == 1
    report = capsys.readouterr().out
    assert "line 3" in report and "line 4" in report
    assert main(["import", "cartons", str(bad), "--skip-invalid"]) == 1  # good rows in, bad ones reported
    assert "line 3" in capsys.readouterr().out
    assert main(["export", "events", "--format", "json"]) == 0
    assert main(["import", "cartons", str(tmp_path / "missing.csv")]) == 2


def test_users_add_reads_a_pin_from_a_pipe_and_refuses_a_duplicate(home, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("432187\n"))  # a supervisor's PIN has 6 or more digits
    assert main(["users", "add", "--name", "Sue Super", "--role", "supervisor", "--badge", "S-9", "--pin"]) == 0
    assert main(["users", "add", "--name", "sue super", "--role", "packer"]) == 1
    assert "already" in capsys.readouterr().err.lower()


def test_export_parcels_as_csv_after_demo_data(home, tmp_path, capsys):
    assert main(["demo-data", "--orders", "5"]) == 0
    out = tmp_path / "parcels.csv"
    assert main(["export", "parcels", "--format", "csv", "--since", "2026-01-01", "-o", str(out)]) == 0
    assert out.read_text().splitlines() == [out.read_text().splitlines()[0]]  # no parcels packed yet
    assert out.read_text().startswith("uuid,created_at,order_number,box_no")
