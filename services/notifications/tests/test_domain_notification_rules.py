"""The rules table: which event sends what to whom."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from samen_notifications.domain.errors import NaiveDatetime
from samen_notifications.domain.rules import (
    RULES,
    Audience,
    CalendarMethod,
    Channel,
    MessageKind,
    NotificationRule,
    Urgency,
    rules_for,
    urgency_of,
)

pytestmark = pytest.mark.unit

NOW = datetime(2025, 3, 4, 22, 0, tzinfo=UTC)

HANDLED_EVENTS = [
    "samen.consent.ConsentRequested.v1",
    "samen.consent.ConsentReminderDue.v1",
    "samen.consent.ConsentGiven.v1",
    "samen.consent.ConsentRefused.v1",
    "samen.consent.ConsentWithdrawn.v1",
    "samen.meetings.MeetingScheduled.v1",
    "samen.meetings.MeetingRescheduled.v1",
    "samen.meetings.MeetingCancelled.v1",
    "samen.meetings.MeetingReminderDue.v1",
    "samen.meetings.MeetingRecorded.v1",
    "samen.meetings.EvaluationDue.v1",
    "samen.disputes.DisputeOpened.v1",
    "samen.disputes.DisputeStageChanged.v1",
]


def _guardian_rule(event_type: str) -> NotificationRule:
    (rule,) = [rule for rule in rules_for(event_type) if not rule.for_staff]
    return rule


@pytest.mark.parametrize("event_type", HANDLED_EVENTS)
def test_every_handled_event_tells_the_guardians_exactly_once(event_type: str) -> None:
    assert _guardian_rule(event_type).recipients.audience in {
        Audience.GUARDIANS_WITH_AUTHORITY,
        Audience.ALL_GUARDIANS,
    }


def test_an_event_without_a_rule_sends_nothing() -> None:
    assert rules_for("samen.consent.PupilEnrolled.v1") == ()


@pytest.mark.parametrize(
    "event", ["ConsentGiven", "ConsentRefused", "ConsentWithdrawn"], ids=str.lower
)
def test_a_consent_outcome_confirms_to_the_parents_and_notifies_the_ib(event: str) -> None:
    rules = rules_for(f"samen.consent.{event}.v1")
    staff = [rule for rule in rules if rule.for_staff]
    assert len(rules) == 2
    assert [rule.recipients.staff_roles for rule in staff] == [("ib",)]


def test_only_requests_reminders_and_records_ask_parents_to_act() -> None:
    asking = {rule.event_type.split(".")[2] for rule in RULES if rule.asks_action}
    assert asking == {
        "ConsentRequested",
        "ConsentReminderDue",
        "MeetingScheduled",
        "MeetingRescheduled",
        "MeetingRecorded",
    }


def test_a_rule_that_asks_the_parent_to_act_carries_a_link() -> None:
    assert all(rule.carries_link for rule in RULES if rule.asks_action)


def test_a_consent_confirmation_offers_the_withdrawal_link() -> None:
    rule = _guardian_rule("samen.consent.ConsentGiven.v1")
    assert rule.carries_link and not rule.asks_action


def test_an_evaluation_a_record_and_a_refused_opp_offer_parents_a_link_to_a_dispute() -> None:
    offering = {rule.event_type for rule in RULES if rule.offers_dispute}
    assert offering == {
        "samen.meetings.EvaluationDue.v1",
        "samen.meetings.MeetingRecorded.v1",
        "samen.plans.EvaluationDue.v1",
        "samen.plans.ActionPartNotSet.v1",
    }
    assert not any(rule.for_staff for rule in RULES if rule.offers_dispute)


def test_information_right_parents_get_meeting_records_but_are_never_asked_for_consent() -> None:
    consent = [rule for rule in RULES if rule.event_type.startswith("samen.consent.")]
    assert _guardian_rule("samen.meetings.MeetingRecorded.v1").recipients.audience is (
        Audience.ALL_GUARDIANS
    )
    assert all(rule.recipients.audience is not Audience.ALL_GUARDIANS for rule in consent)


def test_staff_notices_go_by_email_in_dutch_whatever_the_preferred_language() -> None:
    staff = [rule for rule in RULES if rule.for_staff]
    assert staff
    assert all(rule.channels == (Channel.EMAIL,) for rule in staff)
    assert all(rule.kind is MessageKind.STAFF_NOTICE for rule in staff)
    assert {rule.language_for("ar") for rule in staff} == {"nl"}


def test_guardians_get_their_own_language() -> None:
    assert _guardian_rule("samen.consent.ConsentRequested.v1").language_for("ar") == "ar"


@pytest.mark.parametrize(
    ("event", "method"),
    [
        ("MeetingScheduled", CalendarMethod.REQUEST),
        ("MeetingRescheduled", CalendarMethod.REQUEST),
        ("MeetingCancelled", CalendarMethod.CANCEL),
    ],
)
def test_meeting_changes_carry_a_calendar_file(event: str, method: CalendarMethod) -> None:
    assert _guardian_rule(f"samen.meetings.{event}.v1").calendar is method


def test_requests_and_reminders_go_by_email_and_sms() -> None:
    for event in ("consent.ConsentRequested", "meetings.MeetingScheduled"):
        assert _guardian_rule(f"samen.{event}.v1").channels == (Channel.EMAIL, Channel.SMS)


# A meeting change, how soon the meeting is, and how urgently the guardian hears of it.
URGENCY = {
    "a_meeting_moved_to_tomorrow_is_urgent": ("MeetingRescheduled", 12, Urgency.URGENT),
    "a_meeting_moved_to_next_week_is_not_urgent": ("MeetingRescheduled", 7 * 24, Urgency.NORMAL),
    "a_cancellation_of_a_meeting_tomorrow_is_urgent": ("MeetingCancelled", 30, Urgency.URGENT),
    "a_rule_without_an_urgency_window_is_never_urgent": ("MeetingScheduled", 1, Urgency.NORMAL),
}


@pytest.mark.parametrize(("event", "hours", "urgency"), URGENCY.values(), ids=URGENCY.keys())
def test_a_meeting_soon_is_urgent_within_the_rules_window(
    event: str, hours: int, urgency: Urgency
) -> None:
    rule = _guardian_rule(f"samen.meetings.{event}.v1")
    assert urgency_of(rule, NOW, NOW + timedelta(hours=hours)) is urgency


def test_urgency_refuses_a_naive_datetime() -> None:
    rule = _guardian_rule("samen.meetings.MeetingRescheduled.v1")
    with pytest.raises(NaiveDatetime):
        urgency_of(rule, NOW, datetime(2025, 3, 5, 9, 0))


def test_an_overdue_opp_or_evaluation_reaches_the_ib_and_the_samenwerkingsverband() -> None:
    for name in ("OppOverdue", "EvaluationOverdue"):
        (rule,) = [r for r in RULES if r.event_type == f"samen.plans.{name}.v1"]
        assert rule.for_staff
        assert {"ib", "trajectbegeleider"} <= set(rule.recipients.staff_roles)


def test_parents_hear_whether_the_opps_action_part_was_set() -> None:
    for name in ("ActionPartSet", "ActionPartNotSet"):
        rule = _guardian_rule(f"samen.plans.{name}.v1")
        assert rule.recipients.audience is Audience.GUARDIANS_WITH_AUTHORITY


def _admissions(name: str) -> str:
    return f"samen.admissions.{name}.v1"


@pytest.mark.parametrize(
    "name",
    [
        "AdmissionRequestDrafted",
        "AdmissionRequested",
        "AdmissionGranted",
        "AdmissionRefused",
        "AdmissionExtended",
        "AdmissionObjectionLodged",
        "AdmissionObjectionDecided",
    ],
)
def test_parents_hear_of_a_request_to_the_samenwerkingsverband_with_a_link_to_it(
    name: str,
) -> None:
    rule = _guardian_rule(_admissions(name))
    assert rule.recipients.audience is Audience.GUARDIANS_WITH_AUTHORITY
    assert rule.carries_link and not rule.asks_action


@pytest.mark.parametrize("name", ["AdmissionGranted", "AdmissionRefused"])
def test_a_decision_of_the_samenwerkingsverband_reaches_the_parents_and_the_ib(name: str) -> None:
    (notice,) = [r for r in rules_for(_admissions(name)) if r.for_staff]
    assert notice.recipients.staff_roles == ("ib",)
    assert _guardian_rule(_admissions(name)).kind is MessageKind.UPDATE


def test_an_ending_arrangement_warns_the_ib_the_director_and_the_parents() -> None:
    (notice,) = [r for r in rules_for(_admissions("AdmissionEndApproaching")) if r.for_staff]
    assert set(notice.recipients.staff_roles) == {"ib", "director"}
    assert not _guardian_rule(_admissions("AdmissionEndApproaching")).carries_link


@pytest.mark.parametrize("name", ["RegistrationOverdue", "ThuiszitterReported"])
def test_a_breach_of_the_duty_of_care_reaches_the_samenwerkingsverband(name: str) -> None:
    (notice,) = [r for r in rules_for(_admissions(name)) if r.for_staff]
    assert set(notice.recipients.staff_roles) == {"ib", "director", "trajectbegeleider"}


def test_parents_of_a_thuiszitter_are_told_but_an_overdue_registration_is_for_staff() -> None:
    assert _guardian_rule(_admissions("ThuiszitterReported")).template == "thuiszitter_reported"
    assert all(r.for_staff for r in rules_for(_admissions("RegistrationOverdue")))


@pytest.mark.parametrize("name", ["ParentsViewAdded", "ExpertAdviceGiven", "AbsenceEnded"])
def test_the_admissions_own_steps_send_nothing(name: str) -> None:
    assert rules_for(_admissions(name)) == ()
