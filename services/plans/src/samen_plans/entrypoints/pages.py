"""Parent pages: server-rendered HTML with the kit's renderer, Dutch first and the
parent's language beside it, working without JavaScript.

A link (`?token=`) names a guardian, a pupil and an item: `opp:<id>` (or the
`consent_request:<id>` about one of its versions) to `/ouders/opp/<id>`, and
`groeidocument:<pupil id>` to `/ouders/groeidocument/<pupil id>`. Showing a page never
uses the link up; the first form sent exchanges it for a one-hour session cookie.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlencode
from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from samen_kit.access import GuardianDep, GuardianSessionDep
from samen_kit.access.step_up_gate import require_step_up
from samen_kit.pages import PageRenderer, choose_language, language_of

from samen_plans.domain.calendar import amsterdam_day
from samen_plans.entrypoints.sections import action_part_sections
from samen_plans.handlers import groeidocument, views
from samen_plans.handlers.context import Context

SEE_OTHER = 303
PHRASES = "samen_plans.entrypoints.phrases"
OPP = "/ouders/opp"
GROEIDOCUMENT = "/ouders/groeidocument"
MAX_TEXT = 5000


def renderer() -> PageRenderer:
    return PageRenderer("samen_plans", "entrypoints/templates", PHRASES)


async def _form(request: Request) -> dict[str, str]:
    fields = parse_qs((await request.body()).decode("utf-8", errors="replace"))
    return {name: values[0] for name, values in fields.items() if values}


def _opp_context(file: views.OppFile) -> dict[str, Any]:
    versions = list(file.versions)
    current = versions[-1] if versions else None
    return {
        "current": current,
        "status_key": f"opp_status_{file.opp.status}",
        "in_force": file.opp.set_version,
        "sections": action_part_sections(current.action_part) if current else [],
        "earlier": [
            {"version": v.version, "on": amsterdam_day(v.written_at)} for v in versions[:-1]
        ],
    }


def _entries(rows: Any) -> list[dict[str, Any]]:
    return [
        {
            "kind": f"gd_kind_{row.kind}",
            "by": f"gd_by_{row.by_role}",
            "on": amsterdam_day(row.added_at),
            "test_name": row.test_name,
            "taken_on": row.taken_on,
            "text": row.text,
        }
        for row in rows
    ]


def parent_router(deps: Context, pages: PageRenderer) -> APIRouter:
    router = APIRouter(tags=["parent pages"], default_response_class=HTMLResponse)

    @router.get(OPP + "/{opp_id}")
    async def opp_page(request: Request, claims: GuardianDep, opp_id: UUID) -> HTMLResponse:
        """The OPP's current version with its action part, its status, earlier versions."""
        file = await views.guardian_opp_file(deps, claims, opp_id)
        require_step_up(request, claims)  # reading the OPP is sensitive (ADR 0012)
        return pages.render(request, "opp.html", **_opp_context(file))

    @router.get(GROEIDOCUMENT + "/{pupil_id}")
    async def groeidocument_page(
        request: Request, claims: GuardianDep, pupil_id: UUID
    ) -> HTMLResponse:
        """The pupil's groeidocument, and a form for the parents' own view."""
        rows = await groeidocument.entries_for_guardian(deps, claims, pupil_id)
        return pages.render(
            request,
            "groeidocument.html",
            entries=_entries(rows),
            action=f"{GROEIDOCUMENT}/{pupil_id}",
            token=request.query_params.get("token"),
            problem=None,
        )

    @router.post(GROEIDOCUMENT + "/{pupil_id}")
    async def add_parents_view(
        request: Request, session: GuardianSessionDep, pupil_id: UUID
    ) -> Response:
        """Adds the parents' own view; an empty or too long text shows the form again
        (422), in the language the form was read in."""
        form = await _form(request)
        language = choose_language(form.get("taal"))
        text = form.get("text", "").strip()
        if not text or len(text) > MAX_TEXT:
            rows = await groeidocument.entries_for_guardian(deps, session, pupil_id)
            return pages.render(
                request,
                "groeidocument.html",
                language=language,
                status_code=422,
                entries=_entries(rows),
                action=f"{GROEIDOCUMENT}/{pupil_id}",
                token=None,
                problem="error_invalid",
            )
        await groeidocument.add_parents_view(deps, session, pupil_id, text)
        query = urlencode({"taal": language})
        return RedirectResponse(f"{GROEIDOCUMENT}/{pupil_id}?{query}", SEE_OTHER)

    return router


__all__ = ["language_of", "parent_router", "renderer"]
