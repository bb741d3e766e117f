"""EasyPost: rates from every carrier account, label purchase, refunds and address checks.

Uses the official `easypost` client (imported on first use, so stations that ship on rate
cards alone never need it). The API's base URL comes from the settings: tests point it at a
fake server on 127.0.0.1.

Every shipment is created with `reference` = the purchase's idempotency key. EasyPost
accepts a reference wherever it takes a shipment id, so a purchase whose answer was lost (a
timeout, a dropped connection, a crash) is looked up by that key before anything is bought
again. Errors become ShippingErrors that tell the packer what to do.

A customer's return (ParcelRequest.is_return, app.returns.return_label) is created with
EasyPost's `is_return: true` and the outbound parcel's addresses: the carrier swaps them.
"""

from __future__ import annotations

import logging
import urllib.error
import urllib.request
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from app.domain.model import Address
from app.shipping.billable import grams_to_ounces, mm_to_inches
from app.shipping.credentials import easypost_api_key
from app.shipping.errors import (
    AddressRejected,
    CarrierAuthFailed,
    CarrierBusy,
    CarrierUnavailable,
    LabelDownloadFailed,
    PostageAccountEmpty,
    ShipmentRejected,
    ShippingError,
    ShippingNotConfigured,
)
from app.shipping.model import AddressCheck, BoughtLabel, Lookup, ParcelRequest, Rate
from app.shipping.reasons import CarrierReason
from app.shipping.settings import EASYPOST_URL, ShippingSettings

log = logging.getLogger(__name__)

_ADDRESS_FIELDS = {"address", "street1", "street2", "city", "state", "zip", "country", "to_address", "from_address"}
_LABEL_URL = {"zpl": "label_zpl_url", "pdf": "label_pdf_url", "epl2": "label_epl2_url", "png": "label_url"}


class EasyPostSource:
    name = "easypost"
    buys_labels = True

    def __init__(self, api_key: str, *, base_url: str = EASYPOST_URL, timeout_s: float = 20.0,
                 carrier_accounts: tuple[str, ...] = ()) -> None:
        self._api_key = api_key
        self.base_url = base_url.rstrip("/")
        self.timeout_s = timeout_s
        self.carrier_accounts = carrier_accounts
        self._client: Any = None

    @classmethod
    def from_settings(cls, settings: ShippingSettings) -> EasyPostSource:
        return cls(easypost_api_key(settings), base_url=settings.easypost_base_url,
                   timeout_s=settings.easypost_timeout_s, carrier_accounts=settings.easypost_carrier_accounts)

    def __repr__(self) -> str:  # never show the key
        return f"EasyPostSource({self.base_url!r})"

    @property
    def client(self) -> Any:
        if self._client is None:
            try:
                import easypost
            except ImportError as exc:
                raise ShippingNotConfigured(CarrierReason("client_missing"),
                                            detail="pip install easypost") from exc
            # (easypost annotates timeout as int; it hands it to requests, which takes float seconds)
            self._client = easypost.EasyPostClient(self._api_key, api_base=self.base_url,
                                                   timeout=self.timeout_s)  # type: ignore[arg-type]
        return self._client

    # ------------------------------------------------------------ RateSource

    def rates(self, request: ParcelRequest) -> list[Rate]:
        shipment = self._call("rate", lambda c: c.shipment.create(**shipment_params(request, self.carrier_accounts)))
        shipment_id = shipment.get("id", "")
        rates = [_rate(r, shipment_id) for r in shipment.get("rates") or ()]
        if not rates and shipment.get("messages"):
            log.warning("EasyPost returned no rates for %s: %s", request.reference, shipment["messages"])
        return [r for r in rates if r is not None]

    # ------------------------------------------------------------ LabelSource

    def buy(self, request: ParcelRequest, rate: Rate) -> BoughtLabel:
        shipment = self._call("buy", lambda c: c.shipment.buy(rate.shipment_id, rate={"id": rate.rate_id}))
        bought = _bought(shipment, request.label_format)
        if bought is None:
            raise ShipmentRejected(CarrierReason("no_label_sent"),
                                   detail=f"shipment {shipment.get('id')} has no postage_label")
        return bought

    def lookup(self, reference: str, shipment_id: str = "") -> Lookup:
        try:
            shipment = self._call("lookup", lambda c: c.shipment.retrieve(shipment_id or reference))
        except ShipmentRejected as exc:
            if exc.code == "not_found":
                return Lookup(found=False)
            raise
        return Lookup(found=True, bought=_bought(shipment, ""))

    def download(self, bought: BoughtLabel, label_format: str) -> bytes:
        url = bought.label_url if bought.label_format == label_format else ""
        if not url:
            shipment = self._call("download", lambda c: c.shipment.label(bought.shipment_id,
                                                                          file_format=label_format.upper()))
            url = (shipment.get("postage_label") or {}).get(_LABEL_URL.get(label_format, "label_url")) or ""
        if not url:
            raise LabelDownloadFailed("The label is bought but its file is not ready. Press Retry in a moment.",
                                      detail=f"no {label_format} url for {bought.shipment_id}")
        try:
            with urllib.request.urlopen(url, timeout=self.timeout_s) as response:  # noqa: S310 - carrier's https URL
                return response.read()
        except (urllib.error.URLError, OSError, TimeoutError) as exc:
            raise LabelDownloadFailed(
                f"The label for tracking number {bought.tracking_number} is bought but did not download. "
                "Press Retry: nothing will be bought twice.", detail=str(exc)) from exc

    def void(self, shipment_id: str) -> str:
        shipment = self._call("void", lambda c: c.shipment.refund(shipment_id))
        return str(shipment.get("refund_status") or "submitted")

    def verify_address(self, address: Address) -> AddressCheck:
        try:
            found = self._call("verify", lambda c: c.address.create_and_verify(**address_params(address)))
        except AddressRejected as exc:
            return AddressCheck(False, (exc.detail.split(": ", 1)[-1] or str(exc),))
        corrected = Address(
            name=found.get("name") or address.name, company=found.get("company") or address.company,
            line1=found.get("street1") or "", line2=found.get("street2") or "", city=found.get("city") or "",
            region=found.get("state") or "", postcode=found.get("zip") or "", country=found.get("country") or "",
            phone=address.phone, email=address.email)
        residential = found.get("residential")
        return AddressCheck(True, (), corrected, residential if isinstance(residential, bool) else None)

    # ------------------------------------------------------------ errors

    def _call(self, during: str, fn: Callable[[Any], Any]) -> dict[str, Any]:
        client = self.client
        try:
            result = fn(client)
        except ShippingError:
            raise
        except Exception as exc:  # the client's errors, mapped below; anything else is a bug and re-raised
            raise translate_error(exc, during) from exc
        return _plain(result)


def translate_error(exc: Exception, during: str) -> Exception:
    """An EasyPost client error as the packer's instruction (other exceptions come back unchanged)."""
    try:
        from easypost import errors as ep
    except ImportError:  # pragma: no cover - only reached through the client
        return exc
    if not isinstance(exc, ep.EasyPostError):
        return exc
    status = getattr(exc, "http_status", None)
    code = getattr(exc, "code", None) or ""
    message = getattr(exc, "message", "") or str(exc)
    field_errors = getattr(exc, "errors", None) or []
    detail = f"EasyPost {during}: {status or ''} {code} {_fields(message, field_errors)}".strip()
    if isinstance(exc, ep.UnauthorizedError | ep.ForbiddenError):
        return CarrierAuthFailed(CarrierReason("key_refused"), detail=detail)
    if isinstance(exc, ep.PaymentError):
        return PostageAccountEmpty(CarrierReason("out_of_funds"), detail=detail)
    if isinstance(exc, ep.RateLimitError):
        return CarrierBusy(CarrierReason("busy"), detail=detail)
    if isinstance(exc, ep.NotFoundError):
        return ShipmentRejected(CarrierReason("unknown_shipment"), detail=detail, code="not_found")
    if isinstance(exc, ep.InvalidRequestError | ep.BadRequestError):
        if code.upper().startswith("ADDRESS") or _about_address(field_errors):
            return AddressRejected(CarrierReason("address_refused", detail=_fields(message, field_errors)),
                                   detail=detail)
        return ShipmentRejected(CarrierReason("parcel_refused", detail=_fields(message, field_errors)),
                                detail=detail)
    if isinstance(exc, ep.TimeoutError | ep.HttpError) or (status or 0) >= 500 or isinstance(
            exc, ep.InternalServerError | ep.ServiceUnavailableError | ep.GatewayTimeoutError | ep.JsonError):
        return CarrierUnavailable(CarrierReason("not_answering"), detail=detail)
    return ShipmentRejected(CarrierReason("request_refused", detail=message), detail=detail)


def _about_address(field_errors: Any) -> bool:
    return any(isinstance(e, dict) and str(e.get("field", "")).split(".")[-1] in _ADDRESS_FIELDS
               for e in field_errors)


def _fields(message: str, field_errors: Any) -> str:
    parts = [f"{e.get('field')}: {e.get('message')}" for e in field_errors if isinstance(e, dict) and e.get("message")]
    return "; ".join(parts) if parts else message.rstrip(".")


def _plain(value: Any) -> Any:
    if hasattr(value, "to_dict"):
        return value.to_dict()
    return value


# ---------------------------------------------------------------- request and response shapes


def address_params(a: Address) -> dict[str, Any]:
    params = {"name": a.name, "company": a.company, "street1": a.line1, "street2": a.line2, "city": a.city,
              "state": a.region, "zip": a.postcode, "country": a.country, "phone": a.phone, "email": a.email}
    return {key: value for key, value in params.items() if value}


def shipment_params(request: ParcelRequest, carrier_accounts: tuple[str, ...] = ()) -> dict[str, Any]:
    parcel: dict[str, Any] = {"weight": float(grams_to_ounces(request.weight_g))}
    if request.outer is not None:
        parcel.update(length=float(mm_to_inches(request.outer.length_mm)),
                      width=float(mm_to_inches(request.outer.width_mm)),
                      height=float(mm_to_inches(request.outer.height_mm)))
    options: dict[str, Any] = {"label_format": request.label_format.upper(),
                               "print_custom_1": (f"Return of order {request.order.number}" if request.is_return
                                                  else f"Order {request.order.number} box {request.box}")}
    if request.signature:
        options["delivery_confirmation"] = "SIGNATURE"
    to_address = address_params(request.ship_to)
    to_address["residential"] = request.residential
    params: dict[str, Any] = {"reference": request.reference, "to_address": to_address,
                              "from_address": address_params(request.ship_from), "parcel": parcel, "options": options}
    if request.customs is not None:
        params["customs_info"] = {
            "contents_type": request.customs.contents_type, "customs_certify": True,
            "customs_signer": request.ship_from.name or request.ship_from.company,
            "eel_pfc": "NOEEI 30.37(a)", "non_delivery_option": "return", "restriction_type": "none",
            "customs_items": [{"description": line.description, "quantity": line.quantity,
                               "value": float(line.value), "weight": float(grams_to_ounces(max(line.weight_g, 1))),
                               "hs_tariff_number": line.hs_code, "origin_country": line.origin_country,
                               "code": line.sku, "currency": request.customs.currency}
                              for line in request.customs.lines],
        }
    if request.is_return:
        # EasyPost's return: the addresses are given as the outbound parcel had them and the
        # carrier swaps them, so the customer's parcel comes back to from_address.
        params["is_return"] = True
    if carrier_accounts:
        params["carrier_accounts"] = list(carrier_accounts)
    return params


def _rate(r: dict[str, Any], shipment_id: str) -> Rate | None:
    try:
        amount = Decimal(str(r["rate"]))
    except (KeyError, InvalidOperation):
        return None
    days = r.get("delivery_days") or r.get("est_delivery_days")
    return Rate(carrier=str(r.get("carrier", "")), service=str(r.get("service", "")), amount=amount,
                currency=str(r.get("currency") or "USD"), transit_days=int(days) if days else None,
                source=EasyPostSource.name, rate_id=str(r.get("id", "")),
                shipment_id=str(r.get("shipment_id") or shipment_id))


def _bought(shipment: dict[str, Any], label_format: str) -> BoughtLabel | None:
    label = shipment.get("postage_label") or {}
    tracking = shipment.get("tracking_code") or ""
    if not label or not tracking:
        return None
    url, fmt = "", ""
    for candidate in (label_format, "zpl", "pdf", "png"):
        if candidate and label.get(_LABEL_URL[candidate]):
            url, fmt = label[_LABEL_URL[candidate]], candidate
            break
    selected = shipment.get("selected_rate") or {}
    amount = None
    if selected.get("rate") is not None:
        try:
            amount = Decimal(str(selected["rate"]))
        except InvalidOperation:
            amount = None
    return BoughtLabel(tracking_number=str(tracking), shipment_id=str(shipment.get("id", "")), label_url=url,
                       label_format=fmt, carrier=str(selected.get("carrier", "")),
                       service=str(selected.get("service", "")), amount=amount,
                       currency=str(selected.get("currency") or ""))
