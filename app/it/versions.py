"""What this station runs: app, schema, Python, Qt, SQLite and the operating system."""

from __future__ import annotations

import platform
import sqlite3
import sys
from importlib import metadata
from typing import Any

from app import __version__
from app.store.db import HEAD


def versions() -> dict[str, Any]:
    info: dict[str, Any] = {
        "packstation": __version__,
        "schema": HEAD,
        "python": platform.python_version(),
        "python_implementation": platform.python_implementation(),
        "sqlite": sqlite3.sqlite_version,
        "frozen": bool(getattr(sys, "frozen", False)),
        "executable": sys.executable,
        "os": platform.platform(),
        "machine": platform.machine(),
    }
    try:
        release = platform.freedesktop_os_release()
        info["os_release"] = release.get("PRETTY_NAME", release.get("NAME", ""))
    except (OSError, AttributeError):
        pass
    info.update(qt_versions())
    for package in ("SQLAlchemy", "alembic", "pyserial", "reportlab", "psycopg", "platformdirs"):
        info[package.lower()] = _distribution_version(package)
    return info


def qt_versions() -> dict[str, str]:
    """PySide6 and the Qt it runs on; QtCore only (no QApplication, no screen needed)."""
    try:
        import PySide6
        from PySide6.QtCore import qVersion
    except ImportError as exc:
        return {"pyside6": f"not available ({exc})", "qt": ""}
    return {"pyside6": PySide6.__version__, "qt": qVersion()}


def _distribution_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        # A frozen build carries the modules without their metadata; ask the module itself.
        module = {"pyserial": "serial", "sqlalchemy": "sqlalchemy"}.get(name.lower(), name.lower())
        try:
            imported = __import__(module)
        except ImportError:
            return "not installed"
        return str(getattr(imported, "__version__", getattr(imported, "VERSION", "unknown")))
