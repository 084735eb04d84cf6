"""Staff routes for the OPP and its evaluation cycle, and a pupil as this service sees it."""

from __future__ import annotations

from uuid import UUID, uuid4

from fastapi import APIRouter, status

from samen_meetings.entrypoints.deps import CanRead, CanRegisterOpp, Ctx
from samen_meetings.entrypoints.presenters import opp_out, pupil_out
from samen_meetings.entrypoints.schemas import ActionPartIn, OppIn, OppOut, PupilOut
from samen_meetings.handlers import opps, views

router = APIRouter(tags=["opps"])


@router.post("/opps", status_code=status.HTTP_201_CREATED, response_model=OppOut)
async def register_opp(body: OppIn, staff: CanRegisterOpp, ctx: Ctx) -> OppOut:
    """Register the pupil's OPP; a previous one closes. Evaluations are meetings of kind
    `opp_evaluation`: their record moves the cycle on."""
    command = opps.RegisterOpp(
        uuid4(), body.pupil_id, body.started_on, body.action_part_version, body.parents_approved
    )
    row = await opps.register(ctx, staff, command)
    return opp_out(await views.opp(ctx, staff, row.opp_id))


@router.post("/opps/{opp_id}/action-part", response_model=OppOut)
async def revise_action_part(
    opp_id: UUID, body: ActionPartIn, staff: CanRegisterOpp, ctx: Ctx
) -> OppOut:
    """A new version of the action part, and whether the parents approved it."""
    await opps.revise_action_part(ctx, staff, opp_id, body.version, body.parents_approved)
    return opp_out(await views.opp(ctx, staff, opp_id))


@router.get("/opps", response_model=list[OppOut])
async def list_opps(staff: CanRead, ctx: Ctx, pupil_id: UUID | None = None) -> list[OppOut]:
    return [opp_out(o) for o in await views.opps(ctx, staff, pupil_id)]


@router.get("/opps/{opp_id}", response_model=OppOut)
async def get_opp(opp_id: UUID, staff: CanRead, ctx: Ctx) -> OppOut:
    """`contested`: a dispute about this OPP is open (see `dispute_ids`)."""
    return opp_out(await views.opp(ctx, staff, opp_id))


@router.get("/pupils/{pupil_id}", response_model=PupilOut)
async def get_pupil(pupil_id: UUID, staff: CanRead, ctx: Ctx) -> PupilOut:
    """Guardians, consents and OPPs as known here — what planning a meeting looks at."""
    return pupil_out(await views.pupil(ctx, staff, pupil_id))
