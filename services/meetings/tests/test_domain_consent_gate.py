"""The consent gate: an MDO needs consent for the MDO request, and a trajectbegeleider
takes part only where the parents consented to engaging the samenwerkingsverband."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from uuid import UUID, uuid4

import pytest
from samen_meetings.domain.consent_gate import (
    ConsentGap,
    ConsentState,
    ConsentStatus,
    GateOutcome,
    HoldReason,
    PupilConsents,
    Purpose,
    check_consent,
)
from samen_meetings.domain.errors import ConsentRequired, MeetingNotOnHold, StartInPast
from samen_meetings.domain.holds import hold_for_consent, resume_meeting
from samen_meetings.domain.kinds import MeetingKind, ParticipantRole
from samen_meetings.domain.meeting import Meeting, MeetingStatus, Participant

from services.meetings.tests.meetings_factories import meeting_of

pytestmark = pytest.mark.unit

GIVEN = ConsentState(ConsentStatus.GIVEN)
WITHDRAWN = ConsentState(ConsentStatus.WITHDRAWN)
MDO_ROLES = {
    ParticipantRole.GUARDIAN,
    ParticipantRole.TEACHER,
    ParticipantRole.IB,
    ParticipantRole.TRAJECTBEGELEIDER,
}
NOW = datetime(2025, 5, 1, 10, 0, tzinfo=UTC)
MEETING_DAY = date(2025, 5, 20)


def consents(pupil_id: UUID | None = None, **states: ConsentState) -> PupilConsents:
    return PupilConsents(pupil_id or uuid4(), states)


def both_given(pupil_id: UUID | None = None) -> PupilConsents:
    return consents(pupil_id, engage_swv=GIVEN, mdo_request=GIVEN)


def planned_mdo(pupil_id: UUID, status: MeetingStatus = MeetingStatus.SCHEDULED) -> Meeting:
    starts_at = NOW + timedelta(days=19)
    roles = sorted(MDO_ROLES)
    participants = [Participant(role, uuid4()) for role in roles]
    return meeting_of(MeetingKind.MDO, starts_at, participants, status=status, pupil_id=pupil_id)


class TestMdo:
    def test_an_mdo_with_both_consents_given_is_allowed(self) -> None:
        decision = check_consent(MeetingKind.MDO, MDO_ROLES, both_given(), MEETING_DAY)

        assert decision.outcome is GateOutcome.ALLOWED
        assert decision.reasons == ()

    def test_an_mdo_without_any_consent_is_on_hold_naming_both_purposes(self) -> None:
        decision = check_consent(MeetingKind.MDO, MDO_ROLES, consents(), MEETING_DAY)

        assert decision.outcome is GateOutcome.ON_HOLD
        assert decision.reasons == (
            HoldReason(Purpose.MDO_REQUEST, ConsentGap.MISSING, None),
            HoldReason(Purpose.ENGAGE_SWV, ConsentGap.MISSING, ParticipantRole.TRAJECTBEGELEIDER),
        )

    def test_a_withdrawn_mdo_request_puts_the_mdo_on_hold(self) -> None:
        withdrawn = consents(engage_swv=GIVEN, mdo_request=WITHDRAWN)

        decision = check_consent(MeetingKind.MDO, MDO_ROLES, withdrawn, MEETING_DAY)

        assert decision.reasons == (HoldReason(Purpose.MDO_REQUEST, ConsentGap.WITHDRAWN),)

    def test_without_engage_swv_the_trajectbegeleider_may_not_take_part(self) -> None:
        only_mdo = consents(mdo_request=GIVEN)

        decision = check_consent(MeetingKind.MDO, MDO_ROLES, only_mdo, MEETING_DAY)

        assert decision.reasons == (
            HoldReason(Purpose.ENGAGE_SWV, ConsentGap.MISSING, ParticipantRole.TRAJECTBEGELEIDER),
        )

    @pytest.mark.parametrize(
        ("status", "gap"),
        [
            (ConsentStatus.REFUSED, ConsentGap.REFUSED),
            (ConsentStatus.WITHDRAWN, ConsentGap.WITHDRAWN),
            (ConsentStatus.EXPIRED, ConsentGap.EXPIRED),
        ],
    )
    def test_the_reason_names_what_happened_to_the_consent(
        self, status: ConsentStatus, gap: ConsentGap
    ) -> None:
        projection = consents(engage_swv=GIVEN, mdo_request=ConsentState(status))

        decision = check_consent(MeetingKind.MDO, MDO_ROLES, projection, MEETING_DAY)

        assert [r.gap for r in decision.reasons] == [gap]


class TestValidity:
    def test_consent_valid_through_the_meeting_day_allows_it(self) -> None:
        until_then = ConsentState(ConsentStatus.GIVEN, valid_until=MEETING_DAY)
        projection = consents(engage_swv=until_then, mdo_request=until_then)

        assert check_consent(MeetingKind.MDO, MDO_ROLES, projection, MEETING_DAY).allowed

    def test_consent_that_ends_before_the_meeting_day_counts_as_expired(self) -> None:
        ends_before = ConsentState(ConsentStatus.GIVEN, valid_until=MEETING_DAY - timedelta(1))
        projection = consents(engage_swv=GIVEN, mdo_request=ends_before)

        decision = check_consent(MeetingKind.MDO, MDO_ROLES, projection, MEETING_DAY)

        assert decision.reasons == (HoldReason(Purpose.MDO_REQUEST, ConsentGap.EXPIRED),)


class TestOtherKinds:
    def test_an_intake_needs_no_consent(self) -> None:
        roles = {ParticipantRole.GUARDIAN, ParticipantRole.TEACHER}

        assert check_consent(MeetingKind.INTAKE, roles, consents(), MEETING_DAY).allowed

    def test_a_trajectbegeleider_at_an_opp_evaluation_still_needs_engage_swv(self) -> None:
        roles = {ParticipantRole.GUARDIAN, ParticipantRole.IB, ParticipantRole.TRAJECTBEGELEIDER}

        decision = check_consent(MeetingKind.OPP_EVALUATION, roles, consents(), MEETING_DAY)

        assert decision.reasons == (
            HoldReason(Purpose.ENGAGE_SWV, ConsentGap.MISSING, ParticipantRole.TRAJECTBEGELEIDER),
        )

    def test_an_opp_evaluation_without_trajectbegeleider_needs_no_consent(self) -> None:
        roles = {ParticipantRole.GUARDIAN, ParticipantRole.IB}

        assert check_consent(MeetingKind.OPP_EVALUATION, roles, consents(), MEETING_DAY).allowed


class TestProjection:
    def test_a_later_event_replaces_the_state_of_its_purpose_only(self) -> None:
        before = both_given()

        after = before.with_state(Purpose.MDO_REQUEST, WITHDRAWN)

        assert after.state_of(Purpose.MDO_REQUEST) == WITHDRAWN
        assert after.state_of(Purpose.ENGAGE_SWV) == GIVEN
        assert before.state_of(Purpose.MDO_REQUEST) == GIVEN


class TestHold:
    def test_a_withdrawn_consent_puts_the_planned_mdo_on_hold(self) -> None:
        pupil_id = uuid4()
        mdo = planned_mdo(pupil_id)
        withdrawn = both_given(pupil_id).with_state(Purpose.MDO_REQUEST, WITHDRAWN)

        held = hold_for_consent(mdo, withdrawn, NOW)

        assert held is not None
        assert held.status is MeetingStatus.ON_HOLD
        assert held.hold_reasons == (HoldReason(Purpose.MDO_REQUEST, ConsentGap.WITHDRAWN),)

    def test_a_planned_mdo_with_consent_in_place_is_left_alone(self) -> None:
        pupil_id = uuid4()

        assert hold_for_consent(planned_mdo(pupil_id), both_given(pupil_id), NOW) is None

    def test_a_meeting_that_needs_no_consent_is_left_alone(self) -> None:
        pupil_id = uuid4()
        intake = replace(
            planned_mdo(pupil_id),
            kind=MeetingKind.INTAKE,
            participants=(
                Participant(ParticipantRole.GUARDIAN, uuid4()),
                Participant(ParticipantRole.TEACHER, uuid4()),
            ),
        )

        assert hold_for_consent(intake, consents(pupil_id), NOW) is None

    def test_a_meeting_that_already_started_does_not_go_on_hold(self) -> None:
        pupil_id = uuid4()
        mdo = planned_mdo(pupil_id)
        after_start = mdo.slot.starts_at + timedelta(minutes=5)

        assert hold_for_consent(mdo, consents(pupil_id), after_start) is None

    @pytest.mark.parametrize(
        "status", [MeetingStatus.ON_HOLD, MeetingStatus.CANCELLED, MeetingStatus.RECORDED]
    )
    def test_only_a_scheduled_meeting_goes_on_hold(self, status: MeetingStatus) -> None:
        pupil_id = uuid4()

        assert hold_for_consent(planned_mdo(pupil_id, status), consents(pupil_id), NOW) is None

    def test_consents_of_another_pupil_never_count(self) -> None:
        with pytest.raises(ValueError, match="another pupil"):
            hold_for_consent(planned_mdo(uuid4()), both_given(uuid4()), NOW)


class TestResume:
    def test_a_meeting_on_hold_resumes_once_consent_is_given_again(self) -> None:
        pupil_id = uuid4()
        held = planned_mdo(pupil_id, MeetingStatus.ON_HOLD)

        resumed = resume_meeting(held, both_given(pupil_id), NOW)

        assert resumed.status is MeetingStatus.SCHEDULED
        assert resumed.hold_reasons == ()

    def test_it_stays_on_hold_while_consent_is_still_missing(self) -> None:
        pupil_id = uuid4()
        held = planned_mdo(pupil_id, MeetingStatus.ON_HOLD)

        with pytest.raises(ConsentRequired) as refused:
            resume_meeting(held, consents(pupil_id, mdo_request=GIVEN), NOW)

        assert [r.purpose for r in refused.value.reasons] == [Purpose.ENGAGE_SWV]

    def test_a_scheduled_meeting_cannot_be_resumed(self) -> None:
        pupil_id = uuid4()

        with pytest.raises(MeetingNotOnHold):
            resume_meeting(planned_mdo(pupil_id), both_given(pupil_id), NOW)

    def test_a_meeting_whose_time_has_passed_is_rescheduled_not_resumed(self) -> None:
        pupil_id = uuid4()
        held = planned_mdo(pupil_id, MeetingStatus.ON_HOLD)

        with pytest.raises(StartInPast):
            resume_meeting(held, both_given(pupil_id), held.slot.ends_at)
