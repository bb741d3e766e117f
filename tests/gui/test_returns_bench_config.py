"""The returns bench on screen runs on station.toml's [returns] rules (its start job, without a window)."""

from __future__ import annotations

from app.config import load_config, station_paths
from app.startup import open_bench
from app.ui.returns.jobs import start_job
from app.ui.worker import WorkerContext


def test_the_returns_benchs_start_job_takes_the_window_and_quarantine_bin_from_station_toml(home):
    """GIVEN [returns] window_days = 14 and quarantine_bin = "Q-HOLD"
    WHEN the returns bench starts THEN its rules, and its repository's unsellable bins, are those"""
    home.mkdir(parents=True, exist_ok=True)
    (home / "station.toml").write_text('[returns]\nwindow_days = 14\nquarantine_bin = "Q-HOLD"\n', encoding="utf-8")
    open_bench().close()  # the station's database, migrated
    ctx = WorkerContext()
    start_job(load_config(station_paths()), station_paths())(ctx)
    try:
        station = ctx.station.station
        assert (station.rules.window_days, station.rules.quarantine_bin) == (14, "Q-HOLD")
        assert not station.repo.inventory.sellable("Q-HOLD")
    finally:
        ctx.station.station.repo.close()
        ctx.bench.close()
