"""The primary key of a row just inserted."""

from __future__ import annotations

from typing import Any

from sqlalchemy import CursorResult


def inserted_id(result: CursorResult[Any]) -> Any:
    """The primary key that a single-row INSERT made.

    SQLAlchemy types `inserted_primary_key` as optional because an executemany has none; a
    single-row insert always has it, so its absence is a programming error, not a case to handle.
    """
    key = result.inserted_primary_key
    if key is None:
        raise TypeError("inserted_id() takes the result of a single-row INSERT")
    return key[0]
