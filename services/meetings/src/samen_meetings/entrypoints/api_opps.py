"""Staff read the OPPs known here (from the plans service's facts: the plans service owns
them and their evaluation cycle), and a pupil as this service sees it."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter

from samen_meetings.entrypoints.deps import CanRead, Ctx
from samen_meetings.entrypoints.presenters import opp_out, pupil_out
from samen_meetings.entrypoints.schemas import OppOut, PupilOut
from samen_meetings.handlers import views

router = APIRouter(tags=["opps"])


@router.get("/opps", response_model=list[OppOut])
async def list_opps(staff: CanRead, ctx: Ctx, pupil_id: UUID | None = None) -> list[OppOut]:
    """OPPs are started and written in the plans service; a meeting of kind
    `opp_evaluation` names one of these (`evaluates_opp_id`)."""
    return [opp_out(o) for o in await views.opps(ctx, staff, pupil_id)]


@router.get("/opps/{opp_id}", response_model=OppOut)
async def get_opp(opp_id: UUID, staff: CanRead, ctx: Ctx) -> OppOut:
    """`contested`: a dispute about this OPP is open (see `dispute_ids`)."""
    return opp_out(await views.opp(ctx, staff, opp_id))


@router.get("/pupils/{pupil_id}", response_model=PupilOut)
async def get_pupil(pupil_id: UUID, staff: CanRead, ctx: Ctx) -> PupilOut:
    """Guardians, consents and OPPs as known here — what planning a meeting looks at."""
    return pupil_out(await views.pupil(ctx, staff, pupil_id))
