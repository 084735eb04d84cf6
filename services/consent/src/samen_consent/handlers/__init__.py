"""Use cases: each runs one unit of work and commits once.

They take plain values and a `Context` (sessions, event writer, clock, policies),
load what they need through the repositories, ask the pure domain, store the result and
write its events to the outbox in the same transaction.
"""
