"""A guardian's correction request from Mijn kind (AVG art. 16):
`/ouders/kind/{pupil_id}/correctie` shows the form, a post keeps the request.

The same standing as the overview (parental authority, the link's own pupil, in its
tenant). A post needs the form's CSRF token; a bad one, or an area not on the list or
an empty explanation, changes nothing and says what to fix.
"""

from __future__ import annotations

from urllib.parse import urlencode
from uuid import UUID

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse
from samen_kit.access import GuardianDep
from samen_kit.access.dependencies import TokenText
from samen_kit.deadlines import local_date
from samen_kit.pages import language_of

from samen_portal.adapters.readmodel import ReadModel
from samen_portal.domain.corrections import (
    AREAS,
    EXPLANATION_MAX,
    CorrectionInvalid,
    answer_by,
    asked,
)
from samen_portal.entrypoints.forms import form_fields
from samen_portal.handlers.corrections import request_correction
from samen_portal.parents.csrf import FIELD, csrf_matches, csrf_token
from samen_portal.parents.routes import (
    FORBIDDEN,
    OVERVIEW,
    ParentDeps,
    guardian_may_see,
    refusal_page,
    renderer,
)

FORM = "/correctie"
INVALID = 422


def _query(token: str | None, language: str, **more: str) -> str:
    return urlencode({**({"token": token} if token else {}), "taal": language, **more})


def corrections_router(deps: ParentDeps) -> APIRouter:
    router = APIRouter(tags=["parent pages"], include_in_schema=False)
    pages = renderer()

    def form(
        request: Request,
        pupil_id: UUID,
        token: str | None,
        language: str,
        *,
        chosen: str | None = None,
        explanation: str = "",
        error: str | None = None,
    ) -> HTMLResponse:
        return pages.render(
            request,
            "correctie.html",
            language=language,
            status_code=INVALID if error else 200,
            areas=[(area, f"src_{area}") for area in AREAS],
            chosen=chosen,
            explanation=explanation,
            limit=EXPLANATION_MAX,
            error=error,
            answer_by=answer_by(local_date(deps.clock.now())),
            token=token,
            csrf_field=FIELD,
            csrf=csrf_token(request),
            back=f"{OVERVIEW}/{pupil_id}?{_query(token, language)}",
        )

    @router.get(OVERVIEW + "/{pupil_id}" + FORM, response_class=HTMLResponse)
    async def correction_form(
        request: Request, claims: GuardianDep, token: TokenText, pupil_id: UUID, over: str = ""
    ) -> HTMLResponse:
        language = language_of(request)
        async with deps.sessions() as session:
            allowed = await guardian_may_see(session, claims, pupil_id)
        if not allowed:
            return await refused(request, language)
        return form(request, pupil_id, token, language, chosen=over if over in AREAS else None)

    @router.post(OVERVIEW + "/{pupil_id}" + FORM, response_model=None)
    async def ask_correction(
        request: Request, claims: GuardianDep, token: TokenText, pupil_id: UUID
    ) -> Response:
        fields = await form_fields(request)
        language = language_of(request, asked=fields.get("taal"))
        if not csrf_matches(request, fields.get(FIELD)):
            return pages.message(
                request,
                "ui_correction_title",
                "ui_form_expired",
                status_code=FORBIDDEN,
                alert=True,
                language=language,
            )
        async with deps.sessions() as session:
            allowed = await guardian_may_see(session, claims, pupil_id)
            pupil = await ReadModel(session).pupil(claims.tenant, pupil_id) if allowed else None
        if pupil is None:
            return await refused(request, language)
        area, text = fields.get("over"), fields.get("uitleg", "")
        try:
            wanted = asked(area, text)
        except CorrectionInvalid as error:
            return form(
                request,
                pupil_id,
                token,
                language,
                chosen=area,
                explanation=text,
                error=f"ui_error_{error.field}",
            )
        await request_correction(deps.sessions, pupil, claims.guardian_id, wanted, deps.clock.now())
        back = f"{OVERVIEW}/{pupil_id}?{_query(token, language, verstuurd='1')}#correcties"
        return RedirectResponse(back, status_code=303)

    async def refused(request: Request, language: str) -> HTMLResponse:
        return await refusal_page(pages, request, language)

    return router
