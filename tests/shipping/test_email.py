"""Shipment e-mail through a real SMTP server on 127.0.0.1 (aiosmtpd): once per shipment, retried, never twice."""

from __future__ import annotations

import socket
from datetime import timedelta
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller

from app.domain import clock
from app.shipping.email_templates import ShippedParcel
from app.shipping.mailer import Outbox, SmtpSender, queue_shipment_email
from app.shipping.settings import parse_settings
from tests.shipping.helpers import order

TRACKING = "1Z999AA10123456784"


class Inbox:
    def __init__(self, answer: str | None = None) -> None:
        self.messages: list = []
        self.answer = answer

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        if self.answer:
            return self.answer
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 OK"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield inbox, controller.port
    controller.stop()


def settings_for(port: int, **email):
    return parse_settings({"smtp": {"host": "127.0.0.1", "port": port, "security": "none",
                                    "from": "Demo Shop <shipping@shop.example.com>"},
                           "email": {"enabled": True, **email}})


def customer_order(channel="Shopify"):
    from dataclasses import replace

    o = order(channel=channel)
    return replace(o, ship_to=replace(o.ship_to, email="dana@example.com"))


PARCELS = [ShippedParcel("3f1c7f0e-0000-4000-8000-000000000001", TRACKING, "UPS", "Ground")]


def test_one_message_per_shipment_with_the_tracking_number_in_both_parts(engine, smtp):
    """GIVEN a shipment queued twice and the outbox run twice WHEN the server receives THEN exactly one message,
    from the parcel's Message-ID, with the tracking number and its link in the text and the HTML part."""
    inbox, port = smtp
    settings = settings_for(port)
    first = queue_shipment_email(engine, settings, customer_order(), PARCELS)
    again = queue_shipment_email(engine, settings, customer_order(), PARCELS)
    outbox, sender = Outbox(engine), SmtpSender(settings.smtp)

    report = outbox.send_due(sender)
    outbox.send_due(sender)

    assert (first.outcome, again.outcome, report.sent) == ("queued", "already queued", 1)
    assert len(inbox.messages) == 1
    msg = inbox.messages[0]
    assert msg["Message-ID"] == "<shipment-3f1c7f0e-0000-4000-8000-000000000001@shop.example.com>"
    assert msg["Subject"] == "Your order 1001 is on its way" and msg["To"] == "Dana Smith <dana@example.com>"
    text = msg.get_body(("plain",)).get_content()
    html = msg.get_body(("html",)).get_content()
    assert TRACKING in text and TRACKING in html
    assert f"https://www.ups.com/track?tracknum={TRACKING}" in text
    assert f'href="https://www.ups.com/track?tracknum={TRACKING}"' in html
    assert "2 x Merino socks M (SOCK-M)" in text
    assert outbox.pending() == 0


def test_the_server_down_means_a_retry_later_and_still_one_message(engine):
    """GIVEN no mail server WHEN the outbox runs THEN the message waits (backoff); with the server up it goes once."""
    port = free_port()
    settings = settings_for(port)
    queue_shipment_email(engine, settings, customer_order(), PARCELS)
    outbox, sender = Outbox(engine), SmtpSender(settings.smtp)
    now = clock.now()

    assert outbox.send_due(sender, now=now).retrying == 1
    [row] = outbox.rows()
    assert row.state == "queued" and row.attempts == 1 and "cannot reach the mail server" in row.last_error

    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        assert outbox.send_due(sender, now=now).sent == 0  # not due yet: it waits its minute
        assert outbox.send_due(sender, now=now + timedelta(minutes=2)).sent == 1
        assert outbox.send_due(sender, now=now + timedelta(hours=2)).sent == 0
    finally:
        controller.stop()
    assert len(inbox.messages) == 1


@pytest.mark.parametrize(("answer", "state"), [("451 4.3.0 try again later", "queued"),
                                                ("550 5.1.1 no such mailbox", "failed")])
def test_temporary_refusals_are_retried_and_permanent_ones_fail(engine, answer, state):
    inbox = Inbox(answer)
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        settings = settings_for(controller.port)
        queue_shipment_email(engine, settings, customer_order(), PARCELS)
        Outbox(engine).send_due(SmtpSender(settings.smtp))
    finally:
        controller.stop()
    [row] = Outbox(engine).rows()
    assert row.state == state and answer.split()[0] in row.last_error


def test_marketplace_orders_and_orders_without_an_address_are_skipped(engine, smtp):
    _, port = smtp
    settings = settings_for(port)
    assert queue_shipment_email(engine, settings, customer_order("Amazon"), PARCELS).outcome == "skipped"
    assert queue_shipment_email(engine, settings, order(), PARCELS).reason == "the order has no customer e-mail address"
