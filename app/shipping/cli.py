"""`packstation shipping ...`: rates, labels, close-out, customs, e-mail and write-backs.

    register(subparsers, open_context=None)    # app.cli adds the `shipping` command

Runs standalone too (tests, a supervisor's script):

    python -m app.shipping.cli --database sqlite:///station.db --settings station.toml close-out

`open_context` gives the station's database, settings, ship-from address and name; without
it (or with --database) they come from the command line and the --settings TOML file.
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from app.domain import clock
from app.domain.model import Address
from app.shipping.errors import RateCardError, RulesError, ShippingError, ShippingSettingsError
from app.shipping.settings import ShippingSettings, load_settings


@dataclass
class ShippingContext:
    engine: Engine
    settings: ShippingSettings = field(default_factory=ShippingSettings)
    ship_from: dict[str, str] = field(default_factory=dict)
    station: str = ""


ContextOpener = Callable[[], ShippingContext]


def register(subparsers: Any, open_context: ContextOpener | None = None) -> None:
    shipping = subparsers.add_parser("shipping", help="carriers: rates, labels, close-out, customs, e-mail")
    shipping.add_argument("--database", help="database URL (default: the station's)")
    shipping.add_argument("--settings", type=Path, help="a station.toml to read [shipping], [smtp], [email], "
                                                        "[ship_from] from (default: the station's)")
    shipping.set_defaults(open_context=open_context)
    sub = shipping.add_subparsers(metavar="ACTION", required=True)

    p = sub.add_parser("rates", help="rate shop an order without buying")
    p.add_argument("order")
    p.add_argument("--weight", type=int, help="parcel weight in grams (default: the expected weight)")
    p.add_argument("--carton", help="carton code (default: none, a bag)")
    p.add_argument("--deliver-by", type=date.fromisoformat, help="YYYY-MM-DD")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_guarded(cmd_rates))

    p = sub.add_parser("buy", help="buy (or fetch the bought) label of an order's parcel")
    p.add_argument("order")
    p.add_argument("--box", type=int, default=1)
    p.add_argument("--label-out", type=Path, help="write the label file here")
    p.set_defaults(handler=_guarded(cmd_buy))

    p = sub.add_parser("void", help="void (refund) the label of an order's parcel")
    p.add_argument("order")
    p.add_argument("--box", type=int, default=1)
    p.set_defaults(handler=_guarded(cmd_void))

    sub.add_parser("reconcile", help="settle label purchases a crash left unconfirmed").set_defaults(
        handler=_guarded(cmd_reconcile))

    p = sub.add_parser("labels", help="recent label purchases and their states")
    p.add_argument("--limit", type=int, default=30)
    p.set_defaults(handler=_guarded(cmd_labels))

    p = sub.add_parser("open", help="labelled parcels waiting for the next close-out")
    p.set_defaults(handler=_guarded(cmd_open))

    p = sub.add_parser("close-out", help="close out the day: a manifest per carrier")
    p.add_argument("--carrier", help="only this carrier (default: every carrier with open parcels)")
    p.add_argument("--csv", type=Path, help="folder to write each manifest's CSV to")
    p.add_argument("--pdf", type=Path, help="folder to write each manifest's PDF to")
    p.set_defaults(handler=_guarded(cmd_close_out))

    p = sub.add_parser("manifest", help="show or export a closed manifest")
    p.add_argument("number", nargs="?", help="manifest number (default: list recent manifests)")
    p.add_argument("--csv", type=Path)
    p.add_argument("--pdf", type=Path)
    p.set_defaults(handler=_guarded(cmd_manifest))

    p = sub.add_parser("track", help="check a tracking number's format and check digit")
    p.add_argument("number")
    p.add_argument("--carrier")
    p.set_defaults(handler=_guarded(cmd_track))

    p = sub.add_parser("customs-import", help="load customs data: sku,description,hs_code,origin_country,"
                                              "unit_value,currency")
    p.add_argument("file", type=Path)
    p.set_defaults(handler=_guarded(cmd_customs_import))

    p = sub.add_parser("customs-docs", help="write the customs documents of an order's parcel")
    p.add_argument("order")
    p.add_argument("--box", type=int, default=1)
    p.add_argument("-o", "--output", type=Path, required=True, help="folder")
    p.set_defaults(handler=_guarded(cmd_customs_docs))

    p = sub.add_parser("email-queue", help="queue the shipment e-mail of an order's labelled parcels")
    p.add_argument("order")
    p.set_defaults(handler=_guarded(cmd_email_queue))

    p = sub.add_parser("email-send", help="send the e-mails that are due now")
    p.set_defaults(handler=_guarded(cmd_email_send))

    p = sub.add_parser("email-requeue", help="send a failed or unconfirmed e-mail again (same Message-ID)")
    p.add_argument("message_id")
    p.set_defaults(handler=_guarded(cmd_email_requeue))

    p = sub.add_parser("email-list", help="the e-mail outbox")
    p.add_argument("--state", choices=["queued", "sending", "handed", "sent", "failed", "unconfirmed"])
    p.set_defaults(handler=_guarded(cmd_email_list))

    p = sub.add_parser("export-fulfillments", help="write new fulfillments as a Shopify (Matrixify) CSV")
    p.add_argument("-o", "--output", type=Path, required=True)
    p.add_argument("--channel", default="shopify", help="only orders of this channel ('' for all)")
    p.add_argument("--send-receipt", action="store_true", help="let Shopify e-mail the customer too")
    p.set_defaults(handler=_guarded(cmd_export_fulfillments))

    p = sub.add_parser("rules-check", help="check a shipping rules file")
    p.add_argument("file", type=Path, nargs="?")
    p.set_defaults(handler=_guarded(cmd_rules_check))

    p = sub.add_parser("cards-check", help="check a rate card folder and list its services")
    p.add_argument("folder", type=Path, nargs="?")
    p.set_defaults(handler=_guarded(cmd_cards_check))

    sub.add_parser("set-key", help="store the EasyPost API key (read from standard input) in the OS keyring"
                   ).set_defaults(handler=_guarded(cmd_set_key))


# ---------------------------------------------------------------- context


def context(args: argparse.Namespace) -> ShippingContext:
    opener: ContextOpener | None = getattr(args, "open_context", None)
    if args.database is None and opener is not None:
        ctx = opener()
        if args.settings is not None:
            ctx.settings, ctx.ship_from = _settings_file(args.settings)
        return ctx
    if args.database is None:
        raise SystemExit("packstation shipping: give --database URL (or run it as `packstation shipping`)")
    from app.store.db import open_database

    engine, _ = open_database(args.database)
    settings, ship_from = _settings_file(args.settings) if args.settings else (ShippingSettings(), {})
    return ShippingContext(engine, settings, ship_from, _station_name(args.settings))


def _settings_file(path: Path) -> tuple[ShippingSettings, dict[str, str]]:
    settings = load_settings(path)
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    ship_from = {k: str(v) for k, v in (raw.get("ship_from") or {}).items()}
    return settings, ship_from


def _station_name(path: Path | None) -> str:
    if path is None:
        return ""
    return str((tomllib.loads(path.read_text(encoding="utf-8")).get("station") or {}).get("name", ""))


def _order_and_parcel(ctx: ShippingContext, number: str, box: int):  # noqa: ANN202
    from app.store.repository import Repository

    repo = Repository(ctx.engine)
    try:
        order = repo.find_order(number)
        if order is None:
            raise ShippingError(f"No order {number}.")
        parcel = next((p for p in repo.parcels_of(order.number) if p["box_no"] == box), None)
        cartons = {c.code: c for c in repo.cartons()}
    finally:
        repo.close()
    return order, parcel, cartons


def _buyer(ctx: ShippingContext):  # noqa: ANN202
    from app.shipping.service import label_buyer

    return label_buyer(ctx.engine, ctx.settings, ctx.ship_from)


# ---------------------------------------------------------------- commands


def cmd_rates(args: argparse.Namespace) -> int:
    ctx = context(args)
    order, _, cartons = _order_and_parcel(ctx, args.order, 1)
    carton = cartons.get(args.carton) if args.carton else None
    if args.carton and carton is None:
        print(f"packstation shipping: no carton {args.carton!r} (known: {', '.join(sorted(cartons))})",
              file=sys.stderr)
        return 2
    choice = _buyer(ctx).rates(order, args.weight, carton, deliver_by=args.deliver_by)
    if args.json:
        print(json.dumps({"chosen": choice.chosen.as_dict(), "reason": choice.reason,
                          "considered": [c.as_dict() for c in choice.considered]}, indent=2))
        return 0
    print(f"order {order.number}: {choice.chosen.key} {choice.chosen.amount} {choice.chosen.currency} "
          f"({choice.reason})")
    for c in sorted(choice.considered, key=lambda c: (c.rate.amount, c.rate.key)):
        mark = "*" if c.rate is choice.chosen else " "
        days = "?" if c.rate.transit_days is None else c.rate.transit_days
        print(f" {mark} {c.rate.key:<44} {c.rate.amount:>9} {c.rate.currency} {days:>3} d  "
              f"{c.rate.billable_weight:<8} {c.excluded}")
    return 0


def cmd_buy(args: argparse.Namespace) -> int:
    ctx = context(args)
    order, parcel, cartons = _order_and_parcel(ctx, args.order, args.box)
    if parcel is None:
        print(f"packstation shipping: order {order.number} has no box {args.box} yet (pack and weigh it first)",
              file=sys.stderr)
        return 2
    buyer = _buyer(ctx)
    label = buyer.buy(order, parcel["uuid"], args.box, parcel.get("weight_g"), cartons.get(parcel["carton_code"] or ""))
    if args.label_out and label.label_bytes is not None:
        args.label_out.write_bytes(label.label_bytes)
    print(json.dumps({"order": order.number, "box": args.box, "tracking_number": label.tracking_number,
                      "carrier": label.carrier, "service": label.service, "rate": str(label.rate),
                      "currency": label.currency, "label_format": label.label_format, "reused": label.reused,
                      "self_printed": label.self_printed}))
    return 0


def cmd_void(args: argparse.Namespace) -> int:
    ctx = context(args)
    order, parcel, _ = _order_and_parcel(ctx, args.order, args.box)
    if parcel is None:
        print(f"packstation shipping: order {order.number} has no box {args.box}", file=sys.stderr)
        return 2
    print(f"order {order.number} box {args.box}: {_buyer(ctx).void(parcel['uuid'])}")
    return 0


def cmd_reconcile(args: argparse.Namespace) -> int:
    outcomes = _buyer(context(args)).reconcile_all()
    for parcel_uuid, outcome in outcomes:
        print(f"{parcel_uuid}: {outcome}")
    print(f"{len(outcomes)} unconfirmed purchase(s) looked up")
    return 1 if any(o.startswith("unresolved") for _, o in outcomes) else 0


def cmd_labels(args: argparse.Namespace) -> int:
    from app.shipping.records import LabelRecords

    for r in LabelRecords(context(args).engine).recent(args.limit):
        print(f"{r.order_number:>10} box {r.box_no} g{r.generation} {r.state:<8} {r.carrier} {r.service} "
              f"{r.rate} {r.currency} {r.tracking_number or ''} {r.error_message[:60]}".rstrip())
    return 0


def cmd_open(args: argparse.Namespace) -> int:
    from app.shipping.manifest import open_parcels

    groups = open_parcels(context(args).engine)
    for carrier, parcels in sorted(groups.items()):
        print(f"{carrier}: {len(parcels)} parcel(s), {sum(p.weight_g for p in parcels) / 1000:.2f} kg")
    if not groups:
        print("no labelled parcels waiting for a close-out")
    return 0


def cmd_close_out(args: argparse.Namespace) -> int:
    from app.shipping.manifest import close_out, close_out_all

    ctx = context(args)
    if args.carrier:
        one = close_out(ctx.engine, args.carrier, station=ctx.station)
        manifests = [one] if one else []
    else:
        manifests = close_out_all(ctx.engine, station=ctx.station)
    for manifest in manifests:
        print(f"{manifest.number}: {manifest.carrier}, {manifest.count} parcel(s), "
              f"{manifest.total_weight_g / 1000:.2f} kg")
        _export_manifest(ctx, manifest, args.csv, args.pdf, folder=True)
    if not manifests:
        print("nothing to close out")
    return 0


def cmd_manifest(args: argparse.Namespace) -> int:
    from app.shipping.manifest import load_manifest, recent_manifests

    ctx = context(args)
    if not args.number:
        for number, carrier, closed_at, count in recent_manifests(ctx.engine):
            print(f"{number:<28} {carrier:<16} {closed_at:%Y-%m-%d %H:%M} {count:>5} parcel(s)")
        return 0
    manifest = load_manifest(ctx.engine, args.number)
    if manifest is None:
        print(f"packstation shipping: no manifest {args.number}", file=sys.stderr)
        return 2
    if not (args.csv or args.pdf):
        from app.shipping.manifest import write_csv

        write_csv(manifest, sys.stdout)
    _export_manifest(ctx, manifest, args.csv, args.pdf, folder=False)
    return 0


def _export_manifest(ctx: ShippingContext, manifest, csv_to: Path | None, pdf_to: Path | None, *,  # noqa: ANN001
                     folder: bool) -> None:
    from app.shipping.manifest import write_csv
    from app.shipping.manifest_pdf import render_manifest_pdf

    if csv_to:
        path = csv_to / f"{manifest.number}.csv" if folder else csv_to
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8", newline="") as out:
            write_csv(manifest, out)
        print(f"  CSV: {path}")
    if pdf_to:
        path = pdf_to / f"{manifest.number}.pdf" if folder else pdf_to
        path.parent.mkdir(parents=True, exist_ok=True)
        sender = ", ".join(v for k, v in ctx.ship_from.items() if k in ("name", "city", "country") and v)
        path.write_bytes(render_manifest_pdf(manifest, ship_from=sender))
        print(f"  PDF: {path}")


def cmd_track(args: argparse.Namespace) -> int:
    from app.shipping.tracking import identify, tracking_url, validate

    if args.carrier:
        ok = validate(args.carrier, args.number)
        print(f"{args.number}: {'valid' if ok else 'NOT valid'} for {args.carrier}")
        return 0 if ok else 1
    found = identify(args.number)
    for t in found:
        print(f"{t.number}: {t.carrier} ({t.kind}) {tracking_url(t.carrier, t.number)}")
    if not found:
        print(f"{args.number}: not a UPS, USPS, FedEx or DHL tracking number")
    return 0 if found else 1


def cmd_customs_import(args: argparse.Namespace) -> int:
    from app.shipping.customs import CustomsCatalogue

    saved, errors = CustomsCatalogue(context(args).engine).import_csv(args.file)
    for error in errors:
        print(error, file=sys.stderr)
    print(f"{saved} SKU(s) saved" if not errors else "nothing saved: fix the rows above")
    return 1 if errors else 0


def cmd_customs_docs(args: argparse.Namespace) -> int:
    from app.shipping.customs import CustomsCatalogue, declaration, parcel_contents
    from app.shipping.customs_pdf import CustomsPaperwork, documents_for
    from app.shipping.records import LabelRecords
    from app.shipping.rules import load_rules

    ctx = context(args)
    order, parcel, _ = _order_and_parcel(ctx, args.order, args.box)
    record = LabelRecords(ctx.engine).current(parcel["uuid"]) if parcel else None
    contents = parcel_contents(order, None)
    currency = load_rules(ctx.settings.rules).currency
    decl = declaration(order, contents, CustomsCatalogue(ctx.engine).get(s for s, _ in contents), currency)
    shipper = Address(**{k: v for k, v in ctx.ship_from.items() if k in Address.__dataclass_fields__})
    paperwork = CustomsPaperwork(order.number, record.carrier if record else order.carrier,
                                 record.service if record else order.service_level,
                                 (record.tracking_number or "") if record else "", shipper, order.ship_to, decl,
                                 clock.today())
    args.output.mkdir(parents=True, exist_ok=True)
    for name, pdf in documents_for(paperwork):
        path = args.output / f"{order.number}-{args.box}-{name}.pdf"
        path.write_bytes(pdf)
        print(path)
    return 0


def cmd_email_queue(args: argparse.Namespace) -> int:
    from app.shipping.email_templates import ShippedParcel
    from app.shipping.mailer import queue_shipment_email

    ctx = context(args)
    order, _, _ = _order_and_parcel(ctx, args.order, 1)
    from app.store.repository import Repository

    repo = Repository(ctx.engine)
    try:
        parcels = [ShippedParcel(p["uuid"], p["tracking_number"] or "", p["carrier"], p["service_level"], p["box_no"])
                   for p in repo.parcels_of(order.number) if p["status"] == "labelled"]
    finally:
        repo.close()
    result = queue_shipment_email(ctx.engine, ctx.settings, order, parcels)
    print(f"order {order.number}: {result.outcome} {result.message_id} {result.reason}".rstrip())
    return 0


def cmd_email_send(args: argparse.Namespace) -> int:
    from app.shipping.service import mail_outbox

    ctx = context(args)
    if not ctx.settings.smtp.configured:
        print("packstation shipping: no mail server set up ([smtp] host and from)", file=sys.stderr)
        return 2
    outbox, sender = mail_outbox(ctx.engine, ctx.settings)
    report = outbox.send_due(sender)
    print(f"sent {report.sent}, retrying {report.retrying}, failed {report.failed}, still queued {outbox.pending()}")
    return 0 if not report.failed else 1


def cmd_email_list(args: argparse.Namespace) -> int:
    from app.shipping.mailer import Outbox

    for row in Outbox(context(args).engine).rows(args.state):
        print(f"{row.state:<11} {row.order_number:>10} {row.recipient:<40} attempts {row.attempts} "
              f"{row.last_error[:60]}".rstrip())
    return 0


def cmd_email_requeue(args: argparse.Namespace) -> int:
    from app.shipping.mailer import Outbox

    if not Outbox(context(args).engine).requeue(args.message_id):
        print(f"packstation shipping: no failed or unconfirmed e-mail {args.message_id}", file=sys.stderr)
        return 1
    print(f"{args.message_id} queued again")
    return 0


def cmd_export_fulfillments(args: argparse.Namespace) -> int:
    from app.shipping.fulfillment import claim_fulfillments, mark_exported, pending_fulfillments, write_shopify_csv
    from app.shipping.mailer import sender_identity

    ctx = context(args)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    output = args.output.resolve()
    owner = sender_identity()
    # Claimed before the file is written: an export running beside this one cannot write the same parcels.
    fulfillments = claim_fulfillments(ctx.engine, pending_fulfillments(ctx.engine, channel=args.channel or None),
                                      str(output), owner=owner)
    partial = output.with_name(f"{output.name}.{owner.rpartition(':')[2]}.part")
    with partial.open("w", encoding="utf-8", newline="") as out:
        rows = write_shopify_csv(fulfillments, out, send_receipt=args.send_receipt)
    partial.replace(output)  # the file is whole before the parcels are marked exported
    mark_exported(ctx.engine, fulfillments, str(output), owner=owner)
    print(f"{len(fulfillments)} order(s), {rows} line(s) written to {args.output}")
    return 0


def cmd_rules_check(args: argparse.Namespace) -> int:
    from app.shipping.rules import load_rules

    rules = load_rules(args.file)
    print(f"{rules.source}: OK ({len(rules.levels)} service levels, {len(rules.never)} never-rules, "
          f"{len(rules.channels)} channel preference(s))")
    return 0


def cmd_cards_check(args: argparse.Namespace) -> int:
    from app.shipping.ratecards import RateCards

    cards = RateCards.load(args.folder)
    for card in cards.carriers:
        print(f"{card.name}: {', '.join(s.name for s in card.services)}")
    print(f"{len(cards.services)} service(s) from {len(cards.carriers)} carrier(s): OK")
    return 0


def cmd_set_key(_args: argparse.Namespace) -> int:
    from app.shipping.credentials import store_in_keyring

    key = sys.stdin.readline().strip()
    if not key:
        print("packstation shipping: no key on standard input", file=sys.stderr)
        return 2
    store_in_keyring(key)
    print("EasyPost key stored in the keyring; set [shipping] easypost_keyring = true")
    return 0


# ---------------------------------------------------------------- standalone


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.shipping.cli")
    register(parser.add_subparsers(metavar="COMMAND", required=True))
    args = parser.parse_args(["shipping", *(argv if argv is not None else sys.argv[1:])])
    return run(args)


def run(args: argparse.Namespace) -> int:
    return args.handler(args)


def _guarded(command: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """A command whose errors a person can fix end in one clear line and an exit code, not a traceback."""

    def guarded(args: argparse.Namespace) -> int:
        try:
            return command(args)
        except ShippingError as exc:
            print(f"packstation shipping: {exc.packer_message}", file=sys.stderr)
            if exc.detail:
                print(f"  ({exc.detail})", file=sys.stderr)
            return 1
        except (ShippingSettingsError, RulesError, RateCardError) as exc:
            print(f"packstation shipping: {exc}", file=sys.stderr)
            return 2

    guarded.__name__ = guarded.__qualname__ = command.__name__
    guarded.__doc__ = command.__doc__
    return guarded


if __name__ == "__main__":
    raise SystemExit(main())
