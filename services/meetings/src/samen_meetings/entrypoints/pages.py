"""Parent pages: an invitation to answer, a record to read, acknowledge and comment on.

Reading a record and acting on it are sensitive: they ask for a step-up code first
(ADR 0012); an invitation is not. Server-rendered with the kit's renderer (Dutch
first, the parent's language beside it), no JavaScript needed. Opening a link (GET)
never uses its token up; the first POST exchanges it for a one-hour session cookie
(the access kit), and the page then redirects to itself (303) so a reload sends
nothing twice.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlencode
from uuid import UUID

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse
from samen_kit.access import GuardianDep, GuardianSession, GuardianSessionDep
from samen_kit.access.step_up_gate import require_step_up
from samen_kit.pages import NAMES, PageRenderer, TimeSpan, choose_language, language_of

from samen_meetings.adapters.mapping import participant_of
from samen_meetings.domain.errors import MeetingsError
from samen_meetings.domain.invitation import Answer
from samen_meetings.entrypoints.deps import Ctx
from samen_meetings.entrypoints.ical import CONTENT_TYPE, PHRASES, meeting_calendar
from samen_meetings.handlers import parents
from samen_meetings.handlers.context import Context

INVITATIONS = "/ouders/gesprekken"
RECORDS = "/ouders/verslagen"
ANSWERS = tuple(answer.value for answer in Answer)
DONE = ("acknowledged", "commented")
PROBLEMS = ("invitation-closed", "empty-comment", "text-too-long", "answer-missing")
router = APIRouter(tags=["parent pages"], include_in_schema=True)


def renderer() -> PageRenderer:
    return PageRenderer("samen_meetings", "entrypoints/templates", PHRASES)


def render(request: Request, name: str, status_code: int = 200, **values: Any) -> HTMLResponse:
    pages: PageRenderer = request.app.state.meetings_pages
    language = language_of(request, asked=values.pop("asked", None))
    return pages.render(request, name, language=language, status_code=status_code, **values)


async def form_of(request: Request) -> dict[str, str]:
    fields = parse_qs((await request.body()).decode("utf-8", errors="replace"))
    return {name: values[0] for name, values in fields.items() if values}


def _back(path: str, form: dict[str, str], **query: str) -> RedirectResponse:
    """After a form: back to the page (303), in the language the parent read it in."""
    pairs = urlencode({**query, "taal": choose_language(form.get("taal"))})
    return RedirectResponse(f"{path}?{pairs}", status_code=303)


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
        return _invitation(
            request, view, None, problem="answer-missing", status_code=422, form=form
        )
    try:
        await parents.answer(ctx, guardian, meeting_id, choice, form.get("note", ""))
    except MeetingsError as error:
        view = await parents.invitation(ctx, guardian, meeting_id)
        return _invitation(request, view, None, problem=_problem(error), status_code=409, form=form)
    return _back(f"{INVITATIONS}/{meeting_id}", form, beantwoord="1")


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
    problem: str | None = None,
    status_code: int = 200,
    form: dict[str, str] | None = None,
) -> HTMLResponse:
    row = view.meeting
    suffix = f"?token={token}" if token else ""
    language = row.interpreter_language if row.interpreter_needed else None
    return render(
        request,
        "invitation.html",
        status_code=status_code,
        asked=(form or {}).get("taal"),
        kind=row.kind,
        span=TimeSpan(row.starts_at, row.ends_at),
        location=row.location_kind,
        interpreter=NAMES.get(language or "", language) if language else None,
        status=row.status,
        calendar_url=f"{INVITATIONS}/{row.meeting_id}/agenda.ics{suffix}",
        last_answer=view.answers[-1].answer if view.answers else None,
        open=row.status == "scheduled",
        answers=ANSWERS,
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
    require_step_up(request, guardian)  # after the checks: no code for a page one may not see
    done = request.query_params.get("klaar", "")
    token = request.query_params.get("token")
    return _record(request, view, token, done=done if done in DONE else None)


async def _stepped_up_form(
    record_id: UUID, request: Request, guardian: GuardianSession, ctx: Context
) -> dict[str, str]:
    """The posted form, once the guardian may read the record (one who may not gets no
    code) and has confirmed a step-up code for acting on it."""
    form = await form_of(request)
    await parents.record(ctx, guardian, record_id)
    require_step_up(request, guardian, _record_page(record_id, form))
    return form


@router.post(RECORDS + "/{record_id}/gelezen", response_class=HTMLResponse)
async def acknowledge_record(
    record_id: UUID, request: Request, guardian: GuardianSessionDep, ctx: Ctx
) -> Response:
    form = await _stepped_up_form(record_id, request, guardian, ctx)
    await parents.acknowledge(ctx, guardian, record_id)
    return _back(f"{RECORDS}/{record_id}", form, klaar="acknowledged")


@router.post(RECORDS + "/{record_id}/reactie", response_class=HTMLResponse)
async def comment_on_record(
    record_id: UUID, request: Request, guardian: GuardianSessionDep, ctx: Ctx
) -> Response:
    form = await _stepped_up_form(record_id, request, guardian, ctx)
    try:
        await parents.comment(ctx, guardian, record_id, form.get("text", ""))
    except MeetingsError as error:
        view = await parents.record(ctx, guardian, record_id)
        return _record(request, view, None, problem=_problem(error), status_code=422, form=form)
    return _back(f"{RECORDS}/{record_id}", form, klaar="commented")


def _record_page(record_id: UUID, form: dict[str, str]) -> str:
    return f"{RECORDS}/{record_id}?{urlencode({'taal': choose_language(form.get('taal'))})}"


def _record(
    request: Request,
    view: parents.RecordView,
    token: str | None,
    *,
    done: str | None = None,
    problem: str | None = None,
    status_code: int = 200,
    form: dict[str, str] | None = None,
) -> HTMLResponse:
    row, meeting = view.record, view.meeting
    base = f"{RECORDS}/{row.record_id}"
    return render(
        request,
        "record.html",
        status_code=status_code,
        asked=(form or {}).get("taal"),
        record=row,
        kind=meeting.kind,
        span=TimeSpan(meeting.starts_at, meeting.ends_at),
        attended=[participant_of(p).role.value for p in row.attended],
        agreements=view.agreements,
        acknowledged=view.acknowledged,
        comments=view.comments,
        acknowledge_action=f"{base}/gelezen",
        comment_action=f"{base}/reactie",
        token=token,
        done=done,
        problem=problem,
    )


def _problem(error: MeetingsError) -> str:
    return error.slug if error.slug in PROBLEMS else "other"


def not_found_page(request: Request) -> HTMLResponse:
    pages: PageRenderer = request.app.state.meetings_pages
    return pages.message(request, "kit_not_found_title", "kit_not_found", status_code=404)
