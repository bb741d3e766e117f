"""The real main window on a real station database (SQLite in tmp_path) with spool output.

Each test gets its own PACKSTATION_HOME. The catalogue is tests.support's small one plus a few
orders that exercise the screen (instructions, gift message, priority) and an admin.
"""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before any Qt import: no display needed


import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from sqlalchemy import create_engine, select  # noqa: E402

from app.domain import clock
from app.store import models as t  # noqa: E402
from tests.support import add_order, seed_small  # noqa: E402

PEN_GTIN = "05012345678900"  # a product that is in no order


def seed_gui(bench) -> None:
    if not bench.created:
        return
    seed_small(bench.sessions)
    with bench.sessions.begin() as db:
        socks = db.scalars(select(t.Product).where(t.Product.sku == "SOCK-M")).one()
        mug = db.scalars(select(t.Product).where(t.Product.sku == "MUG-1")).one()
        pen = t.Product(sku="PEN-1", name="Fountain pen", weight_g=30, length_mm=150, width_mm=20, height_mm=20)
        db.add(pen)
        db.flush()
        db.add(t.Barcode(code=PEN_GTIN, product_id=pen.id))
        db.add(t.User(name="Ada Admin", badge="A-3001", role="admin"))
        gift = add_order(db, "1007", [(mug, 1), (socks, 1)])
        gift.gift_message = "Happy birthday, Sam!"
        gift.packing_instructions = "Wrap the mug in two layers of bubble wrap."
        gift.priority = 2
        gift.ship_by = clock.today()


class Gui:
    """Drives the window like a packer: scans through the keyboard wedge, hotkeys, waits."""

    def __init__(self, window, qtbot, home) -> None:
        self.window = window
        self.qtbot = qtbot
        self.home = home
        self.engine = create_engine(f"sqlite:///{home / 'data' / 'station.db'}")

    def wait(self, timeout: int = 5000) -> None:
        self.qtbot.waitUntil(lambda: self.window.idle, timeout=timeout)

    def scan(self, code: str) -> str:
        QTest.keyClicks(self.window, code)
        QTest.keyClick(self.window, Qt.Key.Key_Return)
        self.wait()
        return self.window.last_outcome.code if self.window.last_outcome else ""

    def key(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> str:
        QTest.keyClick(self.window, key, modifier)
        self.wait()
        return self.window.last_outcome.code if self.window.last_outcome else ""

    # -- the database, read the way a supervisor's report would

    def events(self) -> list[str]:
        with self.engine.connect() as conn:
            return list(conn.scalars(select(t.PackEvent.type).order_by(t.PackEvent.seq)))

    def payloads(self, kind: str) -> list[str]:
        with self.engine.connect() as conn:
            return list(conn.scalars(select(t.PackEvent.payload).where(t.PackEvent.type == kind)
                                     .order_by(t.PackEvent.seq)))

    def status(self, number: str) -> str:
        with self.engine.connect() as conn:
            return conn.scalars(select(t.Order.status).where(t.Order.number == number)).one()

    def parcels(self, number: str) -> list[tuple]:
        with self.engine.connect() as conn:
            order_id = conn.scalars(select(t.Order.id).where(t.Order.number == number)).one()
            return [tuple(r) for r in conn.execute(select(t.Parcel.box_no, t.Parcel.carton_code, t.Parcel.status)
                                                   .where(t.Parcel.order_id == order_id).order_by(t.Parcel.box_no))]

    def spool(self, prefix: str = "") -> list[str]:
        """Jobs the print queue delivered to the spool folders, by job id ("label-order-1001-box-1")."""
        output = self.window.worker.context.station.output
        assert output.drain(timeout=10)
        folder = self.home / "data" / "spool"
        names = [p.name.split("-", 1)[1].rsplit("-", 1)[0] for p in folder.rglob("*.pdf")]
        return sorted(n for n in names if n.startswith(prefix))

    def close(self) -> None:
        self.engine.dispose()


def open_station_window(home, qtbot, seed=None, *, badge: str | None = None, timeout: int = 10000) -> Gui:
    """The station's window as a packer finds it: started on its database (`seed` run first),
    shown at 1366×768, ready, and with `badge` scanned signed in."""
    from app.ui.app import build_window, start_job

    window = build_window([], job=start_job(seed=seed, demo=False))
    window.showNormal()
    window.resize(1366, 768)
    qtbot.addWidget(window)
    gui = Gui(window, qtbot, home)
    gui.wait(timeout)
    assert window.ready, window.statusBar().currentMessage()
    if badge is not None:
        assert gui.scan(badge) in ("signed_in", "already_signed_in")
    return gui


@pytest.fixture
def make_gui(home, qtbot, monkeypatch):
    made = []

    def make(**ui_changes):
        gui = open_station_window(home, qtbot, seed_gui)
        made.append(gui)
        return gui

    yield make
    for gui in made:
        gui.window.shutdown()
        gui.close()


@pytest.fixture
def gui(make_gui):
    return make_gui()


@pytest.fixture
def packer(gui):
    assert gui.scan("PS:BADGE:P-1001") == "signed_in"
    return gui
