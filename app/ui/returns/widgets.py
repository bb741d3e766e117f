"""Small widget makers shared by the returns window's tabs (returns bench, cycle count)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from app.ui.reflow import FlowLayout


def label(text: str = "", name: str = "", wrap: bool = True) -> QLabel:
    """A label styled by the theme's object `name` (Headline, Muted, Chip...)."""
    widget = QLabel(text)
    if name:
        widget.setObjectName(name)
    widget.setWordWrap(wrap)
    return widget


def title_row(title: QLabel, chip: QLabel) -> FlowLayout:
    """The big title (an order or a bin) with its status chip beside it, left-aligned; on a panel
    too narrow for both (1024×768 at 150 %) the chip goes under the title."""
    row = FlowLayout(spacing=12, centre=True)
    row.addWidget(title)
    row.addWidget(chip)
    return row
