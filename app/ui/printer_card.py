"""The printer card in the packer's header: is the label printer ready, and what is waiting.

Green-and-quiet when the printer is ready; red with the fix in a few words when it is not
("Load labels", "Close the print head", "Press pause to resume") or when a label was cut off
mid-send, with the key that resends it. Its second line is the queue's health: how many jobs
wait, how many of them are held by a printer, how many were cut off (and older failures). The
card renders a printers.print_queue.QueueHealth handed in by the window; it asks nothing itself.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from app.ui import icons
from app.ui.messages import coded_text

if TYPE_CHECKING:
    from printers.print_queue import QueueHealth

RESEND_KEY = "F1"  # the one key that sends again what was cut off (also the PS:CMD:RESEND card)


def _tr(text: str) -> str:
    return QCoreApplication.translate("PrinterCard", text)


def _marked(text: str) -> str:
    """Marks a literal for the translation catalogue (app.ui.i18n); it is translated where shown."""
    return text


# The few words printers.status and printers.print_queue give for a fix, as the catalogue knows them.
FIXES = frozenset((
    _marked("Load labels"),
    _marked("Close the print head"),
    _marked("Press pause to resume"),
    _marked("Load a new ribbon"),
    _marked("Let the head cool down"),
    _marked("Call a supervisor"),
    _marked("Leave diagnostic mode"),
    _marked("Take the label off"),
    _marked("Printer busy: wait"),
    _marked("Printer too cold"),
    _marked("Check labels, ribbon and head"),
    _marked("Check power and cable"),
    _marked("Ask IT to start CUPS"),
    _marked("Check the printer settings"),
    _marked("Ask IT: queue stopped"),
    _marked("Resend the label"),
    _marked("Check the printer"),
))


def fix_words(fix: str) -> str:
    """The fix in the screen's language (a fix this build does not know is shown as it came)."""
    return QCoreApplication.translate("PrinterCard", fix) if fix in FIXES else fix


def job_words(document: str, reference: str) -> str:
    """A print job as the packer calls it, in the screen's language: the station's labels and slips
    (app.printing.output's references "order 1001 box 2", "order 1001 slip"); any other as stored."""
    if document == "label" and (box := re.fullmatch(r"order (\S+) box (\d+)", reference)):
        return _tr("Label for order {0}, box {1}").format(*box.groups())
    if document == "slip" and (slip := re.fullmatch(r"order (\S+) slip", reference)):
        return _tr("Packing slip for order {0}").format(slip.group(1))
    return f"{document} {reference}"


class PrinterCard(QFrame):
    """One card: the label printer's state and the print queue's health; a resend button when needed."""

    resend_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PrinterCard")
        self.printer = ""  # the label printer's URI (or the spool folder's words)
        self.problem = ""  # the fix shown, "" when the printer is fine
        self.interrupted = 0
        self.icon = QLabel()
        self.icon.setFixedSize(22, 22)
        self.title = QLabel()
        self.title.setObjectName("PrinterTitle")
        self.detail = QLabel()
        self.detail.setObjectName("PrinterDetail")
        lines = QVBoxLayout()
        lines.setContentsMargins(0, 0, 0, 0)
        lines.setSpacing(0)
        lines.addWidget(self.title)
        lines.addWidget(self.detail)
        self.resend = QPushButton()
        self.resend.setObjectName("PrinterResend")
        self.resend.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.resend.clicked.connect(self.resend_requested.emit)
        self.resend.hide()
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 2, 6, 2)
        row.setSpacing(6)
        row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addLayout(lines)
        row.addWidget(self.resend, 0, Qt.AlignmentFlag.AlignVCenter)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(42)
        self._look(False)
        self.show_printer("")

    # -- what the window tells it

    def show_printer(self, printer: str) -> None:
        """The configured label printer (shown in the tooltip; the title says its state)."""
        self.printer = printer
        if not self.problem and not self.interrupted:
            self.title.setText(_tr("Printer: {0}").format(printer) if printer else _tr("Printer"))
            self.detail.setText(_tr("ready"))
        self.setToolTip(self._tooltip(""))

    def show_health(self, health: QueueHealth | None, label_printer: str) -> None:
        """A printers.print_queue.QueueHealth (or None: no queue on this station)."""
        if health is None:
            return
        mine = health.printer(label_printer) if label_printer else None
        held_printers = [p for p in health.printers if not p.ok]
        problem = mine if mine is not None and not mine.ok else (held_printers[0] if held_printers else None)
        self.interrupted = len(health.interrupted)
        self.problem = fix_words(problem.fix) if problem is not None else ""
        counts = [_tr("{0} waiting").format(health.waiting)]
        if health.held:
            counts.append(_tr("{0} held").format(health.held))
        if self.interrupted:
            counts.append(_tr("{0} cut off").format(self.interrupted))
        if health.failed:
            counts.append(_tr("{0} failed").format(health.failed))
        if self.interrupted:
            self.title.setText(_tr("Label cut off: press {0} to resend").format(RESEND_KEY))
        elif self.problem:
            self.title.setText(_tr("Printer: {0}").format(self.problem))
        else:
            self.title.setText(_tr("Printer ready"))
        self.detail.setText(" · ".join(counts))
        self.resend.setText(_tr("Resend  {0}").format(RESEND_KEY))
        self.resend.setVisible(bool(self.interrupted))
        self._look(bool(self.problem or self.interrupted))
        why = coded_text(problem.message) if problem is not None else ""  # the printer's reason, worded
        if self.interrupted:
            why = "\n".join(f"{job_words(j.document, j.reference)}: {coded_text(j.message)}"
                            for j in health.interrupted)
        self.setToolTip(self._tooltip(why))
        self.setAccessibleName(self.text())
        self.setAccessibleDescription(why)

    # -- reading it back (tests, accessibility)

    @property
    def red(self) -> bool:
        return bool(self.problem or self.interrupted)

    def text(self) -> str:
        """What the card says and which printer it is, as one line."""
        return " — ".join(part for part in (self.title.text(), self.detail.text(), self.printer) if part)

    def _tooltip(self, why: str) -> str:
        where = self.printer or _tr("spool folder")
        return f"{why}\n{where}".strip() if why else where

    def _look(self, red: bool) -> None:
        if red:
            name, colour = "rejected", "#FFFFFF"
            frame = "background: #B3261E; border: 1px solid #B3261E;"
            text = "color: #FFFFFF;"
            button = ("QPushButton#PrinterResend { background: #FFFFFF; color: #B3261E; font-weight: 700;"
                      " border-radius: 6px; padding: 4px 10px; font-size: 13px; }")
        else:
            name, colour = "printer", "#1B7A36"
            frame = "background: palette(alternate-base); border: 1px solid rgba(127, 140, 153, 120);"
            text = ""
            button = ""
        self.icon.setPixmap(icons.pixmap(name, colour, 22))
        self.setStyleSheet(
            f"QFrame#PrinterCard {{ {frame} border-radius: 8px; }}"
            f"QLabel#PrinterTitle {{ font-size: 13px; font-weight: 700; {text} }}"
            f"QLabel#PrinterDetail {{ font-size: 12px; {text or 'color: palette(placeholder-text);'} }}"
            + button)
