"""The returns window's work off the GUI thread: the returns bench, stock look-ups, bulk shipments.

Everything here runs on the returns window's own StationWorker (a FIFO, like the packing
window's): `start_job` builds a `ReturnsBench` (a ReturnStation on the station's database)
into the worker's context, and every other job is a function of that context that returns a
plain, immutable view for the window to render. No widget is touched here.

Labels (a returned unit's tag, GS1 logistic labels) are rendered and queued by the *packing*
station's print queue (`submit_labels`, a job for the packing window's worker): one queue per
station, so two senders never race for the same printer or mark each other's jobs interrupted.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.ui.worker import Job, WorkerContext

if TYPE_CHECKING:  # imported by the worker, off the GUI thread
    from app.domain.returns import ReturnedItem, ReturnState
    from app.returns.service import ReturnOutcome, ReturnStation
    from printers import Label

log = logging.getLogger(__name__)

TAGGED = frozenset({"quarantine", "dispose", "return_to_vendor"})  # units that need a tag saying why
PER_CARTON, PER_PALLET = 12, 40  # `packstation bulk auto`'s defaults


# ---------------------------------------------------------------- what the window renders


@dataclass(frozen=True)
class StockRow:
    """One SKU in one bin, before and after a return."""

    sku: str
    bin: str
    before: int
    after: int

    @property
    def delta(self) -> int:
        return self.after - self.before


@dataclass(frozen=True)
class ClosedReturn:
    number: str
    order: str
    status: str  # closed, held, abandoned
    items: tuple[ReturnedItem, ...]
    stock: tuple[StockRow, ...]
    available: tuple[tuple[str, int, int], ...]  # (SKU, sellable before, sellable after)


@dataclass(frozen=True)
class BenchView:
    state: ReturnState
    outcome: ReturnOutcome | None = None
    levels: dict[str, dict[str, int]] = field(default_factory=dict)  # SKU -> {bin: on hand} of the open return
    closed: ClosedReturn | None = None
    tags: tuple[Label, ...] = ()  # to print now (units that went to quarantine, dispose, vendor)
    tag_reference: str = ""
    note: str = ""
    recorded: tuple[ReturnedItem, ...] = ()  # units this step recorded (the bench camera photographs some)
    number: str = ""  # the return they were recorded on


@dataclass(frozen=True)
class BulkOrder:
    number: str
    customer: str
    status: str
    ordered: int
    cartons: int
    pallets: int


@dataclass(frozen=True)
class BulkView:
    number: str
    asn: dict[str, Any]  # AsnDocument.as_dict(): pallets -> cartons -> items
    complete: bool
    remaining: dict[str, int]


@dataclass(frozen=True)
class Printed:
    labels: int
    printer: str
    job: str


# ---------------------------------------------------------------- the bench


class ReturnsBench:
    """What the returns worker holds: the database, the ReturnStation, a stock reader."""

    def __init__(self, engine: Any, sessions: Any, config: Any, paths: Any, station: ReturnStation) -> None:
        from app.store.inventory import StockReader

        self.engine = engine
        self.sessions = sessions
        self.config = config
        self.paths = paths
        self.station = station
        self.repo = station.repo  # closed by the worker when it stops
        self.reader = StockReader(engine)
        self.last_closed: ClosedReturn | None = None

    def close(self) -> None:
        self.reader.close()
        self.engine.dispose()

    # -- returns

    def step(self, call: Callable[[ReturnStation], ReturnOutcome]) -> BenchView:
        before = self.station.state
        outcome = call(self.station)
        after = self.station.state
        closing = next((f for f in ("return_closed", "return_held", "return_abandoned") if f in outcome.facts), None)
        if closing is not None and before.number and before.order is not None:
            self.last_closed = self.closed_return(before.number, before.order.number, closing.removeprefix("return_"),
                                                  before.items)
        elif "return_opened" in outcome.facts:
            self.last_closed = None
        known = {i.item_no for i in before.items}
        recorded = tuple(i for i in after.items if i.item_no not in known)
        number = after.number or before.number or ""
        tags = tuple(self.tag(number, item) for item in recorded if item.disposition.value in TAGGED)
        return BenchView(after, outcome, self.levels(after), self.last_closed, tags,
                         f"return {number} tags" if tags else "", recorded=recorded, number=number)

    def photo(self, number: str, item_no: int, sku: str, ref: str) -> BenchView:
        """Record a saved photo of a unit (a fact of its own); the view for the screen, without a banner."""
        outcome = self.station.photo_taken(number, item_no, sku, ref)
        state = self.station.state
        return BenchView(state, outcome, self.levels(state), self.last_closed)

    def view(self, note: str = "") -> BenchView:
        state = self.station.state
        return BenchView(state, None, self.levels(state), self.last_closed, note=note)

    def levels(self, state: ReturnState) -> dict[str, dict[str, int]]:
        """Stock of every SKU the open return is about, per bin (the screen shows it beside each line)."""
        skus = [line.sku for line in state.order.lines] if state.order else []
        skus += [i.sku for i in state.items if i.sku not in skus]
        return {sku: self.reader.stock(sku).bins for sku in skus}

    def closed_return(self, number: str, order: str, status: str, items: Iterable[ReturnedItem]) -> ClosedReturn:
        """The stock this return changed: the sum of its movements per SKU and bin, and the levels now."""
        from sqlalchemy import func, select

        from app.domain.inventory import available
        from app.store.inventory import LEVELS, MOVES

        with self.engine.connect() as conn:
            moved = conn.execute(select(MOVES.c.sku, MOVES.c.bin, func.sum(MOVES.c.delta))
                                 .where(MOVES.c.reference == number).group_by(MOVES.c.sku, MOVES.c.bin)
                                 .order_by(MOVES.c.sku, MOVES.c.bin)).all()
            rows, skus = [], []
            for sku, bin_location, delta in moved:
                now = conn.execute(select(LEVELS.c.on_hand).where(LEVELS.c.sku == sku, LEVELS.c.bin == bin_location)
                                   ).scalar() or 0
                rows.append(StockRow(sku, bin_location, now - int(delta), now))
                if sku not in skus:
                    skus.append(sku)
        sellable = []
        rules = self.repo.inventory
        for sku in skus:
            bins_after = self.reader.stock(sku).bins
            bins_before = dict(bins_after)
            for row in rows:
                if row.sku == sku:
                    bins_before[row.bin] = row.before
            sellable.append((sku, available(bins_before, rules), available(bins_after, rules)))
        return ClosedReturn(number, order, status, tuple(items), tuple(rows), tuple(sellable))

    def tag(self, number: str, item: ReturnedItem) -> Label:
        from app.ui.returns.tags import return_tag

        return return_tag(number, item, dpi=self.config.label_dpi)

    def reprint_tag(self) -> BenchView:
        """A tag for the last unit recorded (on this return, or the last closed one)."""
        state = self.station.state
        items = state.items or (self.last_closed.items if self.last_closed else ())
        number = state.number or (self.last_closed.number if self.last_closed else "")
        if not items:
            return self.view(note="no_item")
        tag = self.tag(number, items[-1])
        return BenchView(state, None, self.levels(state), self.last_closed, (tag,), f"return {number} tag reprint")

    # -- bulk shipments

    def bulk_orders(self) -> list[BulkOrder]:
        """Wholesale orders, and any order that has cartons or pallets already."""
        from sqlalchemy import func, or_, select

        from app.store.bulk import UNITS
        from app.store.models import Order, OrderLine

        orders, lines = Order.__table__, OrderLine.__table__
        with self.engine.connect() as conn:
            with_units = select(UNITS.c.order_number).distinct()
            rows = conn.execute(select(orders.c.id, orders.c.number, orders.c.ship_to_company, orders.c.ship_to_name,
                                       orders.c.status)
                                .where(or_(orders.c.channel == "Wholesale", orders.c.number.in_(with_units)))
                                .order_by(orders.c.number).limit(200)).all()
            ordered = dict(conn.execute(select(lines.c.order_id, func.sum(lines.c.quantity))
                                        .where(lines.c.order_id.in_([r.id for r in rows]))
                                        .group_by(lines.c.order_id)).all())
            units = {(n, k): c for n, k, c in conn.execute(
                select(UNITS.c.order_number, UNITS.c.kind, func.count()).group_by(UNITS.c.order_number, UNITS.c.kind))}
        return [BulkOrder(r.number, r.ship_to_company or r.ship_to_name, r.status, int(ordered.get(r.id) or 0),
                          units.get((r.number, "carton"), 0), units.get((r.number, "pallet"), 0)) for r in rows]

    def _document(self, conn: Any, number: str) -> Any:
        from app.returns.asn import ship_from_address
        from app.store.bulk import asn_document

        return asn_document(conn, number, ship_from_address(self.config.ship_from))

    def bulk_view(self, number: str) -> BulkView:
        with self.engine.connect() as conn:
            doc = self._document(conn, number)
        shipment = doc.shipment
        return BulkView(number, doc.as_dict(), shipment.complete, dict(shipment.remaining()))

    def pack_remaining(self, number: str, per_carton: int = PER_CARTON, per_pallet: int = PER_PALLET) -> BulkView:
        """`packstation bulk auto`: what is left goes into single-SKU cartons, cartons onto pallets."""
        from app.returns.sscc import sscc_options
        from app.store.bulk import pack_remaining
        from app.store.db import write_transaction

        user = self.station.state.user
        with write_transaction(self.engine) as conn:
            pack_remaining(conn, number, per_carton=per_carton, per_pallet=per_pallet, station=self.config.station,
                           user_id=user.id if user else None, **sscc_options(self.config))
        return self.bulk_view(number)

    def export_asn(self, number: str, folder: Path) -> tuple[Path, Path]:
        """The ASN as JSON and CSV in `folder` (as `packstation bulk asn` writes them)."""
        from app.returns.asn import asn_csv, asn_json

        with self.engine.connect() as conn:
            doc = self._document(conn, number)
        folder.mkdir(parents=True, exist_ok=True)
        stem = "asn-" + "".join(c if c.isalnum() or c in "-_" else "_" for c in number)
        json_path, csv_path = folder / f"{stem}.json", folder / f"{stem}.csv"
        json_path.write_text(asn_json(doc), encoding="utf-8", newline="")
        csv_path.write_text(asn_csv(doc), encoding="utf-8", newline="")
        return json_path, csv_path

    def logistic_labels(self, number: str, kinds: Iterable[str]) -> list[Label]:
        from app.domain.bulk import UnitKind
        from app.returns.asn import logistic_labels

        with self.engine.connect() as conn:
            doc = self._document(conn, number)
        return logistic_labels(doc, self.config.label_dpi, [UnitKind(k) for k in kinds])


# ---------------------------------------------------------------- jobs


def start_job(config: Any, paths: Any, user: Any = None) -> Job:
    """Open the station's database for the returns bench, add the returns demo to a demo database,
    and sign the packer in at the returns bench (unless a return is open there already)."""

    def job(ctx: WorkerContext) -> BenchView:
        from app.domain.returns import RETURN_OPEN_PHASES, ReturnPhase
        from app.returns.networked import returns_repository
        from app.returns.service import ReturnStation
        from app.store.db import open_database, sqlite_url

        engine, sessions = open_database(config.database_url or sqlite_url(paths.database), migrate=False)
        note = _seed_demo(sessions, config)
        rules = config.returns.rules()  # [returns] in station.toml: the window and the quarantine bin
        # Networked: RMA numbers and what other stations packed come from the central database.
        station = ReturnStation(returns_repository(engine, config, rules=rules), station=config.station, rules=rules)
        bench = ReturnsBench(engine, sessions, config, paths, station)
        ctx.station = bench
        ctx.bench = bench  # its close() disposes the engine after the worker closed the repository
        state = station.state
        if user is not None and state.phase not in RETURN_OPEN_PHASES and (
                state.phase is ReturnPhase.SIGNED_OUT or state.user is None or state.user.id != user.id):
            view = bench.step(lambda s: s.sign_in(user))
            return BenchView(view.state, view.outcome, view.levels, note=note)
        return bench.view(note)

    return job


def _seed_demo(sessions: Any, config: Any) -> str:
    """On a standalone demo database: the returns demo (stock, shipped orders, a wholesale order)."""
    if config.database_url or config.central_url:
        return ""
    from sqlalchemy import select

    from app.returns.demo import RETURN_ORDER, seed_operations_demo
    from app.store.demo import demo_products
    from app.store.models import Order, Product

    with sessions() as db:
        demo = db.scalars(select(Product.id).where(Product.sku == demo_products()[0].sku)).first() is not None
        seeded = db.scalars(select(Order.id).where(Order.number == RETURN_ORDER)).first() is not None
    if not demo or seeded:
        return ""
    summary = seed_operations_demo(sessions)
    log.info("returns demo added: %s", summary)
    return str(summary)


def bench_job(fn: Callable[[ReturnsBench], Any]) -> Job:
    def job(ctx: WorkerContext) -> Any:
        if ctx.station is None:
            raise RuntimeError("The returns bench is not ready.")
        return fn(ctx.station)

    return job


def step_job(call: Callable[[ReturnStation], ReturnOutcome]) -> Job:
    return bench_job(lambda bench: bench.step(call))


def submit_labels(labels: list[Label], reference: str, document: str = "label") -> Job:
    """A job for the *packing* window's worker: render for its label printer and queue durably."""

    def job(ctx: WorkerContext) -> Printed:
        output = getattr(ctx.station, "output", None)
        queue = getattr(output, "queue", None)
        if queue is None:
            raise RuntimeError("This station has no print queue to send labels to.")
        from printers import render_pdf, render_zpl

        fmt = output.printers.label_format
        data = render_zpl(labels) if fmt == "zpl" else render_pdf(labels, title=reference)
        queued = queue.submit(output.printers.label, document, fmt, data, reference=reference)
        return Printed(len(labels), output.printers.label, queued.uuid)

    return job
