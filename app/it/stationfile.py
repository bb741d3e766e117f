"""Reading and writing the station's TOML file as IT tools do: validated first, written atomically,
readable only by the station's user when it holds a secret.

`write_config` writes a whole file (setup from a profile and flags); `update_config` changes some
keys of the file as it is and keeps everything else, the admin's comments included (tomlkit).
"""

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


def update_config(paths: Paths, changes: Mapping[str, Mapping[str, Any]]) -> Config:
    """Set (or, with None or "", remove) some keys of the station file; keep the rest as written.

    `changes` is {table: {key: value}}. Comments, key order and the keys not named stay as the
    admin wrote them. The result is validated exactly as the station will on its next start;
    nothing is written when it fails (ConfigError names the key).
    """
    import tomlkit
    from tomlkit.exceptions import TOMLKitError

    path = paths.config_file
    try:
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        document = tomlkit.parse(text) if text.strip() else _new_document()
    except (UnicodeDecodeError, TOMLKitError) as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    for name, values in changes.items():
        table = document.get(name)
        for key, value in values.items():
            if value is None or value == "" or value == []:
                if table is not None and key in table:
                    del table[key]
                continue
            if table is None:
                table = tomlkit.table()
                document[name] = table
            table[key] = value
        if table is not None and not table and name in document:
            del document[name]  # an empty table says nothing: leave it out
    raw = document.unwrap()
    config = parse_config(raw, source=str(path))
    atomic_write(path, tomlkit.dumps(document), mode=file_mode_for(raw, path))
    return config


def _new_document() -> Any:
    import tomlkit

    document = tomlkit.document()
    for line in HEADER.splitlines():
        document.add(tomlkit.comment(line))
    document.add(tomlkit.nl())
    return document


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
