"""Trying a printer, a scale or a scanner the way the station will use it, and saying what failed.

Used by `doctor` (every configured device) and by `setup` (each device as it is added). Each
probe opens the device, asks what can be asked, closes it again, and returns a Check; none of
them prints a label or changes a device's settings.
"""

from __future__ import annotations

import os
import queue
import shutil
import subprocess
import time
from pathlib import Path
from urllib.parse import urlsplit

from app.it.checks import Check, failed, passed

PRINTER_TIMEOUT = 3.0
SCALE_TIMEOUT = 5.0
SCANNER_TIMEOUT = 3.0


# ------------------------------------------------------------------ printers


def probe_printer(role: str, uri: str, *, zpl: bool = True, spool_dir: Path | None = None,
                  timeout: float = PRINTER_TIMEOUT) -> Check:
    """Reach the printer named by `uri`; ask a ZPL label printer for its ~HS status.

    `zpl` False (a document printer, or a label printer set to PDF) never sends ~HS: a laser
    printer on port 9100 would print the two characters on a sheet of paper.
    """
    name = f"{role} printer"
    key = f"printers.{role}"
    if not uri:
        where = f" in {spool_dir}" if spool_dir else ""
        return passed(name, f"not set: {'labels' if role == 'label' else 'documents'} are saved as files{where}")
    from printers.errors import BadPrinterUri, PrinterError
    from printers.transports import transport_for

    try:
        transport = transport_for(uri, timeout)
    except BadPrinterUri as exc:
        return failed(name, str(exc), f"correct {key} in the station file, or run `packstation setup`")
    scheme = urlsplit(uri).scheme.lower()
    if scheme == "cups":
        return _probe_cups(name, getattr(transport, "queue", ""), timeout)
    if scheme == "dir":
        return _probe_dir(name, Path(getattr(transport, "directory", "")))
    if scheme == "file":
        return _probe_file(name, getattr(transport, "path", ""))
    ask_status = zpl and transport.asks_status  # not on ?hs=off: the queue never asks that printer either
    try:
        transport.open()
        try:
            status = transport.host_status(timeout) if ask_status else None
        finally:
            transport.close()
    except PrinterError as exc:
        return failed(name, str(exc), _printer_fix(scheme, uri), uri=uri)
    test_note = " (a test printer: nothing is printed)" if scheme == "dummy" else ""
    if status is not None and not status.answered:
        return failed(name, f"{transport.name} accepts connections but does not answer the status query (~HS)",
                      "check it has labels and ribbon and the head is closed (the station holds its labels "
                      "until it answers); a ZPL printer of another make that never answers ~HS: add ?hs=off to "
                      "its address; not a ZPL printer at all: set printers.label_format = \"pdf\"",
                      severity="warning", uri=uri)
    if status is not None and not status.ready:
        message, _, fix = status.message.partition(" — ")
        return failed(name, f"{message} ({', '.join(status.problems)})", fix, uri=uri,
                      problems=list(status.problems))
    if status is None:
        message = f"{transport.name} accepts connections"
    else:
        message = f"{transport.name} is ready" + (f"; {', '.join(status.problems)}" if status.problems else "")
    if scheme == "dummy":
        return failed(name, message + test_note, "set a real printer in the station file before packing",
                      severity="warning", uri=uri)
    return passed(name, message, uri=uri)


def _printer_fix(scheme: str, uri: str) -> str:
    if scheme == "tcp":
        return "check the printer is on and cabled, and that its address in the station file is right " \
               "(print its network configuration label to see its IP address)"
    if scheme == "serial":
        return "check the cable and the port name (`packstation devices list`), and that the station's user " \
               "is in the dialout group"
    return f"check the printer at {uri}"


def _probe_cups(name: str, queue_name: str, timeout: float) -> Check:
    lpstat = shutil.which("lpstat")
    if lpstat is None:
        return failed(name, "CUPS is not installed on this computer (no lpstat command)",
                      "install it: sudo apt install cups-client cups")
    try:
        done = subprocess.run([lpstat, "-p", queue_name], capture_output=True, text=True, timeout=timeout,
                              check=False)
    except subprocess.TimeoutExpired:
        return failed(name, f"CUPS did not answer within {timeout:g} s", "check that CUPS is running: "
                      "systemctl status cups")
    if done.returncode != 0:
        reason = (done.stderr or done.stdout).strip().splitlines()
        return failed(name, f"printer queue {queue_name} is unknown to CUPS ({reason[0] if reason else 'no answer'})",
                      "check the queue name with `lpstat -p`, or add the printer in CUPS (http://localhost:631)")
    state = done.stdout.strip().splitlines()[0] if done.stdout.strip() else f"printer {queue_name}"
    if "disabled" in state:
        return failed(name, state, f"enable the queue: cupsenable {queue_name}", severity="warning")
    return passed(name, state)


def _probe_dir(name: str, folder: Path) -> Check:
    if folder.is_dir():
        if os.access(folder, os.W_OK):
            return passed(name, f"spool folder {folder} is writable")
        return failed(name, f"spool folder {folder} is not writable for this user",
                      f"give the station's user write access to {folder}")
    parent = next((p for p in folder.parents if p.exists()), None)
    if parent is not None and os.access(parent, os.W_OK):
        return passed(name, f"spool folder {folder} will be created on the first job")
    return failed(name, f"spool folder {folder} does not exist and cannot be created",
                  f"create it: mkdir -p {folder}")


def _probe_file(name: str, path: str) -> Check:
    target = Path(path)
    if target.exists():
        if os.access(target, os.W_OK):
            return passed(name, f"{path} is present and writable")
        return failed(name, f"{path} is present but this user may not write to it",
                      "add the station's user to the lp group (sudo usermod -aG lp USER), then log in again")
    if path.startswith("/dev/"):
        return failed(name, f"{path} is missing", "check the USB cable and that the printer is on")
    if os.access(target.parent, os.W_OK):
        return passed(name, f"{path} will be created on the first job")
    return failed(name, f"{path} cannot be created", f"check the folder {target.parent} exists and is writable")


# ------------------------------------------------------------------ scale and scanners


def probe_scale(uri: str, timeout: float = SCALE_TIMEOUT) -> Check:
    """Open the scale and wait for one reading: the port is there and the scale answers."""
    from app.devices.factory import open_scale
    from app.devices.handler import QueueHandler
    from app.devices.uri import DeviceURIError

    name = "scale"
    handler = QueueHandler()
    try:
        scale = open_scale(uri, handler)
    except DeviceURIError as exc:
        return failed(name, str(exc), "correct scale.uri in the station file (`packstation devices list` shows ports)")
    scale.start()
    try:
        return _await_scale(name, uri, handler, timeout)
    finally:
        scale.stop()


def _await_scale(name: str, uri: str, handler, timeout: float) -> Check:  # noqa: ANN001 - QueueHandler
    deadline = time.monotonic() + timeout
    connected = False
    last = ""
    while (left := deadline - time.monotonic()) > 0:
        try:
            event = handler.events.get(timeout=left)
        except queue.Empty:
            break
        if event[0] == "status":
            status = event[1]
            if status.state == "connected":
                connected = True
            elif status.state in ("disconnected", "reconnecting"):
                if not connected:
                    return _not_opened(name, status.message, uri)
                last = status.message
        elif event[0] == "weight":
            reading = event[1]
            if reading.status == "ok":
                state = "stable" if reading.stable else "moving"
                return passed(name, f"answering on {uri}: {reading.grams} g ({state})", uri=uri, grams=reading.grams)
            return failed(name, f"answering on {uri}, but: {reading.message or reading.status}",
                          "clear the platform and zero the scale", severity="warning", uri=uri)
    if connected:
        return failed(name, f"the port opens but the scale sent no weight within {timeout:g} s"
                      + (f" ({last})" if last else ""),
                      "check the scale is on and its protocol and baud rate match scale.uri "
                      "(try `packstation devices read-weight --port ...`)", uri=uri)
    return failed(name, f"no answer from {uri} within {timeout:g} s" + (f" ({last})" if last else ""),
                  _serial_fix(uri), uri=uri)


def probe_scanner(uri: str, timeout: float = SCANNER_TIMEOUT) -> Check:
    """Open a serial scanner's port. A scanner speaks only when it scans, so an open port is the test."""
    from app.devices.factory import open_scanner
    from app.devices.handler import QueueHandler
    from app.devices.uri import DeviceURIError

    name = "scanner"
    handler = QueueHandler()
    try:
        scanner = open_scanner(uri, handler)
    except DeviceURIError as exc:
        return failed(name, str(exc), "correct the scanner URI in the station file")
    name = f"scanner {scanner.name}" if scanner.name != "scanner" else name
    scanner.start()
    try:
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            try:
                event = handler.events.get(timeout=left)
            except queue.Empty:
                break
            if event[0] != "status":
                continue
            if event[1].state == "connected":
                return passed(name, f"port {uri} is open (scan a barcode with `packstation devices "
                                    f"listen-scanner --port {uri}` to see it arrive)", uri=uri)
            if event[1].state in ("disconnected", "reconnecting"):
                return _not_opened(name, event[1].message, uri)
        return failed(name, f"{uri} did not open within {timeout:g} s", _serial_fix(uri), uri=uri)
    finally:
        scanner.stop()


def _not_opened(name: str, message: str, uri: str) -> Check:
    if "in use" in message:
        # Most often the station window itself, which holds its ports while it runs: worth a look,
        # not an alarm for a monitoring job that runs doctor beside a working station.
        return failed(name, message, "close the other program; if it is the station window, this is normal "
                      "(run doctor with --no-devices beside a running station)", severity="warning", uri=uri)
    return failed(name, message, _serial_fix(uri), uri=uri)


def _serial_fix(uri: str) -> str:
    if uri.startswith("sim://"):
        return "the simulator failed: send a support bundle"
    return ("check the cable and that the device is on; `packstation devices list` shows the ports this computer "
            "sees; the station's user must be in the dialout group; close any other program using the port")
