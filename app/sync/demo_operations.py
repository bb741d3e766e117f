"""`packstation central demo-data`, second part: app.returns.demo's stock, returns and wholesale
demo in the central database, so every networked bench can try returns mode, see the stock
move and build pallets.

Written as the demo's own station, "DEMO": its opening stock movements, its packing of the two
shipped orders and its RMA are rows every station pulls like another bench's (app.sync.ledgers),
and `ps_shipped_units` tells a returns bench what those orders shipped, serial included.
Adds only what is missing, like the standalone demo.
"""

from __future__ import annotations

import json
import random
from datetime import datetime, timedelta

from sqlalchemy import Connection, text

from app.domain import clock
from app.domain.returns import new_token
from app.returns.demo import (
    DEMO_SERIAL,
    LATE_RETURN_ORDER,
    RETURN_LINES,
    RETURN_ORDER,
    RETURN_TRACKING,
    WHOLESALE_LINES,
    WHOLESALE_ORDER,
)
from app.store.demo import WHOLESALE, demo_products

DEMO_STATION = "DEMO"
DEMO_RMA = "RMA-DEMO-1"
_RETURN_CUSTOMER = {"name": "Dana Whitfield", "company": "", "line1": "1428 Elm Street", "city": "Springfield",
                    "postcode": "62704", "country": "US", "carrier": "UPS", "service": "Ground"}


def seed_operations(conn: Connection, *, seed: int = 11) -> str:
    """Stock, the wholesale order and two shipped orders to take back (one with an RMA); a summary."""
    rng = random.Random(seed)
    seq = _Seq(conn)
    stocked = _opening_stock(conn, rng, seq)
    added = _orders(conn, seq)
    rma = _rma(conn, seq) if RETURN_ORDER in added else ""
    parts = [f"stock for {stocked} SKUs" if stocked else "stock already there",
             f"orders {', '.join(added)}" if added else "operations orders already there"]
    return "; ".join(parts + ([f"RMA {DEMO_RMA} on {RETURN_ORDER} (return label: {rma})"] if rma else []))


class _Seq:
    """The DEMO station's own numbering of its rows, as a bench numbers its ledger."""

    def __init__(self, conn: Connection) -> None:
        self.value: int = max(conn.execute(text(f"SELECT coalesce(max(station_seq), 0) FROM {table} "
                                                "WHERE station = :s"), {"s": DEMO_STATION}).scalar_one()
                              for table in ("stock_movements", "pack_events", "return_events"))

    def __call__(self) -> int:
        self.value += 1
        return self.value


def _opening_stock(conn: Connection, rng: random.Random, seq: _Seq) -> int:
    stocked = set(conn.execute(text("SELECT DISTINCT sku FROM stock_movements")).scalars())
    now = clock.now()
    rows = [(p.sku, p.bin_location, rng.randint(24, 120), "demo opening stock")
            for p in demo_products() if p.sku not in stocked]
    if rows:  # enough socks and tees for the wholesale order's cartons
        rows += [(sku, "R-01-1", qty, "demo overflow stock") for sku, qty in WHOLESALE_LINES[:2]]
    for sku, bin_name, units, note in rows:
        conn.execute(text(
            "INSERT INTO stock_movements (uuid, station, station_seq, sku, bin, delta, reason, reference, note, at) "
            "VALUES (gen_random_uuid(), :station, :seq, :sku, :bin, :delta, 'initial', 'demo', :note, :at)"),
            {"station": DEMO_STATION, "seq": seq(), "sku": sku, "bin": bin_name, "delta": units, "note": note,
             "at": now})
    return len(rows) - (len(WHOLESALE_LINES[:2]) if rows else 0)


def _orders(conn: Connection, seq: _Seq) -> list[str]:
    have = set(conn.execute(text("SELECT number FROM orders WHERE number = ANY(:n)"),
                            {"n": [WHOLESALE_ORDER, RETURN_ORDER, LATE_RETURN_ORDER]}).scalars())
    added = []
    if WHOLESALE_ORDER not in have:
        c = WHOLESALE[0]
        _order(conn, WHOLESALE_ORDER, "Wholesale", WHOLESALE_LINES, name=c.name, company=c.company, line1=c.line1,
               city=c.city, postcode=c.postcode, country=c.country, carrier="DHL", service="Freight")
        added.append(WHOLESALE_ORDER)
    for number, days in ((RETURN_ORDER, 5), (LATE_RETURN_ORDER, 60)):
        if number not in have:
            _order(conn, number, "Shopify", RETURN_LINES, **_RETURN_CUSTOMER)
            serial = DEMO_SERIAL if number == RETURN_ORDER else f"EB-DEMO-{number[-4:]}"
            _packed(conn, number, clock.now() - timedelta(days=days), serial, seq)
            added.append(number)
    return added


def _order(conn: Connection, number: str, channel: str, lines: tuple[tuple[str, int], ...], *, name: str,
           company: str, line1: str, city: str, postcode: str, country: str, carrier: str, service: str) -> None:
    order_id = conn.execute(text(
        "INSERT INTO orders (number, channel, ship_to_name, ship_to_company, ship_to_line1, ship_to_city, "
        "ship_to_postcode, ship_to_country, carrier, service_level, ship_by) VALUES (:number, :channel, :name, "
        ":company, :line1, :city, :postcode, :country, :carrier, :service, :ship_by) RETURNING id"),
        {"number": number, "channel": channel, "name": name, "company": company, "line1": line1, "city": city,
         "postcode": postcode, "country": country, "carrier": carrier, "service": service,
         "ship_by": clock.today()}).scalar_one()
    for line_no, (sku, qty) in enumerate(lines, start=1):
        conn.execute(text("INSERT INTO order_lines (order_id, line_no, product_id, quantity) "
                          "SELECT :order_id, :line_no, id, :qty FROM products WHERE sku = :sku"),
                     {"order_id": order_id, "line_no": line_no, "qty": qty, "sku": sku})


def _packed(conn: Connection, number: str, at: datetime, serial: str, seq: _Seq) -> None:
    """The order's packing as a bench logs it, then shipped: what ps_shipped_units reads back."""
    events: list[tuple[str, dict[str, object]]] = [("order_opened", {"number": number})]
    for line_no, (sku, qty) in enumerate(RETURN_LINES, start=1):
        is_serial = sku.startswith("EARBUD")
        events += [("item_packed", {"line": line_no, "sku": sku, "units": 1, "box": 1,
                                    "serial": serial if is_serial else None})] * qty
    events.append(("order_packed", {"number": number, "boxes": 1}))
    for kind, payload in events:
        conn.execute(text(
            "INSERT INTO pack_events (uuid, station, station_seq, packer, order_number, type, payload, at) "
            "VALUES (gen_random_uuid(), :station, :seq, 'Alex Packer', :number, :type, CAST(:payload AS jsonb), :at)"),
            {"station": DEMO_STATION, "seq": seq(), "number": number, "type": kind, "payload": json.dumps(payload),
             "at": at})
    conn.execute(text("UPDATE orders SET status = 'shipped', updated_at = now() WHERE number = :n"), {"n": number})


def _rma(conn: Connection, seq: _Seq) -> str:
    token = new_token()
    payload = {"rma": DEMO_RMA, "order": RETURN_ORDER, "token": token, "reason": "customer: wrong size",
               "return_tracking": RETURN_TRACKING}
    conn.execute(text(
        "INSERT INTO return_events (uuid, station, station_seq, type, payload, at) "
        "VALUES (gen_random_uuid(), :station, :seq, 'rma_issued', CAST(:payload AS jsonb), now())"),
        {"station": DEMO_STATION, "seq": seq(), "payload": json.dumps(payload)})
    return f"PS:RETURN:{RETURN_ORDER}:{token}"
