"""`packstation sources ...`: connect a shop, sync it, see what it held or skipped.

    packstation sources add shopify NAME --shop SHOP.myshopify.com --token-file FILE [--api-url URL]
    packstation sources add woocommerce NAME --url https://SHOP --key-file FILE
    packstation sources list | status [NAME] | remove NAME
    packstation sources sync [NAME]        one round, then exit (1 with the reason when a source fails)
    packstation sources run [--listen HOST:PORT]
                                           the connector: a round every --interval s, write-backs at once,
                                           webhooks (HMAC-verified) on HOST:PORT when --listen is given

Where: a standalone station's own store; with `--central URL` (or $PACKSTATION_CENTRAL_URL) the
central database, where one connector serves the whole warehouse. A networked station refuses to
run its own connector (every station pulling the same shop would race on the same orders).
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, select

PROG = "packstation sources"
CENTRAL_ENV = "PACKSTATION_CENTRAL_URL"


def register(sub: Any, *, tracking_url: Callable[[str, str], str] | None = None) -> None:
    """`tracking_url(carrier, number)`: the carrier's tracking page, written back with each parcel (the
    wiring passes app.shipping.tracking.tracking_url: the sources may not import shipping)."""
    sources = sub.add_parser("sources", help="live order sources: Shopify and WooCommerce shops")
    actions = sources.add_subparsers(metavar="ACTION", required=True)

    add = actions.add_parser("add", help="connect a shop")
    platforms = add.add_subparsers(metavar="PLATFORM", required=True)
    shopify = platforms.add_parser("shopify", help="a Shopify shop (Admin API access token)")
    shopify.add_argument("name", help="a short name for this source, e.g. shop-eu")
    shopify.add_argument("--shop", required=True, metavar="SHOP.myshopify.com")
    shopify.add_argument("--token-file", required=True, type=Path, metavar="FILE",
                         help="a file with the Admin API access token (shpat_...) on its first line")
    shopify.add_argument("--api-url", metavar="URL", help="talk to this URL instead of https://SHOP (a proxy, a test)")
    _common_add(shopify)
    shopify.set_defaults(handler=_guard(cmd_add_shopify))
    woo = platforms.add_parser("woocommerce", help="a WooCommerce shop (REST API key, Read/Write)")
    woo.add_argument("name", help="a short name for this source, e.g. shop-eu")
    woo.add_argument("--url", required=True, metavar="https://SHOP", help="the shop's address")
    woo.add_argument("--key-file", required=True, type=Path, metavar="FILE",
                     help="consumer key (ck_...) on the first line, consumer secret (cs_...) on the second")
    _common_add(woo)
    woo.set_defaults(handler=_guard(cmd_add_woocommerce))

    listing = actions.add_parser("list", help="the connected sources")
    _central(listing)
    listing.set_defaults(handler=_guard(cmd_list))
    status = actions.add_parser("status", help="a source's cursor, counters, last error, held and skipped orders")
    status.add_argument("name", nargs="?")
    _central(status)
    status.set_defaults(handler=_guard(cmd_status))
    remove = actions.add_parser("remove", help="disconnect a source (its orders stay)")
    remove.add_argument("name")
    _central(remove)
    remove.set_defaults(handler=_guard(cmd_remove))
    sync = actions.add_parser("sync", help="one round (every source, or NAME), then exit")
    sync.add_argument("name", nargs="?")
    _central(sync)
    sync.set_defaults(handler=_guard(cmd_sync), tracking_url=tracking_url)
    run = actions.add_parser("run", help="the long-running connector")
    run.add_argument("--interval", type=float, default=60.0, help="seconds between rounds (default 60)")
    run.add_argument("--listen", metavar="HOST:PORT",
                     help="also take the shops' webhooks here (POST /webhooks/NAME, HMAC-verified), e.g. "
                          "127.0.0.1:8765 behind the warehouse's HTTPS proxy; polling stays the backstop")
    _central(run)
    run.set_defaults(handler=_guard(cmd_run), tracking_url=tracking_url)
    auto = actions.add_parser("autostart", help="run the connector as a systemd user service (Linux)")
    auto.add_argument("--remove", action="store_true", help="stop and remove the service")
    auto.add_argument("--central", action="store_true",
                      help=f"the service writes into ${CENTRAL_ENV} (set now; kept in the 0600 unit file)")
    auto.set_defaults(handler=_guard(cmd_autostart))


def _central(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--central", metavar="URL",
                        help=f"the central database (default: ${CENTRAL_ENV}; none: this station's own store)")


def _common_add(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--keyring", action="store_true", help="keep the secret in the OS keyring, not a 0600 file")
    parser.add_argument("--no-notify", dest="notify", action="store_false",
                        help="do not let the shop e-mail the customer when a parcel ships")
    parser.add_argument("--webhook-secret-file", type=Path, metavar="FILE",
                        help="the webhooks' secret, to verify deliveries")
    _central(parser)


class SourcesCommandError(Exception):
    """A mistake the person can fix: printed as one line, exit 2."""


def _guard(handler: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        from app.sources.base import SourceError
        from app.sources.registry import SourceSetupError

        try:
            return handler(args)
        except (SourcesCommandError, SourceSetupError, SourceError, ValueError) as exc:
            print(f"{PROG}: {exc}", file=sys.stderr)
            return 2

    return run


@contextmanager
def _store(args: argparse.Namespace) -> Iterator[tuple[Engine, Path]]:
    """The store sources live in, and the folder their secrets go in."""
    from app.config import station_paths

    paths = station_paths().ensure()
    url = getattr(args, "central", None) or os.environ.get(CENTRAL_ENV, "")
    if url:
        from app.sync.schema import engine_for

        engine = engine_for(url)
        with engine.connect() as conn:
            if not engine.dialect.has_table(conn, "order_sources"):
                engine.dispose()
                raise SourcesCommandError("the central database has no order sources yet: run "
                                          "`packstation central init` to upgrade its schema")
        try:
            yield engine, paths.config_dir
        finally:
            engine.dispose()
        return
    from app.startup import open_bench

    bench = open_bench()
    if bench.config.central_url:
        bench.engine.dispose()
        raise SourcesCommandError("this station is networked: one connector serves the whole warehouse from the "
                                  f"central database — run it with --central URL (or ${CENTRAL_ENV}) on one "
                                  "machine, never on every station")
    try:
        yield bench.engine, paths.config_dir
    finally:
        bench.engine.dispose()


def _read_file(path: Path, what: str) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SourcesCommandError(f"no such {what}: {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SourcesCommandError(f"cannot read the {what} {path}: {exc}") from None


def _settings(args: argparse.Namespace) -> dict[str, Any]:
    settings: dict[str, Any] = {"notify_customer": bool(args.notify)}
    if args.webhook_secret_file:
        settings["webhook_secret"] = _read_file(args.webhook_secret_file, "webhook secret file").strip()
    return settings


def cmd_add_shopify(args: argparse.Namespace) -> int:
    import re

    shop = args.shop.strip().lower().removeprefix("https://").rstrip("/")
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*\.myshopify\.com", shop):
        raise SourcesCommandError(f"--shop must be the shop's myshopify.com address (e.g. acme.myshopify.com), "
                                  f"not {args.shop!r}")
    token = (_read_file(args.token_file, "token file").strip().splitlines() or [""])[0].strip()
    if not token:
        raise SourcesCommandError(f"the token file {args.token_file} is empty: put the Admin API access token "
                                  "on its first line")
    api_url = (args.api_url or f"https://{shop}").rstrip("/")
    return _add(args, "shopify", shop, api_url, token)


def cmd_add_woocommerce(args: argparse.Namespace) -> int:
    from urllib.parse import urlsplit

    from app.sources.woocommerce import parse_key_file

    url = args.url.strip().rstrip("/")
    parts = urlsplit(url)
    local = parts.scheme == "http" and parts.hostname in ("127.0.0.1", "localhost", "::1")
    if parts.scheme != "https" and not local:
        raise SourcesCommandError(f"--url must start with https:// (WooCommerce sends REST API keys only over "
                                  f"HTTPS), not {args.url!r}")
    key, secret = parse_key_file(_read_file(args.key_file, "key file"))
    return _add(args, "woocommerce", url, url, f"{key}\n{secret}")


def _add(args: argparse.Namespace, platform: str, shop: str, api_url: str, secret: str) -> int:
    from app.sources.registry import add_source, check_name, forget_secret, store_secret

    check_name(args.name)
    with _store(args) as (engine, config_dir):
        ref = store_secret(secret, name=args.name, config_dir=config_dir, use_keyring=args.keyring)
        try:
            record = add_source(engine, name=args.name, platform=platform, shop=shop, api_url=api_url,
                                secret_ref=ref, settings=_settings(args))
        except Exception:
            forget_secret(ref)
            raise
    where = "the central database" if getattr(args, "central", None) or os.environ.get(CENTRAL_ENV) else "this station"
    print(f"source {record.name} added ({platform}, {shop}) in {where}; secret kept in "
          f"{ref.split(':', 1)[1] if ref.startswith('file:') else 'the OS keyring'}")
    print(f"next: packstation sources sync {record.name}")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from app.sources.registry import list_sources

    with _store(args) as (engine, _):
        records = list_sources(engine)
    if not records:
        print("no sources yet: packstation sources add woocommerce NAME --url https://SHOP --key-file FILE")
        return 0
    for record in records:
        state = f"error: {record.last_error.splitlines()[0]}" if record.last_error else "ok"
        last = record.last_round_at.isoformat(timespec="seconds") if record.last_round_at else "never synced"
        print(f"{record.name:<16} {record.platform:<12} {record.shop:<40} last round {last}  {state}")
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    from app.sources.registry import get_source, list_sources, source_orders, source_writebacks

    with _store(args) as (engine, _):
        records = [get_source(engine, args.name)] if args.name else list_sources(engine)
        if not records:
            print("no sources yet")
            return 0
        for record in records:
            with engine.connect() as conn:
                states: dict[str, int] = dict(conn.execute(select(source_orders.c.state, func.count())
                                           .where(source_orders.c.source == record.name)
                                           .group_by(source_orders.c.state)).all())
                problems = conn.execute(select(source_orders.c.state, source_orders.c.number, source_orders.c.reason)
                                        .where(source_orders.c.source == record.name,
                                               source_orders.c.state.in_(("held", "skipped")))
                                        .order_by(source_orders.c.state, source_orders.c.number)).all()
                writebacks: dict[str, int] = dict(conn.execute(select(source_writebacks.c.state, func.count())
                                               .where(source_writebacks.c.source == record.name)
                                               .group_by(source_writebacks.c.state)).all())
                failed = conn.execute(select(source_writebacks.c.order_number, source_writebacks.c.last_error)
                                      .where(source_writebacks.c.source == record.name,
                                             source_writebacks.c.state == "failed")).all()
            _print_status(record, states, problems, writebacks, failed)
    return 0


def _print_status(record: Any, states: dict[str, int], problems: Sequence[Any], writebacks: dict[str, int],
                  failed: Sequence[Any]) -> None:
    def when(moment: Any) -> str:
        return moment.isoformat(timespec="seconds") if moment else "never"

    print(f"{record.name} ({record.platform}, {record.shop})")
    print(f"  orders cursor {when(record.orders_cursor)}, catalogue cursor {when(record.products_cursor)}")
    print(f"  last round {when(record.last_round_at)}, last good round {when(record.last_ok_at)}")
    print(f"  last error: {record.last_error or 'none'}")
    counters = record.counters
    print(f"  orders now: {states.get('written', 0)} written, {states.get('held', 0)} held, "
          f"{states.get('skipped', 0)} skipped")
    print(f"  counted since added: {counters['orders_seen']} seen, {counters['orders_written']} written, "
          f"{counters['orders_held']} held, {counters['orders_skipped']} skipped; "
          f"{counters['products_written']} products written, {counters['products_skipped']} skipped")
    print("  write-backs: " + (", ".join(f"{count} {state}" for state, count in sorted(writebacks.items()))
                               or "none yet"))
    for state, number, reason in problems:
        print(f"  {state} {number}: {reason}")
    for number, error in failed:
        print(f"  write-back failed {number}: {error}")


def cmd_remove(args: argparse.Namespace) -> int:
    from app.sources.registry import forget_secret, remove_source

    with _store(args) as (engine, _):
        record = remove_source(engine, args.name)
    forget_secret(record.secret_ref)
    print(f"source {record.name} removed; the orders it brought stay in the store")
    return 0


def _adapter_for(engine: Engine) -> Callable[[str], Any]:
    from app.sources.adapters import make_adapter
    from app.sources.registry import config_of, get_source

    def make(name: str) -> Any:
        return make_adapter(config_of(get_source(engine, name)))

    return make


def cmd_sync(args: argparse.Namespace) -> int:
    from app.sources.connector import sync_source
    from app.sources.registry import get_source, list_sources, record_error

    code = 0
    with _store(args) as (engine, _):
        names = [get_source(engine, args.name).name] if args.name else [r.name for r in list_sources(engine)]
        if not names:
            raise SourcesCommandError("no sources yet: add one with `packstation sources add`")
        make = _adapter_for(engine)
        for name in names:
            try:
                adapter = make(name)
            except Exception as exc:  # noqa: BLE001 - a bad secret file or URL: this source fails, not the others
                message = str(getattr(exc, "message", None) or exc)
                record_error(engine, name, message)
                print(f"{PROG}: {name}: {message}", file=sys.stderr)
                code = 1
                continue
            try:
                report = sync_source(engine, name, adapter, tracking_url=args.tracking_url)
            finally:
                adapter.close()
            print(report.summary())
            if report.error:
                print(f"{PROG}: {name} failed: {report.error}", file=sys.stderr)
                code = 1
    return code


def cmd_run(args: argparse.Namespace) -> int:
    from app.sources.connector import Connector

    listen = _address(args.listen) if args.listen else None
    with _store(args) as (engine, _):
        connector = Connector(engine, _adapter_for(engine), interval=max(5.0, args.interval),
                              tracking_url=args.tracking_url,
                              on_report=lambda report: print(report.summary(), flush=True))

        def stop(*_: Any) -> None:
            connector.halt()

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        listener = None
        if listen is not None:
            from app.sources.webhooks import WebhookListener

            try:
                listener = WebhookListener(connector, *listen).start()
            except OSError as exc:
                raise SourcesCommandError(f"--listen {args.listen}: cannot listen there ({exc.strerror or exc})"
                                          ) from None
            print(f"{PROG}: webhooks on {listener.url}/webhooks/NAME", flush=True)
        print(f"{PROG}: connector running (a round every {connector.interval:.0f} s; Ctrl+C stops)", flush=True)
        try:
            connector.run()
        finally:
            if listener is not None:
                listener.stop()
    return 0


def _address(text: str) -> tuple[str, int]:
    host, _, port = text.rpartition(":")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise SourcesCommandError(f"--listen must be HOST:PORT (e.g. 127.0.0.1:8765), not {text!r}")
    return host.strip("[]"), int(port)


def cmd_autostart(args: argparse.Namespace) -> int:
    from app.it.autostart import install_connector, remove_connector

    if args.remove:
        notes = remove_connector()
    else:
        if args.central and not os.environ.get(CENTRAL_ENV):
            raise SourcesCommandError(f"--central: set {CENTRAL_ENV} to the central database's URL first")
        _, notes = install_connector(central=args.central)
    for note in notes:
        print(note)
    return 0
