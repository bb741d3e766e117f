"""The time a supervisor asks about: today, a shift, yesterday, this week, or any range.

A Period is a half-open range [since, until) of aware datetimes. Events are stored in UTC;
periods are built in the supervisor's local time zone (a shift starts at 06:00 on the wall
clock) and converted to UTC for the queries.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from app.domain import clock

# A warehouse's usual shifts; a night shift ends on the next day.
SHIFTS: dict[str, tuple[time, time]] = {
    "early": (time(6, 0), time(14, 0)),
    "late": (time(14, 0), time(22, 0)),
    "night": (time(22, 0), time(6, 0)),
}


class PeriodError(ValueError):
    """A period cannot be built as asked; the message says why."""


def local_zone() -> tzinfo:
    zone = clock.local_zone()
    assert zone is not None
    return zone


@dataclass(frozen=True)
class Period:
    since: datetime
    until: datetime
    label: str = ""

    def __post_init__(self) -> None:
        if self.since.tzinfo is None or self.until.tzinfo is None:
            raise PeriodError("a period needs time-zone aware datetimes")
        if self.until <= self.since:
            raise PeriodError(f"the period ends ({self.until:%Y-%m-%d %H:%M}) before it starts "
                              f"({self.since:%Y-%m-%d %H:%M})")

    @property
    def utc_since(self) -> datetime:
        return self.since.astimezone(UTC)

    @property
    def utc_until(self) -> datetime:
        return self.until.astimezone(UTC)

    @property
    def seconds(self) -> float:
        return (self.until - self.since).total_seconds()

    def describe(self) -> str:
        """In the supervisor's words: "Today: Wed 25 Nov 2026", "Early shift: Wed 25 Nov 2026, 06:00–14:00"."""
        start, end = self.since, self.until
        midnight = start.time() == time(0) and end.time() == time(0)
        last_day = (end - timedelta(microseconds=1)).date()
        if midnight and last_day == start.date():
            text = f"{start:%a %d %b %Y}"
        elif midnight:
            text = f"{start:%a %d %b} – {last_day:%a %d %b %Y}"
        elif start.date() == last_day:
            text = f"{start:%a %d %b %Y}, {start:%H:%M}–{end:%H:%M}"
        else:
            text = f"{start:%a %d %b %H:%M} – {end:%a %d %b %Y %H:%M}"
        if self.label and self.label != text:
            return f"{self.label}: {text}"
        return text


def _at(day: date, clock: time, zone: tzinfo) -> datetime:
    return datetime.combine(day, clock).replace(tzinfo=zone)


def today(now: datetime | None = None, zone: tzinfo | None = None) -> Period:
    """From local midnight until the end of the day (events after `now` do not exist yet)."""
    zone = zone or local_zone()
    now = (now or clock.now()).astimezone(zone)
    start = _at(now.date(), time(0), zone)
    return Period(start, start + timedelta(days=1), "Today")


def day(which: date, zone: tzinfo | None = None, label: str = "") -> Period:
    zone = zone or local_zone()
    start = _at(which, time(0), zone)
    return Period(start, _at(which + timedelta(days=1), time(0), zone), label or f"{which:%a %d %b}")


def yesterday(now: datetime | None = None, zone: tzinfo | None = None) -> Period:
    zone = zone or local_zone()
    now = (now or clock.now()).astimezone(zone)
    return day(now.date() - timedelta(days=1), zone, "Yesterday")


def this_week(now: datetime | None = None, zone: tzinfo | None = None) -> Period:
    zone = zone or local_zone()
    now = (now or clock.now()).astimezone(zone)
    monday = now.date() - timedelta(days=now.weekday())
    return Period(_at(monday, time(0), zone), _at(monday + timedelta(days=7), time(0), zone), "This week")


def shift(name: str, on: date | None = None, zone: tzinfo | None = None, now: datetime | None = None) -> Period:
    """A named shift on a day (default: the shift of that name that started most recently)."""
    if name not in SHIFTS:
        raise PeriodError(f"unknown shift {name!r}; one of {', '.join(SHIFTS)}")
    zone = zone or local_zone()
    begin, end = SHIFTS[name]
    if on is None:
        moment = (now or clock.now()).astimezone(zone)
        on = moment.date()
        if _at(on, begin, zone) > moment:
            on -= timedelta(days=1)
    start = _at(on, begin, zone)
    stop = _at(on + timedelta(days=1) if end <= begin else on, end, zone)
    return Period(start, stop, f"{name.capitalize()} shift")


def parse_moment(text: str, zone: tzinfo | None = None) -> datetime:
    """An ISO date or date-time; naive values are local time (what a supervisor types)."""
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        raise PeriodError(f"not an ISO date or time: {text!r} (e.g. 2026-11-25 or 2026-11-25T06:00)") from None
    return value if value.tzinfo else value.replace(tzinfo=zone or local_zone())


def parse_range(since: str | None, until: str | None, zone: tzinfo | None = None,
                now: datetime | None = None) -> Period:
    """--since/--until as typed: a date alone for --until means the end of that day."""
    zone = zone or local_zone()
    if since is None and until is None:
        return today(now, zone)
    if since is None:
        raise PeriodError("--until needs --since")
    start = parse_moment(since, zone)
    if until is None:
        stop = (now or clock.now()).astimezone(zone)
        stop = max(stop, start + timedelta(seconds=1))
    else:
        stop = parse_moment(until, zone)
        if len(until.strip()) == 10:  # a bare date: include that whole day
            stop += timedelta(days=1)
    return Period(start, stop)
