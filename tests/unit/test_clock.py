"""Time is an input: one clock (app.domain.clock) that tests and commands set, and nothing else reads the time."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from app.domain import clock

ROOT = Path(__file__).resolve().parents[2]

# Reading the wall clock directly. Durations use time.monotonic()/perf_counter(), which are fine.
WALL_CLOCK_READS = re.compile(
    r"\b(?:datetime\.(?:now|utcnow|today)\s*\("
    r"|date\.today\b"
    r"|time\.time\b|time\.(?:localtime|gmtime|ctime|asctime)\(\s*\)"
    r"|time\.strftime\(\s*(?:f?'[^']*'|f?\"[^\"]*\")\s*\))")
# A line may read the wall clock on purpose, saying why: "# wall clock: <reason>".
ALLOWED = re.compile(r"#\s*wall clock:")


@pytest.fixture(autouse=True)
def no_env_clock(monkeypatch):
    monkeypatch.delenv(clock.ENV, raising=False)


def test_nothing_in_app_or_printers_reads_the_wall_clock_but_the_clock_module():
    """GIVEN every Python file of app/ and printers/
    WHEN they are searched for datetime.now(), date.today(), time.time() and the like
    THEN only app/domain/clock.py reads the wall clock (or a line that says why it must: '# wall clock: ...')."""
    offenders = []
    for path in sorted([*(ROOT / "app").rglob("*.py"), *(ROOT / "printers").rglob("*.py")]):
        if path == ROOT / "app" / "domain" / "clock.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            code = line.split("#", 1)[0] if not ALLOWED.search(line) else ""
            if WALL_CLOCK_READS.search(code):
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not offenders, "read the time through app.domain.clock (now(), today()):\n" + "\n".join(offenders)


def test_tests_compare_with_the_apps_clock_not_the_wall_clock():
    """GIVEN every Python file of tests/ (the benchmarks, this file and a fake third-party server aside)
    WHEN they are searched for datetime.now() and date.today()
    THEN none reads them: a test's "now" is the app's (clock.now(), clock.today(), tests.support.TODAY), so
    the suite passes on any date and with the clock set."""
    own = {Path(__file__).resolve(), ROOT / "tests" / "sources" / "fake_shopify.py",
           ROOT / "tests" / "supervisor" / "screenshots.py"}  # Shopify's clock; screenshots of the real now
    dates = re.compile(r"\b(?:datetime\.(?:now|utcnow|today)\s*\(|date\.today\b)")
    offenders = [f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
                 for path in sorted((ROOT / "tests").rglob("*.py"))
                 if path.resolve() not in own and "bench" not in path.relative_to(ROOT).parts
                 for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
                 if dates.search(line.split("#", 1)[0]) and not ALLOWED.search(line)]
    assert not offenders, "tests read the time through app.domain.clock:\n" + "\n".join(offenders)


def test_the_rule_catches_the_usual_ways_of_reading_the_time():
    """GIVEN lines that read the wall clock in the ways Python offers
    WHEN the rule's pattern looks at them
    THEN each is caught, and monotonic timers and conversions are not."""
    caught = ["datetime.now(UTC)", "datetime.now()", "dt.datetime.utcnow()", "date.today()", "time.time()",
              "today: Callable[[], date] = date.today", "stamp: Callable[[], float] = time.time",
              "time.strftime('%Y%m%d')"]
    fine = ["time.monotonic()", "time.perf_counter()", "datetime.fromtimestamp(seconds, UTC)",
            "clock.now()", "clock.today()", "time.strftime('%H', moment)", "date.fromisoformat(text)"]
    assert [line for line in caught if not WALL_CLOCK_READS.search(line)] == []
    assert [line for line in fine if WALL_CLOCK_READS.search(line)] == []


def test_now_is_aware_utc_and_today_is_the_local_date():
    """GIVEN the clock frozen at 23:30 UTC on New Year's Eve 2030
    WHEN now() and today() are read
    THEN now() is that instant in UTC and today() is the date of that instant in the local zone."""
    at = datetime(2030, 12, 31, 23, 30, tzinfo=UTC)
    with clock.frozen(at):
        assert clock.now() == at and clock.now().tzinfo is UTC
        assert clock.today() == at.astimezone().date()
        assert clock.local_now() == at and clock.local_now().utcoffset() == at.astimezone().utcoffset()


def test_frozen_accepts_any_zone_and_restores_the_clock_after_the_block():
    """GIVEN a moment given in UTC+01:00
    WHEN the clock is frozen there and the block ends
    THEN inside, now() is the same instant in UTC; after it, the clock runs again."""
    with clock.frozen(datetime(2027, 3, 1, 9, 0, tzinfo=timezone(timedelta(hours=1)))):
        assert clock.now() == datetime(2027, 3, 1, 8, 0, tzinfo=UTC)
    assert abs(clock.now() - datetime.now(UTC)) < timedelta(seconds=5)


def test_shifted_runs_ahead_of_the_wall_clock():
    """GIVEN the clock shifted 400 days ahead
    WHEN now() is read
    THEN it is 400 days after the wall clock, and still ticking."""
    with clock.shifted(timedelta(days=400)):
        ahead = clock.now() - datetime.now(UTC)
    assert timedelta(days=400) - timedelta(seconds=5) < ahead <= timedelta(days=400)


@pytest.mark.parametrize(("text", "expected"), [
    ("2027-03-01T09:00:00+01:00", datetime(2027, 3, 1, 8, 0, tzinfo=UTC)),
    ("2027-03-01T08:00:00Z", datetime(2027, 3, 1, 8, 0, tzinfo=UTC)),
    ("2027-03-01T09:00:00", datetime(2027, 3, 1, 9, 0).astimezone().astimezone(UTC)),
    ("2027-03-01", datetime(2027, 3, 1, 12, 0).astimezone().astimezone(UTC)),
])
def test_the_environment_fixes_the_clock_at_an_instant(monkeypatch, text, expected):
    """GIVEN PACKSTATION_CLOCK set to an ISO datetime (with or without offset) or a date
    WHEN the clock is read
    THEN it stands at that instant (local time when no offset is given, noon for a bare date)."""
    monkeypatch.setenv(clock.ENV, text)
    assert clock.now() == expected


@pytest.mark.parametrize(("text", "delta"), [
    ("+400d", timedelta(days=400)), ("-2h30m", -timedelta(hours=2, minutes=30)),
    ("+1w1d", timedelta(days=8)), ("+90s", timedelta(seconds=90)),
])
def test_the_environment_shifts_the_clock_by_an_offset(monkeypatch, text, delta):
    """GIVEN PACKSTATION_CLOCK set to an offset from now
    WHEN the clock is read
    THEN it is the wall clock moved by that offset."""
    monkeypatch.setenv(clock.ENV, text)
    assert abs(clock.now() - datetime.now(UTC) - delta) < timedelta(seconds=5)


def test_an_in_process_setting_wins_over_the_environment(monkeypatch):
    """GIVEN PACKSTATION_CLOCK says +400d and a test freezes the clock
    WHEN the clock is read inside the block
    THEN the frozen moment wins."""
    monkeypatch.setenv(clock.ENV, "+400d")
    with clock.frozen(datetime(2030, 1, 1, tzinfo=UTC)):
        assert clock.today() == datetime(2030, 1, 1, tzinfo=UTC).astimezone().date()


@pytest.mark.parametrize("text", ["tomorrow", "+400", "400d", "2027-13-01", "+4x"])
def test_a_malformed_environment_value_is_refused_with_the_variable_named(monkeypatch, text):
    """GIVEN PACKSTATION_CLOCK set to something that is neither a moment nor an offset
    WHEN the clock is read
    THEN a ValueError names the variable and the forms it accepts."""
    monkeypatch.setenv(clock.ENV, text)
    with pytest.raises(ValueError, match=r"PACKSTATION_CLOCK=.*expected an ISO date"):
        clock.now()


def test_a_subprocess_follows_the_clock_of_its_environment(tmp_path):
    """GIVEN a command started with PACKSTATION_CLOCK fixed at 1 March 2027, 09:00 in UTC+01:00
    WHEN it asks the clock for the time
    THEN it gets that instant, as a CLI started by a test does."""
    code = "from app.domain import clock; print(clock.now().isoformat())"
    env = {**os.environ, clock.ENV: "2027-03-01T09:00:00+01:00"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True,
                         cwd=ROOT).stdout.strip()
    assert out == "2027-03-01T08:00:00+00:00"
    assert date.fromisoformat(out[:10]) == date(2027, 3, 1)
