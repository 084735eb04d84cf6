"""Tables and repositories: every query of the service lives here; nothing here commits."""
