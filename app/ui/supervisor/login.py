"""The supervisor's sign-in: scan a badge (or type a name), then the PIN.

The check (scrypt, the lockout counter, the audit event) runs on the console's thread pool, so
the dialog never freezes; the dialog only shows the answer.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.supervisor.access import AccessDenied, Supervisor
from app.ui import icons
from app.ui.dialogs import ChangePinDialog
from app.ui.supervisor.runner import QueryRunner


def _tr(text: str) -> str:
    return QCoreApplication.translate("SupervisorLogin", text)


class LoginDialog(QDialog):
    def __init__(self, runner: QueryRunner, check: Callable[..., Supervisor], parent: QWidget | None = None,
                 *, who: str = "") -> None:
        super().__init__(parent)
        self.runner = runner
        self.check = check  # check(who, pin) or check(who, pin, new_pin)
        self.supervisor: Supervisor | None = None
        self.change_pin: ChangePinDialog | None = None  # open while a short PIN is replaced
        self._typed = ("", "")
        self.setWindowTitle(_tr("Supervisor sign-in"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        head = QLabel()
        head.setPixmap(icons.pixmap("badge", "#1F5FAD", 72))
        head.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel(_tr("Supervisors and admins only"))
        title.setObjectName("Big")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint = QLabel(_tr("Scan your badge or type your name, then your PIN."))
        hint.setObjectName("Muted")
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        form = QFormLayout()
        self.who = QLineEdit(who)
        self.who.setObjectName("SupervisorWho")
        self.who.setPlaceholderText(_tr("badge or name"))
        self.who.returnPressed.connect(self._next)
        self.pin = QLineEdit()
        self.pin.setObjectName("SupervisorPin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(12)
        self.pin.returnPressed.connect(self.submit)
        form.addRow(_tr("Badge or name"), self.who)
        form.addRow(_tr("PIN"), self.pin)
        self.problem = QLabel()
        self.problem.setObjectName("LoginProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #B3261E; font-weight: 700;")
        self.problem.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(_tr("Sign in"))
        self.ok.setObjectName("Primary")
        self.ok.setAutoDefault(False)
        self.ok.clicked.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        for widget in (head, title, hint):
            layout.addWidget(widget)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        (self.pin if who else self.who).setFocus()

    def _next(self) -> None:
        if self.who.text().strip():
            self.pin.setFocus()  # a badge scan ends with Enter: go on to the PIN

    def submit(self) -> None:
        who, pin = self.who.text().strip(), self.pin.text()
        if not who or not pin:
            self.show_problem(_tr("Give your badge or name, and your PIN."))
            return
        self.ok.setEnabled(False)
        self.problem.hide()
        self._typed = (who, pin)
        self.runner.submit("login", lambda: self.check(who, pin), self._accepted, self._refused)

    def _submit_new_pin(self, new_pin: str) -> None:
        who, pin = self._typed
        self.ok.setEnabled(False)
        self.runner.submit("login", lambda: self.check(who, pin, new_pin), self._accepted, self._refused)

    def _accepted(self, supervisor: Supervisor) -> None:
        self.supervisor = supervisor
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self.ok.setEnabled(True)
        if isinstance(error, AccessDenied) and error.reason == "must_change":
            # A supervisor's PIN shorter than 6 digits: a new one now, then the sign-in goes on.
            dialog = ChangePinDialog(error.message, parent=self)
            self.change_pin = dialog
            dialog.accepted.connect(lambda: self._submit_new_pin(dialog.value()))
            dialog.finished.connect(dialog.deleteLater)
            dialog.open()
            return
        self.pin.clear()
        self.pin.setFocus()
        message = error.message if isinstance(error, AccessDenied) else _tr("Sign-in failed: {0}").format(error)
        self.show_problem(message)

    def show_problem(self, text: str) -> None:
        self.problem.setText("✗ " + text)
        self.problem.show()
