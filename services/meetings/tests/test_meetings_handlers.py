"""The meetings use cases, run against the fake unit of work: no HTTP, Kafka or
PostgreSQL. Each test states a rule and checks the stored state and the emitted events
(with their envelope facts)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from uuid import UUID, uuid4

import pytest
from samen_contract import Envelope
from samen_contract.events import consent as c
from samen_contract.events import meetings as ev
from samen_kit.access import GuardianClaims, GuardianItem, Role, StaffPrincipal
from samen_kit.roster import PARENTAL_AUTHORITY, Pupil
from samen_kit.testing.names import new_tenant
from samen_meetings.adapters.tables import MeetingRecordRow, MeetingRow
from samen_meetings.domain.errors import ConsentRequired, MeetingIsCancelled, SecondRecord
from samen_meetings.domain.invitation import Answer
from samen_meetings.domain.kinds import MeetingKind, ParticipantRole
from samen_meetings.domain.meeting import CancelReason
from samen_meetings.domain.record import RecordDraft
from samen_meetings.handlers import parents, planning, records
from samen_meetings.handlers.consent_facts import apply_consent_fact
from samen_meetings.handlers.lookups import Miss, UnknownResource

from services.meetings.tests.meetings_fakes import FakeContext, FakeUnitOfWork, fake_context

# Monday 2 March 2026, 09:00 Amsterdam.
NOW = datetime.fromisoformat("2026-03-02T08:00:00+00:00")
INFORMATION_RIGHT = "information_right"


class School:
    """One school of a fresh tenant, its IB (who plans) and a teacher in the directory."""

    def __init__(self, ctx: FakeContext) -> None:
        self.ctx = ctx
        self.tenant = new_tenant()
        self.school_id = uuid4()
        self.ib = StaffPrincipal(str(uuid4()), Role.IB, self.tenant, schools=_of(self.school_id))
        self.teacher_id = uuid4()

    async def enrol(self, *, authority: int = 2, information_right: int = 0) -> Pupil:
        pupil = Pupil(self.tenant, uuid4(), self.school_id, None, date(2020, 8, 20), None)
        standings = [PARENTAL_AUTHORITY] * authority + [INFORMATION_RIGHT] * information_right
        self.ctx.store.projections.roster.enrol(pupil, {uuid4(): s for s in standings})
        await self.staff(self.teacher_id, ParticipantRole.TEACHER)
        return pupil

    async def staff(self, person_id: UUID, role: ParticipantRole) -> None:
        projections = self.ctx.store.projections
        await projections.put_staff(self.tenant, person_id, role.value, [self.school_id])

    async def mdo_staff(self) -> tuple[UUID, UUID]:
        """The IB and a trajectbegeleider, whom an MDO needs beside the teacher."""
        ib_id, adviser = UUID(self.ib.subject), uuid4()
        await self.staff(ib_id, ParticipantRole.IB)
        await self.staff(adviser, ParticipantRole.TRAJECTBEGELEIDER)
        return ib_id, adviser

    async def guardians(self, pupil: Pupil) -> dict[UUID, str]:
        return await self.ctx.store.projections.guardians(self.tenant, pupil.pupil_id)

    def plan(self, pupil: Pupil, kind: MeetingKind = MeetingKind.PROGRESS_TALK, **more: object):
        starts = NOW + timedelta(days=7)
        return planning.PlanMeeting(
            meeting_id=uuid4(),
            pupil_id=pupil.pupil_id,
            kind=kind,
            starts_at=starts,
            ends_at=starts + timedelta(hours=1),
            staff_ids=(self.teacher_id, *more.pop("staff", ())),  # type: ignore[misc]
            **more,  # type: ignore[arg-type]
        )


def _of(*ids: UUID) -> frozenset[str]:
    return frozenset(str(i) for i in ids)


@pytest.fixture
def ctx() -> FakeContext:
    return fake_context(NOW)


@pytest.fixture
def school(ctx: FakeContext) -> School:
    return School(ctx)


def guardian_link(pupil: Pupil, guardian_id: UUID, kind: str, item_id: UUID) -> GuardianClaims:
    return GuardianClaims(
        guardian_id=guardian_id,
        pupil_id=pupil.pupil_id,
        item=GuardianItem.of(kind, item_id),
        tenant=pupil.tenant,
        jti=str(uuid4()),
        expires_at=NOW + timedelta(days=14),
    )


async def test_a_planned_meeting_invites_every_guardian_with_authority(
    ctx: FakeContext, school: School
) -> None:
    pupil = await school.enrol(authority=2, information_right=1)

    row = await planning.plan_meeting(ctx, school.ib, school.plan(pupil))

    (scheduled,) = ctx.store.outbox.emitted
    assert isinstance(scheduled.event, ev.MeetingScheduled)
    with_authority = {
        g for g, s in (await school.guardians(pupil)).items() if s != INFORMATION_RIGHT
    }
    assert set(scheduled.event.guardian_ids) == with_authority
    assert scheduled.facts["subject"] == str(pupil.pupil_id)
    assert scheduled.facts["actor"] == school.ib.actor
    assert scheduled.facts["school"] == str(school.school_id)
    assert ctx.store.rows(MeetingRow, "meeting_id")[row.meeting_id].status == "scheduled"


async def test_a_pupil_of_another_tenant_is_not_found_and_nothing_is_planned(
    ctx: FakeContext, school: School
) -> None:
    pupil = await school.enrol()
    elsewhere = StaffPrincipal(str(uuid4()), Role.IB, new_tenant(), schools=_of(school.school_id))

    with pytest.raises(UnknownResource) as refused:
        await planning.plan_meeting(ctx, elsewhere, school.plan(pupil))

    assert refused.value.miss is Miss.OTHER_TENANT
    assert ctx.store.rows(MeetingRow, "meeting_id") == {}
    assert ctx.store.outbox.emitted == []


async def test_an_mdo_without_consent_is_refused_and_emits_nothing(
    ctx: FakeContext, school: School
) -> None:
    pupil = await school.enrol()
    mdo = school.plan(pupil, MeetingKind.MDO, staff=await school.mdo_staff())

    with pytest.raises(ConsentRequired):
        await planning.plan_meeting(ctx, school.ib, mdo)

    assert ctx.store.rows(MeetingRow, "meeting_id") == {}
    assert ctx.store.outbox.emitted == []


async def test_a_cancelled_meeting_cannot_be_rescheduled(ctx: FakeContext, school: School) -> None:
    pupil = await school.enrol()
    row = await planning.plan_meeting(ctx, school.ib, school.plan(pupil))
    await planning.cancel(ctx, school.ib, row.meeting_id, CancelReason.BY_SCHOOL)

    later = row.starts_at + timedelta(days=1)
    with pytest.raises(MeetingIsCancelled):
        await planning.reschedule(ctx, school.ib, row.meeting_id, later, later + timedelta(hours=1))

    kinds = [type(e.event) for e in ctx.store.outbox.emitted]
    assert kinds == [ev.MeetingScheduled, ev.MeetingCancelled]
    assert ctx.store.rows(MeetingRow, "meeting_id")[row.meeting_id].status == "cancelled"


async def test_a_guardian_with_authority_answers_the_invitation(
    ctx: FakeContext, school: School
) -> None:
    pupil = await school.enrol()
    row = await planning.plan_meeting(ctx, school.ib, school.plan(pupil))
    guardian = next(iter(await school.guardians(pupil)))
    link = guardian_link(pupil, guardian, parents.MEETING_ITEM, row.meeting_id)

    await parents.answer(ctx, link, row.meeting_id, Answer.ACCEPT, "")

    answered = ctx.store.outbox.events(ev.InvitationAnswered)
    assert [(a.guardian_id, a.answer) for a in answered] == [(guardian, ev.InvitationAnswer.ACCEPT)]
    assert ctx.store.outbox.emitted[-1].facts["actor"] == f"guardian:{guardian}"
    view = await parents.invitation(ctx, link, row.meeting_id)
    assert [a.answer for a in view.answers] == ["accept"]


async def test_a_guardian_with_only_the_right_to_information_cannot_answer(
    ctx: FakeContext, school: School
) -> None:
    pupil = await school.enrol(authority=1, information_right=1)
    row = await planning.plan_meeting(ctx, school.ib, school.plan(pupil))
    standings = await school.guardians(pupil)
    informed = next(g for g, s in standings.items() if s == INFORMATION_RIGHT)
    link = guardian_link(pupil, informed, parents.MEETING_ITEM, row.meeting_id)

    with pytest.raises(UnknownResource):
        await parents.answer(ctx, link, row.meeting_id, Answer.DECLINE, "")

    assert ctx.store.outbox.events(ev.InvitationAnswered) == []


async def a_meeting_held(ctx: FakeContext, school: School, pupil: Pupil) -> UUID:
    row = await planning.plan_meeting(ctx, school.ib, school.plan(pupil))
    ctx.clock.advance(timedelta(days=8))
    return row.meeting_id


def record_draft(school: School) -> RecordDraft:
    return RecordDraft(
        record_id=uuid4(),
        recorded_by=UUID(school.ib.subject),
        attended_ids=frozenset({school.teacher_id}),
        strengths=("Leest met plezier.",),
        concerns=("Rekenen gaat moeizaam.",),
        goals=("Tafels van 1 tot 5 kennen.",),
        next_steps=("Oefenen in de klas.",),
    )


async def test_a_meeting_has_one_record(ctx: FakeContext, school: School) -> None:
    pupil = await school.enrol()
    meeting_id = await a_meeting_held(ctx, school, pupil)
    draft = record_draft(school)

    record = await records.write_record(ctx, school.ib, meeting_id, draft)
    with pytest.raises(SecondRecord):
        await records.write_record(ctx, school.ib, meeting_id, draft)

    assert record.meeting_id == meeting_id
    assert list(ctx.store.rows(MeetingRecordRow, "record_id")) == [draft.record_id]
    assert len(ctx.store.outbox.events(ev.MeetingRecorded)) == 1
    assert ctx.store.rows(MeetingRow, "meeting_id")[meeting_id].status == "recorded"


async def test_a_guardian_acknowledges_a_record_once(ctx: FakeContext, school: School) -> None:
    pupil = await school.enrol()
    meeting_id = await a_meeting_held(ctx, school, pupil)
    record = await records.write_record(ctx, school.ib, meeting_id, record_draft(school))
    guardian = next(iter(await school.guardians(pupil)))
    link = guardian_link(pupil, guardian, parents.RECORD_ITEM, record.record_id)

    first = await parents.acknowledge(ctx, link, record.record_id)
    again = await parents.acknowledge(ctx, link, record.record_id)

    assert (first, again) == (True, False)
    (acknowledged,) = ctx.store.outbox.events(ev.RecordAcknowledged)
    assert acknowledged.guardian_id == guardian
    assert (await parents.record(ctx, link, record.record_id)).acknowledged


async def test_a_withdrawn_consent_puts_the_planned_mdo_on_hold_once(
    ctx: FakeContext, school: School
) -> None:
    pupil = await school.enrol()
    requests = {purpose: uuid4() for purpose in ("mdo_request", "engage_swv")}
    for purpose, request_id in requests.items():
        given = c.ConsentGiven(
            request_id=request_id, pupil_id=pupil.pupil_id, purpose=purpose, purpose_version=1
        )
        await consume(ctx, pupil, given)
    plan = school.plan(pupil, MeetingKind.MDO, staff=await school.mdo_staff())
    row = await planning.plan_meeting(ctx, school.ib, plan)
    withdrawn = c.ConsentWithdrawn(
        request_id=requests["mdo_request"],
        pupil_id=pupil.pupil_id,
        purpose="mdo_request",
        party_id=next(iter(await school.guardians(pupil))),
    )

    envelope = await consume(ctx, pupil, withdrawn)
    await consume(ctx, pupil, withdrawn)  # the same fact again

    (held,) = [e for e in ctx.store.outbox.emitted if isinstance(e.event, ev.MeetingOnHold)]
    assert held.event.meeting_id == row.meeting_id
    assert held.facts["causationid"] == envelope.id
    assert ctx.store.rows(MeetingRow, "meeting_id")[row.meeting_id].status == "on_hold"


async def consume(
    ctx: FakeContext, pupil: Pupil, event: c.ConsentGiven | c.ConsentWithdrawn
) -> Envelope:
    """The consumer's part: one consent fact in one unit of work."""
    envelope = Envelope.for_event(
        event, tenant=pupil.tenant, subject=pupil.pupil_id, actor="system:test", sequence=1
    )
    async with ctx.unit_of_work() as uow:
        assert isinstance(uow, FakeUnitOfWork)
        await apply_consent_fact(ctx, uow, envelope, event)
    return envelope
