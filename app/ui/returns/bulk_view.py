"""The "Bulk shipments" tab: a wholesale order's pallets, cartons and items, its ASN and its labels.

Renders `BulkOrder` / `BulkView` values (app.returns.bench_views) that the bulk-shipments service
reads on the returns worker; buttons emit signals the window turns into jobs. The "pack what is
left" key says what it will build for the chosen order (the service's `PackPlan`), and the key
for the next step is the highlighted one: pack while units are left, then the pallet labels.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.returns.bench_views import BulkOrder, BulkView, PackPlan
from app.ui.reflow import Columns, KeyBar


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
        self.orders = QComboBox()
        self.orders.setMinimumWidth(300)
        # Never wider than the window for a long customer's name (the summary under it says it whole).
        self.orders.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.orders.setMinimumContentsLength(24)
        self.orders.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.orders.currentIndexChanged.connect(self._chosen)
        # The label beside its list, or above it on a narrow window (1024×768 at 150 %).
        layout.addWidget(Columns(QLabel(_tr("Wholesale order")), self.orders, stretch=(0, 1), spacing=8))
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
        self.pack = QPushButton(_tr("Pack what is left"))  # and what that builds, once an order is shown
        self.export = QPushButton(_tr("Export ASN…\nJSON + CSV"))
        self.pallet_labels = QPushButton(_tr("Print pallet labels\nGS1 SSCC"))
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

    def render(self, view: BulkView) -> None:  # type: ignore[override]  # the tab's render, as its siblings
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
        first = self.tree.topLevelItem(0)
        if first is not None:
            first.setExpanded(True)
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
        self.pack.setText(_pack_text(view.plan if view is not None and not view.complete else None))
        self.pack.setToolTip(_pack_tip(view.plan) if view is not None and view.plan is not None else "")
        self.export.setEnabled(bool(totals.get("cartons")))
        self.carton_labels.setEnabled(bool(totals.get("cartons")))
        self.pallet_labels.setEnabled(bool(totals.get("pallets")))
        self.pallet_labels.setToolTip("" if totals.get("pallets") else _tr("No pallets yet: pack the order first."))
        self.carton_labels.setToolTip("" if totals.get("cartons") else _tr("No cartons yet: pack the order first."))
        # The next step is the highlighted key; a disabled key is never dressed as one.
        primary = self.pack if self.pack.isEnabled() else self.pallet_labels if self.pallet_labels.isEnabled() else None
        for button in (self.pack, self.pallet_labels):
            name = "Primary" if button is primary else ""
            if button.objectName() != name:
                button.setObjectName(name)
                button.style().unpolish(button)
                button.style().polish(button)


def _pack_text(plan: PackPlan | None) -> str:
    """The pack key's words: what packing the order's remaining units builds, from the order's figures."""
    if plan is None or not plan.units:
        return _tr("Pack what is left")
    return _tr("Pack what is left\n{0} carton(s) on {1} pallet(s)").format(plan.cartons, plan.pallets)


def _pack_tip(plan: PackPlan) -> str:
    return _tr("{0} unit(s) left: single-SKU cartons of up to {1} units, up to {2} cartons per pallet.").format(
        plan.units, plan.per_carton, plan.per_pallet)
