"""Orders and their audit trail: search by order, tracking number, SKU, serial or packer; read
everything that happened to the order, its parcels (with the open-box photo) and its print jobs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.supervisor.audit import OrderHistory, OrderHit
from app.supervisor.hold_reasons import hold_reason
from app.supervisor.service import StatsService
from app.supervisor.tables import DATETIME, INT, Col, TableData, history_table, search_table
from app.ui.messages import coded_text
from app.ui.supervisor.runner import QueryRunner
from app.ui.supervisor.widgets import DataTable, DataTableModel, export_csv


def _marked(text: str) -> str:
    """Marks a literal for the translation catalogue (app.ui.i18n); it is translated where shown."""
    return text


KINDS = [(_marked("Anything"), "auto"), (_marked("Order number"), "order"), (_marked("Tracking number"), "tracking"),
         (_marked("SKU"), "sku"), (_marked("Serial number"), "serial"), (_marked("Packer"), "packer")]
STATUS_LEVEL = {"held": "warn", "cancelled": "alert", "packed": "ok", "shipped": "ok", "packing": "info",
                "open": "idle"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("SupervisorAudit", text)


def status_word(status: str) -> str:
    """An order's status (app.domain.model.OrderStatus) in the supervisor's language."""
    return {"open": _tr("open"), "packing": _tr("packing"), "packed": _tr("packed"), "held": _tr("held"),
            "cancelled": _tr("cancelled"), "shipped": _tr("shipped")}.get(status, status)


def parcels_table(history: OrderHistory) -> TableData:
    table = TableData(f"Order {history.number} — parcels", [
        Col("box", "Box", INT), Col("carton", "Carton"), Col("weight_g", "Weight g", INT),
        Col("expected_g", "Expected g", INT), Col("source", "Weighed by"), Col("tracking", "Tracking"),
        Col("status", "Status"), Col("station", "Station"), Col("packer", "Packer"),
        Col("photo", "Photo"), Col("created", "Labelled", DATETIME), Col("photo_ref", "Photo file")])
    weighed_by = {"scale": _tr("scale"), "manual": _tr("typed by hand"), "not_weighed": _tr("not weighed")}
    table.rows = [[p.box, p.carton, p.weight_g, p.expected_g, weighed_by.get(p.weight_source, p.weight_source),
                   p.tracking, p.status, p.station,
                   p.packer, "yes" if p.photo_ref else None, p.created_at, p.photo_ref] for p in history.parcels]
    return table


def prints_table(history: OrderHistory) -> TableData:
    table = TableData(f"Order {history.number} — print jobs", [
        Col("created", "Queued", DATETIME), Col("document", "Document"), Col("printer", "Printer"),
        Col("state", "State"), Col("attempts", "Tries", INT), Col("reprint", "Reprint"), Col("error", "Last error")])
    table.rows = [[p.created_at, p.document, p.printer, p.state, p.attempts, "yes" if p.reprint else "",
                   p.last_error] for p in history.prints]
    return table


class AuditView(QWidget):
    history_shown = Signal(object)  # the OrderHistory just shown

    def __init__(self, runner: QueryRunner, service: Callable[[], StatsService], parent: QWidget | None = None,
                 *, photo_root: Path | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.service = service
        self.photo_root = photo_root
        self.history: OrderHistory | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(8)
        row = QHBoxLayout()
        self.query = QLineEdit()
        self.query.setObjectName("AuditSearch")
        self.query.setPlaceholderText(_tr("Order number, tracking number, SKU, serial number or packer — "
                                          "type or scan, then Enter"))
        self.query.returnPressed.connect(self.search)
        self.kind = QComboBox()
        for title, kind in KINDS:
            self.kind.addItem(_tr(title), kind)
        go = QPushButton(_tr("Search"))
        go.setObjectName("Primary")
        go.clicked.connect(self.search)
        self.export_button = QPushButton(_tr("Export audit trail (CSV)"))
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.export)
        row.addWidget(self.query, 1)
        row.addWidget(self.kind)
        row.addWidget(go)
        row.addWidget(self.export_button)
        layout.addLayout(row)
        self.status = QLabel(_tr("Find an order to see every scan, weight, override, print and photo."))
        self.status.setObjectName("Hint")
        layout.addWidget(self.status)

        self.hits_model = DataTableModel(self, level=lambda r: STATUS_LEVEL.get(r[1]), level_column="status",
                                         worded={"status": "SupervisorAudit"})  # status_word's words
        self.hits = DataTable(self.hits_model, stretch="hold_reason")
        self.hits.setObjectName("AuditHits")
        self.hits.activated_row.connect(self._hit_selected)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.hits)
        split.addWidget(self._history_panel())
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 5)
        split.setSizes([430, 990])
        layout.addWidget(split, 1)

    def _history_panel(self) -> QWidget:
        panel = QWidget()
        box = QVBoxLayout(panel)
        box.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel()
        self.title.setObjectName("Big")
        self.subtitle = QLabel()
        self.subtitle.setObjectName("Muted")
        self.subtitle.setWordWrap(True)
        box.addWidget(self.title)
        box.addWidget(self.subtitle)
        self.tabs = QTabWidget()
        self.events_model = DataTableModel(self, level=lambda r: r[-1], level_column="text")
        self.events = DataTable(self.events_model, stretch="text")
        self.events.setObjectName("AuditTrail")
        self.events.hide_columns("level", "type")
        self.tabs.addTab(self.events, _tr("Audit trail"))
        parcels = QWidget()
        parcels_box = QVBoxLayout(parcels)
        parcels_box.setContentsMargins(0, 6, 0, 0)
        self.parcels_model = DataTableModel(self)
        self.parcels = DataTable(self.parcels_model, stretch="tracking")
        self.parcels.activated_row.connect(self._parcel_selected)
        self.parcels.hide_columns("photo_ref")
        photo_row = QHBoxLayout()
        self.photo = QLabel(_tr("Select a parcel to see its open-box photo."))
        self.photo.setObjectName("Hint")
        self.photo.setMinimumHeight(250)
        self.photo.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.open_photo = QPushButton(_tr("Open photo"))
        self.open_photo.setEnabled(False)
        self.open_photo.clicked.connect(self._open_photo)
        photo_row.addWidget(self.photo, 1)
        photo_row.addWidget(self.open_photo, 0, Qt.AlignmentFlag.AlignTop)
        parcels_box.addWidget(self.parcels, 1)
        parcels_box.addLayout(photo_row, 0)
        self.tabs.addTab(parcels, _tr("Parcels and photos"))
        self.prints_model = DataTableModel(self, level=lambda r: "alert" if r[3] == "failed" else None,
                                           level_column="state")
        self.tabs.addTab(DataTable(self.prints_model, stretch="error"), _tr("Print jobs"))
        box.addWidget(self.tabs, 1)
        self._photo_path: Path | QUrl | None = None
        return panel

    # ------------------------------------------------------------ searching

    def search(self, text: str | None = None) -> None:
        if isinstance(text, str):
            self.query.setText(text)
        needle, kind = self.query.text().strip(), self.kind.currentData()
        if not needle:
            return
        self.status.setText(_tr("Searching…"))
        self.runner.submit("search", lambda: self.service().search(needle, kind), self._show_hits, self._failed)

    def show_order(self, number: str) -> None:
        """Open one order's history directly (from the floor or the holds queue)."""
        self.query.setText(number)
        self.kind.setCurrentIndex(1)
        self.search()

    def _failed(self, error: BaseException) -> None:
        self.status.setText(_tr("Search failed: {0}").format(error))

    def _show_hits(self, hits: list[OrderHit]) -> None:
        self.hits_model.set_table(search_table(hits))
        if not hits:
            self.status.setText(_tr("Nothing found for “{0}”.").format(self.query.text().strip()))
            return
        more = _tr(" (the newest {0})").format(len(hits)) if len(hits) >= 200 else ""
        self.status.setText(_tr("{0} order(s){1}").format(len(hits), more))
        self.hits.selectRow(0)
        self._hit_selected(0)

    def _hit_selected(self, row: int) -> None:
        number = self.hits_model.value(row, "number")
        self.runner.submit("history", lambda: self.service().history(number), self.show_history, self._failed)

    # ------------------------------------------------------------ one order

    def show_history(self, history: OrderHistory | None) -> None:
        self.history = history
        self.export_button.setEnabled(history is not None)
        if history is None:
            self.title.setText(_tr("Order not found"))
            return
        reason = coded_text(hold_reason(history.hold_reason))  # a code the station wrote, worded; else as typed
        status = status_word(history.status).upper() + (f" — {reason}" if reason and history.status == "held"
                                                        else "")
        self.title.setText(_tr("Order {0} · {1}").format(history.number, status))
        lines = ", ".join(f"{qty}× {sku}" for _, sku, _name, qty in history.lines)
        shipping = " · ".join(x for x in (history.channel, history.carrier, history.service_level) if x)
        self.subtitle.setText(f"{shipping}\n{lines}" if shipping else lines)
        self.events_model.set_table(history_table(history.number, history.events))
        self.parcels_model.set_table(parcels_table(history))
        self.prints_model.set_table(prints_table(history))
        self.tabs.setTabText(1, _tr("Parcels and photos ({0})").format(len(history.parcels)))
        self.tabs.setTabText(2, _tr("Print jobs ({0})").format(len(history.prints)))
        self._show_photo(None)
        self.history_shown.emit(history)

    def _parcel_selected(self, row: int) -> None:
        self._show_photo(self.parcels_model.value(row, "photo_ref"))

    def _resolve(self, ref: str) -> Path | QUrl | None:
        if "://" in ref:
            return QUrl(ref)
        path = Path(ref)
        if not path.is_absolute() and self.photo_root is not None:
            path = self.photo_root / path
        return path

    def _show_photo(self, ref: Any) -> None:
        self._photo_path = self._resolve(str(ref)) if ref else None
        self.open_photo.setEnabled(self._photo_path is not None)
        if isinstance(self._photo_path, Path) and self._photo_path.is_file():
            pixmap = QPixmap(str(self._photo_path))
            if not pixmap.isNull():
                self.photo.setPixmap(pixmap.scaledToHeight(240, Qt.TransformationMode.SmoothTransformation))
                self.photo.setToolTip(str(self._photo_path))
                return
        self.photo.setPixmap(QPixmap())
        self.photo.setText(_tr("Photo: {0}").format(ref) if ref else _tr("No photo for this parcel."))

    def _open_photo(self) -> None:
        target = self._photo_path
        if target is None:
            return
        QDesktopServices.openUrl(target if isinstance(target, QUrl) else QUrl.fromLocalFile(str(target)))

    def export(self) -> Path | None:
        if self.history is None:
            return None
        table = history_table(self.history.number, self.history.events)
        return export_csv(self, table, f"order-{self.history.number}-audit.csv")
