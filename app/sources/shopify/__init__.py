"""Shopify as a live order source: the GraphQL Admin API (pinned 2025-10), paced by query cost.

    app.sources.shopify.adapter      ShopifyAdapter (app.sources.base.ShopAdapter)
    app.sources.shopify.graphql      the client: cost-based throttling, THROTTLED and 429 waited out
    app.sources.shopify.queries      the GraphQL documents and their requested costs
    app.sources.shopify.bulk         the first backfill as a bulk operation (JSONL, __parentId)
    app.sources.shopify.mapping      Order / Product nodes -> the station's rows (held, skipped, refunded)
    app.sources.shopify.fulfillment  write-back: one fulfillmentCreate per parcel, never twice
"""

from app.sources.shopify.adapter import ShopifyAdapter
from app.sources.shopify.graphql import API_VERSION

__all__ = ["API_VERSION", "ShopifyAdapter"]
