"""The station's TOML: defaults when absent, and errors that name the key and the problem."""

from __future__ import annotations

import pytest

from app.config import ConfigError, load_config, parse_config, station_paths


def test_no_file_means_defaults_and_no_weighing_without_a_scale(home):
    config = load_config(station_paths())
    assert config.packing.weigh_parcels is False and config.database_url == ""


def test_paths_follow_packstation_home(home):
    paths = station_paths()
    assert paths.database == home.resolve() / "data" / "station.db"
    assert paths.config_file == home.resolve() / "station.toml"


def test_a_network_zebra_and_a_cups_office_printer_are_configured():
    config = parse_config({"printers": {"label": "tcp://10.0.0.5:9100", "document": "cups://Office"},
                           "scanner": {"serial": ["serial:///dev/ttyACM0?baud=115200", "usb://0c2e:0b61"]},
                           "camera": {"device": "auto", "retention_days": 30}})
    assert (config.label_printer, config.document_printer) == ("tcp://10.0.0.5:9100", "cups://Office")
    assert config.scanner.serial == ("serial:///dev/ttyACM0?baud=115200", "usb://0c2e:0b61")
    assert (config.camera.device, config.camera.retention_days) == ("auto", 30)


def test_a_scale_turns_weighing_on_and_values_are_read():
    config = parse_config({"station": {"name": "BENCH-7"}, "scale": {"uri": "sim://scale"},
                           "packing": {"weight_tolerance_g": 30, "weight_tolerance_pct": 2.5}})
    assert (config.station, config.packing.weigh_parcels, config.packing.weight_tolerance_g) == ("BENCH-7", True, 30)


@pytest.mark.parametrize(("raw", "names"), [
    ({"packing": {"weight_tolerance_g": "fifty"}}, "packing.weight_tolerance_g must be a whole number"),
    ({"packing": {"weight_tolerance_pct": 150}}, "packing.weight_tolerance_pct must be between 0 and 100"),
    ({"packing": {"colour": "red"}}, "unknown key packing.colour"),
    ({"printer": {"label": "x"}}, "unknown section [printer]"),
    ({"station": {"name": "bench one!"}}, "station.name 'bench one!'"),
    ({"scanner": {"order_pattern": "(["}}, "scanner.order_pattern is not a valid regular expression"),
    ({"packing": {"weigh_parcels": "yes"}}, "packing.weigh_parcels must be true or false"),
    ({"station": "BENCH"}, "station must be a table"),
    ({"scale": {"uri": "/dev/ttyUSB0"}}, "scale.uri '/dev/ttyUSB0' is not a device URI"),
    ({"scanner": {"serial": [1]}}, "scanner.serial must be a list of device URIs"),
    ({"printers": {"label": "10.0.0.5:9100"}}, "printers.label '10.0.0.5:9100' is not a printer URI"),
    ({"printers": {"label_dpi": 250}}, "printers.label_dpi must be one of 203, 300, 600"),
    ({"camera": {"retention_days": -1}}, "camera.retention_days must be between 0"),
])
def test_bad_values_name_the_key(raw, names):
    with pytest.raises(ConfigError, match=None) as error:
        parse_config(raw)
    assert names in str(error.value)


def test_a_broken_file_is_reported_with_its_path(home, monkeypatch, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_bytes(b"[station\nname = 1")
    monkeypatch.setenv("PACKSTATION_CONFIG", str(bad))
    with pytest.raises(ConfigError, match="bad.toml: not valid TOML"):
        load_config(station_paths())
    bad.write_bytes(b"\xff\xfe[station]")
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_config(station_paths())
