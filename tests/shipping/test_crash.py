"""A station killed between "buy" and "saved" buys no second label when it starts again."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from app.shipping.records import LabelRecords
from tests.shipping.conftest import SHIP_FROM, new_parcel

ROOT = Path(__file__).resolve().parents[2]


def settings_file(folder: Path, base_url: str, api_key: str) -> Path:
    (folder / "easypost.key").write_text(api_key + "\n", encoding="utf-8")
    (folder / "easypost.key").chmod(0o600)  # a key file others can read is refused (docs/security.md)
    ship_from = "\n".join(f'{key} = "{value}"' for key, value in SHIP_FROM.items())
    path = folder / "station.toml"
    path.write_text(f"""[station]
name = "BENCH-1"

[shipping]
sources = ["easypost"]
easypost_api_key_file = "easypost.key"
easypost_base_url = "{base_url}"
easypost_timeout = 30

[ship_from]
{ship_from}
""", encoding="utf-8")
    return path


def cli(engine, settings: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "app.shipping.cli", "--database", str(engine.url), "--settings", str(settings),
            *args]


def test_kill_9_between_buy_and_saved_buys_no_second_label(engine, repo, easypost, tmp_path):
    """GIVEN a station buying a label, killed (SIGKILL) after the carrier bought it and before it was saved
    WHEN the station asks for that parcel's label again
    THEN the purchase is looked up by its idempotency key and the same label comes back: one purchase in all."""
    parcel = new_parcel(repo)
    settings = settings_file(tmp_path, easypost.base_url, easypost.api_key)
    easypost.fault("buy", "hold")  # the carrier buys, and its answer waits
    child = subprocess.Popen(cli(engine, settings, "buy", "1001", "--box", "1"), cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert easypost.bought.wait(30), child.communicate(timeout=5)
        os.kill(child.pid, signal.SIGKILL)
        child.wait(10)
    finally:
        child.kill()
        easypost.release.set()
    assert child.returncode == -signal.SIGKILL
    assert easypost.purchases == 1
    record = LabelRecords(engine).current(parcel)
    assert record.state == "buying" and record.tracking_number is None  # bought at the carrier, not saved here

    again = subprocess.run(cli(engine, settings, "buy", "1001", "--box", "1"), cwd=ROOT, capture_output=True,
                           text=True, timeout=60)

    assert again.returncode == 0, again.stderr
    result = json.loads(again.stdout)
    assert result["reused"] is True and result["tracking_number"]
    assert easypost.purchases == 1
    record = LabelRecords(engine).current(parcel)
    assert record.state == "bought" and record.tracking_number == result["tracking_number"]
    assert record.label_data.startswith(b"^XA")
