"""Photos of packed boxes on disk: photos/<order>/<parcel-uuid>.jpg in the station's data folder.

A photo settles "the customer says the box was half empty" months later, so it must be found
by order, stay small (longest side 1280 px, JPEG quality 80, under 300 KB) and go away after the
retention period. This module needs no camera and no Qt for bytes; a QImage is encoded with
QtGui, imported only when one is saved.
"""

from __future__ import annotations

import contextlib
import os
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

JPEG_MAGIC = b"\xff\xd8\xff"
_SOF_MARKERS = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}  # frame headers carry the size


class PhotoError(ValueError):
    """The photo cannot be stored (not a JPEG, too big and no way to shrink it, bad names)."""


@dataclass(frozen=True)
class PhotoLimits:
    max_side: int = 1280  # longest side in pixels
    quality: int = 80  # JPEG quality to start from
    max_bytes: int = 300_000  # the encoder steps quality (then size) down until the file fits


class PhotoStore:
    def __init__(self, root: Path | str, limits: PhotoLimits | None = None) -> None:
        self.root = Path(root)
        self.limits = limits or PhotoLimits()

    # ------------------------------------------------------------------ names

    def folder(self, order: str) -> Path:
        return self.root / order_folder_name(order)

    def path_for(self, order: str, parcel_uuid: str) -> Path:
        try:
            name = str(uuid.UUID(parcel_uuid))
        except (ValueError, AttributeError, TypeError):
            raise PhotoError(f"parcel id {parcel_uuid!r} is not a UUID") from None
        return self.folder(order) / f"{name}.jpg"

    # ------------------------------------------------------------------ saving

    def save_jpeg(self, order: str, parcel_uuid: str, data: bytes) -> Path:
        """Store JPEG bytes; re-encoded (needs QtGui) only when larger than the limits allow."""
        if not data.startswith(JPEG_MAGIC):
            raise PhotoError("not a JPEG image")
        size = jpeg_size(data)
        if size is None or len(data) > self.limits.max_bytes or max(size) > self.limits.max_side:
            data = encode_jpeg(_qimage_from_bytes(data), self.limits)
        return self._write(self.path_for(order, parcel_uuid), data)

    def save_image(self, order: str, parcel_uuid: str, image: Any) -> Path:
        """Store a QImage (from the camera), scaled and compressed to the limits."""
        return self._write(self.path_for(order, parcel_uuid), encode_jpeg(image, self.limits))

    def _write(self, path: Path, data: bytes) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        temporary.write_bytes(data)
        os.replace(temporary, path)  # a reader never sees half a photo
        return path

    # ------------------------------------------------------------------ reading and purging

    def photos(self, order: str) -> list[Path]:
        """The photos of an order, oldest first."""
        folder = self.folder(order)
        if not folder.is_dir():
            return []
        return sorted(folder.glob("*.jpg"), key=lambda p: (p.stat().st_mtime, p.name))

    def orders(self) -> list[str]:
        if not self.root.is_dir():
            return []
        return sorted(unquote(p.name) for p in self.root.iterdir() if p.is_dir())

    def purge(self, retention_days: float, now: float | None = None) -> int:
        """Delete photos older than `retention_days` (0 or less keeps everything); returns how many."""
        if retention_days <= 0 or not self.root.is_dir():
            return 0
        cutoff = (time.time() if now is None else now) - retention_days * 86400  # wall clock: vs file times
        removed = 0
        for folder in self.root.iterdir():
            if not folder.is_dir():
                continue
            for photo in folder.iterdir():
                if photo.suffix in (".jpg", ".tmp"):
                    with contextlib.suppress(FileNotFoundError):
                        if photo.stat().st_mtime < cutoff:
                            photo.unlink()
                            removed += photo.suffix == ".jpg"
            with contextlib.suppress(OSError):
                folder.rmdir()  # only succeeds when empty
        return removed


def order_folder_name(order: str) -> str:
    """A folder name for an order number that is reversible and can never climb out of photos/."""
    order = order.strip()
    if not order:
        raise PhotoError("an order number is needed to file a photo")
    name = quote(order, safe="")
    if name.startswith("."):
        name = "%2E" + name[1:]
    return name


def jpeg_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) from a JPEG's frame header, or None if it cannot be found."""
    i = 2
    while i + 9 < len(data):
        if data[i] != 0xFF:
            return None
        marker = data[i + 1]
        if marker == 0xFF:
            i += 1
            continue
        length = int.from_bytes(data[i + 2:i + 4], "big")
        if marker in _SOF_MARKERS:
            height = int.from_bytes(data[i + 5:i + 7], "big")
            width = int.from_bytes(data[i + 7:i + 9], "big")
            return width, height
        i += 2 + length
    return None


def encode_jpeg(image: Any, limits: PhotoLimits) -> bytes:
    """A QImage as JPEG bytes within `limits`: scale to max_side, then lower quality, then size."""
    from PySide6.QtCore import QBuffer, QIODevice, Qt
    from PySide6.QtGui import QImage

    if image.isNull():
        raise PhotoError("the camera delivered an empty image")
    if max(image.width(), image.height()) > limits.max_side:
        image = image.scaled(limits.max_side, limits.max_side, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    if image.hasAlphaChannel():
        image = image.convertToFormat(QImage.Format.Format_RGB32)

    def encode(picture: Any, quality: int) -> bytes:
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not picture.save(buffer, "JPG", quality):
            raise PhotoError("JPEG encoding failed (Qt's JPEG plugin is missing)")
        return bytes(buffer.data().data())

    quality = limits.quality
    data = encode(image, quality)
    while len(data) > limits.max_bytes and quality > 40:
        quality -= 10
        data = encode(image, quality)
    while len(data) > limits.max_bytes and min(image.width(), image.height()) > 64:
        image = image.scaled(image.width() * 3 // 4, image.height() * 3 // 4, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
        data = encode(image, quality)
    return data


def _qimage_from_bytes(data: bytes) -> Any:
    try:
        from PySide6.QtGui import QImage
    except ImportError as exc:  # pragma: no cover - PySide6 is a dependency of the product
        raise PhotoError("this JPEG is larger than allowed and QtGui is not available to shrink it") from exc
    # (PySide6's stub types the format as bytes; the binding takes a str and refuses bytes)
    image = QImage.fromData(data, "JPG")  # type: ignore[arg-type]
    if image.isNull():
        raise PhotoError("the JPEG data could not be decoded")
    return image
