"""Who may reach which pupil and OPP. Anything out of reach is 'not found'.

Staff: the tenant and the schools (or boards) their token covers. Guardians: the
tenant, pupil and item their link names (`opp:<id>`, `groeidocument:<pupil id>`, or
`consent_request:<id>` for the request linked to that OPP's version), and parental
authority for that pupil; the guardian session also every OPP of a child the guardian
has parental authority over (ADR 0017).
"""

from __future__ import annotations

from uuid import UUID

from samen_kit.access import GuardianClaims, GuardianItem, StaffPrincipal
from samen_kit.access.pupils import staff_pupil
from samen_kit.access.reach import reaches, roster_authority
from samen_kit.access.refusal_book import Hidden, HiddenReason
from samen_kit.roster import Pupil, Roster
from samen_kit.tenancy import visible
from sqlalchemy.ext.asyncio import AsyncSession

from samen_plans.adapters.consent import SqlConsentLinks
from samen_plans.adapters.opps import SqlOpps
from samen_plans.adapters.tables import OppRow
from samen_plans.handlers.errors import NoParentalAuthority

OPP_ITEM = "opp"
GROEIDOCUMENT_ITEM = "groeidocument"
CONSENT_REQUEST_ITEM = "consent_request"


async def pupil_for_staff(session: AsyncSession, staff: StaffPrincipal, pupil_id: UUID) -> Pupil:
    return await staff_pupil(Roster(session), staff, pupil_id)


async def opp_for_staff(
    session: AsyncSession, staff: StaffPrincipal, opp_id: UUID, *, lock: bool = False
) -> OppRow:
    opps = SqlOpps(session)
    row = await opps.in_tenant(staff.tenant, opp_id, lock=lock)
    if row is None:
        elsewhere = await opps.elsewhere(staff.tenant, opp_id)
        raise Hidden.miss("opp", owner=elsewhere, caller=staff.tenant)
    if not visible(staff, tenant=row.tenant, school_id=row.school_id, board_id=row.board_id):
        raise Hidden("opp", HiddenReason.OUT_OF_SCOPE, tenant=row.tenant)
    return row


async def require_authority(session: AsyncSession, claims: GuardianClaims, pupil_id: UUID) -> None:
    if not await Roster(session).has_authority(claims.tenant, pupil_id, claims.guardian_id):
        raise NoParentalAuthority()


async def _link_reaches(
    session: AsyncSession, claims: GuardianClaims, opp_id: UUID, version: int | None
) -> bool:
    if claims.item.kind != CONSENT_REQUEST_ITEM:
        return False
    try:
        request_id = UUID(claims.item.id)
    except ValueError:
        return False
    link = await SqlConsentLinks(session).link(claims.tenant, request_id)
    if link is None or link.opp_id != opp_id:
        return False
    return version is None or link.version == version


async def opp_for_guardian(
    session: AsyncSession, claims: GuardianClaims, opp_id: UUID, *, version: int | None = None
) -> OppRow:
    """The OPP an `opp:` link names, the one a consent request link is about
    (`version`: the request must be about that version), or any OPP of a child of the
    session's guardian (ADR 0017)."""
    opps = SqlOpps(session)
    row = await opps.in_tenant(claims.tenant, opp_id)
    if row is None:
        elsewhere = await opps.elsewhere(claims.tenant, opp_id)
        raise Hidden.miss("opp", owner=elsewhere, caller=claims.tenant)
    linked = claims.pupil_id == row.pupil_id and await _link_reaches(
        session, claims, opp_id, version
    )
    opp = GuardianItem.of(OPP_ITEM, opp_id)
    if not linked and not await reaches(claims, row.pupil_id, (opp,), roster_authority(session)):
        raise Hidden("opp", HiddenReason.OUT_OF_SCOPE, tenant=row.tenant)
    await require_authority(session, claims, row.pupil_id)
    return row


async def pupil_for_guardian(
    session: AsyncSession, claims: GuardianClaims, pupil_id: UUID
) -> Pupil:
    """The pupil a `groeidocument:` link names, or a child of the session's guardian."""
    pupil = await Roster(session).pupil(claims.tenant, pupil_id)
    if pupil is None:
        raise Hidden("pupil")
    named = GuardianItem.of(GROEIDOCUMENT_ITEM, pupil_id)
    if not await reaches(claims, pupil_id, (named,), roster_authority(session)):
        raise Hidden("pupil", HiddenReason.OUT_OF_SCOPE, tenant=pupil.tenant)
    await require_authority(session, claims, pupil_id)
    return pupil
