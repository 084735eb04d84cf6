"""Parent pages: read the question, answer it, say what you need, withdraw, keep a receipt.

Opening a page (GET) never uses the link up (mail scanners open links); the first
action (POST) exchanges the link's token for a one-hour session cookie, after which
the parent is sent back to the page (303) and carries on in the session. Forms work
without JavaScript. Dutch first, the parent's language beside it (the kit's pages:
`?taal=`, then the language chosen before, then the browser's). Giving, refusing or
withdrawing an answer asks for a step-up code first (ADR 0012); so does reading a
question about a document (an OPP's action part: its words, ADR 0017), other questions
are read without one.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlencode
from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from samen_kit.access import GuardianDep, GuardianSessionDep
from samen_kit.access.step_up_gate import require_step_up
from samen_kit.access.step_up_proof import forwarded_proof
from samen_kit.error_table import Unusable
from samen_kit.pages import choose_language

from samen_consent.domain.evidence import Act
from samen_consent.domain.support_needs import SupportNeedKind
from samen_consent.entrypoints.page_models import overview_item, request_page
from samen_consent.entrypoints.receipts import receipt_page
from samen_consent.entrypoints.wiring import CtxDep, ParentPageDep
from samen_consent.handlers import guardian_queries as views
from samen_consent.handlers.guardians import (
    GuardianAct,
    check_may_act,
    guardian_acts,
    state_needs,
)

router = APIRouter(prefix="/ouders", tags=["parent pages"])
_ANSWERS = {"ja": Act.AGREE, "nee": Act.REFUSE}


@router.get("/toestemming/{request_id}", response_class=HTMLResponse)
async def request_page_view(request_id: UUID, here: ParentPageDep) -> HTMLResponse:
    """The question in plain words, its state, and what this parent can do now."""
    request, claims, ctx, language = here.request, here.claims, here.ctx, here.language
    view = await views.guardian_view(ctx, claims, request_id)
    if view.stored.request.subject is not None:
        # An OPP's words are read only after a step-up code (ADR 0017), here as on the
        # owner's own page; the owner checks the proof again when it serves them.
        require_step_up(request, claims)
    proof = forwarded_proof(request)
    words = await views.document_to_show(ctx, claims, view.stored, here.token, language, proof)
    page = request_page(view, claims.guardian_id, language, ctx.now(), words)
    return here.pages.render(
        request,
        "request.html",
        language=language,
        token=here.token,
        page=page,
        link_query=_query(here.token, language),
    )


@router.post("/toestemming/{request_id}/antwoord", response_class=RedirectResponse)
async def answer(
    request_id: UUID, request: Request, session: GuardianSessionDep, ctx: CtxDep
) -> RedirectResponse:
    """Yes or no (`antwoord=ja|nee`), in the language the parent read (`taal`); about a
    document, also the language its words were shown in (`document_taal`)."""
    form = await _form(request)
    language = choose_language(form.get("taal"))
    act = _ANSWERS.get(form.get("antwoord", ""))
    if act is None:
        raise Unusable("antwoord must be ja or nee")
    await check_may_act(ctx, session, request_id, act)
    require_step_up(request, session, _page_of(request_id, language))
    shown_in = form.get("document_taal")
    document_language = None if shown_in is None else choose_language(shown_in)
    reason = form.get("reden", "").strip() or None
    said = GuardianAct(act, language, document_language, reason)
    await guardian_acts(ctx, session, request_id, said)
    return _back_to(request_id, language)


@router.post("/toestemming/{request_id}/intrekken", response_class=RedirectResponse)
async def withdraw(
    request_id: UUID, request: Request, session: GuardianSessionDep, ctx: CtxDep
) -> RedirectResponse:
    """Take consent back, as easily as it was given."""
    language = choose_language((await _form(request)).get("taal"))
    await check_may_act(ctx, session, request_id, Act.WITHDRAW)
    require_step_up(request, session, _page_of(request_id, language))
    await guardian_acts(ctx, session, request_id, GuardianAct(Act.WITHDRAW, language))
    return _back_to(request_id, language)


@router.post("/toestemming/{request_id}/ondersteuning", response_class=RedirectResponse)
async def support_needs(
    request_id: UUID, request: Request, session: GuardianSessionDep, ctx: CtxDep
) -> RedirectResponse:
    """What the parent needs themselves (`nodig`, repeated; `toelichting`, optional)."""
    fields = parse_qs((await request.body()).decode("utf-8", errors="replace"))
    try:
        kinds = frozenset(SupportNeedKind(value) for value in fields.get("nodig", []))
    except ValueError as error:
        raise Unusable("unknown support need") from error
    note = next(iter(fields.get("toelichting", [])), None)
    await state_needs(ctx, session, request_id, kinds, note)
    return _back_to(request_id, choose_language(next(iter(fields.get("taal", [])), None)))


@router.get("/toestemming/{request_id}/bewijs", response_class=HTMLResponse)
async def receipts_page(request_id: UUID, here: ParentPageDep) -> HTMLResponse:
    """Proof of what this parent said: when, how, and the words they read."""
    found = await views.guardian_receipts(here.ctx, here.claims, request_id)
    back = f"/ouders/toestemming/{request_id}?{_query(here.token, here.language)}"
    documents = [r.document for r in found]
    return receipt_page(
        here.pages, here.request, here.language, documents, back=back, token=here.token
    )


@router.get("/toestemming/{request_id}/bewijs.json")
async def receipts_json(request_id: UUID, claims: GuardianDep, ctx: CtxDep) -> JSONResponse:
    """The same receipts as JSON, each with its digest."""
    found = await views.guardian_receipts(ctx, claims, request_id)
    return JSONResponse([r.document for r in found], headers={"Cache-Control": "no-store"})


@router.get("/overzicht", response_class=HTMLResponse)
async def overview(here: ParentPageDep) -> HTMLResponse:
    """Every question about this pupil that asks this parent, and where each stands."""
    language = here.language
    now, query = here.ctx.now(), _query(here.token, language)
    items = [
        overview_item(line.stored, language, now, _link(line, query))
        for line in await views.guardian_overview(here.ctx, here.claims)
    ]
    return here.pages.render(here.request, "overview.html", language=language, items=items)


def _link(line: views.OverviewLine, query: str) -> str | None:
    if not line.opens:
        return None
    return f"/ouders/toestemming/{line.stored.request.request_id}?{query}"


async def _form(request: Request) -> dict[str, str]:
    fields = parse_qs((await request.body()).decode("utf-8", errors="replace"))
    return {name: values[0] for name, values in fields.items() if values}


def _query(token: str | None, language: str) -> str:
    return urlencode({**({"token": token} if token else {}), "taal": language})


def _page_of(request_id: UUID, language: str) -> str:
    return f"/ouders/toestemming/{request_id}?taal={language}"


def _back_to(request_id: UUID, language: str) -> RedirectResponse:
    return RedirectResponse(_page_of(request_id, language), status_code=303)
