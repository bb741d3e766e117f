"""The label step: a preview of the label that printed, the printer's status, and reprint.

Preview hook: the printing package will render labels to PNG. Until it does, a preview is shown
when a PNG sits next to the printed file (label_ref with a .png suffix), and a summary card of
what the label says otherwise. Plug a renderer in with `set_preview_provider(fn)`, where
`fn(parcel_row) -> bytes | Path | None`; it runs on the station worker thread, never the GUI's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from app.domain.model import Order
from app.domain.weights import WeightSource, format_kg
from app.ui import icons

PreviewProvider = Callable[[dict[str, Any]], "bytes | Path | None"]
_provider: PreviewProvider | None = None


def _tr(text: str) -> str:
    return QCoreApplication.translate("LabelPanel", text)


def parcel_weight_text(parcel: dict[str, Any]) -> str:
    """A parcel's weight as it happened (app.domain.weights.weight_text), in the packer's language:
    "2.87 kg", "2.87 kg (typed)" for a weight typed by hand, "not weighed" (never "0.00 kg")."""
    source = WeightSource.of(parcel.get("weight_source"))
    grams = parcel.get("weight_g")
    if grams is None or source is WeightSource.NOT_WEIGHED:
        return _tr("not weighed")
    if source is WeightSource.MANUAL:
        return _tr("{0} (typed)").format(format_kg(grams))
    return format_kg(grams)


def set_preview_provider(provider: PreviewProvider | None) -> None:
    global _provider
    _provider = provider


def find_preview(parcel: dict[str, Any]) -> bytes | None:
    """PNG bytes of a parcel's label, or None. Runs on the worker (disk access)."""
    if _provider is not None:
        found = _provider(parcel)
        if isinstance(found, Path):
            return found.read_bytes() if found.is_file() else None
        return found
    ref = parcel.get("label_ref") or ""
    if not ref:
        return None
    path = Path(ref)
    for candidate in (path, path.with_suffix(".png")):
        if candidate.suffix.lower() == ".png" and candidate.is_file():
            return candidate.read_bytes()
    return None


@dataclass(frozen=True)
class Shipment:
    """The carrier service bought for a parcel ([shipping]), as the packer reads it."""

    carrier: str
    service: str
    rate: str  # decimal text, "8.42"
    currency: str
    billable_weight: str  # "3 lb", "1.5 kg"; empty when the card does not say
    tracking_number: str
    transit_days: int | None = None
    reason: str = ""  # why this service: "cheapest that keeps the promise"

    @property
    def service_text(self) -> str:
        return " ".join(p for p in (self.carrier, self.service) if p)

    @property
    def price_text(self) -> str:
        return f"{self.rate} {self.currency}".strip()


@dataclass(frozen=True)
class LabelInfo:
    """What the worker found out about the latest label of an order."""

    order_number: str
    parcels: tuple[dict[str, Any], ...]
    preview_png: bytes | None
    shipment: Shipment | None = None  # the latest parcel's bought service, when shipping is set up
    preview_pending: bool = False  # the PNG comes in a second job


def label_info(station: Any, order_number: str | None, *, preview: bool = True) -> LabelInfo | None:
    """The order's parcels and bought service; with `preview`, the latest label as PNG too
    (rendered here: the window asks for it in a second job, after the outcome is on screen)."""
    if not order_number:
        return None
    parcels = tuple(station.repo.parcels_of(order_number))
    latest = next((p for p in reversed(parcels) if p.get("status") != "voided"), None)
    if latest is None:
        return LabelInfo(order_number, parcels, None)
    png = None
    if preview:
        rendered = getattr(station.output, "preview_png", None)  # the printing output keeps recent labels
        png = (rendered(order_number, latest["box_no"]) if rendered else None) or find_preview(latest)
    return LabelInfo(order_number, parcels, png, shipment_of(station, latest), preview_pending=not preview)


def shipment_of(station: Any, parcel: dict[str, Any]) -> Shipment | None:
    """The parcel's bought service, from the printing output's shipping records (worker thread)."""
    lookup = getattr(station.output, "shipment", None)
    record = lookup(parcel.get("uuid") or "") if lookup else None
    if record is None or record.state != "bought":
        return None
    return Shipment(carrier=record.carrier, service=record.service, rate=record.rate, currency=record.currency,
                    billable_weight=record.billable_weight,
                    tracking_number=record.tracking_number or parcel.get("tracking_number") or "",
                    transit_days=record.transit_days, reason=record.choice_reason)


class LabelPanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        self.preview = QLabel()
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(260, 260)
        self.preview.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.preview.setStyleSheet("background: #FFFFFF; color: #14181D; border: 1px solid #C9D1D9;"
                                   " border-radius: 6px; padding: 12px;")
        self.preview.setWordWrap(True)
        self.printer_icon = QLabel()
        self.printer_icon.setPixmap(icons.pixmap("printer", "#5B6B7A", 36))
        self.printer = QLabel()
        self.printer.setWordWrap(True)
        self.print_state = QLabel()
        self.print_state.setWordWrap(True)
        self.print_state.setObjectName("Big")
        self.parcels = QLabel()
        self.parcels.setObjectName("Muted")
        self.parcels.setWordWrap(True)
        self.service = QLabel()  # the carrier service bought: carrier, service, price
        self.service.setObjectName("Big")
        self.service.setWordWrap(True)
        self.service.setTextFormat(Qt.TextFormat.RichText)
        self.service_detail = QLabel()  # billable weight, tracking number, why this service
        self.service_detail.setWordWrap(True)
        self.service_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.service.hide()
        self.service_detail.hide()
        title = QLabel(_tr("SHIPPING LABEL"))
        title.setObjectName("CardTitle")
        status_row = QHBoxLayout()
        status_row.addWidget(self.printer_icon, 0, Qt.AlignmentFlag.AlignTop)
        status_col = QVBoxLayout()
        status_col.addWidget(self.print_state)
        status_col.addWidget(self.printer)
        status_col.addWidget(self.parcels)
        status_row.addLayout(status_col, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(title)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.service)
        layout.addWidget(self.service_detail)
        layout.addLayout(status_row)

    def set_printer(self, description: str) -> None:
        if self.printer.text().endswith(description):
            return
        self.printer.setText(_tr("Label printer: {0}").format(description))

    def set_print_result(self, ok: bool | None, note: str = "") -> None:
        """ok: printed (note: when), failed (note: the printer's problem), or None: nothing yet."""
        if (ok, note) == getattr(self, "_shown", None):
            return
        self._shown = (ok, note)
        if ok is None:
            self.print_state.setText(_tr("Waiting for the label…"))
            colour, name = "#5B6B7A", "printer"
        elif ok:
            self.print_state.setText(_tr("Label printed at {0}").format(note))
            colour, name = "#1B7A36", "accepted"
        else:
            self.print_state.setText(_tr("Label did not print: {0}").format(note))
            colour, name = "#B3261E", "rejected"
        self.print_state.setStyleSheet(f"color: {colour};")
        self.printer_icon.setPixmap(icons.pixmap(name, colour, 36))

    def set_shipment(self, shipment: Shipment | None) -> None:
        """Carrier + service and price in large type; billable weight and tracking number below."""
        self.service.setVisible(shipment is not None)
        self.service_detail.setVisible(shipment is not None)
        if shipment is None:
            self.service.setText("")
            self.service_detail.setText("")
            return
        self.service.setText(f"<b>{escape(shipment.service_text)}</b>"
                             f"&nbsp;&nbsp;·&nbsp;&nbsp;<b>{escape(shipment.price_text)}</b>")
        details = []
        if shipment.billable_weight:
            details.append(_tr("Billable weight {0}").format(shipment.billable_weight))
        if shipment.transit_days is not None:
            details.append(_tr("{0} day(s) in transit").format(shipment.transit_days))
        details.append(_tr("Tracking {0}").format(shipment.tracking_number) if shipment.tracking_number
                       else _tr("No tracking number (station label)"))
        self.service_detail.setText("  ·  ".join(details))
        self.service_detail.setToolTip(shipment.reason)

    def set_label(self, info: LabelInfo | None, order: Order | None) -> None:
        self.set_shipment(info.shipment if info is not None else None)
        if info is None:
            self.preview.setPixmap(QPixmap())
            self.preview.setText(_tr("No label yet"))
            self.parcels.setText("")
            return
        live = [p for p in info.parcels if p.get("status") != "voided"]
        self.parcels.setText(_tr("{0} parcel(s): {1}").format(
            len(live), ", ".join(" ".join(part for part in (f"#{p['box_no']}", p.get("carton_code") or "",
                                                             parcel_weight_text(p)) if part) for p in live)))
        if info.preview_png:
            pixmap = QPixmap()
            pixmap.loadFromData(info.preview_png)
            self.preview.setText("")
            self.preview.setPixmap(pixmap.scaled(self.preview.size() * 0.95, Qt.AspectRatioMode.KeepAspectRatio,
                                                 Qt.TransformationMode.SmoothTransformation))
            return
        self.preview.setPixmap(QPixmap())
        self.preview.setText(self._summary(live[-1] if live else None, order, len(live), info.shipment))

    @staticmethod
    def _summary(parcel: dict[str, Any] | None, order: Order | None, boxes: int,
                 shipment: Shipment | None = None) -> str:
        """What the label says, when no picture of it is available (spool output)."""
        if parcel is None:
            return _tr("No label yet")
        lines = []
        if order is not None:
            a = order.ship_to
            lines += [f"<b>{a.name}</b>", a.line1, f"{a.postcode} {a.city}".strip(), a.country]
            service = shipment.service_text if shipment else f"{order.carrier} {order.service_level}"
            lines.append(f"<br><b style='font-size: 130%'>{escape(service)}</b>")
        lines.append(_tr("Order {0} · box {1} of {2}").format(parcel.get("order_id") and order and order.number
                                                              or "", parcel["box_no"], boxes))
        lines.append(_tr("Weight {0}").format(parcel_weight_text(parcel)))
        if parcel.get("tracking_number"):
            lines.append(_tr("Tracking {0}").format(parcel["tracking_number"]))
        lines.append(f"<span style='color:#5B6B7A'>{_tr('(preview not available for this printer)')}</span>")
        return "<br>".join(line for line in lines if line)
