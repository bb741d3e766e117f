"""The cycle count at the bench, off the GUI thread: scan a bin, scan what is in it, finish, approve or recount.

A `CountDesk` lives in the returns worker's context (`ctx.extras["count_desk"]`) beside the
ReturnsBench, so every input is taken in the order it was scanned, whatever the screen knows
yet: a bin and the items scanned right after it land in that bin's count, even when the
scanner is faster than the screen. Each step that changes a count commits (the store's
functions, in a write transaction) before its view goes back to the screen: what the packer
was told is counted is on disk. The desk remembers only which count is on the screen; a
restart forgets that, and scanning the bin again resumes its open count (`open_count_of`).

Nothing here touches a widget or translates a sentence: a step returns a `CountView` with an
outcome code and its values, and app.ui.returns.count_view says it in the packer's language.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from app.domain.events import Tone
from app.domain.scan import Command, ScanKind
from app.ui.worker import Job, WorkerContext

if TYPE_CHECKING:  # imported by the worker, off the GUI thread
    from app.domain.model import Product, User
    from app.ui.returns.jobs import ReturnsBench

log = logging.getLogger(__name__)

RECOUNT_CARD = "PS:CMD:RECOUNT"  # the count tab's own card (the packing parser does not know it)
_BIN_TEXT = re.compile(r"[A-Z0-9][A-Z0-9._/-]{0,31}")  # as app.domain.returns.codes accepts in PS:BIN:
COUNTING, FINISHED, APPROVED = "counting", "finished", "approved"


# ---------------------------------------------------------------- what the screen renders


@dataclass(frozen=True)
class CountOutcome:
    """What a step did: the banner's tone, a code the screen words, and the values for its sentence."""

    tone: Tone
    code: str
    values: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class CountRow:
    sku: str
    name: str
    counted: int
    expected: int | None = None  # None while counting: a blind count shows no expected numbers

    @property
    def variance(self) -> int:
        return self.counted - (self.expected or 0)


@dataclass(frozen=True)
class OpenCount:
    count_id: int
    bin: str
    status: str
    round: int


@dataclass(frozen=True)
class CountView:
    outcome: CountOutcome | None = None
    count_id: int | None = None
    bin: str = ""
    status: str = ""  # "" (no count on the screen), counting, finished, approved
    round: int = 0
    rows: tuple[CountRow, ...] = ()
    last_sku: str = ""  # the SKU scanned last (shown bold)
    qty: int | None = None  # a QTY card armed for the next item
    recount_armed: bool = False  # RECOUNT pressed: waiting for a supervisor's badge
    can_undo: bool = False
    decided_by: str = ""  # the supervisor who approved
    open_counts: tuple[OpenCount, ...] = ()  # shown while no count is on the screen

    @property
    def counting(self) -> bool:
        return self.status == COUNTING

    @property
    def finished(self) -> bool:
        return self.status == FINISHED

    @property
    def blind(self) -> bool:
        return self.status == COUNTING

    def totals(self) -> tuple[int, int]:
        """(expected, counted) over the rows."""
        return sum(r.expected or 0 for r in self.rows), sum(r.counted for r in self.rows)


# ---------------------------------------------------------------- the desk


class CountDesk:
    """The count on the bench's screen, and the steps that change it (all on the returns worker)."""

    def __init__(self, bench: ReturnsBench) -> None:
        self.bench = bench
        self.count_id: int | None = None
        self.qty: int | None = None
        self.recount_armed = False
        self.undo: list[tuple[str, int]] = []  # (SKU, units) of this session's scans on the count, last last
        self.last_sku = ""
        self.shown_approved: tuple[int, str] | None = None  # (count, supervisor) just approved: still on screen

    # -- inputs

    def scan(self, raw: str | bytes, manual: bool = False) -> CountView:
        from app.domain.returns.codes import BadReturnsCode, BinCode, parse_returns_code
        from app.domain.scan import parse_scan

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
        scan = parse_scan(text, self.bench.station.scan_rules)  # the station's [scanner] patterns, as returns use
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

    def open_bin(self, bin_location: str) -> CountView:
        """Start counting a bin, or resume its open count (a crash, a restart, another packer's count)."""
        from app.store.db import write_transaction
        from app.store.inventory import count_head, open_count_of, start_count

        bin_location = bin_location.strip().upper()
        if not _BIN_TEXT.fullmatch(bin_location):
            return self.say(Tone.REJECTED, "bad_bin", bin=bin_location[:40])
        if self.recount_armed:
            self.recount_armed = False
        previous = self._current_bin()
        user = self.bench.station.state.user
        with write_transaction(self.bench.engine) as conn:
            count_id = open_count_of(conn, bin_location)
            resumed = count_id is not None
            if count_id is None:
                count_id = start_count(conn, bin_location, user_id=user.id if user else None)
            status = count_head(conn, count_id).status
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

    def item(self, code: str, product: Product | None, count: int | None = None) -> CountView:
        from app.store.db import write_transaction
        from app.store.inventory import CountError, count_item

        if product is None:
            return self.say(Tone.REJECTED, "unknown_barcode", code=code[:40])
        status = self._status()
        if status is None:
            return self.say(Tone.REJECTED, "scan_bin_first", sku=product.sku)
        if status == FINISHED:
            return self.say(Tone.REJECTED, "count_finished", sku=product.sku)
        units = self.qty or count or 1
        try:
            with write_transaction(self.bench.engine) as conn:
                counted = count_item(conn, self.count_id, product.sku, units)
        except CountError as exc:
            return self.say(Tone.REJECTED, "count_refused", why=str(exc))
        self.qty = None
        self.undo.append((product.sku, units))
        self.last_sku = product.sku
        return self.say(Tone.ACCEPTED, "item_counted", sku=product.sku, counted=counted, units=units)

    def arm_qty(self, qty: int | None) -> CountView:
        if self._status() != COUNTING:
            return self.say(Tone.REJECTED, "scan_bin_first", sku="")
        if not qty or qty < 1:
            return self.say(Tone.REJECTED, "bad_quantity")
        self.qty = qty
        return self.say(Tone.INFO, "qty_armed", qty=qty)

    def take_back(self) -> CountView:
        """UNDO: the last scan on this count comes off again (a double scan, the wrong shelf's item)."""
        from app.store.db import write_transaction
        from app.store.inventory import CountError, count_item

        if self._status() != COUNTING or not self.undo:
            return self.say(Tone.REJECTED, "nothing_to_undo")
        sku, units = self.undo[-1]
        try:
            with write_transaction(self.bench.engine) as conn:
                counted = count_item(conn, self.count_id, sku, -units)
        except CountError as exc:
            return self.say(Tone.REJECTED, "count_refused", why=str(exc))
        self.undo.pop()
        self.qty = None
        self.last_sku = sku
        return self.say(Tone.INFO, "item_uncounted", sku=sku, counted=counted, units=units)

    def finish(self) -> CountView:
        from app.store.db import write_transaction
        from app.store.inventory import finish_count

        status = self._status()
        if status is None:
            return self.say(Tone.REJECTED, "scan_bin_first", sku="")
        if status == FINISHED:
            return self.say(Tone.ATTENTION, "count_waiting", bin=self._current_bin(), aside="")
        with write_transaction(self.bench.engine) as conn:
            sheet = finish_count(conn, self.count_id)
        self.qty = None
        self.undo.clear()
        off = len(sheet.discrepancies())
        if off:
            return self.say(Tone.ATTENTION, "count_finished_off", bin=sheet.bin, off=off)
        return self.say(Tone.ATTENTION, "count_finished_match", bin=sheet.bin)

    def badge(self, badge: str) -> CountView:
        user = self.bench.repo.user_by_badge(badge)
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

    def recount_key(self) -> CountView:
        """RECOUNT: arms (or disarms) a recount; the supervisor's badge then starts the new round."""
        if self._status() != FINISHED:
            return self.say(Tone.REJECTED, "recount_not_now")
        self.recount_armed = not self.recount_armed
        return self.say(Tone.ATTENTION if self.recount_armed else Tone.INFO,
                         "recount_armed" if self.recount_armed else "recount_disarmed", bin=self._current_bin())

    def put_aside(self) -> CountView:
        """CANCEL: a RECOUNT waiting for a badge is called off; else the count leaves the screen, still open."""
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

    def view(self) -> CountView:
        """The screen as it is (the tab was opened), without a banner."""
        return self._view(None)

    # -- decisions

    def _approve(self, supervisor: User) -> CountView:
        from app.store.db import write_transaction
        from app.store.inventory import approve_count

        with write_transaction(self.bench.engine) as conn:
            variances = approve_count(conn, self.count_id, supervisor, station=self.bench.config.station)
        self.shown_approved = (self.count_id, supervisor.name)
        units = sum(v.delta for v in variances)
        return self.say(Tone.COMPLETE, "count_approved", bin=self._current_bin(), name=supervisor.name,
                         lines=len(variances), units=units)

    def _recount(self, supervisor: User) -> CountView:
        from app.store.db import write_transaction
        from app.store.inventory import recount

        with write_transaction(self.bench.engine) as conn:
            round_no = recount(conn, self.count_id, supervisor)
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
        user = self.bench.repo.user_by_badge(text) if manual else None
        if user is not None:
            return self.badge(text)
        bin_location = text.upper()
        if _BIN_TEXT.fullmatch(bin_location) and (manual or self._known_bin(bin_location)):
            return self.open_bin(bin_location)  # typed, or a plain-text bin label of a bin the records know
        return self.say(Tone.REJECTED, "unknown_barcode", code=text[:40])

    def _product(self, codes: tuple[str, ...]) -> Product | None:
        return self.bench.repo.product_by_code(tuple(c for c in codes if c)) if codes else None

    def _known_bin(self, bin_location: str) -> bool:
        """A bin the records know (stock in it, or a count of it): a plain-text bin label, scanned while counting."""
        from sqlalchemy import select

        from app.store.inventory import COUNTS, LEVELS

        with self.bench.engine.connect() as conn:
            return (conn.execute(select(LEVELS.c.bin).where(LEVELS.c.bin == bin_location).limit(1)).first()
                    or conn.execute(select(COUNTS.c.id).where(COUNTS.c.bin == bin_location).limit(1)).first()
                    ) is not None

    def _head(self) -> Any:
        from app.store.inventory import count_head

        if self.count_id is None:
            return None
        with self.bench.engine.connect() as conn:
            return count_head(conn, self.count_id)

    def _status(self) -> str | None:
        """counting or finished: the count on the screen is open; None: no open count here."""
        head = self._head()
        if head is None or head.status not in (COUNTING, FINISHED):
            return None
        return head.status

    def _current_bin(self) -> str:
        head = self._head()
        return head.bin if head is not None else ""

    def say(self, tone: Tone, what: str, **values: Any) -> CountView:
        return self._view(CountOutcome(tone, what, values))

    def _view(self, outcome: CountOutcome | None) -> CountView:
        from sqlalchemy import select

        from app.store.inventory import COUNTS, count_sheet
        from app.store.models import Product as ProductRow
        from app.store.models import User as UserRow

        products, users = ProductRow.__table__, UserRow.__table__
        with self.bench.engine.connect() as conn:
            head = None
            if self.count_id is not None:
                head = conn.execute(select(COUNTS).where(COUNTS.c.id == self.count_id)).first()
            if head is None or (head.status not in (COUNTING, FINISHED) and self.shown_approved is None):
                self.count_id, self.shown_approved = None, None
                rows = conn.execute(select(COUNTS.c.id, COUNTS.c.bin, COUNTS.c.status, COUNTS.c.round)
                                    .where(COUNTS.c.status.in_((COUNTING, FINISHED)))
                                    .order_by(COUNTS.c.bin).limit(50)).all()
                return CountView(outcome, qty=self.qty,
                                 open_counts=tuple(OpenCount(r.id, r.bin, r.status, r.round) for r in rows))
            sheet = count_sheet(conn, head.id)
            skus = sorted(set(sheet.expected) | set(sheet.counted))
            names = dict(conn.execute(select(products.c.sku, products.c.name).where(products.c.sku.in_(skus))).all())
            decided = ""
            if head.status == APPROVED and head.decided_by is not None:
                decided = conn.execute(select(users.c.name).where(users.c.id == head.decided_by)).scalar() or ""
        blind = head.status == COUNTING
        if blind:
            rows = tuple(CountRow(sku, names.get(sku, ""), n) for sku, n in sorted(sheet.counted.items()))
        else:
            rows = tuple(CountRow(v.sku, names.get(v.sku, ""), v.counted, v.expected) for v in sheet.variances())
        return CountView(outcome, head.id, head.bin, head.status, head.round, rows, self.last_sku if blind else "",
                         self.qty, self.recount_armed, blind and bool(self.undo), decided)


# ---------------------------------------------------------------- jobs


def desk_job(fn: Any) -> Job:
    """A job on the count desk (made on first use, beside the returns bench in the worker's context)."""

    def job(ctx: WorkerContext) -> CountView:
        if ctx.station is None:
            raise RuntimeError("The returns bench is not ready.")
        from app.store.inventory import CountError

        desk = ctx.extras.get("count_desk")
        if desk is None or desk.bench is not ctx.station:
            desk = ctx.extras["count_desk"] = CountDesk(ctx.station)
        try:
            return fn(desk)
        except CountError as exc:  # the count changed elsewhere meanwhile (another bench, the command line)
            return desk.say(Tone.REJECTED, "count_refused", why=str(exc))

    return job


def scan_job(raw: str | bytes, manual: bool = False) -> Job:
    return desk_job(lambda desk: desk.scan(raw, manual))


def command_job(command: Command, argument: int | None = None) -> Job:
    return desk_job(lambda desk: desk.command(command, argument))


def recount_job() -> Job:
    return desk_job(lambda desk: desk.recount_key())


def view_job() -> Job:
    return desk_job(lambda desk: desk.view())
