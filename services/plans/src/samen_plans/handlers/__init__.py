"""Use cases, each in one unit of work, emitting events through the outbox."""
