"""`packstation setup`: make a station ready to pack, by prompts or entirely from flags.

    packstation setup                                   # asks, showing the current values
    packstation setup --yes --station BENCH-07 --label-printer tcp://10.0.0.5:9100 \
        --scale "serial:///dev/ttyUSB0?protocol=nci" --central-url postgresql://...
    packstation setup --yes --profile warehouse-a.toml --station BENCH-07

Values are laid on each other in this order: the station file as it is, the profile (given with
--profile; or, for a station without a file yet, the one built into this build), then flags and
answers. Each device is tried as it is
added (a printer connected and asked for ~HS, a scale read, a scanner port opened) and what
failed is said in words. The file is validated exactly as the station will validate it before
anything is written, written atomically, and kept private (0600) when it holds a password.
Then the station is registered in its database (and centrally, through app.sync's hook).

Exit codes: 0 ready; 1 written, but a device test failed (listed); 2 nothing written (a value
or the profile is invalid).
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.config import Config, ConfigError, Paths, default_station_name, parse_config
from app.it import probes
from app.it.central import announce, probe_central
from app.it.checks import Check
from app.it.profile import ProfileError, bundled_profile, describe, load_profile
from app.it.redact import redact_text
from app.it.stationfile import read_raw, write_config
from app.it.tomlfile import merge

EXIT_READY, EXIT_DEVICE_FAILED, EXIT_INVALID = 0, 1, 2
CLEAR = "-"  # typed at a prompt: remove the value


@dataclass
class SetupOptions:
    station: str | None = None
    label_printer: str | None = None
    document_printer: str | None = None
    scale: str | None = None
    scanners: list[str] | None = None
    central_url: str | None = None
    profile: Path | None = None
    yes: bool = False  # no questions: flags, profile and the current file decide
    test_devices: bool = True
    register: bool = True
    if_new: bool = False  # do nothing when the station already has a configuration (installers, updates)
    ship_from: dict[str, str] | None = None  # --ship-from KEY=VALUE: the sender on every label


@dataclass
class Console:
    """How setup talks to the admin; tests pass their own."""

    ask: Callable[[str], str] = input
    say: Callable[[str], None] = print


@dataclass
class SetupResult:
    code: int
    config: Config | None = None
    path: Path | None = None
    device_checks: list[Check] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


# Which flag sets which key; the order is the order of the questions.
FIELDS: tuple[tuple[str, str, str, str], ...] = (
    # option attribute, section, key, question
    ("station", "station", "name", "Station name (letters, digits, - or _)"),
    ("central_url", "central", "url", "Central order database URL (postgresql://user:password@host/db)"),
    ("label_printer", "printers", "label", "Label printer (tcp://IP:9100, serial:///dev/ttyUSB0, cups://Queue)"),
    ("document_printer", "printers", "document", "Document printer for packing slips (cups://Office, tcp://...)"),
    ("scale", "scale", "uri", "Scale (serial:///dev/ttyUSB0?protocol=nci, usb://VID:PID, sim://scale)"),
)


def run_setup(options: SetupOptions, paths: Paths, console: Console | None = None) -> SetupResult:
    console = console or Console()
    say = console.say
    if options.if_new and paths.config_file.exists():
        say(f"{paths.config_file} exists: left as it is (run `packstation setup` to change it)")
        return SetupResult(EXIT_READY, path=paths.config_file)
    paths.ensure()
    try:
        existing = read_raw(paths.config_file)
    except ConfigError as exc:
        if options.yes:
            say(f"packstation: {exc}\nThe broken file is kept as {_keep_broken(paths.config_file)} and replaced.")
            existing = {}
        else:
            say(f"packstation: {exc}")
            return SetupResult(EXIT_INVALID)
    raw = existing
    # A profile given on the command line always applies; the build's own only to a new station,
    # so re-running setup on a configured bench never undoes its local settings.
    profile = options.profile or (bundled_profile() if not existing else None)
    if profile is not None:
        try:
            raw = merge(raw, load_profile(profile))
        except ProfileError as exc:
            say(f"packstation: profile: {exc}")
            return SetupResult(EXIT_INVALID)
        say(f"Using station profile {describe(profile)}")
    raw = merge(raw, _from_flags(options))
    raw.setdefault("station", {}).setdefault("name", default_station_name())

    checks: list[Check] = []
    if not options.yes:
        raw, checks = _interview(raw, options, console, paths)
    else:
        problem = _invalid(raw, paths)
        if problem:  # say so before spending seconds on device tests
            return _refuse(say, problem, checks)
        if options.test_devices:
            checks = _test_all(raw, say)

    try:
        config = write_config(paths, raw)
    except ConfigError as exc:
        return _refuse(say, str(exc), checks)
    say(f"Wrote {paths.config_file}")
    for line in make_private(paths, config):
        say(line)
    result = SetupResult(EXIT_READY, config, paths.config_file, checks)
    if options.register:
        result.notes += register_station(config)
        for note in result.notes:
            say(note)
    bad = [c for c in checks if c.failed]
    if bad:
        say("Saved, but these did not pass: " + "; ".join(f"{c.name}: {c.message}" for c in bad))
        say("Fix them, then run `packstation doctor`.")
        result.code = EXIT_DEVICE_FAILED
    else:
        say(f"Station {config.station} is ready. Check it any time with `packstation doctor`.")
    return result


def make_private(paths: Paths, config: Config) -> list[str]:
    """Folders 0700 and the database and secret files 0600 (what doctor's "private files" checks)."""
    from app.it.doctor import private_paths
    from app.private_files import NOT_CHECKED, POSIX, fix_modes, mode_problems

    if not POSIX:
        return [f"Private files: {NOT_CHECKED}"]
    fixed = fix_modes(mode_problems(*private_paths(paths, config)))
    return [f"Made private: {p.path} (was {p.mode:o}, now {p.wanted:o})" for p in fixed]


def _invalid(raw: dict[str, Any], paths: Paths) -> str:
    try:
        parse_config(_without_empty(raw), source=str(paths.config_file))
    except ConfigError as exc:
        return str(exc)
    return ""


def _without_empty(raw: dict[str, Any]) -> dict[str, Any]:
    return {section: {k: v for k, v in table.items() if v not in ("", [], None)} if isinstance(table, dict) else table
            for section, table in raw.items()}


def _refuse(say: Callable[[str], None], problem: str, checks: list[Check]) -> SetupResult:
    say(f"packstation: nothing written: {redact_text(problem)}")
    return SetupResult(EXIT_INVALID, device_checks=checks)


def _from_flags(options: SetupOptions) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for attribute, section, key, _question in FIELDS:
        value = getattr(options, attribute)
        if value is not None:
            out.setdefault(section, {})[key] = "" if value == CLEAR else value.strip()
    if options.scanners is not None:
        out.setdefault("scanner", {})["serial"] = [s.strip() for s in options.scanners if s.strip() and s != CLEAR]
    for key, value in (options.ship_from or {}).items():
        out.setdefault("ship_from", {})[key] = "" if value == CLEAR else value.strip()
    return out


def _interview(raw: dict[str, Any], options: SetupOptions, console: Console,
               paths: Paths) -> tuple[dict[str, Any], list[Check]]:
    console.say(f"Setting up this station. Enter keeps the value in brackets; {CLEAR} removes it.")
    checks: list[Check] = []
    try:
        _ask_fields(raw, options, console, paths, checks)
        _ask_scanners(raw, options, console, checks)
        _ask_ship_from(raw, console)
    except EOFError:
        console.say("(no more answers: the remaining values stay as they are)")
    return raw, checks


def _ask_fields(raw: dict[str, Any], options: SetupOptions, console: Console, paths: Paths,
                checks: list[Check]) -> None:
    say = console.say
    for attribute, section, key, question in FIELDS:
        if attribute == "scale":
            _show_ports(say)
        while True:
            current = raw.get(section, {}).get(key, "")
            value = _ask(console, question, current)
            raw.setdefault(section, {})[key] = value
            problem = _invalid(raw, paths)
            if problem and f"{section}.{key}" in problem:
                say(f"  {redact_text(problem.split(': ', 1)[-1])}")
                raw[section][key] = current
                continue
            check = _test_one(section, key, value, raw) if options.test_devices and value else None
            if check is not None:
                _say_check(say, check)
            if check is None or not check.failed or _yes(console, "Keep it anyway?"):
                if check is not None:
                    checks.append(check)
                break


def _ask_scanners(raw: dict[str, Any], options: SetupOptions, console: Console, checks: list[Check]) -> None:
    scanners = raw.get("scanner", {}).get("serial", [])
    answer = _ask(console, "Serial scanners, comma separated (none for keyboard scanners)", ", ".join(scanners))
    chosen = [s.strip() for s in answer.split(",") if s.strip()]
    if chosen or scanners:
        raw.setdefault("scanner", {})["serial"] = chosen
    for uri in chosen if options.test_devices else []:
        check = probes.probe_scanner(uri)
        _say_check(console.say, check)
        checks.append(check)


SHIP_FROM_QUESTIONS = (("company", "Company"), ("name", "Name or department"), ("line1", "Street and number"),
                       ("line2", "Address line 2"), ("city", "City"), ("region", "State or region"),
                       ("postcode", "Postcode"), ("country", "Country (code or name: DE, Germany)"),
                       ("phone", "Phone"))


def _ask_ship_from(raw: dict[str, Any], console: Console) -> None:
    """The sender on every label, checked as a carrier reads it (country, postcode); asked again when refused."""
    from app.it.first_start import SetupError, check_ship_from

    console.say("Ship-from address (the warehouse: the sender on every label):")
    wanted = [key for key, _question in SHIP_FROM_QUESTIONS]
    for _attempt in range(3):
        table = raw.setdefault("ship_from", {})
        for key, question in SHIP_FROM_QUESTIONS:
            if key in wanted:
                table[key] = _ask(console, f"  {question}", table.get(key, ""))
        try:
            raw["ship_from"] = {k: v for k, v in check_ship_from(table).items() if v}
            return
        except SetupError as exc:
            for key, text in exc.problems.items():
                console.say(f"  {key}: {text}")
            wanted = [key.split(".", 1)[1] for key in exc.problems]
            wanted = ["company", "name"] if "name" in wanted else wanted


def _ship_from_check(raw: dict[str, Any]) -> Check | None:
    """A ship-from given by flags or a profile, checked the same way; None when there is none."""
    from app.it.checks import failed, passed
    from app.it.first_start import SetupError, check_ship_from

    table = raw.get("ship_from") or {}
    if not any(table.values()):
        return None
    try:
        raw["ship_from"] = {k: v for k, v in check_ship_from(table).items() if v}
    except SetupError as exc:
        return failed("ship-from", str(exc), "correct it with --ship-from KEY=VALUE")
    return passed("ship-from", ", ".join(v for v in (raw["ship_from"].get("city"), raw["ship_from"]["country"]) if v))


def _test_all(raw: dict[str, Any], say: Callable[[str], None]) -> list[Check]:
    checks = []
    ship_from = _ship_from_check(raw)
    if ship_from is not None:
        _say_check(say, ship_from)
        checks.append(ship_from)
    for _attribute, section, key, _question in FIELDS:
        value = raw.get(section, {}).get(key, "")
        check = _test_one(section, key, value, raw) if value else None
        if check is not None:
            _say_check(say, check)
            checks.append(check)
    for uri in raw.get("scanner", {}).get("serial", []) or []:
        check = probes.probe_scanner(uri)
        _say_check(say, check)
        checks.append(check)
    return checks


def _test_one(section: str, key: str, value: str, raw: dict[str, Any]) -> Check | None:
    if section == "printers":
        label_format = raw.get("printers", {}).get("label_format", "")
        return probes.probe_printer(key, value, zpl=key == "label" and label_format in ("", "zpl"))
    if section == "scale":
        return probes.probe_scale(value)
    if section == "central":
        try:
            config = parse_config(_without_empty(raw))
        except ConfigError:
            config = None
        return probe_central(value, config=config)[0]
    return None


def register_station(config: Config) -> list[str]:
    """Record the station in its own database (the stations table), then centrally via the hook."""
    from app.startup import open_bench
    from app.store.db import current_revision
    from app.store.repository import Repository

    notes = []
    try:
        bench = open_bench()
    except Exception as exc:  # noqa: BLE001 - the file is written; say why the database is not
        return [f"could not open the station database to register the station: {exc}"]
    try:
        repo = Repository(bench.engine)
        try:
            repo.register_station(config.station)
        finally:
            repo.close()
        notes.append(f"station {config.station} registered in {redact_text(str(bench.engine.url))}")
        schema = current_revision(bench.engine)
    finally:
        bench.close()
    ok, message = announce(config, schema)
    notes.append(message if ok else f"warning: {message}")
    return notes


def _ask(console: Console, question: str, current: str) -> str:
    shown = redact_text(current) if current else ""
    answer = console.ask(f"{question} [{shown}]: ").strip()  # EOFError: the interview ends
    if answer == CLEAR:
        return ""
    return answer or current


def _yes(console: Console, question: str) -> bool:
    try:
        return console.ask(f"{question} [y/N]: ").strip().lower() in ("y", "yes", "j", "ja")
    except EOFError:
        return False


def _say_check(say: Callable[[str], None], check: Check) -> None:
    say(f"  {check.status:<4}  {check.name}: {check.message}")
    if not check.ok and check.fix:
        say(f"        fix: {check.fix}")


def _show_ports(say: Callable[[str], None]) -> None:
    try:
        from app.devices.ports import list_serial_ports

        ports = list_serial_ports()
    except Exception:  # noqa: BLE001 - a hint only
        return
    if not ports:
        say("  (no serial ports found on this computer)")
        return
    say("  Serial ports on this computer:")
    for port in ports:
        say(f"    {port.device}  {port.usb_uri or ''}  {port.description}")


def _keep_broken(path: Path) -> Path:
    keep = path.with_name(path.name + ".broken")
    shutil.copy2(path, keep)  # copy2 keeps the mode: a private file stays private
    return keep


def stdin_console() -> Console:
    """Prompts on the terminal; answers read from standard input when it is piped (scripts, tests)."""
    if sys.stdin.isatty():
        return Console()

    def ask(prompt: str) -> str:
        sys.stdout.write(prompt)
        sys.stdout.flush()
        line = sys.stdin.readline()
        if not line:
            raise EOFError
        return line.rstrip("\n")

    return Console(ask=ask)
