"""How many copies of each partition Kafka keeps, and how many must have a write."""

from __future__ import annotations

from dataclasses import dataclass

# Three copies survive one broker down for maintenance and another failing meanwhile.
MOST_REPLICAS = 3


@dataclass(frozen=True)
class Replication:
    factor: int  # copies of each partition
    min_insync: int  # copies that must have a record before `acks=all` confirms it


def replication_for(brokers: int) -> Replication:
    """Up to three copies; all but one must confirm a write, so one broker can fail
    without losing an acknowledged record or stopping writes. One broker: one copy."""
    if brokers < 1:
        raise ValueError("a cluster has at least one broker")
    factor = min(brokers, MOST_REPLICAS)
    return Replication(factor=factor, min_insync=max(1, factor - 1))
