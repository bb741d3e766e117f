"""`packstation doctor`: is this station fit to pack? Every check is a small function returning Check(s).

Doctor only looks: it never migrates the database, never prints a label, never writes the
station file. The slow checks (printers, scale, central database) run side by side, so a
report with three dead devices still takes a few seconds, not a minute.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from app import __version__
from app.config import Config, ConfigError, Paths, load_config, station_paths
from app.it import probes
from app.it.central import probe_central
from app.it.checks import Check, CheckFn, failed, passed, render_json, render_text, run_all, skipped
from app.it.redact import redact_text, secrets_in_url
from app.it.syslibs import check_system_libraries
from app.store.db import HEAD, head_revisions

DISK_ERROR_BYTES = 200_000_000
DISK_WARNING_BYTES = 1_000_000_000


@dataclass
class Report:
    paths: Paths
    config: Config | None
    checks: list[Check] = field(default_factory=list)

    @property
    def header(self) -> str:
        station = self.config.station if self.config else "?"
        return f"Packstation {__version__} doctor — station {station} — {self.paths.config_file}"

    def text(self, verbose: bool = False) -> str:
        return render_text(self.checks, self.header, verbose=verbose)

    def json(self) -> str:
        return render_json(self.checks, version=__version__, schema=HEAD,
                           station=self.config.station if self.config else None,
                           config_file=str(self.paths.config_file))


def run_doctor(paths: Paths | None = None, *, devices: bool = True) -> Report:
    """All checks for the station at `paths` (default: this user's, or PACKSTATION_HOME)."""
    paths = paths or station_paths()
    config_check, config = check_configuration(paths)
    functions: list[CheckFn] = [check_version, lambda: config_check, partial(check_folders, paths)]
    if config is None:
        reason = "the configuration is invalid"
        functions += [lambda: [skipped(n, reason) for n in ("ship-from", "database", "central database",
                                                            "label printer", "document printer", "scale")]]
    else:
        functions += [partial(check_ship_from, config)]
        functions += [partial(check_private_files, paths, config), partial(check_pin_pepper, paths)]
        functions += [partial(check_database, paths, config), partial(check_migrations),
                      partial(probe_central, config.central_url, config=config, config_file=paths.config_file)]
        functions += printer_checks(config, paths) if devices else []
        functions += device_checks(config) if devices else []
    functions += [partial(check_disk_space, paths), check_fonts, check_system_libraries, check_display]
    return Report(paths, config, run_all(functions))


# ------------------------------------------------------------------ the checks


def check_version() -> Check:
    from app.it.versions import qt_versions

    qt = qt_versions()
    return passed("version", f"Packstation {__version__} (schema {HEAD}), Python {sys.version.split()[0]}, "
                             f"Qt {qt.get('qt') or qt.get('pyside6')}", version=__version__, schema=HEAD)


def check_configuration(paths: Paths) -> tuple[Check, Config | None]:
    path = paths.config_file
    try:
        config = load_config(paths)
    except ConfigError as exc:
        return failed("configuration", redact_text(str(exc)),
                      f"edit {path} (the message names the key), or run `packstation setup`"), None
    except OSError as exc:
        return failed("configuration", f"cannot read {path}: {exc.strerror}",
                      f"check the file's permissions: {path}"), None
    if not path.exists():
        return passed("configuration", f"no station file at {path}: standalone station with default settings "
                                       "(run `packstation setup` to configure it)"), config
    problem = _exposed_secret(path, config)
    if problem:
        return failed("configuration", problem, f"chmod 600 {path}", severity="warning"), config
    return passed("configuration", f"{path} is valid (station {config.station})"), config


def _exposed_secret(path: Path, config: Config) -> str:
    if os.name != "posix" or not (secrets_in_url(config.central_url) or secrets_in_url(config.database_url)):
        return ""
    mode = path.stat().st_mode
    if mode & (stat.S_IRGRP | stat.S_IROTH):
        return f"{path} holds a database password but other users may read it (mode {mode & 0o777:o})"
    return ""


def check_folders(paths: Paths) -> Check:
    problems = []
    for label, folder in (("data", paths.data_dir), ("logs", paths.log_dir), ("configuration", paths.config_dir)):
        existing = next((p for p in (folder, *folder.parents) if p.exists()), None)
        if existing is None or not os.access(existing, os.W_OK):
            problems.append(f"{label} folder {folder} is not writable")
    if problems:
        return failed("folders", "; ".join(problems), "give the station's user write access, or set "
                      "PACKSTATION_HOME to a folder it owns")
    return passed("folders", f"data {paths.data_dir}, logs {paths.log_dir}", quiet=True)


def check_ship_from(config: Config) -> Check:
    """The sender on every label: without it a label reads "Ship-from not configured"."""
    from app.it.first_start import SETUP_FIX, is_demo_ship_from, setup_problem

    problem = setup_problem(config)
    if problem:
        return failed("ship-from", problem, SETUP_FIX)
    where = ", ".join(v for v in (config.ship_from.get("company") or config.ship_from.get("name"),
                                  config.ship_from.get("city"), config.ship_from.get("country")) if v)
    if is_demo_ship_from(config):
        return failed("ship-from", f"the demo warehouse's address ({where}) is on every label",
                      f"{SETUP_FIX} before shipping real parcels", severity="warning", demo=True)
    return passed("ship-from", where)


def private_paths(paths: Paths, config: Config) -> tuple[list[Path], list[Path]]:
    """The station's private folders and files: the database (and its WAL), its backups, the PIN
    pepper file and every secret file the configuration names (app.private_files)."""
    from app.accounts.pepper import FILE_NAME

    folders = [paths.config_dir, paths.data_dir, paths.data_dir / "backups"]
    files = [paths.database, paths.database.with_name(paths.database.name + "-wal"),
             paths.database.with_name(paths.database.name + "-shm"), paths.data_dir / FILE_NAME]
    files += sorted((paths.data_dir / "backups").glob("*.db"))
    central_password_file = getattr(getattr(config, "central", None), "password_file", None)
    if central_password_file:
        files.append(Path(central_password_file))
    shipping = getattr(config, "shipping", None)
    if shipping is not None:
        for secret in (getattr(shipping, "easypost_api_key_file", None),
                       getattr(getattr(shipping, "smtp", None), "password_file", None)):
            if secret is not None:
                files.append(Path(secret))
    if secrets_in_url(config.central_url) or secrets_in_url(config.database_url):
        files.append(paths.config_file)
    return folders, files


def check_private_files(paths: Paths, config: Config) -> Check:
    """Other users of the computer cannot read the station's database or secrets (POSIX modes)."""
    from app.private_files import NOT_CHECKED, POSIX, mode_problems

    if not POSIX:
        return passed("private files", NOT_CHECKED)
    folders, files = private_paths(paths, config)
    problems = mode_problems(folders, files)
    if problems:
        return failed("private files", "other users of this computer can read: " + "; ".join(map(str, problems)),
                      "run `packstation setup` (it sets folders 0700 and files 0600), or chmod them yourself",
                      severity="warning", paths=[str(p.path) for p in problems])
    return passed("private files", "the station folder, database and secret files are readable by this user only",
                  quiet=True)


def check_pin_pepper(paths: Paths) -> Check:
    """Where the key that protects the station's copy of the PINs is kept."""
    from app.accounts.pepper import PepperError, load_pepper

    try:
        pepper = load_pepper(paths.data_dir, create=False)
    except (PepperError, PermissionError) as exc:
        return failed("PIN pepper", str(exc), "restore the pepper, or delete it: people then sign in online "
                      "or by badge and the station keeps their PINs again", severity="warning")
    if pepper is None:
        return passed("PIN pepper", "not made yet: made on the first PIN sign-in", quiet=True)
    if pepper.where == "keyring":
        return passed("PIN pepper", "in the OS keyring", where="keyring")
    return failed("PIN pepper", f"in {pepper.path} (mode 0600), not in an OS keyring: {pepper.note}",
                  "install a keyring backend (Secret Service: gnome-keyring or KWallet) if a copied station "
                  "folder must not allow PIN guessing", severity="info", where="file")


def check_database(paths: Paths, config: Config) -> Check:
    from sqlalchemy.exc import SQLAlchemyError

    from app.store.db import current_revision, make_engine, sqlite_url

    name = "database"
    url = config.database_url or sqlite_url(paths.database)
    shown = redact_text(url) if config.database_url else str(paths.database)
    if not config.database_url and not paths.database.exists():
        return passed(name, f"{shown} does not exist yet: it is created on the first start")
    try:
        engine = make_engine(url)
    except ImportError as exc:
        return failed(name, f"{shown}: this build has no driver for it ({exc.name or exc})",
                      "install the database driver, or remove database.url to use the station's own SQLite file")
    except (SQLAlchemyError, ValueError) as exc:
        return failed(name, f"{shown} is not a database URL this station understands: {redact_text(str(exc))}",
                      "correct database.url in the station file")
    try:
        revision = current_revision(engine)
    except SQLAlchemyError as exc:
        reason = redact_text(str(getattr(exc, "orig", None) or exc).strip().splitlines()[0])
        return failed(name, f"cannot open {shown}: {reason}", "check the file is there and readable by this user, "
                      "and that the disk is not full; restore from data/backups if it is damaged")
    finally:
        engine.dispose()
    if revision == HEAD:
        return passed(name, f"{shown} at schema {HEAD} (current)", revision=revision)
    if revision is None:
        return passed(name, f"{shown} has no schema yet: it is created on the first start", revision=None)
    known = known_revisions()
    if known is not None and revision not in known:
        return failed(name, f"{shown} has schema {revision}, written by a newer Packstation; this build "
                            f"({__version__}, schema {HEAD}) will not open it",
                      "install the Packstation version that wrote it (or newer) on this station; "
                      "or restore an older copy from data/backups", revision=revision, head=HEAD)
    return passed(name, f"{shown} at schema {revision}: upgraded to {HEAD} on the next start "
                        "(a backup is made first)", revision=revision, head=HEAD)


def known_revisions() -> set[str] | None:
    """The schema revisions this build's migrations know, or None when they cannot be read."""
    try:
        from alembic.script import ScriptDirectory

        from app.store.db import alembic_config

        script = ScriptDirectory.from_config(alembic_config("sqlite://"))
        return {r.revision for r in script.walk_revisions()}
    except Exception:  # noqa: BLE001 - reported by check_migrations
        return None


def check_migrations() -> Check:
    """The upgrade scripts ship with the build: without them an older station database cannot be upgraded."""
    from app.store.db import MIGRATIONS

    known = known_revisions()
    if not known:
        return failed("migrations", f"the database upgrade scripts are missing from this build ({MIGRATIONS})",
                      "reinstall Packstation; a build must include app/store/migrations")
    if not head_revisions() <= known:
        return failed("migrations", f"the upgrade scripts stop before schema {HEAD}", "reinstall Packstation")
    return passed("migrations", f"{len(known)} upgrade scripts, newest {HEAD}", quiet=True)


def printer_checks(config: Config, paths: Paths) -> list[CheckFn]:
    label_format = getattr(config, "label_format", "") or ""
    return [
        partial(probes.probe_printer, "label", config.label_printer, zpl=label_format in ("", "zpl"),
                spool_dir=paths.spool_dir),
        partial(probes.probe_printer, "document", config.document_printer, zpl=False, spool_dir=paths.spool_dir),
    ]


def device_checks(config: Config) -> list[CheckFn]:
    from app.devices.hub import DeviceConfig

    devices = DeviceConfig.from_config(config)
    functions: list[CheckFn] = []
    if devices.scale:
        functions.append(partial(probes.probe_scale, devices.scale))
    else:
        functions.append(lambda: passed("scale", "not set: weights are typed in or taken from the catalogue"))
    for uri in devices.scanners:
        functions.append(partial(probes.probe_scanner, uri))
    return functions


def check_disk_space(paths: Paths) -> Check:
    folder = next((p for p in (paths.data_dir, *paths.data_dir.parents) if p.exists()), Path.cwd())
    free = shutil.disk_usage(folder).free
    text = f"{free / 1e9:.1f} GB free for {folder}"
    fix = "free disk space: old logs, downloads; the station needs room for its database, backups and labels"
    if free < DISK_ERROR_BYTES:
        return failed("disk space", text, fix, free_bytes=free)
    if free < DISK_WARNING_BYTES:
        return failed("disk space", text, fix, severity="warning", free_bytes=free)
    return passed("disk space", text, free_bytes=free)


def check_fonts(font_lister: Callable[[], Sequence[str] | None] | None = None) -> list[Check]:
    """The label fonts shipped with Packstation, and the screen's fonts (fontconfig)."""
    from printers.fonts import FONT_FILES, font_path

    checks = []
    bad = []
    for font in FONT_FILES:
        path = Path(font_path(font))
        try:
            with path.open("rb") as handle:
                magic = handle.read(4)
        except OSError:
            magic = b""
        if magic not in (b"\x00\x01\x00\x00", b"true", b"OTTO"):
            bad.append(path.name)
    if bad:
        checks.append(failed("label fonts", f"missing or damaged: {', '.join(bad)}",
                             "reinstall Packstation: the build must include resources/fonts"))
    else:
        checks.append(passed("label fonts", f"{len(FONT_FILES)} fonts present", quiet=True))
    if sys.platform == "linux":
        fonts = (font_lister or _fontconfig_fonts)()
        if fonts is not None and not fonts:
            checks.append(failed("screen fonts", "no fonts installed: the station window would show no text",
                                 "sudo apt install fonts-dejavu-core"))
        elif fonts is None:
            checks.append(failed("screen fonts", "fontconfig (fc-list) is not installed: cannot check",
                                 "sudo apt install fontconfig fonts-dejavu-core", severity="warning"))
        else:
            checks.append(passed("screen fonts", f"{len(fonts)} fonts installed", quiet=True))
    return checks


def _fontconfig_fonts() -> list[str] | None:
    tool = shutil.which("fc-list")
    if tool is None:
        return None
    try:
        done = subprocess.run([tool, ":", "family"], capture_output=True, text=True, timeout=20, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return [line for line in done.stdout.splitlines() if line.strip()]


def check_display() -> Check:
    if sys.platform != "linux":
        return passed("display", "desktop session", quiet=True)
    qpa = os.environ.get("QT_QPA_PLATFORM", "")
    if qpa:
        return passed("display", f"QT_QPA_PLATFORM={qpa}")
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return passed("display", f"screen {os.environ.get('WAYLAND_DISPLAY') or os.environ.get('DISPLAY')}",
                      quiet=True)
    return failed("display", "no screen in this shell (normal over SSH): the window opens in the desktop session",
                  "", severity="info")
