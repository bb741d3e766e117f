"""The returns bench photographs returned units with the bench camera.

GIVEN a standalone station with the returns demo (SO-90002 shipped 5 days ago) and a bench camera
configured in station.toml (`[camera] device = "auto"`), run by a camera that needs no hardware
(BenchHardware.camera_factory, as in test_devices_bench): the real packing window, the real
returns window, the real worker and database. WHEN units are graded, THEN damaged and wrong units
are photographed without asking, any unit on the PHOTO key (F11), the file is under
data/photos/<return>/, the return's log has the photo and return_items.photo_ref points at it,
and the bench shows the thumbnail. A missing or failing camera never costs a graded unit.
"""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QPointF, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtTest import QTest
from sqlalchemy import text

from app.devices.events import DeviceState, DeviceStatus
from app.returns.demo import RETURN_ORDER
from app.ui.hardware import BenchHardware
from tests.gui.test_returns_mode import MUG, SOCK, TEE, Bench, gtin, open_returns, seed_returns_demo

CAMERA = '[camera]\ndevice = "auto"\n'
F = Qt.Key


def damaged_mug() -> QImage:
    """A 'camera frame': a mug on the bench with a crack, so the screenshot shows what a photo is for."""
    image = QImage(1600, 1200, QImage.Format.Format_RGB32)
    image.fill(QColor("#8A6F4E"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor("#F4F1EA"))
    painter.setPen(QPen(QColor("#5B4A36"), 12))
    painter.drawRoundedRect(520, 300, 480, 620, 40, 40)  # the mug
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawEllipse(960, 470, 260, 300)  # its handle
    painter.setPen(QPen(QColor("#B3261E"), 16))
    painter.drawPolyline([QPointF(x, y) for x, y in ((600, 340), (680, 480), (640, 560), (760, 700), (720, 860))])
    painter.end()
    return image


class SimCamera:
    """A bench camera without hardware, shaped like app.devices.camera.BoxCamera: start, stop, ready,
    status, capture(order, uuid, on_saved). `fail` makes the next captures fail as a camera does."""

    instances: list[SimCamera] = []

    def __init__(self, store, *, device: str = "auto", on_status=None) -> None:  # noqa: ANN001
        self.store, self.device, self.on_status = store, device, on_status
        self.status = DeviceStatus("camera", "camera", DeviceState.ABSENT)
        self.ready = False
        self.fail = ""
        self.captures = 0
        SimCamera.instances.append(self)

    def start(self) -> DeviceStatus:
        self.ready = True
        self.status = DeviceStatus("camera", "camera", DeviceState.CONNECTED, "camera Bench cam", self.device)
        self.on_status(self.status)
        return self.status

    def stop(self) -> None:
        self.ready = False

    def capture(self, order: str, parcel_uuid: str, on_saved) -> bool:  # noqa: ANN001
        self.captures += 1
        if self.fail:
            QTimer.singleShot(10, lambda: on_saved(None, f"photo failed: {self.fail}"))
            return True
        QTimer.singleShot(20, lambda: on_saved(self.store.save_image(order, parcel_uuid, damaged_mug()), ""))
        return True


@pytest.fixture
def make_bench(home, qtbot, monkeypatch):
    from tests.gui.conftest import open_station_window

    monkeypatch.setattr(BenchHardware, "camera_factory", SimCamera)
    SimCamera.instances.clear()
    made: list[Bench] = []

    def make(toml: str) -> Bench:
        home.mkdir(parents=True, exist_ok=True)
        (home / "station.toml").write_text(toml, encoding="utf-8")
        bench = Bench(open_station_window(home, qtbot, seed_returns_demo, badge="PS:BADGE:P-1001"), qtbot)
        made.append(bench)
        open_returns(bench)
        return bench

    yield make
    for bench in made:
        bench.close()


def item_rows(b: Bench) -> list[tuple]:
    with b.gui.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(
            "select item_no, sku, grade, photo_ref from return_items where removed = 0 order by item_no"))]


def photo_facts(b: Bench) -> list[dict]:
    with b.gui.engine.connect() as conn:
        return [json.loads(p) for p in conn.execute(text(
            "select payload from return_events where type = 'return_item_photographed' order by seq")).scalars()]


def settle(b: Bench, photos: int) -> None:
    """Wait until `photos` photos are recorded and both windows are idle (the camera answers on its own time)."""
    b.qtbot.waitUntil(lambda: len(photo_facts(b)) >= photos and b.window.idle and b.gui.window.idle, timeout=8000)


def test_damaged_and_wrong_units_are_photographed_and_any_unit_on_the_photo_key(make_bench) -> None:
    """GIVEN the returns bench with a camera and return SO-90002 open
    WHEN the mug is graded damaged (F8), a SKU the order never had is scanned, and the tee is graded
         resellable (F6), put away (F4), then PHOTO (F11)
    THEN three photos: the mug's taken in hand and recorded with it, the wrong item's and the tee's after
         them; each file is under data/photos/<return>/, in the log and in return_items.photo_ref,
         and the bench shows the thumbnails."""
    b = make_bench(CAMERA)
    home = b.gui.home
    camera = SimCamera.instances[-1]
    assert b.window.buttons["photo"].isVisible() and not b.window.buttons["photo"].isEnabled()  # nothing yet
    assert b.scan(RETURN_ORDER) == "return_opened"
    number = b.window.view.state.number

    assert b.scan(gtin(b, MUG)) == "grade_item"
    assert b.key(F.Key_F8) == "dispose_item"  # damaged: the camera takes it while the mug is in hand
    settle(b, 1)
    assert b.window.view.state.pending.photo  # on the unit in hand ...
    assert b.window.step.dispose_photo.isVisible() and not b.window.step.dispose_photo.pixmap().isNull()
    assert b.key(F.Key_F4) == "item_returned"  # ... and recorded with it
    assert b.window.banner.code == "item_returned"  # the photo never took the banner
    assert b.window.step.last_photo.isVisible() and "Item 1" in b.window.step.last_photo_text.text()
    b.shot("returns-05-unit-photo")  # the README's picture with PACKSTATION_SCREENSHOTS=1
    assert b.window.grab().save("/tmp/returns_photo.png")

    assert b.scan(gtin(b, SOCK)) == "not_in_order"  # recorded at once as a wrong item: photographed after
    settle(b, 2)
    assert b.window.banner.code == "not_in_order"

    assert b.scan(gtin(b, TEE)) == "grade_item"
    assert b.key(F.Key_F6) == "dispose_item"  # resellable: no photo unless asked
    assert b.key(F.Key_F4) == "item_returned"
    QTest.qWait(100)
    assert len(photo_facts(b)) == 2 and camera.captures == 2
    assert b.window.buttons["photo"].isEnabled()
    b.key(F.Key_F11)  # PHOTO: the last unit recorded
    settle(b, 3)

    rows = item_rows(b)
    assert [(r[1], r[2]) for r in rows] == [(MUG, "damaged"), (SOCK, "wrong_item"), (TEE, "resellable")]
    assert all(r[3] and r[3].startswith(f"photos/{number}/") and r[3].endswith(".jpg") for r in rows)
    for _, _, _, ref in rows:
        data = (home / "data" / ref).read_bytes()
        assert data[:3] == b"\xff\xd8\xff" and len(data) < 300_000
    facts = photo_facts(b)
    assert [(f["item"], f["sku"]) for f in facts] == [(1, MUG), (2, SOCK), (3, TEE)]
    assert facts[0]["in_hand"] is True and [f["photo"] for f in facts] == [r[3] for r in rows]
    with b.gui.engine.connect() as conn:
        recorded = [json.loads(p) for p in conn.execute(text(
            "select payload from return_events where type = 'return_item_recorded' order by seq")).scalars()]
    assert recorded[0]["photo"] == rows[0][3] and "photo" not in recorded[1]  # in hand: in the recorded fact

    table = b.window.return_panel.items
    photo_column = table.columnCount() - 1
    assert table.horizontalHeaderItem(photo_column).text() == "Photo"
    assert all(not table.item(r, photo_column).icon().isNull() for r in range(3))
    assert b.window.step.last_photo.isVisible()
    assert "Item 3" in b.window.step.last_photo_text.text()
    assert "Photo of" in b.window.statusBar().currentMessage()


def test_a_failing_camera_keeps_the_unit_and_says_so_once(make_bench) -> None:
    """GIVEN the returns bench whose camera fails every photo
    WHEN two units are graded damaged and put away
    THEN both are recorded (rows, stock, log) without a photo, the banner says what the unit did, and the
         status bar says once that the unit is recorded without a photo."""
    b = make_bench(CAMERA)
    camera = SimCamera.instances[-1]
    camera.fail = "sensor timeout"
    said: list[str] = []
    b.window.statusBar().messageChanged.connect(said.append)
    assert b.scan(RETURN_ORDER) == "return_opened"
    assert b.scan(gtin(b, MUG)) == "grade_item"
    assert b.key(F.Key_F8) == "dispose_item"
    b.qtbot.waitUntil(lambda: "sensor timeout" in b.window.statusBar().currentMessage(), timeout=3000)
    assert "recorded" in b.window.statusBar().currentMessage()
    assert b.key(F.Key_F4) == "item_returned"
    assert b.scan(gtin(b, SOCK)) == "not_in_order"
    b.qtbot.waitUntil(lambda: camera.captures == 2, timeout=3000)
    QTest.qWait(100)
    assert len([m for m in said if "sensor timeout" in m]) == 1  # said once, not on every unit
    assert b.window.banner.code == "not_in_order"
    assert [(r[1], r[3]) for r in item_rows(b)] == [(MUG, None), (SOCK, None)]
    assert photo_facts(b) == []

    b.key(F.Key_F11)  # asked for: told again, quietly
    b.qtbot.waitUntil(lambda: "sensor timeout" in b.window.statusBar().currentMessage(), timeout=3000)
    assert b.window.banner.code == "not_in_order"


def test_without_a_camera_the_bench_records_units_and_says_so_once(make_bench) -> None:
    """GIVEN a station with no camera configured (the default)
    WHEN a unit is graded damaged and put away  THEN it is recorded without a photo, the status bar says
         there is no camera, and the PHOTO key is off."""
    b = make_bench("")
    assert SimCamera.instances == []
    assert b.scan(RETURN_ORDER) == "return_opened"
    assert b.scan(gtin(b, MUG)) == "grade_item"
    assert b.key(F.Key_F8) == "dispose_item"
    assert "No bench camera" in b.window.statusBar().currentMessage()
    assert b.key(F.Key_F4) == "item_returned"
    assert [(r[1], r[3]) for r in item_rows(b)] == [(MUG, None)]
    assert not b.window.buttons["photo"].isVisible() and not b.window.qactions["photo"].isEnabled()
    assert b.window.return_panel.items.isColumnHidden(b.window.return_panel.items.columnCount() - 1)
