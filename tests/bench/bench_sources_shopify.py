"""Shopify sync speed against the standard plan's rate limit (issue 21).

    python -m tests.bench.bench_sources_shopify [--orders 10000] [--changed 100]

Against the fake Shopify shop on 127.0.0.1 (tests/sources/fake_shopify.py) with Shopify's
standard-plan limit: a leaky bucket restored at 100 points/s (shopify.dev, GraphQL Admin API rate
limits), 1000 points held (the most one query may ask), requested cost checked before a query,
actual cost taken after. Two rounds of app.sources.shopify.ShopifyAdapter, as the connector
calls them:

1. The first backfill of N open orders: one bulk operation. Its points (10 to start, 1 a poll)
   never empty the bucket, so the rate limit adds no wait: the bound is what Shopify's side takes,
   start round trip + the export (N orders' JSONL objects at the fake's 20,000 objects/s) + one
   poll interval (0.2 s, the politest a client polls) + the last poll's round trip. Measured: from
   the start to the operation seen COMPLETED. Downloading the JSONL and turning it into the
   station's rows is reported beside it (the station's CPU, not the limit). For comparison, the
   same backfill by pages would need N x (actual points per order) / 100 s.
2. An incremental round of C changed orders (updated_at >= the cursor less the 5-minute overlap,
   which also brings the few orders updated in the overlap window again; 4 orders a page, 898
   points asked per page): the bound is the fastest any client could go, simulated from the shop's own log of
   requested and actual costs and round trips: before each page wait until the bucket holds the
   requested cost, then the page's round trip, then the refund of requested - actual. Measured:
   the wall time of the round.

Passes (exit 0) when each measured time is within 10 % of its bound and no THROTTLED answer or
error reached the caller.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta

from app.sources.base import OVERLAP, SourceConfig
from app.sources.shopify import ShopifyAdapter, bulk, queries
from tests.sources.fake_shopify import STANDARD_BUCKET, STANDARD_RESTORE, FakeShopify

BULK_OBJECTS_PER_SECOND = 20_000.0
TOLERANCE = 1.10


def ideal_seconds(log: list[tuple[str, float, float | None, float]], maximum: float, rate: float) -> float:
    """The fastest schedule of these queries a client could keep under the leaky bucket."""
    available, elapsed = maximum, 0.0
    for _root, requested, actual, seconds in log:
        if requested > available:
            wait = (requested - available) / rate
            elapsed += wait
            available += wait * rate
        available -= requested
        elapsed += seconds
        available = min(maximum, available + seconds * rate + requested - (actual or 0.0))
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=10_000)
    parser.add_argument("--changed", type=int, default=100)
    args = parser.parse_args()
    past = datetime.now(UTC) - timedelta(minutes=args.orders + 60)
    clock = {"now": past}
    shop = FakeShopify(bulk_objects_per_second=BULK_OBJECTS_PER_SECOND, now=lambda: clock["now"])
    shop.start()
    rows: list[tuple[str, float, float, str]] = []
    ok = True
    try:
        shop.add_product("Stoneware mug", [{"sku": "MUG-1", "barcode": "4006381333931", "weight": (350, "GRAMS")}])
        for n in range(args.orders):  # a shop's open orders, one a minute (the overlap window holds ~5)
            clock["now"] = past + timedelta(minutes=n)
            shop.add_order(10_001 + n, [("MUG-1", 1 + n % 3), (f"SKU-{n % 500:04d}", 1)])
        adapter = ShopifyAdapter(SourceConfig("bench", "shopify", "bench.myshopify.com", shop.url, shop.token))

        # 1. first backfill: a bulk operation
        began = time.perf_counter()
        operation = bulk.run_query(adapter.api, queries.bulk_orders("status:open"))
        exported = time.perf_counter() - began
        start_rtt = next(seconds for root, *_rest, seconds in shop.log if root == "bulkOperationRunQuery")
        poll_rtt = statistics.median(seconds for root, *_rest, seconds in shop.log if root == "currentBulkOperation")
        bound = start_rtt + shop.bulk["_seconds"] + bulk.POLL_FIRST + poll_rtt
        rows.append((f"backfill {args.orders} orders: bulk export", exported, bound,
                     f"{operation.object_count} objects, {shop.bulk['_seconds']:.2f} s on the shop's side"))
        ok &= exported <= bound * TOLERANCE
        began = time.perf_counter()
        orders = [order for page in adapter._backfill_from(operation) for order in page]
        mapped = time.perf_counter() - began
        rows.append((f"  download + rows ({len(orders)} orders)", mapped, float("nan"),
                     f"{len(orders) / mapped:,.0f} orders/s (station CPU, not the limit)"))
        ok &= len(orders) == args.orders and all(o.row is not None and not o.held for o in orders)

        # 2. an incremental round of changed orders
        cursor = max(order.updated_at for order in orders)
        overlap = {order.number for order in orders if order.updated_at >= cursor - OVERLAP}
        in_overlap = len(overlap)
        clock["now"] = datetime.now(UTC)
        edited = set()
        for n in range(0, args.orders, max(1, args.orders // args.changed))[:args.changed]:
            shop.edit(10_001 + n, note=f"changed {n}")
            edited.add(str(10_001 + n))
        time.sleep(STANDARD_BUCKET / STANDARD_RESTORE)  # a full bucket, as after a quiet minute
        first = len(shop.log)
        began = time.perf_counter()
        changed = [order for page in adapter.changed_orders(cursor - OVERLAP) for order in page]
        took = time.perf_counter() - began
        pages = shop.log[first:]
        bound = ideal_seconds([entry for entry in pages if entry[0] != "THROTTLED"], shop.maximum,
                              shop.restore_rate)
        per_order = sum(actual or 0 for *_x, actual, _s in pages) / max(1, len(changed))
        rows.append((f"incremental {args.changed} changed + {in_overlap} in the overlap ({len(pages)} pages)",
                     took, bound,
                     f"{sum(r for _x, r, *_y in pages):,.0f} points asked, "
                     f"{sum(a or 0 for *_x, a, _s in pages):,.0f} used"))
        ok &= {order.number for order in changed} == edited | overlap and took <= bound * TOLERANCE
        rows.append((f"  (backfill by pages instead: {args.orders} x {per_order:.1f} points / 100 per s)",
                     float("nan"), args.orders * per_order / STANDARD_RESTORE, "why the first round is a bulk export"))
        throttled = shop.throttled
        ok &= throttled == 0 and adapter.api.usage.throttled == 0
        adapter.close()
    finally:
        shop.stop()
    print(f"Shopify sync against the standard plan (bucket {STANDARD_BUCKET:.0f} points, "
          f"{STANDARD_RESTORE:.0f} points/s), fake shop on 127.0.0.1")
    print(f"{'what':<62} {'measured s':>11} {'bound s':>9}  {'measured/bound':>14}  note")
    for what, measured, bound, note in rows:
        ratio = f"{measured / bound:.2f}" if bound == bound and measured == measured and bound > 0 else ""
        shown = f"{measured:11.2f}" if measured == measured else f"{'':>11}"
        limit = f"{bound:9.2f}" if bound == bound else f"{'':>9}"
        print(f"{what:<62} {shown} {limit}  {ratio:>14}  {note}")
    print(f"THROTTLED answers met: {throttled} (none surfaced); within 10 % of the bound: {'yes' if ok else 'NO'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
