"""What can go wrong when shipping, each with the instruction the packer reads.

Every error a packer can meet carries `packer_message`: what happened, in the warehouse's
words, and what to do now. `retry` says whether pressing Retry can help; when it cannot, the
packer sets the parcel aside and packs the next order while the office fixes the cause.
"""

from __future__ import annotations


class ShippingError(Exception):
    """Base of every shipping error. `str(exc)` is the packer's message."""

    code = "shipping_error"
    retry = False

    def __init__(self, packer_message: str, *, detail: str = "", code: str | None = None) -> None:
        super().__init__(packer_message)
        self.packer_message = packer_message
        self.detail = detail  # the carrier's own words, for the log and the office
        if code:
            self.code = code


class ShippingNotConfigured(ShippingError):
    code = "not_configured"


class ShippingSettingsError(ValueError):
    """A [shipping], [smtp] or [email] setting is wrong; the message names the key."""


class RulesError(ValueError):
    """The shipping rules file is wrong; the message names the file, the key and the problem."""


class RateCardError(ValueError):
    """A rate card is wrong; the message names the file, the row and the problem."""


class AddressRejected(ShippingError):
    code = "address_rejected"


class CarrierAuthFailed(ShippingError):
    code = "carrier_auth"


class PostageAccountEmpty(ShippingError):
    code = "payment_required"


class ShipmentRejected(ShippingError):
    """The carrier refused the shipment as asked (422/400): the data must change first."""

    code = "shipment_rejected"


class CarrierBusy(ShippingError):
    """Rate limited (429): a retry in a few seconds will do."""

    code = "rate_limited"
    retry = True


class CarrierUnavailable(ShippingError):
    """Timeout, 5xx or no connection, and nothing was bought."""

    code = "carrier_unavailable"
    retry = True


class PurchaseUncertain(ShippingError):
    """The buy request went out and no answer came back, and the carrier cannot be asked yet.

    Never buy again on this: a retry first looks the purchase up by its idempotency key.
    """

    code = "purchase_uncertain"
    retry = True


class LabelDownloadFailed(ShippingError):
    """The label is bought (tracking number known) but its file did not arrive."""

    code = "label_download"
    retry = True


class NoServiceAvailable(ShippingError):
    code = "no_service"


class CustomsDataMissing(ShippingError):
    code = "customs_missing"


class VoidFailed(ShippingError):
    code = "void_failed"
    retry = True
