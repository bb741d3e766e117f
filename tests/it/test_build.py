"""The PyInstaller station build runs on a machine with no Python: slow (about a minute on 2 cores).

Run it with `pytest -m slow tests/it` (or PACKSTATION_BUILD_TEST=1). It builds with
packaging/build into a temporary folder, then runs the built `packstation` with a clean
environment: PATH=/usr/bin:/bin, no PYTHONPATH, no virtualenv, a HOME of its own.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest

from app import __version__
from app.store.db import HEAD
from printers.simulator import ZebraSimulator

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform != "linux", reason="packaging/build is the Linux build"),
    pytest.mark.skipif(importlib.util.find_spec("PyInstaller") is None, reason="pip install pyinstaller"),
]


@pytest.fixture(scope="module")
def build(tmp_path_factory) -> Path:
    """Build once for the module, with a station profile built in."""
    base = tmp_path_factory.mktemp("build")
    profile = base / "warehouse.toml"
    profile.write_text('[profile]\nname = "Test warehouse"\n[printers]\nlabel = "tcp://127.0.0.1:9"\n'
                       '[packing]\nweight_tolerance_g = 40\n', encoding="utf-8")
    started = time.monotonic()
    done = subprocess.run(
        ["bash", str(ROOT / "packaging" / "build"), "--dist", str(base / "dist"), "--work", str(base / "work"),
         "--profile", str(profile), "--no-archive"],
        capture_output=True, text=True, timeout=1800, check=False,
        env={**os.environ, "PYTHON": sys.executable},
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-4000:]
    print(f"build took {time.monotonic() - started:.0f} s")
    return base / "dist" / "packstation"


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """What a fresh login on a bench without Python has: no venv, no PYTHONPATH, only system folders."""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8", "PACKSTATION_HOME": str(home / "station")}
    env.update(extra)
    return env


def run(build: Path, env: dict[str, str], *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(build / "packstation"), *args], capture_output=True, text=True, timeout=timeout,
                          env=env, check=False, cwd=env["HOME"])


def test_the_build_is_one_folder_with_resources_and_migrations(build):
    internal = build / "_internal"
    assert (build / "packstation").is_file() and os.access(build / "packstation", os.X_OK)
    assert (build / "install-station").is_file() and (build / "packstation.desktop").is_file()
    versions = {p.name for p in (internal / "app" / "store" / "migrations" / "versions").glob("*.py")}
    assert f"{HEAD}_" in " ".join(sorted(versions)) and (internal / "app/store/migrations/env.py").is_file()
    assert (internal / "app/store/migrations/script.py.mako").is_file()
    for resource in ("fonts/DejaVuSans.ttf", "sounds/accepted.wav", "icons/carton.svg",
                     "templates/shipping_label.toml", "translations/packstation_de.qm"):
        assert (internal / "resources" / resource).is_file(), resource
    assert (internal / "station-profile.toml").is_file()
    assert not (internal / "resources" / "screenshots").exists()  # documentation stays out


def test_version_runs_without_python(build, tmp_path):
    done = run(build, clean_env(tmp_path), "--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"packstation {__version__}"


def test_doctor_runs_without_python(build, tmp_path):
    env = clean_env(tmp_path)
    with ZebraSimulator() as printer:
        station = tmp_path / "station"
        station.mkdir()
        (station / "station.toml").write_text(f'[station]\nname = "BUILT-1"\n[printers]\nlabel = "{printer.uri}"\n'
                                              '[ship_from]\ncompany = "Nordlicht Versand"\nline1 = "Am Sandtorkai 5"\n'
                                              'city = "Hamburg"\npostcode = "20457"\ncountry = "DE"\n')
        assert run(build, env, "db", "upgrade").returncode == 0  # the bundled migrations build the database
        done = run(build, env, "doctor", "--json")
    report = json.loads(done.stdout)
    checks = {c["name"]: c for c in report["checks"]}
    assert report["station"] == "BUILT-1"
    for name in ("configuration", "ship-from", "database", "migrations", "label printer", "label fonts", "version"):
        assert checks[name]["ok"], checks[name]
    assert checks["database"]["details"]["revision"] == HEAD
    # Only the machine itself (a missing system library, no display) may fail here, never the build.
    failing = {name for name, c in checks.items() if not c["ok"] and c["severity"] == "error"}
    assert failing <= {"Qt libraries", "screen libraries"}, failing
    assert done.returncode == (1 if failing else 0)
    text = run(build, env, "doctor", "--no-devices")
    assert text.stdout.startswith(f"Packstation {__version__} doctor")


def test_setup_uses_the_profile_built_in(build, tmp_path):
    done = run(build, clean_env(tmp_path), "setup", "--yes", "--no-test", "--station", "BUILT-2")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Test warehouse" in done.stdout
    config = tomllib.loads((tmp_path / "station" / "station.toml").read_text())
    assert config["station"]["name"] == "BUILT-2"
    assert config["printers"]["label"] == "tcp://127.0.0.1:9" and config["packing"]["weight_tolerance_g"] == 40


def test_the_window_starts_from_the_build_and_takes_the_profile_on_first_start(build, tmp_path):
    """Qt's platform plugins, the sounds and the database come from the build: the window starts
    (offscreen), makes its database, and a new station gets its configuration from the profile."""
    env = clean_env(tmp_path, QT_QPA_PLATFORM="offscreen")
    process = subprocess.Popen([str(build / "packstation")], env=env, cwd=tmp_path, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    log = tmp_path / "station" / "logs" / "station.log"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and process.poll() is None:
            if log.exists() and "first start: demo data seeded" in log.read_text(errors="replace"):
                break
            time.sleep(0.25)
        assert process.poll() is None, process.communicate(timeout=5)
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    assert "first start: demo data seeded" in log.read_text(errors="replace")
    config = tomllib.loads((tmp_path / "station" / "station.toml").read_text())
    assert config["printers"]["label"] == "tcp://127.0.0.1:9"


def test_install_station_installs_for_the_user(build, tmp_path):
    """The one command IT runs on a new bench: copy, link, setup from the profile, autostart files, doctor."""
    home = tmp_path / "home"
    home.mkdir()
    env = clean_env(home, XDG_CONFIG_HOME=str(home / ".config"))
    done = subprocess.run(["bash", str(build / "install-station"), "--station", "BENCH-INSTALLED", "--no-test"],
                          capture_output=True, text=True, timeout=300, env=env, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    installed = home / ".local" / "opt" / "packstation" / "packstation"
    assert installed.is_file() and (home / ".local" / "bin" / "packstation").resolve() == installed.resolve()
    assert (home / ".config" / "systemd" / "user" / "packstation.service").is_file()
    assert (home / ".config" / "autostart" / "packstation.desktop").is_file()
    config = tomllib.loads((home / "station" / "station.toml").read_text())
    assert config["station"]["name"] == "BENCH-INSTALLED"
    # Through the symlink, as the desktop and the admin run it.
    again = subprocess.run([str(home / ".local" / "bin" / "packstation"), "--version"], capture_output=True,
                           text=True, timeout=60, env=env, check=False)
    assert again.stdout.strip() == f"packstation {__version__}"
