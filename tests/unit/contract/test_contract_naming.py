"""The naming rule is enforced when an event class is defined."""

from __future__ import annotations

from uuid import UUID

import pytest
from samen_contract import Event, event_type_of
from samen_contract.errors import EventNamingError
from samen_contract.events.consent import PupilEnrolled, PupilLeft
from samen_contract.naming import is_past_tense_fact, parse_event_type

pytestmark = pytest.mark.unit

CATALOGUE = [
    "PupilEnrolled",
    "PupilLeft",
    "GuardianshipRecorded",
    "GuardianshipEnded",
    "ConsentRequested",
    "ConsentAnswered",
    "ConsentGiven",
    "ConsentRefused",
    "ConsentConflictDetected",
    "ConsentWithdrawn",
    "ConsentExpired",
    "ConsentReminderDue",
    "MeetingScheduled",
    "MeetingRescheduled",
    "MeetingCancelled",
    "MeetingOnHold",
    "InvitationAnswered",
    "MeetingReminderDue",
    "MeetingRecorded",
    "AgreementMade",
    "RecordAcknowledged",
    "ParentCommentAdded",
    "OppRegistered",
    "EvaluationDue",
    "EvaluationOverdue",
    "NotificationSent",
    "NotificationDelivered",
    "NotificationFailed",
    "GuardianUnreachable",
    "StepUpLocked",
    "StepUpRefused",
    "DisputeOpened",
    "DisputeStageChanged",
    "DisputeDeadlineApproaching",
    "DisputeDeadlineMissed",
    "DisputeResolved",
    "DisputeDecided",
    "DisputeWithdrawn",
    "TreeHeadSigned",
    "AuditExported",
    "AccessRefused",
]


def test_the_type_names_service_class_and_major_version() -> None:
    assert PupilEnrolled.event_type() == "samen.consent.PupilEnrolled.v1"
    assert event_type_of(PupilLeft) == "samen.consent.PupilLeft.v1"


def test_a_new_major_version_gets_its_own_type() -> None:
    class ConsentGiven(Event):
        __service__ = "consent"
        __version__ = 2
        pupil_id: UUID

    assert ConsentGiven.event_type() == "samen.consent.ConsentGiven.v2"
    assert parse_event_type(ConsentGiven.event_type()) == ("consent", "ConsentGiven", 2)


@pytest.mark.parametrize("name", CATALOGUE)
def test_every_name_in_the_architecture_catalogue_passes_the_rule(name: str) -> None:
    assert is_past_tense_fact(name)


@pytest.mark.parametrize("name", ["GiveConsent", "SendNotification", "ConsentRequest", "Meeting"])
def test_commands_and_nouns_are_not_event_names(name: str) -> None:
    assert not is_past_tense_fact(name)


def test_a_command_named_event_class_is_refused_at_definition() -> None:
    with pytest.raises(EventNamingError, match="past-tense fact"):

        class GiveConsent(Event):
            __service__ = "consent"


def test_a_snake_case_event_class_is_refused_at_definition() -> None:
    with pytest.raises(EventNamingError, match="CamelCase"):

        class consent_given(Event):
            __service__ = "consent"


def test_an_event_of_an_unknown_service_is_refused_at_definition() -> None:
    with pytest.raises(EventNamingError, match="billing"):

        class PageViewed(Event):
            __service__ = "billing"


@pytest.mark.parametrize("version", [0, -1, True, "1"])
def test_a_version_must_be_a_positive_major_number(version: object) -> None:
    with pytest.raises(EventNamingError, match="__version__"):

        class MeetingScheduled(Event):
            __service__ = "meetings"
            __version__ = version  # type: ignore[assignment]


def test_a_class_without_service_is_abstract_and_has_no_type() -> None:
    class Shared(Event):
        pupil_id: UUID

    with pytest.raises(TypeError, match="abstract"):
        Shared.event_type()


@pytest.mark.parametrize(
    "event_type",
    ["samen.consent.ConsentGiven", "samen.consent.consentGiven.v1", "other.consent.X.v1"],
)
def test_a_type_of_another_shape_is_not_parsed(event_type: str) -> None:
    with pytest.raises(ValueError):
        parse_event_type(event_type)
