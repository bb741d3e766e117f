"""A station database holding the scenario's shift (tests/supervisor/scenario.py), built once per
session through real Stations and copied for each test that uses it."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import: no display needed

import shutil  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from app.store.db import make_engine  # noqa: E402
from app.supervisor.service import StatsService  # noqa: E402
from tests.supervisor import scenario  # noqa: E402


@pytest.fixture(scope="session")
def shift_home(tmp_path_factory) -> Path:
    home = tmp_path_factory.mktemp("shift") / "station"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PACKSTATION_HOME", str(home))
        mp.delenv("PACKSTATION_CONFIG", raising=False)
        from app.startup import open_bench

        bench = open_bench()
        scenario.seed_shift(bench.sessions)
        codes = scenario.run_shift(bench, mp)
        # The scenario's shift lasts minutes: its rates are checked as arithmetic, so the floor of
        # active time under a rate is off here (tests/supervisor/test_thin_data.py covers the floor).
        config = bench.paths.config_file
        config.write_text((config.read_text(encoding="utf-8") if config.exists() else "")
                          + "\n[supervisor]\nmin_active_minutes = 0\n", encoding="utf-8")
        bench.close()
    for key, code in scenario.EXPECTED_CODES.items():
        assert (*key, code) in codes, f"{key}: {[c for c in codes if c[:2] == key]}"
    return home


@pytest.fixture
def shift(shift_home, home) -> Path:
    """This test's own copy of the shift's station (PACKSTATION_HOME points at it)."""
    shutil.copytree(shift_home, home, dirs_exist_ok=True)
    return home


@pytest.fixture
def engine(shift):
    engine = make_engine(f"sqlite:///{scenario.database(shift)}")
    yield engine
    engine.dispose()


@pytest.fixture
def service(engine) -> StatsService:
    return StatsService(engine, min_active_s=0)  # minutes of shift: rates as arithmetic (see shift_home)
