"""One station process per station folder.

The window, `packstation replay` and anything else that drives the Station (and so runs the
print queue's start-up recovery) hold an operating-system lock on `station.lock` in the station's
data folder for as long as they run. A second such process is refused with who holds the
station: its pid, since when and which command, read from `station.lock.json` beside the lock
(a separate file, because Windows keeps a locked file's bytes from other readers).

The lock is `filelock`'s (fcntl on Linux and macOS, msvcrt on Windows): the operating system
drops it when its process dies, so a station killed with kill -9, or by a power cut, never
blocks its own restart. A stale `station.lock.json` is overwritten by the next holder.
Read-only commands (reports, `printers list`, stats) take no lock and run beside the station.

Within one process the lock is re-entrant: a window that rebuilds its Station after a settings
change, or a test that opens the same folder twice, holds it once.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import sys
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from filelock import FileLock, Timeout

from app.domain import clock

log = logging.getLogger(__name__)

LOCK_NAME = "station.lock"
INFO_NAME = "station.lock.json"
EXIT_BUSY = 75  # sysexits EX_TEMPFAIL: try again once the other process has stopped


@dataclass(frozen=True)
class Holder:
    """Who runs the station: written beside the lock by the process that holds it."""

    pid: int
    since: datetime
    command: str
    host: str = ""

    def describe(self) -> str:
        since = self.since.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        where = f" on {self.host}" if self.host and self.host != socket.gethostname() else ""
        return f"process {self.pid}{where} (`{self.command}`), running since {since}"


class StationBusy(Exception):
    """Another process runs this station; the message says which and what to do."""

    def __init__(self, folder: Path, holder: Holder | None) -> None:
        self.folder = folder
        self.holder = holder
        who = holder.describe() if holder else "another process (it has not said which yet)"
        super().__init__(
            f"this station is already running: {who}, station folder {folder}. "
            "Use that window (or wait for that command to finish); only one station process may "
            "run per station folder. A second station on this machine needs its own PACKSTATION_HOME.")


class StationLock:
    """The held lock of one station folder; `release()` (or process exit) lets the next one in."""

    def __init__(self, folder: Path, lock: FileLock) -> None:
        self.folder = folder
        self._lock = lock
        self._count = 1

    @property
    def info_file(self) -> Path:
        return self.folder / INFO_NAME

    def release(self) -> None:
        with _registry_guard:
            self._count -= 1
            if self._count > 0:
                return
            _held.pop(self.folder, None)
            holder = read_holder(self.folder)
            if holder is not None and holder.pid == os.getpid():
                self.info_file.unlink(missing_ok=True)
            self._lock.release(force=True)

    def __enter__(self) -> StationLock:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()


_held: dict[Path, StationLock] = {}
_registry_guard = threading.Lock()


def command_line(argv: list[str] | None = None) -> str:
    """`packstation replay -`: how the holder was started, for the refusal message."""
    args = list(sys.argv if argv is None else argv)
    if args:
        args[0] = "packstation" if Path(args[0]).stem in ("packstation", "cli", "__main__") else Path(args[0]).name
    return " ".join(args) or "packstation"


def hold_station(folder: Path, command: str | None = None, *, wait_s: float = 0.5,
                 now: datetime | None = None) -> StationLock:
    """Take the station folder's lock or raise StationBusy naming its holder.

    `wait_s`: how long to wait for a holder that is just closing (a window restarting itself).
    """
    folder = Path(folder).resolve()
    with _registry_guard:
        held = _held.get(folder)
        if held is not None:
            held._count += 1
            return held
        folder.mkdir(parents=True, exist_ok=True)
        # thread_local=False: the window takes the lock on its GUI thread and may release it on
        # another. fallback_to_soft=False: a lock that outlives a killed process is worse than none.
        lock = FileLock(folder / LOCK_NAME, thread_local=False, fallback_to_soft=False)
        try:
            lock.acquire(timeout=wait_s)
        except Timeout:
            raise StationBusy(folder, read_holder(folder)) from None
        _write_holder(folder, Holder(os.getpid(), now or clock.now(), command or command_line(),
                                     socket.gethostname()))
        station_lock = StationLock(folder, lock)
        _held[folder] = station_lock
        log.info("station folder %s held by process %d", folder, os.getpid())
        return station_lock


def read_holder(folder: Path) -> Holder | None:
    """The holder's note, or None when there is none (or it is being written)."""
    try:
        data = json.loads((Path(folder) / INFO_NAME).read_text(encoding="utf-8"))
        return Holder(int(data["pid"]), datetime.fromisoformat(data["since"]), str(data["command"]),
                      str(data.get("host", "")))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _write_holder(folder: Path, holder: Holder) -> None:
    """Written whole or not at all (a temporary file renamed over the old note)."""
    text = json.dumps({"pid": holder.pid, "since": holder.since.isoformat(), "command": holder.command,
                       "host": holder.host}, ensure_ascii=False)
    temporary = folder / f"{INFO_NAME}.{holder.pid}.tmp"
    try:
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, folder / INFO_NAME)
    except OSError:  # the lock is what counts; a missing note only makes a refusal less precise
        log.warning("could not write %s", folder / INFO_NAME, exc_info=True)
        temporary.unlink(missing_ok=True)
