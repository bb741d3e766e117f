"""Every supervisor statement also compiles for PostgreSQL: moving the console to a PostgreSQL
database of the station schema is the dialect switch in app.supervisor.sqlfuncs, nothing else.
(Run against a live server in the integration tests; here only compiled, so no server is needed.)"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime

import pytest
from sqlalchemy.dialects import postgresql, sqlite

from app.supervisor import floor, rollup
from app.supervisor.cli import cmd_stats, cmd_supervisor, period_from, register
from app.supervisor.rollup import Scope, bucket_rows, cycle_rows, upsert_buckets

SINCE, UNTIL = datetime(2026, 11, 25, 6, tzinfo=UTC), datetime(2026, 11, 25, 14, tzinfo=UTC)


@pytest.mark.parametrize("scope", [Scope.seqs(0, 100), Scope.times(SINCE, UNTIL)], ids=["seqs", "times"])
def test_the_roll_up_statements_compile_for_postgresql(scope):
    buckets, cycles = (str(s.compile(dialect=postgresql.dialect())) for s in (bucket_rows(scope), cycle_rows(scope)))
    for sql in (buckets, cycles):
        assert "EXTRACT(EPOCH FROM" in sql and "julianday" not in sql
    assert "CAST(pack_events.payload AS JSON) ->> 'units'" in buckets
    upsert = str(upsert_buckets("postgresql", bucket_rows(scope)).compile(dialect=postgresql.dialect()))
    assert "ON CONFLICT (bucket, station, packer_id) DO UPDATE" in upsert


def test_sqlite_gets_its_own_spelling_of_the_same_statements():
    sql = str(bucket_rows(Scope.seqs(0, 1)).compile(dialect=sqlite.dialect()))
    assert "julianday" in sql and "json_extract(pack_events.payload, '$.units')" in sql


def test_the_floor_query_compiles_for_postgresql():
    sql = str(floor._floor_query(SINCE).compile(dialect=postgresql.dialect()))
    assert "GREATEST(" in sql


def test_a_json_key_is_never_taken_from_user_input():
    from sqlalchemy import column

    from app.supervisor.sqlfuncs import json_int

    with pytest.raises(ValueError):
        json_int(column("payload"), "units') OR 1=1 --")
    assert rollup.BUCKET_S == 900


def test_the_cli_registers_stats_and_supervisor_on_the_main_parser():
    parser = argparse.ArgumentParser(prog="packstation")
    register(parser.add_subparsers())
    assert parser.parse_args(["supervisor"]).handler is cmd_supervisor
    args = parser.parse_args(["stats", "--shift", "early", "--date", "2026-11-25", "--by", "station"])
    assert args.handler is cmd_stats and args.by == "station"
    assert (period_from(args).since.hour, period_from(args).until.hour) == (6, 14)
    whole_day = period_from(parser.parse_args(["stats", "--date", "2026-11-25"]))
    assert (whole_day.until - whole_day.since).days == 1
