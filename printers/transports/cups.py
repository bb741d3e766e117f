"""A CUPS queue, through the `lp` command (run only when a job is sent).

The job is collected in memory and handed to `lp` on close, so a job is either queued whole
or not at all. ZPL goes with -o raw, so CUPS passes it to the printer untouched.
"""

from __future__ import annotations

import shutil
import subprocess

from printers.errors import PrinterError, PrinterTimeout, PrinterUnreachable
from printers.transports.base import DEFAULT_TIMEOUT, Transport


class CupsTransport(Transport):
    scheme = "cups"

    def __init__(self, uri: str, queue: str, raw: bool | None = None, timeout: float = DEFAULT_TIMEOUT,
                 lp_command: str = "lp") -> None:
        super().__init__(uri, timeout)
        self.queue, self.raw, self.lp_command = queue, raw, lp_command
        self._buffer: bytearray | None = None

    @property
    def name(self) -> str:
        return f"Printer queue {self.queue}"

    def open(self) -> None:
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
            self._submit(data)

    def _submit(self, data: bytes) -> None:
        lp = shutil.which(self.lp_command)
        if lp is None:
            raise PrinterUnreachable(f"{self.name}: the CUPS command '{self.lp_command}' is not installed "
                                     "on this computer — ask IT to install CUPS")
        raw = self.raw if self.raw is not None else not data.lstrip().startswith(b"%PDF")
        command = [lp, "-d", self.queue, "-s"]
        if raw:
            command += ["-o", "raw"]
        if self.job_id:
            command += ["-t", self.job_id]
        try:
            done = subprocess.run(command, input=data, capture_output=True, timeout=self.timeout, check=False)
        except subprocess.TimeoutExpired as exc:
            raise PrinterTimeout(f"{self.name} did not take the job in time — check that CUPS is running") from exc
        except OSError as exc:
            raise PrinterUnreachable(f"{self.name}: cannot run '{lp}' ({exc.strerror})") from exc
        if done.returncode != 0:
            detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
            reason = detail[0] if detail else f"lp exited with {done.returncode}"
            if "does not exist" in reason or "Unknown destination" in reason or "not exist" in reason:
                raise PrinterUnreachable(f"{self.name} is unknown to CUPS — check the queue name in the "
                                         f"station settings ({reason})")
            raise PrinterError(f"{self.name} refused the job: {reason}")
