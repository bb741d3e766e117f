"""The central database as a card on the device strip: red when this station packs offline.

The card's message is a SyncReason (app.sync.status) built from the link's own coded words, so the
strip words it in the packer's language when it shows it (app.ui.messages.coded_text), again after
a language change; the English stays what logs and IT read.

The main window's central-status slot hands the worker's SyncStatus to `central_card` and shows
the DeviceStatus it returns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.devices.events import DeviceState, DeviceStatus
from app.sync.status import SyncReason

if TYPE_CHECKING:
    from app.sync.status import SyncStatus


def central_card(status: SyncStatus) -> DeviceStatus:
    """The card for the link's last state: what it said, the events still to send, and offline's meaning."""
    message: str = status.message
    if status.pending_events:
        waiting = SyncReason("waiting", count=status.pending_events)
        message = SyncReason.joined([part for part in (status.message, waiting) if part])
    if not status.online:
        message = SyncReason("offline", reason=message)
    state = DeviceState.CONNECTED if status.online else DeviceState.DISCONNECTED
    return DeviceStatus("central", "central", state, message)
