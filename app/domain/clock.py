"""The one clock of Packstation: every "what time is it" in app/ asks here.

Time is an input. Code that needs the current moment calls ``clock.now()`` (an aware UTC
datetime) or ``clock.today()`` (the date on the station's local calendar), never
``datetime.now()`` or ``date.today()`` directly, so that a test or a command can set the time
for the whole application. Durations and time-outs keep using ``time.monotonic()``: they measure
how long something took, not what time it is.

Setting the clock:

- In-process (tests): ``with clock.frozen(datetime(2027, 3, 1, 9, tzinfo=UTC)): ...`` stops the
  clock at that instant, ``with clock.shifted(timedelta(days=400)): ...`` runs it ahead of the
  wall clock; ``clock.set_source(fn)`` / ``clock.set_source(None)`` do the same without a block.
- Across processes: the environment variable ``PACKSTATION_CLOCK`` is read by every process, so a
  CLI a test starts as a subprocess follows the same clock as the test that started it:

  - ``PACKSTATION_CLOCK=2027-03-01T09:00:00+01:00`` — the clock stands still at that instant (a
    datetime without offset is local time; a bare date ``2027-03-01`` is noon local time);
  - ``PACKSTATION_CLOCK=+400d`` — the wall clock shifted by an offset: a signed number with a unit
    ``w`` (weeks), ``d``, ``h``, ``m`` or ``s``, several allowed (``-1d12h``).

  An in-process setting wins over the environment. A malformed value raises ``ValueError`` naming
  the variable on the first read of the clock.

Standard library only, so the pure domain may use it. The whole process's clock (PostgreSQL,
SQLite's ``CURRENT_TIMESTAMP``, file times) can also be shifted from outside with libfaketime;
``.ci/run`` does that to catch time bombs (see README, "Testing").
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, date, datetime, time, timedelta, tzinfo

ENV = "PACKSTATION_CLOCK"

_UNITS = {"w": "weeks", "d": "days", "h": "hours", "m": "minutes", "s": "seconds"}
_OFFSET = re.compile(r"^[+-](?:\d+(?:\.\d+)?[wdhms])+$")
_PART = re.compile(r"(\d+(?:\.\d+)?)([wdhms])")

_source: Callable[[], datetime] | None = None
_env_text: str | None = None
_env_source: Callable[[], datetime] | None = None


def _wall() -> datetime:
    return datetime.now(UTC)


def parse(text: str) -> Callable[[], datetime]:
    """A clock source from a ``PACKSTATION_CLOCK`` value (see the module docstring).

    >>> parse("2027-03-01T09:00:00+01:00")().isoformat()
    '2027-03-01T08:00:00+00:00'
    """
    value = text.strip()
    if _OFFSET.match(value):
        sign = -1 if value[0] == "-" else 1
        delta = sum((timedelta(**{_UNITS[unit]: float(n)}) for n, unit in _PART.findall(value)), timedelta())
        return lambda: _wall() + sign * delta
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            fixed = datetime.combine(date.fromisoformat(value), time(12)).astimezone()
        else:
            fixed = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{ENV}={text!r}: expected an ISO date or datetime (2027-03-01T09:00:00+01:00) "
                         "or an offset from now (+400d, -2h30m)") from None
    if fixed.tzinfo is None:
        fixed = fixed.astimezone()
    at = fixed.astimezone(UTC)
    return lambda: at


def _from_env() -> Callable[[], datetime]:
    global _env_text, _env_source
    text = os.environ.get(ENV, "")
    if text != _env_text or _env_source is None:
        _env_source = parse(text) if text.strip() else _wall
        _env_text = text
    return _env_source


def now() -> datetime:
    """The current moment, an aware datetime in UTC."""
    at = (_source or _from_env())()
    return at if at.tzinfo is UTC else at.astimezone(UTC)


def local_now() -> datetime:
    """The current moment in the station's local time zone (aware)."""
    return now().astimezone()


def today() -> date:
    """Today's date on the station's local calendar."""
    return now().astimezone().date()


def local_zone() -> tzinfo:
    """The station's local time zone (its UTC offset at the current moment)."""
    zone = now().astimezone().tzinfo
    assert zone is not None
    return zone


def timestamp() -> float:
    """The current moment as POSIX seconds (for records that store a float time)."""
    return now().timestamp()


def set_source(source: Callable[[], datetime] | None) -> None:
    """Make ``source`` the clock of this process (``None``: back to the environment / wall clock)."""
    global _source
    _source = source


@contextmanager
def _using(source: Callable[[], datetime]) -> Iterator[None]:
    global _source
    before = _source
    _source = source
    try:
        yield
    finally:
        _source = before


def frozen(at: datetime) -> AbstractContextManager[None]:
    """Within the block the clock stands still at ``at`` (a naive datetime is local time)."""
    fixed = (at if at.tzinfo else at.astimezone()).astimezone(UTC)
    return _using(lambda: fixed)


def shifted(delta: timedelta) -> AbstractContextManager[None]:
    """Within the block the clock runs ``delta`` ahead of (or, negative, behind) the wall clock."""
    return _using(lambda: _wall() + delta)

