"""Parent pages: server-rendered HTML, Dutch first and the parent's language beside it,
working without JavaScript.

A link (`?token=`) names a guardian, a pupil and an item: `pupil:<id>` (to
`/ouders/geschil-starten/<pupil id>`) to open a dispute and follow all the pupil's
disputes, `dispute:<id>` (to `/ouders/geschillen/<dispute id>`) to follow one. Showing a page never
uses the link up; the first form sent exchanges it for a one-hour session cookie.
"""

from typing import Annotated
from urllib.parse import parse_qs
from uuid import UUID

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from jinja2 import Environment, PackageLoader, select_autoescape
from samen_kit.access import GuardianClaims, GuardianDep, GuardianSessionDep
from samen_kit.problems import Invalid

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
from samen_disputes.entrypoints.page_texts import UI
from samen_disputes.handlers import views
from samen_disputes.handlers.access import PUPIL_ITEM
from samen_disputes.handlers.context import Deps, GuardianActing
from samen_disputes.handlers.moving import MakeMove, make_move
from samen_disputes.handlers.notes import add_note
from samen_disputes.handlers.opening import OpenDispute, open_dispute

Lang = Annotated[str, Query(pattern=r"^[a-z]{2,3}$")]
SEE_OTHER = 303


def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("samen_disputes", "entrypoints/templates"),
        autoescape=select_autoescape(default=True),
    )


async def _form(request: Request) -> dict[str, str]:
    fields = parse_qs((await request.body()).decode("utf-8", errors="replace"))
    return {name: values[0] for name, values in fields.items() if values}


def _field(form: dict[str, str], name: str, *, max_length: int = 5000) -> str:
    value = form.get(name, "").strip()
    if not value or len(value) > max_length:
        raise Invalid(f"{name} ontbreekt of is te lang")
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
        raise Invalid("het formulier klopt niet") from error


def _move(dispute_id: UUID, form: dict[str, str]) -> MakeMove:
    try:
        move = Move.parse(_field(form, "move", max_length=64))
    except ValueError as error:
        raise Invalid("onbekende stap") from error
    return MakeMove(dispute_id, move, form.get("reason", "").strip()[:5000] or None)


def parent_router(deps: Deps, *, consultants: str = EDUCATION_CONSULTANTS_CONTACT) -> APIRouter:
    router = APIRouter(tags=["parent pages"], default_response_class=HTMLResponse)
    env = _environment()

    def render(name: str, lang: str, **context: object) -> HTMLResponse:
        page = env.get_template(name).render(ui=UI, lang=lang, second=lang != "nl", **context)
        return HTMLResponse(page)

    async def list_page(
        request: Request, claims: GuardianClaims, lang: str, pupil_id: UUID | None = None
    ) -> HTMLResponse:
        found = await views.disputes_for_guardian(deps, _acting(request, claims).claims, pupil_id)
        token = request.query_params.get("token")
        may_open = claims.item.is_(PUPIL_ITEM, claims.pupil_id)
        context = list_context(
            found,
            lang=lang,
            token=token,
            open_for=claims.pupil_id if may_open else None,
            consultants=consultants,
        )
        return render("disputes.html", lang, token=token, **context)

    @router.get(BASE)
    async def disputes_page(
        request: Request, claims: GuardianDep, lang: Lang = "nl"
    ) -> HTMLResponse:
        """The guardian's disputes about their pupil (and, from a pupil link, the form)."""
        return await list_page(request, claims, lang)

    @router.get(START + "/{pupil_id}")
    async def start_page(
        request: Request, claims: GuardianDep, pupil_id: UUID, lang: Lang = "nl"
    ) -> HTMLResponse:
        """Where a pupil link leads: the form to open a dispute, and the pupil's disputes."""
        return await list_page(request, claims, lang, pupil_id)

    @router.post(START + "/{pupil_id}")
    async def open_from_page(
        request: Request, session: GuardianSessionDep, pupil_id: UUID
    ) -> RedirectResponse:
        form = await _form(request)
        acting = _acting(request, session)
        dispute_id = await open_dispute(deps, acting, _opening(pupil_id, form))
        return RedirectResponse(href(f"{BASE}/{dispute_id}", _lang(form)), SEE_OTHER)

    @router.get(BASE + "/{dispute_id}")
    async def dispute_page(
        request: Request, claims: GuardianDep, dispute_id: UUID, lang: Lang = "nl"
    ) -> HTMLResponse:
        file = await views.dispute_file(deps, _acting(request, claims), dispute_id)
        token = request.query_params.get("token")
        context = file_context(file, lang=lang, token=token, now=deps.clock.now())
        return render("dispute.html", lang, token=token, **context)

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
    lang = form.get("lang", "nl")
    return lang if lang.isalpha() and 2 <= len(lang) <= 3 and lang.islower() else "nl"
