"""The wire side of the simulated scale: turns commands into MT-SICS, NCI or streamed frames.

A responder gets the bytes the station sent and the time, and returns the bytes a real scale
would send back. Replies that a real scale delays (MT-SICS "S" and "Z" wait for stability) come
out of tick(). None of this does I/O: the pty simulator and sim://scale do that.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass

from app.devices.scales.nci import NciStatus, status_bytes
from app.devices.simulators.model import SimReading, SimScaleModel
from app.devices.units import from_grams, normalise_unit

DECIMALS = {"g": 0, "kg": 3, "lb": 3, "oz": 1, "mg": 0}
WAIT_FOR_STABLE_S = 3.0  # MT-SICS S/Z/T give up with "I" after this


def shown(grams: int, unit: str) -> str:
    return from_grams(grams, unit, DECIMALS[unit])


class Responder(ABC):
    protocol = ""

    def __init__(self, model: SimScaleModel, unit: str = "g") -> None:
        self.model = model
        self.unit = normalise_unit(unit)
        self._input = bytearray()

    @abstractmethod
    def feed(self, data: bytes, now: float) -> bytes:
        """Replies to the complete commands in `data` (partial commands wait for the rest)."""

    def tick(self, now: float) -> bytes:
        """Output due by now without a command (delayed replies, streamed frames)."""
        return b""

    def next_tick(self, now: float) -> float | None:
        """Seconds until tick() has something to say, or None."""
        return None

    def _commands(self, data: bytes, ends: bytes) -> list[str]:
        self._input += data
        out = []
        start = 0
        for i, byte in enumerate(self._input):
            if byte in ends:
                text = self._input[start:i].decode("ascii", "replace").strip()
                if text:
                    out.append(text)
                start = i + 1
        del self._input[:start]
        if len(self._input) > 256:
            self._input.clear()
        return out


@dataclass
class _Waiting:
    command: str
    since: float


class MtSicsResponder(Responder):
    protocol = "mt-sics"

    def __init__(self, model: SimScaleModel, unit: str = "g") -> None:
        super().__init__(model, unit)
        self._waiting: list[_Waiting] = []

    def feed(self, data: bytes, now: float) -> bytes:
        out = b""
        for command in self._commands(data, b"\r\n"):
            if self._waiting:
                self._waiting.append(_Waiting(command, now))  # answers keep the order of commands
                continue
            reply = self._answer(command, now, waited=False)
            if reply is None:
                self._waiting.append(_Waiting(command, now))
            else:
                out += reply
        return out

    def tick(self, now: float) -> bytes:
        out = b""
        while self._waiting:
            head = self._waiting[0]
            reply = self._answer(head.command, now, waited=now - head.since >= WAIT_FOR_STABLE_S)
            if reply is None:
                break
            out += reply
            self._waiting.pop(0)
        return out

    def next_tick(self, now: float) -> float | None:
        return 0.02 if self._waiting else None

    def _answer(self, command: str, now: float, waited: bool) -> bytes | None:
        name = command.split()[0].upper()
        reading = self.model.reading(now)
        if name in ("SI", "S"):
            if name == "S" and not reading.stable and reading.condition == "ok":
                return b"S I\r\n" if waited else None
            return self._weight(reading)
        if name == "Z":
            result = self.model.zero(now)
            if result == "moving":
                return b"Z I\r\n" if waited else None
            return {"ok": b"Z A\r\n", "high": b"Z +\r\n", "low": b"Z -\r\n"}[result]
        if name == "T":
            result, tare = self.model.tare(now)
            if result == "moving":
                return b"T I\r\n" if waited else None
            if result == "ok":
                return f"T S {shown(tare, self.unit):>10} {self.unit}\r\n".encode()
            return b"T +\r\n" if result == "high" else b"T -\r\n"
        if name == "@":
            self.model.tare_g = 0
            return b'I4 A "SIM0000001"\r\n'
        if name == "I4":
            return b'I4 A "SIM0000001"\r\n'
        return b"ES\r\n"

    def _weight(self, reading: SimReading) -> bytes:
        if reading.condition == "overload":
            return b"S +\r\n"
        if reading.condition == "underload":
            return b"S -\r\n"
        if reading.condition == "fault":
            return b"S I\r\n"
        flag = "S" if reading.stable else "D"
        return f"S {flag} {shown(reading.net_g, self.unit):>10} {self.unit}\r\n".encode()


class NciResponder(Responder):
    protocol = "nci"

    def feed(self, data: bytes, now: float) -> bytes:
        out = b""
        for command in self._commands(data, b"\r"):
            out += self._answer(command.upper(), now)
        return out

    def _answer(self, command: str, now: float) -> bytes:
        if command == "W":
            return self._weight(now)
        if command == "S":
            return b"\n" + self._status(now) + b"\r\x03"
        if command == "Z":
            self.model.zero(now)  # NCI zeroes when its criteria are met and answers with status either way
            return b"\n" + self._status(now) + b"\r\x03"
        if command == "T":
            self.model.tare(now)
            return b"\n" + self._status(now) + b"\r\x03"
        return b"\n?\r\x03"

    def _status(self, now: float) -> bytes:
        reading = self.model.reading(now)
        fault = reading.fault
        return status_bytes(NciStatus(
            motion=not reading.stable and reading.condition == "ok", at_zero=reading.net_g == 0,
            ram_error=fault == "ram", eeprom_error=fault == "eeprom", rom_error=fault == "rom",
            faulty_calibration=fault == "calibration",
            under_capacity=reading.condition == "underload", over_capacity=reading.condition == "overload"))

    def _weight(self, now: float) -> bytes:
        reading = self.model.reading(now)
        if reading.condition == "overload":
            field = "^^^^^^^^"
        elif reading.condition == "underload":
            field = "________"
        elif reading.condition == "fault":
            field = "--------"
        else:
            field = f"{shown(reading.net_g, self.unit):>8}{self.unit}"
        return b"\n" + field.encode() + b"\r\n" + self._status(now) + b"\r\x03"


class StreamResponder(Responder):
    protocol = "stream"

    def __init__(self, model: SimScaleModel, unit: str = "kg", interval_ms: int = 100) -> None:
        super().__init__(model, unit)
        self.interval_s = interval_ms / 1000
        self._next = 0.0

    def feed(self, data: bytes, now: float) -> bytes:
        for command in self._commands(data, b"\r\n"):
            if command.upper() == "Z":
                self.model.zero(now)
            elif command.upper() == "T":
                self.model.tare(now)
        return b""

    def next_tick(self, now: float) -> float | None:
        return max(0.0, self._next - now)

    def tick(self, now: float) -> bytes:
        if now < self._next:
            return b""
        self._next = max(self._next + self.interval_s, now)
        return self.frame(now)

    def frame(self, now: float) -> bytes:
        reading = self.model.reading(now)
        gross_net = "NT" if self.model.tare_g else "GS"
        if reading.condition == "fault":
            return b""
        if reading.condition == "overload":
            return f"OL,{gross_net},+9999999{self.unit}\r\n".encode()
        value = shown(reading.net_g, self.unit)
        sign = "-" if value.startswith("-") else "+"
        width = 9 if "." in value else 8
        head = "ST" if reading.stable and reading.condition == "ok" else "US"
        return f"{head},{gross_net},{sign}{value.lstrip('-').rjust(width, '0')}{self.unit}\r\n".encode()


def make_responder(protocol: str, model: SimScaleModel, unit: str, interval_ms: int = 100) -> Responder:
    if protocol == "mt-sics":
        return MtSicsResponder(model, unit)
    if protocol == "nci":
        return NciResponder(model, unit)
    if protocol == "stream":
        return StreamResponder(model, unit, interval_ms)
    raise ValueError(f"unknown scale protocol {protocol!r} (known: mt-sics, nci, stream)")
