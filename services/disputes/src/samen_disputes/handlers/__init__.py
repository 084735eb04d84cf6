"""Use cases: each runs in one unit of work and commits once; events go to the outbox."""
