"""The rule that records one settled scale load once: for the packer's window and for a headless driver.

A stable, positive reading is sent to `station.weight` (the session ignores it outside its
weighing step). The scale reports a reading only when it changes, so a parcel already lying
still when the weighing step begins would never be reported again: after every station call
that *enters* the weighing step, `after_step` takes the scale's latest reading. `ScaleFeed`
numbers each reported reading so that one settled load is recorded once: never twice because
both paths saw it, never again for the next box because the last box was left on the scale.

THREADS. `reported` runs where the scale reports (a device thread); `claim`, `book`, `step` and
`after_step` run where the Station is driven (the window's station worker, or a headless
driver's own thread): the Station is not thread-safe, so a reading reported on a device thread
is handed over (a Qt signal, a queue) with its number and booked there.

    booking = ScaleBooking(hub.latest_weight)          # hub: app.devices.hub.DeviceHub
    # device thread, in the hub's on_weight callback:
    queue.put((reading, booking.reported(reading)))
    # the station's thread:
    outcome = booking.step(station, lambda s: s.scan(raw))   # a parcel already on the scale is weighed
    outcome = booking.book(station, reading, seq)            # a reported reading; None: not booked

It lives outside app.ui (the window used to hold it) so that a run without a screen gets the same
rule, and outside app.devices (devices never drive the station).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from app.devices.events import WeightReading, WeightStatus
from app.domain.session import Phase

if TYPE_CHECKING:
    from app.station import Outcome

__all__ = ["ScaleBooking", "ScaleFeed", "bookable"]


def bookable(reading: WeightReading | None) -> bool:
    """A reading the station may be given: OK, stable and more than nothing on the scale."""
    return reading is not None and reading.usable and reading.grams > 0


class ScaleFeed:
    """Which scale reading has been recorded, so that one settled load is weighed once.

    `reported` runs on the scale's thread, `current` and `take` on the station's.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._seq = 0
        self._key: tuple[int, bool, WeightStatus] | None = None
        self._used = 0

    @staticmethod
    def _key_of(reading: WeightReading) -> tuple[int, bool, WeightStatus]:
        return reading.grams, reading.stable, reading.status

    def reported(self, reading: WeightReading) -> int:
        """A reading the scale reported (it changed): its number."""
        with self._lock:
            self._seq += 1
            self._key = self._key_of(reading)
            return self._seq

    def current(self, latest: WeightReading) -> int | None:
        """The number of the reported reading `latest` repeats (None: its report is still on its way)."""
        with self._lock:
            return self._seq if self._key == self._key_of(latest) else None

    def take(self, seq: int) -> bool:
        """Claim reading `seq` for the station; False when it (or a later one) was already used."""
        with self._lock:
            if seq <= self._used:
                return False
            self._used = seq
            return True


class ScaleBooking:
    """One scale's readings booked on one station, each settled load once (see the module docstring).

    `latest`: the scale's newest reading, asked after a call that entered the weighing step
    (DeviceHub.latest_weight; None when no scale is connected).
    """

    def __init__(self, latest: Callable[[], WeightReading | None] | None = None) -> None:
        self.feed = ScaleFeed()
        self.latest = latest or (lambda: None)

    def reported(self, reading: WeightReading) -> int:
        """The scale reported `reading` (any thread): its number, to hand to `claim` or `book`."""
        return self.feed.reported(reading)

    def claim(self, station: Any, seq: int) -> bool:
        """Whether reported reading `seq` is to be weighed now: the station is in its weighing step and
        this load was not recorded yet (the scale reports all day; the last box may still lie on it)."""
        if station is None or station.state.phase is not Phase.WEIGHING:
            return False
        return self.feed.take(seq)

    def book(self, station: Any, reading: WeightReading, seq: int) -> Outcome | None:
        """Weigh reported reading `seq` on the station; None when it is not booked (see `claim`)."""
        if not bookable(reading) or not self.claim(station, seq):
            return None
        return station.weight(reading.grams, stable=True, source=reading.source)

    def after_step(self, station: Any, before: Phase, outcome: Outcome) -> Outcome:
        """After a station call: one that entered the weighing step takes the parcel already on the scale."""
        if before is Phase.WEIGHING or station.state.phase is not Phase.WEIGHING:
            return outcome
        latest = self.latest()
        if latest is None or not bookable(latest):
            return outcome
        seq = self.feed.current(latest)
        if seq is None or not self.feed.take(seq):
            return outcome  # its report is on the way (and will be weighed), or it was the last box's
        weighed = station.weight(latest.grams, stable=True, source=latest.source)
        return replace(outcome, feedback=[*outcome.feedback, *weighed.feedback],
                       facts=[*outcome.facts, *weighed.facts], state=weighed.state)

    def step(self, station: Any, call: Callable[[Any], Outcome]) -> Outcome:
        """Run one station call (a scan, a command) and then `after_step`: how a headless driver calls."""
        before = station.state.phase
        return self.after_step(station, before, call(station))
