"""The cycle count's application service (app.returns.cycle_count), driven without a window.

GIVEN the small catalogue (SOCK-M, MUG-1 with GTIN and house code HOUSE-MUG, HAT-1; Alex Packer
P-1001, Sam Supervisor S-2001) and stock in bins, WHEN a `CountDesk` is fed scans as the returns
window's "Cycle count" tab feeds it, THEN each step answers with the outcome the screen words,
and the database holds what the packer was told.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from sqlalchemy import select

from app.domain.events import Tone
from app.domain.scan import Command
from app.returns.count_views import APPROVED, COUNTING, FINISHED
from app.returns.cycle_count import CountDesk, CycleCounts, replay_lines
from app.store.inventory import MOVES, levels_of, receive
from tests.returns.conftest import ALEX, SAM
from tests.support import MUG_GTIN, SOCKS_GTIN

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def stocked(db):
    """A-01-1 holds 10 socks and 4 mugs on record; B-01-1 12 mugs."""
    engine, _ = db
    with engine.begin() as conn:
        receive(conn, "SOCK-M", "A-01-1", 10, user_id=None)
        receive(conn, "MUG-1", "A-01-1", 4, user_id=None)
        receive(conn, "MUG-1", "B-01-1", 12, user_id=None)
    return engine


@pytest.fixture
def desk(stocked, repo):
    return CountDesk(CycleCounts(stocked), repo, station="BENCH-7", user=lambda: ALEX)


def codes(desk: CountDesk, *scans: str) -> list[str]:
    out = []
    for scan in scans:
        view = desk.scan(scan)
        out.append(view.outcome.code if view.outcome else "")
    return out


def test_a_blind_count_is_finished_and_a_supervisor_books_the_variance(desk, stocked):
    """GIVEN 10 socks and 4 mugs in A-01-1  WHEN 8 socks, 4 mugs (a QTY card) and a stray hat are counted,
    one double scan undone, and the supervisor's badge approves  THEN socks -2 and hat +1 are booked at
    the desk's station in the supervisor's name, and the bin's stock is what was counted."""
    assert codes(desk, SOCKS_GTIN) == ["scan_bin_first"]  # an item before a bin
    assert codes(desk, "PS:BIN:A-01-1") == ["count_started"]
    view = desk.view()
    assert (view.bin, view.status, view.round, view.rows) == ("A-01-1", COUNTING, 1, ())
    assert codes(desk, *[SOCKS_GTIN] * 8) == ["item_counted"] * 8
    assert codes(desk, "PS:CMD:QTY:4", "HOUSE-MUG") == ["qty_armed", "item_counted"]
    assert codes(desk, "HAT-1", "HAT-1") == ["item_counted"] * 2
    undone = desk.scan("PS:CMD:UNDO")
    assert (undone.outcome.code, undone.outcome.values) == ("item_uncounted", {"sku": "HAT-1", "counted": 1,
                                                                                "units": 1})
    # Blind: what was counted, no expected numbers.
    assert [(r.sku, r.counted, r.expected) for r in undone.rows] == [("HAT-1", 1, None), ("MUG-1", 4, None),
                                                                     ("SOCK-M", 8, None)]
    assert codes(desk, "PS:BADGE:S-2001") == ["finish_first"]

    finished = desk.scan("PS:CMD:COMPLETE")
    assert (finished.outcome.tone, finished.outcome.code, finished.outcome.values) == (
        Tone.ATTENTION, "count_finished_off", {"bin": "A-01-1", "off": 2})
    assert finished.status == FINISHED
    assert [(r.sku, r.expected, r.counted, r.variance) for r in finished.rows] == [
        ("HAT-1", 0, 1, 1), ("MUG-1", 4, 4, 0), ("SOCK-M", 10, 8, -2)]
    assert codes(desk, SOCKS_GTIN, "PS:BADGE:P-1001") == ["count_finished", "supervisor_must_approve"]

    approved = desk.scan("PS:BADGE:S-2001")
    assert (approved.outcome.tone, approved.outcome.code) == (Tone.COMPLETE, "count_approved")
    assert approved.outcome.values == {"bin": "A-01-1", "name": "Sam Supervisor", "lines": 2, "units": -1}
    assert (approved.status, approved.decided_by) == (APPROVED, "Sam Supervisor")
    with stocked.connect() as conn:
        assert levels_of(conn, "SOCK-M") == {"A-01-1": 8}
        assert levels_of(conn, "HAT-1") == {"A-01-1": 1}
        moves = conn.execute(select(MOVES.c.sku, MOVES.c.delta, MOVES.c.user_id, MOVES.c.station)
                             .where(MOVES.c.reason == "cycle_count").order_by(MOVES.c.sku)).all()
    assert [tuple(m) for m in moves] == [("HAT-1", 1, SAM.id, "BENCH-7"), ("SOCK-M", -2, SAM.id, "BENCH-7")]
    assert codes(desk, SOCKS_GTIN) == ["scan_bin_first"]  # the next item needs a new bin
    assert codes(desk, "PS:CMD:CANCEL") == ["ready"] and desk.view().status == ""


def test_a_recount_needs_a_supervisor_and_a_new_desk_resumes_the_open_count(desk, stocked, repo):
    """GIVEN a finished count of B-01-1 (2 of 12 mugs)  WHEN RECOUNT is armed and the supervisor's badge
    scanned  THEN round 2 starts blind; a second desk (a restart) resumes it by its bin label."""
    assert codes(desk, "PS:BIN:B-01-1", "PS:CMD:QTY:2", MUG_GTIN, "PS:CMD:COMPLETE") == [
        "count_started", "qty_armed", "item_counted", "count_finished_off"]
    assert codes(desk, "PS:CMD:RECOUNT") == ["recount_armed"]
    assert desk.view().recount_armed
    assert codes(desk, "PS:CMD:CANCEL", "PS:CMD:RECOUNT", "PS:BADGE:P-1001") == [
        "recount_disarmed", "recount_armed", "supervisor_must_approve"]
    again = desk.scan("PS:BADGE:S-2001")
    assert (again.outcome.code, again.status, again.round, again.rows) == ("recount_started", COUNTING, 2, ())

    restarted = CountDesk(CycleCounts(stocked), repo, station="BENCH-7", user=lambda: ALEX)
    idle = restarted.view()
    assert idle.status == "" and [(c.bin, c.status, c.round) for c in idle.open_counts] == [("B-01-1", COUNTING, 2)]
    assert codes(restarted, "B-01-1") == ["count_resumed"]  # a plain-text label of a bin the records know
    assert codes(restarted, "PS:CMD:QTY:12", MUG_GTIN, "PS:CMD:COMPLETE", "PS:BADGE:S-2001") == [
        "qty_armed", "item_counted", "count_finished_match", "count_approved"]
    with stocked.connect() as conn:
        assert levels_of(conn, "MUG-1") == {"A-01-1": 4, "B-01-1": 12}
        assert conn.execute(select(MOVES.c.id).where(MOVES.c.reason == "cycle_count")).all() == []
    assert CycleCounts(stocked).accuracy().lines == 1  # the recount's line, right


def test_bad_scans_are_refused_and_nothing_is_recorded(desk, stocked):
    counts = CycleCounts(stocked)
    assert codes(desk, "PS:BIN:", "Z-99-8", "PS:RETURN:SO-90002:ABCDEFGHJK", "PS:CMD:HOLD", "PS:BADGE:S-2001",
                 "PS:BADGE:X-0000", "PS:CMD:COMPLETE", "PS:CMD:UNDO", "PS:CMD:RECOUNT") == [
        "bad_bin_label", "unknown_barcode", "not_for_count", "command_not_here", "badge_not_bin", "unknown_badge",
        "scan_bin_first", "nothing_to_undo", "recount_not_now"]
    assert counts.open_counts() == ()
    typed = desk.scan("z-99-9", manual=True)  # typed (F2): a bin the records do not know
    assert (typed.outcome.code, typed.bin) == ("count_started", "Z-99-9")
    assert codes(desk, "PS:CMD:QTY:0") == ["bad_scan"]  # the scan parser refuses it
    assert desk.command(Command.QTY, 0).outcome.code == "bad_quantity"  # a key without a number
    put_aside = desk.scan("PS:CMD:CANCEL")
    assert (put_aside.outcome.code, put_aside.status) == ("count_put_aside", "")
    assert [c.bin for c in counts.open_counts()] == ["Z-99-9"]  # still open


def test_a_count_changed_elsewhere_meanwhile_is_refused_not_a_crash(desk, stocked):
    """GIVEN a bin being counted at this desk  WHEN another bench finishes the count just before this
    desk's scan is recorded  THEN the scan is refused (count_refused), and the count is as the other left it."""
    assert codes(desk, "PS:BIN:A-01-1") == ["count_started"]
    other, real = CycleCounts(stocked), desk.counts.count

    def racing(count_id: int, sku: str, units: int = 1) -> int:
        other.finish(count_id)
        return real(count_id, sku, units)

    desk.counts.count = racing  # type: ignore[method-assign]
    view = desk.scan(SOCKS_GTIN)
    assert (view.outcome.tone, view.outcome.code) == (Tone.REJECTED, "count_refused")
    assert "finished" in view.outcome.values["why"] and view.status == FINISHED


def test_the_counts_by_id_as_the_command_line_uses_them(stocked):
    """`count start` refuses a bin with an open count; the sheet, the head and the board agree."""
    from app.store.inventory import CountError

    counts = CycleCounts(stocked)
    count_id = counts.start("a-01-1", user_id=ALEX.id)
    with pytest.raises(CountError, match="already being counted"):
        counts.start("A-01-1", user_id=ALEX.id)
    assert counts.start_or_resume("A-01-1", user_id=ALEX.id) == (count_id, True, COUNTING)
    assert counts.count(count_id, "SOCK-M", 3) == 3
    assert counts.head(count_id).bin == "A-01-1" and counts.sheet(count_id).counted == {"SOCK-M": 3}
    counts.finish(count_id)
    board = counts.board(count_id)
    assert board.head is not None and board.head.status == FINISHED and board.names == {
        "MUG-1": "Stoneware mug", "SOCK-M": "Merino socks M"}
    assert counts.bin_known("A-01-1") and not counts.bin_known("Q-00-0")
    with pytest.raises(CountError, match="No count"):
        counts.head(count_id + 100)


def test_replay_lines_gives_one_json_outcome_per_scan(desk):
    """Blank lines are skipped, line numbers kept; bytes that are not UTF-8 are a refused scan."""
    lines = [b"PS:BIN:B-01-1\r\n", b"\n", MUG_GTIN.encode() + b"\n", b"\xff\xfe\n", b"PS:CMD:COMPLETE\n"]
    out = list(replay_lines(desk, lines))
    assert [(o["line"], o["code"]) for o in out] == [(1, "count_started"), (3, "item_counted"),
                                                      (4, "unknown_barcode"), (5, "count_finished_off")]
    assert out[1]["rows"] == [{"sku": "MUG-1", "counted": 1}]  # blind: no expected number
    assert out[3]["rows"] == [{"sku": "MUG-1", "counted": 1, "expected": 12, "variance": -11}]
    assert (out[3]["status"], out[3]["bin"], out[3]["tone"]) == (FINISHED, "B-01-1", "attention")


@pytest.mark.parametrize("module", ["app/ui/returns/count_jobs.py", "app/ui/returns/count_view.py"])
def test_the_count_screen_never_talks_to_the_database(module):
    """The screen's cycle-count modules call the service: no app.store, no SQLAlchemy."""
    tree = ast.parse((ROOT / module).read_text(encoding="utf-8"))
    imported = [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    imported += [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    assert not [m for m in imported if m.startswith(("app.store", "sqlalchemy"))]


def test_the_service_needs_no_qt():
    tree = ast.parse((ROOT / "app/returns/cycle_count.py").read_text(encoding="utf-8"))
    imported = [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    assert not [m for m in imported if m.startswith(("PySide6", "app.ui"))]
