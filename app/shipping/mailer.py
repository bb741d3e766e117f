"""Customer e-mail: queued durably, claimed before it goes, sent over SMTP once, retried, never queued twice.

`queue_shipment_email` renders the message and stores it in the outbox with a Message-ID
derived from the shipment's first parcel: queuing the same shipment again finds that row and
adds nothing. `Outbox.send_due` sends what is due and marks a row sent only once the server
has accepted the message (250 after DATA). Temporary failures (no connection, 4xx) are retried
with growing waits; a permanent refusal (5xx) marks the row failed for the office to see.

Several senders may run beside each other (the station's mail worker, `packstation shipping
email-send`, a second station on a shared database): a row is claimed in the database before it
goes. `queued` -> `sending` (claimed_by, lease_until: taken in one write transaction, so two
senders never hold the same row) -> `handed` (written, only by the row's holder, just before
the message is given to the SMTP session) -> `sent`, or back to `queued` for a retry, or
`failed`. A sender that dies:

- holding `sending` rows: nothing of them reached a server; when the lease runs out they are
  queued again and go once;
- holding a `handed` row: the server may have accepted it. When the lease runs out the row
  becomes `unconfirmed` and is never sent again by itself (no duplicate to the customer);
  `email-list --state unconfirmed` shows it and `email-requeue MESSAGE_ID` sends it again on a
  person's word.

Nothing is ever sent without being in the outbox first.
"""

from __future__ import annotations

import contextlib
import logging
import os
import smtplib
import socket
import ssl
import threading
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, parseaddr

from sqlalchemy import Engine, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from app.domain import clock
from app.domain.model import Order
from app.shipping.email_templates import ShippedParcel, render_shipment
from app.shipping.settings import ShippingSettings, SmtpSettings
from app.store.db import write_transaction
from app.store.shipping_models import EmailOutbox

log = logging.getLogger(__name__)
_outbox = EmailOutbox.__table__
MAX_ATTEMPTS = 12
LEASE = timedelta(minutes=5)  # how long a sender's claim holds; a dead sender's rows come back after it
UNCONFIRMED = ("the sender stopped after handing this message to the mail server, before the server's answer "
               "was recorded: it may have arrived; send it again only if the customer did not get it")


def sender_identity() -> str:
    """Who holds a claim: host, process and a random part (a pid is reused after a restart)."""
    return f"{socket.gethostname()[:30]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


@dataclass(frozen=True, slots=True)
class Queued:
    outcome: str  # queued, already queued, skipped
    message_id: str = ""
    reason: str = ""


def message_id_for(parcel_uuid: str, domain: str) -> str:
    return f"<shipment-{parcel_uuid}@{domain or 'packstation.invalid'}>"


def queue_shipment_email(engine: Engine, settings: ShippingSettings, order: Order, parcels: list[ShippedParcel],
                         *, now: datetime | None = None) -> Queued:
    """Queue the shipment confirmation for an order's parcels (one message per call's first parcel)."""
    email = settings.email
    if not email.enabled:
        return Queued("skipped", reason="e-mail is off ([email] enabled)")
    if order.channel.casefold() in email.skip_channels:
        return Queued("skipped", reason=f"{order.channel} tells its customers itself")
    recipient = order.ship_to.email.strip()
    if not recipient or "@" not in parseaddr(recipient)[1]:
        return Queued("skipped", reason="the order has no customer e-mail address")
    # A parcel on the station's own label (rate cards) has a carrier and service but no tracking number:
    # the customer is still told it left, and with whom.
    parcels = [p for p in parcels if p.tracking_number or p.carrier]
    if not parcels:
        return Queued("skipped", reason="no carrier or tracking number to tell")
    domain = email.message_domain or parseaddr(settings.smtp.sender)[1].rpartition("@")[2]
    message_id = message_id_for(parcels[0].parcel_uuid, domain)
    with engine.connect() as conn:
        if conn.execute(select(_outbox.c.id).where(_outbox.c.message_id == message_id)).first():
            return Queued("already queued", message_id)
    brand = email.brand_for(order.channel)
    rendered = render_shipment(order, parcels, brand, email.templates)
    now = now or clock.now()
    try:
        with write_transaction(engine) as conn:
            conn.execute(insert(_outbox).values(
                message_id=message_id, order_number=order.number, parcel_uuid=parcels[0].parcel_uuid, brand=brand,
                recipient=formataddr((order.ship_to.name, recipient)), subject=rendered.subject[:255],
                text_body=rendered.text, html_body=rendered.html, state="queued", attempts=0, next_attempt_at=now,
                last_error="", created_at=now))
    except IntegrityError:
        return Queued("already queued", message_id)
    return Queued("queued", message_id)


def build_message(row, sender: str) -> EmailMessage:  # noqa: ANN001 - an email_outbox row
    """The same bytes on every attempt: headers come from the row, not from the clock."""
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = row.recipient
    msg["Subject"] = row.subject
    msg["Message-ID"] = row.message_id
    created = row.created_at if row.created_at.tzinfo else row.created_at.replace(tzinfo=UTC)
    msg["Date"] = format_datetime(created)
    msg["X-Packstation-Order"] = row.order_number
    msg.set_content(row.text_body)
    msg.add_alternative(row.html_body, subtype="html")
    return msg


class SmtpSender:
    """One SMTP session per batch: connect, STARTTLS or SMTPS, log in, send, quit."""

    def __init__(self, smtp: SmtpSettings) -> None:
        self.smtp = smtp

    def open(self) -> smtplib.SMTP:
        s = self.smtp
        context = ssl.create_default_context(cafile=str(s.cafile) if s.cafile else None)
        if s.security == "ssl":
            client: smtplib.SMTP = smtplib.SMTP_SSL(s.host, s.port, timeout=s.timeout_s, context=context)
        else:
            client = smtplib.SMTP(s.host, s.port, timeout=s.timeout_s)
            client.ehlo()
            if s.security == "starttls":
                client.starttls(context=context)
                client.ehlo()
        if s.user:
            client.login(s.user, s.password())
        return client


@dataclass
class SendReport:
    sent: int = 0
    retrying: int = 0
    failed: int = 0
    skipped: int = 0  # taken over by another sender after this one's lease ran out


class Outbox:
    def __init__(self, engine: Engine, *, owner: str | None = None, lease: timedelta = LEASE) -> None:
        self.engine = engine
        self.owner = owner or sender_identity()
        self.lease = lease
        self._lock = threading.Lock()  # one run at a time in this process; the database arbitrates between processes

    def pending(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(_outbox)
                                .where(_outbox.c.state == "queued")).scalar_one()

    def rows(self, state: str | None = None, limit: int = 50) -> list:
        query = select(_outbox).order_by(_outbox.c.id.desc()).limit(limit)
        if state:
            query = query.where(_outbox.c.state == state)
        with self.engine.connect() as conn:
            return list(conn.execute(query).all())

    def claim(self, now: datetime, limit: int = 50) -> list:
        """Take the due rows for this sender (state sending, claimed_by, lease_until), in one write transaction.

        Settles dead senders' claims first: a `sending` row whose lease ran out is queued again, a
        `handed` one becomes `unconfirmed` (see the module docstring).
        """
        lease_until = now + self.lease
        with write_transaction(self.engine) as conn:
            expired = _outbox.c.lease_until < now
            conn.execute(update(_outbox).where(_outbox.c.state == "sending", expired)
                         .values(state="queued", claimed_by="", lease_until=None))
            conn.execute(update(_outbox).where(_outbox.c.state == "handed", expired)
                         .values(state="unconfirmed", lease_until=None, last_error=UNCONFIRMED))
            ids = list(conn.execute(select(_outbox.c.id).where(_outbox.c.state == "queued",
                                                               _outbox.c.next_attempt_at <= now)
                                    .order_by(_outbox.c.id).limit(limit)).scalars())
            if not ids:
                return []
            conn.execute(update(_outbox).where(_outbox.c.id.in_(ids), _outbox.c.state == "queued")
                         .values(state="sending", claimed_by=self.owner, lease_until=lease_until))
            return list(conn.execute(select(_outbox).where(_outbox.c.id.in_(ids), _outbox.c.state == "sending",
                                                           _outbox.c.claimed_by == self.owner)
                                     .order_by(_outbox.c.id)).all())

    def _hand_over(self, row, now: datetime) -> bool:  # noqa: ANN001 - an email_outbox row
        """Mark the row handed just before it goes; False when this sender no longer holds it."""
        with write_transaction(self.engine) as conn:
            done = conn.execute(update(_outbox).where(_outbox.c.id == row.id, _outbox.c.state == "sending",
                                                      _outbox.c.claimed_by == self.owner)
                                .values(state="handed", lease_until=now + self.lease))
        return done.rowcount == 1

    def send_due(self, sender: SmtpSender, *, now: datetime | None = None, limit: int = 50) -> SendReport:
        report = SendReport()
        with self._lock:
            now = now or clock.now()
            due = self.claim(now, limit)
            if not due:
                return report
            try:
                client = sender.open()
            except (OSError, smtplib.SMTPException) as exc:
                for row in due:  # nothing reached the server: all of them wait for the next try
                    self._retry(row, now, f"cannot reach the mail server: {exc}")
                report.retrying += len(due)
                return report
            try:
                for index, row in enumerate(due):
                    outcome = self._send_one(client, sender, row, now)
                    if outcome == "lost":  # the session is gone: the rest wait for the next run
                        for rest in due[index:]:
                            self._retry(rest, now, "connection to the mail server lost")
                        report.retrying += len(due) - index
                        break
                    setattr(report, outcome, getattr(report, outcome) + 1)
            finally:
                with contextlib.suppress(OSError, smtplib.SMTPException):
                    client.quit()
        return report

    def _send_one(self, client: smtplib.SMTP, sender: SmtpSender, row, now: datetime) -> str:  # noqa: ANN001
        """sent, retrying, failed, skipped (another sender holds it now), or lost (the connection broke)."""
        msg = build_message(row, sender.smtp.sender)
        if not self._hand_over(row, now):
            log.warning("mail %s: claimed by another sender meanwhile; not sent from here", row.message_id)
            return "skipped"
        try:
            refused = client.send_message(msg)
        except smtplib.SMTPRecipientsRefused as exc:
            codes = [code for code, _ in exc.recipients.values()]
            return self._refused(row, now, codes, str(exc.recipients))
        except smtplib.SMTPResponseException as exc:
            return self._refused(row, now, [exc.smtp_code], f"{exc.smtp_code} {exc.smtp_error!r}")
        except (OSError, smtplib.SMTPException) as exc:
            log.warning("mail %s: connection lost: %s", row.message_id, exc)
            return "lost"
        if refused:
            log.warning("mail %s: some recipients refused: %s", row.message_id, refused)
        self._set(row.id, state="sent", sent_at=clock.now(), attempts=row.attempts + 1, last_error="",
                  lease_until=None)
        return "sent"

    def _refused(self, row, now: datetime, codes: list[int], text: str) -> str:  # noqa: ANN001
        if codes and all(code >= 500 for code in codes):
            self._set(row.id, state="failed", attempts=row.attempts + 1, last_error=f"refused: {text}"[:2000],
                      lease_until=None)
            return "failed"
        self._retry(row, now, f"deferred: {text}")
        return "retrying"

    def _retry(self, row, now: datetime, error: str) -> None:  # noqa: ANN001
        attempts = row.attempts + 1
        if attempts >= MAX_ATTEMPTS:
            self._set(row.id, state="failed", attempts=attempts, last_error=f"gave up: {error}"[:2000],
                      lease_until=None)
            return
        wait = timedelta(seconds=min(60 * 2 ** (attempts - 1), 3600))
        self._set(row.id, state="queued", claimed_by="", lease_until=None, attempts=attempts,
                  next_attempt_at=now + wait, last_error=error[:2000])

    def _set(self, row_id: int, **values) -> None:  # noqa: ANN003
        """Settle a row this sender holds (sending, handed, or unconfirmed meanwhile): never another's."""
        with write_transaction(self.engine) as conn:
            conn.execute(update(_outbox).where(_outbox.c.id == row_id, _outbox.c.claimed_by == self.owner,
                                               _outbox.c.state.in_(("sending", "handed", "unconfirmed")))
                         .values(**values))

    def requeue(self, message_id: str) -> bool:
        """A supervisor's "send again" for a failed or unconfirmed message (same Message-ID)."""
        with write_transaction(self.engine) as conn:
            done = conn.execute(update(_outbox).where(_outbox.c.message_id == message_id,
                                                      _outbox.c.state.in_(("failed", "unconfirmed")))
                                .values(state="queued", claimed_by="", lease_until=None, next_attempt_at=clock.now(),
                                        attempts=0))
        return done.rowcount > 0


class MailWorker:
    """Sends the outbox in the background every `interval` seconds (and when woken).

    `stop()` lets it make one last run (bounded by its timeout), so a message queued just
    before the station stops still goes; anything left stays queued for the next start.
    """

    def __init__(self, outbox: Outbox, sender: SmtpSender, interval: float = 30.0) -> None:
        self.outbox, self.sender, self.interval = outbox, sender, interval
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="mail-outbox", daemon=True)
            self._thread.start()

    def wake(self) -> None:
        self._wake.set()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def _run(self) -> None:
        while True:
            try:
                self.outbox.send_due(self.sender)
            except Exception:  # a bug must not kill the thread that tells customers; log and go on
                log.exception("mail outbox run failed")
            if self._stop.is_set():
                return  # stopping: that was the last run (what is left goes at the next start)
            self._wake.wait(self.interval)
            self._wake.clear()
