"""`packstation simulate scanner`: a serial barcode scanner on a pseudo-terminal.

Prints the pty's path on standard output (again after every replug). Every line of --file, then
every line typed on standard input, is sent as one scan with the configured suffix (and AIM
identifier). Write <GS> for the GS1 separator (FNC1). Lines starting with "!" are commands:

    !unplug [SECONDS]    pull the cable (plug back after SECONDS)      !plug
    !noise [N]           send N bytes of line noise now (default 64)
    !raw HEX             send these bytes exactly (e.g. !raw 41420d)
    !sleep SECONDS       pause the file playback
    !quit

Faults by flags: --noise P (probability a scan is preceded by garbage), --drop P (scan lost),
--split (each scan arrives in two pieces 20 ms apart).
"""

from __future__ import annotations

import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from app.devices.simulators.loop import SimLoop

SUFFIX_BYTES = {"cr": b"\r", "lf": b"\n", "crlf": b"\r\n", "tab": b"\t", "etx": b"\x03", "none": b""}


@dataclass
class ScannerSimOptions:
    suffix: str = "cr"
    aim: str = ""  # e.g. "]C1": sent before every scan
    file: Path | None = None
    delay_ms: int = 0
    link: str | None = None
    noise: float = 0.0
    drop: float = 0.0
    split: bool = False
    seed: int | None = None


def frame(text: str, options: ScannerSimOptions) -> bytes:
    return (options.aim + text.replace("<GS>", "\x1d")).encode("utf-8") + SUFFIX_BYTES[options.suffix]


def run_scanner(options: ScannerSimOptions, stdin: TextIO | None = None, out: TextIO | None = None,
                err: TextIO | None = None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    rng = random.Random(options.seed)
    # The script is read before the port and its threads exist: a missing file is then one clear
    # error and an exit, not a process left waiting behind its own signal handlers.
    script = options.file.read_text(encoding="utf-8").splitlines() if options.file is not None else []
    loop = SimLoop(options.link, out, err)
    loop.install_signals()
    loop.announce()
    print(f"simulated scanner, suffix {options.suffix}; type a barcode and Enter, '!unplug 3', '!quit'",
          file=err, flush=True)
    for line in script:
        loop.commands.put(line)
    if stdin is not None:
        loop.read_lines(stdin)
    delay = options.delay_ms / 1000
    try:
        while loop.running:
            if loop.wait(None if loop.commands.empty() else 0):
                loop.port.read()  # a scanner ignores what the station sends
            while loop.running and not loop.commands.empty():
                typed = loop.commands.get_nowait()
                if typed is None:
                    continue
                if typed.startswith("!"):
                    _command(loop, typed[1:], rng, err)
                    continue
                _send(loop, frame(typed, options), options, rng)
                if delay:
                    time.sleep(delay)
    finally:
        loop.close()
    return 0


def _command(loop: SimLoop, line: str, rng: random.Random, err: TextIO) -> None:
    words = line.split()
    if not words:
        return
    if words[0] == "raw":
        loop.port.write(bytes.fromhex("".join(words[1:])))
    elif words[0] == "sleep":
        time.sleep(float(words[1]) if len(words) > 1 else 1.0)
    elif not loop.port_command(line, rng):
        print(f"unknown command !{line}", file=err, flush=True)


def _send(loop: SimLoop, data: bytes, options: ScannerSimOptions, rng: random.Random) -> None:
    if options.drop and rng.random() < options.drop:
        return
    if options.noise and rng.random() < options.noise:
        loop.port.write(bytes(rng.randrange(256) for _ in range(rng.randint(1, 32))))
        time.sleep(0.1)  # the noise ends before the scan, as a glitch on the line would
    if options.split and len(data) > 1:
        cut = len(data) // 2
        loop.port.write(data[:cut])
        time.sleep(0.02)
        data = data[cut:]
    loop.port.write(data)
