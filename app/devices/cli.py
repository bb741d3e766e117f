"""`packstation simulate ...` and `packstation devices ...`: simulators and diagnostics for IT.

    packstation simulate scale --protocol mt-sics|nci|stream [--unit kg] [--link /tmp/scale]
    packstation simulate scanner [--suffix crlf] [--aim "]C1"] [--file scans.txt]
    packstation devices list [--json] [--cameras]
    packstation devices read-weight --port /dev/ttyUSB0 --protocol nci [--timeout 10]
    packstation devices listen-scanner --port usb://05e0:1200 [--count 5]

app/cli.py calls register(); `python -m app.devices.cli ...` runs the same commands alone.
Exit codes: 0 done, 1 nothing arrived in time, 2 the device or its URI is wrong.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from app.devices.uri import DeviceURIError
from app.domain import clock

EXIT_OK, EXIT_TIMEOUT, EXIT_DEVICE = 0, 1, 2
SCALE_COMMANDS = """typed on standard input, one per line:
  1250 | 1.25kg | 2.5 lb | 12oz   put that load on (it swings, then settles)     0 | off   empty it
  motion|overload|underload [on|off]    fault ram|eeprom|rom|calibration|off    ok (clear all)
  zero | tare    unplug [SECONDS] | plug    noise [N]    status    quit"""
SCANNER_COMMANDS = """typed on standard input (or in --file), one per line:
  a barcode (<GS> for FNC1)    !unplug [SECONDS]   !plug   !noise [N]   !raw HEX   !sleep S   !quit"""


def register(subparsers: Any) -> None:
    """Adds `simulate` and `devices` to an argparse sub-parser set (each with handler=fn(args) -> int)."""
    sim = subparsers.add_parser("simulate", help="a simulated scanner or scale on a pseudo-terminal")
    sim_sub = sim.add_subparsers(metavar="DEVICE", required=True)

    scale = sim_sub.add_parser("scale", help="a scale: prints its port, takes weights typed on standard input",
                               epilog=SCALE_COMMANDS, formatter_class=argparse.RawDescriptionHelpFormatter)
    scale.add_argument("--protocol", choices=["mt-sics", "nci", "stream"], default="mt-sics")
    scale.add_argument("--unit", choices=["g", "kg", "lb", "oz"], help="unit sent (default g; stream: kg)")
    scale.add_argument("--weight", type=_weight_arg, default=0, metavar="W", help="initial load, e.g. 1250 or 1.25kg")
    scale.add_argument("--settle-ms", type=_non_negative, default=600, help="how long a new load swings (600)")
    scale.add_argument("--capacity-g", type=_positive, default=30000, help="heavier is overload (30000)")
    scale.add_argument("--interval-ms", type=_positive, default=100, help="stream: one frame every N ms (100)")
    _common_sim_args(scale)
    scale.add_argument("--motion", action="store_true", help="start in motion (someone leaning on it)")
    scale.add_argument("--overload", action="store_true", help="start overloaded")
    scale.add_argument("--drop", type=_probability, default=0.0, metavar="P", help="probability a poll goes unanswered")
    scale.set_defaults(handler=cmd_simulate_scale)

    scanner = sim_sub.add_parser("scanner", help="a scanner: prints its port, sends each line typed as a scan",
                                 epilog=SCANNER_COMMANDS, formatter_class=argparse.RawDescriptionHelpFormatter)
    scanner.add_argument("--suffix", choices=["cr", "lf", "crlf", "tab", "etx", "none"], default="cr")
    scanner.add_argument("--aim", default="", metavar="ID", help='AIM symbology identifier sent first, e.g. "]C1"')
    scanner.add_argument("--file", type=Path, help="send every line of this file, then read standard input")
    scanner.add_argument("--delay-ms", type=_non_negative, default=0, help="pause between scans")
    _common_sim_args(scanner)
    scanner.add_argument("--drop", type=_probability, default=0.0, metavar="P", help="probability a scan is lost")
    scanner.set_defaults(handler=cmd_simulate_scanner)

    devices = subparsers.add_parser("devices", help="serial ports, scales and scanners: diagnostics")
    dev_sub = devices.add_subparsers(metavar="ACTION", required=True)

    listing = dev_sub.add_parser("list", help="serial ports with USB vendor/product ids and serial numbers")
    listing.add_argument("--json", action="store_true", help="one JSON document instead of a table")
    listing.add_argument("--cameras", action="store_true", help="also list cameras (needs QtMultimedia)")
    listing.set_defaults(handler=cmd_devices_list)

    read = dev_sub.add_parser("read-weight", help="print one stable weight as JSON and exit")
    read.add_argument("--port", required=True, help="/dev/ttyUSB0, COM3, or a device URI (usb://..., sim://scale)")
    read.add_argument("--protocol", choices=["mt-sics", "nci", "stream"], help="default mt-sics (or the URI's)")
    _serial_args(read)
    read.add_argument("--unit", help="stream: unit of frames that carry none")
    read.add_argument("--timeout", type=float, default=10.0, help="seconds to wait for a stable weight (10)")
    read.add_argument("--any", action="store_true", help="print the first reading, stable or not")
    read.set_defaults(handler=cmd_read_weight)

    listen = dev_sub.add_parser("listen-scanner", help="print every scan as a JSON line")
    listen.add_argument("--port", required=True, help="/dev/ttyACM0, COM4, or a device URI")
    _serial_args(listen)
    listen.add_argument("--suffix", choices=["auto", "cr", "lf", "crlf", "tab", "etx", "none"])
    listen.add_argument("--count", type=_positive, help="exit after this many scans")
    listen.add_argument("--timeout", type=float, default=0.0, help="exit after this many seconds (0: never)")
    listen.set_defaults(handler=cmd_listen_scanner)


def _common_sim_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--link", metavar="PATH", help="keep a symlink at PATH pointing at the current pty")
    parser.add_argument("--noise", type=_probability, default=0.0, metavar="P",
                        help="probability that garbage bytes precede a frame")
    parser.add_argument("--split", action="store_true", help="send every frame in two pieces")
    parser.add_argument("--seed", type=int, help="random seed for the faults (repeatable runs)")


def _serial_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--baud", type=_positive, help="baud rate (scale default 9600; scanner 9600)")
    parser.add_argument("--bytesize", type=int, choices=[5, 6, 7, 8])
    parser.add_argument("--parity", choices=["none", "even", "odd", "mark", "space"])
    parser.add_argument("--stopbits", choices=["1", "1.5", "2"])


# ---------------------------------------------------------------------- simulators


def cmd_simulate_scale(args: argparse.Namespace) -> int:
    from app.devices.simulators.scale import ScaleSimOptions, run_scale

    options = ScaleSimOptions(protocol=args.protocol, unit=args.unit or ("kg" if args.protocol == "stream" else "g"),
                              weight_g=args.weight, settle_ms=args.settle_ms, capacity_g=args.capacity_g,
                              interval_ms=args.interval_ms, link=args.link, motion=args.motion,
                              overload=args.overload, noise=args.noise, drop=args.drop, split=args.split,
                              seed=args.seed)
    return run_scale(options, stdin=sys.stdin)


def cmd_simulate_scanner(args: argparse.Namespace) -> int:
    from app.devices.simulators.scanner import ScannerSimOptions, run_scanner

    options = ScannerSimOptions(suffix=args.suffix, aim=args.aim, file=args.file, delay_ms=args.delay_ms,
                                link=args.link, noise=args.noise, drop=args.drop, split=args.split, seed=args.seed)
    return run_scanner(options, stdin=sys.stdin)


# ---------------------------------------------------------------------- diagnostics


def cmd_devices_list(args: argparse.Namespace) -> int:
    from app.devices.ports import list_serial_ports

    ports = list_serial_ports()
    cameras: list[dict[str, Any]] = []
    if args.cameras:
        cameras = _cameras()
    if args.json:
        document: dict[str, Any] = {"ports": [p.as_json() for p in ports]}
        if args.cameras:
            document["cameras"] = cameras
        print(json.dumps(document, indent=2))
        return EXIT_OK
    if not ports:
        print("no serial ports found")
    rows = [("PORT", "VID:PID", "SERIAL", "DESCRIPTION", "URI")]
    for p in ports:
        ids = f"{p.vid:04x}:{p.pid:04x}" if p.vid is not None and p.pid is not None else "-"
        description = " ".join(x for x in (p.manufacturer, p.product) if x) or p.description
        rows.append((p.device, ids, p.serial_number or "-", description, p.usb_uri or f"serial://{p.device}"))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    for row in rows if ports else []:
        print("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:4])) + "  " + row[4])
    for camera in cameras:
        print(f"camera: {camera['description']}{' (default)' if camera['default'] else ''}")
    if args.cameras and not cameras:
        print("no cameras found")
    return EXIT_OK


def _cameras() -> list[dict[str, Any]]:
    try:
        from PySide6.QtCore import QCoreApplication

        from app.devices.camera import list_cameras
    except ImportError:
        return []
    _app = QCoreApplication.instance() or QCoreApplication([])  # QtMultimedia needs an application object
    return list_cameras()


def cmd_read_weight(args: argparse.Namespace) -> int:
    from app.devices.factory import open_scale
    from app.devices.handler import QueueHandler

    extra = _serial_params(args)
    if args.protocol:
        extra["protocol"] = args.protocol
    if args.unit:
        extra["unit"] = args.unit
    try:
        uri = _with_params(args.port, extra)
        handler = QueueHandler()
        scale = open_scale(uri, handler)
    except DeviceURIError as exc:
        return _fail(EXIT_DEVICE, str(exc))
    started = time.monotonic()
    deadline = started + args.timeout
    last_problem = ""
    connected_once = False
    scale.start()
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return _fail(EXIT_TIMEOUT, f"no {'reading' if args.any else 'stable weight'} within "
                                           f"{args.timeout:g} s" + (f": {last_problem}" if last_problem else ""))
            try:
                kind, payload = handler.events.get(timeout=left)
            except Exception:  # noqa: BLE001 - queue.Empty: loop to the timeout message
                continue
            if kind == "status":
                if payload.state == "connected":
                    connected_once = True
                elif payload.state == "disconnected":
                    if not connected_once:
                        return _fail(EXIT_DEVICE, payload.message)  # wrong port, no permission, in use
                    last_problem = payload.message
                continue
            if kind == "weight":
                if payload.status != "ok":
                    last_problem = payload.message
                if payload.usable or (args.any and payload.status == "ok"):
                    document = payload.as_json()
                    document.update(port=scale.port, protocol=scale.protocol.name,
                                    elapsed_ms=round((time.monotonic() - started) * 1000))
                    print(json.dumps(document), flush=True)
                    return EXIT_OK
    finally:
        scale.stop()


def cmd_listen_scanner(args: argparse.Namespace) -> int:
    from app.devices.factory import open_scanner
    from app.devices.handler import QueueHandler
    from app.domain.scan import parse_scan

    extra = _serial_params(args)
    if args.suffix:
        extra["suffix"] = args.suffix
    try:
        handler = QueueHandler()
        scanner = open_scanner(_with_params(args.port, extra), handler)
    except DeviceURIError as exc:
        return _fail(EXIT_DEVICE, str(exc))
    deadline = time.monotonic() + args.timeout if args.timeout > 0 else None
    seen = 0
    scanner.start()
    try:
        while args.count is None or seen < args.count:
            left = None if deadline is None else deadline - time.monotonic()
            if left is not None and left <= 0:
                break
            try:
                event = handler.events.get(timeout=left if left is not None else 0.5)
            except Exception:  # noqa: BLE001 - queue.Empty
                continue
            if event[0] == "status":
                print(f"{event[1].name}: {event[1].state}: {event[1].message}", file=sys.stderr, flush=True)
                continue
            if event[0] == "scan":
                raw, source = event[1], event[2]
                scan = parse_scan(raw)
                seen += 1
                print(json.dumps({"source": source, "raw": scan.raw, "hex": raw.hex(), "kind": scan.kind.value,
                                  "text": scan.text, "symbology": scan.symbology, "accepted": scan.accepted,
                                  "message": scan.message, "at": round(clock.timestamp(), 3)}), flush=True)
    except KeyboardInterrupt:
        pass
    finally:
        scanner.stop()
    counters = scanner.counters
    if counters.dropped:
        print(f"dropped frames: {json.dumps(counters.as_json())}", file=sys.stderr)
    return EXIT_OK if seen or args.count is None else EXIT_TIMEOUT


# ---------------------------------------------------------------------- helpers


def _serial_params(args: argparse.Namespace) -> dict[str, str]:
    params = {}
    for key in ("baud", "bytesize", "parity", "stopbits"):
        value = getattr(args, key, None)
        if value is not None:
            params[key] = str(value)
    return params


def _with_params(port: str, extra: dict[str, str]) -> str:
    """A URI from --port (a path or a URI) plus options given as flags (flags win)."""
    from urllib.parse import parse_qsl

    uri = port if "://" in port else f"serial://{port}"
    base, _, query = uri.partition("?")
    params = dict(parse_qsl(query, keep_blank_values=True))
    params.update(extra)
    return base + (f"?{urlencode(params)}" if params else "")


def _fail(code: int, message: str) -> int:
    print(f"packstation: {message}", file=sys.stderr, flush=True)
    return code


def _weight_arg(text: str) -> int:
    import re

    from app.devices.units import UnitError, normalise_unit, to_grams

    match = re.fullmatch(r"\s*([-+]?\d+(?:\.\d+)?)\s*([A-Za-z]*)\s*", text)
    if match is None:
        raise argparse.ArgumentTypeError(f"{text!r} is not a weight like 1250, 1.25kg or 2.5lb")
    try:
        return to_grams(match.group(1), normalise_unit(match.group(2) or "g"))
    except UnitError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _positive(text: str) -> int:
    value = int(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be a positive whole number, not {text}")
    return value


def _non_negative(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"must not be negative, not {text}")
    return value


def _probability(text: str) -> float:
    value = float(text)
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1, not {text}")
    return value


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    parser = argparse.ArgumentParser(prog="packstation", description="Scanner and scale simulators and diagnostics.")
    register(parser.add_subparsers(title="commands", metavar="COMMAND", required=True))
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args))
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
