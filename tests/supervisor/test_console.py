"""The supervisor's console (real widgets, offscreen): it shows the same figures as the CLI, never
queries on the GUI thread, records decisions, and opens only behind a supervisor's PIN."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select, update

from app.domain.model import Role
from app.store.models import PackEvent, User
from app.store.users import hash_pin
from app.supervisor.access import Supervisor
from app.supervisor.tables import display
from app.ui.supervisor.window import SupervisorWindow
from tests.supervisor.scenario import ALEX, DAY, PRIYA, local_hours

SAM = Supervisor(2, "Sam Supervisor", Role.SUPERVISOR, "S-2001")


@pytest.fixture
def window(qtbot, service):
    window = SupervisorWindow(lambda: service, console="SUP-TEST", floor_interval_ms=200)
    qtbot.addWidget(window)
    window.resize(1440, 900)
    window.show()
    yield window
    window.shutdown()


def settle(qtbot, window) -> None:
    qtbot.waitUntil(lambda: window.runner.idle, timeout=10_000)


def test_the_floor_refreshes_by_itself_off_the_gui_thread(qtbot, window):
    results = []
    window.runner.done.connect(results.append)
    window.begin_as(SAM)
    qtbot.waitUntil(lambda: sum(r.key == "floor" for r in results) >= 3, timeout=10_000)
    floor = [r for r in results if r.key == "floor"]
    assert all(r.ok and r.thread != threading.get_ident() for r in floor)
    model = window.floor.model
    assert [model.value(row, "station") for row in range(model.rowCount())] == ["BENCH-1", "BENCH-2"]
    assert model.data(model.index(0, model.table.index("state"))) == "Signed out"


def test_the_floor_line_counts_one_station_as_one_station(qtbot, window):
    """GIVEN the floor of two stations WHEN a snapshot holds only one THEN its line says "1 station"."""
    shown = []
    window.floor.refreshed.connect(shown.append)
    window.begin_as(SAM)
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert window.floor.updated.text().startswith("2 stations · updated ")
    window.floor.timer.stop()
    window.floor.show_snapshot(replace(shown[-1], stations=shown[-1].stations[:1]))
    assert window.floor.updated.text().startswith("1 station · updated ")


def test_the_productivity_table_shows_the_figures_the_cli_prints(qtbot, window):
    window.begin_as(SAM)
    view = window.productivity
    view.set_custom(DAY, DAY + timedelta(days=1))
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.reload()
    model = view.model
    shown = {model.value(row, "name"): row for row in range(model.rowCount())}
    assert list(shown) == ["Priya Patel", "Alex Packer", "All"]

    def cell(name: str, key: str) -> str:
        return model.data(model.index(shown[name], model.table.index(key)))

    for truth in (ALEX, PRIYA):
        assert cell(truth.name, "orders") == str(truth.orders)
        assert cell(truth.name, "units") == str(truth.units)
        assert cell(truth.name, "orders_per_h") == display("rate", truth.orders_per_h)
        assert cell(truth.name, "median_s") == display("seconds", truth.median_s)
        assert cell(truth.name, "idle_s") == display("hours", truth.idle_s)
    assert cell("All", "orders") == "6" and cell("All", "rank") == ""
    assert view.cards["orders"].value.text() == "6"
    assert [p.orders for p in view.chart.points] == list(local_hours(ALEX, PRIYA).values())  # [6] in UTC
    model.sort(model.table.index("orders"), Qt.SortOrder.DescendingOrder)
    assert [model.value(r, "name") for r in range(3)] == ["Alex Packer", "Priya Patel", "All"]  # total stays last
    with qtbot.waitSignal(window.runner.done, timeout=10_000, check_params_cb=lambda r: r.key == "hourly"):
        view.table.selectRow(0)
    assert [p.orders for p in view.chart.points] == list(local_hours(ALEX).values())  # [4]


def test_a_hold_is_released_from_the_queue_with_a_reason(qtbot, window, engine):
    window.begin_as(SAM)
    window.tabs.setCurrentWidget(window.holds)
    settle(qtbot, window)
    holds = window.holds
    assert window.tabs.tabText(window.tabs.indexOf(holds)) == "Holds (1)"
    holds.table.selectRow(0)
    assert holds.heading.text() == "Order 1005: Short pick"
    holds.release.click()
    settle(qtbot, window)
    assert "reason" in holds.problem.text()  # refused without a reason; nothing recorded
    holds.reason.setText("replacement socks from A-01-2")
    with qtbot.waitSignal(holds.resolved, timeout=10_000) as resolved:
        holds.release.click()
    assert resolved.args == ["1005", "open"]
    settle(qtbot, window)
    assert holds.model.rowCount() == 0 and window.tabs.tabText(window.tabs.indexOf(holds)) == "Holds"
    with engine.connect() as conn:
        recorded = conn.execute(select(PackEvent.station, PackEvent.packer_id).where(
            PackEvent.type == "hold_resolved")).all()
    assert recorded == [("SUP-TEST", 2)]


def test_an_orders_audit_trail_opens_from_a_search(qtbot, window):
    window.begin_as(SAM)
    with qtbot.waitSignal(window.audit.history_shown, timeout=10_000):
        window.show_order("1011")
    assert window.audit.title.text().startswith("Order 1011")
    trail = window.audit.events_model
    assert trail.rowCount() == len(window.audit.history.events) > 5


def test_the_console_opens_only_for_a_supervisor_pin_and_locks_after_five_wrong_ones(qtbot, window, engine):
    with engine.begin() as conn:
        conn.execute(update(User).where(User.name == "Sam Supervisor").values(pin_hash=hash_pin("246810")))
    assert not window.tabs.isEnabled()
    dialog = window.begin()
    dialog.who.setText("PS:BADGE:S-2001")
    for _ in range(5):
        dialog.pin.setText("0000")
        dialog.submit()
        qtbot.waitUntil(lambda: dialog.ok.isEnabled(), timeout=10_000)
    assert "locked" in dialog.problem.text() and not window.tabs.isEnabled()
    dialog.pin.setText("246810")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.ok.isEnabled(), timeout=10_000)
    assert "locked until" in dialog.problem.text() and window.supervisor is None
    with engine.begin() as conn:
        conn.execute(update(User).where(User.name == "Sam Supervisor").values(locked_until=None))
    dialog.pin.setText("246810")
    with qtbot.waitSignal(window.signed_in, timeout=10_000):
        dialog.submit()
    assert window.tabs.isEnabled() and window.who.text() == "Sam Supervisor · supervisor"
    window.idle_lock_s = 0
    with qtbot.waitSignal(window.locked, timeout=30_000):
        window._check_idle()
    assert not window.tabs.isEnabled()
    settle(qtbot, window)
    with engine.connect() as conn:
        kinds = conn.execute(select(PackEvent.type).where(PackEvent.station == "SUP-TEST")
                             .order_by(PackEvent.seq)).scalars().all()
    assert kinds[-2:] == ["supervisor_signed_in", "supervisor_signed_out"]
    assert kinds.count("supervisor_locked_out") == 1
