"""Render packstation.svg to the PNG the builds use (PyInstaller turns it into .ico / .icns with Pillow).

    QT_QPA_PLATFORM=offscreen python packaging/icons/render.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent


def main(size: int = 256) -> None:
    _app = QGuiApplication(sys.argv)
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(HERE / "packstation.svg")).render(painter)
    painter.end()
    image.save(str(HERE / "packstation.png"))


if __name__ == "__main__":
    main()
