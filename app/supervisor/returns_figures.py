"""Returns and stock, as a supervisor reads them: return rate, restock time, inventory accuracy.

For a period (app.supervisor.periods.Period):

- **Return rate by SKU**: units returned / units shipped in the period. Returned = units graded
  at the returns bench in the period (`return_items.recorded_at`), UNDOne units left out, and
  units that were never in their order left out (a wrong item says nothing about that SKU).
  Shipped = the net units of the `shipment` and `shipment_void` stock movements in the period.
  Why the stock ledger and not the pack events: a movement is booked once per order, from its
  *last* packing, when it is packed, and taken back when its labels are voided; bulk dispatches
  book it too. Pack events would count units packed into orders later held, voided or packed
  twice, and miss orders shipped without the packing bench. (A station books stock once
  inventory is in use; `reconcile_shipments` books the orders packed before.)
- **By grade and reason**: every unit graded in the period (wrong items included), its share of
  the returned units and its rate against all units shipped in the period.
- **Restock time**: from the return's receipt (`returns.received_at`) to the unit's restock
  (`return_items.restocked_at`, written in the same transaction, with the same time, as its
  `return_restock` movement, or its transfer out of quarantine), for units restocked in the
  period; median and P90 nearest-rank, like the cycle times. "At the bench" units went
  straight back to a bin when graded; "from quarantine" units were released by a supervisor.
- **Inventory accuracy**: cycle counts approved in the period, final round only (a recount
  replaces a round judged miscounted): lines counted, lines without variance, units expected,
  counted, and off (the sum of |counted - expected|), overall, per bin and per SKU. Unit
  accuracy is 1 - off / expected, with |expected|: a bin the records took below zero (a shipment
  booked from an empty bin) is as wrong as its claim, never "200 % accurate".

Every figure is aggregated in SQL (SQLAlchemy Core) that runs on SQLite and PostgreSQL: the
percentiles use ROW_NUMBER() and integer arithmetic instead of a dialect's percentile function.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import CompoundSelect, Connection, Select, and_, case, func, literal, select, union_all

from app.domain import clock
from app.domain.inventory import CountStatus, MovementReason
from app.domain.returns.model import Grade
from app.store.models import Product
from app.store.returns_models import CycleCount, CycleCountLine, Return, ReturnItem, StockMovement
from app.supervisor.periods import Period
from app.supervisor.sqlfuncs import epoch, greatest, unindexed

MOVES = StockMovement.__table__
ITEMS = ReturnItem.__table__
RETURNS = Return.__table__
COUNTS = CycleCount.__table__
COUNT_LINES = CycleCountLine.__table__
PRODUCTS = Product.__table__

SHIPPING = (MovementReason.SHIPMENT.value, MovementReason.SHIPMENT_VOID.value)
GRADES = tuple(g.value for g in Grade)  # resellable, damaged, wrong_item, missing_parts
ROUTES = {"bench": "at the bench", "quarantine": "from quarantine", "all": "all units"}
MAX_SKUS = 1000  # rows of each table (highest rate, most units off first); the totals count everything
SCAN_ROWS, SCAN_SHARE = 20_000, 0.15  # SQLite: read the movements in one pass above these


# ---------------------------------------------------------------- the figures


@dataclass(frozen=True)
class SkuRate:
    sku: str
    name: str
    shipped: int
    returned: int
    grades: dict[str, int]  # grade -> units returned

    @property
    def rate(self) -> float | None:
        return self.returned / self.shipped if self.shipped > 0 else None


@dataclass(frozen=True)
class ReasonRow:
    grade: str
    reason: str
    units: int
    not_in_order: int  # of which the order never had the SKU
    returns: int  # distinct returns (parcels) with this grade and reason


@dataclass(frozen=True)
class RestockRow:
    route: str  # bench, quarantine, all
    units: int
    median_s: float | None
    p90_s: float | None
    max_s: float | None
    mean_s: float | None

    @property
    def title(self) -> str:
        return ROUTES.get(self.route, self.route)


@dataclass(frozen=True)
class AccuracyRow:
    key: str  # a bin, a SKU, or "" for all
    counts: int  # approved counts
    lines: int
    lines_right: int
    units_expected: int
    units_counted: int
    units_off: int  # sum of |counted - expected|
    units_basis: int  # sum of |expected|: a bin the records took below zero still weighs what it claimed

    @property
    def line_accuracy(self) -> float | None:
        return self.lines_right / self.lines if self.lines else None

    @property
    def unit_accuracy(self) -> float | None:
        """1 - units off / units expected (as |expected|, so a negative record never reads above 100 %)."""
        if not self.lines:
            return None
        if not self.units_basis:
            return 1.0 if not self.units_off else 0.0
        return max(0.0, 1 - self.units_off / self.units_basis)

    @property
    def net(self) -> int:
        return self.units_counted - self.units_expected


@dataclass
class ReturnsFigures:
    period: Period
    rates: list[SkuRate]  # highest rate first, at most MAX_SKUS
    skus: int  # SKUs shipped or returned in the period (rates may hold fewer)
    shipped: int  # all SKUs
    returned: int  # in-order units, all SKUs
    received: int  # every unit graded, wrong items included
    returns: int  # return parcels with a unit graded in the period
    reasons: list[ReasonRow]
    restock: list[RestockRow]  # bench, quarantine, then all
    accuracy: AccuracyRow
    by_bin: list[AccuracyRow]
    by_sku: list[AccuracyRow]
    generated_at: datetime = field(default_factory=lambda: clock.now())

    @property
    def rate(self) -> float | None:
        return self.returned / self.shipped if self.shipped > 0 else None

    @property
    def restock_all(self) -> RestockRow:
        return next((r for r in self.restock if r.route == "all"), RestockRow("all", 0, None, None, None, None))

    @property
    def empty(self) -> bool:
        return not (self.shipped or self.received or self.restock_all.units or self.accuracy.lines)


# ---------------------------------------------------------------- queries


def _in(column: Any, period: Period) -> Any:
    return and_(column >= period.utc_since, column < period.utc_until)


def rate_rows(period: Period, *, scan: bool = False) -> Select:
    """Per SKU: units shipped (net of voids) and in-order units returned, by grade, highest rate
    first; each row also carries the totals over every SKU (window sums), so one statement
    answers both. Each side is summed per SKU before the two are joined by a UNION.

    `scan`: read the movements in one pass instead of through their time index (SQLite only: the
    right plan when the period holds most of them, e.g. "this year" on a young station).
    """
    zero = literal(0)
    at = unindexed(MOVES.c.at) if scan else MOVES.c.at
    sku = unindexed(MOVES.c.sku)  # grouping through the (sku, bin) index visits every row in the table
    shipped = (select(MOVES.c.sku.label("sku"), func.sum(-MOVES.c.delta).label("shipped"), zero.label("returned"),
                      *[zero.label(g) for g in GRADES])
               .where(MOVES.c.reason.in_(SHIPPING), _in(at, period)).group_by(sku))
    returned = (select(ITEMS.c.sku.label("sku"), zero.label("shipped"), func.count().label("returned"),
                       *[func.sum(case((ITEMS.c.grade == g, 1), else_=0)).label(g) for g in GRADES])
                .where(_in(ITEMS.c.recorded_at, period), ITEMS.c.removed.is_(False), ITEMS.c.in_order.is_(True))
                .group_by(ITEMS.c.sku))
    both = union_all(shipped, returned).subquery("flows")
    per_sku = (select(both.c.sku, func.sum(both.c.shipped).label("shipped"),
                      func.sum(both.c.returned).label("returned"), *[func.sum(both.c[g]).label(g) for g in GRADES])
               .group_by(both.c.sku).subquery("per_sku"))
    rate = case((per_sku.c.shipped > 0, per_sku.c.returned * 1.0 / per_sku.c.shipped), else_=None)
    return (select(per_sku, func.coalesce(PRODUCTS.c.name, "").label("name"),
                   func.count().over().label("all_skus"), func.sum(per_sku.c.shipped).over().label("all_shipped"),
                   func.sum(per_sku.c.returned).over().label("all_returned"))
            .select_from(per_sku.outerjoin(PRODUCTS, PRODUCTS.c.sku == per_sku.c.sku))
            .where((per_sku.c.shipped != 0) | (per_sku.c.returned != 0))
            .order_by(rate.desc().nulls_last(), per_sku.c.returned.desc(), per_sku.c.sku))


def movements_span() -> Select:
    """The first and last movement times and the highest id: three index look-ups (one SELECT of
    min and max together would read the whole table on SQLite)."""
    return select(select(func.min(MOVES.c.at)).scalar_subquery(), select(func.max(MOVES.c.at)).scalar_subquery(),
                  select(func.max(MOVES.c.id)).scalar_subquery())


def _scan_movements(conn: Connection, period: Period) -> bool:
    """SQLite: read the movements in one pass when the period spans most of their history (the
    time index then costs a table look-up per row); a short period goes through the index."""
    if conn.dialect.name != "sqlite":
        return False
    first, last, rows = conn.execute(movements_span()).one()
    if not rows or rows < SCAN_ROWS or first is None or last is None:
        return False
    first, last = (_utc(first), _utc(last))
    span = (last - first).total_seconds()
    inside = (min(last, period.utc_until) - max(first, period.utc_since)).total_seconds()
    return span <= 0 or inside / span > SCAN_SHARE


def reason_rows(period: Period) -> Select:
    units = func.count()
    return (select(ITEMS.c.grade, ITEMS.c.reason, units.label("units"),
                   func.sum(case((ITEMS.c.in_order.is_(False), 1), else_=0)).label("not_in_order"),
                   func.count(ITEMS.c.return_id.distinct()).label("returns"))
            .where(_in(ITEMS.c.recorded_at, period), ITEMS.c.removed.is_(False))
            .group_by(ITEMS.c.grade, ITEMS.c.reason)
            .order_by(units.desc(), ITEMS.c.grade, ITEMS.c.reason))


def received_totals(period: Period) -> Select:
    return (select(func.count(), func.count(ITEMS.c.return_id.distinct()))
            .where(_in(ITEMS.c.recorded_at, period), ITEMS.c.removed.is_(False)))


def restock_rows(period: Period) -> CompoundSelect:
    """Units restocked in the period: count, median, P90 (nearest-rank), max and mean seconds per route.

    Portable percentiles: each unit's rank within its route (ROW_NUMBER) and the route's size
    (COUNT OVER); the k-th of n is k = ceil(n * pct / 100) = (n * pct + 99) // 100, in integers.
    """
    seconds = greatest(epoch(ITEMS.c.restocked_at) - epoch(RETURNS.c.received_at), literal(0.0))
    route = case((ITEMS.c.restocked_at == ITEMS.c.recorded_at, literal("bench")), else_=literal("quarantine"))
    base = (select(route.label("route"), seconds.label("seconds"))
            .select_from(ITEMS.join(RETURNS, RETURNS.c.id == ITEMS.c.return_id))
            .where(ITEMS.c.restocked_at.is_not(None), _in(ITEMS.c.restocked_at, period), ITEMS.c.removed.is_(False))
            .subquery("units"))
    # One pass over the units ranks each within its route and among all (a CTE read twice).
    ranked = select(base.c.route, base.c.seconds,
                    func.row_number().over(partition_by=base.c.route, order_by=base.c.seconds).label("rn"),
                    func.count().over(partition_by=base.c.route).label("n"),
                    func.row_number().over(order_by=base.c.seconds).label("rn_all"),
                    func.count().over().label("n_all")).cte("ranked")

    def kth(rank: Any, n: Any, pct: int) -> Any:
        return func.max(case((rank == (n * pct + 99) // 100, ranked.c.seconds), else_=None))

    def figures(route: Any, rank: Any, n: Any) -> list[Any]:
        return [route.label("route"), func.count().label("units"), kth(rank, n, 50).label("median_s"),
                kth(rank, n, 90).label("p90_s"), func.max(ranked.c.seconds).label("max_s"),
                func.avg(ranked.c.seconds).label("mean_s")]

    per_route = select(*figures(ranked.c.route, ranked.c.rn, ranked.c.n)).group_by(ranked.c.route)
    everything = select(*figures(literal("all"), ranked.c.rn_all, ranked.c.n_all)).having(func.count() > 0)
    return union_all(per_route, everything)


def accuracy_rows(period: Period, by: str | None) -> Select:
    """Approved counts decided in the period, final rounds: per bin, per SKU, or all (by=None)."""
    key = {None: literal(""), "bin": COUNTS.c.bin, "sku": COUNT_LINES.c.sku}[by]
    off = func.sum(func.abs(COUNT_LINES.c.counted - COUNT_LINES.c.expected))
    query = (select(key.label("key"), func.count(COUNTS.c.id.distinct()).label("counts"), func.count().label("lines"),
                    func.coalesce(func.sum(case((COUNT_LINES.c.counted == COUNT_LINES.c.expected, 1), else_=0)), 0)
                    .label("lines_right"),
                    func.coalesce(func.sum(COUNT_LINES.c.expected), 0).label("units_expected"),
                    func.coalesce(func.sum(COUNT_LINES.c.counted), 0).label("units_counted"),
                    func.coalesce(off, 0).label("units_off"),
                    func.coalesce(func.sum(func.abs(COUNT_LINES.c.expected)), 0).label("units_basis"))
             .select_from(COUNT_LINES.join(COUNTS, and_(COUNTS.c.id == COUNT_LINES.c.count_id,
                                                        COUNTS.c.round == COUNT_LINES.c.round)))
             .where(COUNTS.c.status == CountStatus.APPROVED.value, _in(COUNTS.c.decided_at, period)))
    if by is None:
        return query
    return query.group_by(key).order_by(off.desc(), key)


def statements(period: Period) -> list[Select | CompoundSelect]:
    """Every statement of the view (the portability test compiles each for PostgreSQL)."""
    return [rate_rows(period), rate_rows(period, scan=True), movements_span(), reason_rows(period),
            received_totals(period),
            restock_rows(period), accuracy_rows(period, None), accuracy_rows(period, "bin"),
            accuracy_rows(period, "sku")]


# ---------------------------------------------------------------- the view


def returns_figures(conn: Connection, period: Period, *, max_skus: int = MAX_SKUS,
                    now: datetime | None = None) -> ReturnsFigures:
    rows = conn.execute(rate_rows(period, scan=_scan_movements(conn, period)).limit(max_skus)).all()
    rates = [SkuRate(r.sku, r.name or "", int(r.shipped or 0), int(r.returned or 0),
                     {g: int(r._mapping[g] or 0) for g in GRADES}) for r in rows]
    skus, shipped, returned = (rows[0].all_skus, rows[0].all_shipped, rows[0].all_returned) if rows else (0, 0, 0)
    received, parcels = conn.execute(received_totals(period)).one()
    reasons = [ReasonRow(r.grade, r.reason or "", int(r.units), int(r.not_in_order or 0), int(r.returns))
               for r in conn.execute(reason_rows(period))]
    found = {r.route: r for r in conn.execute(restock_rows(period))}
    restock = [RestockRow(route, int(r.units), _f(r.median_s), _f(r.p90_s), _f(r.max_s), _f(r.mean_s))
               if (r := found.get(route)) is not None else RestockRow(route, 0, None, None, None, None)
               for route in ROUTES]
    total = _accuracy(conn.execute(accuracy_rows(period, None)).one())
    return ReturnsFigures(
        period=period, rates=rates, skus=int(skus or 0), shipped=int(shipped or 0), returned=int(returned or 0),
        received=int(received or 0), returns=int(parcels or 0), reasons=reasons, restock=restock, accuracy=total,
        by_bin=[_accuracy(r) for r in conn.execute(accuracy_rows(period, "bin").limit(max_skus))],
        by_sku=[_accuracy(r) for r in conn.execute(accuracy_rows(period, "sku").limit(max_skus))],
        generated_at=now or clock.now())


def _accuracy(row: Any) -> AccuracyRow:
    return AccuracyRow(str(row.key or ""), int(row.counts or 0), int(row.lines or 0), int(row.lines_right or 0),
                       int(row.units_expected or 0), int(row.units_counted or 0), int(row.units_off or 0),
                       int(row.units_basis or 0))


def _utc(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)  # SQLite hands UTC back without a zone


def _f(value: Any) -> float | None:
    return None if value is None else float(value)
