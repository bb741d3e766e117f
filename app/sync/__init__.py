"""The central order database: claims, outbox, pull, offline mode (docs/central.md).

A networked station keeps its SQLite database as cache and outbox. It claims orders centrally
(`claims.ClaimService`), and a background `worker.SyncWorker` pushes its pack events, parcels
and print jobs and pulls order changes by the central change sequence; `service.CentralSync`
ties them together for the Station.

This `__init__` imports nothing: a standalone station never loads psycopg, which only the
modules that talk to PostgreSQL import, and only when they are used.
"""


def announce_station(config, *, version: str, schema: str | None) -> None:
    """Record this station's build centrally (`packstation setup` calls it; the sync worker does
    on every connection). Raises with a readable message when the central database refuses."""
    from app.sync.pg import connect
    from app.sync.settings import settings_for

    with connect(settings_for(config), purpose="setup", station=config.station) as conn:
        conn.execute("SELECT ps_announce(%s, %s)", (version, schema or ""))
