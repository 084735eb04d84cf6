"""The inspectie's view: read-only pages per samenwerkingsverband and school with the
report's figures, the latest signed tree head, and the audit export with the command
that checks it offline.

The figures come from the portal's read model, as the overview's do (one rule for both,
and the page works when an owning service is away); what only an owning service knows
or signs is asked of it server-side with the inspectie's own token: the action parts in
force without consent (plans' report), the tree head, the export and the public key
(audit).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from samen_kit.access.refusal_book import refusal_book_of
from samen_kit.deadlines import local_date

from samen_portal.adapters.readmodel import ReadModel
from samen_portal.adapters.services import Services, ServiceUnavailable
from samen_portal.domain.inspectie import (
    KEY_FILE,
    Period,
    may_inspect,
    school_year,
    verify_command,
)
from samen_portal.domain.overview import KINDS, OverviewFact, SchoolFigures, overview
from samen_portal.domain.scope import reach
from samen_portal.entrypoints.overview import shown_count, shown_percent
from samen_portal.entrypoints.pages import Deps
from samen_portal.entrypoints.presenting import day, school_name, short
from samen_portal.entrypoints.signin import User, UserDep
from samen_portal.handlers.school_names import school_names

UNAVAILABLE = "niet beschikbaar"


class InspectieRefused(Exception):
    """The inspectie's pages are for the role inspectie."""


class SchoolUnknown(Exception):
    """No school with facts in the user's tenant (the same answer for another tenant's)."""


@dataclass(frozen=True)
class Figure:
    label: str
    shown: str


def figure_rows(figures: SchoolFigures, without_consent: int | None) -> list[Figure]:
    term = day(figures.next_dispute_term) if figures.next_dispute_term else "geen"
    return [
        Figure("Evaluaties met de ouders op tijd", shown_percent(figures.evaluations_on_time)),
        Figure("OPP binnen 6 weken", shown_percent(figures.opps_on_time)),
        Figure(
            "Handelingsdelen zonder toestemming",
            UNAVAILABLE if without_consent is None else str(without_consent),
        ),
        Figure("Open geschillen", shown_count(figures.open_disputes)),
        Figure("Eerstvolgende termijn van een geschil", term),
        Figure("Thuiszitters", shown_count(figures.thuiszitters)),
        Figure("Aanmeldingen op tijd beslist", shown_percent(figures.registrations_on_time)),
    ]


async def _without_consent(
    services: Services, user: User, period: Period, school_id: UUID | None
) -> dict[UUID, int] | None:
    """Per school, the action parts in force without consent (plans' report)."""
    query = f"from={period.start.isoformat()}&to={period.end.isoformat()}"
    if school_id is not None:
        query += f"&school_id={school_id}"
    try:
        answer = await services.call("plans", "GET", f"/reports/inspectie?{query}", user.token)
    except ServiceUnavailable:
        return None
    if not answer.ok or not isinstance(answer.body, dict):
        return None
    return {
        UUID(s["school_id"]): int(s["action_parts_in_force_without_consent"])
        for s in answer.body.get("schools", [])
    }


async def _tree_head(services: Services, user: User) -> dict[str, Any] | None:
    try:
        answer = await services.call("audit", "GET", "/audit/tree-heads/latest", user.token)
    except ServiceUnavailable:
        return None
    return answer.body if answer.ok and isinstance(answer.body, dict) else None


def inspectie_router(deps: Deps) -> APIRouter:
    router = APIRouter(include_in_schema=False)

    async def inspecting(request: Request, user: User) -> None:
        if not may_inspect(user.viewer):
            await refusal_book_of(request).forbidden(request)
            raise InspectieRefused()

    async def figures_of(user: User) -> list[SchoolFigures]:
        async with deps.sessions() as session:
            model = ReadModel(session)
            rows = await model.school_facts(reach(user.viewer), KINDS)
            schools = await model.schools(reach(user.viewer))
        return overview((OverviewFact(*row) for row in rows), schools)

    async def page(
        user: User, template: str, title: str, found: list[SchoolFigures], school: UUID | None
    ) -> Response:
        period = school_year(local_date(deps.clock.now()))
        without = await _without_consent(deps.services, user, period, school)
        names = await school_names(deps.services, user.token, [f.school_id for f in found])
        schools = [
            {
                "school_id": f.school_id,
                "name": school_name(f.school_id, names),
                "figures": figure_rows(f, None if without is None else without.get(f.school_id, 0)),
            }
            for f in found
        ]
        export = "/inspectie/export" + (f"?school={school}" if school else "")
        return deps.pages.page(
            template,
            user,
            title=title,
            active="inspectie",
            schools=schools,
            period={"start": day(period.start), "end": day(period.end)},
            tree_head=await _tree_head(deps.services, user),
            export=export,
            key_file=KEY_FILE,
            command=verify_command(user.viewer.tenant, period),
        )

    @router.get("/inspectie", response_class=HTMLResponse)
    async def tenant_page(request: Request, user: UserDep) -> Response:
        await inspecting(request, user)
        title = "Inspectie: het samenwerkingsverband"
        return await page(user, "inspectie.html", title, await figures_of(user), None)

    @router.get("/inspectie/scholen/{school_id}", response_class=HTMLResponse)
    async def school_page(request: Request, school_id: UUID, user: UserDep) -> Response:
        await inspecting(request, user)
        found = [f for f in await figures_of(user) if f.school_id == school_id]
        if not found:
            raise SchoolUnknown()
        names = await school_names(deps.services, user.token, [school_id])
        title = "Inspectie: " + (names.get(school_id) or f"school {short(school_id)}")
        return await page(user, "inspectie_school.html", title, found, school_id)

    @router.get("/inspectie/export")
    async def export(request: Request, user: UserDep, school: UUID | None = None) -> Response:
        """The audit log of the school year so far (one school's part when named), as the
        audit service signs it; this portal only hands it over."""
        await inspecting(request, user)
        period = school_year(local_date(deps.clock.now()))
        body: dict[str, Any] = {
            "period_from": period.start.isoformat(),
            "period_to": period.end.isoformat(),
        }
        if school is not None:
            body["school_id"] = str(school)
        found = await deps.services.download("audit", "POST", "/audit/exports", user.token, body)
        if not found.ok:
            raise ServiceUnavailable("audit")
        # The archive as audit signed it; only its name and export id travel with it.
        kept = {
            k: found.headers[k]
            for k in ("Content-Disposition", "X-Export-Id")
            if k in found.headers
        }
        return Response(found.content, media_type="application/zip", headers=kept)

    @router.get("/inspectie/sleutel")
    async def public_key(request: Request, user: UserDep) -> Response:
        await inspecting(request, user)
        answer = await deps.services.call("audit", "GET", "/audit/public-key", user.token)
        if not answer.ok or not isinstance(answer.body, dict):
            raise ServiceUnavailable("audit")
        pem = str(answer.body["public_key_pem"]).encode("ascii")
        headers = {"Content-Disposition": f'attachment; filename="{KEY_FILE}"'}
        return Response(pem, media_type="application/x-pem-file", headers=headers)

    return router
