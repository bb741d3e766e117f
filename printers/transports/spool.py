"""A spool directory: each job becomes one file, written atomically, named after its job id.

Another program (a print server, a carrier's desktop tool, a test) picks the files up. A file
appears complete or not at all: it is written under a hidden temporary name, flushed to disk
and renamed into place.
"""

from __future__ import annotations

import os
import tempfile
import time
import uuid
from pathlib import Path

from printers.errors import PrinterError, PrinterUnreachable
from printers.formats import detect_format
from printers.reasons import reason
from printers.transports.base import DEFAULT_TIMEOUT, Transport

EXTENSIONS = {"zpl": "zpl", "pdf": "pdf", "png": "png", "epl": "epl", "text": "txt"}


class SpoolDirTransport(Transport):
    scheme = "dir"
    atomic = True  # a job is written to a temporary file and renamed: whole or not at all

    def __init__(self, uri: str, directory: str, extension: str = "", timeout: float = DEFAULT_TIMEOUT) -> None:
        super().__init__(uri, timeout)
        self.directory = Path(directory)
        self.extension = extension.lstrip(".")
        self._buffer: bytearray | None = None
        self.last_path: Path | None = None

    @property
    def name(self) -> str:
        return reason("spool_folder", path=self.directory)

    def open(self) -> None:
        if not self.directory.is_dir():
            raise PrinterUnreachable(reason("folder_missing", printer=self.name))
        if self._buffer is None:
            self._buffer = bytearray()

    def write(self, data: bytes) -> None:
        self.open()
        assert self._buffer is not None
        self._buffer += data

    def close(self) -> None:
        if self._buffer is None:
            return
        data, self._buffer = bytes(self._buffer), None
        if data:
            self.last_path = self._store(data)

    def _store(self, data: bytes) -> Path:
        job = _safe(self.job_id) if self.job_id else uuid.uuid4().hex
        extension = self.extension or EXTENSIONS[detect_format(data)]
        # A time prefix keeps files in arrival order for whoever consumes the folder: the real arrival
        # time, like the files' own times (a stopped test clock would give every file the same prefix).
        final = self.directory / f"{time.strftime('%Y%m%dT%H%M%S')}-{job}.{extension}"  # wall clock: arrival order
        try:
            fd, temp = tempfile.mkstemp(prefix=f".{job}.", suffix=".part", dir=self.directory)
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(data)
                    fh.flush()
                    os.fsync(fh.fileno())
                os.replace(temp, final)
            except BaseException:
                Path(temp).unlink(missing_ok=True)
                raise
        except OSError as exc:
            raise PrinterError(reason("cannot_write", printer=self.name, error=exc.strerror)) from exc
        return final


def _safe(job_id: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in job_id)[:80] or uuid.uuid4().hex
