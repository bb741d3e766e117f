"""`packstation count replay`: a cycle count driven headless, as `packstation replay` drives packing.

GIVEN the returns demo (stock in bins; Alex Packer P-1001, Sam Supervisor S-2001), WHEN scans
are fed one per line through the count desk, THEN one JSON outcome per scan comes out, the same
codes the returns window's Cycle count tab shows, and the stock is booked as the screen books it.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys

from app.returns.cli import main

LAMP, LAMP_BIN = "LAMP-LED", "F-02-2"  # the demo's LED lamp and its home bin


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def stock(capsys) -> dict[str, int]:
    return json.loads(run(capsys, "stock", "show", LAMP)[1])["bins"]


def test_a_count_replayed_from_a_file_is_approved_by_the_supervisors_badge(home, capsys, tmp_path):
    """WHEN the lamp's bin is counted with 3 lamps and the supervisor's badge approves
    THEN the outcomes say so line by line and the bin holds 3 lamps, booked at the --station given."""
    run(capsys, "bulk", "demo")
    before = stock(capsys)[LAMP_BIN]
    script = tmp_path / "count.txt"
    script.write_text(f"PS:BIN:{LAMP_BIN}\nPS:CMD:QTY:2\n{LAMP}\n\n{LAMP}\nPS:CMD:COMPLETE\nPS:BADGE:S-2001\n")
    code, out, err = run(capsys, "count", "replay", str(script), "--badge", "P-1001", "--station", "COUNT-1")
    assert code == 0, err
    outcomes = [json.loads(line) for line in out.splitlines()]
    assert [(o["line"], o["code"]) for o in outcomes] == [
        (1, "count_started"), (2, "qty_armed"), (3, "item_counted"), (5, "item_counted"),
        (6, "count_finished_off" if before != 3 else "count_finished_match"), (7, "count_approved")]
    assert outcomes[3]["rows"] == [{"sku": LAMP, "counted": 3}] and outcomes[3]["status"] == "counting"
    assert outcomes[-1]["decided_by"] == "Sam Supervisor" and outcomes[-1]["tone"] == "complete"
    assert stock(capsys)[LAMP_BIN] == 3
    _, out, _ = run(capsys, "stock", "show", LAMP, "--movements")
    booked = [m for m in json.loads(out)["movements"] if m["reason"] == "cycle_count"]
    assert [(m["delta"], m["station"]) for m in booked] == ([(3 - before, "COUNT-1")] if before != 3 else [])
    code, out, _ = run(capsys, "count", "show", str(outcomes[0]["count"]))
    assert code == 0 and out.startswith(f"count {outcomes[0]['count']}: approved")


def test_replay_reads_standard_input_and_resumes_an_open_count(home, capsys, monkeypatch):
    """A count started by `count start` is resumed by scanning its bin; refused scans are outcomes, exit 0."""
    run(capsys, "bulk", "demo")
    code, out, _ = run(capsys, "count", "start", LAMP_BIN, "--badge", "P-1001")
    count_id = int(out.split()[1].rstrip(":"))
    scans = f"{LAMP}\nPS:BIN:{LAMP_BIN}\n{LAMP}\nNO-SUCH-THING\nPS:BADGE:S-2001\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(scans.encode())))
    code, out, err = run(capsys, "count", "replay", "-", "--badge", "P-1001")
    assert code == 0, err
    outcomes = [json.loads(line) for line in out.splitlines()]
    assert [o["code"] for o in outcomes] == ["scan_bin_first", "count_resumed", "item_counted", "unknown_barcode",
                                             "finish_first"]
    assert {o["count"] for o in outcomes[1:]} == {count_id}
    code, out, _ = run(capsys, "count", "show", str(count_id))
    assert code == 0 and f"{LAMP}" in out and "counted     1" in out


def test_replay_refuses_an_unknown_badge_or_file(home, capsys, tmp_path):
    script = tmp_path / "count.txt"
    script.write_text("PS:BIN:A-01-1\n")
    code, _, err = run(capsys, "count", "replay", str(script), "--badge", "X-9999")
    assert code == 2 and "no active user has badge X-9999" in err
    code, _, err = run(capsys, "count", "replay", str(tmp_path / "missing.txt"), "--badge", "P-1001")
    assert code == 2 and "no such file" in err
    code, _, err = run(capsys, "count", "show", "4242")
    assert code == 1 and "No count 4242." in err


def test_count_replay_runs_as_a_module(home, capsys):
    run(capsys, "bulk", "demo")
    result = subprocess.run([sys.executable, "-m", "app.returns.cli", "count", "replay", "-", "--badge", "P-1001"],
                            input=f"PS:BIN:{LAMP_BIN}\n{LAMP}\n", capture_output=True, text=True,
                            env=os.environ.copy(), timeout=60)
    assert result.returncode == 0, result.stderr
    assert [json.loads(line)["code"] for line in result.stdout.splitlines()] == ["count_started", "item_counted"]
