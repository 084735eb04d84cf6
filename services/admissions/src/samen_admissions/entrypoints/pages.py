"""Parent pages: the request as the parents read it, their own view beside the school's
question, the decision with their rights, and their objection. Server-rendered with the
kit's renderer, Dutch first and the parent's language beside it, without JavaScript.

A link (`?token=`) names a guardian, a pupil and one request (`admission_request:<id>`,
to `/ouders/aanvragen/<id>`). Showing a page never uses the link up; the first form
sent exchanges it for a one-hour session cookie.
"""

from typing import Any
from urllib.parse import parse_qs, urlencode
from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from samen_kit.access import GuardianDep, GuardianSessionDep
from samen_kit.error_table import Unusable
from samen_kit.pages import PageRenderer, choose_language, language_of

from samen_admissions.entrypoints.page_models import request_context
from samen_admissions.handlers import requests, views
from samen_admissions.handlers.context import Deps, GuardianActing

BASE = "/ouders/aanvragen"
SEE_OTHER = 303
PHRASES = "samen_admissions.entrypoints.phrases"
MAX_TEXT = 10000


async def _form(request: Request) -> dict[str, str]:
    fields = parse_qs((await request.body()).decode("utf-8", errors="replace"))
    return {name: values[0] for name, values in fields.items() if values}


def _text(form: dict[str, str], name: str) -> str:
    value = form.get(name, "").strip()
    if not value or len(value) > MAX_TEXT:
        raise Unusable(f"{name} ontbreekt of is te lang")
    return value


def _back(request_id: UUID, form: dict[str, str]) -> RedirectResponse:
    """Back to the request, in the language the parent read the form in (`taal`)."""
    query = urlencode({"taal": choose_language(form.get("taal"))})
    return RedirectResponse(f"{BASE}/{request_id}?{query}", SEE_OTHER)


def page_renderer() -> PageRenderer:
    return PageRenderer("samen_admissions", "entrypoints/templates", PHRASES)


def parent_router(deps: Deps, pages: PageRenderer) -> APIRouter:
    router = APIRouter(tags=["parent pages"], default_response_class=HTMLResponse)

    def render(request: Request, name: str, language: str, **context: Any) -> HTMLResponse:
        return pages.render(request, name, language=language, **context)

    @router.get(BASE + "/{request_id}")
    async def request_page(request: Request, claims: GuardianDep, request_id: UUID) -> HTMLResponse:
        """The request, the parents' view, the decision and the parents' rights."""
        file = await views.request_file(deps, GuardianActing(claims), request_id)
        token, language = request.query_params.get("token"), language_of(request)
        context = request_context(file, base=f"{BASE}/{request_id}")
        return render(request, "request.html", language, token=token, **context)

    @router.post(BASE + "/{request_id}/mening")
    async def add_view(
        request: Request, session: GuardianSessionDep, request_id: UUID
    ) -> RedirectResponse:
        form = await _form(request)
        acting = GuardianActing(session)
        await requests.add_parents_view(deps, acting, request_id, _text(form, "text"))
        return _back(request_id, form)

    @router.post(BASE + "/{request_id}/bezwaar")
    async def object_to(
        request: Request, session: GuardianSessionDep, request_id: UUID
    ) -> RedirectResponse:
        form = await _form(request)
        acting = GuardianActing(session)
        await requests.lodge_objection(deps, acting, request_id, _text(form, "grounds"))
        return _back(request_id, form)

    return router
