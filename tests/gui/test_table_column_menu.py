"""The supervisor tables' column menu (right-click on a header) shows the supervisor's own choice:
a column the table hid for lack of room stays ticked and says it is hidden for room; a column the
supervisor unticked stays hidden when the window widens again."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.ui.supervisor.widgets import DataTable, DataTableModel  # noqa: E402
from tests.gui.floor_table import floor_like  # noqa: E402


def _settle(qtbot) -> None:
    for _ in range(4):
        qtbot.wait(10)


def _menu(table: DataTable) -> dict[str, bool]:
    return {action.text(): action.isChecked() for action in table.column_menu().actions()}


def _narrow_floor(qtbot) -> DataTable:
    """A floor-like table just too narrow for its time of last activity (dropped for room)."""
    model = DataTableModel()
    table = DataTable(model, stretch="printer", narrow_drops=("last_activity", "orders_today"))
    qtbot.addWidget(table)
    model.set_table(floor_like())
    table.resize(1400, 200)
    table.show()
    _settle(qtbot)
    frame = table.width() - table.viewport().width()
    table.resize(frame + (table.least_width() + table.least_width({"last_activity"})) // 2, 200)
    _settle(qtbot)
    assert table.dropped() == {"last_activity"}
    return table


def test_a_column_hidden_for_room_is_ticked_and_says_it_is_hidden_for_room(qtbot):
    """GIVEN the floor table too narrow for its time of last activity, which it hid for room
    WHEN the supervisor opens the header's column menu
    THEN that column is still ticked (the supervisor never unticked it) and its line says it is
    hidden for lack of room; every other column is ticked under its plain title."""
    table = _narrow_floor(qtbot)

    menu = _menu(table)

    assert menu["Last activity (hidden: not enough room)"] is True
    assert "Last activity" not in menu
    assert menu["Orders today"] is True and menu["Station"] is True


def test_unticking_a_column_hidden_for_room_keeps_it_hidden_when_the_window_widens(qtbot):
    """GIVEN the same narrow floor table, its time of last activity hidden for room
    WHEN the supervisor unticks that column in the menu, and the window then widens
    THEN the menu shows it unticked under its plain title, and it stays hidden in the wide table."""
    table = _narrow_floor(qtbot)
    line = next(a for a in table.column_menu().actions() if a.text().startswith("Last activity"))

    line.setChecked(False)
    table.resize(1400, 200)
    _settle(qtbot)

    assert _menu(table)["Last activity"] is False
    assert table.dropped() == set()
    assert table.isColumnHidden(4)
