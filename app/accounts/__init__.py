"""Who may sign in: the one PIN service every sign-in goes through (app.accounts.pins)."""
