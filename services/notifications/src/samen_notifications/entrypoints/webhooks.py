"""The SMS gateway's delivery reports (MessageBird calls the reportUrl with GET; a
POST with a form is read the same way). Answer 200 once recorded or when the report
is not ours (so the gateway stops retrying); 400 when it cannot be read or verified."""

from __future__ import annotations

from urllib.parse import parse_qsl

import structlog
from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse
from samen_kit.db import unit_of_work

from samen_notifications.adapters.ports import InvalidReport
from samen_notifications.entrypoints.deps import Ctx
from samen_notifications.handlers.context import Context

router = APIRouter(prefix="/v1/sms", tags=["webhooks"])
log = structlog.get_logger(__name__)
REPORTS_PATH = "/v1/sms/reports"


@router.get("/reports", response_class=PlainTextResponse)
async def sms_report(request: Request, ctx: Ctx) -> PlainTextResponse:
    """A status report, as the gateway sends it (query parameters)."""
    return await _record(request, ctx)


@router.post("/reports", response_class=PlainTextResponse)
async def sms_report_form(request: Request, ctx: Ctx) -> PlainTextResponse:
    """The same report as a form post."""
    return await _record(request, ctx)


async def _record(request: Request, ctx: Context) -> PlainTextResponse:
    body = await request.body()
    params = dict(request.query_params)
    if request.method == "POST" and body:
        params |= dict(parse_qsl(body.decode("utf-8", errors="replace")))
    try:
        report = ctx.sms.parse_report(params, dict(request.headers), body, url=str(request.url))
    except InvalidReport as error:
        log.warning("notifications.sms_report.refused", error=type(error).__name__)
        raise
    async with unit_of_work(ctx.sessions) as session:
        await ctx.reports.record(session, report, ctx.clock.now())
    return PlainTextResponse("OK")
