"""The station's TOML files (station.toml, ui.toml, profiles), read, changed and written with tomlkit.

This is the one TOML writer of the application. tomlkit keeps a file as the admin wrote it:
the comments IT put in, the key order, blank lines and inline tables such as
`brands_by_channel = { Wholesale = "trade" }` (docs/shipping.md) survive a change of one key.

- `read_document` / `read_toml`: a file as an editable tomlkit document / as plain values;
- `set_values`: set or remove some keys of a document, leave the rest as written;
- `dumps` / `merge`: a whole file from plain values (setup, profiles), tables laid on tables;
- `write_toml` / `atomic_write`: the write itself. The temporary file gets its final mode before a
  byte is written, is flushed and fsynced, then renamed over the old one (a reader, or a power
  cut, sees the old file or the new one, never half of one). A file holding a secret (a
  password, a token, a URL with credentials: app.it.redact) is written 0600; any other file
  keeps the mode it had (0644 when new), so a file IT made private stays private.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import os
import tempfile
from collections.abc import Mapping, MutableMapping
from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.container import Container
from tomlkit.exceptions import TOMLKitError
from tomlkit.items import Array, InlineTable, Table
from tomlkit.toml_document import TOMLDocument

from app.it.redact import holds_secrets

SECRET_MODE = 0o600  # a file with a database password in it is for the station's user only
DEFAULT_MODE = 0o644

__all__ = ["DEFAULT_MODE", "SECRET_MODE", "atomic_write", "dumps", "file_mode_for", "merge", "new_document",
           "parse_document", "read_document", "read_toml", "set_values", "write_toml"]


# --------------------------------------------------------------------------- reading

def parse_document(text: str, source: str = "TOML") -> TOMLDocument:
    """`text` as an editable document; ValueError naming `source` when it is not TOML."""
    try:
        return tomlkit.parse(text)
    except TOMLKitError as exc:
        raise ValueError(f"{source}: not valid TOML: {exc}") from exc


def read_document(path: Path, header: str = "") -> TOMLDocument:
    """The file as an editable document; a new one (with `header` as comments) when there is no file."""
    if not path.exists():
        return new_document(header)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path}: not valid TOML: {exc}") from exc
    return parse_document(text, str(path)) if text.strip() else new_document(header)


def read_toml(path: Path) -> dict[str, Any]:
    """The file's tables as plain values, or {} when it does not exist. ValueError with the path when broken."""
    return read_document(path).unwrap()


def new_document(header: str = "") -> TOMLDocument:
    document = tomlkit.document()
    for line in header.splitlines():
        document.add(tomlkit.comment(line) if line.strip() else tomlkit.nl())
    if header:
        document.add(tomlkit.nl())
    return document


# --------------------------------------------------------------------------- changing

def _empty(value: Any) -> bool:
    return value is None or value == "" or (isinstance(value, list | tuple) and not value)


def set_values(document: TOMLDocument, changes: Mapping[str, Mapping[str, Any]], *, remove_empty: bool = True) -> None:
    """Lay `changes` ({table: {key: value}}) on `document`; everything not named stays as written.

    A value equal to the one in the file leaves the file's text alone (its comment, its layout).
    With `remove_empty`, None, "" and [] mean "not configured": the key is removed, and a table
    left without keys goes too (an empty table says nothing).
    """
    for name, values in changes.items():
        table: Any = document.get(name)
        if table is not None and not isinstance(table, MutableMapping):
            raise ValueError(f"{name}: the file has a value here, not a table")
        for key, value in values.items():
            where = f"{name}.{key}"
            if remove_empty and _empty(value):
                if table is not None and key in table:
                    del table[key]
                continue
            _check(value, where)
            if table is None:
                table = tomlkit.table()
                document[name] = table
            if key in table and _same(table[key], value):
                continue
            table[key] = _plain(value)
        if remove_empty and table is not None and not table and name in document:
            del document[name]


def _same(current: Any, value: Any) -> bool:
    unwrap = getattr(current, "unwrap", None)
    plain = unwrap() if callable(unwrap) else current
    return _typed(plain) == _typed(_plain(value))


def _typed(value: Any) -> Any:
    """Comparable with types: 5 and 5.0 (and True and 1) are different values in a TOML file."""
    if isinstance(value, Mapping):
        return {k: _typed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_typed(v) for v in value]
    return (type(value), value)


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, list) and not isinstance(value, Array):
        return [_plain(v) for v in value]
    return value


def _check(value: Any, where: str) -> None:
    """Refuse what TOML cannot hold, or would hold wrongly, naming the key."""
    if isinstance(value, bool | int | str | dt.date | dt.time):
        return
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{where}: {value!r} cannot be written to TOML")
        return
    if isinstance(value, Mapping):
        for key, item in value.items():
            if not isinstance(key, str):
                raise ValueError(f"{where}: table keys must be text, not {key!r}")
            _check(item, f"{where}.{key}")
        return
    if isinstance(value, list | tuple):
        for index, item in enumerate(value):
            _check(item, f"{where}[{index}]")
        return
    raise ValueError(f"{where}: {type(value).__name__} values cannot be written to TOML")


def merge(base: Mapping[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    """`over` laid on `base`, table by table; a value in `over` wins. Neither input is changed."""
    out: dict[str, Any] = {k: (dict(v) if isinstance(v, Mapping) else v) for k, v in base.items()}
    for key, value in over.items():
        if isinstance(value, Mapping) and isinstance(out.get(key), Mapping):
            out[key] = merge(out[key], value)
        else:
            out[key] = merge({}, value) if isinstance(value, Mapping) else value
    return out


# --------------------------------------------------------------------------- writing

def dumps(data: Mapping[str, Any], header: str = "") -> str:
    """A whole file: `header` as comments, then top-level keys, then the tables (nested ones as [a.b]).

    A tomlkit document is written as it is (its comments and inline tables included).
    """
    if isinstance(data, Container):
        return tomlkit.dumps(data)
    document = new_document(header)
    tables = [(k, v) for k, v in data.items() if isinstance(v, Mapping)]
    for key, value in data.items():
        if not isinstance(value, Mapping):
            _check(value, key)
            document[key] = _plain(value)
    for name, table in tables:
        _check(table, name)
        document[name] = _table(table)
    return tomlkit.dumps(document)


def _table(values: Mapping[str, Any]) -> Table | InlineTable:
    if isinstance(values, Table | InlineTable):
        return values
    table = tomlkit.table()
    for key, value in values.items():  # keys first, sub-tables after them (as TOML reads them back)
        if not isinstance(value, Mapping):
            table[key] = _plain(value)
    for key, value in values.items():
        if isinstance(value, Mapping):
            table[key] = _table(value)
    return table


def file_mode_for(raw: Mapping[str, Any], path: Path) -> int:
    """0600 when the file holds a secret; otherwise the mode the file has (0644 for a new file)."""
    if holds_secrets(raw):
        return SECRET_MODE
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        return DEFAULT_MODE


def write_toml(path: Path, document: Mapping[str, Any], *, mode: int | None = None, header: str = "") -> None:
    """Write a document (or plain tables) to `path` atomically; 0600 when it holds a secret.

    `mode` overrides the rule (ui.toml is written 0600 like the rest of the station folder's files).
    """
    text = dumps(document, header)
    raw = document.unwrap() if isinstance(document, Container) else document
    atomic_write(path, text, mode=file_mode_for(raw, path) if mode is None else mode)


def atomic_write(path: Path, text: str, mode: int | None = None) -> None:
    """Write `text` to `path` so that a reader sees the old file or the new one, never half of one.

    The temporary file gets its final mode before any byte is written, so a secret never sits in
    a world-readable file even for a moment. Without `mode`, an existing file keeps its mode.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    if mode is None:
        try:
            mode = path.stat().st_mode & 0o777
        except FileNotFoundError:
            mode = DEFAULT_MODE
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with contextlib.suppress(AttributeError, NotImplementedError):  # Windows has no fchmod
            os.fchmod(fd, mode)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    if os.name == "nt":
        os.chmod(path, mode)
    else:
        _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    # The rename is durable only once the folder's entry is on disk (a power cut after setup).
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
