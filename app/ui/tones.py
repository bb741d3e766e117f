"""The station's sounds, synthesised with the standard library (no downloaded audio files).

    python -m app.ui.tones            # (re)writes resources/sounds/*.wav

Each tone must be told apart by ear in a noisy warehouse without looking at the screen:
accepted is one short high beep, rejected a low buzzing double pulse, complete a rising
three-note chime, attention two mid beeps. Short (< 0.6 s) so that fast scanning never queues
sounds behind each other.
"""

from __future__ import annotations

import math
import struct
import sys
import wave
from pathlib import Path

RATE = 22050
SOUNDS_DIR = Path(__file__).resolve().parents[2] / "resources" / "sounds"

# (frequency Hz, duration s, waveform) segments; frequency 0 is silence.
Segment = tuple[float, float, str]
TONES: dict[str, list[Segment]] = {
    "accepted": [(1760, 0.08, "sine")],
    "rejected": [(180, 0.16, "square"), (0, 0.05, "sine"), (150, 0.22, "square")],
    "complete": [(1046.5, 0.09, "sine"), (1318.5, 0.09, "sine"), (1568, 0.20, "sine")],
    "attention": [(880, 0.10, "triangle"), (0, 0.06, "sine"), (880, 0.10, "triangle")],
}


def _sample(waveform: str, phase: float) -> float:
    if waveform == "square":
        # A softened square: a pure square is harsh on cheap speakers; three odd harmonics suffice.
        return (math.sin(phase) + math.sin(3 * phase) / 3 + math.sin(5 * phase) / 5) * 0.8
    if waveform == "triangle":
        return 2 / math.pi * math.asin(math.sin(phase))
    return math.sin(phase)


def synthesise(segments: list[Segment], volume: float = 0.6) -> bytes:
    """16-bit mono PCM frames; each segment gets a 5 ms fade in/out so it never clicks."""
    frames = bytearray()
    fade = int(RATE * 0.005)
    for frequency, duration, waveform in segments:
        count = int(RATE * duration)
        for i in range(count):
            envelope = min(1.0, i / fade, (count - i) / fade) if frequency else 0.0
            value = _sample(waveform, 2 * math.pi * frequency * i / RATE) * envelope * volume if frequency else 0.0
            frames += struct.pack("<h", int(max(-1.0, min(1.0, value)) * 32767))
    return bytes(frames)


def write_wav(path: Path, segments: list[Segment]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(synthesise(segments))


def write_all(folder: Path = SOUNDS_DIR) -> list[Path]:
    written = []
    for name, segments in TONES.items():
        path = folder / f"{name}.wav"
        write_wav(path, segments)
        written.append(path)
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else SOUNDS_DIR
    for written in write_all(target):
        print(written)
