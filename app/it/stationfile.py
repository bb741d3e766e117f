"""Reading and writing the station's TOML file as IT tools and the settings screen do: validated
first, written atomically, readable only by the station's user when it holds a secret.

`write_config` writes a whole file (setup from a profile and flags); `update_file` (and
`update_config`) change some keys of the file as it is and keep everything else, the admin's
comments and inline tables included. Both go through app.it.tomlfile, the one TOML writer.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from app.config import Config, ConfigError, Paths, parse_config
from app.it.tomlfile import file_mode_for, read_document, read_toml, set_values, write_toml

__all__ = ["HEADER", "check_device_uris", "file_mode_for", "read_raw", "update_config", "update_file",
           "write_config"]

HEADER = """Packstation station configuration, written by `packstation setup`.
Edit with care: the station checks every key when it starts (see docs/it.md)."""


def read_raw(path: Path) -> dict[str, Any]:
    """The file's tables as written (not validated); {} when there is no file yet."""
    try:
        return read_toml(path)
    except ValueError as exc:
        raise ConfigError(str(exc)) from exc


def write_config(paths: Paths, raw: Mapping[str, Any]) -> Config:
    """Validate `raw` exactly as the station will on its next start, then write it.

    Nothing is written when validation fails: a station never gets a file it cannot start with.
    """
    path = paths.config_file
    cleaned = _drop_empty(raw)
    config = parse_config(cleaned, source=str(path))
    write_toml(path, cleaned, header=HEADER)
    return config


def update_config(paths: Paths, changes: Mapping[str, Mapping[str, Any]]) -> Config:
    """Set (or, with None or "", remove) some keys of the station file; keep the rest as written."""
    return update_file(paths.config_file, changes)


def update_file(path: Path, changes: Mapping[str, Mapping[str, Any]], *, source: str | None = None,
                check: Callable[[Config], None] | None = None, header: str = HEADER) -> Config:
    """Set (or, with None, "" or [], remove) some keys of the station file at `path`; keep the rest.

    `changes` is {table: {key: value}}. Comments, key order, inline tables and the keys not named
    stay as the admin wrote them. The result is validated exactly as the station will on its next
    start, then by `check` (which raises ConfigError); nothing is written when either fails
    (ConfigError names the key, in `source`: the path unless told). A new file starts with `header`.
    """
    source = str(path) if source is None else source
    try:
        document = read_document(path, header)
        set_values(document, changes)
    except ValueError as exc:
        raise ConfigError(str(exc) if str(path) in str(exc) else f"{source}: {exc}") from exc
    config = parse_config(document.unwrap(), source=source)
    if check is not None:
        check(config)
    write_toml(path, document)
    return config


def check_device_uris(config: Config, source: str) -> None:
    """Each scanner and scale URI as the device drivers read it (parameters, names), before saving."""
    from app.devices.factory import check_scale_uri, check_scanner_uri
    from app.devices.hub import DeviceConfig, DeviceHub
    from app.devices.uri import DeviceURIError

    for index, uri in enumerate(config.scanner.serial, start=1):
        try:
            check_scanner_uri(uri)
        except DeviceURIError as exc:
            raise ConfigError(f"{source}: scanner.serial (scanner {index}): {exc}") from None
    if config.scale:
        try:
            check_scale_uri(config.scale)
        except DeviceURIError as exc:
            raise ConfigError(f"{source}: scale.uri: {exc}") from None
    def ignore(*_args: object) -> None:
        return None

    try:  # two scanners with the same name (the hub is built, never started)
        DeviceHub(DeviceConfig(scanners=config.scanner.serial), ignore, ignore, ignore)
    except DeviceURIError as exc:
        raise ConfigError(f"{source}: scanner.serial: {exc}") from None


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
