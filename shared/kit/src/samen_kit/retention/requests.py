"""Erasure on request (AVG art. 17): a staff route that records a guardian's request and
carries it out through the same path as the sweep — the same claim, the same
`PersonalDataErased` (reason `guardian_request`), so the audit log erases and reports it
the same way. Refused, changing nothing, with a problem naming the legal duty when one
applies (a legal hold, the Archiefwet, accountability)."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends
from pydantic import BaseModel, Field
from sqlalchemy import Table, select

from samen_kit.access import PermissionTable, Role, StaffPrincipal
from samen_kit.problems import Conflict, NotFound
from samen_kit.retention.policy import DEFAULT_RULES
from samen_kit.retention.refusal import LEGAL_HOLD
from samen_kit.retention.sweep import ErasureRefused, Retention, erase_on_request
from samen_kit.roster.tables import PUPIL

ERASE = "retention.erase_on_request"
PERMISSIONS = PermissionTable({ERASE: {Role.SWV_ADMIN, Role.IB}})
CanErase = Annotated[StaffPrincipal, Depends(PERMISSIONS.require(ERASE))]

_DUTIES = {rule.duty_to_keep: rule.basis_text for rule in DEFAULT_RULES if rule.duty_to_keep}
_DUTIES[LEGAL_HOLD] = "Er loopt een geschil of de inspectie heeft gevraagd de gegevens te bewaren."


class DutyToKeep(Conflict):
    slug = "retention-duty-to-keep"
    title = "Deze gegevens moeten we nog bewaren"


class ErasureRequestIn(BaseModel):
    pupil_id: UUID


class ErasureRequestOut(BaseModel):
    pupil_id: UUID
    erased: dict[str, int] = Field(description="Per soort gegevens: hoeveel is gewist")


def erasure_request_router(retention: Retention, pupils: Table = PUPIL) -> APIRouter:
    """`POST /v1/retention/erasure-requests` for this service's data about one pupil.
    `pupils` (with tenant, pupil_id, school_id) scopes the staff member to their schools."""
    router = APIRouter(prefix="/v1/retention", tags=["retention"])

    @router.post("/erasure-requests")
    async def request_erasure(body: ErasureRequestIn, staff: CanErase) -> ErasureRequestOut:
        """Wis op verzoek van de ouder alles over deze leerling, als geen wet het bewaren
        vraagt (AVG art. 17)."""
        await _check_scope(retention, pupils, staff, body.pupil_id)
        try:
            erased = await erase_on_request(retention, staff.tenant, body.pupil_id)
        except ErasureRefused as refused:
            raise DutyToKeep(
                _DUTIES.get(refused.duty, refused.duty),
                extra={"duty": refused.duty, "kind": refused.kind.value},
            ) from refused
        return ErasureRequestOut(pupil_id=body.pupil_id, erased=erased)

    return router


async def _check_scope(
    retention: Retention, pupils: Table, staff: StaffPrincipal, pupil_id: UUID
) -> None:
    """Another tenant's pupil, or one outside the staff member's schools, is not found."""
    query = select(pupils.c.school_id).where(
        pupils.c.tenant == staff.tenant, pupils.c.pupil_id == pupil_id
    )
    async with retention.sessions() as session:
        school = (await session.execute(query)).scalar()
    if school is None or not (staff.sees_whole_tenant or str(school) in staff.schools):
        raise NotFound("Deze leerling kennen we niet.")
