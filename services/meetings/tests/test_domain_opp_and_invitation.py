"""The OPP as tracked here, and guardians answering an invitation."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from uuid import uuid4

import pytest
from samen_meetings.domain.cycle_errors import (
    InvitationClosed,
    OppClosed,
    OppStartInFuture,
    OppVersionNotNewer,
)
from samen_meetings.domain.errors import EvaluationDateInvalid, NotAGuardianOfPupil, TextTooLong
from samen_meetings.domain.invitation import Answer, answer_invitation, invited_guardians
from samen_meetings.domain.kinds import MeetingKind, ParticipantRole
from samen_meetings.domain.meeting import Meeting, MeetingStatus, Participant, TimeSlot
from samen_meetings.domain.opp import Opp, close_opp, evaluate_opp, new_action_part, register_opp

pytestmark = pytest.mark.unit

TODAY = date(2026, 3, 2)
NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def an_opp(started_on: date = date(2025, 9, 1), **changes: object) -> Opp:
    opp = Opp(uuid4(), uuid4(), uuid4(), uuid4(), started_on, 1, True)
    return replace(opp, **changes)  # type: ignore[arg-type]


class TestOpp:
    def test_an_opp_is_registered_once_it_has_started(self) -> None:
        with pytest.raises(OppStartInFuture):
            register_opp(an_opp(TODAY + timedelta(days=1)), TODAY)

        assert register_opp(an_opp(TODAY), TODAY).cycle.anchor == TODAY

    def test_a_new_opp_closes_the_previous_one_on_its_start(self) -> None:
        previous, successor = an_opp(date(2024, 9, 1)), an_opp(date(2025, 9, 1))

        assert close_opp(previous, successor).closed_on == date(2025, 9, 1)

    def test_a_new_action_part_needs_a_higher_version_and_keeps_the_cycle(self) -> None:
        opp = an_opp(last_evaluated_on=date(2026, 1, 10))

        revised = new_action_part(opp, 2, parents_approved=False)

        assert (revised.action_part_version, revised.parents_approved) == (2, False)
        assert revised.cycle.anchor == date(2026, 1, 10)
        with pytest.raises(OppVersionNotNewer):
            new_action_part(revised, 2, parents_approved=True)

    def test_an_evaluation_starts_the_next_cycle_and_never_moves_it_back(self) -> None:
        opp = evaluate_opp(an_opp(), date(2026, 2, 20), TODAY)

        assert opp.cycle.anchor == date(2026, 2, 20)
        assert evaluate_opp(opp, date(2026, 1, 5), TODAY).cycle.anchor == date(2026, 2, 20)

    def test_an_evaluation_is_recorded_after_it_happened_on_an_open_opp(self) -> None:
        with pytest.raises(EvaluationDateInvalid):
            evaluate_opp(an_opp(), TODAY + timedelta(days=1), TODAY)
        with pytest.raises(OppClosed):
            evaluate_opp(an_opp(closed_on=date(2026, 1, 1)), TODAY, TODAY)


def a_meeting(status: MeetingStatus = MeetingStatus.SCHEDULED, days: int = 3) -> Meeting:
    guardian, teacher = uuid4(), uuid4()
    starts = NOW + timedelta(days=days)
    return Meeting(
        meeting_id=uuid4(),
        tenant_id=uuid4(),
        school_id=uuid4(),
        pupil_id=uuid4(),
        kind=MeetingKind.PROGRESS_TALK,
        slot=TimeSlot(starts, starts + timedelta(hours=1)),
        participants=(
            Participant(ParticipantRole.GUARDIAN, guardian),
            Participant(ParticipantRole.TEACHER, teacher),
        ),
        status=status,
    )


class TestInvitation:
    def test_an_invited_guardian_answers_with_a_trimmed_note(self) -> None:
        meeting = a_meeting()
        (guardian,) = invited_guardians(meeting)

        answer = answer_invitation(meeting, uuid4(), guardian, Answer.ANOTHER_TIME, "  later ", NOW)

        assert (answer.answer, answer.note, answer.answered_at) == (
            Answer.ANOTHER_TIME,
            "later",
            NOW,
        )

    def test_staff_and_strangers_do_not_answer_as_guardians(self) -> None:
        meeting = a_meeting()
        teacher = next(
            p.person_id for p in meeting.participants if p.role is ParticipantRole.TEACHER
        )

        for outsider in (teacher, uuid4()):
            with pytest.raises(NotAGuardianOfPupil):
                answer_invitation(meeting, uuid4(), outsider, Answer.ACCEPT, "", NOW)

    @pytest.mark.parametrize(
        ("status", "days"),
        [
            (MeetingStatus.ON_HOLD, 3),
            (MeetingStatus.CANCELLED, 3),
            (MeetingStatus.RECORDED, -3),
            (MeetingStatus.SCHEDULED, -1),
        ],
    )
    def test_only_a_meeting_still_to_come_takes_answers(
        self, status: MeetingStatus, days: int
    ) -> None:
        meeting = a_meeting(status, days)
        (guardian,) = invited_guardians(meeting)

        with pytest.raises(InvitationClosed):
            answer_invitation(meeting, uuid4(), guardian, Answer.ACCEPT, "", NOW)

    def test_a_note_has_a_limit(self) -> None:
        meeting = a_meeting()
        (guardian,) = invited_guardians(meeting)

        with pytest.raises(TextTooLong):
            answer_invitation(meeting, uuid4(), guardian, Answer.DECLINE, "x" * 4001, NOW)
