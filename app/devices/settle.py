"""Deciding that a weight has settled, for scales whose own stable flag cannot be trusted.

Some scales stream frames without a stable flag, and some cheap ones raise it while a parcel is
still rocking. The rule a packer would apply by eye: the reading stopped moving. Concretely, the
last `count` readings are all within `tolerance_g` of each other and span at least `window_ms`
(so a fast stream cannot settle in 20 ms and a slow one cannot settle on two samples).
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass


@dataclass(frozen=True)
class SettleRule:
    count: int = 5  # N consecutive readings
    tolerance_g: int = 2  # all within d grams of each other
    window_ms: int = 500  # spanning at least T milliseconds

    def __post_init__(self) -> None:
        if self.count < 2:
            raise ValueError(f"settle count must be at least 2, got {self.count}")
        if self.tolerance_g < 0 or self.window_ms < 0:
            raise ValueError("settle tolerance and window must not be negative")


class SettleDetector:
    """Feed readings in time order; `feed` says whether the weight has settled."""

    def __init__(self, rule: SettleRule | None = None) -> None:
        self.rule = rule or SettleRule()
        self._samples: deque[tuple[float, int]] = deque()

    def reset(self) -> None:
        self._samples.clear()

    def feed(self, grams: int, at: float) -> bool:
        """Add a reading taken at `at` (seconds, monotonic); True when the weight has settled."""
        samples = self._samples
        samples.append((at, grams))
        # Keep only the latest run of readings that agree within the tolerance: older ones
        # belong to the previous load or to the swing that is dying out.
        while max(g for _, g in samples) - min(g for _, g in samples) > self.rule.tolerance_g:
            samples.popleft()
        # Bound the memory of a long steady run: keep just enough to prove count and window.
        while len(samples) > self.rule.count and (samples[-1][0] - samples[1][0]) * 1000 >= self.rule.window_ms:
            samples.popleft()
        return len(samples) >= self.rule.count and (samples[-1][0] - samples[0][0]) * 1000 >= self.rule.window_ms
