"""How a live source is kept: its row in the store, its secret beside the configuration, its
cursor, its counters, what it held or skipped and why, and the write-backs it owes.

The tables live in whatever store the connector writes into: a standalone station's SQLite
(migration 0012) or, in a networked warehouse, the central PostgreSQL database (central
migration c0006), where one connector writes for every station. The same Core tables serve
both; a caller hands in an Engine.

    order_sources       one row per source: platform, shop, api_url, secret_ref, settings (JSON),
                        the orders' and the catalogue's cursors, counters, last round and error
    source_orders       one row per order a source has sent: its shop id, number, the shop's
                        updated_at last written (an older update arriving later is ignored), and
                        its state (written, held, skipped) with the reason; held orders keep the
                        order as built (payload) so that a SKU arriving later releases them
    source_writebacks   the outbox of shipments to write back, keyed by the parcel's uuid,
                        claimed with a lease before sending (a crash never makes two)

Secrets (a Shopify token, a WooCommerce key and secret) are kept as the central database password
is (app.sync.settings): in a file of mode 0600 in the configuration folder, or in the OS keyring
(`secret_ref` "file:PATH" or "keyring:SERVICE/NAME"); the store holds only the reference.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, delete, insert, select, update

from app.domain import clock
from app.sources.base import PLATFORMS, SourceConfig
from app.store.sources_models import order_sources, source_orders, source_writebacks
from app.store.values import as_utc
from app.sync.settings import CentralConfigError, check_private

KEYRING_SERVICE = "packstation-sources"
NAME = re.compile(r"[a-z0-9][a-z0-9_.-]{0,47}")

COUNTERS = ("orders_seen", "orders_written", "orders_held", "orders_skipped", "products_written",
            "products_skipped", "writebacks_done", "writebacks_failed")


class SourceSetupError(ValueError):
    """`sources add/remove` refused: the message says what to change."""


@dataclass
class SourceRecord:
    """A source's row as stored."""

    name: str
    platform: str
    shop: str
    api_url: str
    secret_ref: str
    settings: dict[str, Any]
    orders_cursor: datetime | None
    products_cursor: datetime | None
    counters: dict[str, int]
    last_round_at: datetime | None
    last_ok_at: datetime | None
    last_error: str
    created_at: datetime


def check_name(name: str) -> str:
    if not NAME.fullmatch(name):
        raise SourceSetupError(f"source name {name!r}: use 1-48 lower-case letters, digits, '.', '_' or '-', "
                               "starting with a letter or digit (e.g. 'shop-eu')")
    return name


def _record(row: Any) -> SourceRecord:
    return SourceRecord(
        name=row.name, platform=row.platform, shop=row.shop, api_url=row.api_url, secret_ref=row.secret_ref,
        settings=json.loads(row.settings or "{}"), orders_cursor=as_utc(row.orders_cursor),
        products_cursor=as_utc(row.products_cursor), counters={key: getattr(row, key) for key in COUNTERS},
        last_round_at=as_utc(row.last_round_at), last_ok_at=as_utc(row.last_ok_at), last_error=row.last_error,
        created_at=as_utc(row.created_at) or clock.now())


def list_sources(engine: Engine) -> list[SourceRecord]:
    with engine.connect() as conn:
        return [_record(row) for row in conn.execute(select(order_sources).order_by(order_sources.c.name))]


def get_source(engine: Engine, name: str) -> SourceRecord:
    with engine.connect() as conn:
        row = conn.execute(select(order_sources).where(order_sources.c.name == name)).first()
    if row is None:
        known = ", ".join(record.name for record in list_sources(engine)) or "none yet"
        raise SourceSetupError(f"no source named {name!r} (known: {known}); add one with `packstation sources add`")
    return _record(row)


def add_source(engine: Engine, *, name: str, platform: str, shop: str, api_url: str, secret_ref: str,
               settings: Mapping[str, Any] | None = None) -> SourceRecord:
    check_name(name)
    if platform not in PLATFORMS:
        raise SourceSetupError(f"platform must be one of {', '.join(PLATFORMS)}, not {platform!r}")
    with engine.begin() as conn:
        if conn.execute(select(order_sources.c.name).where(order_sources.c.name == name)).first() is not None:
            raise SourceSetupError(f"a source named {name!r} exists already: remove it first "
                                   f"(`packstation sources remove {name}`) or choose another name")
        conn.execute(insert(order_sources).values(
            name=name, platform=platform, shop=shop, api_url=api_url, secret_ref=secret_ref,
            settings=json.dumps(dict(settings or {}), sort_keys=True), created_at=clock.now(), last_error="",
            **{key: 0 for key in COUNTERS}))
    return get_source(engine, name)


def remove_source(engine: Engine, name: str) -> SourceRecord:
    """Forget a source: its row, its order states and unsent write-backs. Orders it wrote stay."""
    record = get_source(engine, name)
    with engine.begin() as conn:
        conn.execute(delete(source_orders).where(source_orders.c.source == name))
        conn.execute(delete(source_writebacks).where(source_writebacks.c.source == name,
                                                     source_writebacks.c.state != "done"))
        conn.execute(delete(order_sources).where(order_sources.c.name == name))
    return record


def record_error(engine: Engine, name: str, message: str) -> None:
    with engine.begin() as conn:
        conn.execute(update(order_sources).where(order_sources.c.name == name)
                     .values(last_error=message[:2000], last_round_at=clock.now()))


# ------------------------------------------------------------------ secrets


def secret_file_for(config_dir: Path, name: str) -> Path:
    return config_dir / "sources" / f"{name}.secret"


def store_secret(secret: str, *, name: str, config_dir: Path, use_keyring: bool = False) -> str:
    """Keep a source's secret; returns its reference for the store. A file is written 0600 from
    the start (never world-readable for a moment), as the central password file must be."""
    if use_keyring:
        keyring = _keyring()
        keyring.set_password(KEYRING_SERVICE, name, secret)
        return f"keyring:{KEYRING_SERVICE}/{name}"
    path = secret_file_for(config_dir, name)
    path.parent.mkdir(parents=True, exist_ok=True)
    if os.name == "posix":
        os.chmod(path.parent, 0o700)
    temporary = path.with_suffix(".tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(secret + "\n")
    os.replace(temporary, path)
    return f"file:{path}"


def read_secret(ref: str) -> str:
    """The secret a reference names; refuses a file others can read (as app.sync.settings does)."""
    kind, _, where = ref.partition(":")
    if kind == "file":
        path = Path(where)
        try:
            check_private(path, "the source's secret file")
            text = path.read_text(encoding="utf-8").strip("\n")
        except CentralConfigError as exc:
            raise SourceSetupError(str(exc)) from None
        except OSError as exc:
            raise SourceSetupError(f"cannot read the source's secret file {path}: {exc.strerror or exc}; "
                                   "add the source again with `packstation sources add`") from None
        if not text.strip():
            raise SourceSetupError(f"the source's secret file {path} is empty")
        return text
    if kind == "keyring":
        service, _, user = where.partition("/")
        secret = _keyring().get_password(service, user)
        if not secret:
            raise SourceSetupError(f"no secret for {user} in the OS keyring (service {service}); "
                                   "add the source again with `packstation sources add ... --keyring`")
        return secret
    raise SourceSetupError(f"unknown secret reference {ref.split(':')[0]!r}")


def forget_secret(ref: str) -> None:
    kind, _, where = ref.partition(":")
    if kind == "file":
        Path(where).unlink(missing_ok=True)
    elif kind == "keyring":
        service, _, user = where.partition("/")
        with contextlib.suppress(Exception):  # already gone: nothing to forget
            _keyring().delete_password(service, user)


def _keyring() -> Any:
    try:
        import keyring  # optional, as for the central password
    except ImportError:
        raise SourceSetupError("--keyring needs the 'keyring' package: pip install keyring") from None
    return keyring


def config_of(record: SourceRecord) -> SourceConfig:
    """What the adapter is built from: the stored row and its secret."""
    return SourceConfig(record.name, record.platform, record.shop, record.api_url, read_secret(record.secret_ref),
                        record.settings)
