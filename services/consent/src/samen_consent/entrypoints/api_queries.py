"""Staff routes: "may we?" per pupil and purpose, and the lists per school."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Query

from samen_consent.domain.request import RequestState
from samen_consent.entrypoints import schemas as s
from samen_consent.entrypoints.permissions import (
    CanReadRequests,
    CanReadStatus,
    CanReadSupportNeeds,
)
from samen_consent.entrypoints.presenters import request_out, status_out, support_out
from samen_consent.entrypoints.wiring import CtxDep
from samen_consent.handlers import queries

router = APIRouter(prefix="/v1", tags=["queries"])

StatesQuery = Annotated[list[RequestState] | None, Query(alias="state")]
PurposeQuery = Annotated[str, Query(alias="purpose", pattern=r"^[a-z][a-z0-9_]{1,62}$")]


@router.get("/pupils/{pupil_id}/consents", response_model=list[s.StatusOut])
async def pupil_consents(pupil_id: UUID, staff: CanReadStatus, ctx: CtxDep) -> Any:
    """'May we?' for every purpose of the catalogue."""
    found = await queries.pupil_statuses(ctx, staff, pupil_id)
    return [status_out(pupil_id, code, status) for code, status in found.items()]


@router.get("/pupils/{pupil_id}/consents/{purpose}", response_model=s.StatusOut)
async def pupil_consent(pupil_id: UUID, purpose: str, staff: CanReadStatus, ctx: CtxDep) -> Any:
    """'May we?' for one purpose: allowed, until when, or why not."""
    found = await queries.pupil_statuses(ctx, staff, pupil_id, purpose)
    return status_out(pupil_id, purpose, found[purpose])


@router.get("/pupils/{pupil_id}/requests", response_model=list[s.RequestOut])
async def pupil_requests(pupil_id: UUID, staff: CanReadRequests, ctx: CtxDep) -> Any:
    now = ctx.now()
    return [request_out(r, now) for r in await queries.pupil_requests(ctx, staff, pupil_id)]


@router.get("/schools/{school_id}/requests", response_model=list[s.RequestOut])
async def school_requests(
    school_id: UUID,
    staff: CanReadRequests,
    ctx: CtxDep,
    states: StatesQuery = None,
    purpose: Annotated[str | None, Query(pattern=r"^[a-z][a-z0-9_]{1,62}$")] = None,
) -> Any:
    """The school's requests, newest first; filter by `state` (repeat) and `purpose`.
    The state filter applies to what is recorded (an expiry the sweep has yet to record
    still shows as open or given in the filter, and as expired in the document)."""
    found = await queries.school_requests(
        ctx, staff, school_id, states=[st.value for st in states or []], purpose_code=purpose
    )
    now = ctx.now()
    return [request_out(r, now) for r in found]


@router.get("/schools/{school_id}/consents", response_model=list[s.StatusOut])
async def school_consents(
    school_id: UUID, purpose: PurposeQuery, staff: CanReadStatus, ctx: CtxDep
) -> Any:
    """'May we?' for one purpose, for every pupil of the school."""
    found = await queries.school_consents(ctx, staff, school_id, purpose)
    return [status_out(pupil_id, purpose, status) for pupil_id, status in found]


@router.get("/schools/{school_id}/support-needs", response_model=list[s.SupportNeedsOut])
async def school_support_needs(school_id: UUID, staff: CanReadSupportNeeds, ctx: CtxDep) -> Any:
    """What guardians said they need themselves, newest first (with their notes)."""
    return [support_out(row) for row in await queries.school_support_needs(ctx, staff, school_id)]
