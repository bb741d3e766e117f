"""The return label: a 4x6 label the customer sticks on the parcel they send back.

    data = return_label_data(engine, "1001", ship_from)      # the order's RMA (issued if it has none)
    label = return_label(data)                                # a printers.Label
    render_zpl(label) / render_pdf(label)

It carries the customer's address as FROM, the warehouse's as TO, the RMA number (also as a
Code 128, which the returns bench accepts), and a QR code with the RMA's payload
`PS:RETURN:<order>:<token>`: scanned at the returns bench it opens that order's return.

With `[shipping]` on EasyPost, `buy_return_label` also buys a prepaid carrier label through the
shipping adapter's public API (rates, buy, download); its tracking number is kept on the RMA,
so the return parcel's tracking number opens the return too. The station's own RMA label goes
with it (the carrier label has no room for our QR code).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, fields, replace
from decimal import Decimal
from typing import Any

from sqlalchemy import Engine, func, select

from app.domain.model import Address
from app.store.models import Order as OrderRow
from app.store.models import OrderLine, Parcel, Product
from app.store.returns import ReturnsRepository, Rma
from app.store.returns_models import ReturnAuthorization
from printers.label import Align, Barcode, Box, Fit, Font, Label, Line, Symbology, Text

RMAS = ReturnAuthorization.__table__
_orders = OrderRow.__table__
_lines = OrderLine.__table__
_products = Product.__table__
_parcels = Parcel.__table__

LABEL_INCHES = (4, 6)
DEFAULT_RETURN_WEIGHT_G = 500  # rated when neither the outbound parcels nor the products say


class ReturnLabelError(ValueError):
    """The return label cannot be made as asked; the message says why."""


@dataclass(frozen=True, slots=True)
class ReturnLabelData:
    order_number: str
    rma: str
    qr_payload: str  # PS:RETURN:<order>:<token>
    customer: Address  # the parcel comes FROM here
    warehouse: Address  # and goes TO here
    reason: str = ""
    return_tracking: str = ""  # the carrier's tracking number of a bought return label
    carrier: str = ""
    weight_g: int = DEFAULT_RETURN_WEIGHT_G  # what the outbound parcels weighed: a guess for rating


@dataclass(frozen=True, slots=True)
class BoughtReturnLabel:
    tracking_number: str
    carrier: str
    service: str
    label_format: str
    label_bytes: bytes


# ---------------------------------------------------------------- data


def return_label_data(engine: Engine, order_number: str, warehouse: Address, *, rma: str | None = None,
                      reason: str = "", issue: bool = True, config: Any = None, station: str = "") -> ReturnLabelData:
    """The order's return label data, with its RMA: the one named, else the newest RMA still
    issued for the order, else (with `issue`) a new one, numbered as the station's `config` says
    (app.returns.networked: the central sequence on a networked station)."""
    with engine.connect() as conn:
        order = conn.execute(select(_orders).where(_orders.c.number == order_number)).first()
        if order is None:  # "#5001" or the platform's id
            from app.domain.order_refs import AmbiguousOrderReference
            from app.store.repository import resolve_order_number

            try:
                found = resolve_order_number(conn, order_number)
            except AmbiguousOrderReference as exc:
                raise ReturnLabelError(f"{exc}.") from None
            order = conn.execute(select(_orders).where(_orders.c.number == found)).first() if found else None
        if order is None:
            raise ReturnLabelError(f"No order {order_number}.")
        query = select(RMAS).where(RMAS.c.order_number == order.number)
        if rma:
            query = query.where(func.upper(RMAS.c.rma) == rma.upper())
        else:
            query = query.where(RMAS.c.status == "issued").order_by(RMAS.c.issued_at.desc(), RMAS.c.rma.desc())
        row = conn.execute(query.limit(1)).first()
        weight = _outbound_weight(conn, order.id)
    if rma and row is None:
        raise ReturnLabelError(f"{rma} is not an RMA of order {order.number}.")
    if row is not None and row.status == "withdrawn":
        raise ReturnLabelError(f"{row.rma} was withdrawn: issue a new RMA.")
    customer = Address(order.ship_to_name, order.ship_to_company or "", order.ship_to_line1, order.ship_to_line2 or "",
                       order.ship_to_city, order.ship_to_region or "", order.ship_to_postcode, order.ship_to_country,
                       order.ship_to_phone or "", order.ship_to_email or "")
    if row is None:
        if not issue:
            raise ReturnLabelError(f"Order {order.number} has no RMA: issue one first.")
        issued = _issue_rma(engine, order.number, reason, config, station)
        number, token, tracking, why = issued.rma, issued.token, "", reason
    else:
        number, token, tracking, why = row.rma, row.token, row.return_tracking or "", row.reason or reason
    from app.domain.returns import return_code

    return ReturnLabelData(order.number, number, return_code(order.number, token), customer, warehouse, why,
                           tracking, order.carrier or "", weight or DEFAULT_RETURN_WEIGHT_G)


def order_return_code(engine: Engine, order_number: str, *, reason: str = "packing slip", config: Any = None,
                      station: str = "") -> tuple[str, str]:
    """The order's RMA number and return code (PS:RETURN:<order>:<token>) for its packing slip:
    the newest RMA still issued for the order, else a new one from ReturnsRepository.issue_rma
    (numbered and logged like any other, as the station's `config` says). A reprinted slip
    carries the same code."""
    from app.domain.returns import return_code

    with engine.connect() as conn:
        row = conn.execute(select(RMAS.c.rma, RMAS.c.order_number, RMAS.c.token)
                           .where(RMAS.c.order_number == order_number, RMAS.c.status == "issued")
                           .order_by(RMAS.c.issued_at.desc(), RMAS.c.rma.desc()).limit(1)).first()
    rma = row if row is not None else _issue_rma(engine, order_number, reason, config, station)
    return rma.rma, return_code(rma.order_number, rma.token)


def _issue_rma(engine: Engine, order_number: str, reason: str, config: Any, station: str) -> Rma:
    from app.returns.networked import returns_repository

    repo = returns_repository(engine, config)
    try:
        return repo.issue_rma(order_number, reason=reason, station=station)
    finally:
        repo.close()


def _outbound_weight(conn: Any, order_id: int) -> int | None:
    weighed = conn.execute(select(func.sum(_parcels.c.weight_g)).where(
        _parcels.c.order_id == order_id, _parcels.c.status != "voided", _parcels.c.weight_g.is_not(None))).scalar()
    if weighed:
        return int(weighed)
    products = conn.execute(select(func.sum(_lines.c.quantity * _products.c.weight_g))
                            .join(_products, _products.c.id == _lines.c.product_id)
                            .where(_lines.c.order_id == order_id)).scalar()
    return int(products) if products else None


def record_return_tracking(engine: Engine, rma: str, tracking: str, *, station: str = "") -> None:
    """Keep the bought label's tracking number on the RMA (logged: other stations learn it too):
    scanning it opens the return."""
    repo = ReturnsRepository(engine)
    try:
        repo.set_return_tracking(rma, tracking, station=station)
    finally:
        repo.close()


# ---------------------------------------------------------------- the label


def return_label(data: ReturnLabelData, dpi: int = 203) -> Label:
    """The 4x6 return label, drawn in the printers package's label model."""
    label = Label.inches(*LABEL_INCHES, dpi=dpi)
    s = dpi / 203  # the layout is drawn for 203 dpi and scaled

    def d(value: float) -> int:
        return round(value * s)

    width, margin = label.width_dots, d(24)
    inner = width - 2 * margin
    elements: list[Any] = [
        Box(0, 0, width, d(110), filled=True, thickness=d(110)),
        Text(margin, d(22), "RETURN", height=d(70), font=Font.SANS_BOLD, reverse=True, field="title"),
        Text(d(400), d(20), data.rma, height=d(40), font=Font.SANS_BOLD, max_width=width - d(400) - margin,
             align=Align.RIGHT, fit=Fit.SHRINK, min_height=d(24), reverse=True, field="rma"),
        Text(d(400), d(66), f"Order {data.order_number}", height=d(28), max_width=width - d(400) - margin,
             align=Align.RIGHT, fit=Fit.SHRINK, min_height=d(18), reverse=True, field="order_number"),
        Text(margin, d(128), "FROM:", height=d(22), font=Font.SANS_BOLD),
        Text(d(110), d(128), "\n".join(_lines_of(data.customer)), height=d(24), max_width=width - d(110) - margin,
             max_lines=6, fit=Fit.SHRINK, min_height=d(16), field="customer"),
        Line(0, d(300), width, d(300), thickness=d(3)),
        Text(margin, d(318), "TO:", height=d(30), font=Font.SANS_BOLD),
        Text(d(110), d(318), "\n".join(_lines_of(data.warehouse)), height=d(38), font=Font.SANS_BOLD,
             max_width=width - d(110) - margin, max_lines=6, fit=Fit.SHRINK, min_height=d(22), field="warehouse"),
        Line(0, d(600), width, d(600), thickness=d(3)),
        Barcode(margin, d(630), Symbology.QR, data.qr_payload, module=d(9), error_correction="Q",
                human_readable=False, field="qr_payload"),
        Text(d(400), d(640), "Returns bench: scan this code to open the return.", height=d(24),
             max_width=width - d(400) - margin, max_lines=3, fit=Fit.SHRINK, min_height=d(16)),
        Text(d(400), d(740), f"Return of order {data.order_number}", height=d(26), font=Font.SANS_BOLD,
             max_width=width - d(400) - margin, max_lines=2, fit=Fit.SHRINK, min_height=d(16)),
        Barcode(margin, d(930), Symbology.CODE128, data.rma, module=d(3), height=d(90), box_width=inner,
                align=Align.CENTER, min_module=1, text_height=d(24), field="rma_barcode"),
        Line(0, d(1080), width, d(1080), thickness=d(2)),
        Text(margin, d(1095), _instructions(data), height=d(22), max_width=inner, max_lines=4, fit=Fit.SHRINK,
             min_height=d(14), field="instructions"),
    ]
    if data.reason:
        elements.append(Text(d(400), d(820), f"Reason: {data.reason}", height=d(22),
                             max_width=width - d(400) - margin, max_lines=3, fit=Fit.TRUNCATE, field="reason"))
    return label.with_elements(*elements)


def _lines_of(address: Address) -> list[str]:
    from printers.documents.data import Address as PrintedAddress

    printed = PrintedAddress(**{f.name: getattr(address, f.name) for f in fields(address)})
    lines = printed.lines()
    return lines or ["(no address)"]


def _instructions(data: ReturnLabelData) -> str:
    carrier = (f"Carrier label {data.return_tracking} attached. " if data.return_tracking else "")
    return (f"{carrier}Pack the items with this label on the outside of the parcel. "
            f"Keep your RMA number {data.rma} until your refund arrives.")


def render(data: ReturnLabelData, label_format: str = "pdf", dpi: int = 203) -> bytes:
    """The label as ZPL or PDF bytes."""
    from printers import render_pdf, render_zpl

    if label_format not in ("pdf", "zpl"):
        raise ReturnLabelError(f"label format must be pdf or zpl, not {label_format!r}")
    label = return_label(data, dpi)
    return render_zpl(label) if label_format == "zpl" else render_pdf(label)


# ---------------------------------------------------------------- a carrier's prepaid label


def buy_return_label(source: Any, data: ReturnLabelData, *, label_format: str = "pdf",
                     weight_g: int | None = None, currency: str = "USD") -> BoughtReturnLabel:
    """Buy a prepaid label from the customer to the warehouse through a shipping adapter
    (app.shipping's EasyPostSource: `rates`, `lookup`, `buy`, `download`).

    Idempotent: the purchase's reference is `return-<RMA>`, and a label already bought under it
    is downloaded again rather than bought twice. When the adapter's ParcelRequest supports
    `is_return`, the shipment is made as the carrier's return (addresses as the outbound
    parcel had them); otherwise as an ordinary prepaid shipment from the customer to us.
    """
    from app.domain.model import Order
    from app.shipping.model import ParcelRequest

    if data.customer.country.strip().upper() != data.warehouse.country.strip().upper():
        raise ReturnLabelError("A return across a border needs customs papers: buy that label by hand.")
    reference = f"return-{data.rma}"
    found = source.lookup(reference)
    if found.found and found.bought is not None:
        bought = found.bought
    else:
        native = "is_return" in {f.name for f in fields(ParcelRequest)}
        origin, destination = (data.warehouse, data.customer) if native else (data.customer, data.warehouse)
        request = ParcelRequest(order=Order(data.order_number, (), ship_to=destination), parcel_uuid=str(uuid.uuid4()),
                                box=1, ship_from=origin, weight_g=weight_g or data.weight_g, outer=None,
                                declared_value=Decimal(0), currency=currency, residential=False, po_box=False,
                                signature=False, reference=reference, label_format=label_format)
        if native:
            request = replace(request, is_return=True)
        rates = source.rates(request)
        if not rates:
            raise ReturnLabelError(f"No carrier offered a return label for order {data.order_number}.")
        same_carrier = [r for r in rates if data.carrier and r.carrier.upper() == data.carrier.upper()]
        rate = min(same_carrier or rates, key=lambda r: r.amount)
        bought = source.buy(request, rate)
    content = bought.label_bytes or source.download(bought, bought.label_format or label_format)
    return BoughtReturnLabel(bought.tracking_number, bought.carrier, bought.service,
                             bought.label_format or label_format, content)


def easypost_source(settings: Any) -> Any | None:
    """The EasyPost adapter of the station's [shipping] settings, or None when it does not use EasyPost."""
    if settings is None or "easypost" not in settings.sources:
        return None
    from app.shipping.easypost_source import EasyPostSource

    return EasyPostSource.from_settings(settings)
