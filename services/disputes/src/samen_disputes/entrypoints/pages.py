"""Parent pages: server-rendered HTML with the kit's renderer, Dutch first and the
parent's language beside it, working without JavaScript.

A link (`?token=`) names a guardian, a pupil and an item: `pupil:<id>` (to
`/ouders/geschil-starten/<pupil id>`) to open a dispute and follow all the pupil's
disputes, `dispute:<id>` (to `/ouders/geschillen/<dispute id>`) to follow one. Showing a page never
uses the link up; the first form sent exchanges it for a one-hour session cookie.
"""

from typing import Any
from urllib.parse import parse_qs
from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from samen_kit.access import GuardianClaims, GuardianDep, GuardianSessionDep
from samen_kit.error_table import Unusable
from samen_kit.pages import PageRenderer, choose_language, language_of

from samen_disputes.domain import (
    EDUCATION_CONSULTANTS_CONTACT,
    DisputeSubject,
    Move,
    Stage,
)
from samen_disputes.entrypoints.page_models import (
    BASE,
    START,
    file_context,
    href,
    list_context,
    parse_day,
)
from samen_disputes.handlers import views
from samen_disputes.handlers.access import PUPIL_ITEM
from samen_disputes.handlers.context import Deps, GuardianActing
from samen_disputes.handlers.moving import MakeMove, make_move
from samen_disputes.handlers.notes import add_note
from samen_disputes.handlers.opening import OpenDispute, open_dispute

SEE_OTHER = 303
PHRASES = "samen_disputes.entrypoints.phrases"


async def _form(request: Request) -> dict[str, str]:
    fields = parse_qs((await request.body()).decode("utf-8", errors="replace"))
    return {name: values[0] for name, values in fields.items() if values}


def _field(form: dict[str, str], name: str, *, max_length: int = 5000) -> str:
    value = form.get(name, "").strip()
    if not value or len(value) > max_length:
        raise Unusable(f"{name} ontbreekt of is te lang")
    return value


def _acting(request: Request, claims: GuardianClaims) -> GuardianActing:
    return GuardianActing(claims)


def _opening(pupil_id: UUID, form: dict[str, str]) -> OpenDispute:
    try:
        return OpenDispute(
            pupil_id=pupil_id,
            subject=DisputeSubject(_field(form, "subject", max_length=64)),
            description=_field(form, "description"),
            decision_date=parse_day(form.get("decision_date", "")),
            stage=Stage(form.get("stage") or Stage.CONVERSATION),
        )
    except ValueError as error:
        raise Unusable("het formulier klopt niet") from error


def _move(dispute_id: UUID, form: dict[str, str]) -> MakeMove:
    try:
        move = Move.parse(_field(form, "move", max_length=64))
    except ValueError as error:
        raise Unusable("onbekende stap") from error
    return MakeMove(dispute_id, move, form.get("reason", "").strip()[:5000] or None)


def parent_router(deps: Deps, *, consultants: str = EDUCATION_CONSULTANTS_CONTACT) -> APIRouter:
    router = APIRouter(tags=["parent pages"], default_response_class=HTMLResponse)
    pages = PageRenderer("samen_disputes", "entrypoints/templates", PHRASES)

    def render(request: Request, name: str, language: str, **context: Any) -> HTMLResponse:
        return pages.render(request, name, language=language, **context)

    async def list_page(
        request: Request, claims: GuardianClaims, pupil_id: UUID | None = None
    ) -> HTMLResponse:
        language = language_of(request)
        found = await views.disputes_for_guardian(deps, _acting(request, claims).claims, pupil_id)
        token = request.query_params.get("token")
        # A pupil page was checked as opening a dispute is; else only a pupil link opens.
        linked = claims.pupil_id if claims.item.is_(PUPIL_ITEM, claims.pupil_id) else None
        context = list_context(
            found,
            language=language,
            token=token,
            open_for=pupil_id or linked,
            consultants=consultants,
        )
        return render(request, "disputes.html", language, token=token, **context)

    @router.get(BASE)
    async def disputes_page(request: Request, claims: GuardianDep) -> HTMLResponse:
        """The guardian's disputes about their pupil (and, from a pupil link, the form)."""
        return await list_page(request, claims)

    @router.get(START + "/{pupil_id}")
    async def start_page(request: Request, claims: GuardianDep, pupil_id: UUID) -> HTMLResponse:
        """Where a pupil link leads: the form to open a dispute, and the pupil's disputes."""
        return await list_page(request, claims, pupil_id)

    @router.post(START + "/{pupil_id}")
    async def open_from_page(
        request: Request, session: GuardianSessionDep, pupil_id: UUID
    ) -> RedirectResponse:
        form = await _form(request)
        acting = _acting(request, session)
        dispute_id = await open_dispute(deps, acting, _opening(pupil_id, form))
        return RedirectResponse(href(f"{BASE}/{dispute_id}", _lang(form)), SEE_OTHER)

    @router.get(BASE + "/{dispute_id}")
    async def dispute_page(request: Request, claims: GuardianDep, dispute_id: UUID) -> HTMLResponse:
        file = await views.dispute_file(deps, _acting(request, claims), dispute_id)
        token, language = request.query_params.get("token"), language_of(request)
        context = file_context(file, language=language, token=token, now=deps.clock.now())
        return render(request, "dispute.html", language, token=token, **context)

    @router.post(BASE + "/{dispute_id}/stap")
    async def move_from_page(
        request: Request, session: GuardianSessionDep, dispute_id: UUID
    ) -> RedirectResponse:
        form = await _form(request)
        await make_move(deps, _acting(request, session), _move(dispute_id, form))
        return RedirectResponse(href(f"{BASE}/{dispute_id}", _lang(form)), SEE_OTHER)

    @router.post(BASE + "/{dispute_id}/notitie")
    async def note_from_page(
        request: Request, session: GuardianSessionDep, dispute_id: UUID
    ) -> RedirectResponse:
        form = await _form(request)
        await add_note(deps, _acting(request, session), dispute_id, _field(form, "text"))
        return RedirectResponse(href(f"{BASE}/{dispute_id}", _lang(form)), SEE_OTHER)

    return router


def _lang(form: dict[str, str]) -> str:
    """The language the parent read the form in (its hidden `taal`)."""
    return choose_language(form.get("taal"))
