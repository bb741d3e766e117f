"""Box photos: filed by order, bounded in size, purged after the retention period; no camera, no problem."""

from __future__ import annotations

import os
import random
import time
import uuid

import pytest

from app.devices.photos import PhotoError, PhotoLimits, PhotoStore, jpeg_size, order_folder_name

PARCEL = str(uuid.UUID(int=1))


def noisy_image(width: int, height: int):  # noqa: ANN201
    """A photo-like image that compresses badly (random blocks), the worst case for the size bound."""
    from PySide6.QtGui import QColor, QImage, QPainter

    image = QImage(width, height, QImage.Format.Format_RGB32)
    rng = random.Random(7)
    painter = QPainter(image)
    for y in range(0, height, 8):
        for x in range(0, width, 8):
            painter.fillRect(x, y, 8, 8, QColor(rng.randrange(256), rng.randrange(256), rng.randrange(256)))
    painter.end()
    return image


def jpeg_bytes(width: int, height: int, quality: int = 90) -> bytes:
    from PySide6.QtCore import QBuffer, QIODevice

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    noisy_image(width, height).save(buffer, "JPG", quality)
    return bytes(buffer.data().data())


def test_a_camera_frame_is_scaled_and_compressed_under_the_bounds(tmp_path):
    """GIVEN a 4000x3000 camera frame that compresses badly
    WHEN it is saved for order #1001
    THEN photos/%231001/<uuid>.jpg exists, its longest side is 1280 px and it is under 300 KB."""
    store = PhotoStore(tmp_path / "photos")
    path = store.save_image("#1001", PARCEL, noisy_image(4000, 3000))
    assert path == tmp_path / "photos" / "%231001" / f"{PARCEL}.jpg"
    data = path.read_bytes()
    assert max(jpeg_size(data)) <= 1280 and len(data) < 300_000
    assert store.photos("#1001") == [path] and store.orders() == ["#1001"]


def test_jpeg_bytes_are_kept_as_they_are_when_small_and_shrunk_when_not(tmp_path):
    """GIVEN a small JPEG and a large one  WHEN saved as bytes
    THEN the small one is stored byte for byte, the large one re-encoded within the limits."""
    store = PhotoStore(tmp_path, PhotoLimits(max_side=640, max_bytes=120_000))
    small = jpeg_bytes(320, 240)
    assert store.save_jpeg("1002", PARCEL, small).read_bytes() == small
    big = store.save_jpeg("1003", PARCEL, jpeg_bytes(2000, 1500)).read_bytes()
    assert max(jpeg_size(big)) <= 640 and len(big) <= 120_000
    with pytest.raises(PhotoError, match="not a JPEG"):
        store.save_jpeg("1004", PARCEL, b"GIF89a...")
    with pytest.raises(PhotoError, match="not a UUID"):
        store.save_jpeg("1004", "../../etc/passwd", small)


def test_order_numbers_can_never_climb_out_of_the_photo_folder(tmp_path):
    """GIVEN hostile or odd order numbers  WHEN turned into folder names  THEN they stay one level under photos/."""
    store = PhotoStore(tmp_path / "photos")
    for order in ("../../etc", "..", ".hidden", "a/b", "SO-1001", "ÄÖ 12"):
        folder = store.folder(order)
        assert folder.parent == tmp_path / "photos" and folder.name not in (".", "..")
        assert not folder.name.startswith(".")
    assert order_folder_name("SO-1001") == "SO-1001"


def test_purge_removes_photos_older_than_the_retention_and_empty_folders(tmp_path):
    """GIVEN photos 40 days and 1 day old  WHEN purged with a 30-day retention
    THEN the old one and its folder are gone, the new one stays; retention 0 keeps everything."""
    store = PhotoStore(tmp_path)
    small = jpeg_bytes(64, 48)
    old = store.save_jpeg("OLD-1", PARCEL, small)
    new = store.save_jpeg("NEW-1", PARCEL, small)
    now = time.time()
    os.utime(old, (now - 40 * 86400, now - 40 * 86400))
    os.utime(new, (now - 86400, now - 86400))
    assert store.purge(0) == 0
    assert store.purge(30, now=now) == 1
    assert not old.exists() and not old.parent.exists() and new.exists()


def test_without_a_camera_the_station_is_told_no_camera_and_capture_declines(tmp_path, qapp):
    """GIVEN a station with no camera attached (or none matching the configured name)
    WHEN the box camera starts and a photo is asked for
    THEN the status is ABSENT "no camera", capture returns False and says why."""
    from app.devices.camera import BoxCamera, list_cameras

    statuses = []
    camera = BoxCamera(PhotoStore(tmp_path), device="no-such-camera-xyz", on_status=statuses.append)
    status = camera.start()
    assert status.state == "absent" and "no camera" in status.message
    results = []
    assert camera.capture("1001", PARCEL, on_saved=lambda path, error: results.append((path, error))) is False
    assert results and results[0][0] is None and "no camera" in results[0][1]
    assert isinstance(list_cameras(), list)
    off = BoxCamera(PhotoStore(tmp_path), device="off")
    assert off.start().state == "absent"
    camera.stop()
    assert statuses[-1].state == "stopped"
