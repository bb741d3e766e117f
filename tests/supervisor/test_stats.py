"""Productivity figures over the scenario's shift (tests/supervisor/scenario.py), whose true
figures are worked out by hand: per packer, per station, the floor's total, and periods that cut
through the shift at times that are not quarter hours."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.supervisor.periods import Period
from app.supervisor.productivity import Weights
from tests.supervisor.scenario import ALEX, DAY, PRIYA, Truth, at

WHOLE_DAY = Period(DAY, DAY + timedelta(days=1), "Shift")


def check(figures, truth: Truth) -> None:
    assert figures.name in (truth.name, truth.station)
    assert (figures.orders, figures.parcels, figures.units) == (truth.orders, truth.parcels, truth.units)
    assert figures.busy_s == pytest.approx(truth.busy_s, abs=1e-3)
    assert figures.idle_s == pytest.approx(truth.idle_s, abs=1e-3)
    assert figures.orders_per_h == pytest.approx(truth.orders_per_h, abs=1e-3)
    assert figures.units_per_h == pytest.approx(truth.units * 3600 / truth.active_s, abs=1e-3)
    assert figures.median_s == pytest.approx(truth.median_s, abs=1e-3)
    assert figures.p90_s == pytest.approx(truth.p90_s, abs=1e-3)
    assert figures.cycles == len(truth.cycles)
    assert figures.weighted == pytest.approx(truth.weighted)
    assert (figures.scans, figures.rejected) == (truth.scans, truth.rejected)
    assert figures.error_rate == pytest.approx(truth.rejected / truth.scans)
    assert (figures.holds, figures.voids, figures.reprints, figures.overrides, figures.reopened) == (
        truth.holds, truth.voids, truth.reprints, truth.overrides, truth.reopened)


def test_per_packer_figures_are_the_true_ones_and_ranked_by_fair_productivity(service):
    """GIVEN the replayed shift WHEN stats per packer are asked for the day THEN each packer's
    orders, units, parcels, rates, cycle percentiles, idle time, errors and exceptions are exact,
    ranked by weighted orders per active hour."""
    result = service.productivity(WHOLE_DAY, "packer")
    assert [f.name for f in result.rows] == ["Priya Patel", "Alex Packer"]  # 50.0 vs 37.5 weighted/h
    check(result.rows[1], ALEX)
    check(result.rows[0], PRIYA)
    assert result.rows[0].classes == {"serial": 1, "mixed": 0, "multi": 1, "single": 0}
    assert result.rows[1].classes == {"serial": 0, "mixed": 1, "multi": 1, "single": 2}


def test_per_station_figures_match_the_bench_of_each_packer(service):
    result = service.productivity(WHOLE_DAY, "station")
    by_name = {f.name: f for f in result.rows}
    check(by_name["BENCH-1"], ALEX)
    check(by_name["BENCH-2"], PRIYA)


def test_the_total_is_the_whole_floor_with_percentiles_over_every_order(service):
    total = service.productivity(WHOLE_DAY).total
    assert (total.orders, total.units, total.parcels) == (6, 16, 6)
    # cycles 20, 30, 40, 60, 60, 60: nearest-rank median is the 3rd, p90 the 6th
    assert (round(total.median_s), round(total.p90_s)) == (40, 60)
    assert total.active_s == pytest.approx(ALEX.active_s + PRIYA.active_s, abs=1e-3)


def test_weights_change_fair_productivity_and_nothing_else(service):
    heavy = Weights(serial=4.0)
    result = service.productivity(WHOLE_DAY, "packer", heavy)
    priya = next(f for f in result.rows if f.name == "Priya Patel")
    assert priya.weighted == pytest.approx(4.0 + 1.25)
    assert priya.orders == 2


@pytest.mark.parametrize("since, until, alex, priya", [
    # quarter-hour aligned: roll-ups only
    ("08:00:00", "08:15:00", (4, 13), (1, 2)),
    # not aligned at either end: partial quarter hours read from the log
    ("08:01:15", "08:05:05", (3, 5), (1, 2)),
    ("08:03:20", "08:40:27", (3, 9), (0, 1)),
    # inside one quarter hour
    ("08:04:05", "08:06:20", (1, 8), (0, 0)),
])
def test_a_period_counts_exactly_the_orders_packed_and_units_scanned_inside_it(service, since, until, alex,
                                                                                priya):
    result = service.productivity(Period(at(since), at(until)), "packer")
    got = {f.name: (f.orders, f.units) for f in result.rows}
    assert got.get("Alex Packer", (0, 0)) == alex
    assert got.get("Priya Patel", (0, 0)) == priya


def test_an_order_opened_before_the_period_counts_its_whole_cycle_when_packed_inside(service):
    # 1002 was opened at 08:02:30 and packed at 08:03:30 (60 s); the period starts in between.
    result = service.productivity(Period(at("08:03:00"), at("08:03:45")), "packer")
    alex = next(f for f in result.rows if f.name == "Alex Packer")
    assert alex.orders == 1 and alex.median_s == pytest.approx(60, abs=1e-3)


def test_hourly_series_sums_to_the_total_and_can_follow_one_packer(service):
    result = service.productivity(WHOLE_DAY)
    assert [h.start.hour for h in result.hourly] == [8]
    assert (result.hourly[0].orders, result.hourly[0].units) == (6, 16)
    alex_id = next(f.key for f in result.rows if f.name == "Alex Packer")
    mine = service.hourly(WHOLE_DAY, by="packer", only=alex_id)
    assert [(h.orders, h.units, h.rejected) for h in mine] == [(4, 13, 1)]


def test_a_period_with_no_events_is_empty_not_an_error(service):
    result = service.productivity(Period(DAY - timedelta(days=3), DAY - timedelta(days=2)))
    assert result.rows == [] and result.total.orders == 0 and result.total.median_s is None
    assert result.hourly == []
