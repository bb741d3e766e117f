"""Shopify's GraphQL Admin API: one POST per query, paced by Shopify's calculated query cost.

    api = ShopifyGraphQL("shop-eu", "https://shop-eu.myshopify.com", token)
    data = api.execute(ORDERS_PAGE, {"first": 4, "query": "updated_at:>='2025-01-01T00:00:00Z'"})

Shopify limits an app by points, not requests: each query has a *requested* cost (the most it
could cost, from its `first:` arguments) that the shop's leaky bucket must hold before the query
runs, and an *actual* cost (what it returned) that is taken out afterwards. Every response says
where the bucket stands (`extensions.cost.throttleStatus {maximumAvailable currentlyAvailable
restoreRate}`); `CostBucket` keeps that picture, refilled by the clock, and `execute` waits until
the bucket holds the query's requested cost (learnt from the last time the same document ran)
before it sends it. A THROTTLED answer (the picture was wrong, another app of the shop's spent
points) waits exactly the missing points' time and sends again; an HTTP 429 waits its
Retry-After (app.sources.http). A throttled answer never reaches the connector unless the shop
keeps refusing for minutes.

Hand-written on httpx: a GraphQL client library (gql, sgqlc) would add a schema and transports
but not the one thing Shopify needs, cost-based pacing; the queries are fixed strings.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import httpx

from app.sources.base import Forbidden, MalformedResponse, ServerError, SourceError, Throttled
from app.sources.http import ShopHttp

log = logging.getLogger(__name__)

API_VERSION = "2025-10"  # the pinned dated version of the GraphQL Admin API (supported until 2026-10)
MAX_THROTTLED = 30  # THROTTLED answers in a row before the round gives up (the connector retries later)
MALFORMED_RETRIES = 2  # answers that are not JSON, tried again before MalformedResponse reaches the connector
MARGIN = 1.0  # points asked beyond the requested cost: the shop rounds, and its clock is not ours


@dataclass
class ThrottleStatus:
    maximum: float
    available: float
    restore_rate: float


class CostBucket:
    """The shop's leaky bucket as last reported, refilled at `restore_rate` points/s since then."""

    def __init__(self, monotonic: Callable[[], float] = time.monotonic) -> None:
        self.monotonic = monotonic
        self.status: ThrottleStatus | None = None
        self.seen_at = 0.0

    def observe(self, status: ThrottleStatus) -> None:
        self.status = status
        self.seen_at = self.monotonic()

    def available(self) -> float | None:
        """Points the bucket holds now, by the last report and the time since (None: never reported)."""
        if self.status is None:
            return None
        refilled = self.status.available + (self.monotonic() - self.seen_at) * self.status.restore_rate
        return min(self.status.maximum, refilled)

    def wait_for(self, cost: float | None) -> float:
        """Seconds to wait until the bucket holds `cost` points (0: send now)."""
        now = self.available()
        if cost is None or now is None or self.status is None or self.status.restore_rate <= 0:
            return 0.0
        needed = min(cost + MARGIN, self.status.maximum)
        return max(0.0, (needed - now) / self.status.restore_rate)


@dataclass
class Usage:
    """What the client spent: for `sources status`, the bench and the tests."""

    requests: int = 0
    requested_points: float = 0.0
    actual_points: float = 0.0
    throttled: int = 0  # THROTTLED answers (and 429s) met and waited out
    waited: float = 0.0  # seconds slept for the bucket


def throttle_status(body: Mapping[str, Any]) -> tuple[ThrottleStatus | None, float | None, float | None]:
    """(throttleStatus, requestedQueryCost, actualQueryCost) of a response, as far as it has them."""
    extensions = body.get("extensions")
    cost = extensions.get("cost") if isinstance(extensions, dict) else None
    if not isinstance(cost, dict):
        return None, None, None
    status = cost.get("throttleStatus")
    parsed = None
    if isinstance(status, dict):
        try:
            parsed = ThrottleStatus(float(status["maximumAvailable"]), float(status["currentlyAvailable"]),
                                    float(status["restoreRate"]))
        except (KeyError, TypeError, ValueError):
            parsed = None
    return parsed, _number(cost.get("requestedQueryCost")), _number(cost.get("actualQueryCost"))


def _number(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _codes(errors: object) -> list[str]:
    if not isinstance(errors, list):
        return []
    found = []
    for error in errors:
        if isinstance(error, dict):
            extensions = error.get("extensions")
            code = extensions.get("code") if isinstance(extensions, dict) else None
            if isinstance(code, str):
                found.append(code)
            elif str(error.get("message", "")).strip().lower() == "throttled":
                found.append("THROTTLED")  # older answers carry only the message
    return found


def _messages(errors: object) -> str:
    if isinstance(errors, str):
        return errors[:300]
    if isinstance(errors, list):
        return "; ".join(str(e.get("message", e)) if isinstance(e, dict) else str(e) for e in errors)[:300]
    return str(errors)[:300]


class ShopifyGraphQL:
    """A GraphQL Admin API client for one shop. `sleep`/`monotonic` are injectable for tests."""

    def __init__(self, source: str, api_url: str, token: str, *, version: str = API_VERSION,
                 sleep: Callable[[float], None] = time.sleep, monotonic: Callable[[], float] = time.monotonic,
                 transport: httpx.BaseTransport | None = None, attempts: int = 5) -> None:
        self.source = source
        self.version = version
        self.sleep = sleep
        self.bucket = CostBucket(monotonic)
        self.usage = Usage()
        self.requested: dict[str, float] = {}  # requested cost by query document, as the shop computed it
        self.http = ShopHttp(source, f"{api_url.rstrip('/')}/admin/api/{version}", what="Shopify",
                             headers={"X-Shopify-Access-Token": token.strip(), "Accept": "application/json"},
                             sleep=self._slept, transport=transport, attempts=attempts)

    def close(self) -> None:
        self.http.close()

    def _slept(self, seconds: float) -> None:
        """ShopHttp's back-off (429 Retry-After, 5xx) goes through here so that it is counted."""
        self.usage.throttled += 1
        self.usage.waited += seconds
        self.sleep(seconds)

    def execute(self, query: str, variables: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """The `data` of a query, after waiting for the points it needs; raises SourceError subclasses."""
        key = hashlib.sha1(query.encode()).hexdigest()
        payload: dict[str, Any] = {"query": query}
        if variables:
            payload["variables"] = dict(variables)
        malformed = 0
        for _ in range(MAX_THROTTLED + MALFORMED_RETRIES + 1):
            wait = self.bucket.wait_for(self.requested.get(key))
            if wait > 0:
                self.usage.waited += wait
                self.sleep(wait)
            try:
                body, _response = self.http.json("POST", "/graphql.json", json=payload)
            except MalformedResponse:
                malformed += 1  # a proxy's error page, a cut-off body: once more, then tell IT
                if malformed > MALFORMED_RETRIES:
                    raise
                self._slept(self.http.backoff * malformed)
                continue
            if not isinstance(body, dict):
                raise MalformedResponse(f"{self.source}: Shopify answered a GraphQL query with "
                                        f"{type(body).__name__}, not an object — a proxy may be interfering")
            self.usage.requests += 1
            status, requested, actual = throttle_status(body)
            if status is not None:
                self.bucket.observe(status)
            if requested is not None:
                self.requested[key] = requested
                if status is not None and requested > status.maximum:
                    raise SourceError(f"{self.source}: a query costs {requested:.0f} points, more than the shop's "
                                      f"bucket of {status.maximum:.0f} — this is a bug in Packstation, report it")
            errors = body.get("errors")
            codes = _codes(errors)
            if "THROTTLED" in codes:
                self.usage.throttled += 1
                if status is None:  # no figures: wait a second, as Shopify's docs suggest
                    self.usage.waited += 1.0
                    self.sleep(1.0)
                log.info("%s: Shopify throttled a query (%s points asked, %s available); waiting", self.source,
                         requested, status.available if status else "?")
                continue
            self.usage.requested_points += requested or 0.0
            self.usage.actual_points += actual or 0.0
            if errors:
                self._raise_for(errors, codes)
            data = body.get("data")
            if not isinstance(data, dict):
                raise MalformedResponse(f"{self.source}: Shopify's answer has no data and no error — "
                                        "tried again next round")
            return data
        raise Throttled(f"{self.source}: Shopify kept throttling for {MAX_THROTTLED} tries in a row — another app "
                        "may be using the shop's API points; trying again next round", retry_after=60.0, status=None)

    def _raise_for(self, errors: object, codes: list[str]) -> None:
        said = _messages(errors)
        if "ACCESS_DENIED" in codes:
            raise Forbidden(f"{self.source}: Shopify refused a query ({said}) — the app's token lacks an access "
                            "scope: add it in the app's Admin API configuration (docs/sources.md lists them) "
                            "and install the app again", status=403)
        if "MAX_COST_EXCEEDED" in codes:
            raise SourceError(f"{self.source}: Shopify refused a query as too costly ({said}) — a bug in "
                              "Packstation, report it")
        if any(code in ("INTERNAL_SERVER_ERROR", "SERVICE_UNAVAILABLE") for code in codes):
            raise ServerError(f"{self.source}: Shopify failed a query ({said}); tried again next round")
        raise SourceError(f"{self.source}: Shopify refused a query: {said}")
