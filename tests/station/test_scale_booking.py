"""One settled scale load is recorded once, with or without a screen (app.scale_booking).

The rule used to live in the packer's window (app/ui/hardware.py); a headless driver now calls
the same ScaleBooking the window's hardware calls. These tests drive a real Station on a real
SQLite station database, with no Qt and no device thread: the scale is a value the test sets,
its reports are handed over as the window's queued signal would hand them.
"""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from app.devices.events import WeightReading, WeightStatus
from app.domain.session import Phase
from app.printing import station_output
from app.scale_booking import ScaleBooking, ScaleFeed, bookable
from app.startup import open_bench
from app.station import Station
from app.store.repository import Repository
from tests.support import MUG_GTIN, SOCKS_GTIN, seed_small


class Scale:
    """The scale as the hub shows it: its newest reading (None: not connected)."""

    def __init__(self) -> None:
        self.latest: WeightReading | None = None

    def put(self, booking: ScaleBooking, grams: int, *, stable: bool = True) -> tuple[WeightReading, int]:
        """A load lands and settles: the scale reports it (on its thread: here, at once)."""
        self.latest = WeightReading(grams, stable, source="sim://scale")
        return self.latest, booking.reported(self.latest)


@pytest.fixture
def weighing_station(home):
    home.mkdir(parents=True, exist_ok=True)
    (home / "station.toml").write_text("[packing]\nweigh_parcels = true\n", encoding="utf-8")
    bench = open_bench()
    seed_small(bench.sessions)
    station = Station(bench.config, Repository(bench.engine), station_output(bench))
    yield bench, station
    station.repo.close()
    bench.close()


def _weights(bench) -> list[int]:
    with bench.engine.connect() as conn:
        rows = conn.execute(text("SELECT payload FROM pack_events WHERE type = 'weight_recorded' ORDER BY seq")).all()
    return [json.loads(row.payload)["grams"] for row in rows]


def test_a_parcel_already_on_the_scale_is_weighed_once_and_the_last_box_is_not_weighed_again(weighing_station):
    """GIVEN order 1002 (2 socks, 1 mug) packed in two boxes at a station that weighs parcels, with a scale
    WHEN box 1 (an envelope, 180 g) is already lying still on the scale as the carton is scanned,
    its late report arrives after the step weighed it, then box 1 is still on the scale when box 2's
    carton is scanned, and box 2 (600 g) lands afterwards
    THEN box 1 is weighed once (by the step that entered the weighing step), its late report books
    nothing, box 1's reading is not booked for box 2, and box 2 is weighed when it lands: two
    weight events, 180 g and 600 g, and the order is packed."""
    bench, station = weighing_station
    scale = Scale()
    booking = ScaleBooking(lambda: scale.latest)
    for scan in ("PS:BADGE:P-1001", "1002", SOCKS_GTIN, SOCKS_GTIN, "PS:CMD:NEXT_BOX"):
        booking.step(station, lambda s, scan=scan: s.scan(scan))
    reading, seq = scale.put(booking, 180)  # reported while the packer chooses the carton

    entered = booking.step(station, lambda s: s.scan("ENV"))

    assert entered.facts[:2] == ["carton_chosen", "weight_recorded"]
    assert [f.code for f in entered.feedback][-2:] == ["weight_ok", "box_labelled"]
    assert booking.book(station, reading, seq) is None  # the queued report of the same load
    assert booking.step(station, lambda s: s.scan(MUG_GTIN)).code == "all_items_packed"

    second = booking.step(station, lambda s: s.scan("M"))  # box 1 still lies on the scale

    assert "weight_recorded" not in second.facts and second.state.phase is Phase.WEIGHING
    reading, seq = scale.put(booking, 600)
    packed = booking.book(station, reading, seq)
    assert packed is not None and packed.code == "order_packed"
    assert _weights(bench) == [180, 600]


def test_a_reading_reported_outside_the_weighing_step_is_not_booked(weighing_station):
    """GIVEN a signed-in packer with no order open, and a scale reporting a parcel all day long
    WHEN the reading is booked THEN nothing is recorded (the session weighs only in its weighing step)."""
    bench, station = weighing_station
    scale = Scale()
    booking = ScaleBooking(lambda: scale.latest)
    booking.step(station, lambda s: s.scan("PS:BADGE:P-1001"))
    reading, seq = scale.put(booking, 950)
    assert booking.book(station, reading, seq) is None
    assert booking.book(None, reading, seq) is None  # the window's worker before the station started
    assert _weights(bench) == []


def test_a_report_on_its_way_is_left_to_its_own_booking():
    """GIVEN a reading the scale shows that has not been reported yet (its report is still queued)
    WHEN a step enters the weighing step THEN the step does not weigh it; the report, once it
    arrives, is booked (ScaleFeed: one number per report, each taken once)."""
    feed = ScaleFeed()
    early = WeightReading(400, True)
    assert feed.current(early) is None
    seq = feed.reported(early)
    assert feed.current(WeightReading(400, True)) == seq
    assert feed.take(seq) and not feed.take(seq)
    assert not feed.take(seq - 1)  # an older report never books after a newer one did


def test_only_a_stable_positive_ok_reading_is_bookable():
    assert bookable(WeightReading(1, True))
    assert not bookable(None)
    assert not bookable(WeightReading(0, True))
    assert not bookable(WeightReading(500, False))
    assert not bookable(WeightReading(0, True, status=WeightStatus.OVERLOAD))
