"""The shops' webhooks, taken by the connector (`packstation sources run --listen HOST:PORT`).

    POST /webhooks/NAME      a delivery for source NAME (Shopify orders/*, WooCommerce order.*)

What a delivery gets back, in this order:
    404  no source of that name
    401  the source has no webhook secret (`sources add ... --webhook-secret-file`), or the
         signature does not match (X-Shopify-Hmac-Sha256 / X-WC-Webhook-Signature: base64
         HMAC-SHA256 of the raw body with the secret)
    413  a body over MAX_BODY
    200  a WooCommerce ping (`webhook_id=N`, form-encoded, sent when a webhook is created)
    400  the body is not JSON
    200  a delivery seen before (X-Shopify-Webhook-Id / X-WC-Webhook-Delivery-ID): dropped, once
    202  queued: the connector's loop writes the order at once (Shopify's is read again from the API)

The answer goes back before the order is written (a shop waits 5 s at most and retries otherwise);
a delivery that could not be written is caught by the next polling round, which stays the backstop.
The standard library's HTTP server is enough for one connector behind the warehouse's HTTPS proxy:
a framework would add a dependency and a second event loop for four checks and a queue.
"""

from __future__ import annotations

import json
import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, unquote

from app.sources.base import Headers
from app.sources.registry import SourceSetupError, get_source

if TYPE_CHECKING:
    from app.sources.connector import Connector

log = logging.getLogger(__name__)

MAX_BODY = 5_000_000  # an order with hundreds of lines is well under 1 MB
PREFIX = "/webhooks/"


class WebhookListener:
    def __init__(self, connector: Connector, host: str = "127.0.0.1", port: int = 0) -> None:
        self.connector = connector
        self._lock = threading.Lock()  # duplicate checks: the adapters' memories are not thread-safe
        listener = self

        class Handler(BaseHTTPRequestHandler):
            server_version = "packstation-sources"

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - http.server's name
                log.debug("webhook %s: " + format, self.client_address[0], *args)

            def do_POST(self) -> None:  # noqa: N802 - http.server's name
                status, message = listener.handle(self.path, self.headers, self._body())
                self._answer(status, message)

            def do_GET(self) -> None:  # noqa: N802
                self._answer(405, "webhooks are POSTed")

            def _body(self) -> bytes | None:
                try:
                    length = int(self.headers.get("Content-Length") or 0)
                except ValueError:
                    length = -1
                if length < 0 or length > MAX_BODY:
                    self.close_connection = True
                    return None
                return self.rfile.read(length)

            def _answer(self, status: int, message: str) -> None:
                body = json.dumps({"status": status, "message": message}).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer((host, port), Handler)
        self.server.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        assert isinstance(host, str)  # an AF_INET server's address is (host, port)
        return f"http://{host}:{port}"

    def start(self) -> WebhookListener:
        self._thread = threading.Thread(target=self.server.serve_forever, name="webhooks", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def handle(self, path: str, headers: Headers, body: bytes | None) -> tuple[int, str]:
        """(status, why) for one delivery; queues it with the connector when it is good."""
        route = path.split("?", 1)[0]
        if not route.startswith(PREFIX) or "/" in route[len(PREFIX):].strip("/"):
            return 404, "POST to /webhooks/NAME (NAME: the source's name)"
        name = unquote(route[len(PREFIX):].strip("/"))
        try:
            record = get_source(self.connector.engine, name)
        except SourceSetupError:
            return 404, f"no source named {name!r}"
        if body is None:
            return 413, f"a body over {MAX_BODY} bytes, or no Content-Length"
        secret = str(record.settings.get("webhook_secret") or "")
        if not secret:
            log.warning("webhook for %s refused: the source has no webhook secret", name)
            return 401, f"source {name} has no webhook secret: add it again with --webhook-secret-file"
        try:
            adapter = self.connector.adapter(name)
        except Exception as exc:  # noqa: BLE001 - a secret file gone, a bad URL: the shop retries later
            log.warning("webhook for %s: the source cannot be used: %s", name, exc)
            return 503, f"source {name} cannot be used now: {getattr(exc, 'message', None) or exc}"
        if not adapter.verify_webhook(headers, body, secret):
            log.warning("webhook for %s refused: the signature does not match", name)
            return 401, "the signature does not match this source's webhook secret"
        if _ping(body):
            return 200, "ping"
        try:
            json.loads(body)
        except (json.JSONDecodeError, UnicodeDecodeError):
            log.warning("webhook for %s refused: the body is not JSON", name)
            return 400, "the body is not JSON"
        is_duplicate = getattr(adapter, "is_duplicate", None)
        with self._lock:
            if is_duplicate is not None and is_duplicate(headers):
                return 200, "duplicate delivery: already taken"
        self.connector.deliver(name, body)
        return 202, "queued"


def _ping(body: bytes) -> bool:
    """WooCommerce's first delivery when a webhook is created: `webhook_id=N`, form-encoded."""
    try:
        fields = parse_qs(body.decode("ascii"), strict_parsing=True)
    except (UnicodeDecodeError, ValueError):
        return False
    return list(fields) == ["webhook_id"]
