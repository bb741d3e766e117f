"""A CUPS queue, through the `lp` command (run only when a job is sent).

The job is collected in memory and handed to `lp` on close, so a job is either queued whole
or not at all. ZPL goes with -o raw, so CUPS passes it to the printer untouched.

When `lp` refuses a job its message does not say why in a way a packer can act on: with the
scheduler stopped, CUPS 2.4's `lp -d Office` says "lp: Error - The printer or class does not
exist." exactly as it does for a queue that is really unknown. So a refusal is followed by
`lpstat -r` ("scheduler is not running" / "scheduler is running"), which tells the two apart.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass

from printers.errors import (
    PrinterError,
    PrinterNotReady,
    PrinterTimeout,
    PrinterUnreachable,
    SchedulerDown,
    UnknownQueue,
)
from printers.reasons import reason
from printers.transports.base import DEFAULT_TIMEOUT, Transport

_UNKNOWN = ("does not exist", "unknown destination", "invalid destination", "not exist")
_NOT_ACCEPTING = "not accepting jobs"


@dataclass(frozen=True)
class QueueState:
    """What `lpstat` says about a CUPS queue."""

    ready: bool
    message: str
    fix: str = ""


class CupsTransport(Transport):
    scheme = "cups"
    atomic = True  # lp takes the whole job or none of it

    def __init__(self, uri: str, queue: str, raw: bool | None = None, timeout: float = DEFAULT_TIMEOUT,
                 lp_command: str = "lp", lpstat_command: str = "lpstat") -> None:
        super().__init__(uri, timeout)
        self.queue, self.raw, self.lp_command, self.lpstat_command = queue, raw, lp_command, lpstat_command
        self._buffer: bytearray | None = None

    @property
    def name(self) -> str:
        return reason("cups_printer", queue=self.queue)

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

    def _run(self, command: str, *args: str, data: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
        program = shutil.which(command)
        if program is None:
            raise PrinterUnreachable(reason("cups_not_installed", printer=self.name, command=command))
        try:
            return subprocess.run([program, *args], input=data, capture_output=True, timeout=self.timeout,
                                  check=False)
        except subprocess.TimeoutExpired as exc:
            raise PrinterTimeout(reason("cups_no_answer", printer=self.name)) from exc
        except OSError as exc:
            raise PrinterUnreachable(reason("cups_cannot_run", printer=self.name, command=program,
                                            error=exc.strerror)) from exc

    def _submit(self, data: bytes) -> None:
        raw = self.raw if self.raw is not None else not data.lstrip().startswith(b"%PDF")
        args = ["-d", self.queue, "-s"]
        if raw:
            args += ["-o", "raw"]
        if self.job_id:
            args += ["-t", self.job_id]
        done = self._run(self.lp_command, *args, data=data)
        if done.returncode != 0:
            raise self._refusal(_first_line(done.stderr) or f"lp exited with {done.returncode}")

    def _refusal(self, said: str) -> PrinterError:
        """Why lp refused: the scheduler is down, the queue is unknown, or it rejects jobs."""
        if not self.scheduler_running():
            return SchedulerDown(reason("cups_down", printer=self.name))
        lowered = said.lower()
        if _NOT_ACCEPTING in lowered:
            return PrinterNotReady(reason("cups_not_accepting", printer=self.name, detail=said),
                                   fix="Ask IT: queue stopped")
        if any(words in lowered for words in _UNKNOWN):
            return UnknownQueue(reason("cups_unknown_queue", printer=self.name, detail=said))
        return PrinterError(reason("cups_refused", printer=self.name, detail=said))

    def scheduler_running(self) -> bool:
        """`lpstat -r`: "scheduler is running" or "scheduler is not running" (exit status 0 either way)."""
        try:
            done = self._run(self.lpstat_command, "-r")
        except PrinterError:
            return False
        text = (done.stdout + done.stderr).decode("utf-8", "replace").lower()
        return "not running" not in text and "is running" in text

    def queue_state(self) -> QueueState:
        """The queue as `lpstat -p` reports it, for `packstation printers status`."""
        if not self.scheduler_running():
            return QueueState(False, reason("cups_down", printer=self.name), "Ask IT to start CUPS")
        done = self._run(self.lpstat_command, "-p", self.queue)
        text = (done.stdout or done.stderr).decode("utf-8", "replace").strip()
        lowered = text.lower()
        if done.returncode != 0 or any(words in lowered for words in _UNKNOWN):
            return QueueState(False, reason("cups_unknown_queue", printer=self.name, detail=_first_line(text.encode())),
                              "Check the queue name")
        if " disabled" in lowered:
            return QueueState(False, reason("cups_stopped", printer=self.name, detail=_first_line(text.encode())),
                              "Ask IT: queue stopped")
        return QueueState(True, reason("cups_ready", printer=self.name, detail=_first_line(text.encode())))


def _first_line(data: bytes) -> str:
    lines = data.decode("utf-8", "replace").strip().splitlines()
    return lines[0].strip() if lines else ""
