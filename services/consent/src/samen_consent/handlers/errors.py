"""Errors of the service around the domain's: things not found, and conflicts of state."""

from __future__ import annotations

from enum import StrEnum
from uuid import UUID


class ResourceKind(StrEnum):
    """What a lookup was for; also the `resource_kind` of a recorded refusal."""

    PUPIL = "pupil"
    SCHOOL = "school"
    PURPOSE = "purpose"
    CONSENT_REQUEST = "consent_request"
    CONSENT_EVIDENCE = "consent_evidence"


class NotVisible(Exception):
    """Not there for this caller: absent, another tenant's, or outside their schools.
    All three get the same answer (404); the audit trail tells them apart."""

    def __init__(self, kind: ResourceKind, resource_id: UUID | str, caller_tenant: str) -> None:
        super().__init__(f"{kind.value} {resource_id} not found")
        self.kind = kind
        self.resource_id = resource_id
        self.caller_tenant = caller_tenant


class PupilHasLeft(Exception):
    """No new request for a pupil who is no longer on the school's roster."""

    def __init__(self, pupil_id: UUID) -> None:
        super().__init__(f"pupil {pupil_id} has left the school")
        self.pupil_id = pupil_id


class PurposeExists(Exception):
    def __init__(self, code: str) -> None:
        super().__init__(f"purpose {code!r} is already in the catalogue")
        self.code = code


class ConcurrentChange(Exception):
    """Someone else changed the same thing at the same moment; try again."""
