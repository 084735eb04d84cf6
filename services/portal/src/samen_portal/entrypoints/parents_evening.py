"""*Ouderavond*: the IB or director invites all parents of their school, through the
notifications service's broadcast, with the user's own token."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from samen_kit.access.refusal_book import refusal_book_of
from samen_kit.problems import Invalid

from samen_portal.adapters.services import ServiceUnavailable
from samen_portal.domain.parents_evening import (
    InvitationInvalid,
    invitation_body,
    may_invite_parents,
)
from samen_portal.entrypoints.forms import form_fields
from samen_portal.entrypoints.pages import Deps
from samen_portal.entrypoints.presenting import AMSTERDAM, short
from samen_portal.entrypoints.signin import PostingUserDep, User, UserDep


class InvitingRefused(Exception):
    """Inviting a whole school's parents is for its IB and director."""


def parents_evening_router(deps: Deps) -> APIRouter:
    router = APIRouter(include_in_schema=False)

    async def allowed(request: Request, user: User) -> None:
        if not may_invite_parents(user.viewer):
            await refusal_book_of(request).forbidden(request)
            raise InvitingRefused()

    def schools(user: User) -> list[dict[str, str]]:
        found = sorted(user.viewer.principal.schools)
        return [{"id": s, "text": f"School {short(s)}"} for s in found]

    @router.get("/ouderavond", response_class=HTMLResponse)
    async def form(request: Request, user: UserDep) -> Response:
        await allowed(request, user)
        return deps.pages.page(
            "parents_evening.html",
            user,
            title="Ouders uitnodigen voor een ouderavond",
            active="ouderavond",
            schools=schools(user),
        )

    @router.post("/ouderavond")
    async def invite(request: Request, user: PostingUserDep) -> Response:
        await allowed(request, user)
        today = deps.clock.now().astimezone(AMSTERDAM).date()
        try:
            body = invitation_body(await form_fields(request), user.viewer.principal.schools, today)
        except InvitationInvalid as error:
            raise Invalid(str(error)) from error
        back = {"href": "/ouderavond", "text": "Terug naar de ouderavond"}
        try:
            answer = await deps.services.call(
                "notifications", "POST", "/v1/broadcasts", user.token, body
            )
        except ServiceUnavailable:
            answer = None
        if answer is None or not answer.ok:
            text = "De uitnodiging is niet verstuurd. Probeer het later opnieuw."
            return deps.pages.page(
                "message.html", user, status=502 if answer is None else answer.status,
                title="Niet gelukt", text=text, link=back,
            )  # fmt: skip
        recipients = answer.body.get("recipients", 0) if isinstance(answer.body, dict) else 0
        text = f"De uitnodiging gaat naar {recipients} ouders en verzorgers."
        return deps.pages.page(
            "message.html", user, title="Uitnodiging verstuurd", text=text, link=back
        )

    return router
