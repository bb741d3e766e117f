"""The Linux system libraries Qt loads at run time, and the Debian package that brings each.

PySide6 wheels (and a PyInstaller build of them) carry Qt itself, but not the X11/xcb, OpenGL,
font and audio libraries of the operating system. A fresh Debian or Ubuntu install without a
full desktop often lacks libxcb-cursor0 and friends; Qt then dies at start with "could not load
the Qt platform plugin xcb", which says nothing to a warehouse IT admin. This module names the
missing package instead. Lists read from `ldd` on Qt 6.11's xcb platform and multimedia plugins.
"""

from __future__ import annotations

import ctypes.util
import os
import shutil
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from app.it.checks import Check, failed, passed


@dataclass(frozen=True)
class Library:
    soname: str
    package: str  # Debian/Ubuntu package name (bookworm / jammy)


# Needed whatever the screen: Qt's core, text rendering, OpenGL.
CORE = (
    Library("libglib-2.0.so.0", "libglib2.0-0"),
    Library("libdbus-1.so.3", "libdbus-1-3"),
    Library("libfontconfig.so.1", "libfontconfig1"),
    Library("libfreetype.so.6", "libfreetype6"),
    Library("libxkbcommon.so.0", "libxkbcommon0"),
    Library("libEGL.so.1", "libegl1"),
    Library("libGL.so.1", "libgl1"),
)
# The X11 ("xcb") platform plugin: the window on an ordinary Linux desktop.
XCB = (
    Library("libxcb.so.1", "libxcb1"),
    Library("libX11.so.6", "libx11-6"),
    Library("libX11-xcb.so.1", "libx11-xcb1"),
    Library("libxcb-cursor.so.0", "libxcb-cursor0"),
    Library("libxcb-icccm.so.4", "libxcb-icccm4"),
    Library("libxcb-image.so.0", "libxcb-image0"),
    Library("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    Library("libxcb-randr.so.0", "libxcb-randr0"),
    Library("libxcb-render.so.0", "libxcb-render0"),
    Library("libxcb-render-util.so.0", "libxcb-render-util0"),
    Library("libxcb-shape.so.0", "libxcb-shape0"),
    Library("libxcb-shm.so.0", "libxcb-shm0"),
    Library("libxcb-sync.so.1", "libxcb-sync1"),
    Library("libxcb-util.so.1", "libxcb-util1"),
    Library("libxcb-xfixes.so.0", "libxcb-xfixes0"),
    Library("libxcb-xkb.so.1", "libxcb-xkb1"),
    Library("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
)
# Scan sounds (QtMultimedia talks to PulseAudio / PipeWire's pulse server).
AUDIO = (Library("libpulse.so.0", "libpulse0"),)

# Debian 13 and Ubuntu 24.04 renamed some packages in the 64-bit time_t transition.
T64_NOTE = {"libglib2.0-0": "libglib2.0-0t64"}


def check_system_libraries(platform: str | None = None, finder: LibraryFinder | None = None) -> list[Check]:
    """One check per group: core, screen (xcb) and audio."""
    if sys.platform != "linux":
        return [passed("system libraries", f"not needed on {sys.platform}: the build carries what Qt loads")]
    finder = finder or LibraryFinder()
    qpa = (platform if platform is not None else os.environ.get("QT_QPA_PLATFORM", "")).split(":")[0].lower()
    screen_needed = qpa in ("", "xcb")
    return [
        _group("Qt libraries", CORE, finder, "error", "Qt cannot start"),
        _group("screen libraries", XCB, finder, "error" if screen_needed else "warning",
               "the station window cannot open on an X11 desktop"
               + ("" if screen_needed else f" (not needed now: QT_QPA_PLATFORM={qpa})")),
        _group("audio libraries", AUDIO, finder, "warning", "the station runs without scan sounds"),
    ]


def _group(name: str, libraries: Iterable[Library], finder: LibraryFinder, severity: str, effect: str) -> Check:
    libraries = list(libraries)
    missing = [lib for lib in libraries if not finder.has(lib.soname)]
    if not missing:
        return passed(name, f"{len(libraries)} present", quiet=True)
    packages = sorted({lib.package for lib in missing})
    renamed = [f"{p} is {T64_NOTE[p]} on Debian 13 / Ubuntu 24.04" for p in packages if p in T64_NOTE]
    fix = f"sudo apt install {' '.join(packages)}" + (f" ({'; '.join(renamed)})" if renamed else "")
    return failed(name, f"missing {', '.join(lib.soname for lib in missing)}: {effect}", fix,
                  severity=severity,  # type: ignore[arg-type]
                  missing=[lib.soname for lib in missing], packages=packages)


class LibraryFinder:
    """Looks a shared library up the way the dynamic loader would find it.

    `ldconfig -p` once (the loader's cache), then the frozen build's own folder (PyInstaller may
    carry a library itself), then ctypes.util.find_library as a last resort.
    """

    def __init__(self, cache_text: str | None = None, bundle: Path | None = None) -> None:
        self._cache = _parse_ldconfig(cache_text if cache_text is not None else _ldconfig_output())
        bundle = bundle or (Path(sys._MEIPASS) if getattr(sys, "frozen", False) and hasattr(sys, "_MEIPASS") else None)
        self._bundle = _files_under(bundle) if bundle else frozenset()
        self._use_ctypes = cache_text is None

    def has(self, soname: str) -> bool:
        if soname in self._cache or soname in self._bundle:
            return True
        if not self._use_ctypes or self._cache:
            return False  # the loader's cache answered; find_library would only ask it again
        stem = soname.removeprefix("lib").split(".so")[0]
        return ctypes.util.find_library(stem) is not None


def _ldconfig_output() -> str:
    # ldconfig lives in /sbin, which is not on an ordinary user's PATH.
    tool = shutil.which("ldconfig") or next((p for p in ("/sbin/ldconfig", "/usr/sbin/ldconfig")
                                              if os.path.exists(p)), None)
    if tool is None:
        return ""
    try:
        return subprocess.run([tool, "-p"], capture_output=True, text=True, timeout=10, check=False).stdout
    except (OSError, subprocess.TimeoutExpired):
        return ""


def _parse_ldconfig(text: str) -> frozenset[str]:
    names = set()
    for line in text.splitlines()[1:]:
        line = line.strip()
        if not line or "=>" not in line:
            continue
        name = line.split(" ", 1)[0]
        # Only libraries for this machine's word size: a 32-bit libxcb does not help a 64-bit Qt.
        if "x86-64" in line or "64" in line.split("=>")[0] or sys.maxsize <= 2**32:
            names.add(name)
    return frozenset(names)


@cache
def _files_under(folder: Path) -> frozenset[str]:
    return frozenset(p.name for p in folder.rglob("*.so*"))
