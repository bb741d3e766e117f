"""The system libraries Qt needs: a missing one is named with the Debian package that brings it."""

from __future__ import annotations

import sys

import pytest

from app.it.syslibs import CORE, XCB, LibraryFinder, check_system_libraries

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="Linux only")


def ldconfig_cache(missing: set[str]) -> str:
    lines = ["123 libs found in cache `/etc/ld.so.cache'"]
    for lib in (*CORE, *XCB):
        if lib.soname not in missing:
            lines.append(f"\t{lib.soname} (libc6,x86-64) => /lib/x86_64-linux-gnu/{lib.soname}")
    # A 32-bit copy does not count for a 64-bit Qt.
    lines.append("\tlibpulse.so.0 (libc6) => /lib/i386-linux-gnu/libpulse.so.0")
    return "\n".join(lines)


def by_name(checks):
    return {c.name: c for c in checks}


def test_a_missing_xcb_library_names_its_debian_package():
    finder = LibraryFinder(cache_text=ldconfig_cache({"libxcb-cursor.so.0"}))
    checks = by_name(check_system_libraries(platform="", finder=finder))
    screen = checks["screen libraries"]
    assert (screen.ok, screen.severity) == (False, "error")
    assert "libxcb-cursor.so.0" in screen.message and screen.fix == "sudo apt install libxcb-cursor0"
    assert checks["Qt libraries"].ok
    audio = checks["audio libraries"]
    assert (audio.ok, audio.severity) == (False, "warning") and "libpulse0" in audio.fix


def test_offscreen_stations_do_not_need_the_x11_libraries():
    finder = LibraryFinder(cache_text=ldconfig_cache({lib.soname for lib in XCB}))
    screen = by_name(check_system_libraries(platform="offscreen", finder=finder))["screen libraries"]
    assert screen.severity == "warning" and "QT_QPA_PLATFORM=offscreen" in screen.message


def test_the_renamed_glib_package_is_mentioned():
    finder = LibraryFinder(cache_text=ldconfig_cache({"libglib-2.0.so.0"}))
    core = by_name(check_system_libraries(platform="", finder=finder))["Qt libraries"]
    assert core.severity == "error" and "libglib2.0-0t64" in core.fix


def test_a_library_in_the_build_itself_counts(tmp_path):
    (tmp_path / "libxcb-cursor.so.0").write_bytes(b"")
    finder = LibraryFinder(cache_text=ldconfig_cache({"libxcb-cursor.so.0"}), bundle=tmp_path)
    assert finder.has("libxcb-cursor.so.0")


def test_this_machine_is_read_from_the_real_loader_cache():
    assert LibraryFinder().has("libc.so.6")
