"""The duty of care: registrations (*aanmeldingen*) and pupils at home."""

from datetime import date
from uuid import UUID

from samen_contract.events import admissions as ev
from samen_kit.db import unit_of_work
from samen_kit.deadlines import local_date

from samen_admissions.adapters.requests import SqlRows
from samen_admissions.adapters.tables import AbsenceRow, RegistrationRow
from samen_admissions.domain import care
from samen_admissions.domain.codes import RegistrationOutcome
from samen_admissions.domain.errors import NotNow
from samen_admissions.handlers.access import new_row_about, pupil_for, row_for
from samen_admissions.handlers.context import Deps, StaffActing
from samen_admissions.handlers.emitting import emit_for


def _registration(row: RegistrationRow) -> care.Registration:
    outcome = RegistrationOutcome(row.outcome) if row.outcome else None
    return care.Registration(row.registered_on, row.extended, outcome, row.decided_on)


async def record_registration(
    deps: Deps, acting: StaffActing, pupil_id: UUID, registered_on: date
) -> UUID:
    now = deps.clock.now()
    registration = care.Registration(registered_on)
    async with unit_of_work(deps.sessions) as session:
        pupil = await pupil_for(session, acting, pupil_id)
        row = RegistrationRow(
            **new_row_about(pupil),
            registered_on=registered_on,
            decide_by=registration.decide_by,
        )
        SqlRows(session).add(row)
        event = ev.RegistrationRecorded(
            registration_id=row.id,
            pupil_id=row.pupil_id,
            school_id=row.school_id,
            registered_on=registered_on,
            decide_by=row.decide_by,
        )
        await emit_for(session, deps.writer, row, event, actor=acting.envelope_actor, at=now)
    return row.id


async def extend_registration(deps: Deps, acting: StaffActing, registration_id: UUID) -> None:
    now = deps.clock.now()
    async with unit_of_work(deps.sessions) as session:
        row = await row_for(
            session, acting, RegistrationRow, "registration", registration_id, lock=True
        )
        extended = care.extend_term(_registration(row))
        row.extended, row.decide_by = True, extended.decide_by
        event = ev.RegistrationTermExtended(
            registration_id=row.id,
            pupil_id=row.pupil_id,
            school_id=row.school_id,
            decide_by=row.decide_by,
        )
        await emit_for(session, deps.writer, row, event, actor=acting.envelope_actor, at=now)


async def decide_registration(
    deps: Deps, acting: StaffActing, registration_id: UUID, outcome: RegistrationOutcome
) -> None:
    now = deps.clock.now()
    async with unit_of_work(deps.sessions) as session:
        row = await row_for(
            session, acting, RegistrationRow, "registration", registration_id, lock=True
        )
        decided = care.decide(_registration(row), outcome, local_date(now))
        row.outcome, row.decided_on = outcome, decided.decided_on
        event = ev.RegistrationDecided(
            registration_id=row.id,
            pupil_id=row.pupil_id,
            school_id=row.school_id,
            outcome=outcome,
            decided_on=local_date(now),
            in_time=care.in_time(decided),
        )
        await emit_for(session, deps.writer, row, event, actor=acting.envelope_actor, at=now)


async def record_absence(deps: Deps, acting: StaffActing, pupil_id: UUID, home_since: date) -> UUID:
    now = deps.clock.now()
    async with unit_of_work(deps.sessions) as session:
        pupil = await pupil_for(session, acting, pupil_id)
        row = AbsenceRow(
            **new_row_about(pupil),
            home_since=home_since,
        )
        SqlRows(session).add(row)
        event = ev.AbsenceRecorded(
            absence_id=row.id, pupil_id=row.pupil_id, school_id=row.school_id, home_since=home_since
        )
        await emit_for(session, deps.writer, row, event, actor=acting.envelope_actor, at=now)
    return row.id


async def end_absence(deps: Deps, acting: StaffActing, absence_id: UUID, ended_on: date) -> None:
    now = deps.clock.now()
    async with unit_of_work(deps.sessions) as session:
        row = await row_for(session, acting, AbsenceRow, "absence", absence_id, lock=True)
        if row.ended_on is not None:
            raise NotNow("end_absence", "ended")
        row.ended_on = ended_on
        event = ev.AbsenceEnded(
            absence_id=row.id, pupil_id=row.pupil_id, school_id=row.school_id, ended_on=ended_on
        )
        await emit_for(session, deps.writer, row, event, actor=acting.envelope_actor, at=now)
