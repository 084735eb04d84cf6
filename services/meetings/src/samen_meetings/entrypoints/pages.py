"""Parent pages: an invitation to answer, a record to read, acknowledge and comment on.

Server-rendered, no JavaScript needed. Opening a link (GET) never uses its token up;
the first POST exchanges it for a one-hour session cookie (the access kit), and the
page then redirects to itself (303) so a reload sends nothing twice.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import parse_qs
from uuid import UUID

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape
from samen_kit.access import GuardianDep, GuardianSessionDep

from samen_meetings.adapters.mapping import participant_of
from samen_meetings.domain.errors import MeetingsError
from samen_meetings.domain.invitation import Answer
from samen_meetings.entrypoints import page_texts as texts
from samen_meetings.entrypoints.deps import Ctx
from samen_meetings.entrypoints.ical import CONTENT_TYPE, meeting_calendar
from samen_meetings.entrypoints.labels import ANSWERS, KINDS, LOCATIONS, ROLES, STATUSES, both
from samen_meetings.handlers import parents

INVITATIONS = "/ouders/gesprekken"
RECORDS = "/ouders/verslagen"
router = APIRouter(tags=["parent pages"], include_in_schema=True)


def environment() -> Environment:
    folder = Path(__file__).with_name("templates")
    return Environment(loader=FileSystemLoader(folder), autoescape=select_autoescape(["html"]))


def render(request: Request, name: str, status_code: int = 200, **values: Any) -> HTMLResponse:
    env: Environment = request.app.state.meetings_pages
    return HTMLResponse(env.get_template(name).render(**values), status_code=status_code)


async def form_of(request: Request) -> dict[str, str]:
    fields = parse_qs((await request.body()).decode("utf-8", errors="replace"))
    return {name: values[0] for name, values in fields.items() if values}


# --- invitations --------------------------------------------------------------------------


@router.get(INVITATIONS + "/{meeting_id}", response_class=HTMLResponse)
async def invitation_page(
    meeting_id: UUID, request: Request, guardian: GuardianDep, ctx: Ctx
) -> HTMLResponse:
    view = await parents.invitation(ctx, guardian, meeting_id)
    answered = request.query_params.get("beantwoord") == "1"
    return _invitation(request, view, request.query_params.get("token"), answered=answered)


@router.post(INVITATIONS + "/{meeting_id}", response_class=HTMLResponse)
async def answer_invitation(
    meeting_id: UUID, request: Request, guardian: GuardianSessionDep, ctx: Ctx
) -> Response:
    form = await form_of(request)
    try:
        choice = Answer(form.get("answer", ""))
    except ValueError:
        view = await parents.invitation(ctx, guardian, meeting_id)
        missing = texts.PROBLEMS["answer-missing"]
        return _invitation(request, view, None, problem=missing, status_code=422)
    try:
        await parents.answer(ctx, guardian, meeting_id, choice, form.get("note", ""))
    except MeetingsError as error:
        view = await parents.invitation(ctx, guardian, meeting_id)
        return _invitation(request, view, None, problem=_problem(error), status_code=409)
    return RedirectResponse(f"{INVITATIONS}/{meeting_id}?beantwoord=1", status_code=303)


@router.get(INVITATIONS + "/{meeting_id}/agenda.ics", response_class=Response)
async def invitation_calendar(meeting_id: UUID, guardian: GuardianDep, ctx: Ctx) -> Response:
    view = await parents.invitation(ctx, guardian, meeting_id)
    return Response(meeting_calendar(view.meeting, ctx.now()), media_type=CONTENT_TYPE)


def _invitation(
    request: Request,
    view: parents.InvitationView,
    token: str | None,
    *,
    answered: bool = False,
    problem: dict[str, str] | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    row = view.meeting
    open_ = row.status == "scheduled"
    suffix = f"?token={token}" if token else ""
    last = view.answers[-1].answer if view.answers else None
    return render(
        request,
        "invitation.html",
        status_code=status_code,
        t=texts.INVITATION,
        kind=both(KINDS[row.kind]),
        when=texts.when_nl(row.starts_at, row.ends_at),
        location=both(LOCATIONS[row.location_kind]),
        interpreter=row.interpreter_language if row.interpreter_needed else None,
        status=both(STATUSES[row.status]),
        calendar_url=f"{INVITATIONS}/{row.meeting_id}/agenda.ics{suffix}",
        last_answer=both(ANSWERS[last]) if last else None,
        open=open_,
        answers=[(value, both(pair)) for value, pair in ANSWERS.items()],
        action=f"{INVITATIONS}/{row.meeting_id}",
        token=token,
        answered=answered,
        problem=problem,
    )


# --- records ------------------------------------------------------------------------------


@router.get(RECORDS + "/{record_id}", response_class=HTMLResponse)
async def record_page(
    record_id: UUID, request: Request, guardian: GuardianDep, ctx: Ctx
) -> HTMLResponse:
    view = await parents.record(ctx, guardian, record_id)
    done = texts.DONE.get(request.query_params.get("klaar", ""))
    return _record(request, view, request.query_params.get("token"), done=done)


@router.post(RECORDS + "/{record_id}/gelezen", response_class=HTMLResponse)
async def acknowledge_record(record_id: UUID, guardian: GuardianSessionDep, ctx: Ctx) -> Response:
    await parents.acknowledge(ctx, guardian, record_id)
    return RedirectResponse(f"{RECORDS}/{record_id}?klaar=acknowledged", status_code=303)


@router.post(RECORDS + "/{record_id}/reactie", response_class=HTMLResponse)
async def comment_on_record(
    record_id: UUID, request: Request, guardian: GuardianSessionDep, ctx: Ctx
) -> Response:
    form = await form_of(request)
    try:
        await parents.comment(ctx, guardian, record_id, form.get("text", ""))
    except MeetingsError as error:
        view = await parents.record(ctx, guardian, record_id)
        return _record(request, view, None, problem=_problem(error), status_code=422)
    return RedirectResponse(f"{RECORDS}/{record_id}?klaar=commented", status_code=303)


def _record(
    request: Request,
    view: parents.RecordView,
    token: str | None,
    *,
    done: dict[str, str] | None = None,
    problem: dict[str, str] | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    row, meeting = view.record, view.meeting
    base = f"{RECORDS}/{row.record_id}"
    agreements = [
        {
            "what": a.what,
            "who": both(ROLES[a.responsible_role]),
            "due_on": a.due_on.strftime("%d-%m-%Y"),
            "evaluate_on": a.evaluate_on.strftime("%d-%m-%Y"),
        }
        for a in view.agreements
    ]
    return render(
        request,
        "record.html",
        status_code=status_code,
        t=texts.RECORD,
        record=row,
        kind=both(KINDS[meeting.kind]),
        when=texts.when_nl(meeting.starts_at, meeting.ends_at),
        attended=[both(ROLES[participant_of(p).role.value]) for p in row.attended],
        agreements=agreements,
        acknowledged=view.acknowledged,
        comments=view.comments,
        acknowledge_action=f"{base}/gelezen",
        comment_action=f"{base}/reactie",
        token=token,
        done=done,
        problem=problem,
    )


def _problem(error: MeetingsError) -> dict[str, str]:
    return texts.PROBLEMS.get(error.code, texts.OTHER_PROBLEM)


def not_found_page(request: Request) -> HTMLResponse:
    return render(request, "message.html", 404, **texts.NOT_FOUND)
