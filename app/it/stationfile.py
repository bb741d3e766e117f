"""Reading and writing the station's TOML file as IT tools do: validated first, written atomically,
readable only by the station's user when it holds a secret."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from app.config import Config, ConfigError, Paths, parse_config
from app.it.redact import holds_secrets
from app.it.tomlfile import DEFAULT_MODE, SECRET_MODE, atomic_write, dumps, read_toml

HEADER = """Packstation station configuration, written by `packstation setup`.
Edit with care: the station checks every key when it starts (see docs/it.md)."""


def read_raw(path: Path) -> dict[str, Any]:
    """The file's tables as written (not validated); {} when there is no file yet."""
    try:
        return read_toml(path)
    except ValueError as exc:
        raise ConfigError(str(exc)) from exc


def file_mode_for(raw: Mapping[str, Any], path: Path) -> int:
    """0600 when the file holds a secret or already was private; otherwise the file's mode (or 0644)."""
    if holds_secrets(raw):
        return SECRET_MODE
    try:
        current = path.stat().st_mode & 0o777
    except FileNotFoundError:
        return DEFAULT_MODE
    return current


def write_config(paths: Paths, raw: Mapping[str, Any]) -> Config:
    """Validate `raw` exactly as the station will on its next start, then write it.

    Nothing is written when validation fails: a station never gets a file it cannot start with.
    """
    path = paths.config_file
    cleaned = _drop_empty(raw)
    config = parse_config(cleaned, source=str(path))
    atomic_write(path, dumps(cleaned, HEADER), mode=file_mode_for(cleaned, path))
    return config


def _drop_empty(raw: Mapping[str, Any]) -> dict[str, Any]:
    """Tables without values and empty strings mean "not set": leave them out of the file."""
    out: dict[str, Any] = {}
    for key, value in raw.items():
        if isinstance(value, Mapping):
            inner = _drop_empty(value)
            if inner:
                out[key] = inner
        elif value != "" and value is not None and value != []:
            out[key] = value
    return out
