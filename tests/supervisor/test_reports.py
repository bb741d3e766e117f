"""The same figures on the screen's table, in the CSV, in the CLI's JSON, and in the PDF."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from datetime import timedelta

import pypdfium2 as pdfium
import pytest

from app.supervisor.periods import Period
from app.supervisor.report_pdf import shift_report
from app.supervisor.tables import display, productivity_table, text_table, write_csv
from tests.supervisor.scenario import ALEX, DAY, PRIYA, START

WHOLE_DAY = Period(DAY, DAY + timedelta(days=1), "Shift")
SINCE, UNTIL = "2026-11-25T00:00+00:00", "2026-11-26T00:00+00:00"


def cli(home, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PACKSTATION_HOME": str(home)}
    return subprocess.run([sys.executable, "-m", "app.supervisor.cli", "stats", *args], env=env,
                          capture_output=True, text=True, timeout=60)


@pytest.fixture
def result(service):
    return service.productivity(WHOLE_DAY, "packer")


def test_the_cli_json_and_the_csv_carry_the_true_figures(shift, result):
    out = cli(shift, "--since", SINCE, "--until", UNTIL, "--format", "json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    rows = {r["name"]: r for r in data["rows"]}
    for truth in (ALEX, PRIYA):
        row = rows[truth.name]
        assert (row["orders"], row["units"], row["parcels"], row["holds"], row["voids"]) == (
            truth.orders, truth.units, truth.parcels, truth.holds, truth.voids)
        assert row["orders_per_h"] == round(truth.orders_per_h, 2)
        assert (row["median_s"], row["p90_s"]) == (truth.median_s, truth.p90_s)
        assert row["idle_s"] == truth.idle_s and row["error_rate"] == round(truth.rejected / truth.scans, 4)
    assert data["total"]["orders"] == 6 and data["weights"]["serial"] == 2.5
    assert [r["rank"] for r in data["rows"]] == [1, 2]
    table = productivity_table(result)
    assert data["rows"] == table.records()  # the console's table, exported, is the CLI's answer

    out = cli(shift, "--since", SINCE, "--until", UNTIL, "--format", "csv", "--by", "station")
    records = list(csv.DictReader(io.StringIO(out.stdout)))
    assert [(r["name"], r["orders"], r["units"]) for r in records] == [
        ("BENCH-2", "2", "3"), ("BENCH-1", "4", "13"), ("All", "6", "16")]


def test_the_text_table_shows_the_screens_formatting(shift):
    out = cli(shift, "--since", SINCE, "--until", UNTIL, "--hourly")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    alex = next(line for line in lines if "Alex Packer" in line)
    assert alex.split()[:6] == ["2", "Alex", "Packer", "4", "4", "13"]
    assert "30.0" in alex and "5.3 %" in alex  # orders per active hour; 1 refused of 19 scans
    # The hourly series counts hours of --since's zone (UTC here) and labels them in local time.
    first_hour = START.astimezone().strftime("%H:%M")  # "08:00" in UTC, "13:30" in Kolkata
    assert any(line.startswith(first_hour) for line in lines)


def test_bad_arguments_are_refused_with_a_reason(shift):
    out = cli(shift, "--since", "yesterday")
    assert out.returncode == 2 and "not an ISO date" in out.stderr
    out = cli(shift, "--shift", "early", "--since", SINCE)
    assert out.returncode == 2 and "either --shift" in out.stderr


def test_the_csv_of_a_table_is_what_the_screen_shows_and_safe_for_spreadsheets(result):
    table = productivity_table(result)
    table.rows[0][1] = "=HYPERLINK(1)"
    out = io.StringIO()
    assert write_csv(table, out) == 3
    first = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert first["name"] == "'=HYPERLINK(1)"
    assert "Alex Packer" in text_table(productivity_table(result))


def test_the_pdf_shift_report_decodes_to_the_totals_the_table_and_the_exceptions(service, result, tmp_path):
    pdf = shift_report(result, service.exceptions(WHOLE_DAY), supervisor="Sam Supervisor")
    path = tmp_path / "shift.pdf"
    path.write_bytes(pdf)
    document = pdfium.PdfDocument(str(path))
    try:
        text = "\n".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    finally:
        document.close()
    total = result.total
    assert "Shift report" in text and "Sam Supervisor" in text
    figures = text.split("Orders and units per hour")[0]
    for value in ("6", "16", display("rate", total.orders_per_h), display("seconds", total.median_s),
                  display("seconds", total.p90_s), display("pct", total.error_rate)):
        assert value in figures
    assert "Alex Packer" in text and "Priya Patel" in text
    assert "Put on hold: Short pick (missing 6× SOCK-M)" in text
    assert "Supervisor Sam Supervisor approved shipping short" in text
    assert "Labels voided (box 1)" in text
    assert "serial-tracked ×2.5" in text
