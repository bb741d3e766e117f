"""What the station window's process does first, before importing Qt and the app.

    from app.ui.fast_start import pause_gc
    pause_gc()                      # then import app.ui.app and build the window

Importing Qt, SQLAlchemy and the app makes a few hundred thousand objects that all live as long
as the process; the cyclic garbage collector walking them again and again cost about 60 ms of an
~0.8 s start (tests/bench/bench_ui). MainWindow turns collection back on, after freezing those
objects out of its reach, once the station has warmed up (or the start failed, or it closed).
"""

from __future__ import annotations

import gc


def pause_gc() -> None:
    gc.disable()
