"""A request's use cases: each loads the row, takes the domain's step, stores the new
state and writes the event, in one unit of work."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from uuid import UUID, uuid4

from samen_contract import Event
from samen_contract.events import admissions as ev
from samen_kit.db import unit_of_work
from samen_kit.deadlines import local_date

from samen_admissions.adapters.consent import SqlConsentFacts
from samen_admissions.adapters.requests import SqlRows
from samen_admissions.adapters.state_rows import state_of, write_state
from samen_admissions.adapters.tables import AdviceRow, RequestRow
from samen_admissions.domain import request as steps
from samen_admissions.domain.codes import (
    Advice,
    Discipline,
    ObjectionAdvice,
    ObjectionOutcome,
    RequestKind,
)
from samen_admissions.domain.request import ExpertAdvice, RequestState
from samen_admissions.domain.terms import objection_by
from samen_admissions.handlers.access import new_row_about, pupil_for, request_for
from samen_admissions.handlers.context import Acting, Deps, GuardianActing, StaffActing
from samen_admissions.handlers.emitting import emit_for, request_ids


@dataclass(frozen=True)
class DraftRequest:
    pupil_id: UUID
    kind: RequestKind
    category: str
    motivation: str
    opp_id: UUID | None = None


async def draft_request(deps: Deps, acting: StaffActing, command: DraftRequest) -> UUID:
    now = deps.clock.now()
    async with unit_of_work(deps.sessions) as session:
        pupil = await pupil_for(session, acting, command.pupil_id)
        state = steps.draft(command.kind, command.category)
        row = RequestRow(
            **new_row_about(pupil),
            kind=state.kind,
            category=state.category,
            status=state.status,
            opp_id=command.opp_id,
            motivation=command.motivation,
            drafted_at=now,
        )
        SqlRows(session).add(row)
        event = ev.AdmissionRequestDrafted(
            **request_ids(row),
            kind=row.kind,
            category=row.category,
            opp_id=row.opp_id,
        )
        await emit_for(session, deps.writer, row, event, actor=acting.envelope_actor, at=now)
    return row.id


Fact = Callable[[RequestRow], Event]


async def _take(
    deps: Deps,
    acting: Acting,
    request_id: UUID,
    step: Callable[[RequestRow, RequestState], RequestState],
    fact: Fact | None,
) -> None:
    """Load and lock the request, take `step`, store the state and write `fact`."""
    now = deps.clock.now()
    async with unit_of_work(deps.sessions) as session:
        row = await request_for(session, acting, request_id, lock=True)
        state = state_of(row, await SqlRows(session).advices(row.id))
        write_state(row, step(row, state))
        if fact is not None:
            await emit_for(
                session, deps.writer, row, fact(row), actor=acting.envelope_actor, at=now
            )


async def add_parents_view(deps: Deps, acting: GuardianActing, request_id: UUID, text: str) -> None:
    def step(row: RequestRow, state: RequestState) -> RequestState:
        row.parents_view = text
        row.parents_view_by = acting.guardian_id
        return steps.add_parents_view(state)

    def fact(row: RequestRow) -> Event:
        return ev.ParentsViewAdded(
            **request_ids(row),
            guardian_id=acting.guardian_id,
        )

    await _take(deps, acting, request_id, step, fact)


async def submit(deps: Deps, acting: StaffActing, request_id: UUID) -> None:
    now = deps.clock.now()
    async with unit_of_work(deps.sessions) as session:
        row = await request_for(session, acting, request_id, lock=True)
        state = state_of(row, await SqlRows(session).advices(row.id))
        consent = await SqlConsentFacts(session).of_pupil(row.tenant, row.pupil_id)
        write_state(row, steps.submit(state, consent, now))
        assert row.submitted_on is not None
        event = ev.AdmissionRequested(
            **request_ids(row),
            kind=row.kind,
            category=row.category,
            submitted_on=row.submitted_on,
            opp_id=row.opp_id,
        )
        await emit_for(session, deps.writer, row, event, actor=acting.envelope_actor, at=now)


@dataclass(frozen=True)
class GiveAdvice:
    discipline: Discipline
    advice: Advice
    text: str
    field_of_expertise: str | None = None


async def give_advice(
    deps: Deps, acting: StaffActing, request_id: UUID, command: GiveAdvice
) -> UUID:
    advice_id = uuid4()
    now = deps.clock.now()
    expert = acting.staff.subject
    async with unit_of_work(deps.sessions) as session:
        row = await request_for(session, acting, request_id, lock=True)
        rows = SqlRows(session)
        state = state_of(row, await rows.advices(row.id))
        steps.give_advice(state, ExpertAdvice(expert, command.discipline, command.advice))
        rows.add(
            AdviceRow(
                id=advice_id,
                tenant=row.tenant,
                request_id=row.id,
                expert=expert,
                discipline=command.discipline,
                field_of_expertise=command.field_of_expertise,
                advice=command.advice,
                text=command.text,
                given_at=now,
            )
        )
        event = ev.ExpertAdviceGiven(
            **request_ids(row),
            advice_id=advice_id,
            discipline=command.discipline,
            advice=command.advice,
        )
        await emit_for(session, deps.writer, row, event, actor=acting.envelope_actor, at=now)
    return advice_id


async def grant(deps: Deps, acting: StaffActing, request_id: UUID, start: date, end: date) -> None:
    today = local_date(deps.clock.now())

    def step(row: RequestRow, state: RequestState) -> RequestState:
        return steps.grant(state, today, start, end)

    def fact(row: RequestRow) -> Event:
        return ev.AdmissionGranted(
            **request_ids(row),
            kind=row.kind,
            category=row.category,
            decided_on=today,
            start_date=start,
            end_date=end,
            objection_by=objection_by(today),
        )

    await _take(deps, acting, request_id, step, fact)


async def refuse(deps: Deps, acting: StaffActing, request_id: UUID, reasons: str) -> None:
    today = local_date(deps.clock.now())

    def step(row: RequestRow, state: RequestState) -> RequestState:
        row.refusal_reasons = reasons
        return steps.refuse(state, today, reasons)

    def fact(row: RequestRow) -> Event:
        return ev.AdmissionRefused(
            **request_ids(row),
            kind=row.kind,
            category=row.category,
            decided_on=today,
            objection_by=objection_by(today),
        )

    await _take(deps, acting, request_id, step, fact)


async def extend(deps: Deps, acting: StaffActing, request_id: UUID, end: date) -> None:
    today = local_date(deps.clock.now())
    previous: list[date] = []

    def step(row: RequestRow, state: RequestState) -> RequestState:
        extended = steps.extend(state, today, end)
        assert state.end_date is not None  # granted
        previous.append(state.end_date)
        return extended

    def fact(row: RequestRow) -> Event:
        return ev.AdmissionExtended(
            **request_ids(row),
            kind=row.kind,
            previous_end_date=previous[0],
            end_date=end,
            objection_by=objection_by(today),
        )

    await _take(deps, acting, request_id, step, fact)


async def lodge_objection(
    deps: Deps, acting: Acting, request_id: UUID, grounds: str, lodged_on: date | None = None
) -> None:
    """Staff record an objection received (its date, if earlier), or a guardian lodges it."""
    on = lodged_on or local_date(deps.clock.now())

    def step(row: RequestRow, state: RequestState) -> RequestState:
        row.objection_grounds = grounds
        return steps.lodge_objection(state, on)

    def fact(row: RequestRow) -> Event:
        return ev.AdmissionObjectionLodged(
            **request_ids(row),
            kind=row.kind,
            lodged_on=on,
            in_time=bool(row.objection_in_time),
            advisory_step=bool(row.objection_advisory_step),
        )

    await _take(deps, acting, request_id, step, fact)


async def record_objection_advice(
    deps: Deps, acting: StaffActing, request_id: UUID, advice: ObjectionAdvice
) -> None:
    today = local_date(deps.clock.now())

    def step(row: RequestRow, state: RequestState) -> RequestState:
        return steps.record_objection_advice(state, advice)

    def fact(row: RequestRow) -> Event:
        return ev.AdmissionObjectionAdvised(
            **request_ids(row),
            advice=advice,
            advised_on=today,
        )

    await _take(deps, acting, request_id, step, fact)


async def decide_objection(
    deps: Deps, acting: StaffActing, request_id: UUID, outcome: ObjectionOutcome
) -> None:
    today = local_date(deps.clock.now())

    def step(row: RequestRow, state: RequestState) -> RequestState:
        return steps.decide_objection(state, outcome)

    def fact(row: RequestRow) -> Event:
        return ev.AdmissionObjectionDecided(
            **request_ids(row),
            outcome=outcome,
            decided_on=today,
        )

    await _take(deps, acting, request_id, step, fact)
