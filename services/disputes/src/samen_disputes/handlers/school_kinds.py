"""Setting and reading a school's kind: a fact its board knows, which decides the route
the guardians are told (objection and administrative court, or request for review and
civil court)."""

from uuid import UUID

from samen_kit.access import StaffPrincipal
from samen_kit.access.refusal_book import Hidden, HiddenReason
from samen_kit.tenancy import visible

from samen_disputes.adapters.uow import UnitOfWork
from samen_disputes.domain import SchoolKind
from samen_disputes.handlers.context import Deps

SCHOOL_ITEM = "school"


async def _school_for(uow: UnitOfWork, staff: StaffPrincipal, school_id: UUID) -> None:
    """The school must be known in the caller's tenant (its roster has a pupil there) and
    within the boards or schools the caller's token covers; else 'not found'."""
    kinds = uow.school_kinds
    school = await kinds.known_school(staff.tenant, school_id)
    if school is None:
        elsewhere = await kinds.tenant_elsewhere(staff.tenant, school_id)
        raise Hidden.miss(SCHOOL_ITEM, owner=elsewhere, caller=staff.tenant)
    if not visible(staff, tenant=school.tenant, school_id=school_id, board_id=school.board_id):
        raise Hidden(SCHOOL_ITEM, HiddenReason.OUT_OF_SCOPE, tenant=school.tenant)


async def school_kind(deps: Deps, staff: StaffPrincipal, school_id: UUID) -> SchoolKind:
    async with deps.unit_of_work() as uow:
        await _school_for(uow, staff, school_id)
        return await uow.school_kinds.of(staff.tenant, school_id)


async def set_school_kind(
    deps: Deps, staff: StaffPrincipal, school_id: UUID, kind: SchoolKind
) -> SchoolKind:
    async with deps.unit_of_work() as uow:
        await _school_for(uow, staff, school_id)
        await uow.school_kinds.save(staff.tenant, school_id, kind, deps.clock.now())
    return kind
