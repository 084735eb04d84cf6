"""Who takes part in each kind of meeting, as the seeds describe it."""

from __future__ import annotations

import pytest
from samen_meetings.domain.kinds import SCHOOL_STAFF_ROLES, MeetingKind, ParticipantRole, rules_for

pytestmark = pytest.mark.unit

GUARDIAN = ParticipantRole.GUARDIAN
TRAJECTBEGELEIDER = ParticipantRole.TRAJECTBEGELEIDER


@pytest.mark.parametrize("kind", list(MeetingKind))
def test_guardians_take_part_in_every_meeting_about_their_child(kind: MeetingKind) -> None:
    rules = rules_for(kind)

    assert GUARDIAN in rules.required_roles
    assert rules.required_one_of == SCHOOL_STAFF_ROLES


def test_an_mdo_brings_parents_teacher_ib_and_trajectbegeleider_together() -> None:
    assert rules_for(MeetingKind.MDO).required_roles == {
        GUARDIAN,
        ParticipantRole.TEACHER,
        ParticipantRole.IB,
        TRAJECTBEGELEIDER,
    }


def test_the_school_support_team_meets_with_the_ib_and_the_parents() -> None:
    assert rules_for(MeetingKind.SUPPORT_TEAM).required_roles == {GUARDIAN, ParticipantRole.IB}


@pytest.mark.parametrize(
    ("kind", "may_join"),
    [
        (MeetingKind.INTAKE, False),
        (MeetingKind.PROGRESS_TALK, False),
        (MeetingKind.SUPPORT_TEAM, False),
        (MeetingKind.MDO, True),
        (MeetingKind.OPP_EVALUATION, True),
        (MeetingKind.AGREEMENT_EVALUATION, True),
    ],
)
def test_where_the_trajectbegeleider_may_join(kind: MeetingKind, may_join: bool) -> None:
    assert (TRAJECTBEGELEIDER in rules_for(kind).allowed_roles) is may_join


def test_only_evaluation_meetings_name_what_they_evaluate() -> None:
    evaluating = {k for k in MeetingKind if rules_for(k).evaluates_opp}
    agreements = {k for k in MeetingKind if rules_for(k).evaluates_agreements}

    assert evaluating == {MeetingKind.OPP_EVALUATION}
    assert agreements == {MeetingKind.AGREEMENT_EVALUATION}
