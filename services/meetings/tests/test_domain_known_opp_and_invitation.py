"""The OPP as known here (from the plans service's facts), and guardians answering an
invitation."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from uuid import uuid4

import pytest
from samen_meetings.domain import known_opp
from samen_meetings.domain.errors import InvitationClosed, NotAGuardianOfPupil, TextTooLong
from samen_meetings.domain.invitation import Answer, answer_invitation, invited_guardians
from samen_meetings.domain.kinds import MeetingKind, ParticipantRole
from samen_meetings.domain.known_opp import KnownOpp
from samen_meetings.domain.meeting import Meeting, MeetingStatus, Participant

from services.meetings.tests.meetings_factories import meeting_of

pytestmark = pytest.mark.unit

NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def an_opp(started_on: date = date(2025, 9, 1), **changes: object) -> KnownOpp:
    opp = KnownOpp(uuid4(), uuid4(), uuid4(), started_on, started_on + timedelta(weeks=6))
    return replace(opp, **changes)  # type: ignore[arg-type]


class TestKnownOpp:
    def test_a_newer_opp_closes_the_previous_one_on_its_start(self) -> None:
        previous, successor = an_opp(date(2024, 9, 1)), an_opp(date(2025, 9, 1))

        assert known_opp.close(previous, successor).closed_on == date(2025, 9, 1)
        assert not known_opp.close(previous, successor).is_open

    def test_an_opp_never_closes_before_its_own_start(self) -> None:
        previous, successor = an_opp(date(2025, 9, 1)), an_opp(date(2025, 8, 1))

        assert known_opp.close(previous, successor).closed_on == date(2025, 9, 1)

    def test_a_closed_opp_keeps_its_closing_day(self) -> None:
        closed = an_opp(date(2024, 9, 1), closed_on=date(2025, 1, 6))

        assert known_opp.close(closed, an_opp(date(2025, 9, 1))).closed_on == date(2025, 1, 6)

    def test_the_version_moves_on_and_never_back(self) -> None:
        opp = known_opp.version_written(an_opp(), 2)

        assert opp.version == 2
        assert known_opp.version_written(opp, 1).version == 2

    def test_a_set_action_part_is_in_force_with_its_evaluation_date(self) -> None:
        opp = known_opp.action_part_set(an_opp(), 1, date(2025, 10, 6), date(2026, 10, 6))

        assert (opp.version, opp.set_version, opp.set_on) == (1, 1, date(2025, 10, 6))
        assert opp.evaluation_due_on == date(2026, 10, 6)

    def test_a_late_fact_about_an_older_set_version_changes_nothing(self) -> None:
        newer = known_opp.action_part_set(an_opp(), 3, date(2026, 1, 5), date(2026, 10, 6))

        assert known_opp.action_part_set(newer, 2, date(2025, 12, 1), date(2026, 10, 6)) == newer

    def test_only_an_evaluation_with_the_parents_moves_the_evaluation_date(self) -> None:
        opp = an_opp(evaluation_due_on=date(2026, 10, 6))

        without = known_opp.evaluation_held(opp, with_parents=False, next_due_on=None)
        held = known_opp.evaluation_held(opp, with_parents=True, next_due_on=date(2027, 9, 1))

        assert without.evaluation_due_on == date(2026, 10, 6)
        assert held.evaluation_due_on == date(2027, 9, 1)
        earlier = known_opp.evaluation_held(held, with_parents=True, next_due_on=date(2027, 1, 1))
        assert earlier.evaluation_due_on == date(2027, 9, 1)


def a_meeting(status: MeetingStatus = MeetingStatus.SCHEDULED, days: int = 3) -> Meeting:
    guardian, teacher = uuid4(), uuid4()
    starts = NOW + timedelta(days=days)
    participants = (
        Participant(ParticipantRole.GUARDIAN, guardian),
        Participant(ParticipantRole.TEACHER, teacher),
    )
    return meeting_of(MeetingKind.PROGRESS_TALK, starts, participants, status=status)


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
