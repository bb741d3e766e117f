"""[returns] in station.toml: the returns bench's window and quarantine bin, and the slip's return code."""

from __future__ import annotations

import pytest

from app.config import Config, ConfigError, ReturnsSettings, parse_config
from app.domain.returns import ReturnRules


def test_without_a_returns_table_the_bench_runs_on_return_rules_own_defaults():
    """GIVEN no [returns] table THEN the rules are ReturnRules() (30 days, QUARANTINE) and slips carry no code"""
    config = parse_config({})
    assert config.returns == ReturnsSettings() == Config().returns
    assert config.returns.rules() == ReturnRules()
    defaults = ReturnsSettings()
    assert (defaults.window_days, defaults.quarantine_bin) == (ReturnRules().window_days, ReturnRules().quarantine_bin)
    assert config.returns.code_on_slip is False


def test_a_returns_table_sets_the_window_the_quarantine_bin_and_the_code_on_the_slip():
    """GIVEN [returns] window_days = 14, quarantine_bin = "q-hold", code_on_slip = true
    THEN the bench's rules take 14 days and the bin (in upper case, as bin labels carry it),
    a command's --window-days overrides the window, and slips carry the return code"""
    config = parse_config({"returns": {"window_days": 14, "quarantine_bin": "q-hold", "code_on_slip": True}})
    assert config.returns == ReturnsSettings(window_days=14, quarantine_bin="Q-HOLD", code_on_slip=True)
    assert config.returns.rules() == ReturnRules(window_days=14, quarantine_bin="Q-HOLD")
    assert config.returns.rules(window_days=60).window_days == 60
    assert parse_config({"returns": {"window_days": 0}}).returns.rules().window_days == 0  # every return is late


@pytest.mark.parametrize(("returns", "message"), [
    ({"window_days": -1}, "returns.window_days must be between 0 and 3650, not -1"),
    ({"window_days": 99999}, "returns.window_days must be between 0 and 3650, not 99999"),
    ({"window_days": "30"}, "returns.window_days must be a whole number, not '30'"),
    ({"window_days": 7.5}, "returns.window_days must be a whole number, not 7.5"),
    ({"window_days": True}, "returns.window_days must be a whole number, not True"),
    ({"quarantine_bin": ""}, "returns.quarantine_bin must be a bin name"),
    ({"quarantine_bin": "QUARANTINE SHELF"}, "returns.quarantine_bin must be a bin name of 1-32 letters"),
    ({"quarantine_bin": 7}, "returns.quarantine_bin must be text in quotes, not 7"),
    ({"code_on_slip": "yes"}, "returns.code_on_slip must be true or false, not 'yes'"),
    ({"window": 30}, "unknown key returns.window (known: code_on_slip, quarantine_bin, window_days)"),
])
def test_a_bad_returns_value_stops_the_station_naming_the_key(returns, message):
    with pytest.raises(ConfigError) as error:
        parse_config({"returns": returns}, source="station.toml")
    assert str(error.value).startswith("station.toml: ")
    assert message in str(error.value)


def test_returns_must_be_a_table():
    with pytest.raises(ConfigError, match=r"returns must be a table like \[returns\]"):
        parse_config({"returns": 30})
