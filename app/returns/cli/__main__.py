"""`python -m app.returns.cli ...`: the returns, stock, count and bulk commands alone."""

from app.returns.cli import main

raise SystemExit(main())
