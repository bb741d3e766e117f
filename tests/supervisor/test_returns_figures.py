"""Returns & stock for the supervisor: return rate, restock time and inventory accuracy are the true
figures of a known set of shipments, returns and cycle counts (tests/supervisor/returns_scenario.py),
and the service, the CLI's JSON and CSV, the console's tab and the PDF shift report say the same."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import threading
from datetime import UTC, datetime, timedelta

import pypdfium2 as pdfium
import pytest
from sqlalchemy.dialects import postgresql, sqlite

from app.domain import clock
from app.domain.model import Role
from app.store.inventory import inventory_accuracy
from app.store.returns import return_rates
from app.supervisor.access import Supervisor
from app.supervisor.periods import Period
from app.supervisor.report_pdf import shift_report
from app.supervisor.returns_figures import rate_rows, restock_rows, statements
from app.supervisor.service import StatsService
from app.supervisor.tables import display, returns_tables
from tests.supervisor import returns_scenario

SAM = Supervisor(2, "Sam Supervisor", Role.SUPERVISOR, "S-2001")


@pytest.fixture
def station(home):
    """GIVEN a station whose database holds the scenario's shipments, returns and counts."""
    from app.startup import open_bench

    bench = open_bench()
    returns_scenario.seed_catalogue(bench.sessions)
    truth = returns_scenario.build(bench.engine, bench.sessions)
    yield home, bench.engine, truth
    bench.close()


@pytest.fixture
def figures(station):
    _, engine, truth = station
    return StatsService(engine).returns(truth.period)


def cli(home, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PACKSTATION_HOME": str(home)}
    return subprocess.run([sys.executable, "-m", "app.supervisor.cli", "stats", *args], env=env,
                          capture_output=True, text=True, timeout=60)


def period_args(period: Period) -> list[str]:
    return ["--since", period.since.isoformat(), "--until", period.until.isoformat()]


def test_the_return_rate_per_sku_and_per_reason_are_the_true_ones(station, figures):
    """WHEN the supervisor asks for the period THEN shipped units come from the stock ledger (a voided
    and re-packed order counts once, a shipment before the period not at all), wrong items stay out
    of the SKU rates, and every graded unit is in the grade-and-reason table."""
    _, engine, truth = station
    rates = {r.sku: r for r in figures.rates}
    assert set(rates) == {"SOCK-M", "MUG-1"}
    for sku in rates:
        assert (rates[sku].shipped, rates[sku].returned) == (truth.shipped[sku], truth.returned[sku])
    assert rates["SOCK-M"].rate == 0.6 and rates["MUG-1"].rate == 0.5
    assert [r.sku for r in figures.rates] == ["SOCK-M", "MUG-1"]  # highest rate first
    assert rates["SOCK-M"].grades == {"resellable": 5, "damaged": 1, "wrong_item": 0, "missing_parts": 0}
    assert (figures.shipped, figures.returned, figures.received, figures.returns) == (12, 7, 8, 3)
    assert {(r.grade, r.reason): r.units for r in figures.reasons} == truth.reasons
    assert next(r for r in figures.reasons if r.grade == "wrong_item").not_in_order == 1
    # The store's own report (Python loops) agrees with the SQL aggregation.
    with engine.connect() as conn:
        store = {r.sku: (r.shipped, r.returned) for r in return_rates(conn, truth.period.utc_since,
                                                                       truth.period.utc_until)}
    assert store == {sku: (r.shipped, r.returned) for sku, r in rates.items()}


def test_restock_time_runs_from_the_receipt_to_the_unit_back_in_a_bin(figures, station):
    truth = station[2]
    by_route = {r.route: r for r in figures.restock}
    everything = by_route["all"]
    assert everything.units == truth.restocked
    assert everything.median_s == pytest.approx(truth.restock_median_s, abs=1)
    assert everything.p90_s == pytest.approx(truth.restock_p90_s, abs=1)
    assert everything.max_s == pytest.approx(truth.restock_max_s, abs=1)
    for route, (units, median, p90) in (("bench", truth.bench), ("quarantine", truth.quarantine)):
        assert by_route[route].units == units
        assert by_route[route].median_s == pytest.approx(median, abs=1)
        assert by_route[route].p90_s == pytest.approx(p90, abs=1)


def test_inventory_accuracy_counts_approved_counts_final_round_only(figures, station):
    _, engine, truth = station

    def cells(row) -> tuple:
        return row.lines, row.lines_right, row.units_expected, row.units_counted, row.units_off

    assert cells(figures.accuracy) == truth.accuracy and figures.accuracy.counts == 2
    assert {r.key: cells(r) for r in figures.by_bin} == truth.by_bin
    assert {r.key: cells(r) for r in figures.by_sku} == truth.by_sku
    assert figures.accuracy.line_accuracy == pytest.approx(1 / 3)
    assert figures.accuracy.unit_accuracy == pytest.approx(1 - 3 / 55)
    with engine.connect() as conn:
        store = inventory_accuracy(conn, truth.period.utc_since, truth.period.utc_until)
    assert (store.lines, store.lines_right, store.units_expected, store.units_off) == (3, 1, 55, 3)


def test_a_period_before_the_returns_holds_only_what_happened_then(station):
    _, engine, truth = station
    now = truth.period.since + timedelta(days=2)
    early = StatsService(engine).returns(Period(now - timedelta(days=20), now - timedelta(days=9), "Early"))
    assert [(r.sku, r.shipped, r.returned, r.rate) for r in early.rates] == [("MUG-1", 5, 0, 0.0)]
    assert early.received == 0 and early.restock_all.units == 0 and early.accuracy.lines == 0
    assert early.restock_all.median_s is None


def test_the_cli_prints_the_services_tables_as_json_csv_and_text(station, figures):
    home, _, truth = station
    out = cli(home, "--view", "returns", *period_args(truth.period), "--format", "json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    tables = returns_tables(figures)
    assert data["view"] == "returns"
    assert data["summary"] == tables["summary"].records()[0]
    for name in ("rates", "reasons", "restock", "bins", "skus"):
        assert data[name]["rows"] == tables[name].records(), name
    assert data["summary"]["shipped"] == 12 and data["summary"]["return_rate"] == round(7 / 12, 4)
    assert {r["sku"]: r["return_rate"] for r in data["rates"]["rows"]} == {"SOCK-M": 0.6, "MUG-1": 0.5}
    assert data["restock"]["total"]["restock_p90_s"] == pytest.approx(truth.restock_p90_s, abs=1)
    assert data["bins"]["total"]["line_accuracy"] == round(1 / 3, 4)

    out = cli(home, "--returns", *period_args(truth.period), "--format", "csv", "--table", "rates")
    assert out.returncode == 0, out.stderr
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert [(r["sku"], r["shipped"], r["returned"], r["return_rate"]) for r in rows] == [
        ("SOCK-M", "10", "6", "0.6"), ("MUG-1", "2", "1", "0.5"), ("All", "12", "7", "0.5833")]

    out = cli(home, "--view", "returns", *period_args(truth.period))
    assert out.returncode == 0, out.stderr
    assert "Inventory accuracy per bin" in out.stdout and "60.0 %" in out.stdout and "80h 00m" in out.stdout

    out = cli(home, "--view", "returns", "--hourly")
    assert out.returncode == 2 and "productivity view" in out.stderr
    out = cli(home, "--table", "rates")
    assert out.returncode == 2 and "--view returns" in out.stderr
    out = cli(home, *period_args(truth.period), "--format", "json")  # the productivity view still answers
    assert out.returncode == 0 and "weights" in json.loads(out.stdout)


def test_the_console_tab_shows_the_same_numbers_off_the_gui_thread(qtbot, station, figures):
    from app.ui.supervisor.window import SupervisorWindow

    _, engine, truth = station
    service = StatsService(engine)
    window = SupervisorWindow(lambda: service, console="SUP-TEST", floor_interval_ms=60_000)
    qtbot.addWidget(window)
    window.resize(1440, 900)
    window.show()
    try:
        window.begin_as(SAM)
        view = window.returns
        view.set_custom(truth.period.since, truth.period.until)
        results = []
        window.runner.done.connect(results.append)
        with qtbot.waitSignal(view.loaded, timeout=10_000):
            window.tabs.setCurrentWidget(view)
        assert window.tabs.tabText(window.tabs.indexOf(view)) == "Returns && stock"
        loads = [r for r in results if r.key == "returns"]
        assert loads and all(r.ok and r.thread != threading.get_ident() for r in loads)  # ran on the pool
        shown = view.tables
        expected = returns_tables(figures)
        for name, model in view.models.items():
            assert model.table.records(with_total=True) == expected[name].records(with_total=True), name

        def cell(name: str, row: int, key: str) -> str:
            model = view.models[name]
            return model.data(model.index(row, model.table.index(key)))

        rates = view.models["rates"]
        assert [rates.value(r, "sku") for r in range(rates.rowCount())] == ["SOCK-M", "MUG-1", "All"]
        assert cell("rates", 0, "return_rate") == "60.0 %" and cell("rates", 2, "returned") == "7"
        assert cell("restock", 2, "restock_median_s") == display("seconds", truth.restock_median_s)
        assert cell("bins", 0, "bin") == "A-01-1" and cell("bins", 2, "line_accuracy") == "33.3 %"
        assert view.cards["return_rate"].value.text() == "58.3 %"
        assert view.cards["units_off"].value.text() == "3"
        assert view.cards["restock_p90_s"].value.text() == "80h 00m"
        assert shown["summary"].rows[0][0] == 12
        target = engine.url.database + ".rates.csv"
        with open(target, "w", encoding="utf-8", newline="") as out:
            from app.supervisor.tables import write_csv

            write_csv(view.tables["rates"], out)
        with open(target, encoding="utf-8") as back:
            assert [r["sku"] for r in csv.DictReader(back)] == ["SOCK-M", "MUG-1", "All"]
    finally:
        window.shutdown()


def test_the_pdf_shift_report_has_a_returns_and_stock_section(station, figures, tmp_path):
    _, engine, truth = station
    service = StatsService(engine)
    pdf = shift_report(service.productivity(truth.period), service.exceptions(truth.period),
                       supervisor="Sam Supervisor", returns=figures)
    path = tmp_path / "shift.pdf"
    path.write_bytes(pdf)
    document = pdfium.PdfDocument(str(path))
    try:
        text = "\n".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    finally:
        document.close()
    section = text.split("Returns and stock")[1]
    for words in ("Return rate per SKU", "SOCK-M", "60.0 %", "58.3 %", "wrong_size", "Restock time",
                  "from quarantine", "80h 00m", "Inventory accuracy per bin", "A-01-1", "33.3 %", "94.5 %"):
        assert words in section, words
    without = shift_report(service.productivity(truth.period), [], supervisor="Sam Supervisor")
    assert len(without) < len(pdf)  # the section is there only when asked for


def test_every_returns_statement_compiles_for_postgresql():
    period = Period(datetime(2026, 11, 1, tzinfo=UTC), datetime(2026, 11, 2, tzinfo=UTC))
    for statement in statements(period):
        sql = str(statement.compile(dialect=postgresql.dialect()))
        assert "julianday" not in sql and "json_extract" not in sql
    restock = str(restock_rows(period).compile(dialect=postgresql.dialect()))
    assert "EXTRACT(EPOCH FROM return_items.restocked_at)" in restock and "row_number() OVER" in restock
    assert "+stock_movements.at" not in str(rate_rows(period, scan=True).compile(dialect=postgresql.dialect()))
    assert "+stock_movements.at" in str(rate_rows(period, scan=True).compile(dialect=sqlite.dialect()))


def test_a_bin_the_records_took_below_zero_is_never_more_than_accurate(tmp_path):
    """GIVEN a shipment booked from an empty bin (-2 on the records)  WHEN the count finds it empty
    THEN the line is wrong by 2 units and its unit accuracy is 0 %, not 200 %."""
    from app.domain.inventory import MovementReason, NegativeStock
    from app.store import inventory
    from tests.fixtures.station_db import station_database

    engine, sessions = station_database(tmp_path)
    returns_scenario.seed_catalogue(sessions)
    with engine.begin() as conn:
        inventory.move(conn, "HAT-1", "A-02-1", -2, MovementReason.SHIPMENT, policy=NegativeStock.FLAG, reference="9")
        count = inventory.start_count(conn, "A-02-1", user_id=1)
        inventory.finish_count(conn, count)
        inventory.approve_count(conn, count, returns_scenario.SAM)
    now = clock.now()
    try:
        figures = StatsService(engine).returns(Period(now - timedelta(hours=1), now + timedelta(hours=1)))
    finally:
        engine.dispose()
    row = figures.by_bin[0]
    assert (row.key, row.units_expected, row.units_counted, row.units_off, row.net) == ("A-02-1", -2, 0, 2, 2)
    assert row.unit_accuracy == 0.0 and row.line_accuracy == 0.0
