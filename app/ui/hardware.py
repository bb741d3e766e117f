"""The bench's hardware in the packer's window: serial scanners, the scale and the box camera.

    window.hardware = BenchHardware(window, data_dir, run_job=..., step=..., ready=...)
    hardware.start(config)                     # once the worker has built the Station
    hardware.stop()                            # on closing

It never touches the window's widgets: what the packer should see goes out as this object's
signals (a device card, the scale's reading, a status-bar note, a banner warning, a serial
scan), which the window connects to its widgets (MainWindow._connect_hardware), and work for
the station goes through the callbacks the window hands in (run_job, step, ready). So the
window imports this module and this module imports nothing of the window.

THREADS. The DeviceHub calls back on device threads. Those callbacks only emit this object's
signals; the connections are queued, so the slots run on the GUI thread, which hands the event
to the window exactly like a keyboard-wedge scan or a button: as a job on the one StationWorker.
Serial scans, scale weights, wedge scans and hotkeys are therefore handled one at a time in the
order they arrived, and nothing here ever calls the Station from the GUI thread.

WEIGHING. The rule that records one settled scale load once is app.scale_booking.ScaleBooking
(a headless driver uses the same): a reported reading is booked by a job on the worker, and
after every station call that *enters* the weighing step, `after_step` (on the worker) takes
the parcel already lying on the scale.

CAMERA. When an order is packed and a camera is configured, a photo of the open box is taken,
stored by PhotoStore under data/photos/ and attached to the order's last parcel through the
worker. Photos older than `camera.retention_days` are purged at start, off the GUI thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence

from app.config import Config
from app.devices.events import DeviceState, DeviceStatus, WeightReading
from app.domain.session import Phase
from app.scale_booking import ScaleBooking, bookable
from app.ui.messages import coded_text
from app.ui.scale_panel import reply_text

# The device drivers, the camera and the photo store are imported when they are needed (a station
# with no serial scanner, scale or camera never loads them): not on every cold start.
if TYPE_CHECKING:
    from app.devices.hub import DeviceHub
    from app.devices.photos import PhotoStore
    from app.devices.scales.base import ScaleReply
    from app.station import Outcome
    from app.ui.worker import Job, JobResult, WorkerContext

log = logging.getLogger(__name__)

ZERO_KEY = "Shift+F2"
TARE_KEY = "Shift+F3"


def _tr(text: str) -> str:
    return QCoreApplication.translate("Hardware", text)


def device_key(config: Config) -> tuple[Any, ...]:
    return tuple(config.scanner.serial), config.scale, config.camera.device.strip().lower()


def _why(error: Exception) -> str:
    """An error's words, keeping the DeviceReason it was raised with (the device card words its code)."""
    first = error.args[0] if len(error.args) == 1 else None
    return first if isinstance(first, str) and isinstance(getattr(first, "template", None), str) else str(error)


class BenchHardware(QObject):
    """Owns the DeviceHub, the BoxCamera and the PhotoStore of the window; GUI thread only."""

    # emitted on device threads, delivered (queued) on the GUI thread; `generation` tells the
    # events of the running hub from late ones of a hub stopped for new settings
    scanned = Signal(object, str, int)  # raw bytes, scanner name, generation
    weighed = Signal(object, int, int)  # WeightReading, its ScaleFeed number, generation
    status_changed = Signal(object, int)  # DeviceStatus, generation
    scale_replied = Signal(str, object)  # "zero" / "tare", ScaleReply

    # what the packer should see, emitted on the GUI thread: the window connects them to its widgets
    note = Signal(str, int)  # a status-bar message and how long it stays (ms; 0: until the next one)
    warning = Signal(str, str, str)  # a banner warning: code, title, detail
    scan_read = Signal(object)  # raw bytes from a serial scanner, to submit like a keyboard-wedge scan
    device_shown = Signal(object, bool)  # DeviceStatus for the device strip, "its settings are wrong"
    devices_cleared = Signal()  # the device strip starts again (new devices)
    scale_shown = Signal(object)  # DeviceStatus | None: the weighing screen's scale card
    reading_shown = Signal(object)  # WeightReading | None: the weighing screen's reading
    rules_shown = Signal(object)  # app.config packing rules: the weighing screen's limits
    scale_busy = Signal(str)  # "zero" / "tare" sent to the scale
    scale_answered = Signal(str, object)  # "zero" / "tare", ScaleReply

    # None: app.devices.hub.DeviceHub and app.devices.camera.BoxCamera, imported when first needed
    hub_factory: Callable[..., DeviceHub] | None = None  # tests swap in a hub with a quicker backoff
    camera_factory: Callable[..., Any] | None = None  # tests swap in a camera that needs no hardware

    def __init__(self, parent: QObject | None, data_dir: Path, *, run_job: Callable[..., Any],
                 step: Callable[[Callable[[Any], Outcome]], Job], ready: Callable[[], bool]) -> None:
        """run_job(job, tag, callback=None): the window's station worker; step(call): the window's job for
        one station call (app.ui.main_window.station_step); ready(): the station has started."""
        super().__init__(parent)
        self._run_job = run_job
        self._station_step = step
        self._ready = ready
        self.hub: DeviceHub | None = None
        self.camera: Any = None
        self._data_dir = data_dir
        self._photos_dir = data_dir / "photos"
        self._photos: PhotoStore | None = None
        self._photos_lock = threading.Lock()
        self.booking = ScaleBooking(self._latest_weight)
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
        self.rules_shown.emit(config.packing)
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
        self.devices_cleared.emit()
        self.scale_shown.emit(None)
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
                from app.devices.camera import BoxCamera

                camera_factory = BoxCamera
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
            self.weighed.emit(reading, self.booking.reported(reading), generation)

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
                DeviceHub(DeviceConfig(scanners=(uri,)), *callbacks)  # built to check its URI, never started
                scanners.append(uri)
            except DeviceURIError as exc:
                self.problems["scanner" if index == 1 else f"scanner{index}"] = _why(exc)
        scale = config.scale
        if scale:
            try:
                DeviceHub(DeviceConfig(scale=scale), *callbacks)
            except DeviceURIError as exc:
                self.problems["scale"] = _why(exc)
                scale = ""
        try:
            return hub_factory(DeviceConfig(tuple(scanners), scale), *callbacks)
        except DeviceURIError as exc:  # e.g. two scanners with the same name: run the scale alone
            self.problems["scanners"] = _why(exc)
            return hub_factory(DeviceConfig((), scale), *callbacks)

    def _announce_problems(self) -> None:
        names = ", ".join(sorted(self.problems))
        detail = "; ".join(coded_text(problem) for problem in self.problems.values())
        self.note.emit(_tr("Device settings wrong ({0}): {1}").format(names, detail), 0)
        self.warning.emit(
            "device_settings",
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

    # ------------------------------------------------------------------ what the window shows

    def scale_actions(self, parent: QObject) -> dict[str, QAction]:
        """The zero and tare hotkeys, for the window to add (each time it builds its widgets)."""
        actions = {}
        for key, text, shortcut, handler in (("zero", _tr("Zero the scale"), ZERO_KEY, self.zero),
                                             ("tare", _tr("Tare the scale"), TARE_KEY, self.tare)):
            action = QAction(text, parent)
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
            action.triggered.connect(handler)
            actions[key] = action
        return actions

    def show_all(self) -> None:
        """Say everything again (the window has just built new widgets): rules, devices, the scale."""
        for status in self.statuses.values():
            self._show(status)
        self.show_scale()

    def show_scale(self) -> None:
        """Say the scale's side again: the packing rules, its status and the latest reading."""
        if self.config is not None:
            self.rules_shown.emit(self.config.packing)
        self.scale_shown.emit(self.scale_status)
        self.reading_shown.emit(self.latest)

    def _show(self, status: DeviceStatus) -> None:
        self.statuses[status.name] = status
        self.device_shown.emit(status, status.name in self.problems)

    # ------------------------------------------------------------------ GUI thread

    def _current(self, generation: int) -> bool:
        return self._running and generation == self._generation

    def _on_scanned(self, raw: bytes, source: str, generation: int) -> None:
        if not self._current(generation) or not self._ready():
            return
        log.debug("scan from %s", source)
        self.scan_read.emit(raw)

    def _on_weighed(self, reading: WeightReading, seq: int, generation: int) -> None:
        if not self._current(generation):
            return
        self.latest = reading
        self.reading_shown.emit(reading)
        if bookable(reading) and self._ready():
            self._run_job(self._weight_job(reading, seq), "scale")

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
            self.scale_shown.emit(status)
        if previous is not None and previous.state is not status.state:
            log.info("%s %s: %s", status.kind, status.name, status.state.value)
            if status.state in (DeviceState.DISCONNECTED, DeviceState.CONNECTED):
                self.note.emit(f"{status.name}: {coded_text(status.message) or status.state.value}", 10000)

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
        self.scale_busy.emit(action)
        future.add_done_callback(lambda done: self.scale_replied.emit(action, _reply_of(action, done)))

    def _on_scale_reply(self, action: str, reply: ScaleReply) -> None:
        self.scale_answered.emit(action, reply)
        self.note.emit(reply_text(action, reply)[2], 10000)

    # ------------------------------------------------------------------ worker thread

    def _latest_weight(self) -> WeightReading | None:
        hub = self.hub
        return hub.latest_weight() if hub is not None else None

    def _weight_job(self, reading: WeightReading, seq: int) -> Callable[[WorkerContext], Any]:
        step = self._station_step(lambda station: station.weight(reading.grams, stable=True, source=reading.source))

        def job(ctx: WorkerContext) -> Any:
            if not self.booking.claim(ctx.station, seq):
                return None  # not weighing (the scale reports all day), or this load was already recorded
            return step(ctx)

        return job

    def after_step(self, station: Any, before: Phase, outcome: Outcome) -> Outcome:
        """On the worker, after each station call: entering the weighing step takes the parcel on the scale."""
        return self.booking.after_step(station, before, outcome)

    # ------------------------------------------------------------------ the box photo

    def on_rendered(self, result: JobResult) -> None:
        """A job's result was shown (the window's `rendered`): a packed order's box is photographed."""
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
            self.note.emit(_tr("No photo of order {0}: {1}").format(number, coded_text(error)), 10000)
            return
        self.photos_taken.append(path)
        data_dir = self._data_dir
        try:
            ref = path.resolve().relative_to(data_dir.resolve()).as_posix()
        except ValueError:
            ref = str(path)
        self._run_job(lambda ctx: ctx.station.repo.set_parcel_photo(parcel_uuid, ref), "photo",
                      lambda result: self._photo_recorded(number, result))

    def _photo_recorded(self, number: str, result: JobResult) -> None:
        if result.ok:
            self.note.emit(_tr("Photo of order {0} saved.").format(number), 6000)
        else:
            self.note.emit(_tr("Photo of order {0} not recorded: {1}").format(number, result.error), 10000)


def _reply_of(action: str, future: Future[ScaleReply]) -> ScaleReply:
    from app.devices.scales.base import ReplyKind, ScaleReply

    try:
        return future.result()
    except Exception as exc:  # noqa: BLE001 - a failed command is shown, never raised into a device thread
        return ScaleReply(ReplyKind.ERROR, action, message=str(exc))
