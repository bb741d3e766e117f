"""Every text a packer, a returns clerk or a supervisor reads fits its space, on real monitors.

The screens (packing: sign-in, order scanned, packing, carton, weighing, done; returns bench,
cycle count, bulk shipments; the supervisor's console; station settings) are opened once per
scale factor in a process of their own (tests/gui/screen_fit.py) and checked at each monitor
size, in English and German: labels, buttons, table headers and visible cells against the room
they got (see screen_fit.misfits).

Scaling is emulated with QT_SCALE_FACTOR, not with a bigger font: it is what Windows' and
GNOME's 125 %/150 % do to a Qt application (logical pixels shrink: a 1366×768 monitor at 150 % is
911×512 to Qt, and icons, margins and fonts grow together), the offscreen platform honours it,
and Qt reads it once at start, hence one process per scale. A font-size scale alone would grow
the text but not the icons, margins and fixed sizes, and would miss the window's minimum size.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SIZES = ("1024x768", "1280x720", "1280x1024", "1366x768", "1920x1080")
LANGS = ("en", "de")
SCREENS = ("sign-in", "order", "packing", "carton", "weighing", "done", "returns", "return-open", "cycle-count",
           "bulk", "supervisor", "settings")

# What does not fit yet, and why. Short windows (a 768 or 720 px monitor at 125 % or 150 %) scroll
# their screen rather than squeeze it (app.ui.reflow.ShortScroll) and tighten the banner, the keys
# and the scale's digits; narrow tables go compact. One monitor is still too narrow:
KNOWN_MISFITS: dict[tuple[str, ...], str] = {  # (size, scale) or (size, scale, language)
    ("1024x768", "1.5"): ("683 logical px wide: the header's device cards and Returns button, the returns bench's "
                          "grade keys, lines table and top bar, and the supervisor's top bar are narrower than "
                          "their words"),
}

_runs: dict[str, subprocess.Popen] = {}
_results: dict[str, dict[str, list[str]]] = {}


def _start(scale: str) -> None:
    if scale in _runs:
        return
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": scale}
    env.pop("PACKSTATION_CONFIG", None)
    _runs[scale] = subprocess.Popen(
        [sys.executable, "-m", "tests.gui.screen_fit", "--sizes", ",".join(SIZES), "--langs", ",".join(LANGS)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _probe(scale: str) -> dict[str, list[str]]:
    if scale not in _results:
        _start(scale)
        out, err = _runs[scale].communicate(timeout=400)
        assert _runs[scale].returncode == 0, err[-3000:]
        _results[scale] = json.loads(out.strip().splitlines()[-1])
    return _results[scale]


def _cases(scales: tuple[str, ...], marks=()) -> list:
    cases = []
    for scale in scales:
        for size in SIZES:
            for lang in LANGS:
                reason = KNOWN_MISFITS.get((size, scale, lang)) or KNOWN_MISFITS.get((size, scale))
                extra = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
                cases.append(pytest.param(scale, size, lang, marks=[*marks, *extra],
                                          id=f"{size}-{round(float(scale) * 100)}%-{lang}"))
    return cases


def _check(scale: str, size: str, lang: str) -> None:
    results = _probe(scale)
    screens = [key.split(" ", 2)[2] for key in results if key.startswith(f"{size} {lang} ")]
    assert sorted(screens) == sorted(SCREENS), f"screens not reached: {set(SCREENS) - set(screens)}"
    misfits = {screen: results[f"{size} {lang} {screen}"] for screen in SCREENS if results[f"{size} {lang} {screen}"]}
    assert not misfits, "\n".join(f"{screen}: {problem}" for screen, found in misfits.items() for problem in found)


@pytest.mark.parametrize(("scale", "size", "lang"), _cases(("1",)))
def test_every_text_fits_at_100_percent(scale: str, size: str, lang: str) -> None:
    """GIVEN the demo station's screens at a monitor size, in a language, at 100 %
    WHEN each screen is shown at that size
    THEN every label, key, header and visible cell shows its whole text."""
    _check(scale, size, lang)


@pytest.mark.parametrize(("scale", "size", "lang"), _cases(("1.25", "1.5"), marks=(pytest.mark.slow,)))
def test_every_text_fits_when_the_desktop_scales(scale: str, size: str, lang: str) -> None:
    """GIVEN the same screens with the desktop scaled to 125 % or 150 % (QT_SCALE_FACTOR)
    WHEN each screen is shown on the monitor's logical pixels
    THEN every text still fits, or the combination is listed in KNOWN_MISFITS with its reason."""
    _start("1.5" if scale == "1.25" else "1.25")  # the other scale's process runs meanwhile
    _check(scale, size, lang)
