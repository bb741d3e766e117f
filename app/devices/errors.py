"""Why a device link failed: the two errors every driver, the reconnect loop and the port lookup share.

Their own module so that app.devices.ports (the USB lookup, which raises OpenFailed) and
app.devices.link (which looks a usb:// device up through ports on every open) need not import
each other. app.devices.link re-exports both: `from app.devices.link import OpenFailed` still works.
"""

from __future__ import annotations


class DeviceGone(Exception):
    """The device disappeared while open: unplugged, powered off, port closed, read error."""


class OpenFailed(Exception):
    """The device could not be opened; the message says why in words an IT admin can act on."""
