"""One HTTP client for the shop adapters: timeouts, back-off, and errors IT can act on.

    api = ShopHttp("shop-eu", "https://shop.example/wp-json/wc/v3", auth=("ck_...", "cs_..."))
    response = api.request("GET", "/orders", params={"per_page": 100})

Every failure comes out as an app.sources.base.SourceError subclass with a message that names
the source, what the shop answered and what to do; a 429 or a 5xx is tried again after the
shop's Retry-After (or an exponential back-off) up to `attempts` times, then raised. httpx does
the HTTP; this module only decides what an answer means for the connector.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Mapping
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

from app.domain import clock
from app.sources.base import (
    AuthRevoked,
    Forbidden,
    MalformedResponse,
    NotFound,
    ServerError,
    SourceError,
    Throttled,
)

log = logging.getLogger(__name__)

TIMEOUT = httpx.Timeout(30.0, connect=10.0)
MAX_WAIT = 60.0  # never sleep longer than this for one retry (a Retry-After of an hour is an error)


def retry_after(response: httpx.Response, default: float) -> float:
    """Seconds to wait from a Retry-After header (seconds or an HTTP date), else `default`."""
    value = response.headers.get("Retry-After", "").strip()
    if not value:
        return default
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return default
    return max(0.0, (moment - clock.now()).total_seconds())


class ShopHttp:
    """A client for one source. `sleep` is injectable so tests of the back-off do not wait."""

    def __init__(self, source: str, base_url: str, *, auth: Any = None, headers: Mapping[str, str] | None = None,
                 params: Mapping[str, str] | None = None, attempts: int = 5, backoff: float = 1.0,
                 sleep: Callable[[float], None] = time.sleep, transport: httpx.BaseTransport | None = None,
                 what: str = "the shop") -> None:
        self.source = source
        self.what = what
        self.attempts = attempts
        self.backoff = backoff
        self.sleep = sleep
        self.client = httpx.Client(base_url=base_url.rstrip("/"), auth=auth, headers=dict(headers or {}),
                                   params=dict(params or {}), timeout=TIMEOUT, transport=transport,
                                   follow_redirects=False)

    def close(self) -> None:
        self.client.close()

    def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        """The response of a successful request (2xx); raises SourceError after the retries."""
        failure: SourceError | None = None
        for attempt in range(1, self.attempts + 1):
            try:
                response = self.client.request(method, path, **kwargs)
            except httpx.TimeoutException:
                failure = ServerError(f"{self.source}: {self.what} did not answer {method} {path} in time — "
                                      "tried again; check the shop is up")
            except httpx.TransportError as exc:
                failure = ServerError(f"{self.source}: cannot reach {self.what} at {self.client.base_url} "
                                      f"({type(exc).__name__}: {exc}) — check the URL and the network")
            else:
                if response.is_success:
                    return response
                failure = self.error_for(response, method, path)
                if not failure.retry:
                    raise failure
            if attempt == self.attempts:
                break
            wait = (failure.retry_after if isinstance(failure, Throttled)
                    else self.backoff * (2 ** (attempt - 1)))
            if wait > MAX_WAIT:
                break
            log.info("%s: %s; waiting %.1f s (attempt %d of %d)", self.source, failure.message, wait, attempt,
                     self.attempts)
            self.sleep(wait)
        assert failure is not None
        raise failure

    def json(self, method: str, path: str, **kwargs: Any) -> tuple[Any, httpx.Response]:
        """The decoded JSON body and the response; a body that is not JSON is MalformedResponse."""
        response = self.request(method, path, **kwargs)
        try:
            return response.json(), response
        except (json.JSONDecodeError, UnicodeDecodeError):
            raise MalformedResponse(f"{self.source}: {self.what} answered {method} {path} with something that "
                                    f"is not JSON ({response.text[:80]!r}) — a plugin or proxy may be interfering"
                                    ) from None

    def error_for(self, response: httpx.Response, method: str, path: str) -> SourceError:
        status = response.status_code
        said = _shop_message(response)
        where = f"{self.source}: {self.what} answered {status} to {method} {path}" + (f" ({said})" if said else "")
        if status == 401:
            return AuthRevoked(f"{where} — the key or token was refused (revoked, expired or mistyped): make a new "
                               f"one and run `packstation sources remove {self.source}` and `sources add` again",
                               status=status)
        if status == 403:
            return Forbidden(f"{where} — the key lacks a permission: give it Read/Write access "
                             "(see docs/sources.md)", status=status)
        if status == 404:
            return NotFound(f"{where} — check the shop URL (and that the REST API is on), or the record was deleted",
                            status=status)
        if status == 429:
            wait = retry_after(response, self.backoff * 2)
            return Throttled(f"{where} — too many requests; waiting {wait:.0f} s as the shop asks",
                             retry_after=wait, status=status)
        if status >= 500:
            return ServerError(f"{where} — the shop's server failed; tried again with back-off", status=status)
        return SourceError(f"{where}", status=status)


def _shop_message(response: httpx.Response) -> str:
    """The message a shop puts in an error body (WooCommerce: {"code", "message"}; Shopify: {"errors"})."""
    try:
        body = response.json()
    except (json.JSONDecodeError, UnicodeDecodeError):
        return ""
    if isinstance(body, dict):
        for key in ("message", "errors", "error"):
            value = body.get(key)
            if isinstance(value, str):
                return value[:200]
            if value:
                return json.dumps(value)[:200]
    return ""
