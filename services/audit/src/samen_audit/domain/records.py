"""A Kafka record made ready for the log: its leaf, and the facts the log is searched by.

Every record becomes a leaf, whatever state it is in. The facts beside the leaf
(tenant, event id, type, time, board, school) are read from the record where they
can be, and left empty where they cannot; they help find entries, while the leaf
hash alone is what the tree commits to.
"""

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from samen_archive.canonical import EntryFlag, read_binary_mode
from samen_archive.merkle import leaf_hash
from samen_contract.envelope import PLATFORM_TENANT

from samen_audit.domain.entry_view import instant

# The contract's `Identifier`: a tenant named otherwise cannot be trusted to name a log.
_IDENTIFIER = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}")


@dataclass(frozen=True)
class RecordPosition:
    """Where a record sits on the bus: the key of a record that has no readable id."""

    topic: str
    partition: int
    offset: int

    def key(self) -> str:
        return f"{self.topic}/{self.partition}/{self.offset}"


@dataclass(frozen=True)
class LeafRecord:
    entry: bytes
    leaf_hash: bytes
    tenant: str
    event_id: str | None
    event_type: str | None
    flag: EntryFlag | None
    occurred_at: datetime | None
    board: str | None
    school: str | None
    subject: str | None
    position: RecordPosition


def leaf_record(
    position: RecordPosition,
    headers: Iterable[tuple[str, bytes]],
    value: bytes | None,
    is_known_type: Callable[[str], bool],
) -> LeafRecord:
    """Never fails: a record that cannot be read is kept raw, in the platform log if need be."""
    read = read_binary_mode(headers, value or b"", is_known_type)
    attributes, data = read.attributes, read.data or {}
    return LeafRecord(
        entry=read.entry,
        leaf_hash=leaf_hash(read.entry),
        tenant=tenant_of(attributes),
        event_id=_identifier(attributes.get("id")),
        event_type=attributes.get("type"),
        flag=read.flag,
        occurred_at=instant(attributes.get("time")),
        board=_identifier(attributes.get("board") or _text(data.get("board_id"))),
        school=_identifier(attributes.get("school") or _text(data.get("school_id"))),
        subject=_identifier(attributes.get("subject")),
        position=position,
    )


def tenant_of(attributes: Mapping[str, str]) -> str:
    """The tenant a record names, or the platform log when it names none it can."""
    return _identifier(attributes.get("tenant")) or PLATFORM_TENANT


def _identifier(value: str | None) -> str | None:
    return value if value is not None and _IDENTIFIER.fullmatch(value) else None


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None
