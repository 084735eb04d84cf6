"""Which records of a batch become new leaves: idempotent on event id, nothing dropped.

- A record with a readable event id is new unless that id is already in the log
  with the same leaf hash (a redelivery) — then it is skipped.
- A record repeating a known id with other bytes is a different record: it is kept,
  under its place on the bus instead of the id, and flagged ``id_conflict``.
- A record without a readable id is keyed by its place on the bus, so a redelivery
  of it is skipped too.
"""

from collections.abc import Iterable, Mapping, Set
from dataclasses import dataclass

from samen_audit.domain.records import LeafRecord

ID_CONFLICT = "id_conflict"


@dataclass(frozen=True)
class Admitted:
    record: LeafRecord
    event_id: str | None  # the idempotency key, when the record has one of its own
    record_key: str | None  # otherwise its place on the bus
    flag: str | None


def admit(
    records: Iterable[LeafRecord],
    known_ids: Mapping[str, bytes],
    known_keys: Set[str],
) -> list[Admitted]:
    """The records to append, in order; ``known_*`` are what the log already holds."""
    ids = dict(known_ids)
    keys = set(known_keys)
    admitted: list[Admitted] = []
    for record in records:
        event_id = record.event_id
        if event_id is not None and event_id not in ids:
            ids[event_id] = record.leaf_hash
            admitted.append(Admitted(record, event_id, None, _flag(record)))
            continue
        if event_id is not None and ids[event_id] == record.leaf_hash:
            continue
        key = record.position.key()
        if key in keys:
            continue
        keys.add(key)
        flag = ID_CONFLICT if event_id is not None else _flag(record)
        admitted.append(Admitted(record, None, key, flag))
    return admitted


def _flag(record: LeafRecord) -> str | None:
    return record.flag.value if record.flag is not None else None
