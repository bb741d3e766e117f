"""Senders that never double-send (issue 17 item 4): e-mails and write-backs are claimed in the database.

Real processes race on one station database and a real SMTP server on 127.0.0.1 (aiosmtpd):
two senders at once send every message once; a sender killed while the server holds its
message is not followed by a second copy; a sender killed before handing its messages over
leaves them to the next sender, which sends them once. Two fulfillment exports at once write
each order into one file only.
"""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import select

from app.shipping.email_templates import ShippedParcel
from app.shipping.mailer import Outbox, queue_shipment_email
from app.store.shipping_models import EmailOutbox
from tests.shipping.test_email import customer_order, free_port, settings_for

ROOT = Path(__file__).resolve().parents[2]
SENDER = """
import sys, time
from datetime import timedelta
from app.shipping.mailer import Outbox, SmtpSender
from app.shipping.settings import parse_settings
from app.store.db import open_database

url, port, lease_s, limit = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
engine, _ = open_database(url, migrate=False)
settings = parse_settings({"smtp": {"host": "127.0.0.1", "port": port, "security": "none",
                                    "from": "Demo Shop <shipping@shop.example.com>"}, "email": {"enabled": True}})
outbox = Outbox(engine, lease=timedelta(seconds=lease_s))
print("ready", flush=True)
sys.stdin.readline()  # both senders start on the same word
sent = 0
while True:
    report = outbox.send_due(SmtpSender(settings.smtp), limit=limit)
    sent += report.sent
    if report.sent + report.retrying + report.failed + report.skipped == 0:
        break
print(sent, flush=True)
"""


class Inbox:
    """Counts what the server accepted, by Message-ID; `hold` keeps the first DATA waiting until released."""

    def __init__(self, hold: bool = False) -> None:
        self.ids: Counter[str] = Counter()
        self.lock = threading.Lock()
        self.hold = hold
        self.holding = threading.Event()
        self.release = threading.Event()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        import asyncio
        from email import message_from_bytes, policy

        message_id = message_from_bytes(envelope.content, policy=policy.default)["Message-ID"]
        with self.lock:
            self.ids[message_id] += 1
        if self.hold and not self.holding.is_set():
            self.holding.set()
            while not self.release.is_set():
                await asyncio.sleep(0.02)
        return "250 OK"


@pytest.fixture
def smtp_server():
    servers = []

    def start(inbox: Inbox) -> int:
        controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
        controller.start()
        servers.append(controller)
        return controller.port

    yield start
    for controller in servers:
        controller.stop()


def queue(engine, count: int, port: int) -> list[str]:
    settings = settings_for(port)
    ids = []
    for n in range(count):
        parcel = ShippedParcel(f"3f1c7f0e-0000-4000-8000-{n:012d}", f"1Z999AA1{n:010d}", "UPS", "Ground")
        ids.append(queue_shipment_email(engine, settings, customer_order(), [parcel]).message_id)
    return ids


def sender(engine, port: int, *, lease_s: float = 60, limit: int = 3) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", SENDER, str(engine.url), str(port), str(lease_s), str(limit)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            cwd=ROOT, env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    assert proc.stdout.readline().strip() == "ready", proc.stderr.read()
    return proc


def go(proc: subprocess.Popen) -> None:
    proc.stdin.write("go\n")
    proc.stdin.flush()


def states(engine) -> dict[str, str]:
    with engine.connect() as conn:
        return dict(conn.execute(select(EmailOutbox.message_id, EmailOutbox.state)).all())


def test_two_senders_racing_send_every_message_once(engine, smtp_server):
    """GIVEN 30 queued e-mails WHEN two sender processes start on the same word and drain the outbox in
    small batches THEN the server receives each Message-ID exactly once and every row is sent."""
    inbox = Inbox()
    port = smtp_server(inbox)
    ids = queue(engine, 30, port)
    first, second = sender(engine, port), sender(engine, port)

    go(first), go(second)
    outs = [proc.communicate(timeout=60) for proc in (first, second)]

    assert [proc.returncode for proc in (first, second)] == [0, 0], outs
    assert sorted(inbox.ids) == sorted(ids) and set(inbox.ids.values()) == {1}
    assert sum(int(out.strip().splitlines()[-1]) for out, _ in outs) == 30
    assert set(states(engine).values()) == {"sent"}


def test_a_sender_killed_mid_send_is_never_followed_by_a_second_copy(engine, smtp_server):
    """GIVEN three queued e-mails and a sender killed while the server holds the first one's DATA
    WHEN a second sender runs after the first one's lease ran out THEN the first message is not sent
    again (unconfirmed, for a person to decide), the two never handed over go once each; requeued
    by a person, the first goes again."""
    inbox = Inbox(hold=True)
    port = smtp_server(inbox)
    first_id, *rest = queue(engine, 3, port)
    doomed = sender(engine, port, lease_s=0.5)
    go(doomed)
    assert inbox.holding.wait(20), doomed.stderr.read()
    assert states(engine)[first_id] == "handed"

    os.kill(doomed.pid, signal.SIGKILL)
    doomed.wait(10)
    inbox.release.set()  # the server finishes the message it was given
    time.sleep(0.6)  # the dead sender's lease runs out
    survivor = sender(engine, port)
    go(survivor)
    out, err = survivor.communicate(timeout=60)

    assert survivor.returncode == 0, err
    assert inbox.ids == Counter({first_id: 1, rest[0]: 1, rest[1]: 1})
    assert states(engine) == {first_id: "unconfirmed", rest[0]: "sent", rest[1]: "sent"}
    assert Outbox(engine).requeue(first_id)
    again = sender(engine, port)
    go(again)
    again.communicate(timeout=60)
    assert inbox.ids[first_id] == 2 and states(engine)[first_id] == "sent"


def test_two_fulfillment_exports_at_once_write_each_order_once(home, tmp_path):
    """GIVEN four packed Shopify orders WHEN two `packstation shipping export-fulfillments` run at once THEN each
    order is in exactly one of the two files, and a third export finds nothing new."""
    from app.startup import open_bench
    from app.store.repository import Repository
    from tests.shipping.test_fulfillment import pack
    from tests.support import seed_small

    bench = open_bench()
    seed_small(bench.sessions)
    repo = Repository(bench.engine)
    for number, tracking in (("1001", "1Z999AA10123456784"), ("1002", "1Z5R89390357567127"),
                             ("1003", "1Z999AA10123456785"), ("1004", "1Z999AA10123456786")):
        pack(bench.sessions, repo, number, [tracking])
    repo.close()
    bench.close()
    env = {**os.environ, "PACKSTATION_HOME": str(home), "PYTHONDONTWRITEBYTECODE": "1"}

    def export(n: int) -> subprocess.Popen:
        return subprocess.Popen([sys.executable, "-m", "app.cli", "shipping", "export-fulfillments", "-o",
                                 str(tmp_path / f"out{n}.csv")], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)

    runs = [export(1), export(2)]
    results = [run.communicate(timeout=60) for run in runs]
    third = export(3)
    third.communicate(timeout=60)

    assert [run.returncode for run in (*runs, third)] == [0, 0, 0], results
    names = Counter(row["Name"] for n in (1, 2, 3) for row in csv.DictReader((tmp_path / f"out{n}.csv").open()))
    assert names == Counter({"#1001": 1, "#1002": 2, "#1003": 1, "#1004": 1})  # 1002 has two lines
