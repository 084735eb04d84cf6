"""What a guardian sees through their link: the request, their overview, their receipts."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from uuid import UUID

from samen_kit.access import GuardianClaims
from samen_kit.db import unit_of_work

from samen_consent.adapters.documents import ShownWords, SqlShownDocuments
from samen_consent.adapters.evidence import SqlEvidence
from samen_consent.adapters.requests import SqlRequests, StoredRequest
from samen_consent.adapters.support import SqlSupportNeeds
from samen_consent.adapters.tables import SupportNeedsRow
from samen_consent.domain.parties import Standing
from samen_consent.handlers.context import Context
from samen_consent.handlers.guardians import check_standing, covers, request_for_guardian
from samen_consent.handlers.queries import Receipt, receipt_of


@dataclass(frozen=True)
class GuardianView:
    stored: StoredRequest
    standing: Standing  # today's standing (without one, the page is refused)
    support: SupportNeedsRow | None  # what they said they need, last time


async def guardian_view(ctx: Context, claims: GuardianClaims, request_id: UUID) -> GuardianView:
    async with unit_of_work(ctx.sessions) as session:
        stored = await request_for_guardian(session, claims, request_id)
        pupil_id = stored.request.pupil_id
        standing = await check_standing(session, claims, pupil_id, to_act=False)
        support = await SqlSupportNeeds(session).latest_of(
            claims.tenant, claims.guardian_id, pupil_id
        )
        return GuardianView(stored, standing, support)


async def document_to_show(
    ctx: Context,
    claims: GuardianClaims,
    stored: StoredRequest,
    token: str | None,
    language: str,
    proof: Mapping[str, str],
) -> ShownWords | None:
    """The words of the request's document for this page: the copy kept in `language`, or
    fetched from their owner with the guardian's own link token and step-up `proof` and
    kept; without a token (a session), the copy kept before. None: nothing to show (no
    answer buttons then)."""
    subject, request_id = stored.request.subject, stored.request.request_id
    if subject is None:
        return None
    async with unit_of_work(ctx.sessions) as session:
        kept = await SqlShownDocuments(session).get(claims.tenant, request_id, language)
        if kept is not None or token is None or ctx.documents is None:
            return kept or await SqlShownDocuments(session).any_of(
                claims.tenant, request_id, language
            )
    words = await ctx.documents.fetch(subject, token, language, proof)
    if words is None:
        return None
    async with unit_of_work(ctx.sessions) as session:
        return await SqlShownDocuments(session).keep(claims.tenant, request_id, words, ctx.now())


@dataclass(frozen=True)
class OverviewLine:
    stored: StoredRequest
    opens: bool  # whether the link (or session) may open it: the overview links only those


async def guardian_overview(ctx: Context, claims: GuardianClaims) -> list[OverviewLine]:
    """The requests about the link's pupil that ask this guardian, newest first."""
    async with unit_of_work(ctx.sessions) as session:
        await check_standing(session, claims, claims.pupil_id, to_act=False)
        found = await SqlRequests(session).of_pupil(claims.tenant, claims.pupil_id)
        mine = [s for s in found if claims.guardian_id in s.request.parties.guardians]
        lines = [
            OverviewLine(s, await covers(session, claims, s.request.request_id, claims.pupil_id))
            for s in mine
        ]
    return sorted(lines, key=lambda line: line.stored.request.requested_at, reverse=True)


async def guardian_receipts(
    ctx: Context, claims: GuardianClaims, request_id: UUID
) -> list[Receipt]:
    """The receipts of this guardian's own acts on the request."""
    async with unit_of_work(ctx.sessions) as session:
        stored = await request_for_guardian(session, claims, request_id)
        await check_standing(session, claims, stored.request.pupil_id, to_act=False)
        rows = await SqlEvidence(session).of_request(claims.tenant, request_id)
        mine = [row for row in rows if row.party_id == claims.guardian_id]
        return [await receipt_of(session, row) for row in mine]
