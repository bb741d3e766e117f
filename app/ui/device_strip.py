"""The header's device indicators: one small card per serial scanner, the scale and the camera.

Each card says its device's state in words ("connected", "disconnected", "reconnecting…",
"No camera") and with an icon whose *shape* differs per state (check, cross, circular arrow,
dash); colour only repeats what the words and the shape already say. The tooltip carries the
device's own sentence and its port, for IT. Cards are two short lines. When the header is too
narrow for all of them (a small screen, several scanners), the cards of devices that are fine
drop their second line ("✓ Scanner"); a card with a problem always says what it is.
"""

from __future__ import annotations

import re
from functools import lru_cache

from PySide6.QtCore import QByteArray, QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPixmap, QResizeEvent
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from app.devices.events import DeviceState, DeviceStatus
from app.ui import icons
from app.ui.messages import coded_text


def _tr(text: str) -> str:
    return QCoreApplication.translate("DeviceStrip", text)


KIND_ORDER = {"scanner": 0, "scale": 1, "camera": 2, "central": 3}
TITLE_PX, STATE_PX = 13, 12  # the cards' two lines


def _metrics(pixels: int, bold: bool) -> QFontMetrics:
    font = QFont(QApplication.font())
    font.setPixelSize(pixels)
    font.setBold(bold)
    return QFontMetrics(font)

# Icons drawn in the style of resources/icons (48×48, 4 px strokes, recoloured at run time).
_SHAPES = {
    "retry": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48"><path d="M40 24a16 16 0 1 1-4.7-11.3"'
             ' fill="none" stroke="#COLOR#" stroke-width="4.5" stroke-linecap="round"/><path d="M37 5v9h-9"'
             ' fill="none" stroke="#COLOR#" stroke-width="4.5" stroke-linecap="round" stroke-linejoin="round"/></svg>',
    "dash": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48"><circle cx="24" cy="24" r="21" fill="none"'
            ' stroke="#COLOR#" stroke-width="4"/><path d="M14 24h20" stroke="#COLOR#" stroke-width="5"'
            ' stroke-linecap="round"/></svg>',
    "moving": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48"><path d="M4 24c5-12 9-12 13 0s8 12'
              ' 13 0 8-12 14 0" fill="none" stroke="#COLOR#" stroke-width="4.5" stroke-linecap="round"/></svg>',
    "fullscreen": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48"><path d="M6 17V6h11M31 6h11v11'
                  'M42 31v11H31M17 42H6V31" fill="none" stroke="#COLOR#" stroke-width="4" stroke-linecap="round"'
                  ' stroke-linejoin="round"/></svg>',
    "camera": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48"><path d="M6 16h9l4-6h10l4 6h9v22H6z"'
              ' fill="none" stroke="#COLOR#" stroke-width="3.5" stroke-linejoin="round"/><circle cx="24" cy="26"'
              ' r="7" fill="none" stroke="#COLOR#" stroke-width="3.5"/></svg>',
}


@lru_cache(maxsize=128)
def shape_pixmap(name: str, colour: str, size: int, ratio: float = 1.0) -> QPixmap:
    """One of the inline shapes above, or a resources/icons icon, as a pixmap."""
    svg = _SHAPES.get(name)
    if svg is None:
        return icons.pixmap(name, colour, size, ratio)
    renderer = QSvgRenderer(QByteArray(svg.replace("#COLOR#", colour).encode("utf-8")))
    out = QPixmap(round(size * ratio), round(size * ratio))
    out.fill(Qt.GlobalColor.transparent)
    painter = QPainter(out)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, out.width(), out.height()))
    painter.end()
    out.setDevicePixelRatio(ratio)
    return out


# state -> (icon shape, icon colour, card background, text colour, border); "" = the theme's own
_LOOKS = {
    DeviceState.CONNECTED: ("accepted", "#1B7A36", "", "", ""),
    DeviceState.DISCONNECTED: ("rejected", "#FFFFFF", "#B3261E", "#FFFFFF", "#B3261E"),
    DeviceState.RECONNECTING: ("retry", "#1A1400", "#F2B200", "#1A1400", "#F2B200"),
    DeviceState.STOPPED: ("dash", "#6B7885", "", "", ""),
    DeviceState.ABSENT: ("dash", "#6B7885", "", "", ""),
}
PROBLEM = "problem"  # a device that could not be set up (a wrong URI): shown like DISCONNECTED


def state_word(status: DeviceStatus, problem: bool = False) -> str:
    if problem:
        return _tr("settings error")
    return {DeviceState.CONNECTED: _tr("connected"), DeviceState.DISCONNECTED: _tr("disconnected"),
            DeviceState.RECONNECTING: _tr("reconnecting…"), DeviceState.STOPPED: _tr("stopped"),
            DeviceState.ABSENT: _tr("none")}[status.state]


def kind_word(kind: str) -> str:
    return {"scanner": _tr("Scanner"), "scale": _tr("Scale"), "camera": _tr("Camera"),
            "central": _tr("Central")}.get(kind, kind.title())


def device_title(status: DeviceStatus) -> str:
    """"Scanner", "Scanner 2", "Scale", or the name the admin gave it ("hand")."""
    kind = status.kind.lower()
    name = status.name.strip()
    if name.lower() == kind:
        return kind_word(kind)
    numbered = re.fullmatch(rf"{re.escape(kind)}(\d+)", name.lower())
    if numbered:
        return f"{kind_word(kind)} {numbered.group(1)}"
    return name


def absent_text(status: DeviceStatus) -> str:
    return {"scale": _tr("No scale"), "camera": _tr("No camera"), "scanner": _tr("No scanner")}.get(
        status.kind, _tr("No {0}").format(status.kind))


class DevicePill(QFrame):
    """One device: an icon and two short lines, the device and its state."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DevicePill")
        self.status: DeviceStatus | None = None
        self.problem = False
        self.icon = QLabel()
        self.icon.setFixedSize(20, 20)
        self.title = QLabel()
        self.title.setObjectName("PillTitle")
        self.state = QLabel()
        self.state.setObjectName("PillState")
        text = QVBoxLayout()
        text.setContentsMargins(0, 0, 0, 0)
        text.setSpacing(0)
        text.addWidget(self.title)
        text.addWidget(self.state)
        row = QHBoxLayout(self)
        row.setContentsMargins(5, 2, 7, 2)
        row.setSpacing(5)
        row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addLayout(text)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(42)
        self.compact = False

    @property
    def fine(self) -> bool:
        """Nothing to report: connected, or not in use on purpose."""
        return (self.status is not None and not self.problem
                and self.status.state in (DeviceState.CONNECTED, DeviceState.ABSENT, DeviceState.STOPPED))

    def widths(self) -> tuple[int, int]:
        """(full, compact) widths in pixels, from the texts (stable whatever is shown now)."""
        title = _metrics(TITLE_PX, True).horizontalAdvance(self.title.text())
        state = _metrics(STATE_PX, False).horizontalAdvance(self.state.text())
        layout = self.layout()
        assert layout is not None  # set in __init__
        margins = layout.contentsMargins()
        fixed = margins.left() + margins.right() + self.icon.width() + layout.spacing() + 2
        full = fixed + max(title, state)
        return full, (fixed + title if self.fine else full)

    def set_compact(self, compact: bool) -> None:
        self.compact = compact
        self.state.setVisible(not (compact and self.fine))

    def text(self) -> str:
        """What the card says, as one line ("Scale: disconnected")."""
        if self.status is not None and self.status.state is DeviceState.ABSENT and not self.problem:
            return self.title.text()
        return f"{self.title.text()}: {self.state.text()}"

    def show_status(self, status: DeviceStatus, problem: bool = False) -> None:
        self.status = status
        self.problem = problem
        state = DeviceState.DISCONNECTED if problem else status.state
        shape, colour, background, fg, border = _LOOKS[state]
        if state is DeviceState.ABSENT:
            self.title.setText(absent_text(status))
            self.state.setText(_tr("not in use"))
        else:
            self.title.setText(device_title(status))
            self.state.setText(state_word(status, problem))
        ratio = self.devicePixelRatioF() if self.isVisible() else 1.0
        self.icon.setPixmap(shape_pixmap(shape, colour, 20, ratio))
        bg = f"background: {background};" if background else "background: palette(alternate-base);"
        edge = border or "rgba(127, 140, 153, 120)"
        text_colour = f"color: {fg};" if fg else ""
        muted = "" if fg else "color: palette(placeholder-text);"
        self.setStyleSheet(
            f"QFrame#DevicePill {{ {bg} border: 1px solid {edge}; border-radius: 8px; }}"
            f"QLabel#PillTitle {{ font-size: {TITLE_PX}px; font-weight: 700; {text_colour} }}"
            f"QLabel#PillState {{ font-size: {STATE_PX}px; {text_colour or muted} }}")
        detail = coded_text(status.message) or state_word(status, problem)  # a device's reason, worded by code
        port = f"\n{status.port}" if status.port and status.port not in detail else ""
        self.setToolTip(f"{device_title(status)}: {detail}{port}")
        self.setAccessibleName(self.text())
        self.setAccessibleDescription(detail)
        self.set_compact(self.compact)


class DeviceStrip(QWidget):
    """The row of DevicePills in the top bar, in a steady order: scanners, scale, camera."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DeviceStrip")
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.setSpacing(4)
        self.pills: dict[str, DevicePill] = {}
        self._order: dict[str, tuple[int, int]] = {}
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    # -- sizes: the full cards when there is room, the compact ones when there is not

    def _width(self, index: int) -> int:
        pills = [self.pills[name] for name in self._sorted()]
        if not pills:
            return 0
        return sum(p.widths()[index] for p in pills) + self._row.spacing() * (len(pills) - 1)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(self._width(0), 42)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(self._width(1), 42)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        compact = self.width() < self._width(0)
        for pill in self.pills.values():
            pill.set_compact(compact)

    @property
    def compact(self) -> bool:
        return any(p.compact for p in self.pills.values())

    def clear(self) -> None:
        for pill in self.pills.values():
            self._row.removeWidget(pill)
            pill.deleteLater()
        self.pills.clear()
        self._order.clear()
        self.updateGeometry()

    def pill(self, name: str) -> DevicePill | None:
        return self.pills.get(name)

    def texts(self) -> list[str]:
        return [self.pills[name].text() for name in self._sorted()]

    def show_status(self, status: DeviceStatus, problem: bool = False) -> None:
        pill = self.pills.get(status.name)
        if pill is None:
            pill = DevicePill(self)
            self.pills[status.name] = pill
            self._order[status.name] = (KIND_ORDER.get(status.kind, 9), len(self._order))
            for name in self._sorted():
                self._row.removeWidget(self.pills[name])
            for name in self._sorted():
                self._row.addWidget(self.pills[name])
        pill.show_status(status, problem)
        self.updateGeometry()
        self._fit()

    def _sorted(self) -> list[str]:
        return sorted(self.pills, key=lambda name: self._order[name])
