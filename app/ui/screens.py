"""One screen per step of the workflow. Each renders a SessionState; none calls the station."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from app.devices.events import DeviceState, DeviceStatus, WeightReading, WeightStatus
from app.domain.rules import PackingRules
from app.domain.session import Phase, SessionState
from app.domain.weights import WeightSource, allowance_g
from app.ui import icons
from app.ui.label_panel import LabelInfo, LabelPanel
from app.ui.order_view import LinesView, OrderHeader, OrderProgress
from app.ui.reflow import Columns, WrapButton
from app.ui.scale_panel import IconLine, LiveWeightCard, TargetCard, WeightGauge, reply_text

if TYPE_CHECKING:
    from app.devices.scales.base import ScaleReply
    from app.station import Outcome

# Outcome codes after which the packer must not go on packing: shown until the next order opens.
STOP_CODES = frozenset({"order_cancelled", "order_stopped", "order_on_hold", "order_claimed",
                        "order_already_packed"})


def _tr(text: str) -> str:
    return QCoreApplication.translate("Screens", text)


def _label(text: str = "", name: str = "", wrap: bool = True, centre: bool = False) -> QLabel:
    label = QLabel(text)
    if name:
        label.setObjectName(name)
    label.setWordWrap(wrap)
    if centre:
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


def _icon(name: str, colour: str = "#5B6B7A", size: int = 96) -> QLabel:
    label = QLabel()
    label.setPixmap(icons.pixmap(name, colour, size))
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


def _columns(left: QVBoxLayout, label: QWidget) -> Columns:
    """What to do now (3) beside the label's card (2); on a narrow window (683 px: 1024×768 at
    150 %) the card under it."""
    prompt = QWidget()
    left.setContentsMargins(0, 0, 0, 0)
    prompt.setLayout(left)
    return Columns(prompt, label, stretch=(3, 2))


class Screen(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Screen")

    # render(state, outcome) shadows QWidget.render(target), which Qt calls only in C++ (grab) and nothing
    # here calls on a screen: a different signature by design.
    def render(self, state: SessionState, outcome: Outcome | None) -> None:  # type: ignore[override]  # pragma: no cover
        pass


class StopPanel(QFrame):
    """A red card that says what to do with a tote that must not be packed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Stop")
        row = QHBoxLayout(self)
        row.setContentsMargins(20, 16, 20, 16)
        row.addWidget(_icon("stop", "#FFFFFF", 72), 0)
        text = QVBoxLayout()
        self.title = _label("", "Headline")
        self.instruction = _label("", "Big")
        text.addWidget(self.title)
        text.addWidget(self.instruction)
        row.addLayout(text, 1)
        self.hide()

    def show_for(self, outcome: Outcome) -> None:
        titles = {"order_cancelled": _tr("Order cancelled — do not pack"),
                  "order_stopped": _tr("STOP packing this order"),
                  "order_on_hold": _tr("Order on hold — do not pack"),
                  "order_claimed": _tr("Order is being packed elsewhere"),
                  "order_already_packed": _tr("Order already packed — do not pack again")}
        self.title.setText(titles.get(outcome.code, _tr("Do not pack")))
        self.instruction.setText(outcome.message + "\n" +
                                 _tr("Take the tote to the supervisor shelf, then scan the next order."))
        self.show()


class SignInScreen(Screen):
    pin_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(_icon("badge", "#1F5FAD", 120))
        self.headline = _label(_tr("Scan your badge to sign in"), "Headline", centre=True)
        layout.addWidget(self.headline)
        self.hint = _label(_tr("Hold your badge under the scanner."), "Muted", centre=True)
        layout.addWidget(self.hint)
        self.pin_button = QPushButton(_tr("Sign in with name and PIN  (F2)"))
        self.pin_button.clicked.connect(self.pin_requested)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.pin_button)
        row.addStretch(1)
        layout.addSpacing(16)
        layout.addLayout(row)
        self.problem = _label("", "Big", centre=True)
        self.problem.setStyleSheet("color: #B3261E;")
        self.problem.hide()
        layout.addWidget(self.problem)
        layout.addStretch(3)

    def set_pin_available(self, available: bool) -> None:
        self.pin_button.setVisible(available)

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))


class AwaitOrderScreen(Screen):
    """Awaiting an order, and the done screen: the last order's label stays in view."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(16)
        left = QVBoxLayout()
        left.addStretch(1)
        self.done_icon = _icon("complete", "#0B5E7A", 120)
        left.addWidget(self.done_icon)
        self.done = _label("", "Headline", centre=True)
        left.addWidget(self.done)
        self.scan_icon = _icon("barcode", "#1F5FAD", 120)
        left.addWidget(self.scan_icon)
        self.headline = _label(_tr("Scan an order or tote"), "Headline", centre=True)
        left.addWidget(self.headline)
        self.hint = _label(_tr("The order number is on the pick list; the tote has its own label."), "Muted",
                           centre=True)
        left.addWidget(self.hint)
        self.stop = StopPanel()
        left.addWidget(self.stop)
        left.addStretch(2)
        self.label = LabelPanel()
        layout.addWidget(_columns(left, self.label))
        self.label.hide()

    def render(self, state: SessionState, outcome: Outcome | None) -> None:  # type: ignore[override]  # see Screen
        name = state.packer.name if state.packer else ""
        if state.phase is Phase.DONE and state.last_order:
            self.done.setText(_tr("Order {0} packed").format(state.last_order))
            self.headline.setText(_tr("Scan the next order or tote"))
        else:
            self.headline.setText(_tr("{0}, scan an order or tote").format(name) if name
                                  else _tr("Scan an order or tote"))
        is_done = state.phase is Phase.DONE
        self.done.setVisible(is_done)
        self.done_icon.setVisible(is_done)
        self.scan_icon.setVisible(not is_done)
        self.label.setVisible(is_done)
        if outcome is not None and outcome.code in STOP_CODES:
            self.stop.show_for(outcome)
        elif outcome is not None and outcome.code in ("order_opened", "signed_in", "confirm_instructions"):
            self.stop.hide()


class PackingScreen(Screen):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = OrderHeader()
        self.header.setFixedWidth(440)  # steady: the card must not jump as the table's columns resize
        self.progress = OrderProgress()
        self.lines = LinesView()
        self.override = _label("", "Big")
        self.override.setStyleSheet("background: #5B3DB5; color: #FFFFFF; border-radius: 8px; padding: 10px;")
        self.override.hide()
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(10)
        column.addWidget(self.progress)
        column.addWidget(self.lines, 1)
        column.addWidget(self.override)
        # Side by side; on a window too narrow for both (1024×768 at 150 %: 683 px) the card above its lines.
        self.columns = Columns(self.header, right, stretch=(2, 5))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.columns)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        # The card keeps one width per screen size (steady while the table's columns resize);
        # on a narrow screen (1024, 1280 px) it gives the product names room, on a scaled 1024 px
        # one (683 px at 150 %) more still.
        width = event.size().width()
        self.header.setFixedWidth(440 if width >= 1240 else 360 if width >= 780 else 220)
        super().resizeEvent(event)

    def render(self, state: SessionState, outcome: Outcome | None) -> None:  # type: ignore[override]  # see Screen
        last_line = None
        if outcome is not None and state.packed and outcome.code in ("item_packed", "all_items_packed"):
            last_line = state.packed[-1].line_no
        if state.pending_code is not None:
            last_line = state.pending_code.line_no
        self.header.set_state(state)
        self.progress.set_state(state)
        self.lines.set_state(state, last_line)
        if state.needs_override == "short":
            self.override.setText(_tr("Items are missing. Scan them, press Short (F7), "
                                      "or a supervisor scans their badge to ship without them."))
        self.override.setVisible(state.needs_override == "short")


class CartonScreen(Screen):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addStretch(1)
        layout.addWidget(_icon("carton", "#1F5FAD", 110))
        self.headline = _label("", "Headline", centre=True)
        self.suggestion = _label("", "Big", centre=True)
        self.hint = _label(_tr("Scan the carton's barcode, or press Confirm (F4) to use the suggested one."),
                           "Muted", centre=True)
        self.contents = _label("", "Muted", centre=True)
        for widget in (self.headline, self.suggestion, self.hint, self.contents):
            layout.addWidget(widget)
        layout.addStretch(2)

    def render(self, state: SessionState, outcome: Outcome | None) -> None:  # type: ignore[override]  # see Screen
        self.headline.setText(_tr("Box {0}: choose a carton").format(state.box))
        suggestion = state.suggestion
        if suggestion is not None and suggestion.carton is not None:
            c = suggestion.carton
            self.suggestion.setText(_tr("Suggested: {0} — {1} ({2}×{3}×{4} mm)").format(
                c.code, c.name, c.inner.length_mm, c.inner.width_mm, c.inner.height_mm))
        else:
            self.suggestion.setText(suggestion.reason if suggestion else "")
        items = ", ".join(f"{qty}× {product.sku}" for product, qty in state.box_contents())
        self.contents.setText(_tr("In this box: {0}").format(items) if items else "")


class WeighingScreen(Screen):
    """Put the box on the scale: the live reading, the target and its tolerance, Zero and Tare.

    The scale's readings reach the station through the window's BenchHardware; this screen only
    shows them (show_reading / show_scale_status) and asks for Zero and Tare by signal.
    """

    weight_requested = Signal()
    zero_requested = Signal()
    tare_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rules: PackingRules | None = None
        self.state = SessionState()
        self.reading: WeightReading | None = None
        self.scale_status: DeviceStatus | None = None
        self.headline = _label("", "Headline", centre=True)
        self.live = LiveWeightCard()
        self.target = TargetCard()
        self.gauge = WeightGauge()
        self.expected = self.target.expected
        self.measured = self.target.result
        self.zero = WrapButton(_tr("Zero  (Shift+F2)"))
        self.zero.setToolTip(_tr("Set the empty scale to 0"))
        self.zero.clicked.connect(self.zero_requested)
        self.tare = WrapButton(_tr("Tare  (Shift+F3)"))
        self.tare.setToolTip(_tr("Take the weight now on the scale (an empty carton, a tray) off the readings"))
        self.tare.clicked.connect(self.tare_requested)
        self.by_hand = WrapButton(_tr("Enter the weight by hand  (F2)"))
        self.by_hand.clicked.connect(self.weight_requested)
        for button in (self.zero, self.tare, self.by_hand):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Enter from a scanner must never press them
            button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            button.hint_width = 200  # keys of one width where there is room; on a narrow window their words wrap
        self.reply = IconLine(24)  # the scale's answer to Zero / Tare
        self.hint = _label("", "Muted", centre=True)
        cards = QHBoxLayout()
        cards.setSpacing(16)
        cards.addWidget(self.live, 1)
        cards.addWidget(self.target, 1)
        buttons = QHBoxLayout()
        buttons.setSpacing(10)
        buttons.addWidget(self.zero)
        buttons.addWidget(self.tare)
        buttons.addSpacing(12)
        buttons.addWidget(self.reply, 1)
        buttons.addSpacing(12)
        buttons.addWidget(self.by_hand)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 12, 24, 12)
        layout.setSpacing(10)
        title = QHBoxLayout()
        title.addStretch(1)
        title.addWidget(_icon("scale", "#1F5FAD", 44))
        title.addWidget(self.headline, 10)  # its words wrap on a narrow window (683 px: 1024×768 at 150 %)
        title.addStretch(1)
        layout.addLayout(title)
        layout.addLayout(cards, 1)
        layout.addWidget(self.gauge)
        layout.addLayout(buttons)
        layout.addWidget(self.hint)
        self._refresh()

    # -- what the window tells it

    def set_rules(self, rules: PackingRules | None) -> None:
        self.rules = rules
        self._refresh()

    def show_reading(self, reading: WeightReading | None) -> None:
        self.reading = reading
        self._refresh()

    def show_scale_status(self, status: DeviceStatus | None) -> None:
        self.scale_status = status
        if status is None or not status.connected:
            self.reading = None
        self._refresh()

    def show_scale_busy(self, action: str) -> None:
        text = _tr("Zeroing the scale…") if action == "zero" else _tr("Taring the scale…")
        self.reply.set("retry", "#6B7885", text, bold=False)

    def show_scale_reply(self, action: str, reply: ScaleReply) -> None:
        shape, colour, text = reply_text(action, reply)
        self.reply.set(shape, colour, text)

    def render(self, state: SessionState, outcome: Outcome | None) -> None:  # type: ignore[override]  # see Screen
        if state.phase is not Phase.WEIGHING:
            self.reply.set("", "#6B7885", "")
        self.state = state
        self._refresh()

    # -- drawing

    def allowance(self) -> int | None:
        if self.state.weight is not None:
            return self.state.weight.allowance_g
        if self.rules is None or self.state.order is None:
            return None
        return allowance_g(self.state.expected_weight_g(), self.rules)

    def _refresh(self) -> None:
        state = self.state
        carton = state.carton.code if state.carton else "?"
        has_scale = self.scale_status is not None and self.scale_status.state is not DeviceState.ABSENT
        # Never "put it on the scale" beside "no scale at this bench": without one, the weight is typed.
        self.headline.setText(_tr("Put box {0} ({1}) on the scale").format(state.box, carton) if has_scale
                              else _tr("Weigh box {0} ({1}) and type its weight (F2)").format(state.box, carton))
        expected = state.expected_weight_g() if state.order is not None else 0
        allowance = self.allowance()
        weight = state.weight
        blind = not has_scale and weight is None  # typed by hand: never show what to type
        self.target.show_target(expected, allowance, weight.measured_g if weight else None, blind=blind,
                                typed=weight is not None and weight.weight_source is WeightSource.MANUAL)
        self.gauge.setVisible(not blind)
        items = ", ".join(f"{qty}× {product.sku}" for product, qty in state.box_contents()) if state.order else ""
        self.target.contents.setText(_tr("In this box: {0}").format(items) if items else "")
        self.live.show_state(self.scale_status, self.reading)
        for button in (self.zero, self.tare):
            button.setVisible(has_scale)
            button.setEnabled(self.scale_status is not None and self.scale_status.connected)
        ok = self.reading is not None and self.reading.status is WeightStatus.OK
        self.gauge.set_values(expected, allowance, self.reading.grams if ok and self.reading else None,
                              bool(self.reading and self.reading.stable))
        if state.needs_override == "weight" and weight is not None:
            self.hint.setText(_tr("Outside ± {0}. Check the box and weigh again, Hold (F9), "
                                  "or a supervisor scans their badge.").format(weight.band.allowance_text))
        elif has_scale:
            self.hint.setText(_tr("The label prints as soon as the box lies still within the tolerance."))
        else:
            self.hint.setText(_tr("The label prints as soon as the weight is right."))


class LabelScreen(Screen):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        left = QVBoxLayout()
        left.addStretch(1)
        left.addWidget(_icon("printer", "#1F5FAD", 110))
        self.headline = _label("", "Headline", centre=True)
        self.hint = _label(_tr("If the label did not come out, fix the printer and press Reprint (F10)."),
                           "Muted", centre=True)
        left.addWidget(self.headline)
        left.addWidget(self.hint)
        left.addStretch(2)
        self.label = LabelPanel()
        layout.addWidget(_columns(left, self.label))

    def render(self, state: SessionState, outcome: Outcome | None) -> None:  # type: ignore[override]  # see Screen
        self.headline.setText(_tr("Label for box {0}").format(state.box))
        if outcome is not None and outcome.code == "label_failed":
            # A printer fault or a shipping refusal (no service, address, carrier down): the banner says which.
            self.hint.setText(_tr("Do what the message above says, then press Reprint (F10) to try again; "
                                  "Hold (F9) sets the order aside."))
        elif outcome is not None:
            self.hint.setText(_tr("If the label did not come out, fix the printer and press Reprint (F10)."))

    def set_label(self, info: LabelInfo | None, state: SessionState) -> None:
        self.label.set_label(info, state.order)
