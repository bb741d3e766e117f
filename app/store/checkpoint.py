"""WAL checkpoints off the scan path.

SQLite in WAL mode copies the log back into the database file (a checkpoint) when a commit
leaves more than 1,000 pages in the log, and it does so inside that commit, on the committing
thread: the database file is written and fsynced while the packer waits. On a station database
that is one scan in about a hundred taking 8-12 ms instead of 1 (tests/bench/bench_scan.py),
the whole p99 of the scan budget.

So the station's writer connection does not checkpoint (`wal_autocheckpoint=0`); a background
thread does, on its own connection, a second after writes. PASSIVE never blocks a writer or a
reader; what it cannot copy yet (a reader still on an older snapshot) it copies the next time.
Other connections keep SQLite's automatic checkpoint, and the last connection to close
checkpoints the rest, so the log stays bounded even when this thread is not running.
"""

from __future__ import annotations

import logging
import threading

from sqlalchemy import Connection, Engine

log = logging.getLogger(__name__)

DEFAULT_PAGES = 1000  # SQLite's own wal_autocheckpoint
IDLE_SECONDS = 1.0  # after a write, wait this long for the bench to go quiet before checkpointing


class Checkpointer:
    """Checkpoints `engine`'s WAL on a daemon thread, a moment after `wrote()` is called."""

    def __init__(self, engine: Engine, writer: Connection) -> None:
        # On the driver's connection: through SQLAlchemy the PRAGMA would open a transaction.
        raw = writer.connection.driver_connection
        assert raw is not None  # an open Connection always has its driver's
        raw.execute("PRAGMA wal_autocheckpoint=0")
        self._writer = raw
        self._engine = engine
        self._dirty = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="wal-checkpoint", daemon=True)
        self._thread.start()

    @classmethod
    def for_writer(cls, engine: Engine, writer: Connection) -> Checkpointer | None:
        """A checkpointer for a file SQLite database; None for PostgreSQL or an in-memory one."""
        if engine.dialect.name != "sqlite" or engine.url.database in (None, "", ":memory:"):
            return None
        return cls(engine, writer)

    def wrote(self) -> None:
        self._dirty.set()

    def close(self) -> None:
        """Stop the thread; the writer's connection goes back to the pool checkpointing as usual."""
        self._stop.set()
        self._dirty.set()
        self._thread.join(timeout=5)
        self._writer.execute(f"PRAGMA wal_autocheckpoint={DEFAULT_PAGES}")

    def _loop(self) -> None:
        while True:
            self._dirty.wait()
            if self._stop.wait(IDLE_SECONDS):
                return
            self._dirty.clear()
            self.checkpoint()

    def checkpoint(self) -> None:
        try:
            with self._engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)")
        except Exception:  # noqa: BLE001 - a checkpoint skipped is retried after the next write
            log.warning("WAL checkpoint failed; retried after the next write", exc_info=True)
