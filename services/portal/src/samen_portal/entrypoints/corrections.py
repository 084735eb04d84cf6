"""The school answers a guardian's correction request from the pupil page: corrected,
or refused with a reason the guardian reads on Mijn kind (AVG art. 16)."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from samen_kit.problems import Invalid

from samen_portal.domain.corrections import CorrectionInvalid, answered
from samen_portal.entrypoints.correction_views import ANSWERING
from samen_portal.entrypoints.forms import form_fields
from samen_portal.entrypoints.pages import Deps, VisiblePupil
from samen_portal.entrypoints.signin import PostingUserDep
from samen_portal.handlers.corrections import answer_correction

_INVALID = {
    "outcome": "Kies of het verbeterd is of niet.",
    "reason": "Schrijf op waarom het niet verbeterd wordt (hoogstens 2000 tekens). "
    "De ouder leest deze reden.",
}


class AnsweringRefused(Exception):
    """Only the school's support coordinator or director answers a correction request."""


def corrections_router(deps: Deps, visible: VisiblePupil) -> APIRouter:
    router = APIRouter(include_in_schema=False)

    @router.post("/leerlingen/{pupil_id}/correcties/{request_id}")
    async def answer(
        request: Request, pupil_id: UUID, request_id: UUID, user: PostingUserDep
    ) -> Response:
        fields = await form_fields(request)
        try:
            chosen = answered(fields.get("outcome"), fields.get("reason"))
        except CorrectionInvalid as error:
            raise Invalid(_INVALID[error.field]) from error
        pupil = await visible(request, user, pupil_id)
        if user.viewer.role not in ANSWERING:
            raise AnsweringRefused()
        actor = user.viewer.principal.actor
        await answer_correction(deps.sessions, pupil, request_id, chosen, actor, deps.clock.now())
        return RedirectResponse(f"/leerlingen/{pupil_id}?gedaan=correctie", status_code=303)

    return router
