"""Who may reach which pupil and dispute. Anything out of reach is 'not found'.

Staff: the tenant and the schools (or boards) their token covers. Guardians: the
tenant, pupil and item their link names, and parental authority for that pupil; their
session reaches every item about a child they have parental authority over (ADR 0017).
"""

from uuid import UUID

from samen_kit.access import GuardianItem
from samen_kit.access.pupils import known_pupil, staff_pupil
from samen_kit.access.reach import reaches
from samen_kit.access.refusal_book import Hidden, HiddenReason
from samen_kit.roster import Pupil

from samen_disputes.adapters.tables import DisputeRow
from samen_disputes.adapters.uow import UnitOfWork
from samen_disputes.handlers.context import Acting, GuardianActing, StaffActing
from samen_disputes.handlers.errors import NoParentalAuthority

PUPIL_ITEM = "pupil"
DISPUTE_ITEM = "dispute"


async def pupil_for(uow: UnitOfWork, acting: Acting, pupil_id: UUID) -> Pupil:
    if isinstance(acting, StaffActing):
        return await staff_pupil(uow.roster, acting.staff, pupil_id)
    pupil = await known_pupil(uow.roster, acting.tenant, pupil_id)
    named = (GuardianItem.of(PUPIL_ITEM, pupil_id),)
    if not await reaches(acting.claims, pupil_id, named, uow.roster.has_authority):
        raise Hidden("pupil", HiddenReason.OUT_OF_SCOPE, tenant=pupil.tenant)
    await require_authority(uow, acting, pupil_id)
    return pupil


async def require_authority(uow: UnitOfWork, acting: GuardianActing, pupil_id: UUID) -> None:
    if not await uow.roster.has_authority(acting.tenant, pupil_id, acting.guardian_id):
        raise NoParentalAuthority()


async def dispute_for(
    uow: UnitOfWork, acting: Acting, dispute_id: UUID, *, lock: bool = False
) -> DisputeRow:
    disputes = uow.disputes
    if isinstance(acting, StaffActing):
        row = await disputes.visible_to(acting.staff, dispute_id, lock=lock)
    else:
        row = await disputes.in_tenant(acting.tenant, dispute_id, lock=lock)
        if row is not None and not await guardian_reaches(uow, acting, row):
            raise Hidden("dispute", HiddenReason.OUT_OF_SCOPE, tenant=row.tenant)
    if row is None:
        elsewhere = await disputes.anywhere(dispute_id)
        owner = elsewhere.tenant if elsewhere else None
        raise Hidden.miss("dispute", owner=owner, caller=acting.tenant)
    if isinstance(acting, GuardianActing):
        await require_authority(uow, acting, row.pupil_id)
    return row


async def guardian_reaches(uow: UnitOfWork, acting: GuardianActing, row: DisputeRow) -> bool:
    """A pupil link reaches all the pupil's disputes, a dispute link only that one, the
    session every dispute about a child of whom the guardian has authority (ADR 0017)."""
    named = (GuardianItem.of(PUPIL_ITEM, row.pupil_id), GuardianItem.of(DISPUTE_ITEM, row.id))
    return await reaches(acting.claims, row.pupil_id, named, uow.roster.has_authority)
