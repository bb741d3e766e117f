"""Regenerate the screenshots of every screen into resources/screenshots/ (1366×768, offscreen).

    python scripts/screenshots.py [--size 1366x768] [--out resources/screenshots]

Drives the real window on a throw-away station (its own PACKSTATION_HOME) with the test
catalogue, the built-in simulated scale and serial scanner (sim://), and a printer that fails
once so the label step is visible. The header's device indicators and the weighing screen's live
weight come from the simulators, driven like real hardware (a box put on the scale, a cable pulled).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "screenshots")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    home = Path(tempfile.mkdtemp(prefix="packstation-shots-"))
    os.environ["PACKSTATION_HOME"] = str(home)
    os.environ.pop("PACKSTATION_CONFIG", None)
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    (home / "station.toml").write_text('[station]\nname = "BENCH-01"\n[scale]\nuri = "sim://scale"\n'
                                       '[scanner]\nserial = ["sim://scanner"]\n'
                                       '[packing]\nweigh_parcels = true\n', encoding="utf-8")

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QTabWidget
    from sqlalchemy import select

    from app.printing import PrinterOutput
    from app.station import PrintFailed
    from app.store import models as t
    from app.ui.app import build_window, start_job
    from app.ui.ui_settings import UiSettings
    from tests.support import MUG_GTIN, PHONE_GTIN, SOCKS_GTIN, add_order, seed_small

    class FlakyPrinter(PrinterOutput):
        fail_next = False

        def print_label(self, job):
            if FlakyPrinter.fail_next:
                FlakyPrinter.fail_next = False
                raise PrintFailed("Label printer is out of labels.")
            return super().print_label(job)

    def seed(bench) -> None:
        seed_small(bench.sessions)
        with bench.sessions.begin() as db:
            socks = db.scalars(select(t.Product).where(t.Product.sku == "SOCK-M")).one()
            mug = db.scalars(select(t.Product).where(t.Product.sku == "MUG-1")).one()
            mug.bin_location = "B-12-3"
            db.add(t.User(name="Ada Admin", badge="A-3001", role="admin"))
            order = add_order(db, "1007", [(mug, 2), (socks, 3)], tote="TOTE-0042")
            order.gift_message = "Happy birthday, Sam! Love, Jo"
            order.packing_instructions = "Wrap each mug in two layers of bubble wrap. No paper fill."
            order.priority = 2
            order.ship_by = date.today()
            order.ship_to_name = "Sam Rivera"
            order.ship_to_city = "Portland"

    def flaky(bench) -> PrinterOutput:
        return FlakyPrinter(bench.config, bench.engine, bench.paths.spool_dir)

    window = build_window([], job=start_job(output_factory=flaky, seed=seed,
                                            demo=False))
    window.showNormal()
    window.resize(width, height)
    app = QApplication.instance()
    args.out.mkdir(parents=True, exist_ok=True)

    def settle() -> None:
        for _ in range(400):
            if window.idle:
                break
            QTest.qWait(5)
        QTest.qWait(30)

    def scan(code: str) -> None:
        QTest.keyClicks(window, code)
        QTest.keyClick(window, Qt.Key.Key_Return)
        settle()

    def key(k: Qt.Key, mod: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        QTest.keyClick(window, k, mod)
        settle()

    def wait_for(condition, timeout_ms: int = 5000) -> None:
        for _ in range(timeout_ms // 10):
            if condition():
                break
            QTest.qWait(10)
        settle()

    def shot(name: str, widget=None) -> None:
        settle()
        target = widget or window
        target.grab().save(str(args.out / f"{name}.png"))
        print(args.out / f"{name}.png")

    settle()
    shot("01-sign-in")
    scan("PS:BADGE:P-1001")
    shot("02-scan-order")
    scan("1007")
    shot("03-packing-instructions")
    key(Qt.Key.Key_F4)
    for code in (MUG_GTIN, SOCKS_GTIN, SOCKS_GTIN):
        scan(code)
    shot("04-packing-accepted")
    scan("05012345678900")
    shot("05-packing-wrong-item")
    scan(SOCKS_GTIN)
    scan(SOCKS_GTIN)
    shot("06-packing-over-scan")
    scan(MUG_GTIN)
    shot("07-carton")
    hub = window.hardware.hub
    wait_for(lambda: window.hardware.scale_status is not None and window.hardware.scale_status.connected)
    key(Qt.Key.Key_F4)
    expected = window.state.expected_weight_g()
    scale = hub.scale.simulator
    scale.command("motion on")  # the packer is still setting the box down: a live, moving weight
    scale.place(expected + 20)
    wait_for(lambda: window.hardware.latest is not None and window.hardware.latest.grams == expected + 20)
    shot("08-weighing")
    scale.command("motion off")
    scale.place(expected + 240)  # something extra in the box
    wait_for(lambda: window.last_outcome is not None and window.last_outcome.code == "weight_mismatch")
    shot("17-weight-mismatch")
    FlakyPrinter.fail_next = True
    scale.place(expected + 10)  # taken out again: within tolerance, the label prints (and fails once)
    wait_for(lambda: window.last_outcome is not None and window.last_outcome.code == "label_failed")
    shot("09-label-failed")
    key(Qt.Key.Key_F10)
    shot("10-done")
    scan("1003")
    scan(PHONE_GTIN)
    shot("11-serial-needed")
    key(Qt.Key.Key_F12)
    scan("1006")
    shot("12-cancelled-order")
    window.open_settings()
    settle()
    shot("13-admin-gate", app.activeModalWidget() or window._gate)
    scan("PS:BADGE:A-3001")
    shot("14-settings", window.settings_dialog)
    tabs = window.settings_dialog.findChild(QTabWidget)
    tabs.setCurrentIndex(2)  # serial scanners
    shot("19-settings-devices", window.settings_dialog)
    window.settings_dialog.reject()
    window.activateWindow()  # hotkeys are application shortcuts: they need an active window
    settle()
    scan("1002")
    scan(SOCKS_GTIN)
    window.apply_ui_settings(UiSettings(theme="dark"))
    shot("15-dark-theme")
    window.apply_ui_settings(UiSettings(theme="light", language="de"))
    scan(MUG_GTIN)
    shot("16-german")
    window.apply_ui_settings(UiSettings())
    scan(SOCKS_GTIN)  # order 1002 complete: choose a carton
    scale.unplug()  # the scale's cable is pulled: the header says so, packing goes on
    wait_for(lambda: window.hardware.scale_status is not None and not window.hardware.scale_status.connected)
    key(Qt.Key.Key_F4)
    shot("18-scale-disconnected")
    window.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
