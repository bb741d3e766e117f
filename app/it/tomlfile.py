"""Writing the station's TOML: a small serialiser and an atomic, mode-keeping file write.

tomllib only reads. The station file holds a handful of flat tables of strings, numbers,
booleans and lists, so a small writer is enough and brings no dependency into the frozen build.
"""

from __future__ import annotations

import contextlib
import math
import os
import tempfile
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

SECRET_MODE = 0o600  # a file with a database password in it is for the station's user only
DEFAULT_MODE = 0o644


def read_toml(path: Path) -> dict[str, Any]:
    """The file's tables, or {} when it does not exist. Raises ValueError with the path when broken."""
    if not path.exists():
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ValueError(f"{path}: not valid TOML: {exc}") from exc


def dumps(data: Mapping[str, Any], header: str = "") -> str:
    lines = [f"# {line}".rstrip() for line in header.splitlines()]
    top = {k: v for k, v in data.items() if not isinstance(v, Mapping)}
    for key, value in top.items():
        lines.append(f"{_key(key)} = {_value(value)}")
    for name, table in data.items():
        if not isinstance(table, Mapping):
            continue
        _table(lines, [name], table)
    return "\n".join(lines).strip("\n") + "\n"


def _table(lines: list[str], path: list[str], table: Mapping[str, Any]) -> None:
    if lines:
        lines.append("")
    lines.append(f"[{'.'.join(_key(p) for p in path)}]")
    for key, value in table.items():
        if not isinstance(value, Mapping):
            lines.append(f"{_key(key)} = {_value(value)}")
    for key, value in table.items():
        if isinstance(value, Mapping):
            _table(lines, [*path, key], value)


def _key(key: str) -> str:
    if key and all(c.isalnum() or c in "_-" for c in key) and key.isascii():
        return key
    return _string(key)


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            raise ValueError(f"cannot write {value!r} to TOML")
        return repr(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} to TOML: {value!r}")


def _string(text: str) -> str:
    out = ['"']
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


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


def merge(base: Mapping[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    """`over` laid on `base`, table by table; a value in `over` wins. Neither input is changed."""
    out: dict[str, Any] = {k: (dict(v) if isinstance(v, Mapping) else v) for k, v in base.items()}
    for key, value in over.items():
        if isinstance(value, Mapping) and isinstance(out.get(key), Mapping):
            out[key] = merge(out[key], value)
        else:
            out[key] = merge({}, value) if isinstance(value, Mapping) else value
    return out
