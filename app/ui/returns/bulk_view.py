"""The "Bulk shipments" tab: a wholesale order's pallets, cartons and items, its ASN and its labels.

Renders `BulkOrder` / `BulkView` values read on the returns worker; buttons emit signals the
window turns into jobs.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.ui.reflow import KeyBar
from app.ui.returns.jobs import BulkOrder, BulkView


def _tr(text: str) -> str:
    return QCoreApplication.translate("BulkPanel", text)


def _kg(grams: Any) -> str:
    return f"{grams / 1000:.1f} kg" if grams else ""


class BulkPanel(QWidget):
    order_chosen = Signal(str)
    pack_requested = Signal(str)
    export_requested = Signal(str)
    labels_requested = Signal(str, object)  # order, ("pallet",) or ("carton",)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view: BulkView | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        row = QHBoxLayout()
        row.addWidget(QLabel(_tr("Wholesale order")))
        self.orders = QComboBox()
        self.orders.setMinimumWidth(420)
        self.orders.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.orders.currentIndexChanged.connect(self._chosen)
        row.addWidget(self.orders, 1)
        layout.addLayout(row)
        self.summary = QLabel()
        self.summary.setObjectName("Big")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([_tr("Unit"), _tr("SSCC / SKU"), _tr("Units"), _tr("Weight"), _tr("GTIN / lot")])
        self.tree.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.tree, 1)
        buttons = KeyBar()  # one row, or two when the bench's screen is too narrow for one
        self.pack = QPushButton(_tr("Pack what is left\n(12 per carton, 40 cartons per pallet)"))
        self.export = QPushButton(_tr("Export ASN…\nJSON + CSV"))
        self.pallet_labels = QPushButton(_tr("Print pallet labels\nGS1 SSCC"))
        self.pallet_labels.setObjectName("Primary")
        self.carton_labels = QPushButton(_tr("Print carton labels\nGS1 SSCC"))
        for button in (self.pack, self.export, self.pallet_labels, self.carton_labels):
            button.setMinimumHeight(64)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            buttons.add(button)
        self.pack.clicked.connect(lambda: self._emit(self.pack_requested))
        self.export.clicked.connect(lambda: self._emit(self.export_requested))
        self.pallet_labels.clicked.connect(lambda: self.labels_requested.emit(self.current(), ("pallet",)))
        self.carton_labels.clicked.connect(lambda: self.labels_requested.emit(self.current(), ("carton",)))
        layout.addWidget(buttons)
        self._update_buttons()

    def current(self) -> str:
        return self.orders.currentData() or ""

    def _emit(self, signal: Any) -> None:
        if self.current():
            signal.emit(self.current())

    def _chosen(self, _index: int) -> None:
        if self.current():
            self.order_chosen.emit(self.current())

    def set_orders(self, orders: list[BulkOrder], select: str | None = None) -> None:
        keep = select or self.current()
        self.orders.blockSignals(True)
        self.orders.clear()
        for o in orders:
            units = _tr("{0} pallet(s), {1} carton(s)").format(o.pallets, o.cartons) if o.cartons else _tr("not packed")
            self.orders.addItem(f"{o.number} · {o.customer} · {o.ordered} units · {units}", o.number)
        index = max(0, self.orders.findData(keep)) if keep else 0
        self.orders.setCurrentIndex(index)
        self.orders.blockSignals(False)
        if self.current():
            self.order_chosen.emit(self.current())
        else:
            self.summary.setText(_tr("No wholesale orders on this station."))

    def select(self, number: str) -> bool:
        index = self.orders.findData(number)
        if index < 0:
            return False
        self.orders.setCurrentIndex(index)
        return True

    def render(self, view: BulkView) -> None:
        self.view = view
        asn = view.asn
        totals = asn.get("totals", {})
        state = (_tr("complete") if view.complete else
                 _tr("still to pack: {0}").format(", ".join(f"{q}× {s}" for s, q in view.remaining.items())))
        ship_to = asn.get("ship_to") or {}
        self.summary.setText(_tr("{0} to {1}: {2} pallet(s), {3} carton(s), {4} unit(s) — {5}").format(
            view.number, ship_to.get("company") or ship_to.get("name") or "?", totals.get("pallets", 0),
            totals.get("cartons", 0), totals.get("units", 0), state))
        self.tree.clear()
        for pallet in asn.get("pallets", []):
            node = QTreeWidgetItem([_tr("Pallet"), pallet["sscc"], str(sum(sum(i["quantity"] for i in c["items"])
                                                                           for c in pallet["cartons"])),
                                    _kg(pallet.get("weight_g")), _tr("{0} carton(s)").format(len(pallet["cartons"]))])
            self.tree.addTopLevelItem(node)
            for carton in pallet["cartons"]:
                node.addChild(self._carton(carton))
        for carton in asn.get("loose_cartons", []):
            self.tree.addTopLevelItem(self._carton(carton, loose=True))
        if self.tree.topLevelItemCount():
            self.tree.topLevelItem(0).setExpanded(True)
        self._update_buttons()

    def _carton(self, carton: dict[str, Any], loose: bool = False) -> QTreeWidgetItem:
        node = QTreeWidgetItem([_tr("Carton (not on a pallet)") if loose else _tr("Carton"), carton["sscc"],
                                str(sum(i["quantity"] for i in carton["items"])), _kg(carton.get("weight_g")), ""])
        for item in carton["items"]:
            node.addChild(QTreeWidgetItem(["", item["sku"], str(item["quantity"]), "",
                                           " · ".join(p for p in (item.get("gtin"), item.get("lot")) if p)]))
        return node

    def _update_buttons(self) -> None:
        view = self.view
        totals = view.asn.get("totals", {}) if view else {}
        self.pack.setEnabled(view is not None and not view.complete)
        self.export.setEnabled(bool(totals.get("cartons")))
        self.carton_labels.setEnabled(bool(totals.get("cartons")))
        self.pallet_labels.setEnabled(bool(totals.get("pallets")))
