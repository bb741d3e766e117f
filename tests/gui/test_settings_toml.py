"""The settings screen saves station.toml through the one TOML writer (app.it.tomlfile, tomlkit):
IT's comments and inline tables survive a save, secrets are written 0600, other files keep their mode."""

from __future__ import annotations

import os
import stat
import tomllib

import pytest

from app.config import ConfigError, load_config, parse_config
from app.it import autostart
from app.it.tomlfile import dumps, read_document, set_values, write_toml
from app.ui.settings_dialog import SettingsDialog, StationValues, save_station_config
from app.ui.ui_settings import UiSettings, load_ui_settings, save_ui_settings

posix_modes = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")

STATION = """\
# Bench 7, set up by IT on 2026-11-02 (ticket OPS-1142). Ask IT before changing [email].
[station]
name = "BENCH-7"  # the name on the bench's sticker

[printers]
# the Zebra by the door
label = "tcp://10.0.0.5:9100"

[email]
enabled = false
brand = "default"                # resources/templates/email/<brand>/
brands_by_channel = { Wholesale = "trade" }   # "trade": a brand folder you added under templates
skip_channels = ["Amazon"]       # marketplaces that tell their own customers
"""


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_settings_dialog_keeps_it_comments_and_inline_tables(qtbot, tmp_path):
    """GIVEN a station file IT wrote by hand, with comments and an inline table (docs/shipping.md)
    WHEN an admin changes the label printer and the tolerance in the settings dialog and saves
    THEN the new values are in the file and every comment and the inline table are as IT wrote them."""
    path = tmp_path / "station.toml"
    path.write_text(STATION, encoding="utf-8")
    config = parse_config(tomllib.loads(STATION), source="station.toml")
    dialog = SettingsDialog(path, StationValues.from_config(config), UiSettings())
    qtbot.addWidget(dialog)
    dialog.label_printer.setText("tcp://10.0.0.6:9100")
    dialog.tolerance_g.setValue(35)
    dialog.save()
    assert dialog.saved_config is not None, dialog.problem.text()
    text = path.read_text(encoding="utf-8")
    for line in STATION.splitlines():
        if line.lstrip().startswith("#") or "brands_by_channel" in line or "skip_channels" in line \
                or line.startswith("name ="):
            assert line in text
    assert 'label = "tcp://10.0.0.6:9100"' in text and "10.0.0.5" not in text
    raw = tomllib.loads(text)
    assert raw["email"]["brands_by_channel"] == {"Wholesale": "trade"}
    assert raw["packing"]["weight_tolerance_g"] == 35
    assert load_config_from(path).label_printer == "tcp://10.0.0.6:9100"


def load_config_from(path):
    return parse_config(tomllib.loads(path.read_text(encoding="utf-8")), source=str(path))


def test_a_refused_value_leaves_the_file_as_it_was(tmp_path):
    path = tmp_path / "station.toml"
    path.write_text(STATION, encoding="utf-8")
    with pytest.raises(ConfigError, match="scale.uri"):
        save_station_config(path, StationValues(scale="bogus://scale"))
    assert path.read_text(encoding="utf-8") == STATION


@posix_modes
def test_secrets_are_written_0600_and_other_files_keep_their_mode(tmp_path):
    """GIVEN a station file of mode 0640 WHEN the dialog saves it without a secret THEN it stays 0640;
    WHEN a central URL with a password is written THEN the file is 0600, no temporary file is left."""
    path = tmp_path / "station.toml"
    path.write_text(STATION, encoding="utf-8")
    os.chmod(path, 0o640)
    save_station_config(path, StationValues(label_printer="tcp://10.0.0.6:9100"))
    assert mode(path) == 0o640
    document = read_document(path)
    set_values(document, {"central": {"url": "postgresql://ps_bench_7:s3cret@db/warehouse"}})
    write_toml(path, document)
    assert mode(path) == 0o600
    assert "# Bench 7, set up by IT" in path.read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["station.toml"]
    fresh = tmp_path / "new.toml"
    write_toml(fresh, {"station": {"name": "B-2"}})
    assert mode(fresh) == 0o644


def test_setup_and_the_dialog_share_one_writer_that_keeps_what_it_does_not_set(home):
    """The IT tools' update and the dialog's save are the same code: either keeps the other's keys."""
    from app.config import station_paths
    from app.it.stationfile import update_config

    paths = station_paths().ensure()
    paths.config_file.write_text(STATION, encoding="utf-8")
    update_config(paths, {"scale": {"uri": "sim://scale"}})
    save_station_config(paths.config_file, StationValues(label_printer="cups://Zebra", scale="sim://scale"))
    config = load_config(paths)
    assert (config.label_printer, config.scale) == ("cups://Zebra", "sim://scale")
    assert "brands_by_channel = { Wholesale = \"trade\" }" in paths.config_file.read_text(encoding="utf-8")


def test_ui_toml_keeps_its_comments_and_the_kiosk_switch_keeps_them_too(tmp_path):
    path = tmp_path / "ui.toml"
    path.write_text('# bench 7 runs dark (night shift)\n[ui]\ntheme = "dark"  # IT\n', encoding="utf-8")
    save_ui_settings(path, UiSettings(theme="dark", volume=30))
    autostart.set_fullscreen(path, True)
    text = path.read_text(encoding="utf-8")
    assert "# bench 7 runs dark (night shift)" in text and 'theme = "dark"  # IT' in text
    assert load_ui_settings(path) == (UiSettings(theme="dark", volume=30, fullscreen=True), None)


def test_plain_tables_write_as_toml_reads_them():
    data = {"station": {"name": "B-1"}, "email": {"brands_by_channel": {"Wholesale": "trade", "B2B": "trade"}},
            "scanner": {"serial": ["sim://scanner", 'odd "quoted"\\path']}}
    assert tomllib.loads(dumps(data, "a header")) == data
    with pytest.raises(ValueError, match="station.since"):
        dumps({"station": {"since": object()}})
