"""Connections to the central PostgreSQL database (psycopg 3), with timeouts that notice an outage.

A station must learn within 5 s that the central database is gone, whether the server was
stopped (the socket closes: immediate), the cable was pulled (nothing answers: TCP keepalives
and tcp_user_timeout give up after ~3 s) or the server hangs (statement_timeout). libpq's
connect_timeout cannot be less than 2 s.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from app.sync.settings import CentralSettings, read_password

if TYPE_CHECKING:
    import psycopg

CONNECT_TIMEOUT_S = 2
STATEMENT_TIMEOUT_MS = 4000
# A dead peer is noticed after idle 1 s + 2 probes 1 s apart; unacknowledged data after 3 s.
NETWORK = {"keepalives": 1, "keepalives_idle": 1, "keepalives_interval": 1, "keepalives_count": 2,
           "tcp_user_timeout": 3000, "connect_timeout": CONNECT_TIMEOUT_S}


def driver():
    """psycopg, imported on first use: a standalone station never needs it."""
    import psycopg

    return psycopg


def connect(settings: CentralSettings, *, purpose: str, station: str = "",
            statement_timeout_ms: int = STATEMENT_TIMEOUT_MS, config_file: Path | None = None,
            password: str | None = None) -> psycopg.Connection:
    """An autocommit connection of a station to the central database.

    Every statement sent on it is parameterised; the timeouts above bound how long a call can
    block. `purpose` names the connection in pg_stat_activity ("claims", "sync").
    """
    psycopg = driver()
    secret = password if password is not None else read_password(settings, config_file)
    extra: dict[str, object] = dict(NETWORK)
    if secret is not None:
        extra["password"] = secret
    if settings.sslmode:
        extra["sslmode"] = settings.sslmode
    if settings.sslrootcert:
        extra["sslrootcert"] = settings.sslrootcert
    # A station must never sit inside an open transaction: it would stall every station's pull.
    extra["options"] = (f"-c statement_timeout={statement_timeout_ms} -c lock_timeout={statement_timeout_ms} "
                        "-c idle_in_transaction_session_timeout=30000")
    extra["application_name"] = f"packstation {station} {purpose}".strip()[:63]
    return psycopg.connect(settings.url, autocommit=True, prepare_threshold=0, **extra)


def admin_connect(url: str, *, autocommit: bool = True) -> psycopg.Connection:
    """A supervisor's or admin's connection (the CLI): no statement timeout, short connect timeout."""
    psycopg = driver()
    return psycopg.connect(url, autocommit=autocommit, connect_timeout=5,
                           application_name="packstation central admin")


def is_connection_error(exc: BaseException) -> bool:
    """True for errors that mean "the central database is out of reach", not "this query is wrong".

    OperationalError covers a refused or broken connection, a server shutdown (57P01) and a
    statement timeout (57014). Errors of our own queries (syntax, constraints, permissions)
    are bugs or misconfiguration and must not be mistaken for an outage.
    """
    psycopg = driver()
    if isinstance(exc, psycopg.errors.InsufficientPrivilege | psycopg.errors.InvalidPassword):
        return False
    return isinstance(exc, psycopg.OperationalError | psycopg.InterfaceError)


def sqlalchemy_url(url: str) -> str:
    """A libpq URL as SQLAlchemy wants it for psycopg 3 (Alembic and the importer use SQLAlchemy)."""
    if url.startswith("postgresql+psycopg://"):
        return url
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    if "=" in url:  # a key=value conninfo: hand it to psycopg unchanged
        from urllib.parse import quote

        return "postgresql+psycopg:///?" + "&".join(
            f"{key}={quote(value)}" for key, value in (part.split("=", 1) for part in url.split()))
    raise ValueError(f"not a PostgreSQL URL: {redact(url)}")


def redact(url: str) -> str:
    """The URL without its password, for messages and logs."""
    from urllib.parse import urlsplit, urlunsplit

    if url.startswith(("postgresql://", "postgres://", "postgresql+psycopg://")):
        parts = urlsplit(url)
        if parts.password is not None:
            netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
            return urlunsplit(parts._replace(netloc=netloc))
        return url
    return " ".join("password=***" if part.startswith("password=") else part for part in url.split())
