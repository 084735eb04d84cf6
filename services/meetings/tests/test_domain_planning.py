"""Planning a meeting: who is invited, when it can be, and how it can change."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from typing import Any
from uuid import uuid4

import pytest
from samen_meetings.domain.consent_gate import ConsentState, ConsentStatus, PupilConsents
from samen_meetings.domain.errors import (
    ConsentRequired,
    DuplicateParticipant,
    EndBeforeStart,
    EvaluationSubjectMissing,
    EvaluationSubjectNotExpected,
    InterpreterLanguageInvalid,
    InterpreterLanguageMissing,
    InterpreterLanguageWithoutNeed,
    MeetingIsCancelled,
    MeetingIsRecorded,
    NaiveDateTime,
    NoGuardianKnown,
    NotAStaffRole,
    ParticipantFromAnotherSchool,
    ParticipantFromAnotherTenant,
    RequiredRoleMissing,
    RoleNotAllowed,
    SameTimeSlot,
    StartInPast,
    UnplannedMeetingNotOver,
)
from samen_meetings.domain.kinds import MeetingKind, ParticipantRole
from samen_meetings.domain.meeting import (
    CancelReason,
    InterpreterNeed,
    Meeting,
    MeetingStatus,
    Participant,
    TimeSlot,
)
from samen_meetings.domain.participants import PupilContext, StaffMember
from samen_meetings.domain.planning import (
    MeetingRequest,
    cancel_meeting,
    plan_meeting,
    register_unplanned_meeting,
    reschedule_meeting,
)

pytestmark = pytest.mark.unit

NOW = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
GIVEN = ConsentState(ConsentStatus.GIVEN)


def pupil(guardians: int = 2) -> PupilContext:
    return PupilContext(uuid4(), uuid4(), uuid4(), frozenset(uuid4() for _ in range(guardians)))


def staff(of: PupilContext, role: ParticipantRole = ParticipantRole.TEACHER) -> StaffMember:
    schools = frozenset() if role is ParticipantRole.TRAJECTBEGELEIDER else {of.school_id}
    return StaffMember(uuid4(), role, of.tenant_id, frozenset(schools))


def slot(days_ahead: float = 7, hours: float = 1) -> TimeSlot:
    starts_at = NOW + timedelta(days=days_ahead)
    return TimeSlot(starts_at, starts_at + timedelta(hours=hours))


def request(
    of: PupilContext, kind: MeetingKind = MeetingKind.PROGRESS_TALK, **changes: Any
) -> MeetingRequest:
    base = MeetingRequest(uuid4(), kind, slot(), (staff(of),))
    return replace(base, **changes)


def mdo_request(of: PupilContext) -> MeetingRequest:
    roles = [ParticipantRole.TEACHER, ParticipantRole.IB, ParticipantRole.TRAJECTBEGELEIDER]
    return request(of, MeetingKind.MDO, staff=tuple(staff(of, r) for r in roles))


def no_consent(of: PupilContext) -> PupilConsents:
    return PupilConsents(of.pupil_id)


def full_consent(of: PupilContext) -> PupilConsents:
    return PupilConsents(of.pupil_id, {"engage_swv": GIVEN, "mdo_request": GIVEN})


class TestParticipants:
    def test_every_guardian_with_authority_is_invited(self) -> None:
        child = pupil(guardians=2)

        meeting = plan_meeting(request(child), child, no_consent(child), NOW)

        guardians = {p.person_id for p in meeting.participants if p.role == "guardian"}
        assert guardians == child.guardian_ids
        assert meeting.status is MeetingStatus.SCHEDULED
        assert meeting.planned

    def test_the_pupil_can_take_part_too(self) -> None:
        child = pupil()

        meeting = plan_meeting(request(child, include_pupil=True), child, no_consent(child), NOW)

        assert Participant(ParticipantRole.PUPIL, child.pupil_id) in meeting.participants

    def test_no_meeting_about_a_pupil_without_a_known_guardian(self) -> None:
        child = pupil(guardians=0)

        with pytest.raises(NoGuardianKnown):
            plan_meeting(request(child), child, no_consent(child), NOW)

    def test_staff_of_another_school_is_refused(self) -> None:
        child = pupil()
        outsider = StaffMember(uuid4(), ParticipantRole.IB, child.tenant_id, frozenset({uuid4()}))

        with pytest.raises(ParticipantFromAnotherSchool) as refused:
            plan_meeting(request(child, staff=(outsider,)), child, no_consent(child), NOW)

        assert refused.value.person_id == outsider.person_id

    def test_staff_of_another_tenant_is_refused(self) -> None:
        child = pupil()
        outsider = StaffMember(uuid4(), ParticipantRole.IB, uuid4(), frozenset({child.school_id}))

        with pytest.raises(ParticipantFromAnotherTenant):
            plan_meeting(request(child, staff=(outsider,)), child, no_consent(child), NOW)

    def test_a_trajectbegeleider_of_another_tenant_is_refused(self) -> None:
        child = pupil()
        adviser = StaffMember(uuid4(), ParticipantRole.TRAJECTBEGELEIDER, uuid4())
        staff_list = (staff(child), staff(child, ParticipantRole.IB), adviser)

        with pytest.raises(ParticipantFromAnotherTenant):
            plan_meeting(
                request(child, MeetingKind.MDO, staff=staff_list), child, full_consent(child), NOW
            )

    def test_a_guardian_cannot_be_listed_as_staff(self) -> None:
        child = pupil()
        posing = StaffMember(uuid4(), ParticipantRole.GUARDIAN, child.tenant_id)

        with pytest.raises(NotAStaffRole):
            plan_meeting(request(child, staff=(posing,)), child, no_consent(child), NOW)

    def test_the_same_person_twice_is_refused(self) -> None:
        child = pupil()
        teacher = staff(child)

        with pytest.raises(DuplicateParticipant):
            plan_meeting(request(child, staff=(teacher, teacher)), child, no_consent(child), NOW)

    def test_a_meeting_needs_someone_from_the_school(self) -> None:
        child = pupil()

        with pytest.raises(RequiredRoleMissing) as refused:
            plan_meeting(request(child, staff=()), child, no_consent(child), NOW)

        assert refused.value.one_of

    def test_an_mdo_needs_teacher_ib_and_trajectbegeleider(self) -> None:
        child = pupil()
        only_teacher = request(child, MeetingKind.MDO)

        with pytest.raises(RequiredRoleMissing) as refused:
            plan_meeting(only_teacher, child, full_consent(child), NOW)

        assert set(refused.value.roles) == {"ib", "trajectbegeleider"}

    def test_a_trajectbegeleider_does_not_join_a_progress_talk(self) -> None:
        child = pupil()
        staff_list = (staff(child), staff(child, ParticipantRole.TRAJECTBEGELEIDER))

        with pytest.raises(RoleNotAllowed):
            plan_meeting(request(child, staff=staff_list), child, full_consent(child), NOW)


class TestConsent:
    def test_an_mdo_with_consent_is_planned(self) -> None:
        child = pupil()

        meeting = plan_meeting(mdo_request(child), child, full_consent(child), NOW)

        assert meeting.kind is MeetingKind.MDO
        assert ParticipantRole.TRAJECTBEGELEIDER in meeting.roles

    def test_an_mdo_without_consent_is_refused_with_the_reasons(self) -> None:
        child = pupil()

        with pytest.raises(ConsentRequired) as refused:
            plan_meeting(mdo_request(child), child, no_consent(child), NOW)

        assert {r.purpose for r in refused.value.reasons} == {"mdo_request", "engage_swv"}


class TestTime:
    def test_an_end_before_the_start_is_refused(self) -> None:
        child = pupil()
        backwards = TimeSlot(NOW + timedelta(days=2), NOW + timedelta(days=1))

        with pytest.raises(EndBeforeStart):
            plan_meeting(request(child, slot=backwards), child, no_consent(child), NOW)

    def test_a_meeting_of_no_length_is_refused(self) -> None:
        child = pupil()
        starts_at = NOW + timedelta(days=2)

        with pytest.raises(EndBeforeStart):
            plan_meeting(
                request(child, slot=TimeSlot(starts_at, starts_at)), child, no_consent(child), NOW
            )

    def test_a_planned_meeting_in_the_past_is_refused(self) -> None:
        child = pupil()

        with pytest.raises(StartInPast):
            plan_meeting(request(child, slot=slot(days_ahead=-1)), child, no_consent(child), NOW)

    def test_a_time_without_zone_is_refused(self) -> None:
        child = pupil()
        naive = TimeSlot(datetime(2025, 4, 1, 10), datetime(2025, 4, 1, 11))

        with pytest.raises(NaiveDateTime):
            plan_meeting(request(child, slot=naive), child, no_consent(child), NOW)

    def test_times_are_stored_in_utc(self) -> None:
        child = pupil()
        summer = timezone(timedelta(hours=2))
        local = TimeSlot(
            datetime(2025, 4, 1, 10, tzinfo=summer), datetime(2025, 4, 1, 11, tzinfo=summer)
        )

        meeting = plan_meeting(request(child, slot=local), child, no_consent(child), NOW)

        assert meeting.slot.starts_at == datetime(2025, 4, 1, 8, tzinfo=UTC)
        assert meeting.slot.starts_at.tzinfo is UTC


class TestUnplanned:
    def test_a_conversation_that_took_place_is_registered_afterwards(self) -> None:
        child = pupil()
        yesterday = request(child, slot=slot(days_ahead=-1))

        meeting = register_unplanned_meeting(yesterday, child, no_consent(child), NOW)

        assert meeting.planned is False
        assert meeting.status is MeetingStatus.SCHEDULED

    def test_an_unplanned_mdo_without_consent_cannot_be_registered(self) -> None:
        child = pupil()
        yesterday = replace(mdo_request(child), slot=slot(days_ahead=-1))

        with pytest.raises(ConsentRequired):
            register_unplanned_meeting(yesterday, child, no_consent(child), NOW)

    def test_an_unplanned_meeting_must_be_over(self) -> None:
        child = pupil()
        still_going = request(child, slot=slot(days_ahead=0, hours=1))

        with pytest.raises(UnplannedMeetingNotOver):
            register_unplanned_meeting(still_going, child, no_consent(child), NOW)


class TestInterpreter:
    def test_an_interpreter_and_the_language_are_recorded(self) -> None:
        child = pupil()
        need = InterpreterNeed(needed=True, language="ti")

        meeting = plan_meeting(request(child, interpreter=need), child, no_consent(child), NOW)

        assert meeting.interpreter == need

    @pytest.mark.parametrize(
        ("need", "refusal"),
        [
            (InterpreterNeed(needed=True), InterpreterLanguageMissing),
            (InterpreterNeed(language="ar"), InterpreterLanguageWithoutNeed),
        ],
        ids=["needed_without_language", "language_without_need"],
    )
    def test_an_interpreter_is_needed_with_a_language_or_not_at_all(
        self, need: InterpreterNeed, refusal: type[Exception]
    ) -> None:
        child = pupil()

        with pytest.raises(refusal):
            plan_meeting(request(child, interpreter=need), child, no_consent(child), NOW)

    @pytest.mark.parametrize("language", ["Arabic", "a", "ar_SY", "", " ar"])
    def test_a_language_must_be_a_language_tag(self, language: str) -> None:
        child = pupil()
        need = InterpreterNeed(needed=True, language=language)

        with pytest.raises((InterpreterLanguageInvalid, InterpreterLanguageMissing)):
            plan_meeting(request(child, interpreter=need), child, no_consent(child), NOW)


class TestEvaluationSubject:
    def test_an_opp_evaluation_names_its_opp(self) -> None:
        child = pupil()

        with pytest.raises(EvaluationSubjectMissing):
            plan_meeting(request(child, MeetingKind.OPP_EVALUATION), child, no_consent(child), NOW)

    def test_only_an_opp_evaluation_evaluates_an_opp(self) -> None:
        child = pupil()

        with pytest.raises(EvaluationSubjectNotExpected):
            plan_meeting(request(child, evaluates_opp_id=uuid4()), child, no_consent(child), NOW)

    def test_an_agreement_evaluation_names_its_agreements(self) -> None:
        child = pupil()
        agreements = frozenset({uuid4()})

        with pytest.raises(EvaluationSubjectMissing):
            plan_meeting(
                request(child, MeetingKind.AGREEMENT_EVALUATION), child, no_consent(child), NOW
            )
        meeting = plan_meeting(
            request(child, MeetingKind.AGREEMENT_EVALUATION, evaluates_agreement_ids=agreements),
            child,
            no_consent(child),
            NOW,
        )
        assert meeting.evaluates_agreement_ids == agreements


class TestReschedule:
    def test_a_meeting_moves_to_a_new_time(self) -> None:
        child = pupil()
        meeting = plan_meeting(request(child), child, no_consent(child), NOW)
        later = slot(days_ahead=14)

        moved = reschedule_meeting(meeting, later, no_consent(child), NOW)

        assert moved.slot == later
        assert moved.participants == meeting.participants

    def test_rescheduling_to_the_same_time_changes_nothing_and_is_refused(self) -> None:
        child = pupil()
        meeting = plan_meeting(request(child), child, no_consent(child), NOW)

        with pytest.raises(SameTimeSlot):
            reschedule_meeting(meeting, meeting.slot, no_consent(child), NOW)

    def test_rescheduling_into_the_past_is_refused(self) -> None:
        child = pupil()
        meeting = plan_meeting(request(child), child, no_consent(child), NOW)

        with pytest.raises(StartInPast):
            reschedule_meeting(meeting, slot(days_ahead=-2), no_consent(child), NOW)

    @pytest.mark.parametrize(
        ("ended", "refusal"),
        [
            pytest.param(
                lambda m: cancel_meeting(m, CancelReason.BY_GUARDIAN), MeetingIsCancelled,
                id="cancelled",
            ),
            pytest.param(
                lambda m: replace(m, status=MeetingStatus.RECORDED), MeetingIsRecorded,
                id="recorded",
            ),
        ],
    )  # fmt: skip
    def test_a_cancelled_or_recorded_meeting_cannot_be_rescheduled(
        self, ended: Callable[[Meeting], Meeting], refusal: type[Exception]
    ) -> None:
        child = pupil()
        meeting = plan_meeting(request(child), child, no_consent(child), NOW)

        with pytest.raises(refusal):
            reschedule_meeting(ended(meeting), slot(days_ahead=14), no_consent(child), NOW)

    def test_a_meeting_on_hold_is_scheduled_again_at_a_new_time_once_consent_is_back(
        self,
    ) -> None:
        child = pupil()
        meeting = plan_meeting(mdo_request(child), child, full_consent(child), NOW)
        held = replace(meeting, status=MeetingStatus.ON_HOLD)

        moved = reschedule_meeting(held, slot(days_ahead=21), full_consent(child), NOW)

        assert moved.status is MeetingStatus.SCHEDULED

    def test_a_meeting_on_hold_cannot_be_rescheduled_without_consent(self) -> None:
        child = pupil()
        meeting = plan_meeting(mdo_request(child), child, full_consent(child), NOW)
        held = replace(meeting, status=MeetingStatus.ON_HOLD)

        with pytest.raises(ConsentRequired):
            reschedule_meeting(held, slot(days_ahead=21), no_consent(child), NOW)


class TestCancel:
    def test_a_scheduled_meeting_is_cancelled_with_a_reason(self) -> None:
        child = pupil()
        meeting = plan_meeting(request(child), child, no_consent(child), NOW)

        cancelled = cancel_meeting(meeting, CancelReason.BY_SCHOOL)

        assert cancelled.status is MeetingStatus.CANCELLED
        assert cancelled.cancel_reason is CancelReason.BY_SCHOOL

    def test_a_meeting_on_hold_can_be_cancelled(self) -> None:
        child = pupil()
        held = replace(
            plan_meeting(request(child), child, no_consent(child), NOW),
            status=MeetingStatus.ON_HOLD,
        )

        cancelled = cancel_meeting(held, CancelReason.CONSENT_WITHDRAWN)

        assert cancelled.status is MeetingStatus.CANCELLED

    def test_cancelling_twice_is_refused(self) -> None:
        child = pupil()
        meeting = plan_meeting(request(child), child, no_consent(child), NOW)

        with pytest.raises(MeetingIsCancelled):
            cancel_meeting(cancel_meeting(meeting, CancelReason.OTHER), CancelReason.OTHER)

    def test_a_recorded_meeting_cannot_be_cancelled(self) -> None:
        child = pupil()
        meeting = plan_meeting(request(child), child, no_consent(child), NOW)

        with pytest.raises(MeetingIsRecorded):
            cancel_meeting(replace(meeting, status=MeetingStatus.RECORDED), CancelReason.OTHER)
