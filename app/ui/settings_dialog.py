"""The station's settings, behind the admin gate: printers, scanners, scale, camera, sound, screen.

Station keys go to station.toml through app.it.stationfile.update_file (the one TOML writer, on
tomlkit): validated by app.config.parse_config and the device drivers' URI checks before anything
is written, so a bad value is named on screen and never reaches the file. Keys this dialog does not
show ([database], [ship_from], inline tables...) and the comments IT wrote are kept as they were.
Screen keys go to ui.toml (see ui_settings).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QStyle,
    QStyleOptionButton,
    QVBoxLayout,
    QWidget,
)

from app.config import Config, ConfigError
from app.it.stationfile import check_device_uris, update_file
from app.ui.fitting_tabs import FittingTabs
from app.ui.i18n import LANGUAGE_NAMES
from app.ui.messages import error_text
from app.ui.reflow import fit_minimum, screen_room
from app.ui.ui_settings import LANGUAGES, THEMES, UiSettings
from app.ui.wedge import MODES, SUFFIXES, WedgeSettings


def _tr(text: str) -> str:
    return QCoreApplication.translate("SettingsDialog", text)


@dataclass(frozen=True)
class StationValues:
    label_printer: str = ""
    document_printer: str = ""
    scale: str = ""
    weigh_parcels: bool = False
    weight_tolerance_g: int = 50
    weight_tolerance_pct: float = 5.0
    serial_scanners: tuple[str, ...] = ()
    camera_device: str = "off"
    photo_retention_days: int = 90

    @classmethod
    def from_config(cls, config: Config) -> StationValues:
        return cls(config.label_printer, config.document_printer, config.scale, config.packing.weigh_parcels,
                   config.packing.weight_tolerance_g, float(config.packing.weight_tolerance_pct),
                   tuple(config.scanner.serial), config.camera.device, config.camera.retention_days)


HEADER = "Packstation station configuration (see README: configure a station)."


def station_changes(values: StationValues) -> dict[str, dict[str, Any]]:
    """The dialog's keys of station.toml; an empty value means "not configured" (the key is removed)."""
    return {
        "printers": {"label": values.label_printer.strip(), "document": values.document_printer.strip()},
        "scale": {"uri": values.scale.strip()},
        "packing": {"weigh_parcels": values.weigh_parcels, "weight_tolerance_g": int(values.weight_tolerance_g),
                    "weight_tolerance_pct": round(float(values.weight_tolerance_pct), 2)},
        "scanner": {"serial": [uri.strip() for uri in values.serial_scanners if uri.strip()]},
        "camera": {"device": values.camera_device.strip() or "off",
                   "retention_days": int(values.photo_retention_days)},
    }


def save_station_config(path: Path, values: StationValues) -> Config:
    """Validate, then write; raises ConfigError naming the key when a value is refused."""
    return update_file(path, station_changes(values), source=path.name, header=HEADER,
                       check=lambda config: check_device_uris(config, path.name))


class SetupButton(QPushButton):
    """The setup button: its words break after the colon when the dialog is narrower than them
    (German in the 17-22 px text of a 1024/1080 px monitor), rather than being cut."""

    def __init__(self, text: str, parent=None) -> None:
        super().__init__(text, parent)
        self._words = text
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        opt = QStyleOptionButton()
        opt.initFrom(self)
        room = self.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, opt, self).width()
        fits = self.fontMetrics().horizontalAdvance(self._words) <= room
        text = self._words if fits else self._words.replace(": ", ":\n", 1)
        if text != self.text():
            self.setText(text)


class SettingsDialog(QDialog):
    test_sound = Signal(int)
    setup_requested = Signal()  # Station setup: ship-from, printers with a test print, scale, camera

    def __init__(self, config_path: Path, station: StationValues, ui: UiSettings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.config_path = config_path
        self.saved_config: Config | None = None
        self.saved_ui: UiSettings | None = None
        self.setWindowTitle(_tr("Station settings"))
        fit_minimum(self, 640, 460)  # 1024×768 at 150 % is 683×512, 1280×720 853×480
        # Six tabs need more than 640 px: the dialog widens to show their full titles where the screen
        # has room (showEvent), and shows short ones where it has not (683 px, German), never scroll arrows.
        self.tabs = tabs = FittingTabs()
        tabs.add_tab(self._printers_tab(station), _tr("Printers"), _tr("Printers"))
        tabs.add_tab(self._scanner_tab(ui.scanner), _tr("Scanner"), _tr("Scanner"))
        tabs.add_tab(self._serial_tab(station), _tr("Serial scanners"), _tr("Serial"))
        tabs.add_tab(self._scale_tab(station), _tr("Scale"), _tr("Scale"))
        tabs.add_tab(self._camera_tab(station), _tr("Camera"), _tr("Camera"))
        tabs.add_tab(self._screen_tab(ui), _tr("Screen and sound"), _tr("Screen"))
        self.problem = QLabel()
        self.problem.setObjectName("SettingsProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #B3261E; font-weight: 700;")
        self.problem.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setObjectName("Primary")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        where = QLabel(_tr("Saved to {0}").format(config_path))
        where.setObjectName("Hint")
        where.setWordWrap(True)
        setup = SetupButton(_tr("Station setup: ship-from address, printers (test print), scale, camera…"))
        setup.setObjectName("StationSetupButton")
        setup.clicked.connect(self.setup_requested.emit)
        self._body = layout = QVBoxLayout(self)
        layout.addWidget(setup)
        layout.addWidget(tabs, 1)
        layout.addWidget(self.problem)
        layout.addWidget(where)
        layout.addWidget(buttons)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """Wide enough for the tabs' full titles where the screen has room (Qt's first size stops at
        two thirds of the screen: 682 px of a 1024 px monitor, short of six German tabs at 16 px)."""
        super().showEvent(event)
        margins = self._body.contentsMargins()
        wanted = min(self.tabs.full_width() + margins.left() + margins.right(), screen_room(self).width())
        if not event.spontaneous() and self.width() < wanted:
            self.resize(wanted, self.height())

    # -- tabs

    def _printers_tab(self, s: StationValues) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.label_printer = QLineEdit(s.label_printer)
        self.label_printer.setPlaceholderText("tcp://10.0.0.5:9100")
        self.document_printer = QLineEdit(s.document_printer)
        self.document_printer.setPlaceholderText("ipp://printer.local/ipp/print")
        form.addRow(_tr("Label printer URI"), self.label_printer)
        form.addRow(_tr("Document printer URI"), self.document_printer)
        hint = QLabel(_tr("Empty: labels and slips go to the spool folder."))
        hint.setObjectName("Hint")
        form.addRow("", hint)
        return page

    def _scanner_tab(self, w: WedgeSettings) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.scanner_mode = QComboBox()
        for mode, text in zip(MODES, (_tr("Keyboard wedge, told apart by speed"), _tr("Keyboard wedge with a prefix"),
                                      _tr("Not a keyboard (serial scanner)")), strict=True):
            self.scanner_mode.addItem(text, mode)
        self.scanner_mode.setCurrentIndex(MODES.index(w.mode))
        self.prefix = QLineEdit(w.prefix)
        self.prefix.setMaxLength(8)
        self.suffix = QComboBox()
        for suffix, text in zip(SUFFIXES, (_tr("Enter"), _tr("Tab"), _tr("Enter or Tab"), _tr("None (pause)")),
                                strict=True):
            self.suffix.addItem(text, suffix)
        self.suffix.setCurrentIndex(list(SUFFIXES).index(w.suffix))
        self.max_gap = QSpinBox()
        self.max_gap.setRange(5, 500)
        self.max_gap.setSuffix(" ms")
        self.max_gap.setValue(w.max_gap_ms)
        self.min_length = QSpinBox()
        self.min_length.setRange(1, 64)
        self.min_length.setValue(w.min_length)
        form.addRow(_tr("Scanner"), self.scanner_mode)
        form.addRow(_tr("Prefix"), self.prefix)
        form.addRow(_tr("Suffix"), self.suffix)
        form.addRow(_tr("Longest pause inside a scan"), self.max_gap)
        form.addRow(_tr("Shortest scan"), self.min_length)
        return page

    def _serial_tab(self, s: StationValues) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        title = QLabel(_tr("Serial and USB-serial scanners (one URI each)"))
        self.serial_scanners = UriList(s.serial_scanners, "usb://0c2e:0b61/A1B2C3?suffix=cr&name=hand")
        hint = QLabel(_tr("Prefer usb://vendor:product/serial: it survives a reboot and another USB socket. "
                          "`packstation devices list` prints the URI to copy. Examples: "
                          "serial:///dev/ttyACM0?baud=115200&suffix=crlf · sim://scanner (the simulator). "
                          "A keyboard-wedge scanner needs no entry here."))
        hint.setObjectName("Hint")
        hint.setWordWrap(True)
        layout.addWidget(title)
        layout.addWidget(self.serial_scanners, 1)
        layout.addWidget(hint)
        return page

    def _scale_tab(self, s: StationValues) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.scale = QLineEdit(s.scale)
        self.scale.setPlaceholderText("serial:///dev/ttyUSB0?baud=9600  ·  sim://scale")
        self.weigh = QCheckBox(_tr("Weigh every parcel"))
        self.weigh.setChecked(s.weigh_parcels)
        self.tolerance_g = QSpinBox()
        self.tolerance_g.setRange(0, 10000)
        self.tolerance_g.setSuffix(" g")
        self.tolerance_g.setValue(s.weight_tolerance_g)
        self.tolerance_pct = QDoubleSpinBox()
        self.tolerance_pct.setRange(0, 100)
        self.tolerance_pct.setSuffix(" %")
        self.tolerance_pct.setValue(s.weight_tolerance_pct)
        form.addRow(_tr("Scale URI"), self.scale)
        form.addRow("", self.weigh)
        form.addRow(_tr("Weight tolerance"), self.tolerance_g)
        form.addRow(_tr("… or percent of expected"), self.tolerance_pct)
        return page

    def _camera_tab(self, s: StationValues) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.camera = QComboBox()
        self.camera.setEditable(True)
        self.camera.addItem(_tr("Off (no photos)"), "off")
        self.camera.addItem(_tr("The system's default camera"), "auto")
        self._select_camera(s.camera_device)
        find = QPushButton(_tr("Look for cameras"))
        find.clicked.connect(self._find_cameras)
        row = QHBoxLayout()
        row.addWidget(self.camera, 1)
        row.addWidget(find)
        self.retention = QSpinBox()
        self.retention.setRange(0, 3650)
        self.retention.setSuffix(_tr(" days"))
        self.retention.setSpecialValueText(_tr("keep for ever"))
        self.retention.setValue(s.photo_retention_days)
        self.cameras_found = QLabel()
        self.cameras_found.setObjectName("Hint")
        form.addRow(_tr("Box camera"), row)
        form.addRow("", self.cameras_found)
        form.addRow(_tr("Keep photos"), self.retention)
        hint = QLabel(_tr("A photo of the open box is taken when an order is packed and kept with its parcel. "
                          "Older photos are deleted when the station starts."))
        hint.setObjectName("Hint")
        hint.setWordWrap(True)
        form.addRow("", hint)
        return page

    def _select_camera(self, device: str) -> None:
        device = device.strip() or "off"
        index = self.camera.findData(device.lower() if device.lower() in ("off", "auto") else device)
        if index < 0:
            self.camera.addItem(device, device)
            index = self.camera.count() - 1
        self.camera.setCurrentIndex(index)

    def _find_cameras(self) -> None:
        from app.devices.camera import list_cameras

        current = self.camera_device()
        found = list_cameras()
        for camera in found:
            name = camera["description"]
            if self.camera.findData(name) < 0:
                self.camera.addItem(name, name)
        self._select_camera(current)
        names = ", ".join(camera["description"] for camera in found)
        self.cameras_found.setText(_tr("Found: {0}").format(names) if found
                                   else _tr("No camera found (or camera support is not installed)."))

    def camera_device(self) -> str:
        text = self.camera.currentText().strip()
        index = self.camera.findText(text)
        if index >= 0 and self.camera.itemData(index):
            return str(self.camera.itemData(index))
        return text or "off"

    def _screen_tab(self, ui: UiSettings) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.language = QComboBox()
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES.get(code, code), code)
        self.language.setCurrentIndex(LANGUAGES.index(ui.language))
        self.theme = QComboBox()
        for code, text in zip(THEMES, (_tr("Light"), _tr("Dark")), strict=True):
            self.theme.addItem(text, code)
        self.theme.setCurrentIndex(THEMES.index(ui.theme))
        self.fullscreen = QCheckBox(_tr("Full screen (kiosk)"))
        self.fullscreen.setChecked(ui.fullscreen)
        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setRange(0, 100)
        self.volume.setValue(ui.volume)
        self.volume_value = QLabel(f"{ui.volume}%")
        self.volume.valueChanged.connect(lambda v: self.volume_value.setText(f"{v}%"))
        test = QPushButton(_tr("Test sound"))
        test.clicked.connect(lambda: self.test_sound.emit(self.volume.value()))
        row = QHBoxLayout()
        row.addWidget(self.volume, 1)
        row.addWidget(self.volume_value)
        row.addWidget(test)
        form.addRow(_tr("Language"), self.language)
        form.addRow(_tr("Theme"), self.theme)
        form.addRow("", self.fullscreen)
        form.addRow(_tr("Sound volume"), row)
        return page

    # -- saving

    def station_values(self) -> StationValues:
        return StationValues(self.label_printer.text(), self.document_printer.text(), self.scale.text(),
                             self.weigh.isChecked(), self.tolerance_g.value(), self.tolerance_pct.value(),
                             self.serial_scanners.uris(), self.camera_device(), self.retention.value())

    def ui_values(self) -> UiSettings:
        scanner = WedgeSettings(mode=self.scanner_mode.currentData(), prefix=self.prefix.text(),
                                suffix=self.suffix.currentData(), max_gap_ms=self.max_gap.value(),
                                min_length=self.min_length.value())
        return UiSettings(language=self.language.currentData(), theme=self.theme.currentData(),
                          volume=self.volume.value(), fullscreen=self.fullscreen.isChecked(), scanner=scanner)

    def save(self) -> None:
        try:
            ui = self.ui_values()
        except ValueError as exc:
            self._fail(str(exc))
            return
        try:
            self.saved_config = save_station_config(self.config_path, self.station_values())
        except (ConfigError, OSError, ValueError) as exc:
            self._fail(error_text(exc))  # a setting's problem worded from its code (app.config_reasons)
            return
        self.saved_ui = ui
        self.accept()

    def _fail(self, text: str) -> None:
        self.problem.setText(_tr("Not saved: {0}").format(text))
        self.problem.show()


class UriList(QWidget):
    """An editable list of device URIs: Add, Remove, double-click (or F2) to edit."""

    def __init__(self, uris: tuple[str, ...] | list[str], placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setObjectName("UriList")
        self.list.setMinimumHeight(120)
        self.entry = QLineEdit()
        self.entry.setPlaceholderText(placeholder)
        self.entry.returnPressed.connect(self.add)
        add = QPushButton(_tr("Add"))
        add.clicked.connect(self.add)
        remove = QPushButton(_tr("Remove"))
        remove.clicked.connect(self.remove)
        entry_row = QHBoxLayout()
        entry_row.addWidget(self.entry, 1)
        entry_row.addWidget(add)
        entry_row.addWidget(remove)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(entry_row)
        for uri in uris:
            self._append(uri)

    def _append(self, uri: str) -> None:
        item = QListWidgetItem(uri)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.list.addItem(item)

    def add(self) -> None:
        uri = self.entry.text().strip()
        if uri:
            self._append(uri)
            self.entry.clear()

    def remove(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)

    def uris(self) -> tuple[str, ...]:
        """The list's URIs, plus one typed in the field but not added yet (saving should not lose it)."""
        found = [self.list.item(i).text().strip() for i in range(self.list.count())]
        pending = self.entry.text().strip()
        return tuple(uri for uri in [*found, pending] if uri)
