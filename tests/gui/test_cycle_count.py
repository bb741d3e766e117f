"""Cycle count at the bench: scan a bin, scan what is in it, see the variance, a supervisor approves or recounts.

GIVEN a standalone station seeded with the returns demo (opening stock for every demo product in
its bin; Alex Packer P-1001, Sam Supervisor S-2001), WHEN the packer opens returns mode, goes to
the "Cycle count" tab and drives it with the scanner and the function keys, THEN the screen
shows a blind count, then the variance, and the database holds the count, the stock levels and
one cycle_count movement per SKU that was off, in the supervisor's name.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from app.store.inventory import COUNT_LINES, COUNTS, LEVELS, MOVES
from app.store.models import Barcode, Product, User
from tests.gui.test_returns_mode import Bench, open_returns

SOCK, MUG, BEANIE = "SOCK-MER-CHA-S", "MUG-STW-SAN", "BEANIE-RIB-CHA"  # demo homes: A-01-1, B-01-2, A-06-2
UNKNOWN_GTIN = "05012345678900"  # a valid EAN that is no product of the demo catalogue


def seed_returns_demo(bench) -> None:
    from app.returns.demo import seed_operations_demo
    from app.store.inventory import receive

    seed_operations_demo(bench.sessions)
    with bench.sessions.begin() as db:  # overflow beanies share A-01-1 with the socks
        receive(db.connection(), BEANIE, "A-01-1", 6, user_id=None, reference="test", note="overflow")


class Counter(Bench):
    """The returns window's Cycle count tab, driven like a packer (scans, keys: Bench's)."""

    def open(self) -> None:
        gui = self.gui
        gui.window.activateWindow()  # back from returns mode: the packing window has the keys again
        self.qtbot.waitUntil(lambda: QApplication.activeWindow() is gui.window, timeout=3000)
        open_returns(self)
        self.window.tabs.setCurrentWidget(self.window.count)
        self.wait()

    def close_returns(self) -> None:
        self.window.close()
        self.qtbot.waitUntil(lambda: self.gui.window.returns_window is None, timeout=5000)
        self.window = None

    @property
    def view(self):
        return self.window.count.view

    def code(self) -> str:
        view = self.view
        return view.outcome.code if view is not None and view.outcome is not None else ""

    def typed(self, text: str) -> str:
        """What F2's dialog hands the window when the packer types a code."""
        self.window.submit_scan(text, manual=True)
        self.wait()
        return self.code()

    # -- what is on the screen

    def table(self) -> list[list[str]]:
        t = self.window.count.table
        return [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]

    def headers(self) -> list[str]:
        t = self.window.count.table
        return [t.horizontalHeaderItem(c).text() for c in range(t.columnCount())]

    def colour(self, row: int, column: int = 4) -> str:
        return self.window.count.table.item(row, column).foreground().color().name().upper()

    def played(self) -> list[str]:
        return list(self.gui.window.sounds.played)

    # -- the database

    def one(self, query):
        with self.gui.engine.connect() as conn:
            return conn.execute(query).first()

    def all(self, query) -> list:
        with self.gui.engine.connect() as conn:
            return list(conn.execute(query))

    def level(self, sku: str, bin_location: str) -> int:
        row = self.one(select(LEVELS.c.on_hand).where(LEVELS.c.sku == sku, LEVELS.c.bin == bin_location))
        return row.on_hand if row else 0

    def gtin(self, sku: str) -> str:
        return self.one(select(Barcode.code).join(Product, Product.id == Barcode.product_id)
                        .where(Product.sku == sku).limit(1)).code

    def user_id(self, name: str) -> int:
        return self.one(select(User.id).where(User.name == name)).id

    def counts(self) -> list:
        return self.all(select(COUNTS).order_by(COUNTS.c.id))

    def count_lines(self, count_id: int, round_no: int) -> dict[str, tuple[int, int]]:
        rows = self.all(select(COUNT_LINES).where(COUNT_LINES.c.count_id == count_id, COUNT_LINES.c.round == round_no))
        return {r.sku: (r.expected, r.counted) for r in rows}

    def count_moves(self) -> list:
        return self.all(select(MOVES).where(MOVES.c.reason == "cycle_count").order_by(MOVES.c.id))


@pytest.fixture
def counter(home, qtbot):
    from tests.gui.conftest import open_station_window

    c = Counter(open_station_window(home, qtbot, seed_returns_demo, badge="PS:BADGE:P-1001"), qtbot)
    c.open()
    yield c
    c.close()


def test_a_blind_count_shows_the_variance_and_a_supervisor_books_it(counter: Counter) -> None:
    """GIVEN bin A-01-1 holds N socks and 6 beanies on record, WHEN the packer counts N-1 socks, the 6
    beanies and a stray mug and a supervisor approves, THEN the bin's stock is what was counted, by two
    cycle_count movements in the supervisor's name (the beanies were right: no movement)."""
    c = counter
    socks = c.level(SOCK, "A-01-1")
    assert socks > 3 and c.level(BEANIE, "A-01-1") == 6
    assert c.window.banner.message == "Scan a bin label to count it."
    assert c.window.count.pages.currentWidget() is c.window.count.idle_page

    # An item, a badge or COMPLETE before a bin: refused in red, nothing recorded.
    assert c.scan(c.gtin(SOCK)) == "scan_bin_first"
    assert c.window.banner.tone.value == "rejected" and c.played()[-1] == "rejected"
    assert c.scan("PS:BADGE:P-1001") == "badge_not_bin"
    assert not c.window.qactions["complete"].isEnabled()
    assert c.scan("PS:CMD:COMPLETE") == "scan_bin_first"
    assert c.counts() == []

    assert c.scan("PS:BIN:A-01-1") == "count_started"
    assert c.played()[-1] == "accepted"
    [head] = c.counts()
    assert (head.bin, head.status, head.round, head.started_by) == ("A-01-1", "counting", 1,
                                                                    c.user_id("Alex Packer"))
    assert c.count_lines(head.id, 1) == {SOCK: (socks, 0), BEANIE: (6, 0)}  # the records, frozen at the start
    assert c.window.count.bin_label.text() == "Bin A-01-1"

    # A QTY card, then one scan: several at once; then single scans, each a short tick.
    assert c.scan(f"PS:CMD:QTY:{socks - 2}") == "qty_armed"
    assert c.scan(c.gtin(SOCK)) == "item_counted"
    assert c.scan(SOCK) == "item_counted"  # a SKU (a house label) counts too
    assert c.played()[-1] == "accepted"
    assert c.count_lines(head.id, 1)[SOCK] == (socks, socks - 1)  # on disk when the screen said OK
    assert c.scan(UNKNOWN_GTIN) == "unknown_barcode"
    assert c.window.banner.tone.value == "rejected" and c.played()[-1] == "rejected"
    assert UNKNOWN_GTIN in c.window.banner.message
    for _ in range(6):
        assert c.scan(c.gtin(BEANIE)) == "item_counted"
    assert c.scan(c.gtin(MUG)) == "item_counted"  # a mug that has no business in this bin
    assert c.scan(c.gtin(MUG)) == "item_counted"
    assert c.window.qactions["undo"].isEnabled()
    assert c.key(Qt.Key.Key_F3) == "item_uncounted"  # UNDO: the same mug, scanned twice
    assert c.count_lines(head.id, 1)[MUG] == (0, 1)

    # Blind: what was counted, never what the records expect.
    assert c.headers() == ["SKU", "Product", "Counted"]
    rows = c.table()
    assert [(r[0], r[2]) for r in rows] == [(BEANIE, "6"), (MUG, "1"), (SOCK, str(socks - 1)),
                                            ("Total", str(socks + 6))]
    assert "Mug" in rows[1][1]  # the product's name beside its SKU
    assert str(socks) not in c.window.count.details.text()
    # A supervisor's badge while counting: finish first.
    assert c.scan("PS:BADGE:S-2001") == "finish_first"
    assert c.counts()[0].status == "counting"

    assert c.key(Qt.Key.Key_F5) == "count_finished_off"
    assert c.window.banner.tone.value == "attention"
    assert c.counts()[0].status == "finished"
    assert c.headers() == ["SKU", "Product", "Expected", "Counted", "Variance"]
    rows = c.table()
    assert [r[:1] + r[2:] for r in rows] == [
        [BEANIE, "6", "6", "0 ✓"], [MUG, "0", "1", "+1 over"], [SOCK, str(socks), str(socks - 1), "−1 short"],
        ["Total", str(socks + 6), str(socks + 6), "2 unit(s) off"]]
    assert c.colour(0) == "#1B7A36"  # a match: green
    assert c.colour(1) == c.colour(2) == c.colour(3) == "#B3261E"  # over and short: STOP red
    assert c.window.count.step_text.text() == "Scan a supervisor badge to approve, or RECOUNT"
    assert "RECOUNT (Shift+F9)" in c.window.banner.detail
    assert c.window.count.recount_button.isVisible() and c.window.qactions["recount"].isEnabled()
    assert not c.window.qactions["complete"].isEnabled()
    c.shot("returns-06-cycle-count")  # the README's picture with PACKSTATION_SCREENSHOTS=1

    # Items after finishing are refused; a packer's badge cannot approve.
    assert c.scan(c.gtin(SOCK)) == "count_finished"
    assert c.scan("PS:BADGE:P-1001") == "supervisor_must_approve"
    assert c.window.banner.message == "A supervisor must approve: Alex Packer is not a supervisor."
    assert c.played()[-1] == "rejected"
    assert c.counts()[0].status == "finished" and c.count_moves() == []

    mugs_home = c.level(MUG, "B-01-2")
    assert c.scan("PS:BADGE:S-2001") == "count_approved"
    assert c.window.banner.tone.value == "complete" and c.played()[-1] == "complete"
    head = c.counts()[0]
    sam = c.user_id("Sam Supervisor")
    assert (head.status, head.decided_by) == ("approved", sam)
    assert (c.level(SOCK, "A-01-1"), c.level(BEANIE, "A-01-1"), c.level(MUG, "A-01-1")) == (socks - 1, 6, 1)
    assert c.level(MUG, "B-01-2") == mugs_home  # only the counted bin changes
    moves = c.count_moves()
    assert sorted((m.sku, m.bin, m.delta, m.user_id, m.reference, m.station) for m in moves) == [
        (MUG, "A-01-1", 1, sam, f"count {head.id}", c.window.config.station),
        (SOCK, "A-01-1", -1, sam, f"count {head.id}", c.window.config.station)]
    assert {m.sku: m.note for m in moves}[SOCK] == f"count {head.id} round 1: expected {socks}, counted {socks - 1}"
    assert c.window.count.step_text.text() == "Approved. Scan the next bin."
    assert "Sam Supervisor" in c.window.count.details.text()

    # The next item needs a new bin.
    assert c.scan(c.gtin(SOCK)) == "scan_bin_first"


def test_a_recount_clears_the_round_and_a_restart_resumes_the_open_count(counter: Counter) -> None:
    c = counter
    expected = c.level(MUG, "B-01-2")
    mug = c.gtin(MUG)
    assert c.scan("PS:BIN:B-01-2") == "count_started"
    for _ in range(2):
        assert c.scan(mug) == "item_counted"
    assert c.key(Qt.Key.Key_F5) in ("count_finished_off", "count_finished_match")

    # RECOUNT needs a supervisor: the key arms it, a packer's badge is refused, the supervisor's starts round 2.
    assert c.key(Qt.Key.Key_F9, Qt.KeyboardModifier.ShiftModifier) == "recount_armed"
    assert "RECOUNT" in c.window.count.step_text.text()
    assert c.scan("PS:BADGE:P-1001") == "supervisor_must_approve"
    assert c.scan("PS:BADGE:S-2001") == "recount_started"
    [head] = c.counts()
    assert (head.status, head.round) == ("counting", 2)
    assert c.count_lines(head.id, 2) == {MUG: (expected, 0)}  # a fresh snapshot, nothing counted
    assert c.count_lines(head.id, 1) == {MUG: (expected, 2)}  # the doubted round is kept
    assert c.headers() == ["SKU", "Product", "Counted"] and c.table() == [["Total", "", "0"]]  # blind again
    assert c.count_moves() == []

    # Scans faster than the screen: each is taken in order, none lost, none doubled.
    for _ in range(3):
        c.window.submit_scan(mug)
    c.wait()
    assert c.count_lines(head.id, 2) == {MUG: (expected, 3)}
    assert c.table()[0][:1] == [MUG] and c.table()[0][2] == "3"

    # The returns window closes (a crash, the end of a shift): the count stays open; scanning the bin resumes it.
    c.close_returns()
    c.open()
    assert c.window.count.pages.currentWidget() is c.window.count.idle_page
    assert "B-01-2" in c.window.count.open_counts.text()
    assert c.scan("PS:BIN:B-01-2") == "count_resumed"
    assert c.table()[0][2] == "3" and c.view.round == 2
    assert c.scan(mug) == "item_counted"
    assert c.count_lines(head.id, 2) == {MUG: (expected, 4)}
    assert len(c.counts()) == 1

    # The recount's variance, approved by the supervisor: the level becomes what round 2 counted.
    assert c.key(Qt.Key.Key_F5) in ("count_finished_off", "count_finished_match")
    assert c.scan("PS:BADGE:S-2001") == "count_approved"
    assert c.level(MUG, "B-01-2") == 4
    moves = c.count_moves()
    if expected != 4:
        assert [(m.delta, m.user_id) for m in moves] == [(4 - expected, c.user_id("Sam Supervisor"))]
        assert "round 2" in moves[0].note


def test_an_empty_bin_and_bad_scans(counter: Counter) -> None:
    """An unknown bin is a valid count (expected 0); a typo, a broken label or a stray card is refused."""
    c = counter
    assert c.scan("PS:BIN:") == "bad_bin_label"
    assert c.scan("Z-99-8") == "unknown_barcode"  # scanned plain text that is no product and no known bin
    assert c.scan("PS:RETURN:SO-90002:ABCDEFGHJK") == "not_for_count"
    assert c.scan("PS:CMD:HOLD") == "command_not_here"
    assert c.counts() == []

    assert c.typed("z-99-9") == "count_started"  # typed (F2): a bin the records do not know
    assert c.window.count.bin_label.text() == "Bin Z-99-9"
    assert not c.window.qactions["undo"].isEnabled()  # nothing to undo: the key is off, the card says so
    assert c.scan("PS:CMD:UNDO") == "nothing_to_undo"
    assert c.key(Qt.Key.Key_F5) == "count_finished_match"
    assert c.table() == [["Total", "", "0", "0", "0 ✓"]]
    assert c.colour(0) == "#1B7A36"
    # No variance: still a supervisor's decision (the store's approve_count), booking nothing.
    assert c.counts()[0].status == "finished"
    assert c.scan("PS:CMD:RECOUNT") == "recount_armed"  # the count tab's own card
    assert c.key(Qt.Key.Key_F12) == "recount_disarmed"  # CANCEL calls it off: the badge approves again
    assert c.scan("PS:BADGE:S-2001") == "count_approved"
    assert c.counts()[0].status == "approved"
    assert c.count_moves() == []

    # A count put aside (CANCEL) stays open and the screen goes back to "scan a bin".
    assert c.scan("PS:BIN:A-01-1") == "count_started"
    assert c.key(Qt.Key.Key_F12) == "count_put_aside"
    assert c.window.count.pages.currentWidget() is c.window.count.idle_page
    assert c.counts()[-1].status == "counting"
    assert c.scan("A-01-1") == "count_resumed"  # a plain-text label of a known bin
