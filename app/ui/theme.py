"""Light and dark themes, sized for a screen read at arm's length.

One stylesheet for the whole window, built from a palette and a base text size that follows
the screen height (16 px at 768 lines, 22 px at 1080), so a 1366×768 bench terminal and a
1920×1080 monitor both show large type without scrolling. Tone colours pass WCAG AA with
their text colour; the tone is never shown by colour alone (every banner has an icon and words).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from app.domain.events import Tone

MIN_TOUCH_PX = 48  # the smallest button or row a gloved finger hits reliably


@dataclass(frozen=True)
class Palette:
    name: str
    window: str
    surface: str  # cards, tables
    surface_alt: str  # alternate rows, headers
    text: str
    muted: str
    border: str
    accent: str
    accent_text: str


LIGHT = Palette("light", window="#EEF1F4", surface="#FFFFFF", surface_alt="#F5F7F9", text="#14181D",
                muted="#4F5B66", border="#C9D1D9", accent="#1F5FAD", accent_text="#FFFFFF")
DARK = Palette("dark", window="#15191E", surface="#1F252C", surface_alt="#262D35", text="#F1F4F7",
               muted="#A9B4BF", border="#3A444F", accent="#5A9BE6", accent_text="#0B0F14")
THEMES = {"light": LIGHT, "dark": DARK}

# (background, text) per tone; the same in both themes so a packer learns one set of signals.
TONE_COLOURS: dict[Tone, tuple[str, str]] = {
    Tone.ACCEPTED: ("#1B7A36", "#FFFFFF"),
    Tone.COMPLETE: ("#0B5E7A", "#FFFFFF"),
    Tone.REJECTED: ("#B3261E", "#FFFFFF"),
    Tone.WARNING: ("#F2B200", "#1A1400"),
    Tone.ATTENTION: ("#5B3DB5", "#FFFFFF"),
    Tone.INFO: ("#3E4C59", "#FFFFFF"),
}

# Line states in the packing table: (text colour on the surface) per state.
STATE_COLOURS = {"done": "#1B7A36", "partial": "#9A6A00", "todo": "", "serial": "#5B3DB5"}


def base_px(screen_height: int) -> int:
    return max(15, min(24, round(screen_height / 48)))


def tone_colours(tone: Tone) -> tuple[str, str]:
    return TONE_COLOURS.get(tone, TONE_COLOURS[Tone.INFO])


def stylesheet(palette: Palette, base: int) -> str:
    p = palette
    big = round(base * 1.35)
    huge = round(base * 1.9)
    small = max(13, round(base * 0.85))
    return f"""
    QWidget {{ color: {p.text}; font-size: {base}px; }}
    QMainWindow, QDialog, #Screen {{ background: {p.window}; }}
    QLabel {{ background: transparent; }}
    #TopBar {{ background: {p.surface}; border-bottom: 1px solid {p.border}; }}
    #TopBar QLabel {{ font-size: {small}px; color: {p.muted}; }}
    #TopBar QLabel#StationName, #TopBar QLabel#PackerName {{ font-size: {base}px; color: {p.text};
        font-weight: 600; }}
    #Card {{ background: {p.surface}; border: 1px solid {p.border}; border-radius: 8px; }}
    #Card QLabel#CardTitle {{ font-size: {small}px; color: {p.muted}; font-weight: 600; }}
    QLabel#Headline {{ font-size: {huge}px; font-weight: 700; }}
    QLabel#Big {{ font-size: {big}px; font-weight: 600; }}
    QLabel#Muted {{ color: {p.muted}; }}
    QLabel#Hint {{ color: {p.muted}; font-size: {small}px; }}
    QLabel#OrderNumber {{ font-size: {huge}px; font-weight: 700; }}
    QLabel#Chip {{ border-radius: 6px; padding: 2px 10px; font-weight: 700; font-size: {small}px; }}
    QFrame#Instructions {{ background: #FFF4CC; border: 2px solid #F2B200; border-radius: 8px; }}
    QFrame#Instructions QLabel {{ color: #1A1400; }}
    QFrame#Gift {{ background: {p.surface_alt}; border: 1px dashed {p.border}; border-radius: 8px; }}
    QFrame#Stop {{ background: #B3261E; border-radius: 10px; }}
    QFrame#Stop QLabel {{ color: #FFFFFF; }}
    QPushButton {{ min-height: {MIN_TOUCH_PX}px; min-width: {MIN_TOUCH_PX}px; padding: 4px 12px;
        background: {p.surface}; border: 1px solid {p.border}; border-radius: 8px; }}
    QPushButton:hover {{ border-color: {p.accent}; }}
    QPushButton:pressed {{ background: {p.surface_alt}; }}
    QPushButton:disabled {{ color: {p.muted}; background: {p.surface_alt}; border-color: {p.surface_alt}; }}
    QPushButton#Primary {{ background: {p.accent}; color: {p.accent_text}; border-color: {p.accent};
        font-weight: 700; }}
    QPushButton#Primary:disabled {{ color: {p.muted}; background: {p.surface_alt}; border-color: {p.surface_alt}; }}
    QPushButton#Action {{ font-size: {small}px; font-weight: 600; padding: 2px 6px; }}
    QLineEdit, QSpinBox, QDoubleSpinBox, QComboBox {{ min-height: {MIN_TOUCH_PX - 8}px; padding: 2px 8px;
        background: {p.surface}; border: 1px solid {p.border}; border-radius: 6px; }}
    QLineEdit:focus, QComboBox:focus, QSpinBox:focus {{ border: 2px solid {p.accent}; }}
    QTableView {{ background: {p.surface}; alternate-background-color: {p.surface_alt}; border: 1px solid {p.border};
        border-radius: 8px; gridline-color: {p.border}; font-size: {round(base * 1.1)}px;
        selection-background-color: {p.surface_alt}; selection-color: {p.text}; }}
    QHeaderView::section {{ background: {p.surface_alt}; color: {p.muted}; border: none;
        border-bottom: 1px solid {p.border}; padding: 6px; font-size: {small}px; font-weight: 600; }}
    QProgressBar {{ border: 1px solid {p.border}; border-radius: 8px; background: {p.surface_alt};
        text-align: center; font-weight: 700; color: {p.text}; }}
    QProgressBar::chunk {{ background: #1B7A36; border-radius: 7px; }}
    QStatusBar {{ background: {p.surface}; color: {p.muted}; font-size: {small}px; }}
    QStatusBar QLabel {{ color: {p.muted}; font-size: {small}px; }}
    QTabWidget::pane {{ border: 1px solid {p.border}; }}
    QTabBar::tab {{ min-height: {MIN_TOUCH_PX - 8}px; padding: 4px 16px; }}
    QSlider {{ min-height: {MIN_TOUCH_PX}px; }}
    QCheckBox {{ min-height: {MIN_TOUCH_PX - 8}px; }}
    QCheckBox::indicator {{ width: 28px; height: 28px; }}
    QScrollArea#ShortScroll {{ background: transparent; border: none; }}
    """


def apply_theme(app: QApplication, name: str, screen_height: int) -> Palette:
    palette = THEMES.get(name, LIGHT)
    qp = QPalette()
    for role, colour in ((QPalette.ColorRole.Window, palette.window), (QPalette.ColorRole.Base, palette.surface),
                         (QPalette.ColorRole.AlternateBase, palette.surface_alt),
                         (QPalette.ColorRole.Text, palette.text), (QPalette.ColorRole.WindowText, palette.text),
                         (QPalette.ColorRole.Button, palette.surface), (QPalette.ColorRole.ButtonText, palette.text),
                         (QPalette.ColorRole.Highlight, palette.accent),
                         (QPalette.ColorRole.HighlightedText, palette.accent_text),
                         (QPalette.ColorRole.PlaceholderText, palette.muted)):
        qp.setColor(role, QColor(colour))
    app.setPalette(qp)
    app.setStyleSheet(stylesheet(palette, base_px(screen_height)))
    return palette
