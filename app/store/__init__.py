"""The station database: tables, queries, migrations, import and export."""
