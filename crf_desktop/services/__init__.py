"""Use cases the UI and the CLI call. Every action is checked against the user's role here."""
