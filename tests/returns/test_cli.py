"""`packstation returns|stock|count|bulk`, run as `python -m app.returns.cli` and in-process."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys

from app.returns.cli import main
from app.returns.demo import RETURN_ORDER, WHOLESALE_ORDER


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_wholesale_order_goes_from_cartons_to_asn_labels_and_stock(home, capsys, tmp_path):
    """GIVEN the demo (stock, wholesale order SO-90001)
    WHEN it is packed 12 to a carton, 10 cartons to a pallet, its ASN and labels written, and dispatched
    THEN the ASN lists every carton, the labels are ZPL, and the stock went down by what shipped"""
    assert run(capsys, "bulk", "demo")[0] == 0
    code, out, _ = run(capsys, "stock", "show", "CREAM-HAND")
    before = json.loads(out)["available"]
    code, out, _ = run(capsys, "bulk", "auto", WHOLESALE_ORDER, "--per-carton", "12", "--per-pallet", "10")
    assert code == 0 and out.strip() == f"order {WHOLESALE_ORDER}: 39 carton(s) on 4 pallet(s)"
    code, out, _ = run(capsys, "bulk", "asn", WHOLESALE_ORDER, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len({r["carton_sscc"] for r in rows}) == 39 and sum(int(r["quantity"]) for r in rows) == 468
    labels = tmp_path / "labels.zpl"
    code, out, _ = run(capsys, "bulk", "labels", WHOLESALE_ORDER, "-o", str(labels))
    assert code == 0 and labels.read_bytes().count(b"^XA") == 43
    assert run(capsys, "bulk", "dispatch", WHOLESALE_ORDER)[0] == 0
    code, out, _ = run(capsys, "stock", "show", "CREAM-HAND")
    assert json.loads(out)["available"] == before - 60
    code, out, _ = run(capsys, "bulk", "dispatch", WHOLESALE_ORDER)
    assert code == 0 and "0 stock movement(s)" in out
    code, out, err = run(capsys, "bulk", "carton", WHOLESALE_ORDER, "MUG-STW-SAG=1")
    assert code == 1 and "Too many MUG-STW-SAG" in err


def test_stock_adjustment_count_and_export_from_the_command_line(home, capsys, tmp_path):
    run(capsys, "bulk", "demo")
    code, out, err = run(capsys, "stock", "adjust", "LAMP-LED", "F-02-2", "-1000", "--reason", "x", "--badge", "P-1001")
    assert code == 1 and "cannot take 1000" in err
    code, _, _ = run(capsys, "stock", "adjust", "LAMP-LED", "F-02-2", "-1", "--reason", "dropped", "--badge", "P-1001")
    assert code == 0
    code, out, _ = run(capsys, "count", "start", "F-02-2", "--badge", "P-1001")
    count_id = out.split()[1].rstrip(":")
    assert run(capsys, "count", "scan", count_id, "LAMP-LED", "--qty", "3")[0] == 0
    code, out, _ = run(capsys, "count", "finish", count_id)
    assert "LAMP-LED" in out and "variance" in out
    assert run(capsys, "count", "approve", count_id, "--badge", "P-1001")[0] == 1  # a packer may not
    assert run(capsys, "count", "approve", count_id, "--badge", "S-2001")[0] == 0
    code, out, _ = run(capsys, "stock", "show", "LAMP-LED")
    assert json.loads(out)["bins"] == {"F-02-2": 3}
    export = tmp_path / "stock.csv"
    assert run(capsys, "stock", "export", "-o", str(export))[0] == 0
    assert export.read_text().startswith("sku,available\n") and "LAMP-LED,3\n" in export.read_text()
    code, out, _ = run(capsys, "stock", "export")
    assert out == "sku,available\n"  # nothing changed since


def test_returns_replay_runs_as_a_module_and_closes_a_flagged_return(home, capsys):
    """GIVEN the demo's shipped order SO-90002 and its RMA
    WHEN its return label, an earbud with a wrong serial and a mug are scanned through
    `python -m app.returns.cli returns replay -`, and a supervisor approves
    THEN the return closes, a refund is ready, and the report shows it"""
    _, out, _ = run(capsys, "bulk", "demo")
    qr = out.strip().rsplit(" ", 1)[-1]
    scans = ["PS:BADGE:P-1001", qr, "00400000000541", "EB-NOT-SHIPPED", "PS:GRADE:DAMAGED:DEFECTIVE",
             "PS:CMD:CONFIRM", "09506000000268", "PS:GRADE:RESELLABLE:WRONG_SIZE", "PS:CMD:CONFIRM",
             "PS:CMD:COMPLETE", "PS:BADGE:S-2001"]
    result = subprocess.run([sys.executable, "-m", "app.returns.cli", "returns", "replay", "-"],
                            input="\n".join(scans) + "\n", capture_output=True, text=True, env=os.environ.copy(),
                            timeout=60)
    assert result.returncode == 0, result.stderr
    outcomes = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["code"] for o in outcomes] == [
        "signed_in", "return_opened", "serial_needed", "item_flagged", "dispose_item", "item_returned",
        "grade_item", "dispose_item", "item_returned", "supervisor_needed", "return_closed"]
    code, out, _ = run(capsys, "returns", "refunds")
    refund = json.loads(out)
    assert refund["order"] == RETURN_ORDER and refund["rma"] == "RMA-DEMO-1" and refund["review"] is True
    code, out, _ = run(capsys, "returns", "report", "--json")
    report = json.loads(out)
    assert {r["sku"] for r in report["return_rates"]} == {"EARBUD-WL-BLA", "MUG-STW-SAN"}
    assert report["restock_hours"]["units"] == 1
    code, out, _ = run(capsys, "returns", "rma", RETURN_ORDER, "--reason", "second parcel")
    assert json.loads(out)["qr_payload"].startswith(f"PS:RETURN:{RETURN_ORDER}:")
