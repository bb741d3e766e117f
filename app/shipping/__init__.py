"""Shipping: rate cards and carrier APIs, label purchase, manifests, customs, customer e-mail.

The station's entry points:

    buyer = label_buyer(engine, settings, ship_from)         # once, at start-up
    buyer.reconcile_all()                                    # settle purchases a crash left open
    label = buyer.buy(order, parcel_uuid, box, weight_g, carton)   # -> PurchasedLabel
    buyer.void(parcel_uuid)                                  # when the station voids a parcel

Errors a packer can meet are ShippingError subclasses; `exc.packer_message` says what to do.
Names are imported on first use, so `app.config` can read `app.shipping.settings` without
loading the database layer or a carrier client.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS = {
    "LabelBuyer": "app.shipping.buyer",
    "PurchaseUncertain": "app.shipping.errors",
    "ShippingError": "app.shipping.errors",
    "ShippingNotConfigured": "app.shipping.errors",
    "PurchasedLabel": "app.shipping.model",
    "Rate": "app.shipping.model",
    "RateSource": "app.shipping.model",
    "build_rules": "app.shipping.service",
    "build_sources": "app.shipping.service",
    "label_buyer": "app.shipping.service",
    "mail_outbox": "app.shipping.service",
    "ShippingSettings": "app.shipping.settings",
    "parse_settings": "app.shipping.settings",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'app.shipping' has no attribute {name!r}")
