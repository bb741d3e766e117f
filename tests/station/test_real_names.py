"""Real customers' names, as Shopify sends them, from import to a packed parcel (issue 16).

The reported cases, end to end through the real command line (a subprocess per command, the
station in its own PACKSTATION_HOME): a Shopify order export with a 70-character ship-to name,
one with 47 characters, 山田太郎 in Tokyo and an Arabic name in Dubai. Each order is imported
with `packstation import orders`, its label is written by `packstation label "#NNNN"` (the
order's name as Shopify shows it), and `packstation replay -` packs it to the end: exit 0, no
traceback, the label in the spool. The label may shorten a name to fit; the slip and the
order's record keep it in full.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import sqlite3
import subprocess
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
IMPORTS = REPO / "tests" / "fixtures" / "import"
SOCKS_BARCODE = "4006381333931"  # SOCK-CHA-M in tests/fixtures/import/shopify_products.csv
BADGE = "P-2001"


@dataclass(frozen=True)
class Customer:
    order: str  # Shopify's order name, "#5001"
    name: str
    street: str
    city: str
    postcode: str
    province: str
    country: str
    method: str

    @property
    def number(self) -> str:
        return self.order.lstrip("#")


CUSTOMERS = [
    Customer("#5001", "Averyveryveryverylongname Withaveryveryverylongsurname-Doublebarrelled", "12 Hillside Road",
             "Bristol", "BS6 6TJ", "", "GB", "Royal Mail Tracked 48"),
    Customer("#5002", "Maximiliana Alexandrina Featherstonehaugh-Smyth", "1 Castle Street", "Edinburgh", "EH2 3AH",
             "", "GB", "DHL Parcel UK"),
    Customer("#5003", "山田太郎", "千代田1-1", "千代田区", "100-0001", "東京都", "JP", "DHL Express Worldwide"),
    Customer("#5004", "محمد العلي", "شارع الشيخ زايد، برج الإمارات، الطابق 12", "دبي", "", "دبي", "AE",
             "FedEx International Priority"),
]
IDS = ["name-70", "name-47", "yamada-tokyo", "arabic-dubai"]


def test_the_reported_names_are_the_reported_lengths() -> None:
    """GIVEN the customers of issue 16 THEN the long names have exactly 70 and 47 characters."""
    assert [len(c.name) for c in CUSTOMERS[:2]] == [70, 47]


def shopify_export(customers: list[Customer]) -> str:
    """An Orders > Export CSV as Shopify writes it: its own header, one row per line item."""
    header = next(csv.reader(io.StringIO((IMPORTS / "shopify_orders.csv").read_text(encoding="utf-8"))))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, lineterminator="\n")
    writer.writeheader()
    for i, c in enumerate(customers):
        writer.writerow({
            "Name": c.order, "Email": f"customer{i}@example.com", "Financial Status": "paid",
            "Fulfillment Status": "unfulfilled", "Currency": "EUR", "Shipping Method": c.method,
            "Created at": "2026-11-24 12:00:00 +0000", "Lineitem quantity": "1",
            "Lineitem name": "Merino Wool Socks - Charcoal / M", "Lineitem sku": "SOCK-CHA-M",
            "Lineitem requires shipping": "true", "Lineitem fulfillment status": "pending",
            "Billing Name": c.name, "Shipping Name": c.name, "Shipping Street": c.street,
            "Shipping Address1": c.street, "Shipping City": c.city,
            "Shipping Zip": c.postcode, "Shipping Province": c.province, "Shipping Country": c.country,
            "Vendor": "Packstation Demo", "Id": str(5_660_000_000_001 + i), "Source": "web",
        })
    return out.getvalue()


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ, PACKSTATION_HOME=str(home), QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    env.pop("PACKSTATION_CONFIG", None)
    return env


def packstation(home: Path, *args: str, stdin: bytes = b"") -> subprocess.CompletedProcess:
    done = subprocess.run([sys.executable, "-m", "app.cli", *args], input=stdin, capture_output=True,
                          env=_env(home), cwd=home, timeout=120)
    assert b"Traceback" not in done.stderr + done.stdout, done.stderr.decode(errors="replace")
    return done


@pytest.fixture(scope="module")
def station(tmp_path_factory) -> Path:
    """A new station with the shop's products and cartons, a packer, and the four orders imported."""
    home = tmp_path_factory.mktemp("real-names") / "station"
    home.mkdir()
    orders = home.parent / "orders_export.csv"
    orders.write_text(shopify_export(CUSTOMERS), encoding="utf-8")
    for what, path in (("products", IMPORTS / "shopify_products.csv"), ("cartons", IMPORTS / "cartons.csv"),
                       ("orders", orders)):
        done = packstation(home, "import", what, str(path))
        assert done.returncode == 0, done.stdout.decode() + done.stderr.decode()
    done = packstation(home, "users", "add", "--name", "Ana Packer", "--role", "packer", "--badge", BADGE)
    assert done.returncode == 0, done.stderr.decode()
    return home


def pdf_text(path: Path) -> str:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(path.read_bytes())
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def _plain(text: str) -> str:
    return re.sub(r"\s", "", unicodedata.normalize("NFKC", text).casefold())


def on_label(name: str, text: str) -> bool:
    """The name is on the label in full, or shortened: at least its first 12 characters and an
    ellipsis. Right-to-left words may come out of the text layer in visual order: each is looked
    for as written or reversed."""
    page = _plain(text)
    if any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in name):
        return all(_plain(w) in page or _plain(w)[::-1] in page for w in name.split())
    if _plain(name) in page:
        return True
    return "…" in page and _plain(name)[:12] in page


@pytest.mark.parametrize("customer", CUSTOMERS, ids=IDS)
def test_the_label_command_draws_the_label(station: Path, customer: Customer) -> None:
    """GIVEN the imported Shopify order WHEN `packstation label "#NNNN" -o label.pdf` runs
    THEN it exits 0 with a PDF label that carries the customer's name (in full or shortened)."""
    out = station.parent / f"label-{customer.number}.pdf"
    done = packstation(station, "label", customer.order, "-o", str(out))
    assert done.returncode == 0, done.stderr.decode()
    assert on_label(customer.name, pdf_text(out)), pdf_text(out)


@pytest.mark.parametrize("customer", CUSTOMERS, ids=IDS)
def test_replay_packs_the_order_to_the_end(station: Path, customer: Customer) -> None:
    """GIVEN the imported Shopify order WHEN a packer signs in, scans the order, its item and
    CONFIRMs the carton through `packstation replay -`
    THEN it exits 0 without a traceback, the order is packed with its label printed into the
    spool (carrying the name), the slip carries the whole name and address, and the order's
    record keeps the name as Shopify sent it."""
    scans = f"PS:BADGE:{BADGE}\n{customer.order}\n{SOCKS_BARCODE}\nPS:CMD:CONFIRM\n".encode()
    done = packstation(station, "replay", "-", stdin=scans)
    assert done.returncode == 0, done.stderr.decode()
    outcomes = [json.loads(line) for line in done.stdout.decode().splitlines()]
    assert outcomes[-1]["code"] == "order_packed" and outcomes[-1]["order"] == customer.number, outcomes
    assert "label_printed" in outcomes[-1]["events"]

    spool = station / "data" / "spool"
    [label] = sorted((spool / "labels").glob(f"*-label-order-{customer.number}-box-1-*.pdf"))
    assert on_label(customer.name, pdf_text(label))
    [slip] = sorted((spool / "documents").glob(f"*-slip-order-{customer.number}-*.pdf"))
    slip_text = _plain(pdf_text(slip))
    for part in (customer.name, customer.street, customer.city, customer.postcode):
        words = part.split() if any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in part) else [part]
        assert all(_plain(w) in slip_text or _plain(w)[::-1] in slip_text for w in words), (part, slip_text)

    with sqlite3.connect(station / "data" / "station.db") as db:
        [(name, street)] = db.execute("SELECT ship_to_name, ship_to_line1 FROM orders WHERE number = ?",
                                      (customer.number,)).fetchall()
    assert (name, street) == (customer.name, customer.street)
