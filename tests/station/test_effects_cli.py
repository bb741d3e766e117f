"""`packstation effects`: what a packed order still owes or failed to do is listed with the command
that does it again, so a slip that did not print is not known only to a log line (issue 17)."""

from __future__ import annotations

import json

from app.cli import main
from app.station import PrintFailed
from tests.support import SOCKS_GTIN


def test_nothing_owed_is_said_and_exits_0(bench, capsys):
    assert main(["effects"]) == 0
    assert "nothing owed, nothing failed" in capsys.readouterr().out


def test_a_slip_that_did_not_print_is_listed_with_its_reprint_command(bench, station, capsys, monkeypatch):
    def jammed(*_args, **_kwargs):
        raise PrintFailed("Document printer: out of paper")

    monkeypatch.setattr(station.output, "print_slip", jammed)
    for scan in ("PS:BADGE:P-1001", "1001", SOCKS_GTIN):
        station.scan(scan)
    packed = station.scan("PS:CMD:CONFIRM")
    assert "slip_failed" in [f.code for f in packed.feedback]
    capsys.readouterr()

    assert main(["effects"]) == 1  # something failed: IT's monitoring sees it
    out = capsys.readouterr().out
    assert "failed slip    order 1001" in out and "out of paper" in out
    assert "redo: packstation printers reprint-slip 1001" in out

    assert main(["effects", "--json"]) == 1
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["kind"], r["state"], r["order_number"]) for r in rows] == [("slip", "failed", "1001")]
    assert rows[0]["last_error"] == "Document printer: out of paper"
