"""A key that cannot act must not look like the one to press: a disabled Primary button is drawn
as every disabled button is, not in the accent colour (the bulk tab's pallet-label key, issue 20)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QPushButton

from app.ui.theme import apply_theme


def _centre_colour(button: QPushButton) -> str:
    button.resize(160, 60)
    image = button.grab().toImage()
    return image.pixelColor(image.width() // 2, 8).name()


def test_a_disabled_primary_button_is_not_drawn_in_the_accent(qtbot):
    apply_theme(QApplication.instance(), "light", 1080)
    enabled, disabled, plain = QPushButton(""), QPushButton(""), QPushButton("")
    for button in (enabled, disabled, plain):
        qtbot.addWidget(button)
    enabled.setObjectName("Primary")
    disabled.setObjectName("Primary")
    disabled.setEnabled(False)
    plain.setEnabled(False)
    assert _centre_colour(disabled) != _centre_colour(enabled)
    assert _centre_colour(disabled) == _centre_colour(plain)
