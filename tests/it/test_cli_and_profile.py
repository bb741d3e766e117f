"""The IT subcommands plug into any argparse parser; a station profile configures a new bench."""

from __future__ import annotations

import argparse
import importlib.util
import sys
import tomllib
from pathlib import Path

import pytest

from app.config import load_config
from app.it import cli as it_cli
from app.it.profile import PROFILE_FILE, ProfileError, apply_on_first_start, bundled_profile, load_profile
from app.it.tomlfile import atomic_write, dumps, merge

ROOT = Path(__file__).resolve().parents[2]


def test_register_adds_the_four_commands_with_handlers():
    parser = argparse.ArgumentParser(prog="packstation")
    it_cli.register(parser.add_subparsers())
    for argv in (["doctor", "--json"], ["setup", "--yes"], ["support-bundle", "-o", "x.zip"],
                 ["autostart", "install", "--kiosk"]):
        args = parser.parse_args(argv)
        assert callable(args.handler), argv
    assert set(it_cli.COMMANDS) == {"doctor", "setup", "support-bundle", "autostart"}


def test_the_build_entry_adds_the_commands_when_app_cli_lacks_them(monkeypatch):
    """packaging/packstation_entry.py grafts the IT commands onto app.cli until app/cli.py registers them."""
    spec = importlib.util.spec_from_file_location("packstation_entry", ROOT / "packaging" / "packstation_entry.py")
    entry = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(entry)
    from app import cli

    monkeypatch.setattr(cli, "build_parser", cli.build_parser)  # restored after the test
    entry._ensure_it_commands(cli, it_cli)
    choices = entry._subcommands(cli.build_parser())
    assert set(it_cli.COMMANDS) <= choices.keys() and "replay" in choices


def test_a_profile_becomes_the_configuration_on_first_start_only(paths, tmp_path):
    profile = tmp_path / PROFILE_FILE
    profile.write_text('[profile]\nname = "WH-A"\n[printers]\nlabel = "tcp://127.0.0.1:9100"\n', encoding="utf-8")
    config = apply_on_first_start(paths, profile)
    assert config is not None and config.label_printer == "tcp://127.0.0.1:9100"
    assert load_config(paths).label_printer == "tcp://127.0.0.1:9100"
    assert "profile" not in tomllib.loads(paths.config_file.read_text())
    profile.write_text('[printers]\nlabel = "tcp://127.0.0.2:9100"\n', encoding="utf-8")
    assert apply_on_first_start(paths, profile) is None  # a configured station is never overwritten
    assert load_config(paths).label_printer == "tcp://127.0.0.1:9100"


def test_a_broken_profile_stops_the_first_start(paths, tmp_path):
    profile = tmp_path / PROFILE_FILE
    profile.write_text('[scale]\nuri = 5\n', encoding="utf-8")
    with pytest.raises(ProfileError, match="scale.uri"):
        apply_on_first_start(paths, profile)
    assert not paths.config_file.exists()
    with pytest.raises(ProfileError, match="no such profile"):
        load_profile(tmp_path / "missing.toml")


def test_a_station_run_from_source_has_no_bundled_profile(monkeypatch):
    monkeypatch.delattr(sys, "frozen", raising=False)
    assert bundled_profile() is None


def test_toml_round_trip_and_merge(tmp_path):
    data = {"station": {"name": "B-1"}, "scanner": {"serial": ["sim://scanner", 'odd "quoted"\\path']},
            "packing": {"weight_tolerance_pct": 2.5, "weigh_parcels": True, "weight_tolerance_g": 30},
            "ship_from": {"name": "Zoë Müller\tGmbH"}}
    assert tomllib.loads(dumps(data, "a header")) == data
    assert merge({"a": {"x": 1, "y": 2}}, {"a": {"y": 3}, "b": {"z": 4}}) == {"a": {"x": 1, "y": 3}, "b": {"z": 4}}
    target = tmp_path / "f.toml"
    atomic_write(target, "x = 1\n", mode=0o600)
    atomic_write(target, "x = 2\n")  # keeps the mode it had
    assert target.read_text() == "x = 2\n" and target.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["f.toml"]  # no temporary file left behind


def test_the_example_profile_in_packaging_is_valid():
    tables = load_profile(ROOT / "packaging" / "profiles" / "example-warehouse.toml")
    assert tables["printers"]["label"].startswith("tcp://") and "profile" not in tables


def test_the_built_in_profile_only_configures_a_new_station(paths, tmp_path, monkeypatch, write_station):
    from app.it import provision
    from app.it.provision import Console, SetupOptions, run_setup

    profile = tmp_path / PROFILE_FILE
    profile.write_text('[printers]\nlabel = "cups://FromProfile"\n', encoding="utf-8")
    monkeypatch.setattr(provision, "bundled_profile", lambda: profile)
    quiet = Console(ask=input, say=lambda _text: None)
    options = SetupOptions(yes=True, test_devices=False, register=False, station="NEW-1")
    assert run_setup(options, paths, quiet).code == 0
    assert load_config(paths).label_printer == "cups://FromProfile"

    write_station('[station]\nname = "OLD-1"\n[printers]\nlabel = "cups://Local"\n')
    options = SetupOptions(yes=True, test_devices=False, register=False, document_printer="cups://Office")
    assert run_setup(options, paths, quiet).code == 0
    config = load_config(paths)
    assert (config.label_printer, config.document_printer) == ("cups://Local", "cups://Office")
