"""The period a supervisor's view covers: a preset (today, a shift, this week) or a custom range.

Views that show figures for a period mix in `PeriodChoice`; they own the widgets (`preset`, a
combo box filled from PRESETS, and the `since`/`until` date-time edits) and a `reload()`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale

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


# The labels app.supervisor.periods gives its periods, for the catalogue; worded where shown.
PERIOD_LABELS = (_marked("Today"), _marked("Yesterday"), _marked("This week"), _marked("Early shift"),
                 _marked("Late shift"), _marked("Night shift"))


def period_text(period: periods.Period) -> str:
    """The period in the supervisor's language: in English `Period.describe()` as the CLI and the shift
    report say it ("Today: Tue 24 Nov 2026"); otherwise the same shape, with the day and month names
    of the installed language (QLocale) and the label translated ("Heute: Di. 24 Nov. 2026")."""
    locale = QLocale()
    if locale.language() in (QLocale.Language.English, QLocale.Language.C):
        return period.describe()

    def day(moment: datetime | date, year: bool = True) -> str:
        # Qt's date formats, translated too: German "ddd, d. MMM yyyy" (Di., 24. Nov. 2026)
        shape = _tr("ddd dd MMM yyyy") if year else _tr("ddd dd MMM")
        return locale.toString(QDate(moment.year, moment.month, moment.day), shape)

    start, end = period.since, period.until
    midnight = start.time() == time(0) and end.time() == time(0)
    last_day = (end - timedelta(microseconds=1)).date()
    if midnight and last_day == start.date():
        text = day(start)
    elif midnight:
        text = f"{day(start, False)} – {day(last_day)}"
    elif start.date() == last_day:
        text = f"{day(start)}, {start:%H:%M}–{end:%H:%M}"
    else:
        text = f"{day(start, False)} {start:%H:%M} – {day(end)} {end:%H:%M}"
    label = period.label
    if label in PERIOD_LABELS:
        label = _tr(label)
    elif label == f"{start:%a %d %b}":  # a day named by its date (periods.day): the date says it
        label = ""
    return f"{label}: {text}" if label and label != text else text


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
