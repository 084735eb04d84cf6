"""The staff directory and the tenant's settings."""

from __future__ import annotations

from collections.abc import Iterable
from uuid import UUID

from samen_kit.access import StaffPrincipal

from samen_meetings.adapters.projection_tables import StaffMemberRow
from samen_meetings.adapters.uow import UnitOfWork
from samen_meetings.domain.kinds import STAFF_ROLES, ParticipantRole
from samen_meetings.domain.settings import TenantSettings
from samen_meetings.handlers.context import Context
from samen_meetings.handlers.lookups import Miss, UnknownResource


async def register_staff(
    ctx: Context,
    staff: StaffPrincipal,
    person_id: UUID,
    role: ParticipantRole,
    school_ids: Iterable[UUID],
) -> None:
    """A colleague who can be invited; only to schools the caller's token covers."""
    schools = sorted(set(school_ids))
    for school_id in schools:
        if not staff.covers_school(school_id):
            raise UnknownResource("school", school_id, Miss.OUT_OF_SCOPE, staff.tenant)
    async with ctx.unit_of_work() as uow:
        await uow.projections.put_staff(staff.tenant, person_id, role.value, schools)


async def staff_of_school(
    ctx: Context, staff: StaffPrincipal, school_id: UUID
) -> list[StaffMemberRow]:
    """The colleagues who can be invited to a meeting about a pupil of the school."""
    if not staff.covers_school(school_id):
        raise UnknownResource("school", school_id, Miss.OUT_OF_SCOPE, staff.tenant)
    async with ctx.unit_of_work() as uow:
        return await uow.projections.staff_of_school(staff.tenant, school_id)


async def note_caller(uow: UnitOfWork, staff: StaffPrincipal) -> None:
    """Staff who plan or record are in the directory as their token describes them."""
    try:
        person_id = UUID(staff.subject)
        role = ParticipantRole(staff.role.value)
    except ValueError:
        return
    if role in STAFF_ROLES:
        schools = [UUID(s) for s in staff.schools if _is_uuid(s)]
        await uow.projections.put_staff(staff.tenant, person_id, role.value, schools)


async def settings_of(ctx: Context, staff: StaffPrincipal) -> TenantSettings:
    async with ctx.unit_of_work() as uow:
        return await uow.settings.of(staff.tenant)


async def change_settings(
    ctx: Context, staff: StaffPrincipal, settings: TenantSettings
) -> TenantSettings:
    async with ctx.unit_of_work() as uow:
        await uow.settings.put(staff.tenant, settings)
    return settings


def _is_uuid(text: str) -> bool:
    try:
        UUID(text)
    except ValueError:
        return False
    return True
