"""Reading OPPs: for staff in their scope, for a guardian through their link."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from uuid import UUID

from samen_kit.access import GuardianClaims, StaffPrincipal
from samen_kit.access.refusal_book import Hidden
from samen_kit.db import unit_of_work
from sqlalchemy.ext.asyncio import AsyncSession

from samen_plans.adapters.consent import SqlConsentLinks
from samen_plans.adapters.opps import SqlOpps
from samen_plans.adapters.tables import ConsentAnswerRow, ConsentLinkRow, OppRow, OppVersionRow
from samen_plans.handlers.access import opp_for_guardian, opp_for_staff, pupil_for_staff
from samen_plans.handlers.context import Context


@dataclass(frozen=True)
class OppFile:
    opp: OppRow
    versions: Sequence[OppVersionRow]


@dataclass(frozen=True)
class ConsentRecord:
    link: ConsentLinkRow
    answers: Sequence[ConsentAnswerRow]


@dataclass(frozen=True)
class VersionFile:
    opp: OppRow
    version: OppVersionRow
    consent: Sequence[ConsentRecord]


async def _file(session: AsyncSession, row: OppRow) -> OppFile:
    return OppFile(row, await SqlOpps(session).versions(row.tenant, row.opp_id))


async def opp_file(deps: Context, staff: StaffPrincipal, opp_id: UUID) -> OppFile:
    async with unit_of_work(deps.sessions) as session:
        return await _file(session, await opp_for_staff(session, staff, opp_id))


async def open_opp_of_pupil(deps: Context, staff: StaffPrincipal, pupil_id: UUID) -> OppFile:
    async with unit_of_work(deps.sessions) as session:
        pupil = await pupil_for_staff(session, staff, pupil_id)
        row = await SqlOpps(session).open_of_pupil(pupil.tenant, pupil.pupil_id)
        if row is None:
            raise Hidden("opp")
        return await _file(session, row)


async def _version_file(session: AsyncSession, row: OppRow, version: int) -> VersionFile:
    found = await SqlOpps(session).version(row.tenant, row.opp_id, version)
    if found is None:
        raise Hidden("version")
    links = SqlConsentLinks(session)
    records = [
        ConsentRecord(link, await links.answers(row.tenant, link.request_id))
        for link in await links.links_of(row.tenant, row.opp_id, version)
    ]
    return VersionFile(row, found, records)


async def version_file(
    deps: Context, staff: StaffPrincipal, opp_id: UUID, version: int
) -> VersionFile:
    async with unit_of_work(deps.sessions) as session:
        row = await opp_for_staff(session, staff, opp_id)
        return await _version_file(session, row, version)


async def guardian_opp_file(deps: Context, claims: GuardianClaims, opp_id: UUID) -> OppFile:
    async with unit_of_work(deps.sessions) as session:
        return await _file(session, await opp_for_guardian(session, claims, opp_id))


async def guardian_version_file(
    deps: Context, claims: GuardianClaims, opp_id: UUID, version: int
) -> VersionFile:
    async with unit_of_work(deps.sessions) as session:
        row = await opp_for_guardian(session, claims, opp_id, version=version)
        return await _version_file(session, row, version)
