"""Where a station's SSCCs come from: its GS1 company prefix, and on a networked station the
central sequence (one numbering for the whole warehouse, so two benches never print the same)."""

from __future__ import annotations

from typing import Any

DEMO_COMPANY_PREFIX = "9506000"  # the demo catalogue's (fake) GS1 prefix; set [gs1] company_prefix


def sscc_options(config: Any, company_prefix: str | None = None) -> dict[str, Any]:
    """Keyword arguments for app.store.bulk's pack_carton / build_pallet / pack_remaining."""
    options: dict[str, Any] = {
        "company_prefix": company_prefix or getattr(config, "gs1_company_prefix", "") or DEMO_COMPANY_PREFIX}
    settings = getattr(config, "central", None)
    if getattr(settings, "enabled", False):
        from app.returns.networked import central_sequence

        options["sscc_source"] = central_sequence(config, "sscc", getattr(config, "sscc_reserve", 0))
    return options
