"""Read-only questions: "may we?", lists per school, receipts. Each reads in one
transaction and changes nothing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from uuid import UUID

from samen_kit.access import StaffPrincipal
from samen_kit.db import unit_of_work
from sqlalchemy.ext.asyncio import AsyncSession

from samen_consent.adapters.evidence import SqlEvidence
from samen_consent.adapters.purposes import SqlPurposes
from samen_consent.adapters.request_codec import evidence_of
from samen_consent.adapters.requests import SqlRequests, StoredRequest
from samen_consent.adapters.roster import SqlRoster
from samen_consent.adapters.support import SqlSupportNeeds
from samen_consent.adapters.tables import EvidenceRow, GuardianshipRow, PupilRow, SupportNeedsRow
from samen_consent.domain.receipt import JSON, consent_receipt, request_context
from samen_consent.domain.status import ConsentStatus, status
from samen_consent.handlers.context import Context
from samen_consent.handlers.errors import NotVisible, ResourceKind


@dataclass(frozen=True)
class PupilView:
    pupil: PupilRow
    guardianships: list[GuardianshipRow]


@dataclass(frozen=True)
class Receipt:
    """The receipt document and the request it belongs to (for the readable page)."""

    document: dict[str, JSON]
    stored: StoredRequest


async def pupil_view(ctx: Context, staff: StaffPrincipal, pupil_id: UUID) -> PupilView:
    async with unit_of_work(ctx.sessions) as session:
        pupil = await _pupil(session, staff, pupil_id)
        guardians = await SqlRoster(session).all_guardianships(staff.tenant, pupil_id)
        return PupilView(pupil, guardians)


async def pupil_statuses(
    ctx: Context, staff: StaffPrincipal, pupil_id: UUID, purpose_code: str | None = None
) -> dict[str, ConsentStatus]:
    """'May we?' for every purpose of the catalogue, or for one."""
    now = ctx.now()
    async with unit_of_work(ctx.sessions) as session:
        await _pupil(session, staff, pupil_id)
        codes = sorted((await SqlPurposes(session).catalogue(staff.tenant, now)).purposes)
        if purpose_code is not None:
            if purpose_code not in codes:
                raise NotVisible(ResourceKind.PURPOSE, purpose_code, staff.tenant)
            codes = [purpose_code]
        requests = [s.request for s in await SqlRequests(session).of_pupil(staff.tenant, pupil_id)]
    return {code: status(pupil_id, code, requests, now) for code in codes}


async def pupil_requests(
    ctx: Context, staff: StaffPrincipal, pupil_id: UUID
) -> list[StoredRequest]:
    async with unit_of_work(ctx.sessions) as session:
        await _pupil(session, staff, pupil_id)
        return await SqlRequests(session).of_pupil(staff.tenant, pupil_id)


async def request_view(ctx: Context, staff: StaffPrincipal, request_id: UUID) -> StoredRequest:
    async with unit_of_work(ctx.sessions) as session:
        return await _request(session, staff, request_id)


async def request_evidence(
    ctx: Context, staff: StaffPrincipal, request_id: UUID
) -> list[EvidenceRow]:
    async with unit_of_work(ctx.sessions) as session:
        await _request(session, staff, request_id)
        return await SqlEvidence(session).of_request(staff.tenant, request_id)


async def staff_receipt(ctx: Context, staff: StaffPrincipal, evidence_id: UUID) -> Receipt:
    async with unit_of_work(ctx.sessions) as session:
        row = await SqlEvidence(session).visible(staff, evidence_id)
        if row is None:
            raise NotVisible(ResourceKind.CONSENT_EVIDENCE, evidence_id, staff.tenant)
        return await receipt_of(session, row)


async def receipt_of(session: AsyncSession, row: EvidenceRow) -> Receipt:
    stored = await SqlRequests(session).get(row.tenant, row.request_id)
    if stored is None:
        raise NotVisible(ResourceKind.CONSENT_REQUEST, row.request_id, row.tenant)
    context = {**request_context(stored.request), "school_id": str(row.school_id)}
    document = consent_receipt(
        evidence_of(row, stored.request.subject), stored.request.purpose, context
    )
    return Receipt(document, stored)


async def school_pupils(ctx: Context, staff: StaffPrincipal, school_id: UUID) -> list[PupilRow]:
    async with unit_of_work(ctx.sessions) as session:
        await _school(session, staff, school_id)
        return list(await SqlRoster(session).pupils_of_school(staff, school_id))


async def school_requests(
    ctx: Context,
    staff: StaffPrincipal,
    school_id: UUID,
    *,
    states: Sequence[str] = (),
    purpose_code: str | None = None,
) -> list[StoredRequest]:
    async with unit_of_work(ctx.sessions) as session:
        await _school(session, staff, school_id)
        return await SqlRequests(session).of_school(
            staff, school_id, states=states, purpose_code=purpose_code
        )


async def school_consents(
    ctx: Context, staff: StaffPrincipal, school_id: UUID, purpose_code: str
) -> list[tuple[UUID, ConsentStatus]]:
    """'May we?' for one purpose, for every pupil of the school."""
    now = ctx.now()
    async with unit_of_work(ctx.sessions) as session:
        await _school(session, staff, school_id)
        if purpose_code not in (await SqlPurposes(session).catalogue(staff.tenant, now)).purposes:
            raise NotVisible(ResourceKind.PURPOSE, purpose_code, staff.tenant)
        pupils = await SqlRoster(session).pupils_of_school(staff, school_id)
        found = await SqlRequests(session).of_school(staff, school_id, purpose_code=purpose_code)
    requests = [s.request for s in found]
    return [(p.pupil_id, status(p.pupil_id, purpose_code, requests, now)) for p in pupils]


async def school_support_needs(
    ctx: Context, staff: StaffPrincipal, school_id: UUID
) -> list[SupportNeedsRow]:
    async with unit_of_work(ctx.sessions) as session:
        await _school(session, staff, school_id)
        return await SqlSupportNeeds(session).of_school(staff, school_id)


async def _pupil(session: AsyncSession, staff: StaffPrincipal, pupil_id: UUID) -> PupilRow:
    pupil = await SqlRoster(session).visible_pupil(staff, pupil_id)
    if pupil is None:
        raise NotVisible(ResourceKind.PUPIL, pupil_id, staff.tenant)
    return pupil


async def _request(session: AsyncSession, staff: StaffPrincipal, request_id: UUID) -> StoredRequest:
    stored = await SqlRequests(session).visible(staff, request_id)
    if stored is None:
        raise NotVisible(ResourceKind.CONSENT_REQUEST, request_id, staff.tenant)
    return stored


async def _school(session: AsyncSession, staff: StaffPrincipal, school_id: UUID) -> None:
    if not await SqlRoster(session).school_known(staff, school_id):
        raise NotVisible(ResourceKind.SCHOOL, school_id, staff.tenant)
