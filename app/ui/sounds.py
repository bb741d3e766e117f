"""Short, distinct sounds per tone, played with QtMultimedia's QSoundEffect (low latency, preloaded).

QtMultimedia comes with PySide6-Addons. Without it, or without an audio output device, the
station runs silent and says why (`status`), so the packer knows to look at the screen.
Sounds are loaded after the window is shown: the audio backend takes a moment to start and a
cold start must not wait for it.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLoggingCategory, QObject, QUrl

from app.domain.events import Tone
from app.ui import tones

log = logging.getLogger(__name__)

SOUNDS_DIR = Path(__file__).resolve().parents[2] / "resources" / "sounds"
TONE_SOUNDS = {Tone.ACCEPTED: "accepted", Tone.REJECTED: "rejected", Tone.COMPLETE: "complete",
               Tone.ATTENTION: "attention", Tone.WARNING: "attention"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Sounds", text)


class SoundPlayer(QObject):
    def __init__(self, volume: int = 80, parent: QObject | None = None, folder: Path = SOUNDS_DIR) -> None:
        super().__init__(parent)
        self.folder = folder
        self.volume = volume
        self.available = False
        self.status = _tr("Sound starting…")
        self.played: list[str] = []  # names played, for tests and the bench (bounded)
        self._effects: dict[str, Any] = {}

    def start(self) -> None:
        # The FFmpeg backend lists every optional library it did not find; that is noise on a bench PC.
        QLoggingCategory.setFilterRules("qt.multimedia.symbolsresolver.debug=false\n"
                                        "qt.multimedia.symbolsresolver.warning=false")
        try:
            from PySide6.QtMultimedia import QMediaDevices, QSoundEffect
        except ImportError:
            self.status = _tr("Silent: sound support (PySide6-Addons) is not installed")
            log.warning("QtMultimedia missing: running silent")
            return
        if not QMediaDevices.audioOutputs():
            self.status = _tr("Silent: no audio device found")
            log.warning("no audio output device: running silent")
            return
        for name in sorted(set(TONE_SOUNDS.values())):
            path = self.folder / f"{name}.wav"
            if not path.exists():
                tones.write_all(self.folder)  # regenerate a deleted file rather than stay silent
            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(path)))
            self._effects[name] = effect
        self.available = True
        self.set_volume(self.volume)

    def set_volume(self, volume: int) -> None:
        self.volume = max(0, min(100, volume))
        for effect in self._effects.values():
            effect.setVolume(self.volume / 100)
        if self.available:
            self.status = _tr("Sound on ({0}%)").format(self.volume) if self.volume else _tr("Sound muted")

    def play(self, tone: Tone) -> None:
        name = TONE_SOUNDS.get(tone)
        if name is None:
            return
        self.played.append(name)
        del self.played[:-50]
        effect = self._effects.get(name)
        if effect is not None and self.volume:
            effect.stop()  # a new scan's sound replaces the last one instead of queueing behind it
            effect.play()
