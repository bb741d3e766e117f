"""One PostgreSQL role per station, with the least it needs.

A station's role is a member of `ps_station` (created by the migration), which may read the
catalogue and the orders, claim through SECURITY DEFINER functions, append its own pack events
and write its own parcels and print jobs (row-level security: station = its own name). It has
no UPDATE or DELETE on pack events at all, and no write access to orders or claims.
"""

from __future__ import annotations

import os
import re
import secrets
from dataclasses import dataclass
from pathlib import Path

from app.sync.pg import admin_connect

STATION_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,31}")
ROLE_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")
GROUP_ROLE = "ps_station"


class StationRoleError(ValueError):
    """The station or role cannot be set up as asked; the message says why."""


@dataclass(frozen=True)
class StationCredentials:
    station: str
    role: str
    password: str
    created: bool  # False: the role existed and got a new password


def role_for(station: str) -> str:
    """ps_ + the station's name in lower case, '-' as '_': a role name that needs no quoting."""
    return "ps_" + station.lower().replace("-", "_")


def add_station(admin_url: str, station: str, *, role: str | None = None, password: str | None = None,
                connection_limit: int = 10) -> StationCredentials:
    """Create (or re-key) the station's role and register it. Needs an admin with CREATEROLE.

    The password is hashed (SCRAM) on this machine, so the plain text never reaches the server
    or its statement log.
    """
    from psycopg import sql

    if not STATION_NAME.fullmatch(station):
        raise StationRoleError(f"station name {station!r} must be 1-32 letters, digits, '-' or '_'")
    role = role or role_for(station)
    if not ROLE_NAME.fullmatch(role) or role == GROUP_ROLE:
        raise StationRoleError(f"role name {role!r} must be lower-case letters, digits and '_' (not {GROUP_ROLE})")
    password = password or secrets.token_urlsafe(24)
    with admin_connect(admin_url, autocommit=False) as conn:
        owner = conn.execute("SELECT station FROM (SELECT name AS station, role FROM stations) s "
                             "WHERE role = %s AND station <> %s", (role, station)).fetchone()
        if owner:
            raise StationRoleError(f"role {role} already belongs to station {owner[0]}")
        exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone() is not None
        verifier = conn.pgconn.encrypt_password(password.encode(), role.encode(), b"scram-sha-256").decode()
        ident = sql.Identifier(role)
        if exists:
            conn.execute(sql.SQL("ALTER ROLE {} WITH LOGIN INHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE "
                                 "CONNECTION LIMIT {} PASSWORD {}").format(
                ident, sql.Literal(connection_limit), sql.Literal(verifier)))
        else:
            conn.execute(sql.SQL("CREATE ROLE {} WITH LOGIN INHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE "
                                 "CONNECTION LIMIT {} PASSWORD {}").format(
                ident, sql.Literal(connection_limit), sql.Literal(verifier)))
        conn.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(GROUP_ROLE), ident))
        # A station never holds a transaction open: that would stall every station's pull.
        conn.execute(sql.SQL("ALTER ROLE {} SET idle_in_transaction_session_timeout = '30s'").format(ident))
        conn.execute("INSERT INTO stations (name, role) VALUES (%s, %s) "
                     "ON CONFLICT (name) DO UPDATE SET role = EXCLUDED.role, active = true", (station, role))
        conn.commit()
    return StationCredentials(station, role, password, created=not exists)


def disable_station(admin_url: str, station: str) -> bool:
    """Stop a station from logging in and hand its claims back to the queue."""
    from psycopg import sql

    with admin_connect(admin_url, autocommit=False) as conn:
        row = conn.execute("UPDATE stations SET active = false WHERE name = %s RETURNING role", (station,)).fetchone()
        if row is None:
            return False
        conn.execute(sql.SQL("ALTER ROLE {} NOLOGIN").format(sql.Identifier(row[0])))
        conn.execute("DELETE FROM claims WHERE station = %s", (station,))
        conn.commit()
    return True


def write_password_file(path: Path, password: str) -> None:
    """Write a secret readable by its owner only (created 0600, never world-readable even briefly)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, 0o600)  # an existing file keeps its old mode through O_CREAT
        os.write(fd, (password + "\n").encode())
    finally:
        os.close(fd)
