"""The banner for the last scan: colour, icon and words, so no signal depends on colour alone."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout

from app.domain.events import Tone
from app.ui import icons
from app.ui.theme import tone_colours


def tone_word(tone: Tone) -> str:
    """The banner's first word: a tone said in words for people who cannot tell red from green."""
    words = {
        Tone.ACCEPTED: QCoreApplication.translate("Banner", "OK"),
        Tone.COMPLETE: QCoreApplication.translate("Banner", "DONE"),
        Tone.REJECTED: QCoreApplication.translate("Banner", "STOP"),
        Tone.WARNING: QCoreApplication.translate("Banner", "CHECK"),
        Tone.ATTENTION: QCoreApplication.translate("Banner", "ACTION"),
        Tone.INFO: QCoreApplication.translate("Banner", "INFO"),
    }
    return words.get(tone, "")


class ScanBanner(QFrame):
    """Full-width strip under the top bar, shown for every outcome."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("Banner")
        self.tone = Tone.INFO
        self.code = ""
        self._styled = False
        self._sheet_short: bool | None = None  # the size the style sheet was made for
        self._icon = QLabel()
        self._icon.setFixedSize(64, 64)
        self._word = QLabel()
        self._word.setObjectName("BannerWord")
        self._message = QLabel()
        self._message.setObjectName("BannerMessage")
        self._message.setWordWrap(True)
        self._detail = QLabel()
        self._detail.setObjectName("BannerDetail")
        self._detail.setWordWrap(True)
        self._detail.hide()
        text = QVBoxLayout()
        text.setSpacing(0)
        text.addWidget(self._message)
        text.addWidget(self._detail)
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 8, 16, 8)
        row.setSpacing(14)
        row.addWidget(self._icon, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self._word, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addLayout(text, 1)
        self.setMinimumHeight(84)
        self.short = False  # a short window (app.ui.reflow.ShortScroll): a smaller icon and message
        self.show_message(Tone.INFO, "", "")

    def set_short(self, short: bool) -> None:
        if short == self.short:
            return
        self.short = short
        icon = 40 if short else 64
        self._icon.setFixedSize(icon, icon)
        self.setMinimumHeight(52 if short else 84)
        layout = self.layout()
        assert layout is not None  # set in __init__
        layout.setContentsMargins(16, 4 if short else 8, 16, 4 if short else 8)
        self._restyle(self.tone)

    @property
    def message(self) -> str:
        return self._message.text()

    @property
    def detail(self) -> str:
        return self._detail.text()

    @property
    def word(self) -> str:
        return self._word.text()

    def show_message(self, tone: Tone, code: str, message: str, detail: str = "") -> None:
        self.code = code
        if tone is not self.tone or not self._styled:
            self._restyle(tone)  # re-polishing costs milliseconds: only when the tone changes
        self.tone = tone
        self._word.setText(tone_word(tone))
        self._message.setText(message)
        self._detail.setText(detail)
        self._detail.setVisible(bool(detail))
        self.setAccessibleName(f"{tone_word(tone)}: {message} {detail}".strip())

    def _restyle(self, tone: Tone) -> None:
        """Colour the banner for `tone`. The style sheet holds every tone (by the `tone` property)
        and is set again only when the banner's size changes; a new tone re-polishes the four
        widgets: setting a new sheet per tone re-parsed it and cost ~2 ms of the scan's render."""
        self._styled = True
        _background, foreground = tone_colours(tone)
        if self._sheet_short is not self.short:
            self._sheet_short = self.short
            self.setStyleSheet(self._sheet())
        self.setProperty("tone", tone.value)
        style = self.style()
        for widget in (self, self._word, self._message, self._detail):
            style.unpolish(widget)
            style.polish(widget)
        size = self._icon.width()
        self._icon.setPixmap(icons.pixmap(icons.TONE_ICONS.get(tone.value, "info"), foreground, size,
                                          self.devicePixelRatioF()))

    def _sheet(self) -> str:
        base = self.font().pixelSize() if self.font().pixelSize() > 0 else 16
        rules = [
            "#Banner { border: none; }",
            f"#BannerWord {{ font-size: {round(base * (1.2 if self.short else 1.5))}px; font-weight: 800;"
            f" padding: {'0px 8px' if self.short else '2px 10px'}; border: 3px solid; border-radius: 8px; }}",
            f"#BannerMessage {{ font-size: {round(base * (1.25 if self.short else 1.55))}px; font-weight: 700; }}",
            f"#BannerDetail {{ font-size: {base}px; }}",
        ]
        for tone in Tone:
            background, foreground = tone_colours(tone)
            rules += [f'#Banner[tone="{tone.value}"] {{ background: {background}; }}',
                      f'#Banner[tone="{tone.value}"] QLabel {{ color: {foreground}; }}',
                      f'#Banner[tone="{tone.value}"] #BannerWord {{ border-color: {foreground}; }}']
        return "".join(rules)
