"""Who may reach which pupil, request, registration or absence. Anything out of reach is
'not found'.

Staff: the tenant and the schools (or boards) their token covers; the
samenwerkingsverband's roles see the whole tenant. Guardians: the tenant, pupil and
request their link names (`admission_request:<id>`), with parental authority; their
session also every request about a child they have parental authority over (ADR 0017).
"""

from typing import TypedDict
from uuid import UUID, uuid4

from samen_kit.access import GuardianItem
from samen_kit.access.pupils import staff_pupil
from samen_kit.access.reach import reaches, roster_authority
from samen_kit.access.refusal_book import Hidden, HiddenReason
from samen_kit.roster import Pupil, Roster
from sqlalchemy.ext.asyncio import AsyncSession

from samen_admissions.adapters.requests import Row, SqlRows
from samen_admissions.adapters.tables import RequestRow
from samen_admissions.handlers.context import Acting, GuardianActing, StaffActing
from samen_admissions.handlers.errors import NoParentalAuthority

REQUEST_ITEM = "admission_request"


class NewRowAbout(TypedDict):
    """The columns a new row about a pupil opens with (`AboutAPupil`)."""

    id: UUID
    tenant: str
    school_id: UUID
    board_id: str | None
    pupil_id: UUID


def new_row_about(pupil: Pupil) -> NewRowAbout:
    """A fresh id, and the pupil's tenant, school and board as the roster knows them."""
    return NewRowAbout(
        id=uuid4(),
        tenant=pupil.tenant,
        school_id=pupil.school_id,
        board_id=pupil.board_id,
        pupil_id=pupil.pupil_id,
    )


async def pupil_for(session: AsyncSession, acting: StaffActing, pupil_id: UUID) -> Pupil:
    return await staff_pupil(Roster(session), acting.staff, pupil_id)


async def row_for(
    session: AsyncSession,
    acting: Acting,
    model: type[Row],
    kind: str,
    row_id: UUID,
    *,
    lock: bool = False,
    to_act: bool = True,
) -> Row:
    """`to_act`: a guardian needs parental authority; reading needs only a standing
    (a guardian with the right to information reads, but does not act)."""
    rows = SqlRows(session)
    if isinstance(acting, StaffActing):
        row = await rows.visible_to(model, acting.staff, row_id, lock=lock)
    else:
        row = await rows.in_tenant(model, acting.tenant, row_id, lock=lock)
        if row is not None and not await _guardian_reaches(session, acting, row):
            raise Hidden(kind, HiddenReason.OUT_OF_SCOPE, tenant=row.tenant)
    if row is None:
        elsewhere = await rows.anywhere(model, row_id)
        owner = elsewhere.tenant if elsewhere else None
        raise Hidden.miss(kind, owner=owner, caller=acting.tenant)
    if isinstance(acting, GuardianActing):
        await _guardian_standing(session, acting, row, to_act=to_act)
    return row


async def _guardian_standing(
    session: AsyncSession, acting: GuardianActing, row: Row, *, to_act: bool
) -> None:
    roster = Roster(session)
    if to_act:
        if not await roster.has_authority(acting.tenant, row.pupil_id, acting.guardian_id):
            raise NoParentalAuthority()
    elif await roster.standing(acting.tenant, row.pupil_id, acting.guardian_id) is None:
        raise Hidden("admission_request", HiddenReason.OUT_OF_SCOPE, tenant=row.tenant)


async def request_for(
    session: AsyncSession,
    acting: Acting,
    request_id: UUID,
    *,
    lock: bool = False,
    to_act: bool = True,
) -> RequestRow:
    return await row_for(
        session, acting, RequestRow, "admission_request", request_id, lock=lock, to_act=to_act
    )


async def _guardian_reaches(session: AsyncSession, acting: GuardianActing, row: object) -> bool:
    """A guardian's link reaches the one request it names; their session also every
    request about a child they have parental authority over (ADR 0017)."""
    if not isinstance(row, RequestRow):
        return False
    named = (GuardianItem.of(REQUEST_ITEM, row.id),)
    return await reaches(acting.claims, row.pupil_id, named, roster_authority(session))
