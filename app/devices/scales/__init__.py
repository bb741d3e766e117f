"""Scale protocols by name. Each lives in its own module and is imported only when used."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.devices.scales.base import ScaleProtocol, ScaleSettings

PROTOCOLS: dict[str, str] = {
    "mt-sics": "app.devices.scales.mt_sics:MtSics",
    "nci": "app.devices.scales.nci:Nci",
    "stream": "app.devices.scales.stream:Stream",
}
ALIASES = {"sics": "mt-sics", "mtsics": "mt-sics", "mettler": "mt-sics", "mt_sics": "mt-sics",
           "weigh-tronix": "nci", "weightronix": "nci", "avery": "nci", "brecknell": "nci",
           "continuous": "stream", "ascii-stream": "stream"}
NAMES = tuple(PROTOCOLS)


def protocol_class(name: str) -> type[ScaleProtocol]:
    module, _, attribute = PROTOCOLS[ALIASES.get(name, name)].partition(":")
    return getattr(import_module(module), attribute)


def make_protocol(settings: ScaleSettings) -> ScaleProtocol:
    cls = protocol_class(settings.protocol)
    if settings.protocol == "stream":
        return cls(settings.unit, settings.zero_cmd, settings.tare_cmd)  # type: ignore[call-arg]
    return cls()
