"""Station setup: the screen an admin fills in at a station's first start (and later from the settings).

It asks for the ship-from address (the sender on every label), the label and document printers
(chosen from what the computer offers, or typed: tcp://10.0.0.5:9100), the scale and the camera.
Each printer has a Test print button that prints a test label and says what happened. Nothing
here reads or writes station.toml: the screen calls app.it.first_start (find, check, test, save),
and slow calls (lpstat, a printer that does not answer) run off the GUI thread.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.config import Config, Paths
from app.it import first_start
from app.it.first_start import Choice, Found, SetupError, SetupValues
from app.ui.messages import coded_text

OK_STYLE = "color: #1B7A36; font-weight: 600;"
BAD_STYLE = "color: #B3261E; font-weight: 600;"


def _tr(text: str) -> str:
    return QCoreApplication.translate("StationSetup", text)


class StationSetupDialog(QDialog):
    """Ship-from, printers, scale and camera; `saved_config` holds the new Config once saved."""

    # (what finished, its value): emitted on the pool's thread, delivered on the GUI thread
    _background_done = Signal(str, object)

    def __init__(self, paths: Paths, values: SetupValues, *, station: str, label_format: str = "",
                 label_dpi: int = 203, note: str = "", parent: QWidget | None = None,
                 discover: Callable[[], Found] = first_start.discover) -> None:
        super().__init__(parent)
        self.paths = paths
        self.station = station
        self.label_format = label_format
        self.label_dpi = label_dpi
        self.saved_config: Config | None = None
        self.found = Found()
        self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="station-setup")
        self._busy: set[str] = set()
        self._background_done.connect(self._on_background_done)
        self.setWindowTitle(_tr("Station setup"))
        self.setObjectName("StationSetup")
        self.setMinimumWidth(900)

        intro = QLabel(note or _tr("Set up this station: where parcels ship from, its printers, its scale "
                                   "and its camera."))
        intro.setWordWrap(True)
        intro.setObjectName("SetupIntro")
        self.found_label = QLabel(_tr("Looking for printers and serial ports…"))
        self.found_label.setWordWrap(True)
        self.found_label.setObjectName("Hint")
        refresh = QPushButton(_tr("Look again"))
        refresh.clicked.connect(self.refresh)
        found_row = QHBoxLayout()
        found_row.addWidget(self.found_label, 1)
        found_row.addWidget(refresh)

        content = QWidget()
        columns = QHBoxLayout(content)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.addWidget(self._ship_from_box(values.ship_from), 1)
        right = QVBoxLayout()
        right.addWidget(self._printers_box(values))
        right.addWidget(self._devices_box(values))
        right.addStretch(1)
        columns.addLayout(right, 1)
        # A 768-pixel screen at 150 % has room for less than all of it: it scrolls, nothing is cut.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)

        self.problem = QLabel()
        self.problem.setObjectName("SetupProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(BAD_STYLE)
        self.problem.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("Primary")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        where = QLabel(_tr("Saved to {0} (its comments are kept)").format(paths.config_file))
        where.setObjectName("Hint")
        where.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(found_row)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.problem)
        layout.addWidget(where)
        layout.addWidget(buttons)
        self._discover = discover
        self._fit(content)
        self.refresh()

    def _fit(self, content: QWidget) -> None:
        """As big as its fields want, but never bigger than the station window (or the screen) it opens over."""
        parent = self.parentWidget()
        room = parent.window().geometry() if parent is not None else self.screen().availableGeometry()
        wanted = content.sizeHint()
        scroll = self.findChild(QScrollArea)
        assert scroll is not None  # the setup's fields scroll
        chrome = self.sizeHint().height() - scroll.sizeHint().height()
        self.resize(min(max(self.minimumWidth(), wanted.width() + 48), room.width() - 24),
                    min(wanted.height() + chrome + 24, room.height() - 24))

    # ------------------------------------------------------------ building

    def _ship_from_box(self, ship_from: dict[str, str]) -> QGroupBox:
        """Two fields a row where they belong together (postcode and city), the label over each field."""
        box = QGroupBox(_tr("Ship-from address (the sender on every label)"))
        grid = QGridLayout(box)
        grid.setVerticalSpacing(4)
        self.fields: dict[str, QLineEdit] = {}
        self.field_problems: dict[str, QLabel] = {}
        cells = (("company", _tr("Company"), _tr("Nordlicht Versand GmbH"), 0, 0, 1),
                 ("name", _tr("Name or department"), _tr("Shipping"), 0, 1, 1),
                 ("line1", _tr("Street and number"), _tr("Am Sandtorkai 5"), 1, 0, 2),
                 ("line2", _tr("Address line 2"), "", 2, 0, 2),
                 ("postcode", _tr("Postcode"), "20457", 3, 0, 1),
                 ("city", _tr("City"), _tr("Hamburg"), 3, 1, 1),
                 ("country", _tr("Country"), "", 4, 0, 1),
                 ("region", _tr("State or region"), _tr("where the post needs one"), 4, 1, 1),
                 ("phone", _tr("Phone"), "+49 40 1234567", 5, 0, 1))
        for key, text, hint, row, column, span in cells:
            if key == "country":
                self.country = QComboBox()
                self.country.setObjectName("ship_from.country")
                self.country.addItem(_tr("Choose the country…"), "")
                for code, name in first_start.countries():
                    self.country.addItem(f"{name} ({code})", code)
                wanted = first_start.country_code(ship_from.get("country", "")) or ""
                self.country.setCurrentIndex(max(0, self.country.findData(wanted)))
                self.country.setMinimumContentsLength(12)
                self.country.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
                widget: QWidget = self.country
            else:
                field = QLineEdit(ship_from.get(key, ""))
                field.setObjectName(f"ship_from.{key}")
                field.setPlaceholderText(hint)
                self.fields[key] = field
                widget = field
            caption = QLabel(text)
            caption.setBuddy(widget)
            problem = QLabel()
            problem.setWordWrap(True)
            problem.setStyleSheet(BAD_STYLE)
            problem.hide()
            self.field_problems[f"ship_from.{key}"] = problem
            cell = QVBoxLayout()
            cell.setSpacing(2)
            cell.addWidget(caption)
            cell.addWidget(widget)
            cell.addWidget(problem)
            grid.addLayout(cell, row, column, 1, span, Qt.AlignmentFlag.AlignTop)
        grid.setRowStretch(6, 1)
        return box

    def _printers_box(self, values: SetupValues) -> QGroupBox:
        box = QGroupBox(_tr("Printers"))
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.printer_combos: dict[str, QComboBox] = {}
        self.print_results: dict[str, QLabel] = {}
        self.test_buttons: dict[str, QPushButton] = {}
        for role, text in (("label", _tr("Label printer")), ("document", _tr("Document printer (slips)"))):
            combo = self._uri_combo(f"printers.{role}", values.label_printer if role == "label"
                                    else values.document_printer, _tr("None: save as files in the spool folder"))
            test = QPushButton(_tr("Test print"))
            test.setObjectName(f"test_{role}")
            test.setMinimumWidth(test.sizeHint().width())
            test.clicked.connect(lambda _checked=False, r=role: self.test_print(r))
            row = QHBoxLayout()
            row.addWidget(combo, 1)
            row.addWidget(test)
            result = QLabel()
            result.setWordWrap(True)
            result.setObjectName(f"print_result_{role}")
            result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            cell = QVBoxLayout()
            cell.setSpacing(2)
            cell.addLayout(row)
            cell.addWidget(result)
            self.printer_combos[role], self.print_results[role], self.test_buttons[role] = combo, result, test
            self.field_problems[f"printers.{role}"] = result
            form.addRow(text, cell)
        hint = QLabel(_tr("Choose one that was found, or type its address: tcp://10.0.0.5:9100, "
                          "serial:///dev/ttyUSB0, cups://Queue_name."))
        hint.setObjectName("Hint")
        hint.setWordWrap(True)
        form.addRow(hint)
        return box

    def _devices_box(self, values: SetupValues) -> QGroupBox:
        box = QGroupBox(_tr("Scale and camera"))
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.scale = self._uri_combo("scale.uri", values.scale, _tr("No scale: weights are typed or expected"))
        scale_problem = QLabel()
        scale_problem.setWordWrap(True)
        scale_problem.setStyleSheet(BAD_STYLE)
        scale_problem.hide()
        self.field_problems["scale.uri"] = scale_problem
        cell = QVBoxLayout()
        cell.setSpacing(2)
        cell.addWidget(self.scale)
        cell.addWidget(scale_problem)
        form.addRow(_tr("Scale"), cell)
        self.camera = QComboBox()
        self.camera.setObjectName("camera.device")
        self.camera.addItem(_tr("No camera"), "off")
        self.camera.addItem(_tr("The computer's default camera"), "auto")
        try:
            cameras = first_start.camera_choices()
        except Exception:  # noqa: BLE001 - a list to choose from; "auto" still works
            cameras = []
        for choice in cameras:
            self.camera.addItem(coded_text(choice.text), choice.uri)
        if values.camera and self.camera.findData(values.camera) < 0:
            self.camera.addItem(values.camera, values.camera)
        self.camera.setCurrentIndex(max(0, self.camera.findData(values.camera or "off")))
        form.addRow(_tr("Camera (a photo of each packed box)"), self.camera)
        return box

    def _uri_combo(self, name: str, current: str, none_text: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        line_edit = combo.lineEdit()
        assert line_edit is not None  # an editable combo box has its line edit
        line_edit.setPlaceholderText(none_text)
        combo.addItem("", "")
        combo.setItemData(0, none_text, Qt.ItemDataRole.ToolTipRole)
        if current:
            combo.addItem(current, current)
        combo.setCurrentText(current)
        combo.setMinimumContentsLength(16)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        return combo

    # ------------------------------------------------------------ what the computer offers

    def refresh(self) -> None:
        self.found_label.setText(_tr("Looking for printers and serial ports…"))
        self._in_background("discover", self._discover)

    def _show_found(self, found: Found) -> None:
        self.found = found
        for combo in self.printer_combos.values():
            self._offer(combo, found.printers)
        self._offer(self.scale, found.scales)
        printers = ", ".join(coded_text(c.text) for c in found.printers) or _tr("no printer queues or serial ports")
        ports = [c for c in found.scales if not c.uri.startswith("sim:")]
        text = _tr("Found: {0}. Serial ports: {1}.").format(printers, len(ports))
        notes = " ".join(coded_text(note) for note in found.notes)  # the service's words by code
        self.found_label.setText(text + (" " + notes if notes else ""))

    @staticmethod
    def _offer(combo: QComboBox, choices: tuple[Choice, ...]) -> None:
        typed = combo.currentText()
        for choice in choices:
            index = combo.findData(choice.uri)
            if index < 0:
                combo.addItem(choice.uri, choice.uri)
                index = combo.count() - 1
            combo.setItemData(index, coded_text(choice.text), Qt.ItemDataRole.ToolTipRole)
        combo.setCurrentText(typed)

    # ------------------------------------------------------------ test print

    def test_print(self, role: str) -> None:
        uri = self.printer_combos[role].currentText().strip()
        result = self.print_results[role]
        result.setStyleSheet("")
        result.setText(_tr("Printing a test label on {0}…").format(uri) if uri else "")
        self.test_buttons[role].setEnabled(False)
        label_format = self.label_format if role == "label" else "pdf"
        self._in_background(f"print:{role}", lambda: first_start.print_test_label(
            role, uri, station=self.station, label_format=label_format, dpi=self.label_dpi))

    def _show_print(self, role: str, outcome: first_start.TestLabelResult) -> None:
        self.test_buttons[role].setEnabled(True)
        result = self.print_results[role]
        result.setStyleSheet(OK_STYLE if outcome.ok else BAD_STYLE)
        result.setText(coded_text(outcome.message))  # the service's words by code (app.it.first_start)
        result.show()

    # ------------------------------------------------------------ background work

    def _in_background(self, what: str, call: Callable[[], Any]) -> None:
        self._busy.add(what)

        def run() -> None:
            try:
                value: Any = call()
            except Exception as exc:  # noqa: BLE001 - shown in the dialog, never a traceback
                value = exc
            with contextlib.suppress(RuntimeError):  # the dialog was closed meanwhile: nobody waits for it
                self._background_done.emit(what, value)

        self._pool.submit(run)

    def _on_background_done(self, what: str, value: Any) -> None:
        self._busy.discard(what)
        if what == "discover":
            if isinstance(value, Exception):
                self.found_label.setText(_tr("Could not look for printers: {0}").format(value))
            else:
                self._show_found(value)
        elif what.startswith("print:"):
            role = what.split(":", 1)[1]
            if isinstance(value, Exception):
                value = first_start.TestLabelResult(False, _tr("The test print failed: {0}").format(value))
            self._show_print(role, value)

    @property
    def busy(self) -> bool:
        """A look for devices or a test print is still running (tests wait on this)."""
        return bool(self._busy)

    # ------------------------------------------------------------ saving

    def values(self) -> SetupValues:
        ship_from = {key: field.text() for key, field in self.fields.items()}
        ship_from["country"] = self.country.currentData() or ""
        return SetupValues(ship_from, self.printer_combos["label"].currentText().strip(),
                           self.printer_combos["document"].currentText().strip(), self.scale.currentText().strip(),
                           self.camera.currentData() or "off")

    def save(self) -> None:
        for key, label in self.field_problems.items():
            if not key.startswith("printers."):
                label.hide()
        try:
            self.saved_config = first_start.save(self.paths, self.values())
        except SetupError as exc:
            self._show_problems(exc.problems)
            return
        self.accept()

    def _show_problems(self, problems: dict[str, str]) -> None:
        for key, text in problems.items():
            label = self.field_problems.get(key)
            if label is not None:
                label.setStyleSheet(BAD_STYLE)
                label.setText(coded_text(text))
                label.show()
        count = len(problems)
        self.problem.setText(_tr("Not saved: {0} to correct. {1}").format(
            count, " · ".join(coded_text(text) for key, text in problems.items()
                              if key not in self.field_problems)).strip())
        self.problem.show()
        first = next(iter(problems))
        widget = self.fields.get(first.split(".", 1)[-1]) if first.startswith("ship_from.") else None
        if widget is not None:
            widget.setFocus()

    def done(self, result: int) -> None:  # noqa: D102 - QDialog's
        self._pool.shutdown(wait=False, cancel_futures=True)
        super().done(result)
