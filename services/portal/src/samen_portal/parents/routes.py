"""Mijn kind: `/ouders/kind/{pupil_id}`, a guardian's overview of their child.

Opened with any of the guardian's links about this pupil (`?token=`, any item: every
parent e-mail leads here as well as to its item) or with the guardian session; showing
it uses nothing up. The guardian's standing is checked against the roster projection
(parental authority, in the token's tenant); a refusal is counted by the kit's
refusal book and answered with a page in the parent's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from samen_kit.access import GuardianClaims, GuardianDep
from samen_kit.access.refusal_book import refusal_book_of
from samen_kit.pages import PageRenderer, language_of
from samen_kit.roster import Roster
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from samen_portal.adapters.readmodel import ReadModel
from samen_portal.parents.overview import open_questions, timeline
from samen_portal.parents.presenting import question_lines, theme_lines

PHRASES = "samen_portal.parents.phrases"
OVERVIEW = "/ouders/kind"
FORBIDDEN = 403


@dataclass(frozen=True)
class ParentDeps:
    sessions: async_sessionmaker[AsyncSession]
    # The public address of each service's parent pages (where an item opens).
    parent_pages: dict[str, str]


def renderer() -> PageRenderer:
    return PageRenderer("samen_portal.parents", "templates", PHRASES)


async def _may_see(session: AsyncSession, claims: GuardianClaims, pupil_id: UUID) -> bool:
    if claims.pupil_id != pupil_id:  # a link opens its own pupil only
        return False
    return await Roster(session).has_authority(claims.tenant, pupil_id, claims.guardian_id)


def parents_router(deps: ParentDeps) -> APIRouter:
    router = APIRouter(tags=["parent pages"], include_in_schema=False)
    pages = renderer()

    @router.get(OVERVIEW + "/{pupil_id}", response_class=HTMLResponse)
    async def overview(request: Request, claims: GuardianDep, pupil_id: UUID) -> HTMLResponse:
        language = language_of(request)
        async with deps.sessions() as session:
            allowed = await _may_see(session, claims, pupil_id)
            facts = await ReadModel(session).facts(claims.tenant, pupil_id) if allowed else []
        if not allowed:
            await refusal_book_of(request).forbidden(request)
            return pages.message(
                request,
                "ui_refused_title",
                "ui_refused",
                status_code=FORBIDDEN,
                alert=True,
                language=language,
            )
        bases = deps.parent_pages
        return pages.render(
            request,
            "kind.html",
            language=language,
            questions=question_lines(open_questions(facts, claims.guardian_id), bases),
            themes=theme_lines(timeline(facts, claims.guardian_id), bases),
            start_dispute=f"{bases['disputes']}/ouders/geschil-starten/{pupil_id}",
        )

    return router
