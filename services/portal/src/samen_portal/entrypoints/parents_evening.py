"""*Ouderavond*: the IB or director invites the parents of their school, or of one class
group of it, through the notifications service's broadcast, with the user's own token;
the e-mails carry the evening as a calendar file."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from samen_kit.access.refusal_book import refusal_book_of
from samen_kit.problems import Invalid

from samen_portal.adapters.readmodel import ReadModel, is_uuid
from samen_portal.adapters.services import ServiceUnavailable
from samen_portal.domain.parents_evening import (
    InvitationInvalid,
    invitation_body,
    may_invite_parents,
)
from samen_portal.domain.scope import reach
from samen_portal.entrypoints.forms import form_fields
from samen_portal.entrypoints.pages import Deps
from samen_portal.entrypoints.presenting import AMSTERDAM, school_name, short
from samen_portal.entrypoints.signin import PostingUserDep, User, UserDep
from samen_portal.handlers.school_names import school_names


class InvitingRefused(Exception):
    """Inviting a whole school's parents is for its IB and director."""


def parents_evening_router(deps: Deps) -> APIRouter:
    router = APIRouter(include_in_schema=False)

    async def allowed(request: Request, user: User) -> None:
        if not may_invite_parents(user.viewer):
            await refusal_book_of(request).forbidden(request)
            raise InvitingRefused()

    async def schools(user: User) -> list[dict[str, str]]:
        found = sorted(UUID(s) for s in user.viewer.principal.schools if is_uuid(s))
        names = await school_names(deps.services, user.token, found)
        return [{"id": str(s), "text": school_name(s, names)} for s in found]

    async def groups(user: User) -> frozenset[tuple[str, str]]:
        """(school, group) of the user's schools, from the read model's roster."""
        async with deps.sessions() as session:
            found = await ReadModel(session).groups(reach(user.viewer))
        mine = user.viewer.principal.schools
        return frozenset((str(s), g) for s, g in found if str(s) in mine)

    def group_options(user: User, offered: frozenset[tuple[str, str]]) -> list[dict[str, str]]:
        several = len(user.viewer.principal.schools) > 1
        return [
            {"id": g, "text": f"groep {g}" + (f" (school {short(s)})" if several else "")}
            for s, g in sorted(offered)
        ]

    @router.get("/ouderavond", response_class=HTMLResponse)
    async def form(request: Request, user: UserDep) -> Response:
        await allowed(request, user)
        return deps.pages.page(
            "parents_evening.html",
            user,
            title="Ouders uitnodigen voor een ouderavond",
            active="ouderavond",
            schools=await schools(user),
            groups=group_options(user, await groups(user)),
        )

    @router.post("/ouderavond")
    async def invite(request: Request, user: PostingUserDep) -> Response:
        await allowed(request, user)
        today = deps.clock.now().astimezone(AMSTERDAM).date()
        try:
            fields = await form_fields(request)
            body = invitation_body(fields, user.viewer.principal.schools, await groups(user), today)
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
