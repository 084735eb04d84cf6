"""Use cases: each runs in one unit of work and writes its events to the outbox."""
