"""Periods a supervisor asks for, in local time, as half-open ranges."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from app.supervisor import periods

BERLIN_WINTER = timezone(timedelta(hours=1))
NOW = datetime(2026, 11, 25, 10, 30, tzinfo=UTC)  # 11:30 in Berlin


def test_today_runs_from_local_midnight_for_a_whole_day():
    p = periods.today(NOW, BERLIN_WINTER)
    assert p.since == datetime(2026, 11, 25, 0, 0, tzinfo=BERLIN_WINTER)
    assert p.until - p.since == timedelta(days=1)
    assert p.utc_since == datetime(2026, 11, 24, 23, 0, tzinfo=UTC)
    assert p.describe() == "Today: Wed 25 Nov 2026"


def test_a_shift_defaults_to_the_latest_one_that_started_and_a_night_shift_crosses_midnight():
    assert periods.shift("early", now=NOW, zone=BERLIN_WINTER).since.hour == 6
    late = periods.shift("late", now=NOW, zone=BERLIN_WINTER)  # not started today yet: yesterday's
    assert late.since.date() == date(2026, 11, 24)
    night = periods.shift("night", date(2026, 11, 24), BERLIN_WINTER)
    assert (night.since.hour, night.until.hour, night.until.date()) == (22, 6, date(2026, 11, 25))
    assert night.describe() == "Night shift: Tue 24 Nov 22:00 – Wed 25 Nov 2026 06:00"


def test_typed_ranges_are_local_and_a_bare_until_date_includes_that_day():
    p = periods.parse_range("2026-11-20", "2026-11-22", BERLIN_WINTER)
    assert p.until == datetime(2026, 11, 23, tzinfo=BERLIN_WINTER)
    assert p.describe() == "Fri 20 Nov – Sun 22 Nov 2026"
    assert periods.parse_range("2026-11-25T06:00+00:00", "2026-11-25T14:00+00:00").utc_since.hour == 6


@pytest.mark.parametrize("since, until, problem", [
    ("yesterday", None, "not an ISO date"),
    ("2026-11-25T10:00", "2026-11-25T09:00", "ends"),
    (None, "2026-11-25", "needs --since"),
])
def test_bad_ranges_are_refused_with_a_reason(since, until, problem):
    with pytest.raises(periods.PeriodError, match=problem):
        periods.parse_range(since, until, BERLIN_WINTER, now=NOW)
