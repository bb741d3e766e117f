"""What `packstation` says when a command fails: one line on stderr and an exit status, never a traceback.

Errors a person can cause (a path that does not exist, a folder where a file is expected, no
permission, a malformed file, a value the command cannot use, an order nobody knows, a server
that does not answer) become one sentence naming the thing and the problem, exit 2 for a usage
mistake (the wrong path or value was given) and 1 for a failure. Anything else is a bug: it is
not swallowed, but its traceback goes to the station log (`logs/station.log`) and the user gets
one line saying so and where to look. `PACKSTATION_DEBUG=1` lets the traceback through instead.
"""

from __future__ import annotations

import csv
import json
import logging
import os
import sys
import tomllib

log = logging.getLogger("app.cli")

EXIT_FAILURE = 1
EXIT_USAGE = 2

# Errors the application raises for what a user did or gave it: their message is the sentence to print.
_USER_ERROR_NAMES = (
    ("app.domain.order_refs", "AmbiguousOrderReference"),
    ("app.supervisor.access", "AccessDenied"),
    ("app.supervisor.actions", "ActionError"),
    ("app.supervisor.periods", "PeriodError"),
    ("app.shipping.errors", "ShippingError"),
    ("app.shipping.errors", "ShippingSettingsError"),
    ("app.shipping.errors", "RulesError"),
    ("app.shipping.errors", "RateCardError"),
    ("app.returns.return_label", "ReturnLabelError"),
    ("app.sync.schema", "CentralSchemaError"),
    ("app.sync.settings", "CentralConfigError"),
    ("app.sync.roles", "StationRoleError"),
    ("app.sync.sequences", "SequenceUnavailable"),
    ("app.store.users", "UserError"),
    ("app.store.inventory", "CountError"),
    ("app.store.importing.source", "FileProblem"),
    ("app.store.importing.rows", "RowProblem"),
    ("app.domain.bulk", "BulkError"),
    ("app.domain.inventory", "NegativeStockError"),
    ("app.domain.gs1", "Gs1Error"),
    ("app.domain.gtin", "InvalidGtin"),
    ("app.devices.link", "OpenFailed"),
    ("app.devices.uri", "DeviceURIError"),
    ("app.devices.units", "UnitError"),
    ("app.devices.photos", "PhotoError"),
    ("printers.errors", "PrinterError"),
    ("printers.errors", "LabelError"),
)


def _user_error_types() -> tuple[type[BaseException], ...]:
    """The classes above that this process has imported (an error of a module never loaded cannot occur)."""
    found = []
    for module, name in _USER_ERROR_NAMES:
        loaded = sys.modules.get(module)
        if loaded is not None and isinstance(getattr(loaded, name, None), type):
            found.append(getattr(loaded, name))
    return tuple(found)


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


def explain(exc: BaseException) -> tuple[str, int] | None:
    """(one line, exit status) for an error a user can cause; None for a programming error."""
    name = getattr(exc, "filename", None)
    where = f"{name}: " if name else ""
    if isinstance(exc, IsADirectoryError):
        return f"{where}is a folder; give a file name", EXIT_USAGE
    if isinstance(exc, NotADirectoryError):
        return f"{where}part of this path is a file, not a folder", EXIT_USAGE
    if isinstance(exc, FileNotFoundError):
        return f"{where}no such file or folder (for a file to write: its folder must exist)", EXIT_USAGE
    if isinstance(exc, FileExistsError):
        return f"{where}already exists", EXIT_USAGE
    if isinstance(exc, PermissionError):
        return f"{where}permission denied", EXIT_FAILURE
    if isinstance(exc, UnicodeError):
        return f"a file or value is not readable text (UTF-8 expected): {exc}", EXIT_FAILURE
    if isinstance(exc, tomllib.TOMLDecodeError | json.JSONDecodeError | csv.Error):
        return f"malformed file: {exc}", EXIT_FAILURE
    if isinstance(exc, _user_error_types()):
        return _first_line(str(exc)) or type(exc).__name__, EXIT_FAILURE
    if isinstance(exc, ConnectionError | TimeoutError):
        return f"{where}cannot reach the server: {exc.strerror or exc}", EXIT_FAILURE
    if isinstance(exc, OSError):
        return f"{where}{exc.strerror or exc}", EXIT_FAILURE
    database_error = _database_error(exc)
    if database_error:
        return database_error, EXIT_FAILURE
    return None


def _database_error(exc: BaseException) -> str | None:
    """A database that cannot be reached or read (locked, corrupt, not a database) is not a bug."""
    sqlalchemy_exc = sys.modules.get("sqlalchemy.exc")
    if sqlalchemy_exc is not None and isinstance(exc, sqlalchemy_exc.OperationalError | sqlalchemy_exc.DatabaseError):
        return f"database error: {_first_line(str(getattr(exc, 'orig', None) or exc))}"
    psycopg = sys.modules.get("psycopg")
    if psycopg is not None and isinstance(exc, psycopg.OperationalError):
        return f"database error: {_first_line(str(exc))}"
    return None


def report(exc: BaseException, prog: str = "packstation") -> int:
    """Print the one line for `exc` on stderr and return the exit status (see the module docstring)."""
    explained = explain(exc)
    if explained is not None:
        text, status = explained
        print(f"{prog}: {text}", file=sys.stderr)
        return status
    if os.environ.get("PACKSTATION_DEBUG"):
        raise exc
    log_file = _log_the_bug(exc)
    print(f"{prog}: unexpected error ({type(exc).__name__}: {_first_line(str(exc))[:200]}). "
          f"This is a bug; the details are in {log_file}", file=sys.stderr)
    return EXIT_FAILURE


def _log_the_bug(exc: BaseException) -> str:
    """Log the traceback to the station log (set up here if the command failed before opening it)."""
    try:
        from app.config import station_paths
        from app.startup import setup_logging

        paths = station_paths()
        paths.log_dir.mkdir(parents=True, exist_ok=True)
        setup_logging(paths)
        log.error("command failed", exc_info=exc)
        return str(paths.log_dir / "station.log")
    except Exception:  # noqa: BLE001 - no log folder either: the traceback goes to stderr after all
        import traceback

        traceback.print_exception(exc, file=sys.stderr)
        return "the traceback above"
