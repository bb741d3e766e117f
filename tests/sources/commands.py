"""Running the real `packstation` command for a station folder, as IT would (tests of issue 21)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

MUG_GTIN = "4006381333931"
BADGE = "P-2001"


def environment(home: Path) -> dict[str, str]:
    env = {**os.environ, "PACKSTATION_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PACKSTATION_CONFIG", None)
    env.pop("PACKSTATION_CENTRAL_URL", None)
    return env


def packstation(home: Path, *args: str) -> subprocess.CompletedProcess:
    """`packstation ARGS` in a process of its own; it must succeed and never print a traceback."""
    done = subprocess.run([sys.executable, "-m", "app.cli", *args], capture_output=True, env=environment(home),
                          cwd=home, timeout=120)
    assert b"Traceback" not in done.stderr + done.stdout, done.stderr.decode(errors="replace")
    assert done.returncode == 0, done.stdout.decode() + done.stderr.decode()
    return done
