"""First start sets the station up: an admin fills in the ship-from address, chooses the printers (a
test print goes to a real printer port), the scale and the camera; station.toml gets the values and
keeps its comments. Also reachable later from the settings."""

from __future__ import annotations

import os
import socket
import threading
import tomllib
from pathlib import Path

from PySide6.QtWidgets import QPushButton

from app.config import load_config
from app.ui.app import build_window, start_job
from tests.gui.conftest import Gui, seed_gui

SCREENSHOTS = Path(os.environ.get("PACKSTATION_SCREENSHOTS", "")) if os.environ.get("PACKSTATION_SCREENSHOTS") \
    else None

STATION_FILE = """\
# Bench 7, by the loading door. Ask Sam (IT) before changing anything.
[station]
name = "BENCH-7"  # the name on the supervisor's floor view

[packing]
# heavy parcels: a wider band
weight_tolerance_g = 80
"""


class RawPrinterPort:
    """A TCP port 9100 stand-in on 127.0.0.1: it takes a connection and keeps every byte it is sent."""

    def __init__(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.received = bytearray()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.server.accept()
            except OSError:
                return
            with conn:
                conn.settimeout(5)
                while chunk := conn.recv(65536):
                    self.received += chunk

    def close(self) -> None:
        self.server.close()


def open_first_start(home, qtbot) -> Gui:
    window = build_window([], job=start_job(seed=seed_gui, demo=False, ask_setup=True))
    window.showNormal()
    window.resize(1366, 768)
    qtbot.addWidget(window)
    gui = Gui(window, qtbot, home)
    gui.wait(10000)
    assert window.ready, window.statusBar().currentMessage()
    return gui


def test_first_start_asks_an_admin_to_set_the_station_up_and_keeps_the_files_comments(home, qtbot):
    """GIVEN a station whose file has comments and no ship-from address, and a printer port listening
    on 127.0.0.1
    WHEN the window starts
    THEN the admin gate opens by itself; a packer's badge does not open the setup, an admin's does;
    WHEN the admin fills in the address with a wrong postcode and saves
    THEN nothing is written and the postcode is named; WHEN the admin test-prints on the typed printer
    THEN the printer receives a ZPL test label and the screen says it was sent;
    WHEN the admin corrects the postcode, chooses the scale simulator and saves
    THEN station.toml holds the values and every comment it had, and the station runs on them."""
    home.mkdir(parents=True, exist_ok=True)
    (home / "station.toml").write_text(STATION_FILE, encoding="utf-8")
    printer = RawPrinterPort()
    gui = open_first_start(home, qtbot)
    w = gui.window
    try:
        qtbot.waitUntil(lambda: w._gate is not None, timeout=3000)
        gui.scan("PS:BADGE:P-1001")  # a packer cannot set the station up
        assert w.setup_dialog is None and "admin" in w._gate.problem.text()
        gui.scan("PS:BADGE:A-3001")
        qtbot.waitUntil(lambda: w.setup_dialog is not None, timeout=3000)
        dialog = w.setup_dialog
        qtbot.waitUntil(lambda: not dialog.busy, timeout=10000)  # found what the computer offers
        assert "Found:" in dialog.found_label.text()
        assert dialog.scale.findData("sim://scale") >= 0

        for key, value in (("company", "Nordlicht Versand GmbH"), ("line1", "Am Sandtorkai 5"),
                           ("city", "Hamburg"), ("postcode", "2045")):
            dialog.fields[key].setText(value)
        dialog.country.setCurrentIndex(dialog.country.findData("DE"))
        dialog.printer_combos["label"].setCurrentText(f"tcp://127.0.0.1:{printer.port}")
        dialog.save()
        assert dialog.isVisible() and "ship_from" not in tomllib.loads((home / "station.toml").read_text())
        assert dialog.field_problems["ship_from.postcode"].text() == "2045 is not a postcode of Germany (like 26133)"
        assert "Not saved: 1 to correct" in dialog.problem.text()

        dialog.test_buttons["label"].click()
        qtbot.waitUntil(lambda: not dialog.busy, timeout=10000)
        result = dialog.print_results["label"].text()
        assert result.startswith("Sent a test label") and f"tcp://127.0.0.1:{printer.port}" in result, result
        qtbot.waitUntil(lambda: b"^XZ" in printer.received, timeout=5000)
        assert printer.received.startswith(b"^XA") and b"Packstation test label" in printer.received
        assert b"Station BENCH-7" in printer.received

        if SCREENSHOTS is not None:
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            dialog.grab().save(str(SCREENSHOTS / "station-setup-1366x768.png"))

        dialog.fields["postcode"].setText("20457")
        dialog.scale.setCurrentIndex(dialog.scale.findData("sim://scale"))
        dialog.save()
        qtbot.waitUntil(lambda: w.setup_dialog is None, timeout=3000)
        text = (home / "station.toml").read_text(encoding="utf-8")
        for comment in ("# Bench 7, by the loading door. Ask Sam (IT) before changing anything.",
                        "# the name on the supervisor's floor view", "# heavy parcels: a wider band"):
            assert comment in text
        raw = tomllib.loads(text)
        assert raw["ship_from"] == {"company": "Nordlicht Versand GmbH", "line1": "Am Sandtorkai 5",
                                    "city": "Hamburg", "postcode": "20457", "country": "DE"}
        assert raw["printers"] == {"label": f"tcp://127.0.0.1:{printer.port}"}
        assert raw["scale"] == {"uri": "sim://scale"} and raw["packing"] == {"weight_tolerance_g": 80}
        qtbot.waitUntil(lambda: w.config.label_printer == f"tcp://127.0.0.1:{printer.port}", timeout=5000)
        assert w.config.ship_from["city"] == "Hamburg" and load_config(w.paths).scale == "sim://scale"
        assert "Station set up" in w.banner.message
    finally:
        w.shutdown()
        gui.close()
        printer.close()


def test_a_station_with_a_ship_from_is_not_asked_and_settings_lead_to_the_setup(home, qtbot):
    """GIVEN a station with a complete ship-from address WHEN the window starts THEN no gate or setup
    opens by itself; WHEN an admin opens the settings and presses Station setup THEN the setup opens
    with the station's address filled in."""
    home.mkdir(parents=True, exist_ok=True)
    (home / "station.toml").write_text(STATION_FILE + '\n[ship_from]\ncompany = "Nordlicht Versand GmbH"\n'
                                       'line1 = "Am Sandtorkai 5"\ncity = "Hamburg"\npostcode = "20457"\n'
                                       'country = "DE"\n', encoding="utf-8")
    gui = open_first_start(home, qtbot)
    w = gui.window
    try:
        qtbot.wait(400)  # longer than the first start waits before it asks
        assert w._gate is None and w.setup_dialog is None
        w.open_settings()
        gui.scan("PS:BADGE:A-3001")
        qtbot.waitUntil(lambda: getattr(w, "settings_dialog", None) is not None, timeout=3000)
        button = w.settings_dialog.findChild(QPushButton, "StationSetupButton")
        button.click()
        qtbot.waitUntil(lambda: w.setup_dialog is not None, timeout=3000)
        assert w.setup_dialog.fields["city"].text() == "Hamburg"
        assert w.setup_dialog.country.currentData() == "DE"
        w.setup_dialog.reject()
    finally:
        w.shutdown()
        gui.close()
