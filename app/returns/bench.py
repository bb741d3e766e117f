"""The returns bench as a screen drives it: a ReturnStation with its stock, tags and bulk shipments.

`open_returns_bench(config, paths)` opens the station's database (and on a standalone demo
database adds the returns demo) and builds the `ReturnsBench`: the ReturnStation (the returns
workflow), a `StockService` (the stock each step shows and what a closed return changed) and
`BulkShipments` (the wholesale orders' cartons, pallets, ASN and labels), and the `ReturnsOffice`
(RMAs, return labels, held returns, refunds, the report: app.returns.office). Each step returns a
`BenchView` (app.returns.bench_views) for the screen to render: the state, the outcome, the
stock beside each line, the tags to print now. The returns window runs it on its worker thread;
a test or a command drives it the same way without a window. No Qt here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import select

from app.domain.returns import RETURN_OPEN_PHASES, ReturnedItem, ReturnPhase, ReturnState
from app.returns.bench_views import TAGGED, BenchView, ClosedReturn
from app.returns.bulk_shipments import BulkShipments
from app.returns.networked import returns_repository
from app.returns.office import ReturnsOffice
from app.returns.service import ReturnOutcome, ReturnStation
from app.returns.stock import StockService
from app.returns.unit_tags import return_tag
from app.store.db import open_database, sqlite_url
from printers import Label

log = logging.getLogger(__name__)

_CLOSING = ("return_closed", "return_held", "return_abandoned")


class ReturnsBench:
    """What the returns worker holds: the database, the ReturnStation, its stock and bulk shipments."""

    def __init__(self, engine: Any, sessions: Any, config: Any, paths: Any, station: ReturnStation,
                 note: str = "") -> None:
        self.engine = engine
        self.sessions = sessions
        self.config = config
        self.paths = paths
        self.station = station
        self.repo = station.repo  # the returns window's worker closes it when it stops
        self.stock = StockService(engine, station=config.station, rules=station.repo.inventory)
        self.bulk = BulkShipments(engine, config)
        # RMAs, return labels, held returns, refunds, releases, the report: what `packstation returns`
        # does, on the bench's own returns store (its worker thread, its transactions)
        self.office = ReturnsOffice(engine, config, station=station.name, rules=station.rules, repository=station.repo)
        self.note = note  # what the returns demo added at start ("" when nothing)
        self.last_closed: ClosedReturn | None = None

    def close(self) -> None:
        self.stock.close()
        self.engine.dispose()

    # -- returns

    def start(self, user: Any = None) -> BenchView:
        """The bench as it opens: the packer signed in (unless a return is open there already)."""
        state = self.station.state
        if user is not None and state.phase not in RETURN_OPEN_PHASES and (
                state.phase is ReturnPhase.SIGNED_OUT or state.user is None or state.user.id != user.id):
            view = self.step(lambda s: s.sign_in(user))
            return BenchView(view.state, view.outcome, view.levels, note=self.note)
        return self.view(self.note)

    def step(self, call: Callable[[ReturnStation], ReturnOutcome]) -> BenchView:
        before = self.station.state
        outcome = call(self.station)
        after = self.station.state
        closing = next((f for f in _CLOSING if f in outcome.facts), None)
        if closing is not None and before.number and before.order is not None:
            self.last_closed = self.stock.closed_return(before.number, before.order.number,
                                                        closing.removeprefix("return_"), before.items)
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
        return self.stock.levels(skus)

    def closed_return(self, number: str, order: str, status: str, items: Iterable[ReturnedItem]) -> ClosedReturn:
        return self.stock.closed_return(number, order, status, items)

    def tag(self, number: str, item: ReturnedItem) -> Label:
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

    # -- bulk shipments (the bulk tab; the packer at the bench builds the cartons)

    def bulk_orders(self) -> list[Any]:
        return self.bulk.orders()

    def bulk_view(self, number: str) -> Any:
        return self.bulk.view(number)

    def pack_remaining(self, number: str) -> Any:
        """`packstation bulk auto` for the order, in the signed-in packer's name; the order's view after."""
        user = self.station.state.user
        self.bulk.pack_remaining(number, user_id=user.id if user else None)
        return self.bulk.view(number)

    def export_asn(self, number: str, folder: Any) -> Any:
        return self.bulk.export_asn(number, folder)

    def logistic_labels(self, number: str, kinds: Iterable[str]) -> list[Label]:
        return self.bulk.labels(number, kinds=kinds)


def open_returns_bench(config: Any, paths: Any) -> ReturnsBench:
    """Open the station's database for the returns bench (migrated by the station already), add the
    returns demo to a demo database, and build the bench on station.toml's [returns] rules."""
    engine, sessions = open_database(config.database_url or sqlite_url(paths.database), migrate=False)
    try:
        note = seed_returns_demo(sessions, config)
        rules = config.returns.rules()  # [returns] in station.toml: the window and the quarantine bin
        # Networked: RMA numbers and what other stations packed come from the central database.
        station = ReturnStation(returns_repository(engine, config, rules=rules), station=config.station, rules=rules)
    except BaseException:
        engine.dispose()
        raise
    return ReturnsBench(engine, sessions, config, paths, station, note)


def seed_returns_demo(sessions: Any, config: Any) -> str:
    """On a standalone demo database: the returns demo (stock, shipped orders, a wholesale order)."""
    if config.database_url or config.central_url:
        return ""
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
