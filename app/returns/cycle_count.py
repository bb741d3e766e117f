"""The cycle count's application service: scan a bin, scan what is in it, finish, approve or recount.

Two layers, both without Qt:

- `CycleCounts`: the counts in the station database, by count id. Every step that changes a
  count is one write transaction (`write_transaction`: IMMEDIATE on SQLite, so it waits its
  turn beside the print queue and the sync thread instead of failing with "database is
  locked"), committed before it returns. `packstation count start|scan|finish|...` call it.
- `CountDesk`: the count on a bench, driven by scans and keys, as `app.station.Station` is for
  packing. Every input is taken in the order it was scanned: a bin and the items scanned right
  after it land in that bin's count. The returns window's "Cycle count" tab (through its
  worker), `packstation count replay` and the tests drive the same desk. The desk remembers
  only which count is on the bench; a restart forgets that, and scanning the bin again resumes
  its open count.

A step returns a `CountView` (app.returns.count_views) with an outcome code and its values; the
screen says it in the packer's language, `count replay` prints it as JSON.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol, TypeVar

from sqlalchemy import Engine

from app.domain.events import Tone
from app.domain.inventory import CountAccuracy, CountSheet, Variance
from app.domain.model import Product, User
from app.domain.returns.codes import BadReturnsCode, BinCode, parse_returns_code
from app.domain.scan import Command, ScanKind, ScanRules, parse_scan
from app.returns.count_views import APPROVED, COUNTING, FINISHED, OPEN, CountOutcome, CountRow, CountView, OpenCount
from app.store import inventory
from app.store.db import write_transaction
from app.store.inventory import CountError

log = logging.getLogger(__name__)

__all__ = ["APPROVED", "COUNTING", "FINISHED", "RECOUNT_CARD", "CountBoard", "CountDesk", "CountError", "CountHead",
           "CycleCounts", "Directory", "replay_lines"]

RECOUNT_CARD = "PS:CMD:RECOUNT"  # the count tab's own card (the packing parser does not know it)
_BIN_TEXT = re.compile(r"[A-Z0-9][A-Z0-9._/-]{0,31}")  # as app.domain.returns.codes accepts in PS:BIN:


# ---------------------------------------------------------------- the counts in the database


@dataclass(frozen=True)
class CountHead:
    """A count as the cycle_counts table holds it."""

    id: int
    bin: str
    status: str
    round: int
    decided_by: int | None = None

    @classmethod
    def of(cls, row: Any) -> CountHead:
        return cls(row.id, row.bin, row.status, row.round, row.decided_by)


@dataclass(frozen=True)
class CountBoard:
    """What a bench shows, read in one go: a count (its head, its sheet, the products' names, who
    approved it), or, when no count is shown, the counts still open."""

    head: CountHead | None = None
    sheet: CountSheet | None = None
    names: dict[str, str] | None = None
    decided_by: str = ""
    open_counts: tuple[OpenCount, ...] = ()


class CycleCounts:
    """Cycle counts on the station database; each change is one write transaction, committed on return.

    A step that does not fit the count's state raises `CountError` (a ValueError) with a sentence
    for the screen; an approval by someone who is not a supervisor raises NotSupervisor.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # -- changes

    def start(self, bin_location: str, *, user_id: int | None) -> int:
        """A new count of a bin (refused while the bin has an open count); the records are frozen as expected."""
        with write_transaction(self.engine) as conn:
            return inventory.start_count(conn, bin_location, user_id=user_id)

    def start_or_resume(self, bin_location: str, *, user_id: int | None) -> tuple[int, bool, str]:
        """(count id, resumed, status): the bin's open count (a crash, a restart, another packer's), else a new one."""
        with write_transaction(self.engine) as conn:
            count_id = inventory.open_count_of(conn, bin_location)
            resumed = count_id is not None
            if count_id is None:
                count_id = inventory.start_count(conn, bin_location, user_id=user_id)
            return count_id, resumed, inventory.count_head(conn, count_id).status

    def count(self, count_id: int, sku: str, units: int = 1) -> int:
        """Units of a SKU found in the bin (negative: taken back); returns the SKU's count so far this round."""
        with write_transaction(self.engine) as conn:
            return inventory.count_item(conn, count_id, sku, units)

    def finish(self, count_id: int) -> CountSheet:
        with write_transaction(self.engine) as conn:
            return inventory.finish_count(conn, count_id)

    def approve(self, count_id: int, supervisor: User, *, station: str = "") -> list[Variance]:
        """The supervisor books the variance: one cycle_count movement per SKU that was off."""
        with write_transaction(self.engine) as conn:
            return inventory.approve_count(conn, count_id, supervisor, station=station)

    def recount(self, count_id: int, supervisor: User) -> int:
        """A new, blind round on a fresh snapshot of the records; returns its number."""
        with write_transaction(self.engine) as conn:
            return inventory.recount(conn, count_id, supervisor)

    # -- queries

    def head(self, count_id: int) -> CountHead:
        """The count (CountError when there is no such count)."""
        with self.engine.connect() as conn:
            return CountHead.of(inventory.count_head(conn, count_id))

    def sheet(self, count_id: int) -> CountSheet:
        with self.engine.connect() as conn:
            return inventory.count_sheet(conn, count_id)

    def board(self, count_id: int | None, *, closed_too: bool = False) -> CountBoard:
        """The count with its sheet; or the open counts when there is none (or it is closed, unless `closed_too`)."""
        with self.engine.connect() as conn:
            head = None
            if count_id is not None:
                try:
                    head = CountHead.of(inventory.count_head(conn, count_id))
                except CountError:  # no such count
                    head = None
            if head is None or (head.status not in OPEN and not closed_too):
                return CountBoard(open_counts=tuple(OpenCount(r.id, r.bin, r.status, r.round)
                                                    for r in inventory.open_counts(conn)))
            sheet = inventory.count_sheet(conn, head.id)
            names = inventory.product_names(conn, sorted(set(sheet.expected) | set(sheet.counted)))
            decided = inventory.user_name(conn, head.decided_by) if head.status == APPROVED else ""
        return CountBoard(head, sheet, names, decided)

    def open_counts(self) -> tuple[OpenCount, ...]:
        with self.engine.connect() as conn:
            return tuple(OpenCount(r.id, r.bin, r.status, r.round) for r in inventory.open_counts(conn))

    def bin_known(self, bin_location: str) -> bool:
        """A bin the records know (stock in it, or a count of it)."""
        with self.engine.connect() as conn:
            return inventory.bin_known(conn, bin_location)

    def accuracy(self, since: datetime | None = None, until: datetime | None = None) -> CountAccuracy:
        """Record accuracy of the counts approved in a period (their final rounds)."""
        with self.engine.connect() as conn:
            return inventory.inventory_accuracy(conn, since, until)


# ---------------------------------------------------------------- the count on a bench


class Directory(Protocol):
    """Who and what a scan names: app.store.returns.ReturnsRepository is one."""

    def user_by_badge(self, badge: str) -> User | None: ...

    def product_by_code(self, codes: Sequence[str]) -> Product | None: ...


_T = TypeVar("_T", bound=Callable[..., CountView])


def _refused_when_changed(step: _T) -> _T:
    """A count changed elsewhere meanwhile (another bench, the command line): the step is refused, in red."""

    @functools.wraps(step)
    def run(desk: CountDesk, *args: Any, **kwargs: Any) -> CountView:
        try:
            return step(desk, *args, **kwargs)
        except CountError as exc:
            return desk.say(Tone.REJECTED, "count_refused", why=str(exc))

    return run  # type: ignore[return-value]


class CountDesk:
    """The count on a bench, and the steps that change it.

    `user`: who counts (the returns bench's signed-in packer; `count replay --badge`). `station`:
    the station named on the stock movements an approval books.
    """

    def __init__(self, counts: CycleCounts, directory: Directory, *, station: str,
                 user: Callable[[], User | None] = lambda: None, scan_rules: ScanRules | None = None) -> None:
        self.counts = counts
        self.directory = directory
        self.station = station
        self.user = user
        self.scan_rules = scan_rules or ScanRules()
        self.count_id: int | None = None
        self.qty: int | None = None
        self.recount_armed = False
        self.undo: list[tuple[str, int]] = []  # (SKU, units) of this session's scans on the count, last last
        self.last_sku = ""
        self.shown_approved: tuple[int, str] | None = None  # (count, supervisor) just approved: still on screen

    @classmethod
    def at_returns_bench(cls, engine: Engine, returns_station: Any, *, station: str) -> CountDesk:
        """The desk beside a ReturnStation: its packer counts, its repository knows badges and barcodes."""
        return cls(CycleCounts(engine), returns_station.repo, station=station,
                   user=lambda: returns_station.state.user, scan_rules=returns_station.scan_rules)

    # -- inputs

    @_refused_when_changed
    def scan(self, raw: str | bytes, manual: bool = False) -> CountView:
        text = (raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw).strip()
        if text.upper().replace("_", "-") in (RECOUNT_CARD, RECOUNT_CARD.replace("RECOUNT", "RE-COUNT")):
            return self.recount_key()
        code = parse_returns_code(text)
        if isinstance(code, BinCode):
            return self.open_bin(code.bin)
        if isinstance(code, BadReturnsCode):
            return self.say(Tone.REJECTED, "bad_bin_label" if text[3:6].upper() == "BIN" else "not_for_count",
                            code=text[:40])
        if code is not None:  # a return label, a grade or disposition card
            return self.say(Tone.REJECTED, "not_for_count", code=text[:40])
        scan = parse_scan(text, self.scan_rules)  # the station's [scanner] patterns, as returns use
        match scan.kind:
            case ScanKind.UNKNOWN:
                return self.say(Tone.REJECTED, "bad_scan", message=scan.message, code=scan.raw)
            case ScanKind.BADGE:
                return self.badge(scan.text)
            case ScanKind.COMMAND:
                assert scan.command is not None
                return self.command(scan.command, scan.argument)
            case ScanKind.PRODUCT:
                return self.item(scan.text, self._product(scan.gtins), scan.count)
        return self._text(scan.text, manual)

    @_refused_when_changed
    def command(self, command: Command, argument: int | None = None) -> CountView:
        match command:
            case Command.COMPLETE:
                return self.finish()
            case Command.QTY:
                return self.arm_qty(argument)
            case Command.UNDO:
                return self.take_back()
            case Command.CANCEL:
                return self.put_aside()
        return self.say(Tone.REJECTED, "command_not_here", command=command.name.replace("_", "-"))

    # -- steps

    @_refused_when_changed
    def open_bin(self, bin_location: str) -> CountView:
        """Start counting a bin, or resume its open count (a crash, a restart, another packer's count)."""
        bin_location = bin_location.strip().upper()
        if not _BIN_TEXT.fullmatch(bin_location):
            return self.say(Tone.REJECTED, "bad_bin", bin=bin_location[:40])
        if self.recount_armed:
            self.recount_armed = False
        previous = self._current_bin()
        user = self.user()
        count_id, resumed, status = self.counts.start_or_resume(bin_location, user_id=user.id if user else None)
        if count_id != self.count_id:
            self.undo.clear()
            self.last_sku = ""
            self.qty = None
        self.count_id = count_id
        self.shown_approved = None
        aside = previous if previous and previous != bin_location else ""
        if status == FINISHED:
            return self.say(Tone.ATTENTION, "count_waiting", bin=bin_location, aside=aside)
        if resumed:
            return self.say(Tone.ACCEPTED, "count_resumed", bin=bin_location, aside=aside)
        return self.say(Tone.ACCEPTED, "count_started", bin=bin_location, aside=aside)

    @_refused_when_changed
    def item(self, code: str, product: Product | None, count: int | None = None) -> CountView:
        if product is None:
            return self.say(Tone.REJECTED, "unknown_barcode", code=code[:40])
        status = self._status()
        if status is None:
            return self.say(Tone.REJECTED, "scan_bin_first", sku=product.sku)
        if status == FINISHED:
            return self.say(Tone.REJECTED, "count_finished", sku=product.sku)
        assert self.count_id is not None
        units = self.qty or count or 1
        counted = self.counts.count(self.count_id, product.sku, units)
        self.qty = None
        self.undo.append((product.sku, units))
        self.last_sku = product.sku
        return self.say(Tone.ACCEPTED, "item_counted", sku=product.sku, counted=counted, units=units)

    @_refused_when_changed
    def arm_qty(self, qty: int | None) -> CountView:
        if self._status() != COUNTING:
            return self.say(Tone.REJECTED, "scan_bin_first", sku="")
        if not qty or qty < 1:
            return self.say(Tone.REJECTED, "bad_quantity")
        self.qty = qty
        return self.say(Tone.INFO, "qty_armed", qty=qty)

    @_refused_when_changed
    def take_back(self) -> CountView:
        """UNDO: the last scan on this count comes off again (a double scan, the wrong shelf's item)."""
        if self._status() != COUNTING or not self.undo:
            return self.say(Tone.REJECTED, "nothing_to_undo")
        assert self.count_id is not None
        sku, units = self.undo[-1]
        counted = self.counts.count(self.count_id, sku, -units)
        self.undo.pop()
        self.qty = None
        self.last_sku = sku
        return self.say(Tone.INFO, "item_uncounted", sku=sku, counted=counted, units=units)

    @_refused_when_changed
    def finish(self) -> CountView:
        status = self._status()
        if status is None:
            return self.say(Tone.REJECTED, "scan_bin_first", sku="")
        if status == FINISHED:
            return self.say(Tone.ATTENTION, "count_waiting", bin=self._current_bin(), aside="")
        assert self.count_id is not None
        sheet = self.counts.finish(self.count_id)
        self.qty = None
        self.undo.clear()
        off = len(sheet.discrepancies())
        if off:
            return self.say(Tone.ATTENTION, "count_finished_off", bin=sheet.bin, off=off)
        return self.say(Tone.ATTENTION, "count_finished_match", bin=sheet.bin)

    @_refused_when_changed
    def badge(self, badge: str) -> CountView:
        user = self.directory.user_by_badge(badge)
        if user is None:
            return self.say(Tone.REJECTED, "unknown_badge", badge=badge)
        status = self._status()
        if status == FINISHED:
            if not user.role.can_override:
                return self.say(Tone.REJECTED, "supervisor_must_approve", name=user.name)
            return self._recount(user) if self.recount_armed else self._approve(user)
        if status == COUNTING:
            return self.say(Tone.REJECTED, "finish_first", name=user.name, bin=self._current_bin())
        return self.say(Tone.REJECTED, "badge_not_bin", name=user.name)

    @_refused_when_changed
    def recount_key(self) -> CountView:
        """RECOUNT: arms (or disarms) a recount; the supervisor's badge then starts the new round."""
        if self._status() != FINISHED:
            return self.say(Tone.REJECTED, "recount_not_now")
        self.recount_armed = not self.recount_armed
        return self.say(Tone.ATTENTION if self.recount_armed else Tone.INFO,
                        "recount_armed" if self.recount_armed else "recount_disarmed", bin=self._current_bin())

    @_refused_when_changed
    def put_aside(self) -> CountView:
        """CANCEL: a RECOUNT waiting for a badge is called off; else the count leaves the bench, still open."""
        if self.recount_armed:
            self.recount_armed = False
            return self.say(Tone.INFO, "recount_disarmed", bin=self._current_bin())
        bin_location = self._current_bin()
        if self.count_id is None or self.shown_approved is not None:
            self.count_id, self.shown_approved = None, None
            return self.say(Tone.INFO, "ready")
        self.count_id, self.qty, self.last_sku = None, None, ""
        self.undo.clear()
        return self.say(Tone.INFO, "count_put_aside", bin=bin_location)

    @_refused_when_changed
    def view(self) -> CountView:
        """The bench as it is (the tab was opened), without a banner."""
        return self._view(None)

    # -- decisions

    def _approve(self, supervisor: User) -> CountView:
        assert self.count_id is not None
        variances = self.counts.approve(self.count_id, supervisor, station=self.station)
        self.shown_approved = (self.count_id, supervisor.name)
        units = sum(v.delta for v in variances)
        return self.say(Tone.COMPLETE, "count_approved", bin=self._current_bin(), name=supervisor.name,
                        lines=len(variances), units=units)

    def _recount(self, supervisor: User) -> CountView:
        assert self.count_id is not None
        round_no = self.counts.recount(self.count_id, supervisor)
        self.recount_armed = False
        self.undo.clear()
        self.last_sku = ""
        return self.say(Tone.ATTENTION, "recount_started", bin=self._current_bin(), round=round_no,
                        name=supervisor.name)

    # -- helpers

    def _text(self, text: str, manual: bool) -> CountView:
        """Plain text: a SKU or a house code; before a count (or typed), a bin."""
        product = self._product((text, text.upper()))
        if product is not None:
            return self.item(text, product)
        user = self.directory.user_by_badge(text) if manual else None
        if user is not None:
            return self.badge(text)
        bin_location = text.upper()
        if _BIN_TEXT.fullmatch(bin_location) and (manual or self.counts.bin_known(bin_location)):
            return self.open_bin(bin_location)  # typed, or a plain-text bin label of a bin the records know
        return self.say(Tone.REJECTED, "unknown_barcode", code=text[:40])

    def _product(self, codes: tuple[str, ...]) -> Product | None:
        return self.directory.product_by_code(tuple(c for c in codes if c)) if codes else None

    def _head(self) -> CountHead | None:
        return self.counts.head(self.count_id) if self.count_id is not None else None

    def _status(self) -> str | None:
        """counting or finished: the count on the bench is open; None: no open count here."""
        head = self._head()
        if head is None or head.status not in OPEN:
            return None
        return head.status

    def _current_bin(self) -> str:
        head = self._head()
        return head.bin if head is not None else ""

    def say(self, tone: Tone, what: str, **values: Any) -> CountView:
        return self._view(CountOutcome(tone, what, values))

    def _view(self, outcome: CountOutcome | None) -> CountView:
        board = self.counts.board(self.count_id, closed_too=self.shown_approved is not None)
        head, sheet = board.head, board.sheet
        if head is None or sheet is None:
            self.count_id, self.shown_approved = None, None
            return CountView(outcome, qty=self.qty, open_counts=board.open_counts)
        names = board.names or {}
        blind = head.status == COUNTING
        if blind:
            rows = tuple(CountRow(sku, names.get(sku, ""), n) for sku, n in sorted(sheet.counted.items()))
        else:
            rows = tuple(CountRow(v.sku, names.get(v.sku, ""), v.counted, v.expected) for v in sheet.variances())
        return CountView(outcome, head.id, head.bin, head.status, head.round, rows, self.last_sku if blind else "",
                         self.qty, self.recount_armed, blind and bool(self.undo), board.decided_by)


# ---------------------------------------------------------------- headless


def replay_lines(desk: CountDesk, lines: Iterable[bytes | str]) -> Iterable[dict[str, Any]]:
    """One JSON-ready outcome per non-blank line, as `packstation count replay` prints them.

    Bytes in: a line that is not UTF-8 is decoded with replacement characters and refused as a
    scan (an unknown barcode), never a crash. Each line is a scan as the bench's scanner sends it:
    bin labels, items, PS:CMD: cards (QTY, COMPLETE, UNDO, CANCEL, RECOUNT) and badges.
    """
    for number, line in enumerate(lines, start=1):
        raw = line.rstrip(b"\r\n") if isinstance(line, bytes) else line.rstrip("\r\n")
        if not raw.strip():
            continue
        text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw
        yield {"scan": text.strip()[:80], **desk.scan(raw).as_json(), "line": number}
