"""Figures a supervisor can trust (issue 20 item 7): a rate per hour from a few minutes of work is
not a rate. Six orders packed within seconds are "not enough data", not 19,817 orders an hour, in
the service, the CLI's table, JSON and CSV, and the shift report's PDF.

The shift is packed through a real Station at a set time (app.domain.clock), then `packstation
stats` runs as a subprocess on the same station folder.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pypdfium2 as pdfium
import pytest
from sqlalchemy import select

from app.domain import clock
from app.printing import station_output
from app.startup import open_bench
from app.station import Station
from app.store import models as t
from app.store.repository import Repository
from app.supervisor.periods import Period
from app.supervisor.productivity import MIN_ACTIVE_S
from app.supervisor.service import StatsService
from tests.supervisor.scenario import ALEX, DAY, PRIYA
from tests.support import SOCKS_GTIN, add_order, seed_small

START = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)  # the shift's first scan; a set instant, not today
SINCE, UNTIL = "2026-11-24T00:00+00:00", "2026-11-25T00:00+00:00"


@pytest.fixture
def short_shift(home):
    """Six one-item orders packed in well under a minute (one scan a second)."""
    bench = open_bench()
    seed_small(bench.sessions)
    with bench.sessions.begin() as db:
        socks = db.scalars(select(t.Product).where(t.Product.sku == "SOCK-M")).one()
        for number in range(2001, 2007):
            add_order(db, str(number), [(socks, 1)])
    moment = [START]

    def tick() -> datetime:
        moment[0] += timedelta(seconds=1)
        return moment[0]

    clock.set_source(tick)
    try:
        station = Station(bench.config, Repository(bench.engine), station_output(bench))
        station.scan("PS:BADGE:P-1001")
        for number in range(2001, 2007):
            assert station.scan(str(number)).code == "order_opened"
            assert station.scan(SOCKS_GTIN).code == "all_items_packed"
            assert station.scan("PS:CMD:CONFIRM").code == "order_packed"
        station.output.drain(timeout=10)
        station.repo.close()
    finally:
        clock.set_source(None)
    yield bench
    bench.close()


def stats(home, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PACKSTATION_HOME": str(home)}
    env.pop("PACKSTATION_CONFIG", None)
    return subprocess.run([sys.executable, "-m", "app.supervisor.cli", "stats", "--since", SINCE, "--until", UNTIL,
                           *args], env=env, capture_output=True, text=True, timeout=120)


def test_six_orders_in_seconds_are_not_enough_data_in_the_service(short_shift):
    """GIVEN six orders packed within seconds WHEN the service computes the day THEN the orders
    count, the rates are None (not thousands an hour)."""
    result = StatsService(short_shift.engine).productivity(Period(START - timedelta(hours=1),
                                                                  START + timedelta(hours=1)))
    total = result.total
    assert total.orders == 6 and 0 < total.active_s < MIN_ACTIVE_S
    assert (total.orders_per_h, total.units_per_h, total.parcels_per_h, total.weighted_per_h) == (None,) * 4
    assert not total.enough_data
    (alex,) = result.rows
    assert alex.orders == 6 and alex.orders_per_h is None
    # The same shift with the floor switched off is what the issue saw: an absurd hourly rate.
    raw = StatsService(short_shift.engine, min_active_s=0).productivity(result.period).total
    assert raw.orders_per_h is not None and raw.orders_per_h > 300


def test_the_cli_says_not_enough_data_in_the_table_json_and_pdf(short_shift, home, tmp_path):
    """GIVEN the short shift WHEN `packstation stats` prints the day THEN the table shows "—" in the
    rate columns with a note, the JSON has null rates, and the PDF says "not enough data"."""
    pdf = tmp_path / "shift.pdf"
    out = stats(home, "--pdf", str(pdf))
    assert out.returncode == 0, out.stderr
    alex = next(line for line in out.stdout.splitlines() if "Alex Packer" in line)
    assert alex.split()[:6] == ["1", "Alex", "Packer", "6", "6", "6"]
    assert "—" in alex
    assert "— in a rate: not enough data (less than 10 min of active time" in out.stdout
    assert not any(len(word.replace(",", "")) > 3 and word.replace(",", "").replace(".", "").isdigit()
                   for word in alex.split()[6:])  # no thousands an hour anywhere in the row

    data = json.loads(stats(home, "--format", "json").stdout)
    assert data["min_active_s"] == MIN_ACTIVE_S
    assert data["total"]["orders"] == 6 and data["total"]["orders_per_h"] is None
    assert data["rows"][0]["orders_per_h"] is None and data["rows"][0]["weighted_per_h"] is None

    document = pdfium.PdfDocument(str(pdf))
    try:
        text = "\n".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    finally:
        document.close()
    words = " ".join(text.split())  # a figure's cell wraps "not enough data" over two lines
    assert "not enough data not enough data 6s Orders Parcels Units Active time, all Orders / h Weighted / h" in words
    assert "A rate needs at least 10 min of active time: — is not enough data." in words


def test_the_minimum_active_time_is_configurable(short_shift, home):
    """GIVEN [supervisor] min_active_minutes = 0 in station.toml WHEN stats run THEN a rate is shown
    for any active time (a site that wants raw figures can have them)."""
    config = short_shift.paths.config_file
    config.write_text("[supervisor]\nmin_active_minutes = 0\n", encoding="utf-8")
    data = json.loads(stats(home, "--format", "json").stdout)
    assert data["min_active_s"] == 0 and data["total"]["orders_per_h"] > 300
    config.write_text("[supervisor]\nmin_active_minutes = -1\n", encoding="utf-8")
    bad = stats(home)
    assert bad.returncode != 0 and "supervisor.min_active_minutes" in bad.stderr and "Traceback" not in bad.stderr


def test_a_packer_under_the_floor_has_no_rate_while_the_floor_total_has_one(engine):
    """GIVEN the scenario's shift (Alex 8 min active, Priya 4 min 10 s; 12 min 10 s together) WHEN
    the default 10-minute floor applies THEN neither packer has a rate, the floor's total has one,
    and the packers without a rate are listed after those with one (here: by orders)."""
    result = StatsService(engine).productivity(Period(DAY, DAY + timedelta(days=1)))
    assert [f.name for f in result.rows] == ["Alex Packer", "Priya Patel"]  # both without a rate: by orders
    assert all(f.orders_per_h is None for f in result.rows)
    assert ALEX.active_s < MIN_ACTIVE_S and PRIYA.active_s < MIN_ACTIVE_S
    assert result.total.orders_per_h == pytest.approx(6 * 3600 / (ALEX.active_s + PRIYA.active_s), abs=1e-3)
