"""The bench's hardware in the packer's window: serial scanners, the scale and the box camera.

    window.hardware = BenchHardware(window)   # before the window builds its widgets
    hardware.start(config)                     # once the worker has built the Station
    hardware.stop()                            # on closing

THREADS. The DeviceHub calls back on device threads. Those callbacks only emit this object's
signals; the connections are queued, so the slots run on the GUI thread, which hands the event
to the window exactly like a keyboard-wedge scan or a button: as a job on the one StationWorker.
Serial scans, scale weights, wedge scans and hotkeys are therefore handled one at a time in the
order they arrived, and nothing here ever calls the Station from the GUI thread.

WEIGHING. A stable, positive reading is sent to `station.weight` (the session ignores it
outside its weighing step). The scale reports a reading only when it changes, so a parcel
already lying still when the weighing step begins would never be reported again: after every
station call that *enters* the weighing step, `after_step` (on the worker) takes the scale's
latest reading. `ScaleFeed` numbers each reported reading so that one settled load is recorded
once — never twice because both paths saw it, never again for the next box because the last
box was left on the scale.

CAMERA. When an order is packed and a camera is configured, a photo of the open box is taken,
stored by PhotoStore under data/photos/ and attached to the order's last parcel through the
worker. Photos older than `camera.retention_days` are purged at start, off the GUI thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence

from app.config import Config
from app.devices.events import DeviceState, DeviceStatus, WeightReading, WeightStatus
from app.domain.events import Tone
from app.domain.session import Phase
from app.ui.scale_panel import reply_text

# The device drivers, the camera and the photo store are imported when they are needed (a station
# with no serial scanner, scale or camera never loads them): not on every cold start.
if TYPE_CHECKING:
    from app.devices.hub import DeviceHub
    from app.devices.photos import PhotoStore
    from app.devices.scales.base import ScaleReply
    from app.station import Outcome
    from app.ui.main_window import MainWindow
    from app.ui.worker import JobResult, WorkerContext

log = logging.getLogger(__name__)

ZERO_KEY = "Shift+F2"
TARE_KEY = "Shift+F3"


def _tr(text: str) -> str:
    return QCoreApplication.translate("Hardware", text)


class ScaleFeed:
    """Which scale reading has been recorded, so that one settled load is weighed once.

    `reported` runs on the scale's thread, `current` and `take` on the station worker.
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


def device_key(config: Config) -> tuple[Any, ...]:
    return tuple(config.scanner.serial), config.scale, config.camera.device.strip().lower()


class BenchHardware(QObject):
    """Owns the DeviceHub, the BoxCamera and the PhotoStore of the window; GUI thread only."""

    # emitted on device threads, delivered (queued) on the GUI thread; `generation` tells the
    # events of the running hub from late ones of a hub stopped for new settings
    scanned = Signal(object, str, int)  # raw bytes, scanner name, generation
    weighed = Signal(object, int, int)  # WeightReading, its ScaleFeed number, generation
    status_changed = Signal(object, int)  # DeviceStatus, generation
    scale_replied = Signal(str, object)  # "zero" / "tare", ScaleReply

    # None: app.devices.hub.DeviceHub and app.devices.camera.BoxCamera, imported when first needed
    hub_factory: Callable[..., DeviceHub] | None = None  # tests swap in a hub with a quicker backoff
    camera_factory: Callable[..., Any] | None = None  # tests swap in a camera that needs no hardware

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.hub: DeviceHub | None = None
        self.camera: Any = None
        self._photos_dir = window.paths.data_dir / "photos"
        self._photos: PhotoStore | None = None
        self._photos_lock = threading.Lock()
        self.feed = ScaleFeed()
        self.config: Config | None = None
        self.statuses: dict[str, DeviceStatus] = {}
        self.problems: dict[str, str] = {}  # device name -> why it could not be set up
        self.latest: WeightReading | None = None  # the newest reading shown (GUI thread)
        self.photos_taken: list[Path] = []
        self.purged: int | None = None  # photos removed at start (None until the purge has run)
        self._key: tuple[Any, ...] | None = None
        self._running = False
        self._generation = 0
        self._purge_started = False
        queued = Qt.ConnectionType.QueuedConnection
        self.scanned.connect(self._on_scanned, queued)
        self.weighed.connect(self._on_weighed, queued)
        self.status_changed.connect(self._on_status, queued)
        self.scale_replied.connect(self._on_scale_reply, queued)
        window.rendered.connect(self._on_rendered)

    # ------------------------------------------------------------------ life cycle (GUI thread)

    @property
    def photos(self) -> PhotoStore:
        """The box photos under data/photos/ (built at first use: the start's purge or the camera)."""
        with self._photos_lock:
            if self._photos is None:
                from app.devices.photos import PhotoStore

                self._photos = PhotoStore(self._photos_dir)
            return self._photos

    @photos.setter
    def photos(self, store: PhotoStore) -> None:
        with self._photos_lock:
            self._photos = store

    @property
    def scale_status(self) -> DeviceStatus | None:
        return next((s for s in self.statuses.values() if s.kind == "scale"), None)

    def start(self, config: Config) -> None:
        """Start (or, after new settings, restart) the devices of this configuration."""
        self.config = config
        self.window.weighing.set_rules(config.packing)
        if not self._purge_started:
            self._purge_started = True
            threading.Thread(target=self._purge, args=(config.camera.retention_days,), name="photo-purge",
                             daemon=True).start()
        key = device_key(config)
        if self._running and key == self._key:
            return
        self._stop_devices()
        self._generation += 1
        self._key = key
        self.statuses.clear()
        self.problems.clear()
        self.latest = None
        self.window.device_strip.clear()
        self.window.weighing.show_scale_status(None)
        self._running = True
        self.hub = self._make_hub(config)
        for name, problem in self.problems.items():
            kind = "scale" if name == "scale" else "scanner"
            self._show(DeviceStatus(name, kind, DeviceState.DISCONNECTED, problem))
        if self.problems:
            self._announce_problems()
        self.hub.start()
        if config.camera.device.strip().lower() not in ("", "off"):
            generation = self._generation
            camera_factory = self.camera_factory
            if camera_factory is None:
                from app.devices.camera import BoxCamera as camera_factory
            self.camera = camera_factory(self.photos, device=config.camera.device,
                                         on_status=lambda status: self._on_status(status, generation))
            self.camera.start()
        else:
            self._on_status(DeviceStatus("camera", "camera", DeviceState.ABSENT,
                                         _tr("no camera (switched off in the settings)")), self._generation)

    def stop(self) -> None:
        """Stop every device (the window is closing); later device events are ignored."""
        self._stop_devices()
        self._key = None

    def _stop_devices(self) -> None:
        self._running = False
        hub, self.hub = self.hub, None
        if hub is not None:
            hub.stop()
        camera, self.camera = self.camera, None
        if camera is not None:
            camera.stop()

    def _make_hub(self, config: Config) -> DeviceHub:
        """A hub for every device whose URI is right; a wrong one is named and left out."""
        from app.devices.hub import DeviceConfig, DeviceHub
        from app.devices.uri import DeviceURIError

        hub_factory = self.hub_factory or DeviceHub
        generation = self._generation

        def on_scan(raw: bytes, source: str) -> None:  # device threads: emit, nothing else
            self.scanned.emit(raw, source, generation)

        def on_weight(reading: WeightReading) -> None:
            self.weighed.emit(reading, self.feed.reported(reading), generation)

        def on_status(status: DeviceStatus) -> None:
            self.status_changed.emit(status, generation)

        callbacks = (on_scan, on_weight, on_status)
        try:
            return hub_factory(config, *callbacks)
        except DeviceURIError as exc:
            log.warning("device settings: %s", exc)
        scanners: list[str] = []
        for index, uri in enumerate(config.scanner.serial, start=1):
            try:
                DeviceHub(DeviceConfig(scanners=(uri,)), None, None, None)
                scanners.append(uri)
            except DeviceURIError as exc:
                self.problems["scanner" if index == 1 else f"scanner{index}"] = str(exc)
        scale = config.scale
        if scale:
            try:
                DeviceHub(DeviceConfig(scale=scale), None, None, None)
            except DeviceURIError as exc:
                self.problems["scale"] = str(exc)
                scale = ""
        try:
            return hub_factory(DeviceConfig(tuple(scanners), scale), *callbacks)
        except DeviceURIError as exc:  # e.g. two scanners with the same name: run the scale alone
            self.problems["scanners"] = str(exc)
            return hub_factory(DeviceConfig((), scale), *callbacks)

    def _announce_problems(self) -> None:
        names = ", ".join(sorted(self.problems))
        detail = "; ".join(self.problems.values())
        self.window.statusBar().showMessage(_tr("Device settings wrong ({0}): {1}").format(names, detail))
        self.window.banner.show_message(
            Tone.WARNING, "device_settings",
            _tr("Device settings are wrong: {0} not started.").format(names),
            _tr("{0} — fix it in Settings (Ctrl+,). The keyboard scanner works as usual.").format(detail))

    def _purge(self, retention_days: int) -> None:
        try:
            self.purged = self.photos.purge(retention_days)
        except OSError as exc:
            log.warning("photo purge failed: %s", exc)
            self.purged = 0
        if self.purged:
            log.info("purged %d photo(s) older than %d days", self.purged, retention_days)

    # ------------------------------------------------------------------ the window's widgets

    def attach(self) -> None:
        """(Re)connect to the window's widgets: called each time the window builds them."""
        w = self.window
        w.weighing.zero_requested.connect(self.zero)
        w.weighing.tare_requested.connect(self.tare)
        for key, text, shortcut, handler in (("zero", _tr("Zero the scale"), ZERO_KEY, self.zero),
                                             ("tare", _tr("Tare the scale"), TARE_KEY, self.tare)):
            action = QAction(text, w)
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
            action.triggered.connect(handler)
            w.addAction(action)
            w.qactions[key] = action
        if self.config is not None:
            w.weighing.set_rules(self.config.packing)
        for status in self.statuses.values():
            self._show(status)
        w.weighing.show_scale_status(self.scale_status)
        w.weighing.show_reading(self.latest)

    def _show(self, status: DeviceStatus) -> None:
        self.statuses[status.name] = status
        self.window.device_strip.show_status(status, problem=status.name in self.problems)

    # ------------------------------------------------------------------ GUI thread

    def _current(self, generation: int) -> bool:
        return self._running and generation == self._generation

    def _on_scanned(self, raw: bytes, source: str, generation: int) -> None:
        if not self._current(generation) or not self.window.ready:
            return
        log.debug("scan from %s", source)
        self.window.submit_scan(raw)

    def _on_weighed(self, reading: WeightReading, seq: int, generation: int) -> None:
        if not self._current(generation):
            return
        self.latest = reading
        self.window.weighing.show_reading(reading)
        if reading.usable and reading.grams > 0 and self.window.ready:
            self.window.run_job(self._weight_job(reading, seq), "scale")

    def _on_status(self, status: DeviceStatus, generation: int) -> None:
        if not self._current(generation):
            return  # the station is closing or switching devices: nothing to tell the packer
        if status.name in self.problems and status.state is DeviceState.ABSENT:
            return  # "no scale configured" after a wrong scale URI was left out: keep saying why
        previous = self.statuses.get(status.name)
        self._show(status)
        if status.kind == "scale":
            if not status.connected:
                self.latest = None
            self.window.weighing.show_scale_status(status)
        if previous is not None and previous.state is not status.state:
            log.info("%s %s: %s", status.kind, status.name, status.state.value)
            if status.state in (DeviceState.DISCONNECTED, DeviceState.CONNECTED):
                self.window.statusBar().showMessage(f"{status.name}: {status.message or status.state.value}", 10000)

    # -- zero and tare

    def zero(self) -> None:
        self._scale_command("zero")

    def tare(self) -> None:
        self._scale_command("tare")

    def _scale_command(self, action: str) -> None:
        from app.devices.scales.base import ReplyKind, ScaleReply

        hub = self.hub
        if hub is None:
            self._on_scale_reply(action, ScaleReply(ReplyKind.REFUSED, action, message=_tr("the devices are not "
                                                                                            "started")))
            return
        future = hub.zero() if action == "zero" else hub.tare()
        self.window.weighing.show_scale_busy(action)
        future.add_done_callback(lambda done: self.scale_replied.emit(action, _reply_of(action, done)))

    def _on_scale_reply(self, action: str, reply: ScaleReply) -> None:
        self.window.weighing.show_scale_reply(action, reply)
        self.window.statusBar().showMessage(reply_text(action, reply)[2], 10000)

    # ------------------------------------------------------------------ worker thread

    def _weight_job(self, reading: WeightReading, seq: int) -> Callable[[WorkerContext], Any]:
        from app.ui.main_window import station_step

        step = station_step(lambda station: station.weight(reading.grams, stable=True, source=reading.source))

        def job(ctx: WorkerContext) -> Any:
            station = ctx.station
            if station is None or station.state.phase is not Phase.WEIGHING or not self.feed.take(seq):
                return None  # not weighing (the scale reports all day), or this load was already recorded
            return step(ctx)

        return job

    def after_step(self, station: Any, before: Phase, outcome: Outcome) -> Outcome:
        """On the worker, after each station call: entering the weighing step takes the parcel on the scale."""
        if before is Phase.WEIGHING or station.state.phase is not Phase.WEIGHING:
            return outcome
        hub = self.hub
        latest = hub.latest_weight() if hub is not None else None
        if latest is None or not latest.usable or latest.grams <= 0:
            return outcome
        seq = self.feed.current(latest)
        if seq is None or not self.feed.take(seq):
            return outcome  # its report is on the way (and will be weighed), or it was the last box's
        weighed = station.weight(latest.grams, stable=True, source=latest.source)
        return replace(outcome, feedback=[*outcome.feedback, *weighed.feedback],
                       facts=[*outcome.facts, *weighed.facts], state=weighed.state)

    # ------------------------------------------------------------------ the box photo

    def _on_rendered(self, result: JobResult) -> None:
        value = result.value
        outcome = getattr(value, "outcome", None)
        if outcome is None or "order_packed" not in outcome.facts or self.camera is None:
            return
        number = outcome.state.last_order if outcome.state is not None else None
        label = getattr(value, "label", None)
        parcels = [p for p in (label.parcels if label is not None else ()) if p.get("status") != "voided"]
        if not number or not parcels:
            return
        parcel_uuid = str(parcels[-1]["uuid"])
        if not self.camera.ready:
            log.info("no photo of order %s: %s", number, self.camera.status.message)
            return
        self.camera.capture(number, parcel_uuid,
                            on_saved=lambda path, error: self._photo_saved(number, parcel_uuid, path, error))

    def _photo_saved(self, number: str, parcel_uuid: str, path: Path | None, error: str) -> None:
        if path is None:
            self.window.statusBar().showMessage(_tr("No photo of order {0}: {1}").format(number, error), 10000)
            return
        self.photos_taken.append(path)
        data_dir = self.window.paths.data_dir
        try:
            ref = path.resolve().relative_to(data_dir.resolve()).as_posix()
        except ValueError:
            ref = str(path)
        self.window.run_job(lambda ctx: ctx.station.repo.set_parcel_photo(parcel_uuid, ref), "photo",
                            lambda result: self._photo_recorded(number, result))

    def _photo_recorded(self, number: str, result: JobResult) -> None:
        if result.ok:
            self.window.statusBar().showMessage(_tr("Photo of order {0} saved.").format(number), 6000)
        else:
            self.window.statusBar().showMessage(_tr("Photo of order {0} not recorded: {1}").format(
                number, result.error), 10000)


def _reply_of(action: str, future: Future[ScaleReply]) -> ScaleReply:
    from app.devices.scales.base import ReplyKind, ScaleReply

    try:
        return future.result()
    except Exception as exc:  # noqa: BLE001 - a failed command is shown, never raised into a device thread
        return ScaleReply(ReplyKind.ERROR, action, message=str(exc))
