"""Parent pages of this service: contact preferences, asking for a fresh link, short
links, and the public key owning services verify guardian tokens with.

Server-rendered HTML with the kit's renderer that works without JavaScript; Dutch
first, the parent's language beside it (the one asked for, else the one chosen before,
else the one on file, else the browser's). A GET never uses a link up; the first POST
exchanges it for an hour's session (the access kit).
"""

from __future__ import annotations

from functools import cache
from urllib.parse import parse_qs, urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from samen_contract.envelope import PLATFORM_TENANT
from samen_contract.events.access import AccessRefusedReason, Credential
from samen_kit.access import (
    AccessRefusedError,
    Audience,
    GuardianClaims,
    GuardianDep,
    GuardianSessionDep,
    ProvenClaims,
    RefusalReason,
)
from samen_kit.access.dependencies import refuse
from samen_kit.db import unit_of_work
from samen_kit.error_table import Unusable
from samen_kit.pages import PageRenderer, known, language_of

from samen_notifications.adapters import contacts, links
from samen_notifications.domain.items import ItemKind
from samen_notifications.entrypoints.deps import Ctx
from samen_notifications.handlers import commands
from samen_notifications.handlers.context import Context
from samen_notifications.handlers.preferences import (
    PreferencesError,
    current_preferences,
    parse_preferences,
    save_preferences,
)
from samen_notifications.handlers.renewal import RenewalRefused

router = APIRouter(tags=["parents"])
CONTACT_PATH = "/ouders/contact"
RENEW_PAGE = "/ouders/nieuwe-link"
RENEW_ACTION = "/v1/links/renew"
PHRASES = "samen_notifications.entrypoints.phrases"
# The languages a parent can choose for messages (GLOSSARY.md), each in its own words.
LANGUAGES: tuple[tuple[str, str], ...] = (
    ("nl", "Nederlands"),
    ("en", "English"),
    ("pl", "Polski"),
    ("tr", "Türkçe"),
    ("ar", "العربية"),
    ("uk", "Українська"),
    ("fr", "Français"),
    ("es", "Español"),
    ("ro", "Română"),
    ("pt", "Português"),
    ("de", "Deutsch"),
    ("ru", "Русский"),
    ("zh", "中文"),
    ("ti", "ትግርኛ"),
    ("so", "Soomaali"),
    ("zgh", "ⵜⴰⵎⴰⵣⵉⵖⵜ"),
)
LANGUAGE_CODES = frozenset(code for code, _ in LANGUAGES)


@cache
def pages() -> PageRenderer:
    return PageRenderer("samen_notifications", "pages", PHRASES)


def _message(
    request: Request, heading: str, body: str, status_code: int = 200, *, asked: str | None = None
) -> HTMLResponse:
    language = language_of(request, asked=asked)
    return pages().message(request, heading, body, status_code=status_code, language=language)


async def _own_contact(request: Request, claims: GuardianClaims) -> None:
    """A contact link opens only its own guardian's preferences: reading and saving are
    refused alike (403), and counted."""
    if not claims.item.is_(ItemKind.CONTACT.value, claims.guardian_id):
        proven = ProvenClaims(claims.tenant, str(claims.guardian_id), claims.jti)
        error = AccessRefusedError(RefusalReason.NOT_PERMITTED, proven)
        await refuse(request, Audience.GUARDIAN, error)


@router.get(CONTACT_PATH, response_class=HTMLResponse)
async def contact_page(request: Request, guardian: GuardianDep, ctx: Ctx) -> HTMLResponse:
    await _own_contact(request, guardian)
    async with ctx.sessions() as session:
        row = await contacts.guardian_contact(session, guardian.tenant, guardian.guardian_id)
    current = current_preferences(row)
    return pages().render(
        request,
        "contact.html",
        language=language_of(request, on_file=current["language"]),
        current=current,
        languages=LANGUAGES,
        token=request.query_params.get("token"),
        action=CONTACT_PATH,
        error=None,
    )


@router.post(CONTACT_PATH, response_class=HTMLResponse)
async def save_contact(request: Request, guardian: GuardianSessionDep, ctx: Ctx) -> HTMLResponse:
    await _own_contact(request, guardian)
    form = await _form(request)
    try:
        preferences = parse_preferences(form, LANGUAGE_CODES)
    except PreferencesError as error:
        current = {**current_preferences(None), **{k: v for k, v in form.items() if k != "token"}}
        return pages().render(
            request,
            "contact.html",
            language=language_of(request, asked=form.get("taal")),
            status_code=422,
            current=current,
            languages=LANGUAGES,
            token=None,
            action=CONTACT_PATH,
            error=error.key,
        )
    async with unit_of_work(ctx.sessions) as session:
        await save_preferences(
            session,
            ctx.planner,
            tenant=guardian.tenant,
            guardian_id=guardian.guardian_id,
            preferences=preferences,
            now=ctx.clock.now(),
        )
    # The confirmation speaks the language just chosen, when the pages have it.
    asked = known(preferences.language) or form.get("taal")
    return _message(request, "saved_title", "saved_body", asked=asked)


@router.get(RENEW_PAGE, response_class=HTMLResponse)
async def renew_page(request: Request, token: str = "") -> HTMLResponse:
    """Where an owning service sends a parent whose link expired (with that link's token)."""
    if not token:
        return _message(request, "gone_title", "gone_body", 404)
    return pages().render(request, "renew.html", token=token, action=RENEW_ACTION)


@router.post(RENEW_ACTION, response_class=HTMLResponse)
async def renew_link(request: Request, ctx: Ctx) -> HTMLResponse:
    """A fresh link for the same guardian, pupil and item, sent to the contact points on
    file (never to an address typed here); at most one per hour and item."""
    form = await _form(request)
    token, asked = form.get("token", ""), form.get("taal")
    now = ctx.clock.now()
    try:
        claims = await ctx.renewals.read(token, now)
    except RenewalRefused as refused:
        await _count_refusal(request, ctx, refused.tenant)
        return _message(request, "refused_title", "refused_body", 400, asked=asked)
    async with unit_of_work(ctx.sessions) as session:
        await commands.send_fresh_link(
            session,
            ctx.planner,
            tenant=claims.tenant,
            guardian_id=claims.guardian_id,
            pupil_id=claims.pupil_id,
            item=claims.item,
            now=now,
        )
    return _message(request, "renewed_title", "renewed_body", 202, asked=asked)


async def _count_refusal(request: Request, ctx: Context, tenant: str | None) -> None:
    await ctx.refusals.count(
        AccessRefusedReason.FORGED_TOKEN,
        Credential.GUARDIAN_TOKEN,
        tenant or PLATFORM_TENANT,
        request.scope,
    )


@router.get("/l/{code}")
async def short_link(code: str, request: Request, ctx: Ctx) -> Response:
    """An SMS's short link: on to the owning service's page (a stale one: ask anew)."""
    now = ctx.clock.now()
    async with ctx.sessions() as session:
        target = await links.target_of(session, code, now)
        stale = None if target else await links.stale_target_of(session, code)
    if target is not None:
        return RedirectResponse(target, status_code=303, headers={"Cache-Control": "no-store"})
    if stale is not None:
        token = parse_qs(stale.partition("?")[2]).get("token", [""])[0]
        return RedirectResponse(f"{RENEW_PAGE}?{urlencode({'token': token})}", status_code=303)
    return _message(request, "gone_title", "gone_body", 404)


@router.get("/.well-known/guardian-jwks.json")
async def guardian_jwks(ctx: Ctx) -> JSONResponse:
    """The public key of guardian links: owning services verify tokens with it."""
    return JSONResponse(ctx.links.jwks(), headers={"Cache-Control": "public, max-age=300"})


async def _form(request: Request) -> dict[str, str]:
    content_type = request.headers.get("content-type", "").split(";")[0].strip()
    if content_type != "application/x-www-form-urlencoded":
        raise Unusable("a form (application/x-www-form-urlencoded) is expected")
    fields = parse_qs((await request.body()).decode("utf-8", errors="replace"))
    return {name: values[0] for name, values in fields.items() if values}
