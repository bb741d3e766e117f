"""A table shaped like the supervisor's floor (eight columns, one bench), for the table-fitting tests."""

from __future__ import annotations

from app.supervisor.tables import Col, TableData


def floor_like() -> TableData:
    columns = [Col("station", "Station"), Col("packer", "Packer"), Col("state", "State"), Col("order", "Order"),
               Col("last_activity", "Last activity"), Col("idle_s", "Quiet for"), Col("printer", "Printer"),
               Col("orders_today", "Orders today")]
    return TableData("Floor", columns, [["BENCH-01", "Priya Patel", "Waiting for an order", "SO-90002",
                                         "16:13", "16s", "Zebra ZD421 (ready)", "12"]])
