"""Actions from the pupil page, each through the owning service's API with the user's
own token: plan a meeting (with an interpreter), write its record, draft an OPP,
submit a request to the samenwerkingsverband; and mark a parent's item done."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from samen_kit.problems import Invalid

from samen_portal.adapters.readmodel import ReadModel
from samen_portal.adapters.services import Answer, ServiceUnavailable
from samen_portal.domain.actions import (
    ActionInvalid,
    meeting_body,
    opp_body,
    record_body,
    request_body,
)
from samen_portal.domain.meeting_problems import meeting_refusal
from samen_portal.entrypoints.forms import form_fields
from samen_portal.entrypoints.pages import Deps, VisiblePupil
from samen_portal.entrypoints.presenting import CLOSABLE
from samen_portal.entrypoints.signin import PostingUserDep, User, person_id

_FAILED = {
    403: "U mag dit niet doen voor deze leerling.",
    404: "Dit is niet (meer) te vinden.",
    409: "Dit kan nu niet: het is al gedaan, of er moet eerst iets anders gebeuren.",
    422: "De gegevens kloppen niet. Kijk ze na en probeer het opnieuw.",
}


def actions_router(deps: Deps, visible: VisiblePupil) -> APIRouter:
    router = APIRouter(include_in_schema=False)

    async def act(
        request: Request,
        user: User,
        pupil_id: UUID,
        build: Callable[[dict[str, str]], dict[str, Any]],
        service: str,
        path: str,
        explain: Callable[[Any], str | None] = lambda _: None,
    ) -> Answer | Response:
        try:
            body = build(await form_fields(request))
        except ActionInvalid as error:
            raise Invalid(str(error)) from error
        await visible(request, user, pupil_id)
        try:
            answer = await deps.services.call(service, "POST", path, user.token, body)
        except ServiceUnavailable:
            return failed(user, pupil_id, None)
        if answer.ok:
            return answer
        return failed(user, pupil_id, answer.status, explain(answer.body))

    def failed(user: User, pupil_id: UUID, status: int | None, text: str | None = None) -> Response:
        if text is None:
            text = _FAILED.get(status or 0, "Dat is nu niet gelukt. Probeer het later opnieuw.")
        return deps.pages.page(
            "message.html",
            user,
            status=status if status and status >= 400 else 502,
            title="Niet gelukt",
            text=text,
            link={"href": f"/leerlingen/{pupil_id}", "text": "Terug naar de leerling"},
        )

    def done(pupil_id: UUID, what: str) -> Response:
        return RedirectResponse(f"/leerlingen/{pupil_id}?gedaan={what}", status_code=303)

    @router.post("/leerlingen/{pupil_id}/gesprek")
    async def plan_meeting(request: Request, pupil_id: UUID, user: PostingUserDep) -> Response:
        me, my_role = person_id(user), user.viewer.role.value
        answer = await act(
            request,
            user,
            pupil_id,
            lambda f: meeting_body(f, pupil_id, me, my_role),
            "meetings",
            "/meetings",
            meeting_refusal,
        )
        return answer if isinstance(answer, Response) else done(pupil_id, "gesprek")

    @router.post("/leerlingen/{pupil_id}/gesprek/{meeting_id}/verslag")
    async def write_record(
        request: Request, pupil_id: UUID, meeting_id: UUID, user: PostingUserDep
    ) -> Response:
        me = person_id(user)
        path = f"/meetings/{meeting_id}/record"
        answer = await act(request, user, pupil_id, lambda f: record_body(f, me), "meetings", path)
        return answer if isinstance(answer, Response) else done(pupil_id, "verslag")

    @router.post("/leerlingen/{pupil_id}/opp")
    async def draft_opp(request: Request, pupil_id: UUID, user: PostingUserDep) -> Response:
        answer = await act(
            request, user, pupil_id, lambda f: opp_body(f, pupil_id), "plans", "/opps"
        )
        return answer if isinstance(answer, Response) else done(pupil_id, "opp")

    @router.post("/leerlingen/{pupil_id}/aanvraag")
    async def submit_request(request: Request, pupil_id: UUID, user: PostingUserDep) -> Response:
        answer = await act(
            request,
            user,
            pupil_id,
            lambda f: request_body(f, pupil_id),
            "admissions",
            "/admission-requests",
        )
        if isinstance(answer, Response):
            return answer
        request_id = answer.body.get("id") if isinstance(answer.body, dict) else None
        if request_id is None:
            return failed(user, pupil_id, None)
        path = f"/admission-requests/{request_id}/submission"
        try:
            submitted = await deps.services.call("admissions", "POST", path, user.token)
        except ServiceUnavailable:
            return done(pupil_id, "concept")
        return done(pupil_id, "aanvraag" if submitted.ok else "concept")

    @router.post("/leerlingen/{pupil_id}/afgehandeld")
    async def item_done(request: Request, pupil_id: UUID, user: PostingUserDep) -> Response:
        fields = await form_fields(request)
        kind = next((k for k in CLOSABLE if k.value == fields.get("kind")), None)
        ref = fields.get("ref", "")
        if kind is None or not ref or len(ref) > 160:
            raise Invalid("Dit punt kunt u niet zelf afhandelen.")
        await visible(request, user, pupil_id)
        async with deps.sessions() as session, session.begin():
            await ReadModel(session).close_item(
                user.viewer.tenant, pupil_id, kind, ref, deps.clock.now()
            )
        return done(pupil_id, "afgehandeld")

    return router
