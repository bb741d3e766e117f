"""Rate shopping speed: every parcel priced against 5 carriers x 6 services from the rate cards.

    python -m tests.bench.bench_shipping [--parcels N] [--budget-ms MS]

Each parcel differs (destination across the US and abroad, weight, box, residential or not,
signature or not), so no cache of a previous answer flatters the numbers. Times the whole
decision the station makes per parcel: billable weights, zone look-ups, every service's
price, then the rules' choice. Prints a table; exits 1 when the 99th percentile is over the
budget (5 ms per parcel).
"""

from __future__ import annotations

import argparse
import contextlib
import random
import statistics
import sys
import time
from datetime import date
from decimal import Decimal

from app.domain.model import Address, Dimensions, Order, OrderLine, Product
from app.shipping.errors import NoServiceAvailable
from app.shipping.model import CustomsDeclaration, ParcelRequest
from app.shipping.ratecards import RateCards, RateCardSource
from app.shipping.rules import load_rules

SHIP_FROM = Address(name="Demo Warehouse", line1="100 Warehouse Way", city="Columbus", region="OH",
                    postcode="43215", country="US")
ABROAD = ("CA", "GB", "DE", "FR", "GR", "AU", "JP", "BR")
LEVELS = ("Ground", "2nd Day Air", "Priority Mail", "express", "standard", "overnight")
CHANNELS = ("Shopify", "Amazon", "eBay", "Wholesale")
BOXES = (None, Dimensions(260, 190, 50), Dimensions(310, 260, 210), Dimensions(410, 310, 310))


def parcels(count: int, seed: int = 7) -> list[ParcelRequest]:
    rng = random.Random(seed)
    product = Product("SKU-1", "Thing", 300)
    result = []
    for n in range(count):
        abroad = rng.random() < 0.2
        country = rng.choice(ABROAD) if abroad else "US"
        postcode = f"{rng.randrange(100, 999)}{rng.randrange(10, 99)}" if country == "US" else "10435"
        ship_to = Address(name="Customer", company="" if rng.random() < 0.7 else "Shop Ltd", line1="1 Main St",
                          city="Town", postcode=postcode, country=country)
        order = Order(str(100000 + n), (OrderLine(1, product, 1),), channel=rng.choice(CHANNELS), ship_to=ship_to,
                      carrier="UPS", service_level=rng.choice(LEVELS), ship_by=date(2026, 11, 26))
        result.append(ParcelRequest(
            order=order, parcel_uuid=f"p{n}", box=1, ship_from=SHIP_FROM, weight_g=rng.randrange(100, 20000),
            outer=rng.choice(BOXES), declared_value=Decimal(rng.randrange(5, 900)), currency="USD",
            residential=not ship_to.company, po_box=False, signature=rng.random() < 0.1, reference=f"ps-p{n}-1",
            customs=CustomsDeclaration((), "USD") if abroad else None))
    return result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--parcels", type=int, default=5000)
    parser.add_argument("--budget-ms", type=float, default=5.0)
    args = parser.parse_args()

    started = time.perf_counter()
    cards = RateCards.load()
    load_ms = (time.perf_counter() - started) * 1000
    source, rules = RateCardSource(cards), load_rules()
    today = date(2026, 11, 25)
    work = parcels(args.parcels)
    for request in work[:50]:  # warm-up: imports, first-call caches of the regex engine
        with contextlib.suppress(NoServiceAvailable):
            rules.choose(request, source.rates(request), today=today)

    timings, rated, chosen = [], 0, 0
    for request in work:
        t0 = time.perf_counter()
        rates = source.rates(request)
        try:
            rules.choose(request, rates, today=today)
            chosen += 1
        except NoServiceAvailable:  # e.g. overnight abroad: the packer is told; the time still counts
            pass
        timings.append((time.perf_counter() - t0) * 1000)
        rated += len(rates)

    timings.sort()
    p99 = timings[int(len(timings) * 0.99) - 1]
    rows = [
        ("services on the cards", f"{len(cards.services)} ({len(cards.carriers)} carriers)"),
        ("load the cards", f"{load_ms:.1f} ms (once, at start)"),
        ("parcels", f"{len(work)} ({chosen} with a service chosen)"),
        ("rates per parcel (mean)", f"{rated / len(work):.1f}"),
        ("per parcel: mean", f"{statistics.fmean(timings):.3f} ms"),
        ("per parcel: median", f"{timings[len(timings) // 2]:.3f} ms"),
        ("per parcel: p99", f"{p99:.3f} ms"),
        ("per parcel: max", f"{timings[-1]:.3f} ms"),
        ("budget (p99)", f"{args.budget_ms:.1f} ms"),
    ]
    width = max(len(name) for name, _ in rows)
    print(f"{'rate shopping':<{width}}  result")
    print(f"{'-' * width}  {'-' * 30}")
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    ok = p99 <= args.budget_ms
    print("OK" if ok else "OVER BUDGET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
