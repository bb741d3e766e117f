"""`packstation support-bundle`: one zip with what support needs to help, and no secret.

Contents:
    README.txt            what is inside and what was taken out
    versions.json         app, schema, Python, Qt, SQLite, OS
    doctor.txt/.json      the doctor report as the admin saw it
    config/*.toml         station file, ui.toml, profile: passwords, tokens, API keys and URL
                          credentials replaced by ***
    logs/station.log*     the newest logs (up to LOG_BUDGET bytes), redacted the same way
    database.json         schema revision, size, table row counts, backups (no orders, no addresses)
    serial-ports.json     the serial ports this computer sees

Every text member goes through the same redaction, and every secret value found in the
configuration is also removed wherever else it appears (a password echoed in a log line).
The station database itself is never included: it holds customers' names and addresses.
"""

from __future__ import annotations

import contextlib
import json
import logging
import sqlite3
import zipfile
from pathlib import Path
from typing import Any

from app.config import Paths
from app.domain import clock
from app.it.redact import redact_text, secrets_in
from app.it.tomlfile import read_toml

LOG_BUDGET = 20_000_000  # bytes of logs; the newest first
log = logging.getLogger(__name__)


def default_bundle_path(station: str) -> Path:
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    return Path.cwd() / f"packstation-support-{station}-{stamp}.zip"


def write_bundle(paths: Paths, output: Path, *, doctor: bool = True) -> tuple[Path, list[str]]:
    """Write the bundle to `output`. Returns its path and the names of its members."""
    known = _known_secrets(paths)
    members: dict[str, str] = {}
    members["versions.json"] = _json(_versions())
    station = "?"
    if doctor:
        from app.it.doctor import run_doctor

        report = run_doctor(paths)
        station = report.config.station if report.config else "?"
        members["doctor.txt"] = report.text(verbose=True) + "\n"
        members["doctor.json"] = report.json() + "\n"
    for name, text in _config_files(paths).items():
        members[f"config/{name}"] = text
    for name, text in _logs(paths.log_dir).items():
        members[f"logs/{name}"] = text
    members["database.json"] = _json(_database_facts(paths))
    members["serial-ports.json"] = _json(_serial_ports())
    members["README.txt"] = _readme(station, sorted(members))
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(output.name + ".partial")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
        for name, text in members.items():
            bundle.writestr(name, redact_text(text, known))
    partial.replace(output)
    return output, sorted(members)


def _known_secrets(paths: Paths) -> set[str]:
    found: set[str] = set()
    for path in _config_paths(paths):
        # A file that does not parse: its secret-looking assignments are masked by the text pass.
        with contextlib.suppress(ValueError, OSError):
            found |= secrets_in(read_toml(path))
    return found


def _config_paths(paths: Paths) -> list[Path]:
    from app.it.profile import bundled_profile

    folder = paths.config_file.parent
    candidates = [paths.config_file, folder / "ui.toml", *sorted(folder.glob("*.toml"))]
    profile = bundled_profile()
    if profile:
        candidates.append(profile)
    seen: list[Path] = []
    for path in candidates:
        if path.is_file() and path not in seen:
            seen.append(path)
    return seen


def _config_files(paths: Paths) -> dict[str, str]:
    out = {}
    for path in _config_paths(paths):
        try:
            out[path.name] = path.read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            out[path.name + ".error"] = f"could not read {path}: {exc}\n"
    if not out:
        out["NONE.txt"] = f"no station file at {paths.config_file}: the station runs on defaults\n"
    return out


def _logs(folder: Path) -> dict[str, str]:
    if not folder.is_dir():
        return {}
    files = sorted(folder.glob("*.log*"), key=lambda p: p.stat().st_mtime, reverse=True)
    out: dict[str, str] = {}
    budget = LOG_BUDGET
    for path in files:
        if budget <= 0:
            break
        data = path.read_bytes()
        if len(data) > budget:
            data = data[-budget:]  # the newest end of the file
        budget -= len(data)
        out[path.name] = data.decode("utf-8", errors="replace")
    return out


def _database_facts(paths: Paths) -> dict[str, Any]:
    from app.it.backup import backups_dir, list_backups

    facts: dict[str, Any] = {"path": str(paths.database), "exists": paths.database.exists()}
    facts["backups"] = [p.name for p in list_backups(backups_dir(paths))]
    if not paths.database.exists():
        return facts
    facts["size_bytes"] = paths.database.stat().st_size
    try:
        # Read only, and only what the schema says; never a row of orders or addresses.
        connection = sqlite3.connect(f"{paths.database.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
        try:
            tables = [r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table' "
                                                       "AND name NOT LIKE 'sqlite_%' ORDER BY name")]
            facts["tables"] = {t: connection.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
            if "alembic_version" in tables:
                row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
                facts["schema"] = row[0] if row else None
            facts["journal_mode"] = connection.execute("PRAGMA journal_mode").fetchone()[0]
        finally:
            connection.close()
    except sqlite3.Error as exc:
        facts["error"] = str(exc)
    return facts


def _serial_ports() -> list[dict[str, Any]]:
    try:
        from app.devices.ports import list_serial_ports

        return [p.as_json() for p in list_serial_ports()]
    except Exception as exc:  # noqa: BLE001 - diagnostics only
        return [{"error": str(exc)}]


def _versions() -> dict[str, Any]:
    from app.it.versions import versions

    info = versions()
    info["bundle_written_at"] = clock.now().isoformat(timespec="seconds")
    return info


def _json(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n"


def _readme(station: str, names: list[str]) -> str:
    listing = "\n".join(f"  {name}" for name in [*names, "README.txt"])
    return f"""Packstation support bundle for station {station}
Written {clock.now().isoformat(timespec='seconds')}.

Contents:
{listing}

Taken out before writing: passwords, tokens, API keys, PINs and the credentials in URLs
(shown as ***). The station database is not included: it holds customers' names and
addresses; database.json has its schema and row counts only.
"""
