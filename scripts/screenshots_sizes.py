"""Regenerate the screenshots per monitor size in resources/screenshots/sizes/ (offscreen).

    python scripts/screenshots_sizes.py [--out resources/screenshots/sizes]

Runs the screen-fit probe (tests/gui/screen_fit.py: the demo station's screens at each monitor
size, in English and German) once per scale factor with --shots, and keeps the screens a reader of
the README compares across sizes: packing, weighing, the returns bench, a return open and the
supervisor's console (its floor), at every size at 100 %; in German at 1366×768; and a 1366×768, a
1280×720 and a 1024×768 monitor scaled to 150 % (named "<size>-150-<screen>.png"). Each at the text
size the station picks on that monitor (app.ui.theme.base_px by the screen's height: 21-22 px on
1024/1080 px monitors at 100 %).

    python scripts/screenshots_sizes.py --screens supervisor   # only these screens' files are written
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.gui.screen_fit import text_groups  # noqa: E402 - after the path that finds it

SIZES = ("1024x768", "1280x720", "1280x1024", "1366x768", "1920x1080")
SCREENS = ("packing", "weighing", "returns", "return-open", "supervisor")
# scale -> (sizes, languages, screens)
KEEP = {
    "1": (SIZES, ("en",), SCREENS),
    "1.5": (("1024x768", "1280x720", "1366x768"), ("en",), ("packing", "weighing", "return-open", "supervisor")),
}
GERMAN = ("1366x768", SCREENS)  # at 100 %


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "screenshots" / "sizes")
    parser.add_argument("--screens", default="", help="comma-separated: keep only these screens (default: all kept)")
    args = parser.parse_args()
    wanted = set(filter(None, args.screens.split(","))) or set(SCREENS)
    args.out.mkdir(parents=True, exist_ok=True)
    for scale, (sizes, _langs, screens) in KEEP.items():
        shots = Path(tempfile.mkdtemp(prefix="packstation-sizes-"))
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": scale}
        env.pop("PACKSTATION_CONFIG", None)
        for monitor, group in text_groups(sizes, float(scale)).items():  # the text size each monitor gets
            subprocess.run([sys.executable, "-m", "tests.gui.screen_fit", "--sizes", ",".join(group),
                            "--langs", "en,de", "--monitor", monitor, "--shots", str(shots),
                            "--shot-sizes", ",".join(group)],
                           cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
        tag = "" if scale == "1" else f"-{round(float(scale) * 100)}"
        for size in sizes:
            for screen in wanted.intersection(screens):
                shutil.copy(shots / f"{size}-{screen}.png", args.out / f"{size}{tag}-{screen}.png")
        if scale == "1":
            size, german = GERMAN
            for screen in wanted.intersection(german):
                shutil.copy(shots / f"{size}-{screen}-de.png", args.out / f"{size}-{screen}-de.png")
        shutil.rmtree(shots, ignore_errors=True)
    print(f"screenshots in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
