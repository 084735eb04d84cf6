"""Staff routes on OPPs: start, versions, offer, evaluations."""

from __future__ import annotations

import asyncio
from uuid import UUID

from fastapi import APIRouter, Response, status
from samen_kit.pages import Catalogue
from samen_kit.problems import staff_route_problems

from samen_plans.entrypoints.permissions import Reader, Registrar
from samen_plans.entrypoints.presenters import opp_out, summary, version_out
from samen_plans.entrypoints.printing import opp_pdf
from samen_plans.entrypoints.schemas import (
    EvaluationIn,
    EvaluationOut,
    Offered,
    OfferIn,
    OppOut,
    StartOppIn,
    VersionIn,
    VersionList,
    VersionOut,
    VersionWritten,
)
from samen_plans.handlers import opps, views
from samen_plans.handlers.context import Context

PROBLEMS = staff_route_problems(
    forbidden="The role may not",
    not_found="No such OPP, version or pupil, or not the caller's",
    conflict="Not possible in this state (an open OPP, a version not latest...)",
    invalid="Malformed, or dates that do not fit",
)


def opps_router(deps: Context, catalogue: Catalogue) -> APIRouter:
    router = APIRouter(tags=["opps"], responses=PROBLEMS)

    @router.post("/opps", status_code=status.HTTP_201_CREATED)
    async def start_opp(staff: Registrar, body: StartOppIn, response: Response) -> OppOut:
        """Extra support started: the OPP is due within 6 weeks (`SupportStarted`)."""
        command = opps.StartOpp(body.opp_id, body.pupil_id, body.support_started_on)
        row = await opps.start_opp(deps, staff, command)
        response.headers["Location"] = f"/opps/{row.opp_id}"
        return opp_out(await views.opp_file(deps, staff, row.opp_id))

    @router.get("/opps/{opp_id}")
    async def get_opp(staff: Reader, opp_id: UUID) -> OppOut:
        return opp_out(await views.opp_file(deps, staff, opp_id))

    @router.get("/pupils/{pupil_id}/opp")
    async def open_opp(staff: Reader, pupil_id: UUID) -> OppOut:
        """The pupil's open OPP."""
        return opp_out(await views.open_opp_of_pupil(deps, staff, pupil_id))

    @router.post("/opps/{opp_id}/versions", status_code=status.HTTP_201_CREATED)
    async def write_version(staff: Registrar, opp_id: UUID, body: VersionIn) -> VersionWritten:
        """A new version of the basis and the action part; earlier ones stay readable."""
        written = await opps.write_version(
            deps, staff, opp_id, body.basis.domain(), body.action_part.domain()
        )
        return VersionWritten(
            version=written.version, action_part_sha256=written.action_part_sha256
        )

    @router.get("/opps/{opp_id}/versions")
    async def list_versions(staff: Reader, opp_id: UUID) -> VersionList:
        file = await views.opp_file(deps, staff, opp_id)
        return VersionList(items=[summary(v) for v in file.versions])

    @router.get("/opps/{opp_id}/versions/{version}")
    async def get_version(staff: Reader, opp_id: UUID, version: int) -> VersionOut:
        return version_out(await views.version_file(deps, staff, opp_id, version))

    @router.get(
        "/opps/{opp_id}/versions/{version}/pdf",
        response_class=Response,
        responses={200: {"content": {"application/pdf": {}}}},
    )
    async def version_pdf(staff: Reader, opp_id: UUID, version: int) -> Response:
        """The version with its consent receipt, to print or to file."""
        file = await views.version_file(deps, staff, opp_id, version)
        pdf = await asyncio.to_thread(opp_pdf, file, catalogue)
        name = f"opp-{opp_id}-versie-{version}.pdf"
        headers = {"Content-Disposition": f'attachment; filename="{name}"'}
        return Response(pdf, media_type="application/pdf", headers=headers)

    @router.post("/opps/{opp_id}/versions/{version}/offer", status_code=status.HTTP_202_ACCEPTED)
    async def offer(
        staff: Registrar, opp_id: UUID, version: int, body: OfferIn | None = None
    ) -> Offered:
        """Put the latest version's action part to the parents for consent
        (`ActionPartOffered`; the consent service asks them)."""
        answer_by = body.answer_by if body else None
        written = await opps.offer_version(deps, staff, opp_id, version, answer_by)
        return Offered(
            version=written.version,
            action_part_sha256=written.action_part_sha256,
            answer_by=written.answer_by,
        )

    @router.post("/opps/{opp_id}/evaluations", status_code=status.HTTP_201_CREATED)
    async def evaluate(staff: Registrar, opp_id: UUID, body: EvaluationIn) -> EvaluationOut:
        """Held with the parents only when a guardian took part or declined (recorded)."""
        command = opps.RecordEvaluation(
            opp_id, body.held_on, tuple(body.guardians_present), tuple(body.guardians_declined)
        )
        row, after = await opps.record_evaluation(deps, staff, command)
        return EvaluationOut(
            evaluation_id=row.evaluation_id,
            held_on=row.held_on,
            with_parents=row.with_parents,
            evaluation_due_on=after.evaluation_due_on,
        )

    return router
