"""The central order database, seen from IT tools: is it reachable, does its clock agree with ours,
and telling it that this station exists (and which version it runs).

The station's own sync (app.sync) owns the real conversation with the central database. Here we
only connect, ask the time, and call app.sync's registration hook when that package provides it:

    app.sync.announce_station(config: app.config.Config, *, version: str, schema: str | None) -> None

which records the station (name, version, schema) centrally and raises an exception whose message
says what went wrong. Until app.sync provides it, setup says that central registration is not
available in this build and carries on: the local registration is what packing needs.
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

from app.it.checks import Check, Severity, failed, passed
from app.it.redact import redact_text, secrets_in_url

CENTRAL_TIMEOUT = 5.0
SKEW_WARNING_S = 2.0  # pack events from two stations would sort wrongly
SKEW_ERROR_S = 60.0  # claims and cut-off times are off by minutes


def libpq_url(url: str) -> str:
    """A SQLAlchemy URL (postgresql+psycopg://...) as libpq takes it (postgresql://...)."""
    return re.sub(r"^postgres(?:ql)?\+[A-Za-z0-9_]+://", "postgresql://", url)


def probe_central(url: str, timeout: float = CENTRAL_TIMEOUT, *, config: Any = None,
                  config_file: Path | None = None) -> list[Check]:
    """Reach the central database and compare clocks. Two checks: reachability and clock skew.

    With the station's `config`, the connection is made the way the station's sync makes it
    (app.sync.pg.connect: password file or keyring, TLS settings), so doctor tests what packing uses.
    """
    name = "central database"
    if not url:
        return [passed(name, "not set: this station works standalone")]
    shown = redact_text(url)
    if not url.startswith(("postgresql", "postgres")) and "=" not in url:
        return [failed(name, f"{shown} is not a PostgreSQL URL", "use central.url = \"postgresql://USER@HOST/DB\"")]
    try:
        import psycopg
    except ImportError:
        return [failed(name, f"{shown} is set, but this build has no PostgreSQL driver (psycopg)",
                       "install it into the station's Python: pip install 'psycopg[binary]' "
                       "(or use a station build that includes it)")]
    known = secrets_in_url(url)
    started = time.monotonic()
    try:
        connection = _connect(psycopg, url, timeout, config, config_file)
    except Exception as exc:  # noqa: BLE001 - psycopg.Error and bad DSNs alike: report, never raise
        reason = redact_text(str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__, known)
        if isinstance(exc, ValueError):  # app.sync's CentralConfigError: settings, not the network
            return [failed(name, f"central settings: {reason}", "correct the [central] settings the message names")]
        return [failed(name, f"{shown} cannot be reached: {reason}",
                       "check the network to the database server, that PostgreSQL is running there and accepts "
                       "this station (pg_hba.conf), and the user and password in central.url; the station keeps "
                       "packing offline meanwhile")]
    try:
        with connection:
            latency_ms = (time.monotonic() - started) * 1000
            before = time.time()  # wall clock: the check measures this machine's clock against the server's
            row: Any = connection.execute("SELECT now(), current_setting('server_version')").fetchone()
            after = time.time()  # wall clock: as above
    except Exception as exc:  # noqa: BLE001
        return [failed(name, f"{shown} connected but a query failed: {redact_text(str(exc), known)}",
                       "check the database user's rights")]
    server_time, server_version = row
    skew = server_time.timestamp() - (before + after) / 2
    reach = passed(name, f"{shown} reachable (PostgreSQL {server_version}, {latency_ms:.0f} ms)",
                   latency_ms=round(latency_ms), server_version=server_version)
    return [reach, clock_check(skew)]


def _connect(psycopg: Any, url: str, timeout: float, config: Any, config_file: Path | None) -> Any:
    if config is not None:
        try:
            from app.sync.pg import connect
            from app.sync.settings import settings_for
        except ImportError:
            pass
        else:
            return connect(settings_for(config), purpose="doctor", station=getattr(config, "station", ""),
                           config_file=config_file)
    # connect_timeout is whole seconds in libpq (and at least 2).
    return psycopg.connect(libpq_url(url), connect_timeout=max(2, int(timeout)), application_name="packstation-doctor")


def clock_check(skew_s: float) -> Check:
    name = "clock"
    direction = "ahead of" if skew_s < 0 else "behind"
    text = f"this station's clock is {abs(skew_s):.1f} s {direction} the central database"
    fix = "turn on network time: sudo timedatectl set-ntp true (Windows: Settings > Time > Sync now)"
    if abs(skew_s) < SKEW_WARNING_S:
        return passed(name, f"in step with the central database ({skew_s:+.2f} s)", skew_s=round(skew_s, 3))
    severity: Severity = "error" if abs(skew_s) >= SKEW_ERROR_S else "warning"
    return failed(name, text, fix, severity=severity, skew_s=round(skew_s, 3))


def announce(config: Any, schema: str | None) -> tuple[bool, str]:
    """Register the station centrally through app.sync's hook. (ok, message); never raises."""
    from app import __version__

    if not getattr(config, "central_url", ""):
        return True, "standalone station: nothing to register centrally"
    try:
        from app.sync import announce_station
    except ImportError:
        return True, ("registered locally; the station's central login is made by an admin "
                      f"(packstation central add-station {config.station})")
    try:
        announce_station(config, version=__version__, schema=schema)
    except Exception as exc:  # noqa: BLE001 - the hook's message is for the admin
        return False, f"central registration failed: {redact_text(str(exc), secrets_in_url(config.central_url))}"
    return True, "registered with the central database"
