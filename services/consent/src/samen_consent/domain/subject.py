"""The document a consent binds to: one version of a text that another service owns.

Some purposes ask consent for exact words the school wrote about this pupil, such as the
action part (handelingsdeel) of one OPP version. The owning service keeps the words and
offers them by id, version and SHA-256; a request for such a purpose names that
document, and every answer records that its party read that very version. A request
for another version is another request.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final
from uuid import UUID

from samen_consent.domain.codes import DefaultPurpose
from samen_consent.domain.errors import SubjectMismatch, SubjectRequired

OPP_ACTION_PART: Final = "opp_action_part"
# Purpose code → the kind of document its requests must name.
BOUND_PURPOSES: Final[Mapping[str, str]] = MappingProxyType(
    {DefaultPurpose.OPP_ACTION_PART.value: OPP_ACTION_PART}
)
_SHA256: Final = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True, slots=True)
class Subject:
    kind: str
    subject_id: UUID
    version: int
    sha256: str

    def __post_init__(self) -> None:
        if self.version < 1 or not _SHA256.match(self.sha256):
            raise SubjectMismatch("a document is named by a version from 1 and a SHA-256")

    def is_same_document(self, other: Subject) -> bool:
        """The same document, in this version or another."""
        return (self.kind, self.subject_id) == (other.kind, other.subject_id)


def check_subject(purpose_code: str, subject: Subject | None) -> None:
    """A bound purpose needs its kind of document; any other purpose takes none."""
    kind = BOUND_PURPOSES.get(purpose_code)
    if kind is None and subject is not None:
        raise SubjectMismatch(f"purpose {purpose_code} does not bind to a document")
    if kind is not None and subject is None:
        raise SubjectRequired(purpose_code, kind)
    if subject is not None and subject.kind != kind:
        raise SubjectMismatch(f"purpose {purpose_code} binds to {kind}, not {subject.kind}")


def other_versions(subject: Subject, others: Iterable[tuple[UUID, Subject | None]]) -> list[UUID]:
    """The requests (by id) that ask about another version of the same document."""
    return [
        request_id
        for request_id, other in others
        if other is not None and other.is_same_document(subject) and other != subject
    ]
