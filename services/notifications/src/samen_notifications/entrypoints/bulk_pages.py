"""The guardian's page about bulk messages (messages to all parents, the broadcasts),
behind the `List-Unsubscribe` link of every broadcast.

RFC 8058 one-click: the mailbox provider POSTs `List-Unsubscribe=One-Click` to the
link, without a session or cookie; the link's signed token (bound to the guardian, for
this page only) is the credential, and it is not used up. Opening the page (GET) never
changes anything, so a link checker that follows it stops nothing. The page's own button
stops bulk messages, or asks for them again.

In the guardian's language (the one on file, or the one chosen), on the kit's pages.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from samen_kit.access import ActionRefused, GuardianClaims, GuardianTokenDep
from samen_kit.db import unit_of_work
from samen_kit.pages import language_of

from samen_notifications.adapters import bulk, contacts
from samen_notifications.domain.guardian_links import BULK_PREFERENCE_PATH
from samen_notifications.domain.items import ItemKind
from samen_notifications.entrypoints.deps import Ctx
from samen_notifications.entrypoints.pages import pages
from samen_notifications.handlers.context import Context

router = APIRouter(tags=["parents"])
RESUME = "resume"  # the page's button for guardians who stopped: get them again


def _own_choice(claims: GuardianClaims) -> None:
    """The link opens only its own guardian's choice, and nothing else opens it."""
    if not claims.item.is_(ItemKind.BULK_MESSAGES.value, claims.guardian_id):
        raise ActionRefused()


async def _language_of(request: Request, ctx: Context, claims: GuardianClaims) -> str:
    """The language chosen on the page, else the one the guardian's messages are in."""
    async with ctx.sessions() as session:
        row = await contacts.guardian_contact(session, claims.tenant, claims.guardian_id)
    return language_of(request, on_file=row.language if row is not None else None)


@router.get(BULK_PREFERENCE_PATH, response_class=HTMLResponse)
async def bulk_page(request: Request, guardian: GuardianTokenDep, ctx: Ctx) -> HTMLResponse:
    """Whether the guardian gets messages to all parents, and a button to change that."""
    _own_choice(guardian)
    async with ctx.sessions() as session:
        stopped = bool(await bulk.opted_out(session, guardian.tenant, [guardian.guardian_id]))
    token = request.query_params.get("token", "")
    return pages().render(
        request,
        "bulk_messages.html",
        language=await _language_of(request, ctx, guardian),
        stopped=stopped,
        action=f"{BULK_PREFERENCE_PATH}?{urlencode({'token': token})}",
        resume=RESUME,
    )


@router.post(BULK_PREFERENCE_PATH, response_class=HTMLResponse)
async def bulk_choice(request: Request, guardian: GuardianTokenDep, ctx: Ctx) -> HTMLResponse:
    """Stops bulk messages (a one-click POST, or the page's button); `choice=resume` alone
    asks for them again."""
    _own_choice(guardian)
    resume = await _resume_asked(request)
    async with unit_of_work(ctx.sessions) as session:
        if resume:
            await bulk.opt_in(session, guardian.tenant, guardian.guardian_id)
        else:
            await bulk.opt_out(session, guardian.tenant, guardian.guardian_id, ctx.clock.now())
    done = "bulk_resumed" if resume else "bulk_stopped"
    return pages().message(
        request,
        f"{done}_title",
        f"{done}_body",
        language=await _language_of(request, ctx, guardian),
    )


async def _resume_asked(request: Request) -> bool:
    """Only a form that says `choice=resume`; any other POST (a one-click sent as a form or
    as multipart, RFC 8058 allows both) stops."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip()
    if content_type != "application/x-www-form-urlencoded":
        return False
    fields = parse_qs((await request.body()).decode("utf-8", errors="replace"))
    return fields.get("choice", [""])[0] == RESUME
