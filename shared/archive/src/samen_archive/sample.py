"""A synthetic tenant log and its exports, for the benchmark, tests and demonstrations.

Every id is a random UUID from a seeded generator: no real pupil, school or
person appears, and the same seed gives the same log.
"""

import random
import uuid
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from samen_archive.build import ExportContents, build_archive
from samen_archive.canonical import event_entry
from samen_archive.layout import ArchiveEntry, ExportScope
from samen_archive.merkle import leaf_hash, root_hash
from samen_archive.treehead import SignedTreeHead, TreeHead

SAMPLE_TYPES = (
    "samen.consent.ConsentRequested.v1",
    "samen.consent.ConsentGiven.v1",
    "samen.meetings.MeetingScheduled.v1",
    "samen.notifications.NotificationSent.v1",
)


@dataclass
class SampleLog:
    """One tenant's log of synthetic events, entries and leaf hashes side by side."""

    tenant: str
    start: datetime
    seed: int = 0
    entries: list[bytes] = field(default_factory=list)
    leaves: list[bytes] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._random = random.Random(self.seed)
        self._schools = [self._uuid() for _ in range(8)]

    def append(self, count: int) -> None:
        for _ in range(count):
            self.append_entry(self._event(len(self.entries)))

    def append_entry(self, entry: bytes) -> None:
        self.entries.append(entry)
        self.leaves.append(leaf_hash(entry))

    def school_of(self, index: int) -> str:
        return self._schools[index % len(self._schools)]

    def tree_head(
        self, key: Ed25519PrivateKey, now: datetime, size: int | None = None
    ) -> SignedTreeHead:
        size = len(self.leaves) if size is None else size
        return TreeHead(self.tenant, size, root_hash(self.leaves[:size]), now).sign(key)

    def export(
        self, key: Ed25519PrivateKey, now: datetime, *, version: int = 2, **choice: Any
    ) -> bytes:
        """An archive of the whole log signed now; `choice` as `export_contents` takes it."""
        return build_archive(self.export_contents(key, now, **choice), key, version=version)

    def export_contents(
        self,
        key: Ed25519PrivateKey,
        now: datetime,
        *,
        select: Callable[[int], bool] = lambda _: True,
        erased: Collection[int] = (),
        earlier_size: int | None = None,
    ) -> ExportContents:
        """What the service would export, holding the entries `select` picks."""
        chosen = [
            ArchiveEntry(i, None if i in erased else self.entries[i])
            for i in range(len(self.entries))
            if select(i)
        ]
        return ExportContents(
            tree_head=self.tree_head(key, now),
            leaves=self.leaves,
            entries=chosen,
            scope=ExportScope(self.tenant, date(2000, 1, 1), now.date()),
            summary_csv=b"soort,aantal\r\nvermeldingen,%d\r\n" % len(chosen),
            report_html=b"<!doctype html><html lang=nl><title>Rapport</title></html>\n",
            exported_at=now,
            earlier_size=earlier_size,
        )

    def _event(self, index: int) -> bytes:
        time = (self.start + timedelta(seconds=index)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        pupil = self._uuid()
        attributes = {
            "id": self._uuid(),
            "source": "samen/consent",
            "type": SAMPLE_TYPES[index % len(SAMPLE_TYPES)],
            "time": time,
            "subject": pupil,
            "specversion": "1.0",
            "datacontenttype": "application/json",
            "tenant": self.tenant,
            "school": self.school_of(index),
            "correlationid": self._uuid(),
            "actor": f"ib:{self._uuid()}",
            "sequence": str(index),
        }
        data = {"pupil_id": pupil, "consent_id": self._uuid(), "purpose": "mdo", "at": time}
        return event_entry(attributes, data)

    def _uuid(self) -> str:
        return str(uuid.UUID(int=self._random.getrandbits(128), version=4))
