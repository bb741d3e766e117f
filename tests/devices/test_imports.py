"""The import rules of DESIGN.md for app.devices, checked in a clean interpreter."""

from __future__ import annotations

import json
import subprocess
import sys

from .conftest import ROOT

QT_FREE = ["app.devices", "app.devices.hub", "app.devices.cli", "app.devices.sim", "app.devices.photos",
           "app.devices.simulators.scale", "app.devices.simulators.scanner", "app.devices.scales.mt_sics",
           "app.devices.scales.nci", "app.devices.scales.stream", "app.devices.ports"]


def imported_after(modules: list[str]) -> list[str]:
    code = ("import importlib, json, sys\n"
            f"for name in {modules!r}: importlib.import_module(name)\n"
            "print(json.dumps(sorted(sys.modules)))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_devices_never_import_qt_the_store_or_the_station():
    """GIVEN every module of app.devices except the camera  WHEN imported
    THEN no PySide6, no app.store, no app.station, no app.ui is loaded."""
    loaded = imported_after(QT_FREE)
    assert [m for m in loaded if m.split(".")[0] == "PySide6" or m.startswith(("app.store", "app.station",
                                                                                "app.ui", "app.config"))] == []


def test_the_camera_uses_qt_multimedia_lazily_and_never_widgets():
    """GIVEN the camera module  WHEN imported, not started  THEN no QtMultimedia is loaded yet, and no widgets."""
    loaded = imported_after(["app.devices.camera"])
    assert "PySide6.QtMultimedia" not in loaded and "PySide6.QtWidgets" not in loaded
