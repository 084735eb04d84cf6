"""Staff routes: ask consent, stop a request, record a pupil's answer, read the evidence."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from fastapi import APIRouter, Request, status
from fastapi.responses import HTMLResponse

from samen_consent.domain.evidence import Act
from samen_consent.entrypoints import schemas as s
from samen_consent.entrypoints.permissions import (
    CanCancel,
    CanReadEvidence,
    CanReadRequests,
    CanRecordPupilAnswer,
    CanRequest,
)
from samen_consent.entrypoints.presenters import evidence_out, request_out
from samen_consent.entrypoints.receipts import receipt_page
from samen_consent.entrypoints.wiring import CtxDep, PagesDep
from samen_consent.handlers import queries, requests
from samen_consent.handlers.requests import PupilAnswer

router = APIRouter(prefix="/v1", tags=["requests"])


@router.post("/requests", response_model=s.RequestOut, status_code=status.HTTP_201_CREATED)
async def post_request(body: s.RequestIn, staff: CanRequest, ctx: CtxDep) -> Any:
    """Ask consent for one pupil and purpose. The guardians with parental authority are
    asked (and, for an assessment, the pupil from 12; from 16 the pupil alone)."""
    stored = await requests.request_consent(ctx, staff, body.pupil_id, body.purpose)
    return request_out(stored, ctx.now())


@router.get("/requests/{request_id}", response_model=s.RequestOut)
async def get_request(request_id: UUID, staff: CanReadRequests, ctx: CtxDep) -> Any:
    return request_out(await queries.request_view(ctx, staff, request_id), ctx.now())


@router.post("/requests/{request_id}/cancel", response_model=s.RequestOut)
async def cancel_request(request_id: UUID, staff: CanCancel, ctx: CtxDep) -> Any:
    """Stop an open request (asked by mistake, or circumstances changed); ask again later."""
    return request_out(await requests.cancel_request(ctx, staff, request_id), ctx.now())


@router.post("/requests/{request_id}/pupil-answers", response_model=s.RequestOut)
async def record_pupil_answer(
    request_id: UUID, body: s.PupilAnswerIn, staff: CanRecordPupilAnswer, ctx: CtxDep
) -> Any:
    """The IB records what the pupil said in a conversation, as witness (assessment)."""
    said = PupilAnswer(Act(body.act), body.language)
    return request_out(await requests.record_pupil_answer(ctx, staff, request_id, said), ctx.now())


@router.get("/requests/{request_id}/evidence", response_model=list[s.EvidenceOut])
async def list_evidence(request_id: UUID, staff: CanReadEvidence, ctx: CtxDep) -> Any:
    """Every answer and withdrawal: who, when, how, and which words were shown."""
    return [evidence_out(row) for row in await queries.request_evidence(ctx, staff, request_id)]


@router.get("/evidence/{evidence_id}/receipt")
async def get_receipt(evidence_id: UUID, staff: CanReadEvidence, ctx: CtxDep) -> Any:
    """The consent receipt (JSON) with its digest, to keep or to hand over."""
    return (await queries.staff_receipt(ctx, staff, evidence_id)).document


@router.get("/evidence/{evidence_id}/receipt.html", response_class=HTMLResponse)
async def get_receipt_page(
    evidence_id: UUID, request: Request, staff: CanReadEvidence, ctx: CtxDep, pages: PagesDep
) -> HTMLResponse:
    """The same receipt as a readable page (Dutch)."""
    receipt = await queries.staff_receipt(ctx, staff, evidence_id)
    return receipt_page(
        pages, request, "nl", [receipt.document], back=None, token=None, picker=False
    )
