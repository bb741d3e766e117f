"""scripts/start says what it is doing on the first start (issue 20, smaller item: silent for 47 s).

GIVEN a fresh clone (no .venv), WHEN `bash scripts/start` runs, THEN it says it is installing into
.venv before pip starts, and pip runs without -q (its progress shows); on a later start pip stays
quiet. python3, pip and packstation are stand-ins that record how they were called.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

FAKE_PYTHON = """#!/usr/bin/env bash
echo "python $*" >> "$CALLS"
if [ "$1" = "-m" ] && [ "$2" = "venv" ]; then
    mkdir -p "$3/bin"
    cp "$0" "$3/bin/python"
    printf '#!/usr/bin/env bash\\necho "packstation $*" >> "$CALLS"\\n' > "$3/bin/packstation"
    chmod +x "$3/bin/python" "$3/bin/packstation"
fi
"""


def _clone(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    clone = tmp_path / "clone"
    (clone / "scripts").mkdir(parents=True)
    shutil.copy(ROOT / "scripts" / "start", clone / "scripts" / "start")
    (clone / "scripts" / "system-libs").write_text("exit 0\n", encoding="utf-8")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    python3 = bin_dir / "python3"
    python3.write_text(FAKE_PYTHON, encoding="utf-8")
    python3.chmod(python3.stat().st_mode | stat.S_IEXEC)
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
           "CALLS": str(tmp_path / "calls.log"), "PACKSTATION_CONFIG": str(tmp_path / "station.toml")}
    return clone, env


def _start(clone: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", str(clone / "scripts" / "start")], env=env, capture_output=True,
                          text=True, timeout=60, check=True)


def test_the_first_start_says_it_installs_and_shows_pips_progress(tmp_path):
    clone, env = _clone(tmp_path)
    calls = tmp_path / "calls.log"

    first = _start(clone, env)
    said = first.stderr.splitlines()
    installing = next(i for i, line in enumerate(said) if line.startswith("packstation: installing into .venv"))
    assert "first start" in said[installing] and "minute" in said[installing]
    pip_calls = [c for c in calls.read_text(encoding="utf-8").splitlines() if " pip install " in f" {c} "]
    assert len(pip_calls) == 1 and " -q" not in f" {pip_calls[0]} ", pip_calls  # pip's progress shows
    assert calls.read_text(encoding="utf-8").splitlines()[-1].startswith("packstation")

    calls.unlink()
    later = _start(clone, env)
    assert not any("installing into .venv" in line for line in later.stderr.splitlines())
    pip_calls = [c for c in calls.read_text(encoding="utf-8").splitlines() if " pip install " in f" {c} "]
    assert len(pip_calls) == 1 and " -q " in f" {pip_calls[0]} "
