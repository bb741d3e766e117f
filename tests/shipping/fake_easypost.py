"""A fake EasyPost API on 127.0.0.1 that answers as the documented one does, with faults on demand.

Shipments (POST /v2/shipments) come back with rates (and `is_return` as sent: a return keeps
the outbound addresses, which the real API swaps on the label); buying (POST /v2/shipments/:id/buy) sets a
tracking code and a postage label whose files it also serves; a shipment is found by its id or
its reference (GET /v2/shipments/:id); refunds, label conversion and address verification too.
Errors use the API's body: {"error": {"code", "message", "errors": [{"field", "message"}]}}.

Faults, queued per endpoint with `fault("buy", "drop_after")`:
  "401" "402" "422" "422address" "429" "500" "503"   answer with that error
  "timeout"     do the work, answer only after `slow_seconds` (the client has given up)
  "drop_after"  do the work (a purchase is made), then close the connection without an answer
  "hold"        do the work, then hold the answer until released (a client killed meanwhile)
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

RATES = (  # carrier, service, rate, delivery_days
    ("USPS", "GroundAdvantage", "6.95", 3),
    ("USPS", "Priority", "9.80", 2),
    ("UPS", "Ground", "11.20", 3),
    ("UPS", "2ndDayAir", "24.10", 2),
    ("FedEx", "FEDEX_2_DAY", "22.00", 2),
)


def _gs1(digits: str) -> str:
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(digits)))
    return str((10 - total % 10) % 10)


class FakeEasyPost:
    def __init__(self, api_key: str = "EZTKtestkey") -> None:
        self.api_key = api_key
        self.shipments: dict[str, dict] = {}
        self.purchases = 0
        self.refunds = 0
        self.requests: list[tuple[str, str]] = []
        self.faults: dict[str, list[str]] = {}
        self.slow_seconds = 2.0
        self.release = threading.Event()
        self.bought = threading.Event()
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None

    # ------------------------------------------------------------ control

    def start(self) -> str:
        fake = self

        class Handler(_Handler):
            server_fake = fake

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self.base_url

    @property
    def root(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    @property
    def base_url(self) -> str:
        return f"{self.root}/v2"

    def stop(self) -> None:
        self.release.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def fault(self, endpoint: str, *faults: str) -> None:
        self.faults.setdefault(endpoint, []).extend(faults)

    def next_fault(self, endpoint: str) -> str:
        with self._lock:
            queue = self.faults.get(endpoint) or []
            return queue.pop(0) if queue else ""

    # ------------------------------------------------------------ the API

    def create(self, body: dict) -> dict:
        params = body.get("shipment", {})
        shipment_id = f"shp_{uuid.uuid4().hex}"
        rates = [{"id": f"rate_{uuid.uuid4().hex}", "object": "Rate", "carrier": c, "service": s, "rate": r,
                  "currency": "USD", "delivery_days": d, "est_delivery_days": d, "shipment_id": shipment_id}
                 for c, s, r, d in RATES]
        shipment = {"id": shipment_id, "object": "Shipment", "mode": "test", "reference": params.get("reference"),
                    "to_address": params.get("to_address"), "from_address": params.get("from_address"),
                    "parcel": params.get("parcel"), "options": params.get("options") or {},
                    "customs_info": params.get("customs_info"), "is_return": bool(params.get("is_return")),
                    "rates": rates, "messages": [],
                    "postage_label": None, "tracking_code": None, "selected_rate": None, "refund_status": None}
        with self._lock:
            self.shipments[shipment_id] = shipment
        return shipment

    def find(self, key: str) -> dict | None:
        with self._lock:
            if key in self.shipments:
                return self.shipments[key]
            found = [s for s in self.shipments.values() if s.get("reference") == key]
            return found[-1] if found else None

    def buy(self, shipment: dict, body: dict) -> tuple[int, dict]:
        rate_id = (body.get("rate") or {}).get("id")
        rate = next((r for r in shipment["rates"] if r["id"] == rate_id), None)
        if rate is None:
            return 422, _error("SHIPMENT.RATE.INVALID", "Rate not found for this shipment.")
        with self._lock:
            if shipment["postage_label"]:
                return 422, _error("SHIPMENT.POSTAGE.EXISTS", "Postage already exists for this shipment.")
            self.purchases += 1
            number = f"9400111{self.purchases:014d}"
            shipment["tracking_code"] = number + _gs1(number)
            fmt = (shipment["options"].get("label_format") or "PNG").lower()
            label_id = f"pl_{uuid.uuid4().hex}"
            label = {"id": label_id, "object": "PostageLabel", "label_file_type": f"application/{fmt}",
                     "label_url": f"{self.root}/files/{label_id}.{fmt}"}
            if fmt in ("zpl", "pdf"):
                label[f"label_{fmt}_url"] = f"{self.root}/files/{label_id}.{fmt}"
            shipment["postage_label"] = label
            shipment["selected_rate"] = rate
        self.bought.set()
        return 200, shipment

    def label_file(self, name: str) -> bytes | None:
        label_id, _, fmt = name.partition(".")
        with self._lock:
            shipment = next((s for s in self.shipments.values()
                             if s["postage_label"] and s["postage_label"]["id"] == label_id), None)
        if shipment is None:
            return None
        if fmt == "zpl":
            return f"^XA^FO50,50^A0N,40,40^FD{shipment['tracking_code']}^FS^XZ".encode()
        return b"%PDF-1.4\n% fake label " + shipment["tracking_code"].encode() + b"\n%%EOF\n"


def _error(code: str, message: str, errors: list | None = None) -> dict:
    return {"error": {"code": code, "message": message, "errors": errors or []}}


FAULT_ANSWERS = {
    "401": (401, _error("APIKEY.INACTIVE", "This api key is no longer active.")),
    "402": (402, _error("PAYMENT.INSUFFICIENT_FUNDS", "Insufficient funds.")),
    "422": (422, _error("SHIPMENT.INVALID_PARAMS", "Unable to create shipment, parcel weight is invalid.",
                        [{"field": "parcel.weight", "message": "must be greater than 0"}])),
    "422address": (422, _error("ADDRESS.VERIFY.FAILURE", "Address not found",
                               [{"field": "street1", "message": "House number is missing", "suggestion": None}])),
    "429": (429, _error("RATE_LIMITED", "You have exceeded the rate limit.")),
    "500": (500, _error("INTERNAL_SERVER_ERROR", "Something went wrong.")),
    "503": (503, _error("SERVICE_UNAVAILABLE", "Service unavailable.")),
}


class _Handler(BaseHTTPRequestHandler):
    server_fake: FakeEasyPost

    def log_message(self, *args) -> None:  # quiet tests
        pass

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self._handle("GET")

    def do_POST(self) -> None:  # noqa: N802
        self._handle("POST")

    def _handle(self, method: str) -> None:
        fake = self.server_fake
        url = urlparse(self.path)
        parts = [p for p in url.path.split("/") if p]
        fake.requests.append((method, url.path))
        if parts[:1] == ["files"]:
            data = fake.label_file(parts[1])
            self._send(200 if data else 404, data or b"not found", "application/octet-stream")
            return
        if self.headers.get("Authorization") != f"Bearer {fake.api_key}":
            self._json(*FAULT_ANSWERS["401"])
            return
        length = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(length) or b"{}") if length else {}
        endpoint, work = self._route(method, parts, body, parse_qs(url.query))
        fault = fake.next_fault(endpoint)
        if fault in FAULT_ANSWERS:
            self._json(*FAULT_ANSWERS[fault])
            return
        status, answer = work()
        if fault == "timeout":
            time.sleep(fake.slow_seconds)
        elif fault == "drop_after":
            self.close_connection = True
            self.connection.shutdown(2)  # the answer is lost on the way back
            return
        elif fault == "hold":
            fake.release.wait(60)
        with contextlib.suppress(OSError):  # the client may be gone (timed out, or killed)
            self._json(status, answer)

    def _route(self, method: str, parts: list[str], body: dict, query: dict):  # noqa: ANN202
        fake = self.server_fake
        if parts[1:] == ["shipments"] and method == "POST":
            return "create", lambda: (200, fake.create(body))
        if parts[1:2] == ["addresses"] and parts[2:] == ["create_and_verify"]:
            return "verify", lambda: self._verify(body.get("address") or {})
        if parts[1:2] == ["shipments"] and len(parts) >= 3:
            shipment = fake.find(parts[2])
            if shipment is None:
                return "retrieve", lambda: (404, _error("NOT_FOUND", "The requested resource could not be found."))
            action = parts[3] if len(parts) > 3 else ""
            if action == "buy":
                return "buy", lambda: fake.buy(shipment, body)
            if action == "refund":
                return "refund", lambda: self._refund(shipment)
            if action == "label":
                return "label", lambda: self._convert(shipment, (query.get("file_format") or ["PDF"])[0])
            return "retrieve", lambda: (200, shipment)
        return "unknown", lambda: (404, _error("NOT_FOUND", "No such endpoint."))

    def _refund(self, shipment: dict):  # noqa: ANN202
        self.server_fake.refunds += 1
        shipment["refund_status"] = "submitted"
        return 200, shipment

    def _convert(self, shipment: dict, file_format: str):  # noqa: ANN202
        fmt = file_format.lower()
        label = shipment["postage_label"]
        label[f"label_{fmt}_url"] = f"{self.server_fake.root}/files/{label['id']}.{fmt}"
        return 200, shipment

    def _verify(self, address: dict):  # noqa: ANN202
        if "NOWHERE" in (address.get("street1") or "").upper():
            return FAULT_ANSWERS["422address"]
        return 200, {"address": {**address, "id": f"adr_{uuid.uuid4().hex}", "object": "Address",
                                 "street1": (address.get("street1") or "").upper(), "residential": True,
                                 "verifications": {"delivery": {"success": True, "errors": []}}}}

    def _json(self, status: int, body: dict) -> None:
        self._send(status, json.dumps(body).encode(), "application/json")

    def _send(self, status: int, data: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
