"""A pupil as a caller may see it: in the caller's tenant (another tenant's pupil with
the same id is another pupil) and, for staff, within the schools their token covers.
Anything else is hidden: answered 404 and recorded under what it hid."""

from __future__ import annotations

from typing import Protocol
from uuid import UUID

from samen_kit.access.refusal_book import Hidden, HiddenReason
from samen_kit.access.staff import StaffPrincipal
from samen_kit.roster import Pupil
from samen_kit.tenancy import visible


class PupilLookup(Protocol):
    """The part of the roster repository (or its fake) the lookups need."""

    async def pupil(self, tenant: str, pupil_id: UUID) -> Pupil | None: ...

    async def tenant_elsewhere(self, tenant: str, pupil_id: UUID) -> str | None: ...


async def known_pupil(roster: PupilLookup, tenant: str, pupil_id: UUID) -> Pupil:
    """The pupil in the tenant's roster."""
    pupil = await roster.pupil(tenant, pupil_id)
    if pupil is not None:
        return pupil
    elsewhere = await roster.tenant_elsewhere(tenant, pupil_id)
    raise Hidden.miss("pupil", owner=elsewhere, caller=tenant)


async def staff_pupil(roster: PupilLookup, staff: StaffPrincipal, pupil_id: UUID) -> Pupil:
    """The pupil in the staff member's tenant, within their schools."""
    pupil = await known_pupil(roster, staff.tenant, pupil_id)
    if not visible(staff, tenant=pupil.tenant, school_id=pupil.school_id, board_id=pupil.board_id):
        raise Hidden("pupil", HiddenReason.OUT_OF_SCOPE, tenant=pupil.tenant)
    return pupil
