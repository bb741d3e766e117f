"""`packstation effects`: what packed orders still owe, and what did not happen.

Every effect a fact owes (a label, the packing slip, the customer's e-mail, the stock booking, a
carrier void) is written as an intent with the fact and carried out by the station (app.station).
An intent the station could not carry out is kept as `failed` with its error: this lists them,
with the command that does the work again, so nothing owed is known only to a log line.
"""

from __future__ import annotations

import argparse
import json

# What redoes each kind of effect (ORDER is the order's number).
REDO = {
    "label": "at the bench: scan REPRINT (or VOID and pack again)",
    "reprint": "at the bench: scan REPRINT",
    "slip": "packstation printers reprint-slip ORDER",
    "email": "packstation shipping email-list, then packstation shipping email-requeue",
    "stock": "packstation stock reconcile",
    "void": "void the labels again at the carrier (packstation shipping), then at the bench",
}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("effects", help="what packed orders still owe (labels, slips, e-mails, stock) or failed to do")
    p.add_argument("--all-stations", action="store_true", help="every station's, not only this one's")
    p.add_argument("--json", action="store_true", help="one JSON object per effect")
    p.add_argument("--limit", type=int, default=200, help="at most this many, newest first (default 200)")
    p.set_defaults(handler=cmd_effects)


def cmd_effects(args: argparse.Namespace) -> int:
    """Exit 0 when nothing failed, 1 when something did (for IT's monitoring)."""
    from app.startup import open_bench
    from app.store.repository import Repository

    bench = open_bench()
    repo = Repository(bench.engine)
    try:
        rows = repo.unsettled_intents(station=None if args.all_stations else bench.config.station,
                                      limit=max(1, args.limit))
    finally:
        repo.close()
        bench.close()
    for row in rows:
        row["redo"] = REDO.get(row["kind"], "").replace("ORDER", row["order_number"])
    if args.json:
        for row in rows:
            print(json.dumps({k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in row.items()
                              if k != "payload"}, ensure_ascii=False))
    elif not rows:
        print("nothing owed, nothing failed")
    else:
        for row in rows:
            box = f" box {row['box']}" if row["box"] else ""
            when = row["created_at"].strftime("%Y-%m-%d %H:%M") if row["created_at"] else ""
            error = f": {row['last_error']}" if row["last_error"] else ""
            where = f"({row['station']}, {when})"
            print(f"{row['state']:6} {row['kind']:7} order {row['order_number']}{box} {where}{error}")
            if row["redo"]:
                print(f"       redo: {row['redo']}")
    return 1 if any(row["state"] == "failed" for row in rows) else 0
