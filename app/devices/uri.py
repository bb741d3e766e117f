"""Device URIs: where a scanner or scale is and how to talk to it, in one line of configuration.

    serial:///dev/ttyACM0?baud=115200&suffix=crlf        a port by path (serial://COM3 on Windows)
    usb://05e0:1200/S12345?suffix=cr                     a USB serial device by vendor:product[/serial number],
                                                         found again wherever the OS numbers its port
    sim://scale?protocol=nci&weight=1250                 the built-in simulators (demos, tests)

A URI is checked when the station starts: an unknown scheme, an unknown or malformed parameter
raises DeviceURIError naming the parameter and what is allowed, never a stack trace at the
first scan.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, unquote, urlsplit

from app.devices.reasons import DeviceReason

SCHEMES = ("serial", "usb", "sim")
_HEX4 = re.compile(r"[0-9A-Fa-f]{4}")


class DeviceURIError(ValueError):
    """A device URI is wrong; the message names the URI, the parameter and the problem."""


@dataclass(frozen=True)
class DeviceURI:
    scheme: str  # serial | usb | sim
    target: str  # serial: the port path; sim: "scale" or "scanner"; usb: "VID:PID[/SERIAL]"
    params: dict[str, str] = field(default_factory=dict)
    text: str = ""  # as written in the configuration
    vid: int | None = None  # usb only
    pid: int | None = None
    serial_number: str | None = None

    def reader(self) -> Params:
        return Params(self)


def parse_uri(text: str) -> DeviceURI:
    text = text.strip()
    if "://" not in text:
        # A bare port path is what people type in a terminal: accept it as a serial port.
        if text.startswith(("/dev/", "COM", "com")):
            text = "serial://" + text
        else:
            raise DeviceURIError(DeviceReason("not_a_uri", text=text))
    parts = urlsplit(text)
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        raise DeviceURIError(DeviceReason("unknown_scheme", text=text, scheme=scheme, known=", ".join(SCHEMES)))
    try:
        pairs = parse_qsl(parts.query, keep_blank_values=True, strict_parsing=bool(parts.query))
    except ValueError as exc:
        raise DeviceURIError(DeviceReason("bad_query", text=text)) from exc
    params: dict[str, str] = {}
    for key, value in pairs:
        key = key.strip().lower()
        if key in params:
            raise DeviceURIError(DeviceReason("given_twice", text=text, key=key))
        params[key] = value.strip()
    if scheme == "serial":
        port = unquote(parts.netloc + parts.path)
        if not port:
            raise DeviceURIError(DeviceReason("no_port", text=text))
        return DeviceURI("serial", port, params, text)
    if scheme == "sim":
        what = (parts.netloc or parts.path.strip("/")).lower()
        if what not in ("scale", "scanner"):
            raise DeviceURIError(DeviceReason("sim_what", text=text, what=what))
        return DeviceURI("sim", what, params, text)
    ids, _, serial_number = (parts.netloc + parts.path).partition("/")
    vid_text, colon, pid_text = ids.partition(":")
    if not (colon and _HEX4.fullmatch(vid_text) and _HEX4.fullmatch(pid_text)):
        raise DeviceURIError(DeviceReason("usb_ids", text=text))
    return DeviceURI("usb", ids.lower() + (f"/{unquote(serial_number)}" if serial_number else ""), params, text,
                     vid=int(vid_text, 16), pid=int(pid_text, 16), serial_number=unquote(serial_number) or None)


class Params:
    """Typed access to a URI's parameters that remembers which were read, so leftovers are errors."""

    def __init__(self, uri: DeviceURI) -> None:
        self.uri = uri
        self.used: set[str] = set()

    def _fail(self, key: str, code: str, **values: object) -> DeviceURIError:
        """`code`: a code of app.devices.reasons (the URI and the key are added to its values)."""
        return DeviceURIError(DeviceReason(code, text=self.uri.text or self.uri.target, key=key, **values))

    def has(self, key: str) -> bool:
        return key in self.uri.params

    def text(self, key: str, default: str) -> str:
        self.used.add(key)
        return self.uri.params.get(key, default)

    def choice(self, key: str, default: str, choices: tuple[str, ...], aliases: dict[str, str] | None = None) -> str:
        value = self.text(key, default).lower()
        value = (aliases or {}).get(value, value)
        if value not in choices:
            raise self._fail(key, "one_of", choices=", ".join(choices), value=value)
        return value

    def integer(self, key: str, default: int, minimum: int, maximum: int) -> int:
        raw = self.text(key, str(default))
        try:
            value = int(raw, 0) if raw.lower().startswith("0x") else int(raw)
        except ValueError:
            raise self._fail(key, "whole_number", value=raw) from None
        if not minimum <= value <= maximum:
            raise self._fail(key, "between", minimum=minimum, maximum=maximum, value=value)
        return value

    def number(self, key: str, default: float, minimum: float, maximum: float) -> float:
        raw = self.text(key, str(default))
        try:
            value = float(raw)
        except ValueError:
            raise self._fail(key, "number", value=raw) from None
        if not minimum <= value <= maximum:
            raise self._fail(key, "between", minimum=f"{minimum:g}", maximum=f"{maximum:g}", value=f"{value:g}")
        return value

    def boolean(self, key: str, default: bool) -> bool:
        raw = self.text(key, "1" if default else "0").lower()
        if raw in ("1", "true", "yes", "on", ""):
            return True
        if raw in ("0", "false", "no", "off"):
            return False
        raise self._fail(key, "true_or_false", value=raw)

    def finish(self) -> None:
        unknown = sorted(set(self.uri.params) - self.used)
        if unknown:
            known = ", ".join(sorted(self.used))
            raise self._fail(unknown[0], "unknown_parameter", known=known)
