"""The hourly chart: orders per hour as bars (left axis), units per hour as a line (right axis)."""

from __future__ import annotations

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QLineSeries, QValueAxis
from PySide6.QtCore import QCoreApplication, QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QWidget

from app.supervisor.productivity import HourPoint

ORDERS_COLOUR = "#1F5FAD"
UNITS_COLOUR = "#B07F00"


def _tr(text: str) -> str:
    return QCoreApplication.translate("SupervisorChart", text)


def _nice_max(value: float) -> float:
    """An axis maximum a little above the data that splits into five round steps (the axes have
    six ticks): 5, 10, 15, 20, 25, 30, 40, 50, 60, 75, 80, 100, ..."""
    if value <= 0:
        return 5
    step = 10 ** max(0, len(str(int(value))) - 1)
    for factor in (0.5, 1, 1.5, 2, 2.5, 3, 4, 5, 6, 7.5, 8, 10):
        top = step * factor
        if top >= value * 1.05 and top % 5 == 0:
            return top
    return step * 10


class HourlyChart(QChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("HourlyChart")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(220)
        self.points: list[HourPoint] = []
        chart = QChart()
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
        chart.legend().setFont(QFont(self.font().family(), 10))
        chart.setBackgroundRoundness(6)
        self.setChart(chart)
        self.show_points([], "")

    def show_points(self, points: list[HourPoint], title: str, *, multi_day: bool = False) -> None:
        self.points = points
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        small = QFont(self.font().family(), 9)
        chart.setTitle(title)
        chart.setTitleFont(QFont(self.font().family(), 11, QFont.Weight.DemiBold))
        labels = [p.start.strftime("%d %H:00" if multi_day else "%H:00") for p in points] or ["—"]
        orders = QBarSet(_tr("Orders"))
        orders.append([float(p.orders) for p in points] or [0.0])
        orders.setColor(QColor(ORDERS_COLOUR))
        orders.setBorderColor(QColor(ORDERS_COLOUR))
        bars = QBarSeries()
        bars.append(orders)
        bars.setBarWidth(0.7)
        units = QLineSeries()
        units.setName(_tr("Units"))
        pen = QPen(QColor(UNITS_COLOUR))
        pen.setWidth(3)
        units.setPen(pen)
        units.setPointsVisible(True)
        for i, p in enumerate(points):
            units.append(i, p.units)
        chart.addSeries(bars)
        chart.addSeries(units)
        categories = QBarCategoryAxis()
        categories.append(labels)
        categories.setLabelsFont(small)
        # Dense periods (a week) label every hour; the angle keeps them readable.
        categories.setLabelsAngle(-60 if len(labels) > 24 else 0)
        left = QValueAxis()
        left.setRange(0, _nice_max(max((p.orders for p in points), default=0)))
        left.setTickCount(6)
        left.setLabelFormat("%d")
        left.setTitleText(_tr("orders"))
        left.setLabelsFont(small)
        left.setTitleFont(small)
        right = QValueAxis()
        right.setRange(0, _nice_max(max((p.units for p in points), default=0)))
        right.setTickCount(6)
        right.setLabelFormat("%d")
        right.setTitleText(_tr("units"))
        right.setLabelsFont(small)
        right.setTitleFont(small)
        right.setLabelsColor(QColor(UNITS_COLOUR))
        right.setTitleBrush(QColor(UNITS_COLOUR))
        right.setGridLineVisible(False)
        chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(left, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(right, Qt.AlignmentFlag.AlignRight)
        bars.attachAxis(categories)
        bars.attachAxis(left)
        # A line over bar categories: x runs 0..n-1 on a hidden value axis aligned with the bars.
        x = QValueAxis()
        x.setRange(-0.5, max(len(points), 1) - 0.5)
        x.setVisible(False)
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        units.attachAxis(x)
        units.attachAxis(right)
        self.setAccessibleDescription(", ".join(f"{label}: {p.orders} orders, {p.units} units"
                                                for label, p in zip(labels, points, strict=False)))
