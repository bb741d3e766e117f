"""What the station window's process does first, before importing Qt.

    from app.ui.fast_start import pause_gc
    pause_gc()                      # then import app.ui.app and build the window

Two things make a cold start slower than its work (tests/bench/bench_ui.py):

- Importing Qt, SQLAlchemy and the app makes a few hundred thousand objects that all live as long
  as the process; the cyclic garbage collector walking them again and again cost about 60 ms of an
  ~0.8 s start. `pause_gc()` turns it off; MainWindow turns it back on, after freezing those objects
  out of its reach, once the station has warmed up (or the start failed, or it closed).
- Once PySide6 is imported it hooks every later import (its `__feature__` switch reads the source
  of each new module to see whether it names PySide6): the non-Qt modules a start needs cost a
  fifth more CPU imported after Qt than before it. So app.ui.app imports them first, before
  Qt: SQLAlchemy Core, the configuration, the Station and its store (Core tables only:
  app/store/tables.py), its print output, the station lock. Their import does not depend on the
  database or the disk; opening the database stays on the worker, behind the window. What only
  a hidden screen or a later job needs (the ORM, the renderers, returns, the supervisor's
  console, the settings) is not among them: it is imported after the first frame.

This module itself imports nothing heavy: it is imported, and `pause_gc()` called, before them.

A third: Qt's import hook itself. `drop_feature_import_hook()`, called once Qt is imported, puts
Python's own `__import__` back. The hook exists only for `from __feature__ import snake_case,
true_property`, which Packstation never uses; without it every later import, and every
function-level `import` statement run on the scan path, is an ordinary import again.
"""

from __future__ import annotations

import builtins
import gc


def pause_gc() -> None:
    gc.disable()


def drop_feature_import_hook() -> bool:
    """Undo PySide6's `__import__` replacement (shibokensupport/feature.py keeps the original as
    `builtins.__orig_import__`). Safe while no module selects a `__feature__`: Qt then looks a
    module's selection up only to find none. Returns whether the hook was there to drop."""
    original = getattr(builtins, "__orig_import__", None)
    if original is None or builtins.__import__ is original:
        return False
    builtins.__import__ = original
    return True
