"""Use cases of the audit service: each one unit of work, one commit."""
