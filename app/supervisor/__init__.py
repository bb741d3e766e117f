"""The supervisor's figures and decisions, without Qt: stats from the pack-event log (in SQL),
the live floor, the audit trail, the holds queue, supervisor actions, reports and the CLI.

Map (docs/supervisor.md):
    sqlfuncs      the few SQL expressions that differ between SQLite and PostgreSQL
    vocabulary    which event types count as what
    periods       today, shifts, ranges (local time)
    rollup        quarter-hour roll-ups of the log, refreshed incrementally
    productivity  per packer / station figures, percentiles, hourly series
    floor         every station's status now
    audit         search and an order's history
    holds         the holds and conflicts queue
    actions       supervisor decisions, written as pack events
    access        supervisor sign-in with PIN and lockout
    tables        every table as data: screen, CSV, PDF and CLI read the same
    report_pdf    the shift report
    service       one facade for the console, the CLI and the tests
    cli           `packstation stats` and `packstation supervisor`
"""
