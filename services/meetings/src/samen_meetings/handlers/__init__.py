"""Use cases: each one unit of work and one commit; events go out through the outbox."""
