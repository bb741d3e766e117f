"""The weighing step's widgets: the scale's live reading, the box's target weight, and a gauge.

They only render what they are given (a WeightReading, a DeviceStatus, the session's expected
weight and tolerance); the window's BenchHardware feeds them from the device signals.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from app.devices.events import DeviceState, DeviceStatus, WeightReading, WeightStatus
from app.domain.weights import ToleranceBand, format_kg
from app.ui.device_strip import shape_pixmap
from app.ui.messages import coded_text

if TYPE_CHECKING:  # the scale drivers (and pyserial behind them) load only when a scale answers
    from app.devices.scales.base import ScaleReply

GREEN, RED, AMBER, GREY = "#1B7A36", "#B3261E", "#9A6A00", "#6B7885"
DIGITS_PX = 72  # the scale's display: readable from a step back from the bench
SHORT_DIGITS_PX = 48  # on a short window (1366×768 at 150 %): still the largest text on the screen


class _WeightCard(QFrame):
    """A card with scale digits that tighten on a short window (app.ui.reflow.ShortScroll)."""

    digits: list[QLabel]
    spacing: int  # the layout's spacing on a window that is not short

    def set_short(self, short: bool) -> None:
        px = SHORT_DIGITS_PX if short else DIGITS_PX
        for label in self.digits:
            label.setStyleSheet(f"font-size: {px}px; font-weight: 700;")
        margins = (16, 6, 16, 6) if short else (20, 14, 20, 16)
        layout = self.layout()
        assert layout is not None  # set in __init__
        layout.setContentsMargins(*margins)
        layout.setSpacing(2 if short else self.spacing)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ScalePanel", text)


def _said(reading: WeightReading) -> str:
    """What the scale said of a reading (a DeviceReason from its protocol) in the packer's language."""
    return str(coded_text(reading.message))


def _title(text: str) -> QLabel:
    label = QLabel(text.upper())
    label.setObjectName("CardTitle")
    return label


class IconLine(QWidget):
    """An icon and a sentence on one line: the icon's shape and the words carry the meaning."""

    def __init__(self, size: int = 26, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._size = size
        self.icon = QLabel()
        self.icon.setFixedSize(size, size)
        self.label = QLabel()
        self.label.setWordWrap(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.label, 1)

    def set(self, shape: str, colour: str, text: str, *, bold: bool = True) -> None:
        if shape:
            self.icon.setPixmap(shape_pixmap(shape, colour, self._size, self.devicePixelRatioF()))
        self.icon.setVisible(bool(shape))
        weight = 700 if bold else 400
        self.label.setStyleSheet(f"color: {colour}; font-weight: {weight};")
        self.label.setText(text)
        self.setAccessibleName(text)

    def text(self) -> str:
        return self.label.text()


class LiveWeightCard(_WeightCard):
    """What is on the scale right now, like the scale's own display, and whether it is still."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        self.title = _title(_tr("On the scale"))
        self.value = QLabel("—")
        self.value.setObjectName("ScaleDigits")
        self.value.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.value.setStyleSheet(f"font-size: {DIGITS_PX}px; font-weight: 700;")
        self.value.setAccessibleName(_tr("Live weight"))
        self.state = IconLine(28)
        self.source = QLabel()
        self.source.setObjectName("Hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 16)
        layout.setSpacing(4)
        self.spacing, self.digits = 4, [self.value]
        layout.addWidget(self.title)
        layout.addWidget(self.value)
        layout.addWidget(self.state)
        layout.addStretch(1)
        layout.addWidget(self.source)
        self.show_state(None, None)

    def show_state(self, status: DeviceStatus | None, reading: WeightReading | None) -> None:
        self._show_state(status, reading)
        if status is None or status.state is DeviceState.ABSENT:
            self.source.setText("")
        else:
            where = status.port or status.name
            self.source.setText(_tr("{0} on {1}").format(status.name, where) if where != status.name
                                else status.name)

    def _show_state(self, status: DeviceStatus | None, reading: WeightReading | None) -> None:
        if status is None:
            self.value.setText("—")
            self.state.set("dash", GREY, _tr("Connecting to the scale…"))
        elif status.state is DeviceState.ABSENT:
            self.value.setText("—")
            self.state.set("dash", GREY, _tr("No scale at this bench: type the weight (F2)."))
        elif status.state is DeviceState.RECONNECTING:
            self.value.setText("—")
            self.state.set("retry", AMBER, _tr("Scale disconnected — reconnecting… Type the weight (F2) "
                                               "or wait."))
        elif status.state in (DeviceState.DISCONNECTED, DeviceState.STOPPED):
            self.value.setText("—")
            self.state.set("rejected", RED, _tr("Scale disconnected. Check its cable and power, or type the "
                                                "weight (F2)."))
        elif reading is None:
            self.value.setText("—")
            self.state.set("retry", GREY, _tr("Waiting for the scale…"), bold=False)
        elif reading.status is WeightStatus.OVERLOAD:
            self.value.setText(_tr("Overload"))
            self.state.set("warning", RED, _said(reading) or _tr("Too heavy for the scale: take something off."))
        elif reading.status is WeightStatus.UNDERLOAD:
            self.value.setText(_tr("Under range"))
            self.state.set("warning", AMBER, _said(reading) or _tr("Below the scale's range: check the platform, "
                                                                     "then press Zero."))
        elif reading.status is WeightStatus.ERROR:
            self.value.setText("—")
            self.state.set("warning", AMBER, _said(reading) or _tr("The scale reports an error."))
        elif reading.stable:
            self.value.setText(format_kg(reading.grams))
            self.state.set("accepted", GREEN, _tr("Stable"))
        else:
            self.value.setText(format_kg(reading.grams))
            self.state.set("moving", AMBER, _tr("Moving — let the box settle"))


class TargetCard(_WeightCard):
    """What this box should weigh, the window it must fall in, and the weight recorded."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        self.title = _title(_tr("Expected for this box"))
        self.expected = QLabel()
        self.expected.setObjectName("ScaleDigits")
        self.expected.setStyleSheet(f"font-size: {DIGITS_PX}px; font-weight: 700;")
        self.tolerance = QLabel()  # (not `window`: that would hide QWidget.window())
        self.tolerance.setObjectName("Muted")
        self.tolerance.setWordWrap(True)
        self.result = IconLine(28)
        self.contents = QLabel()
        self.contents.setObjectName("Hint")
        self.contents.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 16)
        layout.setSpacing(6)
        self.spacing, self.digits = 6, [self.expected]
        layout.addWidget(self.title)
        layout.addWidget(self.expected)
        layout.addWidget(self.tolerance)
        layout.addSpacing(6)
        layout.addWidget(self.result)
        layout.addStretch(1)
        layout.addWidget(self.contents)

    def show_target(self, expected_g: int, allowance_g: int | None, measured_g: int | None,
                    blind: bool = False, typed: bool = False) -> None:
        """`blind`: the packer types the weight (no scale): the expected weight stays hidden until a
        weight is entered, so what is typed is what the scale showed, not what was expected.
        `typed`: the weight shown was typed by hand, and says so ("2.87 kg (typed)")."""
        if blind and measured_g is None:
            self.expected.setText("— kg")
            self.expected.setAccessibleName(_tr("Expected weight hidden until the box is weighed"))
            self.tolerance.setText(_tr("Type what the scale shows (F2): the expected weight shows after."))
            self.result.set("", GREY, _tr("Not weighed yet."), bold=False)
            return
        band = ToleranceBand(expected_g, allowance_g) if allowance_g is not None else None
        expected = band.expected_text if band is not None else format_kg(expected_g)
        self.expected.setText(expected)
        self.expected.setAccessibleName(_tr("Expected {0}").format(expected))
        if band is None:
            self.tolerance.setText("")
        else:  # one precision for all three, so the band shown is the band checked
            self.tolerance.setText(_tr("Tolerance ± {0} · accepted {1} – {2}").format(
                band.allowance_text, band.low_text, band.high_text))
        if measured_g is None or allowance_g is None:
            self.result.set("", GREY, _tr("Not weighed yet."), bold=False)
            return
        difference = measured_g - expected_g
        measured = _tr("{0} (typed)").format(format_kg(measured_g)) if typed else format_kg(measured_g)
        if abs(difference) <= allowance_g:
            self.result.set("accepted", GREEN, _tr("Weighed {0} — within tolerance").format(measured))
        else:
            how = _tr("too heavy") if difference > 0 else _tr("too light")
            self.result.set("rejected", RED, _tr("Weighed {0} — {1} {2}").format(
                measured, format_kg(abs(difference)), how))


class WeightGauge(QWidget):
    """A bar from well below to well above the expected weight: the accepted band, the live marker."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.expected_g = 0
        self.allowance_g: int | None = None
        self.live_g: int | None = None
        self.live_stable = False
        self.setMinimumHeight(54)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(_tr("Weight gauge"))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(400, 54)

    def set_values(self, expected_g: int, allowance_g: int | None, live_g: int | None, stable: bool) -> None:
        self.expected_g, self.allowance_g, self.live_g, self.live_stable = expected_g, allowance_g, live_g, stable
        self.update()

    def _span(self) -> tuple[float, float]:
        band = max(self.allowance_g or 0, 1)
        half = max(3 * band, self.expected_g * 0.25, 100)
        return max(0.0, self.expected_g - half), self.expected_g + half

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        if self.allowance_g is None or self.expected_g <= 0:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().windowText().color()
        muted = QColor(text)
        muted.setAlpha(110)
        low, high = self._span()
        left, right = 14.0, self.width() - 14.0
        track_y, track_h = 14.0, 14.0

        def x_of(grams: float) -> float:
            return left + (min(max(grams, low), high) - low) / (high - low) * (right - left)

        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(127, 140, 153, 60))
        painter.drawRoundedRect(QRectF(left, track_y, right - left, track_h), 7, 7)
        band_left = x_of(self.expected_g - self.allowance_g)
        band_right = x_of(self.expected_g + self.allowance_g)
        painter.setBrush(QColor(27, 122, 54, 90))
        painter.drawRoundedRect(QRectF(band_left, track_y, max(4.0, band_right - band_left), track_h), 4, 4)
        painter.setPen(QPen(QColor(GREEN), 2))
        centre = x_of(self.expected_g)
        painter.drawLine(QPointF(centre, track_y - 3), QPointF(centre, track_y + track_h + 3))
        font = painter.font()
        font.setPixelSize(12)
        painter.setFont(font)
        painter.setPen(muted)
        painter.drawText(QRectF(left - 14, track_y + track_h + 6, 120, 16), Qt.AlignmentFlag.AlignLeft,
                         format_kg(round(low)))
        painter.drawText(QRectF(right - 106, track_y + track_h + 6, 120, 16), Qt.AlignmentFlag.AlignRight,
                         format_kg(round(high)))
        painter.setPen(QColor(GREEN))
        painter.drawText(QRectF(centre - 80, track_y + track_h + 6, 160, 16), Qt.AlignmentFlag.AlignCenter,
                         format_kg(self.expected_g))
        if self.live_g is not None:
            x = x_of(self.live_g)
            inside = abs(self.live_g - self.expected_g) <= self.allowance_g
            colour = QColor(GREEN if inside and self.live_stable else (RED if self.live_stable else AMBER))
            painter.setPen(QPen(QColor("#FFFFFF"), 1.5))
            painter.setBrush(colour)
            tip = track_y + track_h - 2
            painter.drawPolygon(QPolygonF([QPointF(x, tip), QPointF(x - 9, 1), QPointF(x + 9, 1)]))
        painter.end()


def reply_text(action: str, reply: ScaleReply) -> tuple[str, str, str]:
    """(icon, colour, sentence) for the scale's answer to the Zero or Tare button."""
    from app.devices.scales.base import ReplyKind

    name = _tr("Zero") if action == "zero" else _tr("Tare")
    if reply.ok:
        if action == "tare" and reply.grams:
            return "accepted", GREEN, _tr("Tare done: {0} taken off.").format(format_kg(reply.grams))
        return "accepted", GREEN, _tr("{0} done.").format(name)
    if reply.kind is ReplyKind.REFUSED:
        return "warning", AMBER, _tr("{0} refused: {1}").format(name, coded_text(reply.message) or _tr("not now"))
    return "rejected", RED, _tr("{0} failed: {1}").format(name, coded_text(reply.message) or _tr("no answer"))
