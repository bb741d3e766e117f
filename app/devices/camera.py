"""The box camera: a photo of the open box at the moment an order is completed (optional).

Uses QtMultimedia (QCamera + QImageCapture), so it lives on the GUI thread: QCamera needs the Qt
event loop, and its signals — hence `on_saved` and `on_status` — arrive on that thread. Nothing
else in app.devices imports this module, and it imports QtMultimedia only in start(): a station
without a camera, or without the QtMultimedia module (it ships in PySide6-Addons, not in
PySide6-Essentials), runs unchanged and shows "no camera".

    camera = BoxCamera(PhotoStore(data_dir / "photos"), device="auto", on_status=show_status)
    camera.start()                                  # DeviceStatus: CONNECTED or ABSENT ("no camera")
    camera.capture(order_number, parcel_uuid, on_saved=lambda path, error: ...)
    camera.stop()
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.devices.events import DeviceState, DeviceStatus
from app.devices.handler import StatusCallback
from app.devices.photos import PhotoError, PhotoStore
from app.devices.reasons import DeviceReason

log = logging.getLogger(__name__)

SavedCallback = Callable[[Path | None, str], None]  # (path or None, error message)


def list_cameras() -> list[dict[str, Any]]:
    """The cameras Qt can see: [{"id", "description", "default"}]; [] without QtMultimedia."""
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError:
        return []
    default = QMediaDevices.defaultVideoInput()
    return [{"id": bytes(d.id().data()).decode("utf-8", "replace"), "description": d.description(),
             "default": d.id() == default.id()} for d in QMediaDevices.videoInputs()]


class BoxCamera:
    kind = "camera"

    def __init__(self, store: PhotoStore, *, device: str = "auto", on_status: StatusCallback | None = None,
                 name: str = "camera") -> None:
        """`device`: "auto" (the system default), "off", or part of a camera's description or id."""
        self.store = store
        self.device = device.strip() or "auto"
        self.name = name
        self.on_status = on_status
        self._status = DeviceStatus(name, self.kind, DeviceState.ABSENT, DeviceReason("not_started"))
        self._camera: Any = None
        self._capture: Any = None
        self._session: Any = None
        self._devices: Any = None
        self._pending: dict[int, tuple[str, str, SavedCallback | None]] = {}

    @property
    def status(self) -> DeviceStatus:
        return self._status

    @property
    def ready(self) -> bool:
        return self._status.state is DeviceState.CONNECTED and self._capture is not None

    # ------------------------------------------------------------------ life cycle (GUI thread)

    def start(self) -> DeviceStatus:
        if self.device.lower() == "off":
            return self._report(DeviceState.ABSENT, DeviceReason("camera_off"))
        try:
            from PySide6.QtMultimedia import QMediaDevices
        except ImportError:
            return self._report(DeviceState.ABSENT, DeviceReason("camera_unsupported"))
        if self._devices is None:
            self._devices = QMediaDevices()
            self._devices.videoInputsChanged.connect(self._inputs_changed)  # a webcam plugged in or out
        return self._open()

    def stop(self) -> None:
        self._close()
        for _, _, callback in self._pending.values():
            _notify(callback, None, DeviceReason("camera_stopped_first"))
        self._pending.clear()
        self._report(DeviceState.STOPPED, DeviceReason("stopped"))

    def _open(self) -> DeviceStatus:
        from PySide6.QtMultimedia import QCamera, QImageCapture, QMediaCaptureSession

        chosen = self._choose()
        if chosen is None:
            return self._report(DeviceState.ABSENT, DeviceReason("no_camera") if self.device.lower() == "auto"
                                else DeviceReason("no_camera_matching", device=self.device))
        self._close()
        self._camera = QCamera(chosen)
        self._capture = QImageCapture()
        self._session = QMediaCaptureSession()
        self._session.setCamera(self._camera)
        self._session.setImageCapture(self._capture)
        self._capture.imageCaptured.connect(self._captured)
        self._capture.errorOccurred.connect(self._capture_failed)
        self._camera.errorOccurred.connect(self._camera_failed)
        self._camera.start()
        return self._report(DeviceState.CONNECTED, DeviceReason("camera_on", name=chosen.description()))

    def _choose(self) -> Any:
        from PySide6.QtMultimedia import QMediaDevices

        inputs = QMediaDevices.videoInputs()
        if not inputs:
            return None
        if self.device.lower() == "auto":
            default = QMediaDevices.defaultVideoInput()
            return default if not default.isNull() else inputs[0]
        wanted = self.device.lower()
        for candidate in inputs:
            ident = bytes(candidate.id().data()).decode("utf-8", "replace").lower()
            if wanted in candidate.description().lower() or wanted == ident:
                return candidate
        return None

    def _close(self) -> None:
        if self._camera is not None:
            self._camera.stop()
        self._camera = self._capture = self._session = None

    def _inputs_changed(self) -> None:
        if self._camera is not None and self._choose() is None:
            self._close()
            self._report(DeviceState.DISCONNECTED, DeviceReason("camera_unplugged"))
        elif self._camera is None:
            self._open()

    # ------------------------------------------------------------------ taking photos

    def capture(self, order: str, parcel_uuid: str, on_saved: SavedCallback | None = None) -> bool:
        """Take a photo for this parcel; False (and on_saved(None, reason)) when there is no camera."""
        try:
            self.store.path_for(order, parcel_uuid)  # reject bad names before the shutter clicks
        except PhotoError as exc:
            _notify(on_saved, None, str(exc))
            return False
        if not self.ready:
            _notify(on_saved, None, self._status.message or DeviceReason("no_camera"))
            return False
        request = self._capture.capture()
        if request < 0:
            _notify(on_saved, None, DeviceReason("camera_not_ready"))
            return False
        self._pending[request] = (order, parcel_uuid, on_saved)
        return True

    def _captured(self, request: int, image: Any) -> None:
        order, parcel_uuid, callback = self._pending.pop(request, ("", "", None))
        if not order:
            return
        try:
            path = self.store.save_image(order, parcel_uuid, image)
        except (PhotoError, OSError) as exc:
            log.warning("photo for %s not saved: %s", order, exc)
            _notify(callback, None, DeviceReason("photo_not_saved", error=str(exc)))
            return
        _notify(callback, path, "")

    def _capture_failed(self, request: int, error: Any, message: str) -> None:
        _, _, callback = self._pending.pop(request, ("", "", None))
        _notify(callback, None, DeviceReason("photo_failed", error=message))

    def _camera_failed(self, error: Any, message: str) -> None:
        self._report(DeviceState.DISCONNECTED, DeviceReason("camera_error", error=message))

    def _report(self, state: DeviceState, message: str) -> DeviceStatus:
        self._status = DeviceStatus(self.name, self.kind, state, message, self.device)
        if self.on_status is not None:
            try:
                self.on_status(self._status)
            except Exception:  # noqa: BLE001 - the status bar failing must not stop packing
                log.exception("camera status callback failed")
        return self._status


def _notify(callback: SavedCallback | None, path: Path | None, error: str) -> None:
    if callback is None:
        return
    try:
        callback(path, error)
    except Exception:  # noqa: BLE001 - same reason as above
        log.exception("photo callback failed")
