"""The timers: a granted request's end approaching, a registration overdue, a pupil at
home longer than four weeks. Each item is re-checked under its row lock and written
with a deterministic id, so sweeps on several instances write each event once."""

from collections.abc import Callable
from datetime import date, timedelta
from uuid import UUID

from samen_contract import Event
from samen_contract.events import admissions as ev
from samen_kit.db import unit_of_work
from samen_kit.deadlines import local_date
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from samen_admissions.adapters.requests import Row, SqlRows
from samen_admissions.adapters.tables import AbsenceRow, RegistrationRow, RequestRow
from samen_admissions.domain import care, timers
from samen_admissions.domain.codes import Status
from samen_admissions.domain.terms import THUISZITTER_WEEKS
from samen_admissions.handlers.context import Deps
from samen_admissions.handlers.emitting import emit_for, request_ids

ACTOR = "system:admissions.timers"

# What a timer writes for an item: the event and its deterministic id.
Due = tuple[Event, UUID]


async def sweep(deps: Deps, *, warning_weeks: int) -> int:
    """Emit what is due now; the number of events written."""
    today = local_date(deps.clock.now())
    async with deps.sessions() as session:
        rows = SqlRows(session)
        ending = await rows.granted_ending_by(today + timedelta(weeks=warning_weeks))
        overdue = await rows.undecided_registrations_due_before(today)
        home = await rows.unreported_absences_since(today - timedelta(weeks=THUISZITTER_WEEKS))
    written = 0
    for request in ending:
        written += await _end_warning(deps, request.id, warning_weeks)
    for registration in overdue:
        written += await _overdue(deps, registration.id)
    for absence in home:
        written += await _thuiszitter(deps, absence.id)
    return written


async def _locked(session: AsyncSession, model: type[Row], row_id: UUID) -> Row | None:
    """Across tenants: the timers act for every tenant."""
    stmt = select(model).where(col(model.id) == row_id).with_for_update()
    return (await session.execute(stmt)).scalar_one_or_none()


async def _end_warning(deps: Deps, request_id: UUID, warning_weeks: int) -> int:
    def due(row: RequestRow, today: date) -> Due | None:
        if row.status != Status.GRANTED or not row.end_date:
            return None
        if not timers.end_warning_due(row.end_date, today, warning_weeks):
            return None
        event = ev.AdmissionEndApproaching(**request_ids(row), kind=row.kind, end_date=row.end_date)
        return event, timers.end_warning_id(row.id, row.end_date)

    return await _fire(deps, RequestRow, request_id, due)


async def _overdue(deps: Deps, registration_id: UUID) -> int:
    def due(row: RegistrationRow, today: date) -> Due | None:
        registration = care.Registration(row.registered_on, row.extended)
        if row.outcome is not None or not care.overdue(registration, today):
            return None
        event = ev.RegistrationOverdue(
            registration_id=row.id,
            pupil_id=row.pupil_id,
            school_id=row.school_id,
            decide_by=row.decide_by,
        )
        return event, timers.overdue_id(row.id, row.decide_by)

    return await _fire(deps, RegistrationRow, registration_id, due)


async def _thuiszitter(deps: Deps, absence_id: UUID) -> int:
    def due(row: AbsenceRow, today: date) -> Due | None:
        if row.reported_on is not None:
            return None
        if not care.is_thuiszitter(row.home_since, row.ended_on, today):
            return None
        row.reported_on = today
        event = ev.ThuiszitterReported(
            absence_id=row.id,
            pupil_id=row.pupil_id,
            school_id=row.school_id,
            home_since=row.home_since,
            reported_on=today,
        )
        return event, timers.thuiszitter_id(row.id)

    return await _fire(deps, AbsenceRow, absence_id, due)


async def _fire(
    deps: Deps, model: type[Row], row_id: UUID, due: Callable[[Row, date], Due | None]
) -> int:
    """One timer's item: `due` looks at the locked row and says what to write, and with
    which deterministic id; 1 when it was written."""
    now = deps.clock.now()
    async with unit_of_work(deps.sessions) as session:
        row = await _locked(session, model, row_id)
        fired = None if row is None else due(row, local_date(now))
        if row is None or fired is None:
            return 0
        event, event_id = fired
        written = await emit_for(
            session, deps.writer, row, event, actor=ACTOR, at=now, event_id=event_id
        )
        return int(written is not None)
