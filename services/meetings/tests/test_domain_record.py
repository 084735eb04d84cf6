"""The meeting record: strengths and concerns both, the parents' view and needs, goals,
agreements and next steps; and what parents add beside it."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import uuid4

import pytest
from samen_meetings.domain.errors import (
    AttendeeNotInvited,
    EmptyComment,
    InvalidAgreement,
    MeetingIsOnHold,
    MeetingNotYetHeld,
    NotAGuardianOfPupil,
    RecordForCancelledMeeting,
    RecordIncomplete,
    SecondRecord,
    TextTooLong,
)
from samen_meetings.domain.kinds import MeetingKind, ParticipantRole
from samen_meetings.domain.meeting import Meeting, MeetingStatus, Participant
from samen_meetings.domain.parent_response import acknowledge_record, add_parent_comment
from samen_meetings.domain.record import (
    AGREEMENT_DUE_BEFORE_MEETING,
    AGREEMENT_DUPLICATE_ID,
    AGREEMENT_EVALUATION_BEFORE_DUE,
    AGREEMENT_EVALUATION_NOT_LATER,
    AGREEMENT_RESPONSIBLE_NOT_PARTICIPANT,
    AGREEMENT_WHAT_MISSING,
    MAX_TEXT_LENGTH,
    AgreementDraft,
    MeetingRecord,
    RecordDraft,
    record_meeting,
)

from services.meetings.tests.meetings_factories import meeting_of

pytestmark = pytest.mark.unit

# Tuesday 11 March 2025, 14:00-15:00 in Amsterdam (CET).
STARTS_AT = datetime(2025, 3, 11, 13, 0, tzinfo=UTC)
AFTER = STARTS_AT + timedelta(hours=2)
MEETING_DAY = date(2025, 3, 11)
GUARDIAN = uuid4()
TEACHER = uuid4()
IB = uuid4()


def held_meeting(status: MeetingStatus = MeetingStatus.SCHEDULED) -> Meeting:
    participants = (
        Participant(ParticipantRole.GUARDIAN, GUARDIAN),
        Participant(ParticipantRole.TEACHER, TEACHER),
        Participant(ParticipantRole.IB, IB),
    )
    return meeting_of(MeetingKind.PROGRESS_TALK, STARTS_AT, sorted(participants), status=status)


def agreement(**changes: Any) -> AgreementDraft:
    base = AgreementDraft(
        agreement_id=uuid4(),
        what="Dagelijks 10 minuten samen lezen",
        responsible_id=GUARDIAN,
        due_on=MEETING_DAY + timedelta(weeks=6),
        evaluate_on=MEETING_DAY + timedelta(weeks=8),
    )
    return replace(base, **changes)


def draft(**changes: Any) -> RecordDraft:
    base = RecordDraft(
        record_id=uuid4(),
        recorded_by=IB,
        attended_ids=frozenset({GUARDIAN, TEACHER, IB}),
        strengths=("Leest graag voor in de groep",),
        concerns=("Raakt snel afgeleid bij rekenen",),
        goals=("Zelfstandig 15 minuten aan een taak werken",),
        next_steps=("Over zes weken samen kijken hoe het gaat",),
        guardian_view="Thuis gaat het huiswerk beter met een vaste tijd",
        guardian_support_needs="Tips voor het huiswerk",
        agreements=(agreement(),),
    )
    return replace(base, **changes)


def a_record() -> MeetingRecord:
    return record_meeting(held_meeting(), draft(), AFTER).record


class TestRecording:
    def test_a_complete_record_marks_the_meeting_recorded(self) -> None:
        meeting = held_meeting()
        agreed = agreement()

        result = record_meeting(meeting, draft(agreements=(agreed,)), AFTER)

        assert result.meeting.status is MeetingStatus.RECORDED
        assert result.record.meeting_id == meeting.meeting_id
        assert result.record.recorded_at == AFTER
        assert result.record.agreement_ids == (agreed.agreement_id,)
        assert result.agreements[0].responsible == Participant(ParticipantRole.GUARDIAN, GUARDIAN)

    def test_attendance_lists_who_came(self) -> None:
        result = record_meeting(held_meeting(), draft(attended_ids=frozenset({IB})), AFTER)

        assert result.record.attended == (Participant(ParticipantRole.IB, IB),)

    def test_texts_are_trimmed_and_blank_entries_dropped(self) -> None:
        result = record_meeting(
            held_meeting(), draft(strengths=("  Helpt anderen  ", "   ")), AFTER
        )

        assert result.record.strengths == ("Helpt anderen",)


class TestStrengthsAndConcerns:
    def test_strengths_without_concerns_are_refused(self) -> None:
        with pytest.raises(RecordIncomplete) as refused:
            record_meeting(held_meeting(), draft(concerns=()), AFTER)

        assert refused.value.missing == ("concerns",)

    def test_concerns_without_strengths_are_refused(self) -> None:
        with pytest.raises(RecordIncomplete) as refused:
            record_meeting(held_meeting(), draft(strengths=(" ",)), AFTER)

        assert refused.value.missing == ("strengths",)

    def test_every_missing_part_is_named_at_once(self) -> None:
        empty = draft(
            attended_ids=frozenset(),
            strengths=(),
            concerns=(),
            goals=(),
            next_steps=(),
            guardian_view="",
            guardian_support_needs="",
        )

        with pytest.raises(RecordIncomplete) as refused:
            record_meeting(held_meeting(), empty, AFTER)

        assert refused.value.missing == (
            "attendance",
            "strengths",
            "concerns",
            "goals",
            "next_steps",
        )


class TestParentsPart:
    def test_when_a_guardian_attended_their_view_and_own_needs_are_required(self) -> None:
        silent = draft(guardian_view="", guardian_support_needs=" ")

        with pytest.raises(RecordIncomplete) as refused:
            record_meeting(held_meeting(), silent, AFTER)

        assert refused.value.missing == ("guardian_view", "guardian_support_needs")

    def test_when_no_guardian_attended_their_part_may_stay_empty(self) -> None:
        staff_only = draft(
            attended_ids=frozenset({TEACHER, IB}), guardian_view="", guardian_support_needs=""
        )

        result = record_meeting(held_meeting(), staff_only, AFTER)

        assert result.record.guardian_view == ""


class TestState:
    def test_no_record_for_a_cancelled_meeting(self) -> None:
        with pytest.raises(RecordForCancelledMeeting):
            record_meeting(held_meeting(MeetingStatus.CANCELLED), draft(), AFTER)

    def test_no_second_record(self) -> None:
        first = record_meeting(held_meeting(), draft(), AFTER)

        with pytest.raises(SecondRecord):
            record_meeting(first.meeting, draft(), AFTER)

    def test_no_record_for_a_meeting_on_hold(self) -> None:
        with pytest.raises(MeetingIsOnHold):
            record_meeting(held_meeting(MeetingStatus.ON_HOLD), draft(), AFTER)

    def test_no_record_before_the_meeting_started(self) -> None:
        with pytest.raises(MeetingNotYetHeld):
            record_meeting(held_meeting(), draft(), STARTS_AT - timedelta(minutes=1))

    def test_an_attendee_who_was_not_a_participant_is_refused(self) -> None:
        stranger = uuid4()

        with pytest.raises(AttendeeNotInvited) as refused:
            record_meeting(held_meeting(), draft(attended_ids=frozenset({IB, stranger})), AFTER)

        assert refused.value.person_ids == (stranger,)

    def test_overlong_text_is_refused(self) -> None:
        with pytest.raises(TextTooLong):
            record_meeting(held_meeting(), draft(goals=("x" * (MAX_TEXT_LENGTH + 1),)), AFTER)


class TestAgreements:
    @pytest.mark.parametrize(
        ("changes", "problem"),
        [
            ({"what": "  "}, AGREEMENT_WHAT_MISSING),
            ({"responsible_id": uuid4()}, AGREEMENT_RESPONSIBLE_NOT_PARTICIPANT),
            ({"due_on": MEETING_DAY - timedelta(days=1)}, AGREEMENT_DUE_BEFORE_MEETING),
            (
                {"due_on": MEETING_DAY, "evaluate_on": MEETING_DAY},
                AGREEMENT_EVALUATION_NOT_LATER,
            ),
            (
                {"evaluate_on": MEETING_DAY + timedelta(weeks=5)},
                AGREEMENT_EVALUATION_BEFORE_DUE,
            ),
        ],
    )
    def test_an_agreement_needs_what_who_by_when_and_a_later_evaluation(
        self, changes: dict[str, Any], problem: str
    ) -> None:
        wrong = agreement(**changes)

        with pytest.raises(InvalidAgreement) as refused:
            record_meeting(held_meeting(), draft(agreements=(wrong,)), AFTER)

        assert refused.value.problem == problem
        assert refused.value.agreement_id == wrong.agreement_id

    def test_an_agreement_due_on_the_meeting_day_is_fine(self) -> None:
        today = agreement(due_on=MEETING_DAY)

        result = record_meeting(held_meeting(), draft(agreements=(today,)), AFTER)

        assert result.agreements[0].due_on == MEETING_DAY

    def test_the_same_agreement_twice_is_refused(self) -> None:
        twice = agreement()

        with pytest.raises(InvalidAgreement) as refused:
            record_meeting(held_meeting(), draft(agreements=(twice, twice)), AFTER)

        assert refused.value.problem == AGREEMENT_DUPLICATE_ID

    def test_a_record_without_agreements_is_complete(self) -> None:
        result = record_meeting(held_meeting(), draft(agreements=()), AFTER)

        assert result.agreements == ()


class TestParentResponse:
    def test_a_guardian_acknowledges_the_record_once(self) -> None:
        record = a_record()

        first = acknowledge_record(record, GUARDIAN, {GUARDIAN}, set(), AFTER)
        again = acknowledge_record(record, GUARDIAN, {GUARDIAN}, {GUARDIAN}, AFTER)

        assert first is not None
        assert (first.record_id, first.guardian_id) == (record.record_id, GUARDIAN)
        assert again is None

    def test_someone_who_is_not_the_pupils_guardian_cannot_acknowledge(self) -> None:
        with pytest.raises(NotAGuardianOfPupil):
            acknowledge_record(a_record(), uuid4(), {GUARDIAN}, set(), AFTER)

    def test_a_comment_is_kept_beside_the_record_with_its_author(self) -> None:
        record = a_record()
        comment_id = uuid4()

        comment = add_parent_comment(
            record, comment_id, GUARDIAN, "  Wij zien thuis iets anders. ", {GUARDIAN}, AFTER
        )

        assert comment.comment_id == comment_id
        assert comment.record_id == record.record_id
        assert comment.guardian_id == GUARDIAN
        assert comment.text == "Wij zien thuis iets anders."

    def test_an_empty_comment_is_refused(self) -> None:
        with pytest.raises(EmptyComment):
            add_parent_comment(a_record(), uuid4(), GUARDIAN, "   ", {GUARDIAN}, AFTER)

    def test_someone_who_is_not_the_pupils_guardian_cannot_comment(self) -> None:
        with pytest.raises(NotAGuardianOfPupil):
            add_parent_comment(a_record(), uuid4(), uuid4(), "Hallo", {GUARDIAN}, AFTER)
