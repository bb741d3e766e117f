"""Loaded by every Python process of a scripts/test-later run (through PYTHONPATH), never by the app.

libfaketime 0.9.10 (Debian 12) with FAKETIME_DONT_FAKE_MONOTONIC=1 shifts the absolute deadline of
clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME) as if the monotonic clock were faked, and the kernel
refuses the negative time: since Python 3.11 that is how time.sleep() waits, so every sleep raises
"OSError: [Errno 22] Invalid argument" (github.com/wolfcw/libfaketime/issues/426). Faking the
monotonic clock instead is worse: thread waits (sem_clockwait) then sleep for the whole shift.
So time.sleep waits in select(), whose time-out is relative and which libfaketime leaves alone.
"""

import select as _select
import time as _time


def _sleep(seconds: float) -> None:
    if seconds < 0:
        raise ValueError("sleep length must be non-negative")
    deadline = _time.monotonic() + seconds
    while (left := deadline - _time.monotonic()) > 0:
        _select.select([], [], [], left)


_time.sleep = _sleep
