"""Files only the station's own user may read: the station folder, its database, its secrets.

A station folder holds the database (orders, customers' addresses, the offline PINs), API keys,
the SMTP password, the central database password and shop tokens. On POSIX the folder is 0700
and each of those files 0600; a secret file that the group or others can read is refused when it
is read, as ssh refuses a private key (`check_secret_file`). `packstation doctor` reports wrong
modes (`mode_problems`) and `packstation setup` repairs them (`fix_modes`).

Windows has no mode bits (NTFS ACLs; the installer restricts the user's folder): every check and
chmod here is skipped there, and says so. Standard library only.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

POSIX = os.name == "posix"
DIR_MODE = 0o700
FILE_MODE = 0o600
NOT_CHECKED = "file modes are not checked on Windows (NTFS permissions apply)"


class ExposedSecret(PermissionError):
    """A secret file other users of the machine can read; the message says which and how to fix it."""


@dataclass(frozen=True)
class ModeProblem:
    path: Path
    mode: int
    wanted: int

    def __str__(self) -> str:
        return f"{self.path} is mode {self.mode:o} (should be {self.wanted:o})"


def make_private_dir(folder: Path) -> Path:
    """Create `folder` (and parents) with the folder itself 0700; an existing one is left as it is."""
    if folder.exists():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    if POSIX:
        os.chmod(folder, DIR_MODE)  # mkdir's mode is masked by the umask
    return folder


def create_private_file(path: Path) -> None:
    """Create an empty file 0600 if it is missing (before SQLite or a writer creates it 0644)."""
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, FILE_MODE)
    os.close(fd)
    if POSIX:
        os.chmod(path, FILE_MODE)


def write_secret(path: Path, text: str) -> None:
    """Write a secret atomically, 0600 from its first byte (a temporary file renamed over the old)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(path.name + ".tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, FILE_MODE)  # an old temporary file keeps its mode through O_CREAT
        os.write(fd, text.encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(temp, path)


def check_secret_file(path: Path, what: str) -> None:
    """Refuse a secret file the group or others may read or write (ExposedSecret says the fix)."""
    if not POSIX:
        return
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return  # the reader says "missing" in its own words
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise ExposedSecret(f"{what} {path} can be read by other users of this computer (mode {mode:o}); "
                            f"run: chmod 600 {path}  (or `packstation setup`, which fixes the station's files)")


def read_secret_file(path: Path, what: str) -> str:
    """The text of a secret file, after `check_secret_file`."""
    check_secret_file(path, what)
    return path.read_text(encoding="utf-8")


def mode_problems(folders: Iterable[Path], files: Iterable[Path]) -> list[ModeProblem]:
    """Folders not 0700 and files not 0600 (group or others have any access); [] on Windows."""
    if not POSIX:
        return []
    found = []
    for wanted, paths in ((DIR_MODE, folders), (FILE_MODE, files)):
        for path in paths:
            try:
                mode = stat.S_IMODE(path.stat().st_mode)
            except OSError:
                continue
            if mode & (stat.S_IRWXG | stat.S_IRWXO):
                found.append(ModeProblem(path, mode, wanted))
    return found


def fix_modes(problems: Iterable[ModeProblem]) -> list[ModeProblem]:
    """chmod each to its wanted mode; returns the ones fixed."""
    fixed = []
    for problem in problems:
        try:
            os.chmod(problem.path, problem.wanted)
        except OSError:
            continue
        fixed.append(problem)
    return fixed
