"""Settings behind the admin badge, the TOML they write, language, theme, kiosk fit, sound."""

from __future__ import annotations

import tomllib

import pytest
from PySide6.QtWidgets import QPushButton

from app.config import ConfigError, load_config
from app.it.tomlfile import dumps, write_toml
from app.ui.settings_dialog import StationValues, save_station_config
from app.ui.ui_settings import UiSettings, load_ui_settings, parse_ui_settings, save_ui_settings


def test_toml_writer_round_trips_station_values(tmp_path):
    doc = {"printers": {"label": 'tcp://10.0.0.5:9100', "document": 'a "quoted" \\ name'},
           "packing": {"weigh_parcels": True, "weight_tolerance_g": 40, "weight_tolerance_pct": 2.5}}
    path = tmp_path / "station.toml"
    write_toml(path, doc, header="test")
    assert tomllib.loads(path.read_text()) == doc
    with pytest.raises(ValueError, match="packing.bad"):
        dumps({"packing": {"bad": [1, float("nan")]}})  # TOML has no place for NaN in a setting


def test_station_settings_are_validated_and_keep_other_sections(tmp_path):
    path = tmp_path / "station.toml"
    path.write_text('[station]\nname = "BENCH-7"\n[database]\nurl = "sqlite:///x.db"\n')
    config = save_station_config(path, StationValues(label_printer="tcp://10.0.0.5:9100", weight_tolerance_g=30))
    assert config.station == "BENCH-7" and config.label_printer == "tcp://10.0.0.5:9100"
    raw = tomllib.loads(path.read_text())
    assert raw["database"] == {"url": "sqlite:///x.db"} and raw["packing"]["weight_tolerance_g"] == 30
    before = path.read_text()
    with pytest.raises(ConfigError, match="weight_tolerance_pct"):
        save_station_config(path, StationValues(weight_tolerance_pct=500))
    assert path.read_text() == before  # a refused value never reaches the file


def test_ui_settings_round_trip_and_a_bad_file_falls_back_to_defaults(tmp_path):
    path = tmp_path / "ui.toml"
    settings = UiSettings(language="de", theme="dark", volume=30).with_scanner(mode="prefix", prefix="~")
    save_ui_settings(path, settings)
    assert load_ui_settings(path) == (settings, None)
    path.write_text('[ui]\ntheme = "purple"\n')
    loaded, problem = load_ui_settings(path)
    assert loaded == UiSettings() and "ui.theme" in problem
    with pytest.raises(ValueError, match="max_gap_ms"):
        parse_ui_settings({"scanner": {"max_gap_ms": 1000}})


def test_settings_open_only_for_an_admin_badge_and_save_to_the_station_toml(gui, qtbot, home):
    w = gui.window
    w.open_settings()
    gate = w._gate
    assert gate is not None and gate.isVisible()
    gui.scan("PS:BADGE:P-1001")  # a packer: refused; the station never sees the scan
    assert gate.problem.isVisible() and "admin" in gate.problem.text()
    assert "signed_in" not in gui.events()
    gui.scan("PS:BADGE:A-3001")
    qtbot.waitUntil(lambda: getattr(w, "settings_dialog", None) is not None, timeout=2000)
    dialog = w.settings_dialog
    dialog.label_printer.setText("tcp://10.0.0.5:9100")
    dialog.tolerance_g.setValue(35)
    dialog.theme.setCurrentIndex(1)  # dark
    dialog.volume.setValue(40)
    dialog.save()
    gui.wait()
    qtbot.waitUntil(lambda: w.config.label_printer == "tcp://10.0.0.5:9100", timeout=3000)
    config = load_config(w.paths)
    assert config.label_printer == "tcp://10.0.0.5:9100" and config.packing.weight_tolerance_g == 35
    ui, problem = load_ui_settings(home / "ui.toml")
    assert problem is None and ui.theme == "dark" and ui.volume == 40
    assert "10.0.0.5" in w.printer_label.text()


def test_the_window_speaks_german(gui):
    w = gui.window
    w.apply_ui_settings(UiSettings(language="de"))
    try:
        assert w.buttons["undo"].text().startswith("Rückgängig")
        assert "Ausweis" in w.sign_in.headline.text()
        gui.scan("PS:BADGE:P-1001")
        assert w.banner.message.startswith("Hallo Alex Packer")
        assert w.banner.word == "OK"
    finally:
        w.apply_ui_settings(UiSettings(language="en"))
    assert w.buttons["undo"].text().startswith("Undo")


def test_without_an_audio_device_the_station_runs_silent_and_says_so(gui, qtbot):
    # Sound starts just after the window is ready (it is not on the cold-start path).
    qtbot.waitUntil(lambda: not gui.window.sound_status.text().startswith("Sound starting"), timeout=5000)
    status = gui.window.sound_status.text()
    assert gui.window.sounds.available or status.startswith("Silent")


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_touch_targets_and_fit_at_bench_screen_sizes(gui, qtbot, size):
    w = gui.window
    w.resize(*size)
    gui.scan("PS:BADGE:P-1001")
    gui.scan("1007")
    qtbot.wait(20)
    assert w.width() == size[0] and w.height() == size[1]
    assert w.minimumSizeHint().width() <= size[0] and w.minimumSizeHint().height() <= size[1]
    small = [b.text() for b in w.findChildren(QPushButton) if b.isVisible() and (b.height() < 48 or b.width() < 48)]
    assert small == []
    for button in w.buttons.values():  # every action shows its hotkey
        assert "\n" in button.text() and button.text().split("\n")[1]
