"""The period a supervisor's view covers: a preset (today, a shift, this week) or a custom range.

Views that show figures for a period mix in `PeriodChoice`; they own the widgets (`preset`, a
combo box filled from PRESETS, and the `since`/`until` date-time edits) and a `reload()`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime

from app.supervisor import periods


def _tr(text: str) -> str:
    return QCoreApplication.translate("SupervisorProductivity", text)


def _marked(text: str) -> str:
    """Marks a literal for the translation catalogue (app.ui.i18n); it is translated where shown."""
    return text


PRESETS: list[tuple[str, Callable[[], periods.Period] | None]] = [
    (_marked("Today"), periods.today),
    (_marked("Early shift (06–14)"), lambda: periods.shift("early")),
    (_marked("Late shift (14–22)"), lambda: periods.shift("late")),
    (_marked("Night shift (22–06)"), lambda: periods.shift("night")),
    (_marked("Yesterday"), periods.yesterday),
    (_marked("This week"), periods.this_week),
    (_marked("Custom range…"), None),
]


def preset_labels() -> list[str]:
    """The presets' names in the screen's language, for the period combo box."""
    return [_tr(name) for name, _ in PRESETS]


class PeriodChoice:
    preset: Any  # QComboBox
    since: Any  # QDateTimeEdit
    until: Any

    def reload(self) -> None:
        raise NotImplementedError

    def period(self) -> periods.Period:
        _name, make = PRESETS[self.preset.currentIndex()]
        if make is not None:
            return make()
        zone = periods.local_zone()
        since = self.since.dateTime().toPython().replace(tzinfo=zone)
        until = self.until.dateTime().toPython().replace(tzinfo=zone)
        return periods.Period(since, until, _tr("Custom"))

    def _preset_changed(self, index: int) -> None:
        custom = PRESETS[index][1] is None
        self.since.setVisible(custom)
        self.until.setVisible(custom)
        if not custom:
            self.reload()

    def set_custom(self, since: datetime, until: datetime) -> None:
        """Show a custom range (tests, and the report of a past shift)."""
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(len(PRESETS) - 1)
        self.preset.blockSignals(False)
        self._preset_changed(len(PRESETS) - 1)
        # (PySide6 makes a QDateTime of a Python datetime; its stubs list no such constructor)
        self.since.setDateTime(QDateTime(since.astimezone(periods.local_zone()).replace(tzinfo=None)))  # type: ignore[call-overload]
        self.until.setDateTime(QDateTime(until.astimezone(periods.local_zone()).replace(tzinfo=None)))  # type: ignore[call-overload]
