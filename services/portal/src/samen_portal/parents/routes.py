"""Mijn kind: `/ouders/kind/{pupil_id}`, a guardian's overview of their child.

Opened with any of the guardian's links about this pupil (`?token=`, any item: every
parent e-mail leads here as well as to its item) or with the guardian session; showing
it uses nothing up. The guardian's standing is checked against the roster projection
(parental authority, in the token's tenant); a refusal is counted by the kit's
refusal book and answered with a page in the parent's language.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode
from uuid import UUID

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse
from samen_kit.access import GuardianClaims, GuardianDep
from samen_kit.access.dependencies import TokenText, guardian_access_of
from samen_kit.access.reach import reaches
from samen_kit.access.refusal_book import refusal_book_of
from samen_kit.access.sessions import GuardianSession
from samen_kit.clock import Clock
from samen_kit.deadlines import local_date
from samen_kit.pages import PageRenderer, language_of
from samen_kit.privacy import EXPORT_PATH, read_holdings
from samen_kit.roster import Roster
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from samen_portal.adapters.corrections import HOLDINGS, CorrectionRequests, CorrectionRow
from samen_portal.adapters.readmodel import ReadModel
from samen_portal.adapters.services import GuardianCredential, Services, ServiceUnavailable
from samen_portal.parents.access_export import OWNERS, PORTAL, pack, sections
from samen_portal.parents.children import ChildLine, child_lines
from samen_portal.parents.correction_lines import correction_lines
from samen_portal.parents.looks import who_looked
from samen_portal.parents.overview import open_questions, timeline
from samen_portal.parents.presenting import question_lines, theme_lines
from samen_portal.parents.readable_pdf import readable_pdf

PHRASES = "samen_portal.parents.phrases"
OVERVIEW = "/ouders/kind"
FORBIDDEN = 403
EXPORT_FILE = "gegevens.zip"


@dataclass(frozen=True)
class ParentDeps:
    sessions: async_sessionmaker[AsyncSession]
    # The public address of each service's parent pages (where an item opens).
    parent_pages: dict[str, str]
    services: Services
    clock: Clock


def renderer() -> PageRenderer:
    return PageRenderer("samen_portal.parents", "templates", PHRASES)


async def guardian_may_see(session: AsyncSession, claims: GuardianClaims, pupil_id: UUID) -> bool:
    """Any link of this pupil opens their overview (a link opens its own pupil only); the
    session also the overview of another child of the guardian's (ADR 0017)."""
    roster = Roster(session)
    if not await reaches(claims, pupil_id, (claims.item,), roster.has_authority):
        return False
    return await roster.has_authority(claims.tenant, pupil_id, claims.guardian_id)


async def _children(
    session: AsyncSession, claims: GuardianClaims, pupil_id: UUID
) -> list[ChildLine]:
    """The guardian's children to switch between, when the session reaches them all; a
    link alone opens only its own pupil, so it lists none."""
    if not isinstance(claims, GuardianSession):
        return []
    roster = Roster(session)
    theirs = [
        child
        for child in await roster.pupils_of_guardian(claims.tenant, claims.guardian_id)
        if await roster.has_authority(claims.tenant, child, claims.guardian_id)
    ]
    found = await roster.pupils(claims.tenant, theirs)
    return child_lines(pupil_id, found.values(), OVERVIEW)


async def _answer(
    services: Services, service: str, pupil_id: UUID, guardian: GuardianCredential
) -> dict[str, Any] | None:
    """The service's export, or None when it did not give one (the zip says so)."""
    try:
        answer = await services.guardian_get(
            service, EXPORT_PATH.format(pupil_id=pupil_id), guardian
        )
    except ServiceUnavailable:
        return None
    return answer.body if answer.ok else None


async def _own_corrections(
    session: AsyncSession, claims: GuardianClaims, pupil_id: UUID
) -> list[CorrectionRow]:
    """This guardian's requests only: another parent's explanation is theirs."""
    requests = CorrectionRequests(session)
    return await requests.of_pupil(claims.tenant, pupil_id, guardian_id=claims.guardian_id)


async def _own_holdings(
    session: AsyncSession, claims: GuardianClaims, pupil_id: UUID
) -> dict[str, Any]:
    """The portal's part of the export, shaped as an owning service's answer."""
    found = await read_holdings(session, HOLDINGS, claims.tenant, pupil_id, claims.guardian_id)
    return {"service": PORTAL, "holdings": found}


def _credential(request: Request, token: str | None) -> GuardianCredential:
    """The link's token and the guardian session cookie only, never other cookies."""
    name = guardian_access_of(request).sessions.cookie_name
    cookie = request.cookies.get(name)
    return GuardianCredential(token, {name: cookie} if cookie else {})


def parents_router(deps: ParentDeps) -> APIRouter:
    router = APIRouter(tags=["parent pages"], include_in_schema=False)
    pages = renderer()

    @router.get(OVERVIEW + "/{pupil_id}", response_class=HTMLResponse)
    async def overview(
        request: Request, claims: GuardianDep, token: TokenText, pupil_id: UUID
    ) -> HTMLResponse:
        language = language_of(request)
        async with deps.sessions() as session:
            allowed = await guardian_may_see(session, claims, pupil_id)
            facts = await ReadModel(session).facts(claims.tenant, pupil_id) if allowed else []
            views = await ReadModel(session).file_views(claims.tenant, pupil_id) if allowed else []
            mine = await _own_corrections(session, claims, pupil_id) if allowed else []
            children = await _children(session, claims, pupil_id) if allowed else []
        if not allowed:
            return await refused(request, language)
        query = urlencode({"token": token, "taal": language} if token else {"taal": language})
        bases = deps.parent_pages
        return pages.render(
            request,
            "kind.html",
            language=language,
            questions=question_lines(open_questions(facts, claims.guardian_id), bases),
            themes=theme_lines(timeline(facts, claims.guardian_id), bases),
            start_dispute=f"{bases['disputes']}/ouders/geschil-starten/{pupil_id}",
            export_href=f"{OVERVIEW}/{pupil_id}/{EXPORT_FILE}?{query}",
            looks=who_looked(views),
            corrections=correction_lines(mine, local_date(deps.clock.now())),
            correction_href=f"{OVERVIEW}/{pupil_id}/correctie?{query}",
            correction_sent=request.query_params.get("verstuurd") == "1",
            children=children,
            language_query=urlencode({"taal": language}),
        )

    @router.get(OVERVIEW + "/{pupil_id}/" + EXPORT_FILE, response_model=None)
    async def access_export(
        request: Request, claims: GuardianDep, token: TokenText, pupil_id: UUID
    ) -> Response:
        """Everything the platform holds about the child and this guardian (AVG art. 15),
        from each owning service with the guardian's own credential."""
        language = language_of(request)
        async with deps.sessions() as session:
            allowed = await guardian_may_see(session, claims, pupil_id)
            own = await _own_holdings(session, claims, pupil_id) if allowed else None
        if not allowed:
            return await refused(request, language)
        guardian = _credential(request, token)
        found = await asyncio.gather(
            *(_answer(deps.services, s, pupil_id, guardian) for s in OWNERS)
        )
        answers = {**dict(zip(OWNERS, found, strict=True)), PORTAL: own}
        page = pages.render(request, "gegevens.html", language=language, sections=sections(answers))
        html = bytes(page.body).decode("utf-8")
        pdf = await asyncio.to_thread(readable_pdf, html)
        return Response(
            pack(answers, html, pdf, language),
            media_type="application/zip",
            headers={
                "Content-Disposition": f'attachment; filename="{EXPORT_FILE}"',
                "Cache-Control": "no-store",
            },
        )

    async def refused(request: Request, language: str) -> HTMLResponse:
        return await refusal_page(pages, request, language)

    return router


async def refusal_page(pages: PageRenderer, request: Request, language: str) -> HTMLResponse:
    """Counted by the kit's refusal book, said in the parent's language."""
    await refusal_book_of(request).forbidden(request)
    return pages.message(
        request,
        "ui_refused_title",
        "ui_refused",
        status_code=FORBIDDEN,
        alert=True,
        language=language,
    )
