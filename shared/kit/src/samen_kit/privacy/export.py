"""`GET /v1/guardian/export/{pupil_id}`: everything this service holds about the pupil
and the signed-in guardian (AVG art. 15), as JSON; the portal puts each service's answer
in the guardian's zip.

Authorised as the parent pages are (ADR 0017): a link token for the pupil it names; the
guardian session that a link started for any child of whom the guardian has parental
authority; always in the credential's own tenant, by the service's own roster. Any other
pupil is answered as not found (404), counted by the refusal book.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from uuid import UUID

import structlog
from fastapi import APIRouter
from fastapi.responses import JSONResponse
from sqlalchemy import MetaData
from sqlalchemy.ext.asyncio import AsyncSession

from samen_kit.access import GuardianClaims, GuardianDep
from samen_kit.access.refusal_book import Hidden, HiddenReason
from samen_kit.access.sessions import GuardianSession
from samen_kit.privacy.holdings import Holding, holdings_in, read_holdings
from samen_kit.retention.tables import RETENTION_TABLES
from samen_kit.roster import Roster
from samen_kit.service import ServiceRuntime

EXPORT_PATH = "/v1/guardian/export/{pupil_id}"

# Does this guardian have standing to see this pupil's data? (session, claims, pupil)
Authority = Callable[[AsyncSession, GuardianClaims, UUID], Awaitable[bool]]

log = structlog.get_logger(__name__)


async def roster_authority(session: AsyncSession, claims: GuardianClaims, pupil_id: UUID) -> bool:
    """Parental authority by the kit's roster projection, in the claims' tenant."""
    return await Roster(session).has_authority(claims.tenant, pupil_id, claims.guardian_id)


def reaches_export(claims: GuardianClaims, pupil_id: UUID) -> bool:
    """A link opens its own pupil only; a session may ask about another child (whose
    authority the service's `Authority` then decides, as for the session's own)."""
    return claims.pupil_id == pupil_id or isinstance(claims, GuardianSession)


def guardian_export_router(
    service: str,
    runtime: ServiceRuntime,
    holdings: Sequence[Holding],
    *,
    authority: Authority = roster_authority,
) -> APIRouter:
    router = APIRouter(tags=["privacy"])

    @router.get(EXPORT_PATH)
    async def guardian_export(claims: GuardianDep, pupil_id: UUID) -> JSONResponse:
        """Alles wat deze dienst over uw kind en over u bewaart (AVG artikel 15)."""
        async with runtime.sessions() as session:
            if not reaches_export(claims, pupil_id) or not await authority(
                session, claims, pupil_id
            ):
                raise Hidden("pupil", HiddenReason.OUT_OF_SCOPE, tenant=claims.tenant)
            found = await read_holdings(
                session, holdings, claims.tenant, pupil_id, claims.guardian_id
            )
        log.info("privacy.export.read", service=service, pupil_id=str(pupil_id))
        body = {
            "service": service,
            "pupil_id": str(pupil_id),
            "guardian_id": str(claims.guardian_id),
            "made_at": runtime.clock.now().isoformat(),
            "holdings": found,
        }
        return JSONResponse(body, headers={"Cache-Control": "no-store"})

    return router


def service_export_router(service: str, runtime: ServiceRuntime, metadata: MetaData) -> APIRouter:
    """The export route over every table of the service's own metadata and the kit's
    retention tables: what most services hold, with the roster's authority."""
    tables = (*metadata.tables.values(), *RETENTION_TABLES)
    return guardian_export_router(service, runtime, holdings_in(tables))
