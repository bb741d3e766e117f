"""The station's PIN pepper: a random key kept outside the station database.

The station's copy of a PIN is HMAC'd with this key (app.store.users.pepper_stored), so a
copied station.db alone gives an offline guesser nothing to test PINs against. The key lives
in the OS keyring (the `keyring` library: Windows Credential Locker, macOS Keychain, Secret
Service on a Linux desktop), under service "packstation" and the station folder's path. When
no keyring backend is available (a kiosk session without D-Bus, a service account) it falls
back to `pin.pepper`, a 0600 file in the station's data folder, and `packstation doctor` says
so: that file protects against a copied database, not against someone who copies the folder.

Once a pepper is in use it stays where it is: a file written while the keyring was missing is
kept even if a keyring appears later (the doctor line says where it is). Losing the pepper
loses the station's offline PINs, nothing else: people sign in online (or by badge) and the
station keeps their PINs again.
"""

from __future__ import annotations

import base64
import logging
import secrets
from dataclasses import dataclass
from pathlib import Path

from app.private_files import check_secret_file, write_secret

log = logging.getLogger(__name__)

SERVICE = "packstation"
FILE_NAME = "pin.pepper"
KEY_BYTES = 32


class PepperError(RuntimeError):
    """The pepper cannot be read or made; the message says what to do."""


@dataclass(frozen=True)
class Pepper:
    key: bytes
    where: str  # "keyring" or "file"
    path: Path | None = None  # the file, when where == "file"
    note: str = ""  # why the file: no keyring backend, or the keyring failed


def keyring_user(data_dir: Path) -> str:
    return f"pin-pepper {data_dir.resolve()}"


def _keyring():
    """The keyring module when a usable backend is there, else (None, why)."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None, "the keyring package is not installed"
    try:
        backend = keyring.get_keyring()
    except Exception as exc:  # noqa: BLE001 - every backend has its own errors
        return None, f"the OS keyring cannot be opened ({type(exc).__name__})"
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 1) <= 0:
        return None, "no OS keyring on this computer"
    return keyring, ""


def _decode(text: str, where: str) -> bytes:
    try:
        key = base64.b64decode(text.strip(), validate=True)
    except ValueError:
        raise PepperError(f"the PIN pepper in {where} is damaged; restore it from a backup, "
                          "or set every PIN at this station again") from None
    if len(key) < 16:
        raise PepperError(f"the PIN pepper in {where} is too short; restore it from a backup")
    return key


def load_pepper(data_dir: Path, *, create: bool = True) -> Pepper | None:
    """The station's pepper (made on first use when `create`), else None."""
    path = data_dir / FILE_NAME
    if path.exists():
        check_secret_file(path, "the PIN pepper")
        key = _decode(path.read_text(encoding="ascii"), str(path))
        _, why = _keyring()
        return Pepper(key, "file", path, why or "kept in a file since it was made without a keyring")
    keyring, why = _keyring()
    if keyring is not None:
        user = keyring_user(data_dir)
        try:
            stored = keyring.get_password(SERVICE, user)
            if stored:
                return Pepper(_decode(stored, "the OS keyring"), "keyring")
            if not create:
                return None
            key = secrets.token_bytes(KEY_BYTES)
            keyring.set_password(SERVICE, user, base64.b64encode(key).decode("ascii"))
            return Pepper(key, "keyring")
        except PepperError:
            raise
        except Exception as exc:  # noqa: BLE001 - a locked or broken keyring: fall back to the file
            why = f"the OS keyring failed ({type(exc).__name__}: {exc})"
            log.warning("PIN pepper: %s; keeping it in %s", why, path)
    if not create:
        return None
    key = secrets.token_bytes(KEY_BYTES)
    write_secret(path, base64.b64encode(key).decode("ascii") + "\n")
    return Pepper(key, "file", path, why)
