"""A tiny TOML writer for the station's flat configuration files (tables of simple values).

The dependencies have a TOML reader (tomllib) but no writer. Station files are one level of
tables holding text, numbers, booleans and lists of text (`serial = ["sim://scanner"]`), which
is all this writes; anything else is refused rather than written wrongly.
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

_BARE_KEY = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}


def _key(name: str) -> str:
    if name and all(ch in _BARE_KEY for ch in name):
        return name
    return _string(name)


def _string(text: str) -> str:
    out = []
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _value(value: Any, where: str) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{where}: {value} cannot be written to TOML")
        return repr(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, list | tuple):
        other = next((i for i, item in enumerate(value) if not isinstance(item, str)), None)
        if other is not None:
            raise ValueError(f"{where}[{other}]: only lists of text (device URIs) are supported")
        return "[" + ", ".join(_string(item) for item in value) + "]"
    raise ValueError(f"{where}: {type(value).__name__} values are not supported")


def dumps(document: Mapping[str, Mapping[str, Any]], header: str = "") -> str:
    lines = [f"# {line}".rstrip() for line in header.splitlines()]
    for table, body in document.items():
        if not isinstance(body, Mapping):
            raise ValueError(f"{table}: only tables of values are supported at the top level")
        if not body:
            continue
        if lines:
            lines.append("")
        lines.append(f"[{_key(table)}]")
        for key, value in body.items():
            lines.append(f"{_key(key)} = {_value(value, f'{table}.{key}')}")
    return "\n".join(lines) + "\n"


def write(path: Path, document: Mapping[str, Mapping[str, Any]], header: str = "") -> None:
    """Write atomically: a power cut mid-save leaves the old file, never half a file."""
    text = dumps(document, header)
    path.parent.mkdir(parents=True, exist_ok=True)
    # Readable by its owner only, whatever mode the file had: a station.toml may hold a database
    # password or point at secret files (issue 18); ui.toml has nothing to share either.
    mode = 0o600
    temp = path.with_name(path.name + ".tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.chmod(temp, mode)  # os.open's mode is masked by the umask
    os.replace(temp, path)
