"""Icons from resources/icons/*.svg, recoloured at run time (one file serves both themes)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
ICONS_DIR = RESOURCES / "icons"

TONE_ICONS = {"accepted": "accepted", "rejected": "rejected", "warning": "warning", "complete": "complete",
              "attention": "attention", "info": "info"}


@lru_cache(maxsize=256)
def _svg(name: str, colour: str) -> bytes:
    path = ICONS_DIR / f"{name}.svg"
    text = path.read_text(encoding="utf-8") if path.exists() else (ICONS_DIR / "info.svg").read_text("utf-8")
    return text.replace("#COLOR#", colour).encode("utf-8")


@lru_cache(maxsize=256)
def pixmap(name: str, colour: str, size: int, ratio: float = 1.0) -> QPixmap:
    renderer = QSvgRenderer(QByteArray(_svg(name, colour)))
    out = QPixmap(round(size * ratio), round(size * ratio))
    out.fill(Qt.GlobalColor.transparent)
    painter = QPainter(out)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, out.width(), out.height()))
    painter.end()
    out.setDevicePixelRatio(ratio)
    return out


def icon(name: str, colour: str, size: int = 48) -> QIcon:
    return QIcon(pixmap(name, colour, size))
