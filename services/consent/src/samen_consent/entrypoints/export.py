"""The guardian's export of what the consent service holds (AVG art. 15; the kit's route).

Consent keeps the roster itself (it owns it), so standing is read from its own table,
as its parent pages read it: any current standing may read the pupil of the guardian's
link; another child, reached by the guardian session, needs parental authority (ADR 0017).
"""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter
from samen_kit.access import GuardianClaims
from samen_kit.privacy import guardian_export_router, holdings_in
from samen_kit.retention.tables import RETENTION_TABLES
from samen_kit.roster import ROSTER_TABLES
from samen_kit.service import ServiceRuntime
from sqlalchemy.ext.asyncio import AsyncSession

from samen_consent.adapters.base import ConsentTable
from samen_consent.domain.errors import NoAuthority
from samen_consent.handlers.guardians import check_standing


async def has_standing(session: AsyncSession, claims: GuardianClaims, pupil_id: UUID) -> bool:
    try:
        await check_standing(session, claims, pupil_id, to_act=claims.pupil_id != pupil_id)
    except NoAuthority:
        return False
    return True


def export_router(runtime: ServiceRuntime) -> APIRouter:
    # The kit's roster tables exist here too (empty: consent keeps its own roster).
    tables = (*ConsentTable.metadata.tables.values(), *ROSTER_TABLES, *RETENTION_TABLES)
    return guardian_export_router("consent", runtime, holdings_in(tables), authority=has_standing)
