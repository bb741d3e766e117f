"""`packstation autostart install|remove`: a systemd user unit and an XDG autostart entry."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import sys
import tomllib

import pytest

from app.it import autostart
from app.it.cli import main

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="Linux desktops only")

COMMAND = ["/opt/Pack Station/packstation", "run"]


def unit_sections(text: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # systemd keys are case-sensitive
    parser.read_string(text)
    return parser


def test_install_writes_a_unit_that_restarts_on_failure_and_an_autostart_entry(tmp_path, home):
    files, notes = autostart.install(base=tmp_path, activate=False, command=COMMAND)
    assert files.unit == tmp_path / "systemd" / "user" / "packstation.service"
    assert files.desktop == tmp_path / "autostart" / "packstation.desktop"
    unit = unit_sections(files.unit.read_text())
    assert unit["Service"]["Restart"] == "on-failure"
    assert unit["Service"]["ExecStart"] == '"/opt/Pack Station/packstation" run'
    assert unit["Service"]["Environment"] == f"PACKSTATION_HOME={home}"  # the same station, not a new one
    assert unit["Install"]["WantedBy"] == "graphical-session.target"
    entry = unit_sections(files.desktop.read_text())["Desktop Entry"]
    assert entry["Type"] == "Application" and entry["Exec"].startswith('sh -c "')
    assert "systemctl --user start packstation.service" in entry["Exec"]
    assert "import-environment DISPLAY WAYLAND_DISPLAY" in entry["Exec"]
    assert all(note.startswith("wrote") for note in notes)


def test_the_autostart_command_runs_the_station_directly_without_systemd(tmp_path, home):
    """The entry's shell script, run as a desktop would run it, on a machine where systemctl fails."""
    files, _ = autostart.install(base=tmp_path, activate=False, command=["/bin/echo", "station started"])
    exec_line = unit_sections(files.desktop.read_text())["Desktop Entry"]["Exec"]
    script = _desktop_unquote(exec_line.removeprefix("sh -c "))
    fake_bin = tmp_path / "bin"
    fake_bin.mkdir()
    (fake_bin / "systemctl").write_text("#!/bin/sh\nexit 1\n")
    (fake_bin / "systemctl").chmod(0o755)
    done = subprocess.run(["/bin/sh", "-c", script], capture_output=True, text=True, timeout=10, check=False,
                          env={"PATH": f"{fake_bin}:/usr/bin:/bin"})
    assert done.stdout.strip() == "station started"


def test_kiosk_restarts_always_and_opens_full_screen(tmp_path, home):
    ui = tmp_path / "ui.toml"
    ui.write_text('[ui]\ntheme = "dark"\n')
    files, notes = autostart.install(base=tmp_path, activate=False, command=COMMAND, kiosk=True, ui_settings=ui)
    assert unit_sections(files.unit.read_text())["Service"]["Restart"] == "always"
    assert tomllib.loads(ui.read_text())["ui"] == {"theme": "dark", "fullscreen": True}
    assert any("full screen" in note for note in notes)
    assert autostart.status(tmp_path)["kiosk"] is True


def test_the_window_reads_the_kiosk_setting(tmp_path, home):
    from app.ui.ui_settings import load_ui_settings

    ui = tmp_path / "ui.toml"
    autostart.set_fullscreen(ui, True)
    settings, problem = load_ui_settings(ui)
    assert settings.fullscreen is True and not problem


def test_remove_deletes_both_files(tmp_path, home):
    files, _ = autostart.install(base=tmp_path, activate=False, command=COMMAND)
    notes = autostart.remove(base=tmp_path, activate=False)
    assert not files.unit.exists() and not files.desktop.exists()
    assert len([n for n in notes if n.startswith("removed")]) == 2
    assert autostart.remove(base=tmp_path, activate=False) == ["autostart was not installed"]


def test_the_cli_writes_into_xdg_config_home(tmp_path, home, monkeypatch, capsys):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert main(["autostart", "install", "--no-systemctl"]) == 0
    assert (tmp_path / "xdg" / "systemd" / "user" / "packstation.service").is_file()
    assert (tmp_path / "xdg" / "autostart" / "packstation.desktop").is_file()
    assert main(["autostart", "status"]) == 0
    assert main(["autostart", "remove", "--no-systemctl"]) == 0
    assert main(["autostart", "status"]) == 1
    assert "not installed" in capsys.readouterr().out


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed")
def test_the_desktop_entry_is_valid(tmp_path, home):
    files, _ = autostart.install(base=tmp_path, activate=False, command=COMMAND)
    done = subprocess.run(["desktop-file-validate", str(files.desktop)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def _desktop_unquote(text: str) -> str:
    """Undo the Desktop Entry Exec quoting: key-file backslash escapes, then the quoted-argument escapes."""
    assert text.startswith('"') and text.endswith('"')
    text = text[1:-1].replace("\\\\", "\\")
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            out.append(text[i + 1])
            i += 2
        else:
            out.append(text[i])
            i += 1
    return "".join(out)
