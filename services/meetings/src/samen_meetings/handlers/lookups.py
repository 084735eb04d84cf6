"""Finding what a staff member asks for, within what their token covers.

What lies outside gets the same answer as what does not exist (`UnknownResource`); the
error says which it was, so the refusal can be recorded as what it was.
"""

from __future__ import annotations

from enum import StrEnum
from uuid import UUID

from samen_kit.access import StaffPrincipal
from samen_kit.roster import Pupil

from samen_meetings.adapters.projection_tables import OppRow
from samen_meetings.adapters.tables import MeetingRecordRow, MeetingRow
from samen_meetings.adapters.uow import UnitOfWork


class Miss(StrEnum):
    NOT_FOUND = "not_found"
    OTHER_TENANT = "other_tenant"
    OUT_OF_SCOPE = "out_of_scope"


class UnknownResource(Exception):
    """`tenant`: the caller's (proven) tenant, under which a refusal is recorded."""

    def __init__(
        self,
        kind: str,
        resource_id: UUID,
        miss: Miss,
        tenant: str,
    ) -> None:
        super().__init__(f"{kind} {resource_id} not found")
        self.kind = kind
        self.resource_id = resource_id
        self.miss = miss
        self.tenant = tenant


def _miss(staff: StaffPrincipal, found: MeetingRow | OppRow | MeetingRecordRow | None) -> Miss:
    if found is None:
        return Miss.NOT_FOUND
    return Miss.OTHER_TENANT if found.tenant != staff.tenant else Miss.OUT_OF_SCOPE


async def visible_pupil(uow: UnitOfWork, staff: StaffPrincipal, pupil_id: UUID) -> Pupil:
    """The pupil of the caller's tenant with this id (another tenant's pupil with the same
    id is another pupil), if the caller's token covers their school."""
    pupil = await uow.projections.pupil(staff.tenant, pupil_id)
    if pupil is None:
        elsewhere = await uow.projections.roster.tenant_elsewhere(staff.tenant, pupil_id)
        miss = Miss.NOT_FOUND if elsewhere is None else Miss.OTHER_TENANT
        raise UnknownResource("pupil", pupil_id, miss, staff.tenant)
    if not staff.covers_school(pupil.school_id):
        raise UnknownResource("pupil", pupil_id, Miss.OUT_OF_SCOPE, staff.tenant)
    return pupil


async def visible_meeting(
    uow: UnitOfWork, staff: StaffPrincipal, meeting_id: UUID, *, lock: bool = False
) -> MeetingRow:
    row = await uow.meetings.for_staff(staff, meeting_id, lock=lock)
    if row is None:
        found = await uow.meetings.exists_anywhere(meeting_id)
        raise UnknownResource("meeting", meeting_id, _miss(staff, found), staff.tenant)
    return row


async def visible_record(
    uow: UnitOfWork, staff: StaffPrincipal, record_id: UUID
) -> MeetingRecordRow:
    row = await uow.records.for_staff(staff, record_id)
    if row is None:
        found = await uow.records.exists_anywhere(record_id)
        raise UnknownResource("meeting_record", record_id, _miss(staff, found), staff.tenant)
    return row


async def visible_opp(uow: UnitOfWork, staff: StaffPrincipal, opp_id: UUID) -> OppRow:
    row = await uow.opps.for_staff(staff, opp_id)
    if row is None:
        found = await uow.opps.exists_anywhere(opp_id)
        raise UnknownResource("opp", opp_id, _miss(staff, found), staff.tenant)
    return row
