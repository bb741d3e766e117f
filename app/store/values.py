"""Values as the station database hands them back, made what the app works with.

SQLite keeps no time zone: the station writes UTC and reads back naive datetimes. Event
payloads are JSON text, and an unreadable one must not break a report.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any, overload


@overload
def as_utc(moment: datetime) -> datetime: ...
@overload
def as_utc(moment: None) -> None: ...
@overload
def as_utc(moment: datetime | None) -> datetime | None: ...
def as_utc(moment: datetime | None) -> datetime | None:
    """A stored datetime with its zone (UTC when the database dropped it); None stays None."""
    if moment is None:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def json_object(text: str | None) -> dict[str, Any]:
    """A stored JSON payload as a dict; {} for no payload, unreadable JSON or a non-object."""
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}
