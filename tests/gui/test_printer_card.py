"""The packer's printer card: red with the fix while the Zebra is not ready, the label held and then
printed by itself; a label cut off mid-send shown with its one-key resend. A simulated Zebra on
127.0.0.1 answers ~HS; the window is the real one on a real station database, at 1366×768."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.printing.job_store import SqlJobStore
from app.startup import open_bench
from printers.print_queue import JobState, PrintJob
from printers.simulator import ZebraSimulator
from tests.gui.conftest import open_station_window, seed_gui
from tests.support import SOCKS_GTIN


@pytest.fixture
def zebra(home):
    with ZebraSimulator() as printer:
        home.mkdir(parents=True, exist_ok=True)
        (home / "station.toml").write_text(f'[station]\nname = "BENCH-4"\n[printers]\nlabel = "{printer.uri}"\n',
                                           encoding="utf-8")
        yield printer


def _open(home, qtbot):
    gui = open_station_window(home, qtbot, seed_gui, badge="PS:BADGE:P-1001")
    return gui


def test_paper_out_holds_the_label_the_card_says_load_labels_and_it_prints_once_loaded(home, qtbot, zebra,
                                                                                       tmp_path):
    """GIVEN the Zebra answers ~HS "paper out" WHEN the packer packs order 1001 THEN no byte of the label
    reaches the printer, the card is red with "Load labels", the label panel says it waits and the banner
    warns; WHEN labels are loaded THEN the label prints once by itself and the card is ready again."""
    zebra.set_status(paper_out=True)
    gui = _open(home, qtbot)
    window = gui.window
    try:
        for code in ("1001", SOCKS_GTIN, "PS:CMD:CONFIRM"):
            gui.scan(code)
        card = window.printer_label
        qtbot.waitUntil(lambda: card.red and "Load labels" in card.title.text(), timeout=5000)
        # The slip goes to the document printer (the spool) and leaves the queue a moment later; the
        # held label stays.
        qtbot.waitUntil(lambda: "1 waiting" in card.detail.text(), timeout=5000)
        assert "1 held" in card.detail.text()
        assert zebra.wait_for_jobs(1, timeout=0.5) == []
        assert window.banner.code == "label_held" and "Load labels" in window.banner.message
        assert "Load labels, then it prints by itself" in window.await_order.label.print_state.text()
        shot = tmp_path / "printer-paper-out.png"  # resources/screenshots/21-printer-paper-out.png was made so
        assert window.grab().save(str(shot)) and shot.stat().st_size > 10_000

        zebra.set_status()  # a new roll of labels
        qtbot.waitUntil(lambda: not card.red, timeout=8000)
        assert [job.strip().startswith(b"^XA") for job in zebra.wait_for_jobs(1)] == [True]
        assert card.title.text() == "Printer ready" and "0 waiting" in card.detail.text()
        qtbot.wait(2500)  # a later look of the queue sends nothing again
        assert len(zebra.wait_for_jobs(2, timeout=0.2)) == 1
    finally:
        window.shutdown()
        gui.close()


def test_a_label_cut_off_mid_send_is_shown_and_f1_resends_it_once(home, qtbot, zebra):
    """GIVEN a label the station was sending when it stopped (it may be half printed) WHEN the window opens
    THEN the card is red, "Label cut off: press F1 to resend"; WHEN the packer presses F1 THEN it prints once
    and the card is ready again."""
    bench = open_bench()
    seed_gui(bench)
    SqlJobStore(bench.engine).add(PrintJob(zebra.uri, "label", "zpl", b"^XA^FDorder 1001 box 1^FS^XZ",
                                           "order 1001 box 1", state=JobState.SENDING))
    bench.close()
    gui = _open(home, qtbot)
    window = gui.window
    try:
        card = window.printer_label
        qtbot.waitUntil(lambda: card.red and card.resend.isVisible(), timeout=5000)
        assert card.title.text() == "Label cut off: press F1 to resend" and "1 cut off" in card.detail.text()
        assert "may have printed" in card.toolTip()
        assert gui.key(Qt.Key.Key_F1) == "resent"
        qtbot.waitUntil(lambda: not card.red, timeout=8000)
        assert zebra.wait_for_jobs(1) == [b"^XA^FDorder 1001 box 1^FS^XZ"]
        assert not card.resend.isVisible()
        assert gui.key(Qt.Key.Key_F1) == "nothing_to_resend"
        assert len(zebra.wait_for_jobs(2, timeout=0.5)) == 1
    finally:
        window.shutdown()
        gui.close()
