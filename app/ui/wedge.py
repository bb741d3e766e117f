"""Keyboard-wedge scanners: a scan arrives as a fast burst of key presses and a suffix key.

An application-wide event filter sees every key press before any widget does, so a scan is
caught whatever has the focus (a button, a table, a dialog's text field). It tells a scanner
from a person by rhythm:

- auto mode: printable keys are held back while they come faster than `max_gap_ms` apart. A
  suffix (Enter or Tab) after at least `min_length` such keys makes the burst a scan. When the
  rhythm breaks (a pause, a non-printable key) the held keys were typed by a person and are
  replayed to the widget they were meant for, in order, ~40 ms late, which no one notices.
- prefix mode: the scanner is programmed to send a prefix; keys are held from the prefix to
  the suffix whatever their rhythm, and everything else reaches the widgets untouched.
- off: the scanner is not a keyboard (a serial scanner elsewhere feeds the station).

A scan is never split or merged while the GUI is busy: framing is by the suffix, gaps are taken
from the key events' own timestamps where the platform gives them (X11 does), and the timer that
decides "a person typed this" refuses to decide when it fires late, because then the event loop
was blocked and more keys of the same burst may be waiting in the queue.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

GS = "\x1d"  # GS1 FNC1 as sent by a wedge scanner (Ctrl+])
SUFFIXES = {
    "enter": (Qt.Key.Key_Return, Qt.Key.Key_Enter),
    "tab": (Qt.Key.Key_Tab,),
    "enter_or_tab": (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab),
    "none": (),
}
MODES = ("auto", "prefix", "off")
_COMMAND_MODIFIERS = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                      | Qt.KeyboardModifier.MetaModifier)
_MODIFIER_KEYS = frozenset({Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta,
                            Qt.Key.Key_AltGr, Qt.Key.Key_CapsLock, Qt.Key.Key_NumLock})
_LATE_SLACK_S = 0.015  # a timer firing this much later than asked means the event loop was blocked
_PREFIX_TIMEOUT_MS = 1000  # a prefixed scan whose suffix never comes is given up after this


@dataclass(frozen=True)
class WedgeSettings:
    mode: str = "auto"
    prefix: str = ""
    suffix: str = "enter_or_tab"
    max_gap_ms: int = 40  # scanners send a key every 1-15 ms; people type 80-300 ms apart
    min_length: int = 3

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"scanner mode must be one of {', '.join(MODES)}, not {self.mode!r}")
        if self.suffix not in SUFFIXES:
            raise ValueError(f"scanner suffix must be one of {', '.join(SUFFIXES)}, not {self.suffix!r}")
        if self.mode == "prefix" and not self.prefix:
            raise ValueError("scanner mode 'prefix' needs a prefix")
        if self.suffix == "none" and self.mode == "prefix":
            raise ValueError("a prefixed scanner needs a suffix (enter or tab)")


@dataclass(frozen=True)
class _HeldKey:
    target: Any  # the object the key press was sent to (a QWindow or a QWidget)
    key: int
    modifiers: Qt.KeyboardModifier
    text: str


class KeyboardWedge(QObject):
    """Install with `QApplication.instance().installEventFilter(wedge)`."""

    scanned = Signal(str)

    def __init__(self, settings: WedgeSettings | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings or WedgeSettings()
        self.enabled = True
        self.scans = 0
        self.burst_started = 0.0  # perf_counter of the first key of the latest scan (for the bench)
        self._held: list[_HeldKey] = []
        self._last_arrival = 0.0
        self._last_stamp = 0
        self._burst_start = 0.0
        self._replaying = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timeout)
        self._timer_armed_at = 0.0
        self._timer_interval_s = 0.0

    def configure(self, settings: WedgeSettings) -> None:
        self._release_held()
        self.settings = settings

    # ------------------------------------------------------------ the filter

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if self._replaying or not self.enabled or self.settings.mode == "off":
            return False
        if event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        now = time.perf_counter()
        key = event.key()
        if key in _MODIFIER_KEYS:
            return False  # scanners press Shift for capitals and Ctrl for GS: part of the burst
        gap = self._gap(now, event.timestamp())
        text = GS if key == Qt.Key.Key_BracketRight and event.modifiers() & Qt.KeyboardModifier.ControlModifier \
            else event.text()
        if key in SUFFIXES[self.settings.suffix]:
            return self._on_suffix(gap)
        if not self._is_data(event, text):
            self._release_held()  # a function key, an arrow, Backspace: a person is at the keyboard
            return False
        if self.settings.mode == "prefix":
            return self._hold_prefixed(watched, event, text)
        if self._held and gap > self.settings.max_gap_ms / 1000:
            self._release_held()  # the rhythm broke: what was held was typed by a person
        self._hold(watched, event, text, now)
        self._arm(self.settings.max_gap_ms)
        return True

    def _is_data(self, event: QKeyEvent, text: str) -> bool:
        if text == GS:
            return True
        if not text or not text.isprintable() or len(text) != 1:
            return False
        return not event.modifiers() & _COMMAND_MODIFIERS

    def _gap(self, now: float, stamp: int) -> float:
        """Seconds since the previous key: the smaller of arrival time and the event's timestamp.

        Arrival time alone stretches when the GUI is busy; the platform timestamp is taken when
        the key was really pressed. Test events carry no timestamp, so both are kept.
        """
        arrival = now - self._last_arrival if self._last_arrival else 1e9
        gap = arrival
        if stamp and self._last_stamp and stamp >= self._last_stamp:
            gap = min(arrival, (stamp - self._last_stamp) / 1000)
        self._last_arrival = now
        self._last_stamp = stamp
        return gap

    def _hold(self, watched: QObject, event: QKeyEvent, text: str, now: float) -> None:
        if not self._held:
            self._burst_start = now
        self._held.append(_HeldKey(watched, event.key(), event.modifiers(), text))

    def _hold_prefixed(self, watched: QObject, event: QKeyEvent, text: str) -> bool:
        prefix = self.settings.prefix
        held = "".join(k.text for k in self._held) + text
        if not self._held and not prefix.startswith(text):
            return False  # not a scan: straight through, no delay for people typing
        if len(held) <= len(prefix) and not prefix.startswith(held):
            self._hold(watched, event, text, time.perf_counter())
            self._release_held()  # looked like the prefix, was not
            return True
        self._hold(watched, event, text, time.perf_counter())
        self._arm(_PREFIX_TIMEOUT_MS)
        return True

    def _on_suffix(self, gap: float) -> bool:
        if not self._held:
            return False
        text = "".join(k.text for k in self._held)
        settings = self.settings
        if settings.mode == "prefix":
            if text.startswith(settings.prefix) and len(text) > len(settings.prefix):
                self._emit(text[len(settings.prefix):])
                return True
        elif gap <= settings.max_gap_ms / 1000 and len(text) >= settings.min_length:
            self._emit(text)
            return True
        self._release_held()
        return False  # the suffix key itself goes on to the widget (Enter in a text field)

    def _emit(self, text: str) -> None:
        self._timer.stop()
        self._held.clear()
        self.scans += 1
        self.burst_started = self._burst_start
        self.scanned.emit(text)

    # ------------------------------------------------------------ held keys

    def _arm(self, interval_ms: int) -> None:
        self._timer_armed_at = time.perf_counter()
        self._timer_interval_s = interval_ms / 1000
        self._timer.start(interval_ms)

    def _on_timeout(self) -> None:
        late = time.perf_counter() - self._timer_armed_at - self._timer_interval_s
        if late > _LATE_SLACK_S:
            # The loop was blocked: key presses of this very burst may be queued behind this
            # timer. Look again once they have been delivered.
            self._arm(self.settings.max_gap_ms)
            return
        settings = self.settings
        text = "".join(k.text for k in self._held)
        if settings.suffix == "none" and settings.mode == "auto" and len(text) >= settings.min_length:
            self._emit(text)  # suffix-less scanner: the end of the burst ends the scan
            return
        self._release_held()

    def _release_held(self) -> None:
        """Give the held keys to the widgets they were meant for, in order."""
        self._timer.stop()
        held, self._held = self._held, []
        if not held:
            return
        self._replaying = True
        try:
            for k in held:
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QApplication.sendEvent(k.target, QKeyEvent(kind, k.key, k.modifiers, k.text))
        finally:
            self._replaying = False

    def flush(self) -> None:
        """Decide about held keys now (tests, shutdown)."""
        self._on_timeout() if self._held else None
