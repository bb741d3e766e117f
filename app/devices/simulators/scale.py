"""`packstation simulate scale`: a scale on a pseudo-terminal, driven from the keyboard.

Prints the pty's path on standard output (again after every replug), then acts as an MT-SICS,
NCI or continuous-output scale. Typed commands (standard input, one per line):

    1250 | 1.25kg | 2.5 lb | 12oz   put that load on the platform (it swings, then settles)
    0 | off                         take everything off
    motion [on|off]                 someone leaning on the platform
    overload [on|off]               above capacity      underload [on|off]   below zero
    fault ram|eeprom|rom|calibration|off                (NCI reports faults in its status bytes)
    ok                              clear motion, overload, underload and faults
    zero | tare                     press the scale's own buttons
    unplug [SECONDS]                pull the cable (and plug it back after SECONDS)
    plug                            plug it back in
    noise [N]                       send N bytes of line noise now (default 64)
    status                          print the model's state      quit | exit

Faults can also be switched on by flags (OctoPrint virtual printer style): --motion,
--overload, --noise P (probability that a reply is preceded by garbage), --drop P (probability
that a poll goes unanswered), --split (replies arrive in two pieces).
"""

from __future__ import annotations

import random
import re
import sys
import time
from dataclasses import dataclass
from typing import TextIO

from app.devices.simulators.loop import SimLoop
from app.devices.simulators.model import SimScaleModel
from app.devices.simulators.responders import make_responder
from app.devices.units import UnitError, normalise_unit, to_grams

_LOAD = re.compile(r"^([-+]?\d+(?:\.\d+)?)\s*([a-zA-Z]*)$")


@dataclass
class ScaleSimOptions:
    protocol: str = "mt-sics"
    unit: str = "g"
    weight_g: int = 0
    settle_ms: int = 600
    capacity_g: int = 30000
    interval_ms: int = 100
    link: str | None = None
    motion: bool = False
    overload: bool = False
    noise: float = 0.0
    drop: float = 0.0
    split: bool = False
    seed: int | None = None


def apply_model_command(line: str, model: SimScaleModel, now: float) -> str | None:
    """Carry out a typed command on the model; a message to print, or None if it is not a model command."""
    words = line.strip().split()
    if not words:
        return ""
    word = words[0].lower()
    arg = words[1].lower() if len(words) > 1 else ""
    match = _LOAD.match(line.strip())
    if match:
        unit = match.group(2) or "g"
        try:
            grams = to_grams(match.group(1), normalise_unit(unit))
        except UnitError as exc:
            return f"error: {exc}"
        model.place(grams, now)
        return f"load {grams} g"
    if word == "off":
        model.place(0, now)
        return "load 0 g"
    if word in ("motion", "overload", "underload"):
        value = arg != "off" if arg else not getattr(model, word)
        setattr(model, word, value)
        return f"{word} {'on' if value else 'off'}"
    if word == "fault":
        model.fault = "" if arg in ("", "off", "none") else arg
        return f"fault {model.fault or 'off'}"
    if word in ("ok", "clear"):
        model.clear_faults()
        return "faults cleared"
    if word == "zero":
        return f"zero: {model.zero(now)}"
    if word == "tare":
        result, grams = model.tare(now)
        return f"tare: {result} {grams} g"
    if word == "status":
        r = model.reading(now)
        return f"net {r.net_g} g, {'stable' if r.stable else 'moving'}, {r.condition} {r.fault}".strip()
    return None


def run_scale(options: ScaleSimOptions, stdin: TextIO | None = None, out: TextIO | None = None,
              err: TextIO | None = None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    now = time.monotonic()
    model = SimScaleModel(capacity_g=options.capacity_g, settle_ms=options.settle_ms, weight_g=options.weight_g,
                          now=now)
    model.motion, model.overload = options.motion, options.overload
    responder = make_responder(options.protocol, model, options.unit, options.interval_ms)
    rng = random.Random(options.seed)
    loop = SimLoop(options.link, out, err)
    loop.install_signals()
    loop.announce()
    print(f"simulated {options.protocol} scale, {options.unit}; type a weight (e.g. 1250 or 1.25kg), "
          "'motion', 'overload', 'unplug 3', 'quit'", file=err, flush=True)
    if stdin is not None:
        loop.read_lines(stdin)
    try:
        while loop.running:
            now = time.monotonic()
            station_wrote = loop.wait(responder.next_tick(now))
            now = time.monotonic()
            while not loop.commands.empty():
                line = loop.commands.get_nowait()
                if line is None or loop.port_command(line, rng):
                    continue
                message = apply_model_command(line, model, now)
                print(message if message is not None else f"unknown command {line!r}", file=err, flush=True)
            if station_wrote:
                _send(loop, responder.feed(loop.port.read(), now), options, rng, poll_reply=True)
            _send(loop, responder.tick(time.monotonic()), options, rng, poll_reply=False)
    finally:
        loop.close()
    return 0


def _send(loop: SimLoop, data: bytes, options: ScaleSimOptions, rng: random.Random, poll_reply: bool) -> None:
    if not data or not loop.port.plugged:
        return
    if poll_reply and options.drop and rng.random() < options.drop:
        return
    if options.noise and rng.random() < options.noise:
        loop.port.write(bytes(rng.randrange(256) for _ in range(rng.randint(1, 16))))
    if options.split and len(data) > 1:
        cut = rng.randint(1, len(data) - 1)
        loop.port.write(data[:cut])
        time.sleep(0.01)
        data = data[cut:]
    loop.port.write(data)

