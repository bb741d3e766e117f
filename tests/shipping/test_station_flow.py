"""Shipping at the bench: a packed order's label is bought, printed, reprinted, voided, and mailed.

Each test is a real station (PACKSTATION_HOME in tmp_path, SQLite) with a station.toml that has
[shipping], driven through app.station.Station and the real PrinterOutput spooling to dir://.
Rate cards need no network; the EasyPost tests use the fake EasyPost on 127.0.0.1 and the
e-mail tests a real SMTP server (aiosmtpd) on 127.0.0.1.
"""

from __future__ import annotations

import json
import time
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from sqlalchemy import insert, select, update

from app.domain import clock
from app.printing import station_output
from app.shipping.mailer import Outbox
from app.startup import open_bench
from app.station import Station
from app.store import models as t
from app.store.repository import Repository
from app.store.shipping_models import CustomsItem, EmailOutbox, ShippingLabel
from tests.shipping.test_email import Inbox, free_port
from tests.support import MUG_GTIN, SOCKS_GTIN, seed_small

SHIP_FROM = """
[ship_from]
name = "Demo Warehouse"
company = "Packstation Demo"
line1 = "100 Warehouse Way"
city = "Columbus"
region = "OH"
postcode = "43215"
country = "US"
"""
RATE_CARDS = '[shipping]\nsources = ["rate_cards"]\n'


def easypost_table(fake) -> str:  # noqa: ANN001 - tests.shipping.fake_easypost.FakeEasyPost
    return (f'[shipping]\nsources = ["easypost"]\neasypost_api_key = "{fake.api_key}"\n'
            f'easypost_base_url = "{fake.base_url}"\neasypost_timeout = 5\n')


def mail_tables(port: int) -> str:
    return (f'[smtp]\nhost = "127.0.0.1"\nport = {port}\nsecurity = "none"\n'
            'from = "Demo Shop <shipping@shop.example.com>"\n[email]\nenabled = true\n')


class Bench:
    """A station with [shipping]: its Station, its PrinterOutput and a way to read what it spooled."""

    def __init__(self, home: Path, toml: str) -> None:
        home.mkdir(parents=True, exist_ok=True)
        (home / "station.toml").write_text(SHIP_FROM + toml, encoding="utf-8")
        self.home = home
        self.bench = open_bench()
        seed_small(self.bench.sessions)
        with self.bench.engine.begin() as conn:  # ship well ahead of ship-by, whatever today is
            conn.execute(update(t.Order.__table__).values(ship_by=clock.today() + timedelta(days=10),
                                                          ship_to_email="dana@example.com"))
        self.engine = self.bench.engine
        self.output = station_output(self.bench)
        self.output.start()
        self.station = Station(self.bench.config, Repository(self.engine), self.output)

    def scan(self, *codes: str) -> str:
        outcome = None
        for code in codes:
            outcome = self.station.scan(code)
        assert outcome is not None
        self.last = outcome
        return outcome.code

    def pack(self, number: str, *items: str) -> str:
        return self.scan(number, *items, "PS:CMD:CONFIRM")

    def labels(self) -> list:
        with self.engine.connect() as conn:
            return list(conn.execute(select(ShippingLabel.__table__).order_by(ShippingLabel.id)).all())

    def parcel(self, number: str, box: int = 1) -> dict:
        return next(p for p in self.station.repo.parcels_of(number) if p["box_no"] == box)

    def spooled(self, kind: str = "labels") -> list[Path]:
        assert self.output.drain(timeout=10)
        return sorted((self.home / "data" / "spool" / kind).iterdir())

    def close(self) -> None:
        self.output.stop()
        self.station.repo.close()
        self.bench.close()


@pytest.fixture
def make_bench(home):
    made: list[Bench] = []

    def make(toml: str) -> Bench:
        made.append(Bench(home, toml))
        return made[-1]

    yield make
    for bench in made:
        bench.close()


def pdf_text(path: Path) -> str:
    """The label's words, upper case, on one line (the template sets carrier and service on lines of their own)."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        return " ".join(" ".join(page.get_textpage().get_text_range() for page in pdf).split()).upper()
    finally:
        pdf.close()


def test_rate_cards_buy_the_cheapest_service_that_keeps_the_promise_and_print_it_on_the_label(make_bench):
    """GIVEN [shipping] sources = ["rate_cards"] WHEN order 1001 (UPS Ground asked) is packed THEN the purchase
    is recorded bought with the cheapest service whose transit keeps the Ground promise, the parcel carries it,
    and the station's own PDF label names that carrier and service (no tracking number: nobody issued one)."""
    b = make_bench(RATE_CARDS)
    assert b.scan("PS:BADGE:P-1001") == "signed_in"
    assert b.pack("1001", SOCKS_GTIN) == "order_packed"

    [row] = b.labels()
    assert (row.state, row.source, row.order_number, row.box_no) == ("bought", "rate_cards", "1001", 1)
    assert row.choice_reason.startswith("cheapest that keeps the promise")
    assert row.billable_weight  # what the price was looked up by
    chosen = Decimal(row.rate)
    considered = json.loads(row.rates_json)
    keeping = [Decimal(r["amount"]) for r in considered if not r["excluded"] or r["excluded"].endswith(" more")]
    assert chosen == min(keeping)
    assert all(r["excluded"] and not r["excluded"].endswith(" more")  # every cheaper one breaks a rule
               for r in considered if Decimal(r["amount"]) < chosen)

    parcel = b.parcel("1001")
    assert (parcel["carrier"], parcel["service_level"]) == (row.carrier, row.service)
    assert parcel["status"] == "labelled" and parcel["tracking_number"] is None
    [label] = b.spooled()
    text = pdf_text(label)
    assert f"{row.carrier} {row.service}".upper() in text
    assert "DANA SMITH" in text


def test_a_reprint_prints_the_same_bytes_and_buys_nothing(make_bench):
    """GIVEN a packed order WHEN the packer scans REPRINT THEN the same label bytes go out again and no second
    purchase is recorded."""
    b = make_bench(RATE_CARDS)
    b.scan("PS:BADGE:P-1001")
    assert b.pack("1001", SOCKS_GTIN) == "order_packed"
    assert b.scan("PS:CMD:REPRINT") == "reprint"
    first, again = b.spooled()
    assert first.read_bytes() == again.read_bytes()
    assert len(b.labels()) == 1


def test_an_easypost_label_is_printed_as_bought_with_its_tracking_number(make_bench, easypost):
    """GIVEN [shipping] sources = ["easypost"] (the fake API) WHEN an order is packed THEN the label bought is
    spooled byte for byte, the tracking number is the parcel's, a reprint buys nothing and VOID refunds it."""
    b = make_bench(easypost_table(easypost))
    b.scan("PS:BADGE:P-1001")
    assert b.pack("1001", SOCKS_GTIN) == "order_packed"
    [row] = b.labels()
    assert row.state == "bought" and row.tracking_number and easypost.purchases == 1
    assert b.parcel("1001")["tracking_number"] == row.tracking_number
    [label] = b.spooled()
    assert label.read_bytes() == row.label_data and row.tracking_number.encode() in label.read_bytes()

    assert b.scan("PS:CMD:REPRINT") == "reprint"
    assert [p.read_bytes() for p in b.spooled()] == [row.label_data] * 2
    assert easypost.purchases == 1 and len(b.labels()) == 1

    assert b.scan("PS:CMD:VOID") == "labels_voided"
    [voided] = b.labels()
    assert voided.state == "voided" and voided.refund_status == "submitted" and easypost.refunds == 1


def test_void_marks_a_rate_card_purchase_voided_and_the_repack_is_a_new_purchase(make_bench):
    """GIVEN a packed order on rate cards WHEN its labels are voided and it is packed again THEN the first
    purchase is voided (nothing to refund) and the second is generation 2."""
    b = make_bench(RATE_CARDS)
    b.scan("PS:BADGE:P-1001")
    assert b.pack("1001", SOCKS_GTIN) == "order_packed"
    assert b.scan("PS:CMD:VOID") == "labels_voided"
    [row] = b.labels()
    assert (row.state, row.refund_status) == ("voided", "not_applicable")
    assert b.pack("1001", SOCKS_GTIN) == "order_packed"
    rows = b.labels()
    assert [(r.generation, r.state) for r in rows] == [(1, "voided"), (2, "bought")]


def test_a_shipping_error_tells_the_packer_what_to_do_and_the_next_order_packs(make_bench):
    """GIVEN an order to a country no rate card serves WHEN it is packed THEN the label step fails with the
    shipping module's instruction (set aside, ask a supervisor), nothing is bought, the packer holds the order,
    and the next order packs and labels fine."""
    b = make_bench(RATE_CARDS)
    with b.engine.begin() as conn:
        conn.execute(update(t.Order.__table__).where(t.Order.number == "1004")
                     .values(ship_to_country="AQ", ship_to_city="McMurdo Station", ship_to_postcode=""))
        conn.execute(insert(CustomsItem.__table__).values(sku="MUG-1", description="Stoneware mug",
                                                          hs_code="691200", origin_country="US", unit_value="12.00",
                                                          currency="USD"))
    b.scan("PS:BADGE:P-1001")
    assert b.pack("1004", MUG_GTIN, MUG_GTIN) == "label_failed"
    message = b.last.message
    assert "No carrier service can take order 1004" in message and "supervisor" in message
    assert [r.state for r in b.labels()] == ["failed"]
    assert b.scan("PS:CMD:HOLD") == "order_held"

    assert b.pack("1001", SOCKS_GTIN) == "order_packed"
    assert [r.state for r in b.labels()] == ["failed", "bought"]


def test_a_station_without_shipping_prints_as_before(make_bench):
    """GIVEN no [shipping] table WHEN an order is packed THEN no purchase is recorded and the label carries the
    order's own carrier and service."""
    b = make_bench("")
    assert b.station.config.shipping is None
    b.scan("PS:BADGE:P-1001")
    assert b.pack("1001", SOCKS_GTIN) == "order_packed"
    assert b.labels() == []
    [label] = b.spooled()
    assert "UPS GROUND" in pdf_text(label)


@pytest.fixture
def smtp():
    from aiosmtpd.controller import Controller

    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield inbox, controller.port
    controller.stop()


def wait_for(predicate, timeout: float = 10.0) -> bool:  # noqa: ANN001
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return predicate()


def test_each_packed_order_sends_one_email_with_its_tracking_number(make_bench, easypost, smtp):
    """GIVEN [shipping] on EasyPost and [smtp]+[email] pointing at a mail server on 127.0.0.1 WHEN two orders
    are packed (and one slip printed again) THEN exactly one e-mail per order arrives, each with its parcel's
    tracking number in the text and the HTML part."""
    inbox, port = smtp
    b = make_bench(easypost_table(easypost) + mail_tables(port))
    b.scan("PS:BADGE:P-1001")
    assert b.pack("1001", SOCKS_GTIN) == "order_packed"
    order = b.station.repo.order_by_number("1001")
    b.output.print_slip(order, b.station.repo.parcels_of("1001"))  # a second slip: no second e-mail
    assert b.pack("1002", SOCKS_GTIN, SOCKS_GTIN, MUG_GTIN) == "order_packed"

    assert wait_for(lambda: len(inbox.messages) >= 2)
    Outbox(b.engine).send_due(b.output._mail.sender)  # a run more: nothing left to send
    time.sleep(0.3)
    assert len(inbox.messages) == 2
    by_order = {m["X-Packstation-Order"]: m for m in inbox.messages}
    assert sorted(by_order) == ["1001", "1002"]
    for number, msg in by_order.items():
        tracking = b.parcel(number)["tracking_number"]
        assert tracking
        assert tracking in msg.get_body(("plain",)).get_content()
        assert tracking in msg.get_body(("html",)).get_content()
        assert msg["To"] == "Dana Smith <dana@example.com>"
    with b.engine.connect() as conn:
        states = conn.execute(select(EmailOutbox.order_number, EmailOutbox.state)
                              .order_by(EmailOutbox.order_number)).all()
    assert [tuple(s) for s in states] == [("1001", "sent"), ("1002", "sent")]


def test_a_rate_card_shipment_email_names_the_carrier_and_service(make_bench, smtp):
    """GIVEN rate cards (the station's own label: no tracking number) and e-mail on WHEN an order is packed THEN
    one e-mail tells the customer the order left, with the carrier and service bought, and no tracking link."""
    inbox, port = smtp
    b = make_bench(RATE_CARDS + mail_tables(port))
    b.scan("PS:BADGE:P-1001")
    assert b.pack("1001", SOCKS_GTIN) == "order_packed"
    assert wait_for(lambda: len(inbox.messages) >= 1)
    [row] = b.labels()
    [msg] = inbox.messages
    text = msg.get_body(("plain",)).get_content().replace("\r\n", "\n")
    assert f"Shipped with:\n  {row.carrier} {row.service}\n" in text and "Track it" not in text
    assert f"{row.carrier} {row.service}</p>" in msg.get_body(("html",)).get_content()
