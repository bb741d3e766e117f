"""Scanners, scales and the box camera: drivers that feed the station events from their own threads.

Start at hub.py (the facade the station and the GUI use) and docs/devices.md. This package may
import app.domain and pyserial; never Qt widgets, never app.store. camera.py alone uses
QtMultimedia and is imported only when a station has a camera.
"""

from app.devices.events import DeviceState, DeviceStatus, WeightReading, WeightStatus

__all__ = ["DeviceState", "DeviceStatus", "WeightReading", "WeightStatus"]
