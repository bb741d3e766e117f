"""The bench hardware in the packer's window: serial scanner, scale, camera, with the simulators.

Each test is a real window on a real station database with `sim://scanner` and `sim://scale`
configured in its station.toml: the simulators run behind the real drivers and the real
DeviceHub, so a scan travels device thread → queued signal → GUI thread → station worker,
exactly as from hardware. GIVEN/WHEN/THEN in each docstring; the database is read after.
"""

from __future__ import annotations

import json
import os
import time
import uuid

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QImage
from sqlalchemy import select

from app.config import load_config
from app.devices.events import DeviceState, DeviceStatus
from app.domain.events import Tone
from app.domain.session import Phase
from app.store import models as t
from app.ui.hardware import BenchHardware
from app.ui.settings_dialog import SettingsDialog, StationValues
from app.ui.ui_settings import UiSettings
from tests.support import CASE_GTIN, MUG_GTIN, SOCKS_GTIN

F = Qt.Key
SHIFT = Qt.KeyboardModifier.ShiftModifier
BENCH = ('[scale]\nuri = "sim://scale"\n[scanner]\nserial = ["sim://scanner"]\n'
         '[packing]\nweigh_parcels = true\n')


class Bench:
    """The packer's hands on the simulated hardware, and what the screen and database say."""

    def __init__(self, gui) -> None:  # noqa: ANN001 - tests.gui.conftest.Gui
        self.gui = gui
        self.window = gui.window
        self.qtbot = gui.qtbot
        self.seen: list[tuple[float, DeviceStatus]] = []  # every device status the window received
        self.window.hardware.status_changed.connect(lambda status, _gen: self.seen.append((time.monotonic(), status)))

    @property
    def hardware(self) -> BenchHardware:
        return self.window.hardware

    @property
    def scanner(self):  # noqa: ANN201 - the SimScanner
        return self.hardware.hub.scanners[0].simulator

    @property
    def scale(self):  # noqa: ANN201 - the SimScale
        return self.hardware.hub.scale.simulator

    def pill(self, name: str) -> str:
        pill = self.window.device_strip.pill(name)
        return pill.text() if pill is not None else ""

    def wait_pill(self, name: str, text: str, timeout: int = 5000) -> None:
        self.qtbot.waitUntil(lambda: self.pill(name) == text, timeout=timeout)

    def _after(self, before: object, timeout: int = 5000) -> str:
        w = self.window
        self.qtbot.waitUntil(lambda: w.last_outcome is not before and w.idle, timeout=timeout)
        return w.last_outcome.code

    def serial_scan(self, code: str) -> str:
        """A scan from the serial scanner; the code of the station's answer."""
        before = self.window.last_outcome
        assert self.scanner.scan(code), "the simulated scanner is not connected"
        return self._after(before)

    def place(self, grams: int) -> str:
        """Put a box of `grams` on the scale and wait for the station to weigh it."""
        before = self.window.last_outcome
        self.scale.place(grams)
        return self._after(before)

    def weights(self) -> list[tuple[int, bool, str]]:
        return [(d["grams"], d["within"], d["source"]) for d in map(json.loads, self.gui.payloads("weight_recorded"))]

    def parcel_rows(self, number: str) -> list[dict]:
        with self.gui.engine.connect() as conn:
            order_id = conn.scalars(select(t.Order.id).where(t.Order.number == number)).one()
            return [dict(r._mapping) for r in conn.execute(select(t.Parcel).where(t.Parcel.order_id == order_id)
                                                           .order_by(t.Parcel.box_no))]


@pytest.fixture
def make_bench(home, make_gui):
    def make(toml: str = BENCH) -> Bench:
        home.mkdir(parents=True, exist_ok=True)
        (home / "station.toml").write_text(toml, encoding="utf-8")
        bench = Bench(make_gui())
        return bench

    return make


@pytest.fixture
def bench(make_bench) -> Bench:
    bench = make_bench()
    bench.wait_pill("scanner", "Scanner: connected")
    bench.wait_pill("scale", "Scale: connected")
    return bench


def test_an_order_is_packed_from_the_serial_scanner_and_weighed_on_the_scale(bench):
    """GIVEN a bench with a serial scanner and a scale (both simulated), no camera
    WHEN the packer scans badge, order, items and CONFIRM on the serial scanner, puts the box on the
         scale with something extra in it, then takes the extra out
    THEN each scan gets the same banner and sound as a wedge scan; the wrong weight is refused and
         recorded; the right one prints the label and packs the order; the database holds both weighings."""
    w = bench.window
    assert bench.pill("camera") == "No camera"
    assert bench.serial_scan("PS:BADGE:P-1001") == "signed_in"
    assert bench.serial_scan("1002") == "order_opened"
    assert bench.serial_scan(SOCKS_GTIN) == "item_packed"
    assert w.banner.tone is Tone.ACCEPTED and "SOCK-M 1/2" in w.banner.message
    assert bench.serial_scan(SOCKS_GTIN) == "item_packed"
    assert bench.serial_scan(SOCKS_GTIN) == "over_scan"
    assert w.banner.word == "STOP" and w.sounds.played[-1] == "rejected"
    assert bench.serial_scan(MUG_GTIN) == "all_items_packed"
    assert bench.serial_scan("PS:CMD:CONFIRM") == "carton_chosen"
    assert w.stack.currentWidget() is w.weighing and w.state.phase is Phase.WEIGHING
    expected = w.state.expected_weight_g()
    assert "Tolerance ± 0.05 kg" in w.weighing.target.tolerance.text()

    assert bench.place(expected + 300) == "weight_mismatch"
    assert w.banner.tone is Tone.REJECTED and w.state.phase is Phase.WEIGHING
    assert "too heavy" in w.weighing.target.result.text()
    assert w.weighing.live.value.text() == f"{(expected + 300) / 1000:.2f} kg"
    assert bench.place(expected + 20) == "order_packed"
    assert w.state.phase is Phase.DONE

    assert bench.weights() == [(expected + 300, False, "scale"), (expected + 20, True, "scale")]
    packed = [json.loads(p) for p in bench.gui.payloads("item_packed")]
    assert len(packed) == 3 and not any(p.get("manual") for p in packed)  # serial scans are scans, not typing
    (parcel,) = bench.parcel_rows("1002")
    assert (parcel["status"], parcel["weight_g"], parcel["weight_source"]) == ("labelled", expected + 20, "scale")
    assert parcel["photo_ref"] is None  # no camera: orders complete as before
    assert bench.gui.status("1002") == "packed"


def test_an_unplugged_scale_shows_within_2_s_packing_goes_on_and_it_comes_back(bench):
    """GIVEN a signed-in packer with an order open
    WHEN the scale's cable is pulled  THEN the header says "disconnected" within 2 s, scanning goes on
         and the weighing screen says the scale is gone (with the way out: type the weight)
    WHEN it is plugged back  THEN the header says "connected" again by itself and weighing works."""
    w = bench.window
    assert bench.serial_scan("PS:BADGE:P-1001") == "signed_in"
    assert bench.gui.scan("1001") == "order_opened"  # the keyboard wedge and the serial scanner together
    pulled = time.monotonic()
    bench.scale.unplug()
    bench.qtbot.waitUntil(lambda: "disconnected" in [s.state.value for _, s in bench.seen if s.kind == "scale"],
                          timeout=2000)
    shown = next(at for at, s in bench.seen if s.kind == "scale" and s.state is DeviceState.DISCONNECTED)
    assert shown - pulled < 2.0
    assert bench.pill("scale") in ("Scale: disconnected", "Scale: reconnecting…")
    assert w.device_strip.pill("scale").toolTip().startswith("Scale: ")
    assert bench.serial_scan(SOCKS_GTIN) == "all_items_packed"  # packing that does not need the scale goes on
    assert bench.gui.key(F.Key_F4) == "carton_chosen"
    assert w.stack.currentWidget() is w.weighing
    assert "Scale disconnected" in w.weighing.live.state.text()
    assert not w.weighing.zero.isEnabled()

    bench.scale.plug()
    bench.wait_pill("scale", "Scale: connected", timeout=8000)
    assert "Scale disconnected" not in w.weighing.live.state.text() and w.weighing.zero.isEnabled()
    expected = w.state.expected_weight_g()
    assert bench.place(expected) == "order_packed"
    assert bench.weights() == [(expected, True, "scale")]
    assert bench.gui.status("1001") == "packed"


def test_a_parcel_already_on_the_scale_is_taken_once_and_never_for_the_next_box(bench):
    """GIVEN a two-box order (12 socks, cases of 6) and a box put on the scale while the carton is chosen
    WHEN the packer confirms the carton  THEN the weight already on the scale is recorded at once
    WHEN the second box reaches its weighing step while the first still lies on the scale
    THEN that reading is not taken again; the second box is weighed when it is put on the scale."""
    w = bench.window
    bench.gui.scan("PS:BADGE:P-1001")
    assert bench.serial_scan("1005") == "order_opened"
    assert bench.serial_scan(CASE_GTIN) == "item_packed"
    assert bench.gui.key(F.Key_F6) == "box_closed"  # Next box: box 1 is full
    carton = w.state.suggestion.carton
    box1 = sum(p.weight_g * q for p, q in w.state.box_contents()) + carton.tare_g
    bench.scale.place(box1)  # on the scale before the weighing step begins
    bench.qtbot.waitUntil(lambda: (r := bench.hardware.hub.latest_weight()) is not None and r.usable
                          and r.grams == box1 and w.idle, timeout=5000)
    assert bench.weights() == []  # outside the weighing step a reading is shown, never recorded
    assert bench.gui.key(F.Key_F4) == "box_labelled"  # carton chosen → weighed → label, in one go
    assert "weight_recorded" in w.last_outcome.facts and w.state.box == 2
    assert bench.weights() == [(box1, True, "scale")]

    assert bench.serial_scan(CASE_GTIN) == "all_items_packed"
    assert bench.gui.key(F.Key_F4) == "carton_chosen"  # box 1 still lies on the scale
    bench.qtbot.wait(300)
    assert w.state.phase is Phase.WEIGHING and len(bench.weights()) == 1
    bench.scale.place(0)  # box 1 taken off
    bench.qtbot.waitUntil(lambda: bench.hardware.latest is not None and bench.hardware.latest.grams == 0
                          and bench.hardware.latest.stable, timeout=5000)
    assert bench.place(box1 + 5) == "order_packed"
    assert bench.weights() == [(box1, True, "scale"), (box1 + 5, True, "scale")]
    assert [(p["box_no"], p["weight_g"]) for p in bench.parcel_rows("1005")] == [(1, box1), (2, box1 + 5)]


def test_zero_and_tare_buttons_and_hotkeys_call_the_scale_and_show_its_answer(bench):
    """GIVEN an empty tray of 400 g on the scale
    WHEN the packer presses Tare (Shift+F3)  THEN the scale answers, the screen says so, readings are net
    WHEN the tray is taken off and Zero is clicked  THEN the scale zeroes and the screen says "Zero done"
    WHEN the scale is moving and Zero is pressed  THEN the refusal is shown, not hidden."""
    w = bench.window
    screen = w.weighing
    bench.scale.place(400)
    bench.qtbot.waitUntil(lambda: bench.hardware.latest is not None and bench.hardware.latest.usable
                          and bench.hardware.latest.grams == 400, timeout=5000)
    bench.gui.key(F.Key_F3, SHIFT)
    bench.qtbot.waitUntil(lambda: "Tare done" in screen.reply.text(), timeout=5000)
    assert "0.40 kg" in screen.reply.text()
    bench.qtbot.waitUntil(lambda: screen.live.value.text() == "0.00 kg", timeout=5000)

    bench.scale.place(0)
    bench.qtbot.waitUntil(lambda: bench.hardware.latest is not None and bench.hardware.latest.stable
                          and bench.hardware.latest.grams == -400, timeout=5000)
    screen.zero.click()
    bench.qtbot.waitUntil(lambda: screen.reply.text() == "Zero done.", timeout=5000)
    bench.qtbot.waitUntil(lambda: screen.live.value.text() == "0.00 kg", timeout=5000)
    assert "Zero done." in w.statusBar().currentMessage()

    bench.scale.place(900)  # still swinging
    bench.gui.key(F.Key_F2, SHIFT)
    bench.qtbot.waitUntil(lambda: "Zero refused" in screen.reply.text() or "Zero failed" in screen.reply.text(),
                          timeout=8000)


class FakeCamera:
    """A box camera without hardware: 'takes' a grey 1600×1200 picture and stores it like BoxCamera."""

    def __init__(self, store, *, device: str = "auto", on_status=None) -> None:  # noqa: ANN001
        self.store, self.device, self.on_status = store, device, on_status
        self.status = DeviceStatus("camera", "camera", DeviceState.ABSENT)
        self.ready = False

    def start(self) -> DeviceStatus:
        self.ready = True
        self.status = DeviceStatus("camera", "camera", DeviceState.CONNECTED, "camera Bench cam", self.device)
        self.on_status(self.status)
        return self.status

    def stop(self) -> None:
        self.ready = False

    def capture(self, order: str, parcel_uuid: str, on_saved) -> bool:  # noqa: ANN001
        image = QImage(1600, 1200, QImage.Format.Format_RGB32)
        image.fill(QColor("#8A6F4E"))
        QTimer.singleShot(20, lambda: on_saved(self.store.save_image(order, parcel_uuid, image), ""))
        return True


def test_a_photo_of_the_open_box_is_taken_when_the_order_is_packed_and_old_ones_are_purged(
        make_bench, home, monkeypatch):
    """GIVEN a bench with a camera, photos kept 30 days, and a 40-day-old photo on disk
    WHEN the station starts  THEN the old photo is deleted
    WHEN an order is packed  THEN a photo is stored under data/photos/<order>/ and recorded on its last parcel."""
    old = home / "data" / "photos" / "0999" / f"{uuid.uuid4()}.jpg"
    old.parent.mkdir(parents=True)
    old.write_bytes(b"\xff\xd8\xff old")
    forty_days_ago = time.time() - 40 * 86400
    os.utime(old, (forty_days_ago, forty_days_ago))
    monkeypatch.setattr(BenchHardware, "camera_factory", FakeCamera)
    bench = make_bench('[camera]\ndevice = "auto"\nretention_days = 30\n')
    bench.wait_pill("camera", "Camera: connected")
    bench.wait_pill("scale", "No scale")
    bench.qtbot.waitUntil(lambda: bench.hardware.purged is not None, timeout=3000)
    assert bench.hardware.purged == 1 and not old.exists()

    bench.gui.scan("PS:BADGE:P-1001")
    bench.gui.scan("1001")
    bench.gui.scan(SOCKS_GTIN)
    assert bench.gui.key(F.Key_F4) == "order_packed"
    bench.qtbot.waitUntil(lambda: bench.parcel_rows("1001")[0]["photo_ref"] is not None and bench.window.idle,
                          timeout=5000)
    (parcel,) = bench.parcel_rows("1001")
    assert parcel["photo_ref"] == f"photos/1001/{parcel['uuid']}.jpg"
    photo = home / "data" / parcel["photo_ref"]
    assert photo.read_bytes()[:3] == b"\xff\xd8\xff" and len(photo.read_bytes()) < 300_000


def test_a_wrong_device_uri_is_named_and_the_station_runs_on(make_bench):
    """GIVEN a scale URI with an unknown protocol (valid TOML, wrong for the driver)
    WHEN the station starts  THEN the header and the banner name the problem, the serial scanner and the
         keyboard wedge both work."""
    bench = make_bench('[scale]\nuri = "sim://scale?protocol=bogus"\n[scanner]\nserial = ["sim://scanner"]\n')
    w = bench.window
    bench.wait_pill("scanner", "Scanner: connected")
    assert bench.pill("scale") == "Scale: settings error"
    assert "protocol" in w.device_strip.pill("scale").toolTip()
    assert w.banner.code == "device_settings" and w.banner.tone is Tone.WARNING
    assert bench.serial_scan("PS:BADGE:P-1001") == "signed_in"
    assert bench.gui.scan("1001") == "order_opened"


def test_device_settings_are_saved_to_station_toml_and_the_devices_restart(bench, qtbot, home):
    """GIVEN the settings dialog (opened by an admin)
    WHEN serial scanners, scale, camera and retention are changed and saved
    THEN station.toml holds them, validated by the config parser and the drivers, and the window
         restarts its devices on the new settings; a wrong URI is named and never written."""
    w = bench.window
    dialog = SettingsDialog(home / "station.toml", StationValues.from_config(w.config), UiSettings(), w)
    qtbot.addWidget(dialog)
    assert dialog.serial_scanners.uris() == ("sim://scanner",)
    assert dialog.camera_device() == "off"
    before = (home / "station.toml").read_text()
    dialog.serial_scanners.entry.setText("sim://scanner?suffix=bogus")
    dialog.save()
    assert "scanner.serial" in dialog.problem.text() and (home / "station.toml").read_text() == before

    dialog.serial_scanners.list.item(0).setText("sim://scanner?name=hand")
    dialog.serial_scanners.entry.setText("sim://scanner?name=presentation&suffix=lf")
    dialog.serial_scanners.add()
    dialog.camera.setEditText("Logitech")
    dialog.retention.setValue(30)
    dialog.save()
    config = load_config(w.paths)
    assert config.scanner.serial == ("sim://scanner?name=hand", "sim://scanner?name=presentation&suffix=lf")
    assert (config.scale, config.camera.device, config.camera.retention_days) == ("sim://scale", "Logitech", 30)

    w._apply_settings(dialog)  # what the dialog's Save does in the window: rebuild the station, restart devices
    bench.wait_pill("hand", "hand: connected")
    bench.wait_pill("presentation", "presentation: connected")
    assert "scanner" not in w.device_strip.pills
    assert bench.pill("camera") in ("No camera", "Camera: connected")  # whatever this machine has
    hand = next(s for s in bench.hardware.hub.scanners if s.name == "hand")
    hand.simulator.wait_connected()
    before = w.last_outcome
    hand.simulator.scan("PS:BADGE:P-1001")
    qtbot.waitUntil(lambda: w.last_outcome is not before and w.idle, timeout=5000)
    assert w.last_outcome.code == "signed_in"


def test_device_pills_say_their_state_in_words_and_shrink_when_the_header_is_narrow(bench):
    """GIVEN a bench's header  THEN every card says what its device is and its state in words
    WHEN the window is narrow  THEN fine devices drop their second line; a problem is still spelt out."""
    strip = bench.window.device_strip
    assert strip.texts() == ["Scanner: connected", "Scale: connected", "No camera"]
    bench.window.resize(1024, 700)
    bench.qtbot.waitUntil(lambda: strip.compact, timeout=2000)
    assert not strip.pill("scanner").state.isVisible()
    strip.show_status(DeviceStatus("scale", "scale", DeviceState.DISCONNECTED, "gone"))
    assert strip.pill("scale").state.isVisible() and strip.pill("scale").text() == "Scale: disconnected"
