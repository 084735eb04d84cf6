"""Use cases: each runs in one unit of work (the caller's, for a consumer) and writes
its events to the outbox in the same transaction.

They load what they need through the adapters, ask the pure domain, store the result and
emit through `emitting`.
"""
