"""Returns mode on screen: the station switches to the returns bench, a demo return is processed,
stock changes by exactly what was put away, and a demo wholesale order's ASN and pallet labels
come out.

GIVEN a standalone station seeded with the demo (catalogue, people, returns demo: SO-90002
shipped 5 days ago, SO-90001 wholesale), WHEN the packer presses Ctrl+Shift+R and scans, THEN
the returns window does what the returns bench's service does, and the database says so.
"""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from sqlalchemy import select

from app.returns.demo import RETURN_ORDER, WHOLESALE_ORDER
from app.store.inventory import LEVELS
from app.store.models import Barcode, Product

SHOTS = Path(__file__).resolve().parents[2] / "resources" / "screenshots"
MUG, TEE, SOCK = "MUG-STW-SAN", "TEE-ORG-BLA-M", "SOCK-MER-CHA-M"  # SOCK is not in SO-90002


def seed_returns_demo(bench) -> None:
    from app.returns.demo import seed_operations_demo

    seed_operations_demo(bench.sessions)


class Bench:
    def __init__(self, gui, qtbot) -> None:
        self.gui = gui
        self.qtbot = qtbot
        self.window = None

    def wait(self, timeout: int = 8000) -> None:
        self.qtbot.waitUntil(lambda: self.window.idle and self.gui.window.idle, timeout=timeout)

    def scan(self, code: str) -> str:
        QTest.keyClicks(self.window, code)
        QTest.keyClick(self.window, Qt.Key.Key_Return)
        self.wait()
        return self.code()

    def key(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> str:
        QTest.keyClick(self.window, key, modifier)
        self.wait()
        return self.code()

    def code(self) -> str:
        view = self.window.view
        return view.outcome.code if view is not None and view.outcome is not None else ""

    def close(self) -> None:
        """The returns window (if open), then the station's window."""
        if self.window is not None and self.gui.window.returns_window is not None:
            self.window.close()
        self.gui.window.shutdown()
        self.gui.close()

    def shot(self, name: str) -> None:
        """The screen as a PNG: into resources/screenshots with PACKSTATION_SCREENSHOTS=1 (the
        README's pictures), else beside the test's database, so a test run leaves the tree clean."""
        folder = SHOTS if os.environ.get("PACKSTATION_SCREENSHOTS") == "1" else self.gui.home / "screenshots"
        folder.mkdir(parents=True, exist_ok=True)
        self.window.resize(1366, 768)
        QTest.qWait(50)
        assert self.window.grab().save(str(folder / f"{name}.png"))


@pytest.fixture
def bench(home, qtbot):
    from tests.gui.conftest import open_station_window

    b = Bench(open_station_window(home, qtbot, seed_returns_demo, badge="PS:BADGE:P-1001"), qtbot)
    yield b
    b.close()


def open_returns(b: Bench) -> None:
    gui = b.gui
    assert gui.window.returns_button.isVisible() and gui.window.returns_button.isEnabled()
    QTest.keyClick(gui.window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    b.qtbot.waitUntil(lambda: getattr(gui.window, "returns_window", None) is not None, timeout=3000)
    b.window = gui.window.returns_window
    b.qtbot.waitUntil(lambda: b.window.ready and b.window.idle, timeout=10000)


def levels(b: Bench) -> dict[tuple[str, str], int]:
    with b.gui.engine.connect() as conn:
        return {(r.sku, r.bin): r.on_hand for r in conn.execute(select(LEVELS))}


def gtin(b: Bench, sku: str) -> str:
    with b.gui.engine.connect() as conn:
        return conn.execute(select(Barcode.code).join(Product, Product.id == Barcode.product_id)
                            .where(Product.sku == sku).limit(1)).scalar()


def test_a_demo_return_moves_stock_by_exactly_what_was_put_away(bench: Bench) -> None:
    b = bench
    open_returns(b)
    assert b.window.view.state.user.name == "Alex Packer"  # signed in at the returns bench as at packing
    assert b.window.banner.message.startswith("Hello Alex Packer")
    b.shot("returns-01-start")
    start = levels(b)

    assert b.scan(RETURN_ORDER) == "return_opened"
    assert b.window.pages.currentWidget() is b.window.open_page
    assert b.window.return_panel.lines.rowCount() == 3  # mug, tee, earbud may come back
    assert b.scan(gtin(b, MUG)) == "grade_item"
    b.shot("returns-02-order-shown")
    assert b.key(Qt.Key.Key_F8) == "dispose_item"  # damaged
    assert b.window.step.currentWidget() is b.window.step.dispose
    assert b.key(Qt.Key.Key_F4) == "item_returned"  # confirm: quarantine
    assert b.scan(gtin(b, TEE)) == "grade_item"
    assert b.key(Qt.Key.Key_F6) == "dispose_item"  # resellable
    tee_bin = b.window.view.state.pending.default_bin
    assert tee_bin and tee_bin in b.window.step.suggested.text()  # the suggested bin is on the button
    assert b.key(Qt.Key.Key_F4) == "item_returned"  # confirm: restock to the bin

    # A SKU the order never had: recorded as a wrong item, quarantined, shown STOP red for a supervisor.
    assert b.scan(gtin(b, SOCK)) == "not_in_order"
    flags = b.window.return_panel.flags
    assert flags.isVisible() and "SUPERVISOR" in flags.title.text() and SOCK in flags.listing.text()
    row = b.window.return_panel.items.item(2, 1)
    assert row.text() == SOCK and row.foreground().color().name().upper() == "#B3261E"
    b.shot("returns-03-item-flagged")

    assert b.key(Qt.Key.Key_F5) == "supervisor_needed"
    assert b.scan("PS:BADGE:S-2001") == "return_closed"
    closed = b.window.view.closed
    assert closed is not None and closed.status == "closed"
    b.shot("returns-04-return-closed")

    after = levels(b)
    changed = {k: after.get(k, 0) - start.get(k, 0) for k in set(after) | set(start)
               if after.get(k, 0) != start.get(k, 0)}
    assert changed == {(MUG, "QUARANTINE"): 1, (TEE, tee_bin): 1, (SOCK, "QUARANTINE"): 1}
    shown = {(r.sku, r.bin): (r.before, r.after) for r in closed.stock}
    assert shown == {k: (start.get(k, 0), after[k]) for k in changed}  # the screen shows before -> after
    assert b.window.closed_panel.stock.rowCount() == 3
    assert any(sku == TEE and a == bb + 1 for sku, bb, a in closed.available)  # the tee is back on sale

    # Tags for the quarantined units went through the station's print queue into the spool.
    assert b.gui.window.worker.context.station.output.drain(timeout=10)
    tags = [p for p in (b.gui.home / "data" / "spool").rglob("*.pdf") if "return" in p.name]
    assert tags

    # Back to packing: the packing keys work again.
    b.key(Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    b.qtbot.waitUntil(lambda: b.gui.window.returns_window is None, timeout=3000)
    assert b.gui.window.qactions["type"].isEnabled()
    b.window = None


def test_bulk_tab_exports_the_asn_and_spools_pallet_labels_that_scan_back(bench: Bench, tmp_path) -> None:
    import zxingcpp

    from printers.png import pdf_page_count, pdf_to_image

    b = bench
    open_returns(b)
    b.window.tabs.setCurrentWidget(b.window.bulk)
    b.qtbot.waitUntil(lambda: b.window.bulk.view is not None and b.window.idle, timeout=5000)
    assert b.window.bulk.current() == WHOLESALE_ORDER
    b.window.bulk.pack.click()
    b.qtbot.waitUntil(lambda: b.window.idle and b.window.bulk.view.complete, timeout=10000)
    assert b.window.banner.code == "bulk_packed"

    b.window.export_asn(WHOLESALE_ORDER, tmp_path / "asn")
    b.wait()
    json_path, csv_path = b.window.last_export
    asn = json.loads(json_path.read_text())
    assert asn["order_number"] == WHOLESALE_ORDER and asn["pallets"]
    pallet_ssccs = [p["sscc"] for p in asn["pallets"]]
    assert all(c["items"] for p in asn["pallets"] for c in p["cartons"])  # pallets -> cartons -> items
    units = sum(i["quantity"] for p in asn["pallets"] for c in p["cartons"] for i in c["items"])
    assert units == asn["totals"]["units"]
    rows = list(csv.DictReader(csv_path.open()))
    assert {r["pallet_sscc"] for r in rows} == set(pallet_ssccs) and all(r["carton_sscc"] and r["sku"] for r in rows)

    b.window.bulk.pallet_labels.click()
    b.qtbot.waitUntil(lambda: b.window.idle and b.gui.window.idle and b.window.last_printed is not None,
                      timeout=10000)
    assert b.window.banner.code == "labels_printed"
    assert b.gui.window.worker.context.station.output.drain(timeout=10)
    spooled = [p for p in (b.gui.home / "data" / "spool").rglob("*.pdf") if "pallet" in p.name]
    assert len(spooled) == 1
    pdf = spooled[0].read_bytes()
    decoded = [r.text for page in range(pdf_page_count(pdf))
               for r in zxingcpp.read_barcodes(pdf_to_image(pdf, 300, page))]
    assert sorted(t.removeprefix("(00)") for t in decoded if t.startswith("(00)")) == sorted(pallet_ssccs)
