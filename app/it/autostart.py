"""Starting the station after login, and again if it dies.

Linux gets two files that work together:

- a systemd user unit (~/.config/systemd/user/packstation.service) that runs the station and
  restarts it when it crashes (Restart=on-failure; in kiosk mode Restart=always, so closing the
  window brings it straight back);
- an XDG autostart entry (~/.config/autostart/packstation.desktop), which every desktop runs at
  login. It hands the session's display to the user manager and starts the unit; on a machine
  without a systemd user manager it runs the station directly (no restart then).

Starting an already running unit does nothing, so the unit's own WantedBy=graphical-session.target
and the autostart entry never start two stations. Windows and macOS: see docs/it.md and the
templates in packaging/.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from app.it.tomlfile import atomic_write, new_document, read_document, set_values, write_toml

UNIT = "packstation.service"
DESKTOP = "packstation.desktop"
# Variables a desktop session has and a systemd user manager may not: without them Qt finds no screen.
SESSION_VARIABLES = ("DISPLAY", "WAYLAND_DISPLAY", "XAUTHORITY", "XDG_SESSION_TYPE", "XDG_CURRENT_DESKTOP",
                     "DBUS_SESSION_BUS_ADDRESS")


@dataclass(frozen=True)
class AutostartFiles:
    unit: Path
    desktop: Path


def config_home() -> Path:
    return Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")


def files(base: Path | None = None) -> AutostartFiles:
    base = base or config_home()
    return AutostartFiles(unit=base / "systemd" / "user" / UNIT, desktop=base / "autostart" / DESKTOP)


def station_command() -> list[str]:
    """How to start the station window: the built executable, the console script, or this Python."""
    if getattr(sys, "frozen", False):
        return [str(Path(sys.executable).resolve()), "run"]
    script = shutil.which("packstation")
    if script:
        return [str(Path(script).resolve()), "run"]
    return [str(Path(sys.executable).resolve()), "-m", "app.cli", "run"]


def unit_text(command: list[str], *, kiosk: bool, environment: dict[str, str]) -> str:
    env_lines = "".join(f"Environment={_systemd_quote(f'{k}={v}')}\n" for k, v in sorted(environment.items()))
    restart = "always" if kiosk else "on-failure"
    flag = " --kiosk" if kiosk else ""
    return f"""# Written by `packstation autostart install{flag}`; remove with `packstation autostart remove`.
[Unit]
Description=Packstation packing station{' (kiosk)' if kiosk else ''}
PartOf=graphical-session.target
After=graphical-session.target
# A station that crashes ten times in five minutes stops retrying: look at `packstation doctor`.
StartLimitIntervalSec=300
StartLimitBurst=10

[Service]
Type=simple
ExecStart={' '.join(_systemd_quote(part) for part in command)}
{env_lines}Restart={restart}
RestartSec=3
# The station commits every scan before it confirms it; a stop must not cut a write short.
TimeoutStopSec=20

[Install]
WantedBy=graphical-session.target
"""


def desktop_text(command: list[str], *, kiosk: bool, environment: dict[str, str]) -> str:
    direct = " ".join(shlex.quote(part) for part in command)
    if environment:
        direct = "env " + " ".join(shlex.quote(f"{k}={v}") for k, v in sorted(environment.items())) + " " + direct
    variables = " ".join(SESSION_VARIABLES)
    script = (f"systemctl --user import-environment {variables} 2>/dev/null; "
              f"systemctl --user start {UNIT} || exec {direct}")
    return f"""[Desktop Entry]
Type=Application
Name=Packstation
Comment=Packing station{' (kiosk)' if kiosk else ''}: starts after login
Exec=sh -c {_desktop_quote(script)}
Terminal=false
X-GNOME-Autostart-enabled=true
X-GNOME-Autostart-Delay=2
NoDisplay=true
"""


def install(*, kiosk: bool = False, base: Path | None = None, activate: bool = True,
            command: list[str] | None = None, ui_settings: Path | None = None) -> tuple[AutostartFiles, list[str]]:
    """Write both files. Returns the files and notes for the admin (what was enabled, what was not)."""
    target = files(base)
    command = command or station_command()
    environment = {k: os.environ[k] for k in ("PACKSTATION_HOME", "PACKSTATION_CONFIG") if os.environ.get(k)}
    atomic_write(target.unit, unit_text(command, kiosk=kiosk, environment=environment), mode=0o644)
    atomic_write(target.desktop, desktop_text(command, kiosk=kiosk, environment=environment), mode=0o644)
    notes = [f"wrote {target.unit}", f"wrote {target.desktop}"]
    if kiosk and ui_settings is not None:
        set_fullscreen(ui_settings, True)
        notes.append(f"full screen switched on in {ui_settings}")
    if activate:
        notes += _systemctl("daemon-reload") + _systemctl("enable", UNIT)
    return target, notes


def remove(*, base: Path | None = None, activate: bool = True) -> list[str]:
    target = files(base)
    notes = []
    if activate:
        notes += _systemctl("disable", UNIT)
    for path in (target.unit, target.desktop):
        if path.exists():
            path.unlink()
            notes.append(f"removed {path}")
    if activate:
        notes += _systemctl("daemon-reload")
    if len(notes) == 0 or not any(n.startswith("removed") for n in notes):
        notes.append("autostart was not installed")
    return notes


def status(base: Path | None = None) -> dict[str, object]:
    target = files(base)
    unit = target.unit.read_text(encoding="utf-8") if target.unit.exists() else ""
    desktop = str(target.desktop) if target.desktop.exists() else None
    return {"unit": str(target.unit) if unit else None, "desktop": desktop, "kiosk": "Restart=always" in unit}


CONNECTOR_UNIT = "packstation-sources.service"


def connector_unit_text(command: list[str], *, environment: dict[str, str]) -> str:
    """The live order sources' connector (`packstation sources run`): no screen, started with the
    user manager (and kept after logout with `loginctl enable-linger`), restarted if it stops."""
    env_lines = "".join(f"Environment={_systemd_quote(f'{k}={v}')}\n" for k, v in sorted(environment.items()))
    return f"""# Written by `packstation sources autostart`; remove with `packstation sources autostart --remove`.
[Unit]
Description=Packstation live order sources (Shopify, WooCommerce)
After=network-online.target

[Service]
Type=simple
ExecStart={' '.join(_systemd_quote(part) for part in command)}
{env_lines}Restart=always
RestartSec=10
# A round writes a page in one transaction; a stop waits for it.
TimeoutStopSec=30

[Install]
WantedBy=default.target
"""


def install_connector(*, base: Path | None = None, activate: bool = True, central: bool = False,
                      command: list[str] | None = None) -> tuple[Path, list[str]]:
    """Write (and enable) the connector's unit; `central`: it writes into $PACKSTATION_CENTRAL_URL."""
    unit = (base or config_home()) / "systemd" / "user" / CONNECTOR_UNIT
    command = command or [*station_command()[:-1], "sources", "run"]
    keys = ("PACKSTATION_HOME", "PACKSTATION_CONFIG") + (("PACKSTATION_CENTRAL_URL",) if central else ())
    environment = {k: os.environ[k] for k in keys if os.environ.get(k)}
    atomic_write(unit, connector_unit_text(command, environment=environment), mode=0o600 if central else 0o644)
    notes = [f"wrote {unit}"]
    if activate:
        notes += _systemctl("daemon-reload") + _systemctl("enable", "--now", CONNECTOR_UNIT)
    return unit, notes


def connector_installed(base: Path | None = None) -> bool:
    return ((base or config_home()) / "systemd" / "user" / CONNECTOR_UNIT).exists()


def remove_connector(*, base: Path | None = None, activate: bool = True) -> list[str]:
    unit = (base or config_home()) / "systemd" / "user" / CONNECTOR_UNIT
    notes = _systemctl("disable", "--now", CONNECTOR_UNIT) if activate else []
    if unit.exists():
        unit.unlink()
        notes.append(f"removed {unit}")
    else:
        notes.append("the connector's unit was not installed")
    return notes


def set_fullscreen(ui_settings: Path, on: bool) -> None:
    """The station window opens full screen: [ui] fullscreen in ui.toml beside the station file."""
    try:
        document = read_document(ui_settings)
        set_values(document, {"ui": {"fullscreen": on}}, remove_empty=False)
    except ValueError:  # a broken ui.toml falls back to defaults in the window anyway; start it afresh
        document = new_document()
        set_values(document, {"ui": {"fullscreen": on}}, remove_empty=False)
    write_toml(ui_settings, document)  # the file's comments and other keys kept, its mode too


def _systemctl(*args: str) -> list[str]:
    tool = shutil.which("systemctl")
    if tool is None:
        return ["systemctl not found: the autostart entry starts the station directly (no restart on a crash)"]
    try:
        done = subprocess.run([tool, "--user", *args], capture_output=True, text=True, timeout=20, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return [f"systemctl --user {' '.join(args)}: {exc}"]
    if done.returncode != 0:
        reason = (done.stderr or done.stdout).strip().splitlines()
        return [f"systemctl --user {' '.join(args)} did not work ({reason[0] if reason else done.returncode}); "
                "the autostart entry still starts the station after login"]
    return [f"systemctl --user {' '.join(args)}"]


def _systemd_quote(text: str) -> str:
    if text and all(c.isalnum() or c in "/._-=:+,@%" for c in text):
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _desktop_quote(text: str) -> str:
    # Desktop Entry Exec: double quotes; inside them \, ", `, $ are escaped with a backslash, and
    # the backslash itself is doubled once more by the key-file format.
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in text)
    return '"' + escaped.replace("\\", "\\\\") + '"'
