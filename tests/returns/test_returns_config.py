"""`packstation returns replay` runs the returns bench on station.toml's [returns] rules;
--window-days overrides the window for one run."""

from __future__ import annotations

import json

import pytest

from app.returns.cli import main
from app.returns.demo import RETURN_ORDER  # shipped 5 days ago


def configure(home, returns: str) -> None:
    home.mkdir(parents=True, exist_ok=True)
    (home / "station.toml").write_text('[station]\nname = "RET-1"\n' + returns, encoding="utf-8")


def replay(capsys, tmp_path, *flags: str) -> list[str]:
    script = tmp_path / "scans.txt"
    script.write_text(f"PS:BADGE:P-1001\n{RETURN_ORDER}\n", encoding="utf-8")
    assert main(["returns", "replay", str(script), *flags]) == 0
    return [json.loads(line)["code"] for line in capsys.readouterr().out.splitlines()]


@pytest.fixture
def demo(home, capsys):
    def seed(returns: str = "") -> None:
        configure(home, returns)
        assert main(["bulk", "demo"]) == 0
        capsys.readouterr()

    return seed


def test_a_return_inside_the_configured_window_opens(demo, capsys, tmp_path):
    """GIVEN the default window (30 days) WHEN an order shipped 5 days ago is scanned THEN its return opens"""
    demo()
    assert replay(capsys, tmp_path) == ["signed_in", "return_opened"]


def test_a_shorter_window_in_station_toml_makes_the_same_return_late(demo, capsys, tmp_path):
    """GIVEN [returns] window_days = 3 WHEN the order shipped 5 days ago is scanned
    THEN the bench says the return is late (a supervisor decides)"""
    demo("[returns]\nwindow_days = 3\n")
    assert replay(capsys, tmp_path)[-1] == "late_return"


def test_the_window_days_flag_overrides_station_toml_for_one_run(demo, capsys, tmp_path):
    demo("[returns]\nwindow_days = 3\n")
    assert replay(capsys, tmp_path, "--window-days", "30") == ["signed_in", "return_opened"]


def test_a_negative_window_days_flag_is_refused_naming_the_flag(demo, capsys, tmp_path):
    demo()
    script = tmp_path / "scans.txt"
    script.write_text("PS:BADGE:P-1001\n", encoding="utf-8")
    assert main(["returns", "replay", str(script), "--window-days", "-1"]) == 2
    assert "--window-days must be 0 or more" in capsys.readouterr().err
