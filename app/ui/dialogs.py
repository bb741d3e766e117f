"""Small dialogs: type a barcode the scanner cannot read, type a weight, sign in with a PIN,
and the admin gate in front of the settings."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.ui import icons


def _tr(text: str) -> str:
    return QCoreApplication.translate("Dialogs", text)


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    box.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    box.button(QDialogButtonBox.StandardButton.Ok).setObjectName("Primary")
    box.button(QDialogButtonBox.StandardButton.Cancel).setText(_tr("Cancel (Esc)"))
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class ManualEntryDialog(QDialog):
    """For a barcode that will not scan: the packer types it; the station records it as manual."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Type a barcode"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = QLabel(_tr("Type the digits printed under the barcode. Typed codes are recorded as manual."))
        intro.setWordWrap(True)
        self.code = QLineEdit()
        self.code.setObjectName("ManualCode")
        self.code.setPlaceholderText(_tr("e.g. 4006381333931"))
        self.code.setMaxLength(128)
        self.code.setInputMethodHints(Qt.InputMethodHint.ImhPreferNumbers)
        layout.addWidget(intro)
        layout.addWidget(self.code)
        self.buttons = _buttons(self, _tr("Send (Enter)"))
        layout.addWidget(self.buttons)
        self.code.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.code.text().strip()))

    def value(self) -> str:
        return self.code.text().strip()


class WeightDialog(QDialog):
    """A weight read off a scale the station cannot talk to, typed by the packer.

    It starts empty and says nothing of the expected weight: a weight typed blind is a weight
    check (a wrong item in a closed box weighs wrong); a pre-filled expected weight would be a
    check that always passes. The station records it as typed ("2.87 kg (typed)").
    """

    MAX_G = 70000

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Enter the weight"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        intro = QLabel(_tr("Put the closed box on the scale and type what the scale shows, in grams. "
                           "Typed weights are recorded as typed."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.grams = QLineEdit()
        self.grams.setObjectName("Grams")
        self.grams.setPlaceholderText(_tr("grams, e.g. 1250"))
        self.grams.setMaxLength(5)
        self.grams.setValidator(QIntValidator(1, self.MAX_G, self.grams))
        self.grams.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        layout.addWidget(self.grams)
        self.buttons = _buttons(self, _tr("Use weight (Enter)"))
        layout.addWidget(self.buttons)
        self.grams.textChanged.connect(self._update)
        self._update()
        self.grams.setFocus()

    def _update(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.value() is not None)

    def accept(self) -> None:
        if self.value() is None:  # Enter on an empty or impossible weight does nothing
            return
        super().accept()

    def value(self) -> int | None:
        text = self.grams.text().strip()
        if not text.isdigit() or not 1 <= int(text) <= self.MAX_G:
            return None
        return int(text)


class PinDialog(QDialog):
    """Name and PIN, for a packer without a badge at hand."""

    def __init__(self, names: list[str], title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title or _tr("Sign in with PIN"))
        self.setMinimumWidth(520)
        form = QFormLayout()
        self.name = QComboBox()
        self.name.setObjectName("PinName")
        self.name.setEditable(True)
        self.name.addItems(names)
        self.pin = QLineEdit()
        self.pin.setObjectName("Pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(12)
        form.addRow(_tr("Name"), self.name)
        form.addRow(_tr("PIN"), self.pin)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #B3261E; font-weight: 700;")
        self.problem.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(_buttons(self, _tr("Sign in (Enter)")))
        self.pin.setFocus()

    def values(self) -> tuple[str, str]:
        return self.name.currentText().strip(), self.pin.text()

    def show_problem(self, text: str) -> None:
        self.problem.setText("✗ " + text)
        self.problem.show()
        self.pin.clear()


class AdminGateDialog(QDialog):
    """Shown before the settings: an admin scans their badge (or types name and PIN)."""

    pin_entered = Signal(str, str)

    def __init__(self, pin_available: bool, names: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Station settings"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        icon = QLabel()
        icon.setPixmap(icons.pixmap("badge", "#1F5FAD", 72))
        icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = QLabel(_tr("An admin scans their badge to open the station settings."))
        text.setObjectName("Big")
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(icon)
        layout.addWidget(text)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #B3261E; font-weight: 700;")
        self.problem.setWordWrap(True)
        self.problem.hide()
        layout.addWidget(self.problem)
        self.name = QComboBox()
        self.name.setEditable(True)
        self.name.addItems(names)
        self.pin = QLineEdit()
        self.pin.setObjectName("Pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        if pin_available:
            form = QFormLayout()
            form.addRow(_tr("or admin name"), self.name)
            form.addRow(_tr("PIN"), self.pin)
            layout.addLayout(form)
            layout.addWidget(_buttons(self, _tr("Open settings (Enter)")))
        else:
            box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
            box.rejected.connect(self.reject)
            layout.addWidget(box)

    def accept(self) -> None:
        # Not closed here: the worker checks the PIN and the main window closes the gate.
        self.pin_entered.emit(self.name.currentText().strip(), self.pin.text())

    def show_problem(self, text: str) -> None:
        self.problem.setText("✗ " + text)
        self.problem.show()
        self.pin.clear()


class ChangePinDialog(QDialog):
    """A new PIN, typed twice: asked when a supervisor's or admin's PIN is shorter than 6 digits."""

    def __init__(self, reason: str, minimum: int = 6, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Choose a new PIN"))
        self.setMinimumWidth(520)
        self.minimum = minimum
        text = QLabel(reason)
        text.setWordWrap(True)
        form = QFormLayout()
        self.new_pin = QLineEdit()
        self.new_pin.setObjectName("NewPin")
        self.again = QLineEdit()
        self.again.setObjectName("NewPinAgain")
        for field in (self.new_pin, self.again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setMaxLength(12)
        form.addRow(_tr("New PIN"), self.new_pin)
        form.addRow(_tr("New PIN again"), self.again)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #B3261E; font-weight: 700;")
        self.problem.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(_buttons(self, _tr("Save the new PIN (Enter)")))
        self.new_pin.setFocus()

    def accept(self) -> None:
        pin, again = self.new_pin.text(), self.again.text()
        if not pin.isdigit() or not self.minimum <= len(pin) <= 12:
            self.show_problem(_tr("A PIN of {0} to 12 digits.").format(self.minimum))
        elif pin != again:
            self.show_problem(_tr("The two PINs differ."))
        else:
            super().accept()

    def value(self) -> str:
        return self.new_pin.text()

    def show_problem(self, text: str) -> None:
        self.problem.setText("✗ " + text)
        self.problem.show()
        self.again.clear()
