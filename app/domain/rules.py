"""The station's packing rules, as configured by IT (see app.config for the TOML keys)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PackingRules:
    weight_tolerance_g: int = 50  # absolute allowance, grams
    weight_tolerance_pct: float = 5.0  # relative allowance, percent of the expected weight
    carton_fill_limit: float = 0.85  # share of a carton's volume the items may take
    weigh_parcels: bool = True  # False on a bench with no scale: the expected weight is used
