"""IT tooling for a station: health checks (doctor), provisioning (setup), station profiles,
autostart, backups before schema upgrades, and support bundles.

Everything here runs without a screen and without Qt widgets, so it works over SSH, in a
frozen build and in tests. `app.it.cli.register()` adds the subcommands to `packstation`.
"""
