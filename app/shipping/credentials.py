"""Where the carrier API key comes from: a key file, the OS keyring, the environment, the config.

The key is a password to the shop's postage account: it is never logged and never written
back anywhere. The keyring is imported only when asked for, so a station without a desktop
keyring (or without the package) starts all the same.
"""

from __future__ import annotations

import os

from app.private_files import ExposedSecret, read_secret_file
from app.shipping.errors import ShippingNotConfigured
from app.shipping.reasons import CarrierReason
from app.shipping.settings import ShippingSettings

KEYRING_SERVICE = "packstation"
KEYRING_USER = "easypost"
ENV_VAR = "EASYPOST_API_KEY"


def easypost_api_key(settings: ShippingSettings) -> str:
    if settings.easypost_api_key_file is not None:
        try:
            key = read_secret_file(settings.easypost_api_key_file, "shipping.easypost_api_key_file").strip()
        except ExposedSecret as exc:
            raise ShippingNotConfigured(CarrierReason("key_file_open"), detail=str(exc)) from None
        except OSError as exc:
            raise ShippingNotConfigured(CarrierReason("key_file_unreadable"),
                                        detail=f"{settings.easypost_api_key_file}: {exc.strerror}") from exc
        if key:
            return key
    if settings.easypost_keyring:
        key = _from_keyring()
        if key:
            return key
    key = os.environ.get(ENV_VAR, "").strip() or settings.easypost_api_key
    if key:
        return key
    raise ShippingNotConfigured(CarrierReason("no_key"))


def _from_keyring() -> str:
    try:
        import keyring  # optional: only stations that keep the key in the OS keyring need it
    except ImportError as exc:
        raise ShippingNotConfigured(CarrierReason("no_keyring_package"), detail="pip install keyring") from exc
    try:
        return (keyring.get_password(KEYRING_SERVICE, KEYRING_USER) or "").strip()
    except Exception as exc:  # every keyring backend has its own errors (locked, no D-Bus...)
        raise ShippingNotConfigured(CarrierReason("keyring_closed"), detail=f"{type(exc).__name__}: {exc}") from exc


def store_in_keyring(key: str) -> None:
    try:
        import keyring
    except ImportError as exc:
        raise ShippingNotConfigured("The keyring package is not installed (pip install keyring).") from exc
    keyring.set_password(KEYRING_SERVICE, KEYRING_USER, key.strip())
