"""Live order sources: a shop's orders and catalogue pulled into the store, shipments written back.

    app.sources.base       the adapter protocol a platform implements, its values and errors
    app.sources.registry   how a source is kept (store tables, secrets), cursors and counters
    app.sources.connector  one sync round and the long-running connector (`packstation sources`)
    app.sources.woocommerce / app.sources.shopify   the platform adapters

The same code serves a standalone station (its own SQLite store) and a networked warehouse
(one connector writing into the central PostgreSQL database): it is handed an Engine.
"""
