"""`packstation printers|label|slip`: see, test and use the station's printers from a shell."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any


def register(sub: argparse._SubParsersAction) -> None:
    printers = sub.add_parser("printers", help="the station's printers and print queue")
    actions = printers.add_subparsers(metavar="ACTION", required=True)
    actions.add_parser("list", help="configured printers and their queues").set_defaults(handler=cmd_list)
    test = actions.add_parser("test", help="print a test label (and a test page on the document printer)")
    test.add_argument("--which", choices=["label", "document", "both"], default="both")
    test.set_defaults(handler=cmd_test)
    status = actions.add_parser("status", help="ask each printer for its status (Zebra ~HS)")
    status.add_argument("--json", action="store_true")
    status.set_defaults(handler=cmd_status)
    resend = actions.add_parser("resend", help="send again a print job cut off mid-send (interrupted)")
    resend.add_argument("job", help="the job id (its first 8 characters will do), as `printers list` shows it")
    resend.set_defaults(handler=cmd_resend)
    dismiss = actions.add_parser("dismiss", help="an interrupted job came out whole: do not send it again")
    dismiss.add_argument("job")
    dismiss.set_defaults(handler=cmd_dismiss)
    again = actions.add_parser("reprint-slip", help="print an order's packing slip again (the same document)")
    again.add_argument("order")
    again.set_defaults(handler=cmd_reprint_slip)

    label = sub.add_parser("label", help="write the shipping label the printer got for a parcel (rebuilt from "
                                         "the station database: a carrier's label as received)")
    label.add_argument("order")
    label.add_argument("--box", type=int, default=1)
    label.add_argument("--format", choices=["zpl", "pdf", "png"],
                       help="default: the label printer's (a carrier's label: its own)")
    label.add_argument("-o", "--output", type=Path, required=True)
    label.set_defaults(handler=cmd_label)

    slip = sub.add_parser("slip", help="render an order's packing slip (PDF)")
    slip.add_argument("order")
    slip.add_argument("-o", "--output", type=Path, required=True)
    slip.set_defaults(handler=cmd_slip)


@dataclass(frozen=True)
class PrintersView:
    """The station's printers and job store, read without a PrintQueue: these commands run beside
    a running station, and only the station process (the holder of app.station_lock) may run the
    queue's start-up recovery or send its jobs."""

    config: Any
    printers: Any  # app.printing.output.Printers
    store: Any  # app.printing.job_store.SqlJobStore
    template_dir: Path


def _output():  # noqa: ANN202 - (bench, PrintersView)
    from app.printing.job_store import SqlJobStore
    from app.printing.output import Printers
    from app.startup import open_bench

    bench = open_bench()
    view = PrintersView(bench.config, Printers.from_config(bench.config, bench.paths.spool_dir),
                        SqlJobStore(bench.engine), bench.paths.config_dir / "templates")
    return bench, view


def cmd_list(_args: argparse.Namespace) -> int:
    _bench, output = _output()
    counts = output.store.counts()
    for role, uri in (("label", output.printers.label), ("document", output.printers.document)):
        states = {state: n for (printer, state), n in counts.items() if printer == uri}
        queue = ", ".join(f"{n} {state}" for state, n in sorted(states.items())) or "no jobs"
        fmt = f" ({output.printers.label_format})" if role == "label" else " (pdf)"
        print(f"{role:9} {uri}{fmt}: {queue}")
    from printers.print_queue import NEEDS_A_PERSON, JobState

    held = output.store.in_states((JobState.QUEUED,), limit=1)
    if held and held[0].last_error:
        print(f"waiting because: {held[0].last_error}")
    for job in output.store.in_states(NEEDS_A_PERSON, limit=50):
        print(f"{job.state.value:11} {job.uuid[:8]} {job.document} {job.reference}: {job.last_error} "
              f"(packstation printers resend {job.uuid[:8]})")
    return 0


def _job(store: Any, text: str) -> Any:
    """The one job `text` names (a full id or its first characters); LookupError in words otherwise."""
    found = store.by_prefix(text) if len(text.strip()) >= 4 else []
    if not found:
        raise LookupError(f"no print job {text!r} (see `packstation printers list`)")
    if len(found) > 1:
        raise LookupError(f"{text!r} names more than one print job: give more of its id")
    return found[0]


def _running_note(_bench: Any) -> str:
    return "the station sends it (at once when it is running, else when it starts)"


def cmd_resend(args: argparse.Namespace) -> int:
    from printers.print_queue import resend_job

    bench, output = _output()
    try:
        job = resend_job(output.store, _job(output.store, args.job).uuid)
    except (LookupError, ValueError) as exc:
        print(f"packstation: {str(exc).strip(chr(39))}", file=sys.stderr)
        return 1
    print(f"{job.document} {job.reference} ({job.uuid[:8]}) queued again: {_running_note(bench)}")
    return 0


def cmd_dismiss(args: argparse.Namespace) -> int:
    from printers.print_queue import dismiss_job

    _bench, output = _output()
    try:
        job = dismiss_job(output.store, _job(output.store, args.job).uuid)
    except (LookupError, ValueError) as exc:
        print(f"packstation: {str(exc).strip(chr(39))}", file=sys.stderr)
        return 1
    print(f"{job.document} {job.reference} ({job.uuid[:8]}) dismissed: it is not sent again")
    return 0


def cmd_reprint_slip(args: argparse.Namespace) -> int:
    from app.printing.desk import slip_reference
    from app.store.repository import Repository
    from printers.print_queue import reprint_job

    bench, output = _output()
    order = Repository(bench.engine).find_order(args.order)
    if order is None:
        print(f"packstation: no order {args.order}", file=sys.stderr)
        return 1
    first = output.store.first_for(slip_reference(order.number), "slip")
    if first is None:
        print(f"packstation: no packing slip was printed for order {order.number}; scan PS:CMD:REPRINT-SLIP at "
              f"the station after its last order, or write one with `packstation slip {order.number} -o FILE.pdf`",
              file=sys.stderr)
        return 1
    job = reprint_job(output.store, first.uuid)
    print(f"packing slip of order {order.number} queued again as job {job.uuid[:8]} (the same document as "
          f"job {first.uuid[:8]}): {_running_note(bench)}")
    return 0


def cmd_test(args: argparse.Namespace) -> int:
    from printers import Label, Text, render_pdf, render_zpl, send
    from printers.errors import PrinterError

    _bench, output = _output()
    label = Label.inches(4, 6, dpi=output.config.label_dpi,
                         elements=(Text(40, 40, "Packstation test label", height=60),
                                   Text(40, 130, f"Station {output.config.station}", height=40)))
    jobs = []
    if args.which in ("label", "both"):
        data = render_zpl(label) if output.printers.label_format == "zpl" else render_pdf(label)
        jobs.append(("label", output.printers.label, data))
    if args.which in ("document", "both"):
        jobs.append(("document", output.printers.document, render_pdf(label, title="Test page")))
    failed = 0
    for role, uri, data in jobs:
        try:
            send(uri, data, job_id=f"test-{role}")
            print(f"{role}: sent to {uri}")
        except PrinterError as exc:
            failed += 1
            print(f"{role}: FAILED — {exc}", file=sys.stderr)
    return 1 if failed else 0


def cmd_status(args: argparse.Namespace) -> int:
    from printers import open_transport, transport_for
    from printers.errors import PrinterError
    from printers.transports.cups import CupsTransport

    _bench, output = _output()
    report = {}
    for role, uri in (("label", output.printers.label), ("document", output.printers.document)):
        if uri.startswith("cups://"):
            try:
                transport = transport_for(uri)
                assert isinstance(transport, CupsTransport)
                state = transport.queue_state()
                report[role] = {"printer": uri, "ready": state.ready, "message": state.message,
                                "problems": [state.fix] if state.fix else []}
            except PrinterError as exc:
                report[role] = {"printer": uri, "ready": False, "message": str(exc), "problems": ["unreachable"]}
            continue
        if not uri.startswith(("tcp://", "serial://")):
            report[role] = {"printer": uri, "ready": None, "problems": [],
                            "message": "no status to ask (spool folder or file)"}
            continue
        try:
            with open_transport(uri, timeout=3) as transport:
                status = transport.host_status(timeout=3)
            report[role] = {"printer": uri, "ready": status.ready, "message": status.message,
                            "problems": [str(p) for p in status.problems]}
        except PrinterError as exc:
            report[role] = {"printer": uri, "ready": False, "message": str(exc), "problems": ["unreachable"]}
    if args.json:
        print(json.dumps(report, indent=1))
    else:
        for role, entry in report.items():
            print(f"{role:9} {entry['printer']}: {entry['message']}")
    return 0 if all(e["ready"] is not False for e in report.values()) else 1


def cmd_label(args: argparse.Namespace) -> int:
    from app.printing.labels import parcel_label, render_own_label
    from app.store.repository import Repository
    from printers import render_png

    bench, output = _output()
    repo = Repository(bench.engine)
    order = repo.find_order(args.order)
    if order is None:
        print(f"packstation: no order {args.order}", file=sys.stderr)
        return 1
    rebuilt = parcel_label(bench.engine, bench.config, output.template_dir, order, args.box)
    what = f"label of order {order.number} box {args.box}"
    if rebuilt.data is not None:  # a carrier's label: printed as received, so written as received
        carrier_format = rebuilt.format or ""  # "": the carrier did not say (then any --format is taken)
        fmt = args.format or carrier_format
        if carrier_format and fmt != carrier_format:
            print(f"packstation: the {what} is the carrier's {carrier_format.upper()} file, printed as received; "
                  f"use --format {carrier_format}", file=sys.stderr)
            return 1
        args.output.write_bytes(rebuilt.data)
        print(f"{what} (the carrier's, as printed) written to {args.output}")
        return 0
    fmt = args.format or output.printers.label_format
    data = (render_png(rebuilt.label) if fmt == "png"
            else render_own_label(rebuilt.label, fmt, f"{order.number}-{args.box}", output.printers.unicode_font))
    args.output.write_bytes(data)
    if not rebuilt.packed:
        print(f"packstation: box {args.box} of order {order.number} has no label yet: this is how it would "
              "print now", file=sys.stderr)
    print(f"{what} written to {args.output}")
    return 0


def cmd_slip(args: argparse.Namespace) -> int:
    from app.printing.documents import slip_data
    from app.store.repository import Repository
    from printers.documents import render_packing_slip

    bench, output = _output()
    repo = Repository(bench.engine)
    order = repo.find_order(args.order)
    if order is None:
        print(f"packstation: no order {args.order}", file=sys.stderr)
        return 1
    parcels = len(repo.parcels_of(order.number)) or None
    args.output.write_bytes(render_packing_slip(slip_data(order, parcels), template_dir=output.template_dir,
                                                page=bench.config.slip_page))
    print(f"packing slip of order {order.number} written to {args.output}")
    return 0
