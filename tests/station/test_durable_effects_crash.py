"""kill -9 at every commit boundary of a packing: what the facts owed is done exactly once.

The packing below writes every kind of fact a packing writes (sign-in, an order with packing
instructions, QTY, UNDO, a second box, a weight off and a supervisor's override, serials, a
reopened box, a reprint, a void and a repack, a refused scan, sign-out). A child process
(this module, run with `python -m`) packs it with the real Station, PrinterOutput and SQLite
and reports each commit it makes: the facts (with the intents they owe), a print job queued,
an intent settled. A child is killed with SIGKILL right after each distinct kind of commit,
one after another on the same folder (each next child resumes what the last one left, and may
itself be killed while it finishes that); a last Station then finishes what was owed, packs
the rest and the next order. Its labels, slips and e-mails are counted against a clean run.

The child does not start the print queue's sender (a job cut off mid-send is the queue's
business, issue 17 item 2): the restart sends every queued job to the spool folders.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.support import MUG_GTIN, PHONE_GTIN, SOCKS_GTIN, seed_small

ROOT = Path(__file__).resolve().parents[2]

SHIP_FROM = """
[ship_from]
name = "Demo Warehouse"
line1 = "100 Warehouse Way"
city = "Columbus"
region = "OH"
postcode = "43215"
country = "US"
"""
# A scale on the bench (weights are typed into the child as WEIGHT:<grams>), rate-card labels
# (bought per parcel, once) and the customer's shipment e-mail, queued in the outbox (its mail
# server on 127.0.0.1 refuses connections: the rows are counted, not sent).
STATION_TOML = SHIP_FROM + '[packing]\nweigh_parcels = true\n[shipping]\nsources = ["rate_cards"]\n' \
                           '[smtp]\nhost = "127.0.0.1"\nport = {port}\nsecurity = "none"\n' \
                           'from = "Demo Shop <shipping@shop.example.com>"\n[email]\nenabled = true\n'


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

PACKING = [
    "PS:BADGE:P-1001",      # signed_in
    "1002",                 # order_opened (it has packing instructions)
    "PS:CMD:CONFIRM",       # instructions_confirmed
    "PS:CMD:QTY:2",         # qty_armed
    SOCKS_GTIN,             # item_packed ×2
    "PS:CMD:UNDO",          # item_unpacked
    SOCKS_GTIN,
    "12345678",             # scan_rejected (a bad check digit)
    SOCKS_GTIN,
    "PS:CMD:NEXT_BOX",      # box_closed (box 1 of 2)
    "ENV",                  # carton_chosen
    "WEIGHT:400",           # weight_recorded, off: no label yet
    "PS:BADGE:S-2001",      # override_granted: label for box 1 owed
    MUG_GTIN,               # item_packed + box_closed (last)
    "M",                    # carton_chosen
    "WEIGHT:600",           # weight_recorded: label box 2, then label_printed + order_packed: slip, e-mail, stock
    "PS:CMD:REPRINT",       # reprint_requested: the label of box 2 again
    "1003",                 # order_opened
    PHONE_GTIN,             # code_requested
    "SN-0001",              # item_packed (serial)
    PHONE_GTIN,
    "SN-0002",              # item_packed + box_closed
    "PS:CMD:UNDO",          # box_reopened
    "PS:CMD:COMPLETE",      # box_closed
    "ENV",
    "WEIGHT:420",           # packed
    "1004",
    MUG_GTIN,
    MUG_GTIN,
    "M",
    "WEIGHT:950",           # packed
    "PS:CMD:VOID",          # labels_voided: a carrier void and the stock back
    "1004",                 # packed again after the void
    MUG_GTIN,
    MUG_GTIN,
    "M",
    "WEIGHT:950",
]
NEXT_ORDER = ["1001", SOCKS_GTIN, "ENV", "WEIGHT:100"]
FINISH = [*NEXT_ORDER, "PS:CMD:SIGN_OUT"]


# ------------------------------------------------------------ the child process


def _child(kill_at: list[str]) -> int:
    """Pack stdin's lines; report each commit; die with SIGKILL right after the first commit that
    `kill_at` describes (none: pack to the end)."""
    from app.printing import station_output
    from app.printing.job_store import SqlJobStore
    from app.startup import open_bench
    from app.station import Station
    from app.store.repository import Repository

    bench = open_bench()
    output = station_output(bench)
    seen = [0]
    line = [0]

    def boundary(at: str) -> None:
        seen[0] += 1
        report = {"boundary": seen[0], "line": line[0], "at": at}
        if at in kill_at:
            print(json.dumps({**report, "killed": True}), flush=True)
            os.kill(os.getpid(), signal.SIGKILL)
        print(json.dumps(report), flush=True)

    class Reporting(Repository):
        def record(self, facts, **kwargs):  # noqa: ANN001, ANN003, ANN201 - the Repository's own signature
            super().record(facts, **kwargs)
            kinds = sorted(intent.kind for intent in kwargs.get("intents", ()))
            boundary("record:" + "+".join(f.type for f in facts) + (f" owes {','.join(kinds)}" if kinds else ""))

        def settle(self, *settled):  # noqa: ANN001, ANN002, ANN201
            super().settle(*settled)
            boundary("settle:" + ",".join(s.key.split(":")[0] + "=" + s.state for s in settled))

    add = SqlJobStore.add

    def add_and_report(store, job) -> None:  # noqa: ANN001
        add(store, job)
        boundary(f"job:{job.document}")

    SqlJobStore.add = add_and_report  # type: ignore[method-assign]
    station = Station(bench.config, Reporting(bench.engine), output)
    for number, raw in enumerate(sys.stdin, start=1):
        line[0] = number
        scan = raw.strip()
        outcome = (station.weight(int(scan.split(":")[1])) if scan.startswith("WEIGHT:") else station.scan(scan))
        print(json.dumps({"line": number, "outcome": outcome.as_json()}), flush=True)
    return 0


def run_child(home: Path, lines: list[str], kill_at: list[str] = ()) -> list[dict]:  # type: ignore[assignment]
    env = {**os.environ, "PACKSTATION_HOME": str(home), "PYTHONPATH": str(ROOT)}
    env.pop("PACKSTATION_CONFIG", None)
    done = subprocess.run([sys.executable, "-m", "tests.station.test_durable_effects_crash", json.dumps(kill_at)],
                          input="\n".join(lines) + "\n", capture_output=True, text=True, env=env, cwd=ROOT,
                          timeout=120)
    reports = [json.loads(row) for row in done.stdout.splitlines() if row.startswith("{")]
    killed = any("killed" in r for r in reports)
    assert done.returncode == (-signal.SIGKILL if killed else 0), done.stderr[-3000:]
    return reports


# ------------------------------------------------------------ the restart and what it left


def restart_and_finish(home: Path, lines: list[str], monkeypatch) -> list[dict]:  # noqa: ANN001
    """A new Station on the folder (what `packstation` does at start), then the rest of the packing."""
    monkeypatch.setenv("PACKSTATION_HOME", str(home))
    from app.printing import station_output
    from app.startup import open_bench
    from app.station import Station
    from app.store.repository import Repository

    bench = open_bench()
    output = station_output(bench)
    station = Station(bench.config, Repository(bench.engine), output)
    outcomes = []
    for scan in lines:
        outcome = station.weight(int(scan.split(":")[1])) if scan.startswith("WEIGHT:") else station.scan(scan)
        outcomes.append(outcome.as_json())
    assert output.drain(timeout=30)
    output.stop()
    station.repo.close()
    bench.close()
    return outcomes


def made(home: Path) -> dict:
    """Everything the packing owed, counted: print jobs by document and reference, e-mails by order."""
    from sqlalchemy import create_engine

    engine = create_engine(f"sqlite:///{home / 'data' / 'station.db'}")
    with engine.connect() as conn:
        jobs = Counter(f"{row.document} {row.reference}" + (" reprint" if row.reprint_of else "")
                       for row in conn.execute(text("select document, reference, reprint_of from print_jobs")))
        not_sent = conn.execute(text("select count(*) from print_jobs where state != 'done'")).scalar_one()
        emails = Counter(conn.execute(text("select order_number from email_outbox")).scalars())
        owed = conn.execute(text("select kind || ' ' || order_number from effect_intents "
                                 "where state = 'owed'")).scalars().all()
        statuses = dict(conn.execute(text("select number, status from orders where number in "
                                          "('1001','1002','1003','1004')")).all())
        bought = Counter(conn.execute(text("select order_number || ' box ' || box_no from shipping_labels "
                                           "where state = 'bought'")).scalars())
    engine.dispose()
    spooled = Counter(p.name.split("-", 1)[1].rsplit("-", 1)[0] for folder in ("labels", "documents")
                      for p in (home / "data" / "spool" / folder).glob("*.*"))
    return {"jobs": jobs, "not_sent": not_sent, "emails": emails, "owed": owed, "statuses": statuses,
            "bought": bought, "spooled": sum(spooled.values())}


def new_station(root: Path, name: str) -> Path:
    home = root / name
    home.mkdir(parents=True)
    (home / "station.toml").write_text(STATION_TOML.format(port=closed_port()), encoding="utf-8")
    env_home = os.environ.get("PACKSTATION_HOME")
    os.environ["PACKSTATION_HOME"] = str(home)
    try:
        from app.startup import open_bench

        bench = open_bench()
        seed_small(bench.sessions)
        with bench.engine.begin() as conn:
            conn.execute(text("update orders set ship_to_email = 'dana@example.com'"))
            conn.execute(text("update orders set packing_instructions = 'Gift: no invoice in the box.' "
                              "where number = '1002'"))
        bench.close()
    finally:
        if env_home is None:
            os.environ.pop("PACKSTATION_HOME", None)
        else:
            os.environ["PACKSTATION_HOME"] = env_home
    return home


@pytest.fixture(scope="module")
def clean_run(tmp_path_factory):
    """The packing with no crash: its boundaries, and what it made (the expected counts)."""
    root = tmp_path_factory.mktemp("durable")
    home = new_station(root, "clean")
    reports = run_child(home, PACKING)
    boundaries = [r for r in reports if "boundary" in r]
    outcomes = {r["line"]: r["outcome"] for r in reports if "outcome" in r}
    mp = pytest.MonkeyPatch()
    try:
        restart_and_finish(home, FINISH, mp)
    finally:
        mp.undo()
    return root, boundaries, outcomes, made(home)


def test_the_packing_without_a_crash_writes_every_fact_type_and_owes_each_effect_once(clean_run):
    """GIVEN the scripted packing WHEN it runs without a crash THEN every fact type of a packing is
    written, each packed order has one slip and one e-mail, each parcel one label (a reprint is a
    linked job of its own), and nothing is left owed."""
    _root, boundaries, outcomes, expected = clean_run
    written = {part for b in boundaries if b["at"].startswith("record:")
               for part in b["at"][7:].split(" owes ")[0].split("+") if part}
    assert written >= {"signed_in", "order_opened", "instructions_confirmed", "qty_armed", "item_packed",
                       "item_unpacked", "scan_rejected", "box_closed", "carton_chosen", "weight_recorded",
                       "override_granted", "label_printed", "order_packed", "reprint_requested", "code_requested",
                       "box_reopened", "labels_voided"}
    assert outcomes[len(PACKING)]["code"] == "order_packed"
    jobs = expected["jobs"]
    assert jobs["slip order 1002 slip"] == 1 and jobs["slip order 1003 slip"] == 1
    assert jobs["slip order 1004 slip"] == 2  # packed, voided, packed again: a slip per packing
    assert jobs["slip order 1001 slip"] == 1
    assert jobs["label order 1002 box 1"] == 1 and jobs["label order 1002 box 2"] == 1
    assert jobs["label order 1002 box 2 reprint"] == 1
    assert jobs["label order 1004 box 1"] == 2
    assert expected["emails"] == {"1001": 1, "1002": 1, "1003": 1, "1004": 1}
    assert expected["owed"] == [] and expected["not_sent"] == 0
    assert expected["spooled"] == sum(jobs.values())
    assert set(expected["statuses"].values()) == {"packed"}


def test_kill_9_right_after_each_kind_of_commit_then_restart_finishes_what_was_owed_exactly_once(clean_run,
                                                                                                monkeypatch):
    """GIVEN the packing in a child process WHEN it is killed with SIGKILL right after a commit of a
    kind not killed yet (facts with the intents they owe, a print job queued, an intent settled),
    and a new child resumes on the same folder and carries on (and is killed at the next kind,
    also while it finishes what the last one owed), until every kind of commit was cut off once
    THEN a last station finishes what was owed, the rest of the packing and the next order go
    through, and labels, slips and e-mails are made exactly as often as without a crash."""
    root, boundaries, _outcomes, expected = clean_run
    targets = list(dict.fromkeys(b["at"] for b in boundaries))  # every distinct commit, in packing order
    home = new_station(root, "crashes")
    remaining, killed = list(PACKING), []
    while remaining and len(killed) < len(targets):
        reports = run_child(home, remaining, kill_at=[t for t in targets if t not in killed])
        last = [r for r in reports if "boundary" in r][-1]
        if "killed" not in last:
            break  # the rest of the packing commits nothing of a kind not killed yet
        killed.append(last["at"])
        remaining = remaining[last["line"]:]  # the line in flight made its first commit: carry on after it
    assert set(killed) == set(targets), f"never cut off: {set(targets) - set(killed)}"
    outcomes = restart_and_finish(home, remaining + FINISH, monkeypatch)
    assert outcomes[-len(FINISH):][len(NEXT_ORDER) - 1]["code"] == "order_packed", outcomes[-6:]
    assert made(home) == expected, killed


if __name__ == "__main__":
    raise SystemExit(_child(json.loads(sys.argv[1])))
