"""Refused attempts: counted per minute for the audit trail, and told apart.

A lookup that finds nothing for a caller answers 404 whatever the cause; `locate`
finds out, for the audit trail only, whether the thing exists in another tenant or
outside the caller's schools.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from samen_kit.db import unit_of_work

from samen_consent.adapters.evidence import SqlEvidence
from samen_consent.adapters.requests import SqlRequests
from samen_consent.adapters.roster import SqlRoster
from samen_consent.adapters.tables import EvidenceRow, PupilRow, RequestRow
from samen_consent.handlers.context import Context
from samen_consent.handlers.errors import ResourceKind


@dataclass(frozen=True)
class Location:
    tenant: str
    school_id: UUID | None = None
    board_id: UUID | None = None


async def locate(ctx: Context, kind: ResourceKind, resource_id: UUID | str) -> Location | None:
    """Where a pupil, school, request or evidence lives, in any tenant; None: nowhere."""
    if not isinstance(resource_id, UUID):
        return None  # purposes: every tenant has its own catalogue, so nothing to tell
    row: PupilRow | RequestRow | EvidenceRow | None
    async with unit_of_work(ctx.sessions) as session:
        match kind:
            case ResourceKind.PUPIL:
                row = await SqlRoster(session).pupil_anywhere(resource_id)
            case ResourceKind.SCHOOL:
                row = await SqlRoster(session).school_anywhere(resource_id)
            case ResourceKind.CONSENT_REQUEST:
                row = await SqlRequests(session).anywhere(resource_id)
            case ResourceKind.CONSENT_EVIDENCE:
                row = await SqlEvidence(session).anywhere(resource_id)
            case _:
                return None
    if row is None:
        return None
    return Location(row.tenant, row.school_id, row.board_id)
