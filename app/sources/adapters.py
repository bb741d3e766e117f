"""The adapter for a source's platform, imported only when a source of that platform is used."""

from __future__ import annotations

from typing import Any

from app.sources.base import ShopAdapter, SourceConfig


def make_adapter(config: SourceConfig, **options: Any) -> ShopAdapter:
    """`options` go to the adapter (tests pass `sleep=` so back-off does not wait)."""
    if config.platform == "woocommerce":
        from app.sources.woocommerce import WooCommerceAdapter

        return WooCommerceAdapter(config, **options)
    if config.platform == "shopify":
        from app.sources.shopify import ShopifyAdapter  # app/sources/shopify/__init__.py

        return ShopifyAdapter(config, **options)
    raise ValueError(f"no adapter for platform {config.platform!r}")
