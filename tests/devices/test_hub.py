"""DeviceHub: what the station and the GUI use, with the in-process simulators behind it."""

from __future__ import annotations

import queue
import threading
from types import SimpleNamespace

import pytest

from app.devices.events import DeviceState, WeightReading
from app.devices.hub import DeviceConfig, DeviceHub
from app.devices.reconnect import Backoff
from app.devices.scales.base import ReplyKind
from app.devices.uri import DeviceURIError


class Recorder:
    """Callbacks that note the thread they were called on."""

    def __init__(self) -> None:
        self.events: queue.Queue = queue.Queue()
        self.threads: set[str] = set()

    def on_scan(self, raw: bytes, source: str) -> None:
        self.threads.add(threading.current_thread().name)
        self.events.put(("scan", raw, source))

    def on_weight(self, reading: WeightReading) -> None:
        self.threads.add(threading.current_thread().name)
        self.events.put(("weight", reading))

    def on_status(self, status) -> None:  # noqa: ANN001
        self.events.put(("status", status))

    def next(self, kind: str, where=lambda e: True, timeout: float = 5.0):  # noqa: ANN001, ANN201
        import time

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                event = self.events.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                break
            if event[0] == kind and where(event):
                return event
        raise TimeoutError(kind)


@pytest.fixture
def hub_of():
    hubs = []

    def make(config, recorder: Recorder) -> DeviceHub:  # noqa: ANN001
        hub = DeviceHub(config, recorder.on_scan, recorder.on_weight, recorder.on_status,
                        backoff=Backoff(0.05, 2, 0.4))
        hubs.append(hub)
        return hub

    yield make
    for hub in hubs:
        hub.stop()


def test_scans_and_weights_reach_the_callbacks_from_device_threads(hub_of):
    """GIVEN a hub with two simulated scanners and a simulated scale
    WHEN each scanner scans and a parcel is put on the scale
    THEN on_scan names the scanner, on_weight gets the stable grams, all from device threads (not ours)."""
    recorder = Recorder()
    hub = hub_of(DeviceConfig(scanners=("sim://scanner?name=hand", "sim://scanner?name=presentation&suffix=lf"),
                              scale="sim://scale?protocol=nci&swing_ms=200"), recorder)
    hub.start()
    hand, presentation = hub.scanners
    assert hand.simulator.wait_connected() and presentation.simulator.wait_connected()
    hand.simulator.scan("4006381333931")
    presentation.simulator.scan("SO-1001")
    scans = {recorder.next("scan")[1:], recorder.next("scan")[1:]}
    assert scans == {(b"4006381333931", "hand"), (b"SO-1001", "presentation")}
    hub.scale.simulator.place(1840)
    reading = recorder.next("weight", lambda e: e[1].usable and e[1].grams == 1840)[1]
    assert reading.source == "scale"
    assert threading.current_thread().name not in recorder.threads
    assert all(name.startswith(("device-", "sim-")) for name in recorder.threads)
    assert hub.latest_weight().grams == 1840
    assert {s.name: s.state for s in hub.statuses()} == {"hand": "connected", "presentation": "connected",
                                                           "scale": "connected"}


def test_zero_and_tare_return_futures_with_the_scales_answer(hub_of):
    """GIVEN a hub with a simulated MT-SICS scale holding an empty box
    WHEN the screen's Tare then Zero buttons are pressed
    THEN tare answers with the box weight, the net reading drops to 0, zero is refused (too heavy)."""
    recorder = Recorder()
    hub = hub_of(DeviceConfig(scale="sim://scale?weight=1500&swing_ms=100"), recorder)
    hub.start()
    recorder.next("weight", lambda e: e[1].usable)
    tare = hub.tare().result(5)
    assert (tare.kind, tare.grams) == (ReplyKind.ACK, 1500)
    recorder.next("weight", lambda e: e[1].usable and e[1].grams == 0)
    zero = hub.zero().result(5)
    assert zero.kind is ReplyKind.REFUSED and "Too heavy" in zero.message


def test_a_station_without_devices_says_so_and_zero_is_refused(hub_of):
    """GIVEN a configuration with no scale and no serial scanner
    WHEN the hub starts  THEN the scale is reported ABSENT and zero is refused, nothing crashes."""
    recorder = Recorder()
    hub = hub_of(SimpleNamespace(scale="", scanner=SimpleNamespace(serial=())), recorder)
    hub.start()
    status = recorder.next("status")[1]
    assert (status.name, status.state) == ("scale", DeviceState.ABSENT)
    assert hub.zero().result(1).kind is ReplyKind.REFUSED
    assert hub.latest_weight() is None


def test_the_hub_reads_an_app_config_shape_and_rejects_bad_uris():
    """GIVEN config objects shaped like app.config.Config
    WHEN the hub is built  THEN [scale] uri and [scanner] serial are used; a bad URI raises at once."""
    config = DeviceConfig.from_config(SimpleNamespace(scale="sim://scale", scanner=SimpleNamespace(
        serial=["sim://scanner?name=a"])))
    assert config == DeviceConfig(scanners=("sim://scanner?name=a",), scale="sim://scale")
    with pytest.raises(DeviceURIError, match="suffix must be one of"):
        DeviceHub(DeviceConfig(scanners=("sim://scanner?suffix=bogus",)), print, print, print)
    with pytest.raises(DeviceURIError, match="two scanners are named 'x'"):
        DeviceHub(DeviceConfig(scanners=("sim://scanner?name=x", "sim://scanner?name=x")), print, print, print)


def test_a_callback_that_raises_does_not_stop_the_scanner(hub_of):
    """GIVEN an on_scan callback that raises on its first call
    WHEN two scans arrive  THEN the second still reaches the callback."""
    calls = []

    def flaky(raw: bytes, source: str) -> None:
        calls.append(raw)
        if len(calls) == 1:
            raise RuntimeError("screen not ready")

    recorder = Recorder()
    hub = DeviceHub(DeviceConfig(scanners=("sim://scanner",)), flaky, recorder.on_weight, recorder.on_status)
    try:
        hub.start()
        simulator = hub.scanners[0].simulator
        assert simulator.wait_connected()
        simulator.scan("SO-1001")
        simulator.scan("SO-1002")
        import time

        deadline = time.monotonic() + 2
        while len(calls) < 2 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert calls == [b"SO-1001", b"SO-1002"]
    finally:
        hub.stop()
