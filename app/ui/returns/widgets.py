"""Small widget makers shared by the returns window's tabs (returns bench, cycle count)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel


def label(text: str = "", name: str = "", wrap: bool = True) -> QLabel:
    """A label styled by the theme's object `name` (Headline, Muted, Chip...)."""
    widget = QLabel(text)
    if name:
        widget.setObjectName(name)
    widget.setWordWrap(wrap)
    return widget


def title_row(title: QLabel, chip: QLabel) -> QHBoxLayout:
    """The big title (an order or a bin) with its status chip beside it, left-aligned."""
    row = QHBoxLayout()
    row.addWidget(title)
    row.addSpacing(12)
    row.addWidget(chip, 0, Qt.AlignmentFlag.AlignVCenter)
    row.addStretch(1)
    return row
