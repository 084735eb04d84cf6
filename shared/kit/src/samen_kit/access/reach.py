"""How far a guardian's credential reaches (ADR 0017).

A link token opens the item it names (of the pupil it names). The guardian session that
a link started opens more: every item about a child of whom the session's guardian has
parental authority today, in the session's tenant, so one sign-in serves every parent
page of every service. The owner looks the item up in the claims' tenant first (another
tenant's item is then simply not found) and answers anything out of reach as it always
did: hidden, 404, and recorded as refused.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from samen_kit.access.guardian import GuardianClaims, GuardianItem
from samen_kit.access.sessions import GuardianSession
from samen_kit.roster import Roster

# (tenant, pupil id, guardian id) -> whether the guardian has parental authority today.
AuthorityCheck = Callable[[str, UUID, UUID], Awaitable[bool]]


def names(claims: GuardianClaims, pupil_id: UUID, *items: GuardianItem) -> bool:
    """The credential names one of these items of this pupil itself."""
    return claims.pupil_id == pupil_id and claims.item in items


async def reaches(
    claims: GuardianClaims,
    pupil_id: UUID,
    items: tuple[GuardianItem, ...],
    has_authority: AuthorityCheck,
) -> bool:
    """Whether the credential opens an item (known by any of `items`) about `pupil_id`,
    found in `claims.tenant`. A token: only when it names the item. A session: also any
    item of a child the guardian has parental authority over (a guardian with only the
    right to information, or whose authority ended, keeps to the item of their link)."""
    if names(claims, pupil_id, *items):
        return True
    if not isinstance(claims, GuardianSession):
        return False
    return await has_authority(claims.tenant, pupil_id, claims.guardian_id)


def roster_authority(session: AsyncSession) -> AuthorityCheck:
    """Parental authority as the kit's roster projection knows it."""
    return Roster(session).has_authority
