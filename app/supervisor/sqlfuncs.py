"""The few SQL expressions that differ between SQLite and PostgreSQL, in one place.

Every supervisor query is SQLAlchemy Core; only these constructs compile differently per
dialect. Moving the supervisor to the central PostgreSQL database means checking this file,
nothing else (docs/supervisor.md, "PostgreSQL").

- `epoch(ts)`: a timestamp as seconds since 1970 (float). SQLite stores DateTime as UTC text
  ("2026-11-25 08:00:00.000000"), so it goes through julianday(); PostgreSQL has EXTRACT(EPOCH).
- `json_int(payload, key)`, `json_bool(payload, key)`: one field of the event's JSON payload
  (a Text column). SQLite: json_extract(); PostgreSQL: payload::json ->> key, cast.
- `floor_to(x, step)`: x rounded down to a multiple of step, as an integer.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import BigInteger, Boolean, Float, Integer
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import ColumnElement, FunctionElement
from sqlalchemy.sql.visitors import InternalTraversal

_KEY = re.compile(r"[a-z_][a-z0-9_]{0,31}")


class epoch(FunctionElement[float]):  # noqa: N801 - reads like the SQL function it is
    type = Float()
    name = "epoch"
    inherit_cache = True


@compiles(epoch, "sqlite")
def _epoch_sqlite(element: epoch, compiler: Any, **kw: Any) -> str:
    return f"((julianday({compiler.process(element.clauses, **kw)}) - 2440587.5) * 86400.0)"


@compiles(epoch)
def _epoch_default(element: epoch, compiler: Any, **kw: Any) -> str:  # PostgreSQL and the SQL standard
    return f"EXTRACT(EPOCH FROM {compiler.process(element.clauses, **kw)})"


class _JsonField(FunctionElement[Any]):
    inherit_cache = True
    # The key is part of the statement's cache key: json_int(p, "units") and json_int(p, "box")
    # must never share a compiled statement.
    _traverse_internals = [*FunctionElement._traverse_internals, ("key", InternalTraversal.dp_string)]

    def __init__(self, payload: ColumnElement[Any], key: str) -> None:
        if not _KEY.fullmatch(key):  # rendered into the SQL text, so never from user input
            raise ValueError(f"bad JSON key {key!r}")
        self.key = key
        super().__init__(payload)


class json_int(_JsonField):  # noqa: N801
    type = Integer()
    name = "json_int"
    inherit_cache = True


class json_bool(_JsonField):  # noqa: N801
    type = Boolean()
    name = "json_bool"
    inherit_cache = True


@compiles(json_int, "sqlite")
@compiles(json_bool, "sqlite")
def _json_sqlite(element: _JsonField, compiler: Any, **kw: Any) -> str:
    # json_extract returns 1/0 for JSON true/false, which SQLite compares with true/false (1/0).
    return f"json_extract({compiler.process(element.clauses, **kw)}, '$.{element.key}')"


@compiles(json_int)
def _json_int_pg(element: json_int, compiler: Any, **kw: Any) -> str:
    return f"CAST((CAST({compiler.process(element.clauses, **kw)} AS JSON) ->> '{element.key}') AS INTEGER)"


@compiles(json_bool)
def _json_bool_pg(element: json_bool, compiler: Any, **kw: Any) -> str:
    return f"CAST((CAST({compiler.process(element.clauses, **kw)} AS JSON) ->> '{element.key}') AS BOOLEAN)"


class floor_to(FunctionElement[int]):  # noqa: N801
    type = BigInteger()
    name = "floor_to"
    inherit_cache = True
    _traverse_internals = [*FunctionElement._traverse_internals, ("step", InternalTraversal.dp_plain_obj)]

    def __init__(self, value: ColumnElement[Any], step: int) -> None:
        if step < 1:
            raise ValueError("step must be a positive whole number")
        self.step = int(step)
        super().__init__(value)


@compiles(floor_to, "sqlite")
def _floor_sqlite(element: floor_to, compiler: Any, **kw: Any) -> str:
    # CAST truncates towards zero, which is floor for the positive epoch values used here.
    return f"(CAST(({compiler.process(element.clauses, **kw)}) / {element.step} AS INTEGER) * {element.step})"


@compiles(floor_to)
def _floor_default(element: floor_to, compiler: Any, **kw: Any) -> str:
    return f"(CAST(FLOOR(({compiler.process(element.clauses, **kw)}) / {element.step}) AS BIGINT) * {element.step})"


class greatest(FunctionElement[Any]):  # noqa: N801
    """The largest of its arguments, NULLs ignored (SQLite's max(a, b) is NULL if any is NULL)."""

    name = "greatest"
    inherit_cache = True


@compiles(greatest, "sqlite")
def _greatest_sqlite(element: greatest, compiler: Any, **kw: Any) -> str:
    args = [f"coalesce({compiler.process(arg, **kw)}, -1)" for arg in element.clauses]
    return f"nullif(max({', '.join(args)}), -1)"


@compiles(greatest)
def _greatest_default(element: greatest, compiler: Any, **kw: Any) -> str:
    return f"GREATEST({compiler.process(element.clauses, **kw)})"  # PostgreSQL ignores NULLs


class unindexed(FunctionElement[Any]):  # noqa: N801
    """A column that SQLite must not search by index (`+column`, its documented hint); elsewhere the
    column itself, left to the planner. For a range that holds most of a table, SQLite's index
    search plus a table look-up per row costs several times one pass over the table."""

    name = "unindexed"
    inherit_cache = True

    def __init__(self, column: ColumnElement[Any]) -> None:
        super().__init__(column)
        self.type = column.type


@compiles(unindexed, "sqlite")
def _unindexed_sqlite(element: unindexed, compiler: Any, **kw: Any) -> str:
    return f"+{compiler.process(element.clauses, **kw)}"


@compiles(unindexed)
def _unindexed_default(element: unindexed, compiler: Any, **kw: Any) -> str:
    return compiler.process(element.clauses, **kw)
