"""The step-up page (ADR 0012): before a sensitive action an owning service sends the
guardian here; a one-time code goes to the number on file (else the e-mail address), the
guardian types it, and a short signed proof cookie sends them back to do the action.

This service owns the contact points, so the code is made, sent and checked here and
never crosses the bus. The guardian is known from the one guardian session.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit
from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from samen_kit.access import GuardianClaims, GuardianDep, GuardianSessionDep
from samen_kit.access.step_up import Answer, SendDecision
from samen_kit.db import unit_of_work
from samen_kit.pages import language_of

from samen_notifications.adapters import contacts
from samen_notifications.adapters.tables import GuardianContactRow
from samen_notifications.entrypoints.deps import Ctx
from samen_notifications.entrypoints.pages import _form, pages
from samen_notifications.handlers.context import Context
from samen_notifications.handlers.step_up import CodeToSend, check_code, hashing_key, start_step_up
from samen_notifications.handlers.step_up_delivery import CodeSenders, Sent, send_code

router = APIRouter(tags=["parents"])
STEP_UP_PAGE = "/ouders/bevestigen"
SEND_ACTION = "/ouders/bevestigen/code"
SERVICES_WITH_PAGES = ("consent", "meetings", "plans", "disputes", "admissions", "notifications")


def safe_return(ctx: Context, asked: str | None) -> str | None:
    """Back only to a parent page of one of our own services: never an open redirect."""
    if not asked:
        return None
    target = urlsplit(asked)
    ours = {urlsplit(ctx.settings.base_url_of(name)).netloc for name in SERVICES_WITH_PAGES}
    if target.scheme in {"http", "https"} and target.netloc in ours:
        return asked if target.path.startswith("/ouders/") else None
    return None


def _render(request: Request, status_code: int = 200, **values: Any) -> HTMLResponse:
    defaults: dict[str, Any] = {"challenge": None, "error": None, "left": None, "sent": None}
    return pages().render(
        request,
        "step_up.html",
        language=language_of(request, asked=values.pop("asked", None)),
        status_code=status_code,
        send_action=SEND_ACTION,
        check_action=STEP_UP_PAGE,
        **(defaults | values),
    )


@router.get(STEP_UP_PAGE, response_class=HTMLResponse)
async def step_up_page(
    request: Request, guardian: GuardianDep, ctx: Ctx, terug: str = ""
) -> HTMLResponse:
    """Says why a code is needed and offers to send it; a GET sends nothing."""
    back = safe_return(ctx, terug)
    if back is None:
        return pages().message(request, "gone_title", "gone_body", status_code=404)
    return _render(request, back=back, token=request.query_params.get("token"))


@router.post(SEND_ACTION, response_class=HTMLResponse)
async def send_step_up_code(request: Request, guardian: GuardianSessionDep, ctx: Ctx) -> Response:
    form = await _form(request)
    back, asked = safe_return(ctx, form.get("terug")), form.get("taal")
    if back is None:
        return pages().message(request, "gone_title", "gone_body", status_code=404)
    key = hashing_key(ctx.settings.session_secret_or_random())
    async with unit_of_work(ctx.sessions) as session:
        started = await start_step_up(session, ctx.writer, guardian, key=key, now=ctx.clock.now())
        contact = await contacts.guardian_contact(session, guardian.tenant, guardian.guardian_id)
    if isinstance(started, SendDecision):
        return _refused_to_send(request, started, asked)
    sent = await _deliver(ctx, request, guardian, contact, started, asked)
    if sent is Sent.NOWHERE:
        return _message(request, "step_up_nowhere_title", "step_up_nowhere_body", 409, asked)
    return _render(request, asked=asked, back=back, challenge=started.challenge_id, sent=sent)


async def _deliver(
    ctx: Context,
    request: Request,
    guardian: GuardianClaims,
    contact: GuardianContactRow | None,
    started: CodeToSend,
    asked: str | None,
) -> Sent:
    on_file = contact.language if contact else None
    phrases = pages().phrases(language_of(request, asked=asked, on_file=on_file))
    senders = CodeSenders(ctx.sms, ctx.email, _mail_domain(ctx.settings.mail_from))
    return await send_code(senders, contact, started.challenge_id, started.code, phrases)


@router.post(STEP_UP_PAGE, response_class=HTMLResponse)
async def confirm_step_up(request: Request, guardian: GuardianSessionDep, ctx: Ctx) -> Response:
    form = await _form(request)
    back, asked = safe_return(ctx, form.get("terug")), form.get("taal")
    challenge = _uuid(form.get("challenge"))
    if back is None or challenge is None:
        return _message(request, "gone_title", "gone_body", 404, asked)
    key, now = hashing_key(ctx.settings.session_secret_or_random()), ctx.clock.now()
    async with unit_of_work(ctx.sessions) as session:
        outcome = await check_code(
            session, ctx.writer, guardian, challenge, form.get("code", ""), key=key, now=now
        )
    if outcome is Answer.CONFIRMED:
        response = RedirectResponse(back, status_code=303, headers={"Cache-Control": "no-store"})
        ctx.step_up_proofs.set_on(response, ctx.step_up_proofs.issue(guardian, now))
        return response
    if outcome is Answer.WRONG:
        return _render(request, 422, asked=asked, back=back, challenge=challenge, error=True)
    if outcome is Answer.LOCKED:
        return _message(request, "step_up_locked_title", "step_up_locked_body", 403, asked)
    return _render(request, 410, asked=asked, back=back, error="expired")


def _refused_to_send(request: Request, decision: SendDecision, asked: str | None) -> HTMLResponse:
    if decision is SendDecision.LOCKED:
        return _message(request, "step_up_locked_title", "step_up_locked_body", 403, asked)
    return _message(request, "step_up_too_many_title", "step_up_too_many_body", 429, asked)


def _message(
    request: Request, heading: str, body: str, status_code: int, asked: str | None
) -> HTMLResponse:
    language = language_of(request, asked=asked)
    return pages().message(request, heading, body, status_code=status_code, language=language)


def _uuid(text: str | None) -> UUID | None:
    try:
        return UUID(text) if text else None
    except ValueError:
        return None


def _mail_domain(mail_from: str) -> str:
    return mail_from.rpartition("@")[2].rstrip(">") or "samen.invalid"
