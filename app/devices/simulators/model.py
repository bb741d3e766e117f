"""A bench scale in software: a load that swings and settles, zero and tare, overload, faults.

Shared by the pty simulator (`packstation simulate scale`) and the in-process sim://scale, so a
demo, a test and an IT admin checking the station all see the same behaviour. Time is passed in
(monotonic seconds), which keeps the model deterministic in tests.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass


@dataclass(frozen=True)
class SimReading:
    net_g: int
    stable: bool
    condition: str = "ok"  # ok | overload | underload | fault
    fault: str = ""  # for condition "fault": which one (ram, eeprom, rom, calibration)


class SimScaleModel:
    """Thread-safe: the simulator's stdin thread and its port loop both touch it."""

    def __init__(self, *, capacity_g: int = 30000, settle_ms: int = 600, division_g: int = 1,
                 weight_g: int = 0, now: float = 0.0) -> None:
        self.capacity_g = capacity_g
        self.settle_s = settle_ms / 1000
        self.division_g = max(1, division_g)
        self.zero_offset_g = 0
        self.tare_g = 0
        self.motion = False  # forced motion (someone leaning on the platform)
        self.overload = False  # forced overload
        self.underload = False  # forced underload
        self.fault = ""  # ram, eeprom, rom, calibration
        self._lock = threading.Lock()
        self._from_g = weight_g
        self._target_g = weight_g
        self._changed_at = now - self.settle_s  # settled from the start

    # ------------------------------------------------------------------ what the packer does

    def place(self, gross_g: int, now: float) -> None:
        """Put a load of `gross_g` on the platform (0 = take everything off)."""
        with self._lock:
            self._from_g = self._gross(now)
            self._target_g = gross_g
            self._changed_at = now

    def clear_faults(self) -> None:
        self.motion = self.overload = self.underload = False
        self.fault = ""

    # ------------------------------------------------------------------ what the scale shows

    def _gross(self, now: float) -> int:
        elapsed = now - self._changed_at
        if elapsed >= self.settle_s or self.settle_s <= 0:
            return self._target_g
        # A damped swing around the new load: what a box dropped on a platform looks like.
        progress = elapsed / self.settle_s
        swing = (self._from_g - self._target_g) * math.exp(-4 * progress) * math.cos(9 * progress)
        grams = self._target_g + swing
        return int(round(grams / self.division_g)) * self.division_g

    def moving(self, now: float) -> bool:
        with self._lock:
            return self.motion or now - self._changed_at < self.settle_s

    def reading(self, now: float) -> SimReading:
        with self._lock:
            gross = self._gross(now)
            moving = self.motion or now - self._changed_at < self.settle_s
        if self.fault:
            return SimReading(0, False, "fault", self.fault)
        if self.overload or gross > self.capacity_g + 9 * self.division_g:
            return SimReading(0, False, "overload")
        if self.underload or gross - self.zero_offset_g < -20 * self.division_g:
            return SimReading(0, False, "underload")
        return SimReading(gross - self.zero_offset_g - self.tare_g, not moving)

    # ------------------------------------------------------------------ buttons and commands

    def zero(self, now: float) -> str:
        """"ok", "moving" (not still), "high" (load above the zero range) or "low"."""
        if self.moving(now):
            return "moving"
        with self._lock:
            gross = self._gross(now)
        zero_range = self.capacity_g * 2 // 100  # legal-for-trade scales zero within ±2 % of capacity
        if gross > zero_range:
            return "high"
        if gross < -zero_range:
            return "low"
        self.zero_offset_g = gross
        self.tare_g = 0
        return "ok"

    def tare(self, now: float) -> tuple[str, int]:
        """("ok", tare grams), ("moving", 0), ("low", 0) for a negative load or ("high", 0)."""
        if self.moving(now):
            return "moving", 0
        with self._lock:
            load = self._gross(now) - self.zero_offset_g
        if load < 0:
            return "low", 0
        if load > self.capacity_g:
            return "high", 0
        self.tare_g = load
        return "ok", load
