"""The returns office (app.returns.office.ReturnsOffice) without a window: RMAs, return labels, the
returns on record, refunds, a supervisor's approval and quarantine release, the report — the
service `packstation returns rma|label|list|show|refunds|approve|release|report` and the returns
bench call."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest

from app.config import Config
from app.domain import clock
from app.domain.returns import ReturnRules
from app.returns.bench import ReturnsBench
from app.returns.office import (
    CarrierLabelFailed,
    NoWarehouseAddress,
    ReturnLabelError,
    ReturnsOffice,
    UnknownBadge,
    refund_as_json,
)
from app.returns.service import ReturnStation
from app.store.inventory import StockReader
from tests.returns.conftest import NOW, Clock, ship_order
from tests.support import SOCKS_GTIN

ROOT = Path(__file__).resolve().parents[2]
WAREHOUSE = {"name": "Returns", "company": "Packstation Demo Ltd", "line1": "100 Warehouse Way",
             "city": "Columbus", "region": "OH", "postcode": "43215", "country": "US"}


def office(engine, **config) -> ReturnsOffice:
    return ReturnsOffice(engine, Config(station="OFFICE", **config))


def held_late_return(repo, sessions) -> ReturnStation:
    """Order 2003 (two pairs of socks) shipped 45 days ago; one pair back damaged, into quarantine, held."""
    ship_order(sessions, "2003", [("SOCK-M", 2)], shipped_at=NOW - timedelta(days=45))
    bench = ReturnStation(repo, station="RET-1", rules=ReturnRules(window_days=30), clock=Clock())
    bench.scan("PS:BADGE:P-1001")
    assert bench.scan("2003").code == "late_return"
    bench.scan(SOCKS_GTIN)
    bench.scan("PS:GRADE:DAMAGED:DAMAGED_IN_TRANSIT")
    assert bench.scan("PS:DISPOSE:QUARANTINE").code == "item_returned"
    assert bench.scan("PS:CMD:HOLD").code == "return_held"
    return bench


def test_an_rma_and_its_return_label_are_issued_once_and_refused_with_a_reason(db):
    """GIVEN order 2004 shipped and a station with a [ship_from] address
    WHEN the office issues an RMA, then makes the order's return label (ZPL), and asks for wrong ones
    THEN the label carries the open RMA (no second one), and each refusal says why"""
    engine, sessions = db
    ship_order(sessions, "2004", [("MUG-1", 1)])
    desk = office(engine, ship_from=WAREHOUSE)
    assert desk.show("2004-R1") is None and desk.returns() == []
    rma = desk.issue_rma("#2004", reason="wrong colour", return_tracking="RET-TRACK-1")
    assert (rma.rma, rma.order_number) == ("RMA-000001", "2004") and rma.qr_payload.startswith("PS:RETURN:2004:")
    with pytest.raises(ValueError, match="No order 9999"):
        desk.issue_rma("9999")

    label = desk.return_label("2004", label_format="zpl")
    assert (label.data.rma, label.data.qr_payload, label.data.return_tracking) == (rma.rma, rma.qr_payload,
                                                                                   "RET-TRACK-1")
    assert label.content.startswith(b"^XA") and rma.qr_payload.encode() in label.content and label.carrier is None
    assert desk.return_label("2004", rma="rma-000001").content.startswith(b"%PDF")
    with pytest.raises(ReturnLabelError, match="RMA-NOPE is not an RMA of order 2004"):
        desk.return_label("2004", rma="RMA-NOPE")
    with pytest.raises(NoWarehouseAddress, match=r"set \[ship_from\]"):
        office(engine).return_label("2004")


def test_a_carrier_that_sells_no_return_label_is_told_with_the_rma(db, monkeypatch):
    """GIVEN [shipping] on a carrier service that offers no rate for the return
    WHEN the office makes the order's return label
    THEN it refuses with the RMA and the carrier's reason; without the carrier, our label is made"""
    engine, sessions = db
    ship_order(sessions, "2004", [("MUG-1", 1)])

    class NoRates:
        def lookup(self, reference: str) -> SimpleNamespace:
            return SimpleNamespace(found=False, bought=None)

        def rates(self, request: object) -> list[object]:
            return []

    monkeypatch.setattr("app.returns.return_label.easypost_source", lambda settings: NoRates())
    desk = office(engine, ship_from=WAREHOUSE)
    with pytest.raises(CarrierLabelFailed, match="no carrier return label for RMA-000001: No carrier offered") as no:
        desk.return_label("2004", label_format="zpl")
    assert no.value.rma == "RMA-000001" and isinstance(no.value, ReturnLabelError)
    label = desk.return_label("2004", label_format="zpl", carrier=False)
    assert label.data.rma == "RMA-000001" and label.carrier is None


def test_a_held_return_is_listed_shown_approved_released_and_counted(db, repo):
    """GIVEN a late return held at the bench with a damaged unit in quarantine
    WHEN the office lists and shows it, a supervisor releases the unit and approves the return
    THEN it was listed held and late, its refund is ready once, the unit is sellable in A-02-9,
    and the report counts the unit returned and restocked"""
    engine, sessions = db
    with clock.frozen(NOW):
        held_late_return(repo, sessions)
        desk = office(engine)
        (held,) = desk.returns("held")
        assert (held.number, held.status, held.order_number, held.late, held.flags) == ("2003-R1", "held", "2003",
                                                                                       True, 1)
        assert desk.returns("closed") == [] and [r.number for r in desk.returns()] == ["2003-R1"]
        shown = desk.show("2003-R1")
        assert shown is not None
        record = shown.as_json()
        assert [(i["sku"], i["disposition"], i["bin"]) for i in record["items"]] == [("SOCK-M", "quarantine",
                                                                                       "QUARANTINE")]
        assert record["events"][0]["type"] == "return_opened" and record["events"][-1]["type"] == "return_held"
        assert json.loads(json.dumps(record, ensure_ascii=False)) == record
        assert desk.refunds() == []

        with pytest.raises(UnknownBadge, match="no active user has badge NOBODY"):
            desk.release("2003-R1", 1, "A-02-9", badge="NOBODY")
        with pytest.raises(PermissionError, match="not a supervisor"):
            desk.release("2003-R1", 1, "A-02-9", badge="P-1001")
        with pytest.raises(ValueError, match="QUARANTINE is not a sellable bin"):
            desk.release("2003-R1", 1, "quarantine", badge="S-2001")
        assert desk.release("2003-R1", 1, "a-02-9", badge="S-2001") == "A-02-9"
        with pytest.raises(ValueError, match="not in quarantine"):
            desk.release("2003-R1", 1, "A-02-9", badge="S-2001")
        reader = StockReader(engine)
        assert reader.stock("SOCK-M").bins == {"A-02-9": 1, "QUARANTINE": 0}
        reader.close()

        with pytest.raises(PermissionError, match="not a supervisor"):
            desk.approve("2003-R1", badge="P-1001")
        assert desk.approve("2003-R1", badge="s-2001").name == "Sam Supervisor"
        with pytest.raises(ValueError, match="not on hold"):
            desk.approve("2003-R1", badge="S-2001")
        (refund,) = desk.refunds()
        assert refund_as_json(refund)["seq"] == refund.seq and refund.data["flags"][0]["flag"] == "late_return"
        assert desk.refunds(since=refund.seq) == []
        assert [r.status for r in desk.returns()] == ["closed"]

        report = desk.report(days=30)
        figures = report.as_json()
        assert report.until == NOW + timedelta(seconds=1) and report.since == report.until - timedelta(days=30)
        assert [(r["sku"], r["returned"], r["reasons"]) for r in figures["return_rates"]] == [
            ("SOCK-M", 1, {"damaged/damaged_in_transit": 1})]
        assert figures["restock_hours"]["units"] == 1 and figures["inventory_accuracy"]["lines"] == 0


def test_the_returns_bench_holds_the_office_on_its_own_store(db, repo):
    """GIVEN a returns bench (as the returns window's worker holds it)
    WHEN a return is held at the bench and the office asked about it through the bench
    THEN the office sees it on the bench's own returns store, and leaves that store open"""
    engine, sessions = db
    with clock.frozen(NOW):
        station = held_late_return(repo, sessions)
        bench = ReturnsBench(engine, sessions, Config(station="RET-1"), None, station)
        assert bench.office.station == "RET-1" and bench.office.rules == station.rules
        assert [r.number for r in bench.office.returns("held")] == ["2003-R1"]
        bench.office.approve("2003-R1", badge="S-2001")
        assert [r.status for r in bench.office.returns()] == ["closed"]
        assert repo.user_by_badge("S-2001") is not None  # still open: the worker closes it
        bench.stock.close()


def test_the_office_needs_no_qt_and_the_returns_commands_no_store():
    office_tree = ast.parse((ROOT / "app/returns/office.py").read_text(encoding="utf-8"))
    commands = ast.parse((ROOT / "app/returns/cli/returns_cmds.py").read_text(encoding="utf-8"))

    def imported(tree: ast.Module) -> list[str]:
        return [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)] + [
            a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]

    assert not [m for m in imported(office_tree) if m.startswith(("PySide6", "app.ui"))]
    assert not [m for m in imported(commands) if m.startswith(("app.store", "sqlalchemy"))]
    loaded = subprocess.run([sys.executable, "-c", "import sys, app.returns.office; "
                             "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'app.ui'))))"],
                            capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert loaded.returncode == 0 and loaded.stdout.strip() == "[]", loaded.stderr


def test_an_unknown_return_number_shows_nothing(db, repo):
    """GIVEN a bench whose log holds events of no return (a sign-in, a held return)
    WHEN the office is asked for a return number nobody issued THEN there is none to show
    (it listed the events of no return: sign-ins and RMAs)"""
    engine, sessions = db
    with clock.frozen(NOW):
        held_late_return(repo, sessions)
        assert office(engine).show("2003-R1") is not None
        assert office(engine).show("R-NOSUCH") is None
