"""The staff pages: *Te doen*, *Leerlingen*, *Leerling* (live) and its actions."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response, StreamingResponse
from samen_kit.access.refusal_book import refusal_book_of
from samen_kit.clock import Clock
from samen_kit.deadlines import local_date
from samen_kit.problems import Invalid
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from samen_portal.adapters.corrections import CorrectionRequests
from samen_portal.adapters.live import LiveHub
from samen_portal.adapters.readmodel import PupilRow, ReadModel
from samen_portal.adapters.services import Services, ServiceUnavailable
from samen_portal.domain.actions import DURATIONS, MEETING_KINDS, REQUEST_KINDS
from samen_portal.domain.participants import ROLE_NAMES, field_name, needs_text
from samen_portal.domain.scope import may_see, reach
from samen_portal.entrypoints import presenting
from samen_portal.entrypoints.correction_views import ANSWERING, CorrectionView, correction_views
from samen_portal.entrypoints.forms import form_fields
from samen_portal.entrypoints.presenting import DONE
from samen_portal.entrypoints.render import Pages
from samen_portal.entrypoints.signin import PostingUserDep, User, UserDep, person_id
from samen_portal.handlers.participants import staff_choices
from samen_portal.handlers.school_names import school_names
from samen_portal.handlers.views import record_view

_HEARTBEAT_SECONDS = 15.0
_PURPOSE = re.compile(r"^[a-z][a-z0-9_]{0,63}$")


class PupilRefused(Exception):
    """A pupil out of the user's reach (another group, school or board)."""


class PupilUnknown(Exception):
    """No such pupil in the user's tenant (the same answer for another tenant's)."""


@dataclass(frozen=True)
class Deps:
    sessions: async_sessionmaker[AsyncSession]
    services: Services
    live: LiveHub
    pages: Pages
    clock: Clock


VisiblePupil = Callable[[Request, User, UUID], Awaitable[PupilRow]]


def pupil_guard(deps: Deps) -> VisiblePupil:
    """The pupil, when the user may see them; a refusal (counted) or not found else."""

    async def visible_pupil(request: Request, user: User, pupil_id: UUID) -> PupilRow:
        async with deps.sessions() as session:
            found = await ReadModel(session).pupil(user.viewer.tenant, pupil_id)
        if found is None:
            raise PupilUnknown()
        if not may_see(user.viewer, found.place):
            await refusal_book_of(request).forbidden(request)
            raise PupilRefused()
        return found

    return visible_pupil


def pages_router(deps: Deps, visible_pupil: VisiblePupil) -> APIRouter:
    router = APIRouter(include_in_schema=False)
    pages = deps.pages

    async def facts_context(user: User, pupil_id: UUID) -> dict[str, Any]:
        async with deps.sessions() as session:
            model = ReadModel(session)
            facts = await model.facts(user.viewer.tenant, pupil_id)
            items = await model.open_items(reach(user.viewer), pupil_id=pupil_id)
        return {
            "areas": presenting.areas(facts),
            "items": presenting.items(items),
            "meetings": presenting.open_meetings(facts),
        }

    @router.get("/")
    async def home() -> Response:
        return RedirectResponse("/te-doen", status_code=303)

    @router.get("/afgemeld", response_class=HTMLResponse)
    async def signed_out(fout: int = 0) -> Response:
        text = (
            "Aanmelden is niet gelukt. Probeer het nog eens."
            if fout
            else "U bent afgemeld. Tot ziens!"
        )
        link = {"href": "/aanmelden", "text": "Opnieuw aanmelden"}
        return pages.page("message.html", None, title="Afgemeld", text=text, link=link)

    @router.get("/te-doen", response_class=HTMLResponse)
    async def worklist(user: UserDep) -> Response:
        async with deps.sessions() as session:
            rows = await ReadModel(session).open_items(reach(user.viewer))
        names = await school_names(deps.services, user.token, {r.school_id for r in rows})
        items = presenting.items(rows, names, today=local_date(deps.clock.now()))
        return pages.page("worklist.html", user, title="Te doen", active="te-doen", items=items)

    async def pupil_list(user: User, query: str) -> list[dict[str, Any]]:
        async with deps.sessions() as session:
            rows = await ReadModel(session).pupils(reach(user.viewer), starting=query.lower())
        return [
            {"pupil_id": r.pupil_id, "short": presenting.short(r.pupil_id), "group": r.group}
            for r in rows
        ]

    Search = Annotated[str, Query(alias="zoek", max_length=36, pattern=r"^[0-9a-fA-F-]*$")]

    @router.get("/leerlingen", response_class=HTMLResponse)
    async def pupils(user: UserDep, query: Search = "") -> Response:
        found = await pupil_list(user, query)
        return pages.page(
            "pupils.html",
            user,
            title="Leerlingen",
            active="leerlingen",
            pupils=found,
            query=query,
        )

    @router.get("/leerlingen/lijst", response_class=HTMLResponse)
    async def pupils_fragment(user: UserDep, query: Search = "") -> Response:
        html = pages.render("_pupil_list.html", pupils=await pupil_list(user, query))
        return HTMLResponse(html)

    @router.get("/leerlingen/{pupil_id}", response_class=HTMLResponse)
    async def pupil(
        request: Request,
        pupil_id: UUID,
        user: UserDep,
        gevraagd: str | None = None,
        gedaan: str | None = None,
    ) -> Response:
        found = await visible_pupil(request, user, pupil_id)
        await record_view(deps.sessions, user.viewer, found, deps.clock.now())
        (roster, purposes), people, names = await asyncio.gather(
            _roster_and_purposes(deps.services, user, pupil_id),
            staff_choices(deps.services, user.token, found.school_id, user.viewer.role.value),
            school_names(deps.services, user.token, [found.school_id]),
        )
        notice = "De vraag om toestemming is verstuurd naar de ouders." if gevraagd else None
        notice = DONE.get(gedaan or "", notice)
        return pages.page(
            "pupil.html",
            user,
            title=f"Leerling {presenting.short(pupil_id)}",
            active="leerlingen",
            pupil_id=pupil_id,
            school=presenting.school_name(found.school_id, names),
            group=found.group,
            roster=roster,
            purposes=purposes,
            notice=notice,
            meeting_kinds=MEETING_KINDS,
            meeting_needs={kind: needs_text(kind) for kind in MEETING_KINDS},
            participants=people,
            role_names=ROLE_NAMES,
            field_name=field_name,
            me=person_id(user),
            durations=DURATIONS,
            request_kinds=REQUEST_KINDS,
            corrections=await _corrections(deps, user, pupil_id),
            may_answer=user.viewer.role in ANSWERING,
            **await facts_context(user, pupil_id),
        )

    @router.get("/leerlingen/{pupil_id}/feiten", response_class=HTMLResponse)
    async def pupil_facts(request: Request, pupil_id: UUID, user: UserDep) -> Response:
        await visible_pupil(request, user, pupil_id)
        context = await facts_context(user, pupil_id)
        html = pages.render("_pupil_facts.html", user=user, **context)
        return HTMLResponse(html)

    @router.get("/leerlingen/{pupil_id}/live")
    async def pupil_live(request: Request, pupil_id: UUID, user: UserDep) -> Response:
        await visible_pupil(request, user, pupil_id)

        async def stream() -> AsyncIterator[bytes]:
            with deps.live.listen(user.viewer.tenant, pupil_id) as queue:
                yield b"retry: 3000\n\n"
                while not await request.is_disconnected():
                    try:
                        await asyncio.wait_for(queue.get(), timeout=_HEARTBEAT_SECONDS)
                    except TimeoutError:
                        yield b": still here\n\n"
                        continue
                    yield b"event: changed\ndata: {}\n\n"

        headers = {"Cache-Control": "no-store", "X-Accel-Buffering": "no"}
        return StreamingResponse(stream(), media_type="text/event-stream", headers=headers)

    @router.post("/leerlingen/{pupil_id}/toestemming")
    async def ask_consent(request: Request, pupil_id: UUID, user: PostingUserDep) -> Response:
        purpose = (await form_fields(request)).get("purpose", "")
        if not _PURPOSE.fullmatch(purpose):
            raise Invalid("Kies een doel uit de lijst.")
        await visible_pupil(request, user, pupil_id)
        body = {"pupil_id": str(pupil_id), "purpose": purpose}
        answer = await deps.services.call("consent", "POST", "/v1/requests", user.token, body)
        if not answer.ok:
            return pages.page(
                "message.html",
                user,
                status=answer.status if answer.status >= 400 else 502,
                title="Toestemming vragen is niet gelukt",
                text=_consent_refusal(answer.status),
                link={"href": f"/leerlingen/{pupil_id}", "text": "Terug naar de leerling"},
            )
        return RedirectResponse(f"/leerlingen/{pupil_id}?gevraagd=1", status_code=303)

    return router


async def _corrections(deps: Deps, user: User, pupil_id: UUID) -> list[CorrectionView]:
    async with deps.sessions() as session:
        rows = await CorrectionRequests(session).of_pupil(user.viewer.tenant, pupil_id)
    return correction_views(rows, local_date(deps.clock.now()))


def _consent_refusal(status: int) -> str:
    if status == 403:
        return "U mag voor deze leerling geen toestemming vragen."
    if status == 409:
        return "Er loopt al een vraag om toestemming voor dit doel."
    return "De vraag kon niet worden verstuurd. Kijk of het doel klopt en probeer het opnieuw."


async def _roster_and_purposes(
    services: Services, user: User, pupil_id: UUID
) -> tuple[dict[str, Any] | None, list[dict[str, str]]]:
    """What the consent service tells this user about the pupil and its purposes; the
    page shows without them when the service is away."""
    roster: dict[str, Any] | None = None
    purposes: list[dict[str, str]] = []
    try:
        pupil, offered = await asyncio.gather(
            services.call("consent", "GET", f"/v1/pupils/{pupil_id}", user.token),
            services.call("consent", "GET", "/v1/purposes", user.token),
        )
    except ServiceUnavailable:
        return None, []
    if pupil.ok and isinstance(pupil.body, dict):
        guardians = [g for g in pupil.body.get("guardians", []) if g.get("current", True)]
        roster = {
            "birth_date": pupil.body.get("birth_date", ""),
            "enrolled_on": pupil.body.get("enrolled_on", ""),
            "guardians": f"{len(guardians)} vastgelegd",
        }
    if offered.ok and isinstance(offered.body, list):
        for purpose in offered.body:
            texts = {t["language"]: t["title"] for t in purpose.get("texts", [])}
            purposes.append({"code": purpose["code"], "title": texts.get("nl", purpose["code"])})
    return roster, purposes
