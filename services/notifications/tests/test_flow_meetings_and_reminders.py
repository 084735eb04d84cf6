"""Meeting invitations carry a calendar file whose SEQUENCE is the meeting's revision;
a reminder for a request answered meanwhile is not sent."""

from __future__ import annotations

import uuid
from datetime import UTC, timedelta

import pytest
from icalendar import Calendar
from samen_contract.events.consent import (
    AnswerChannel,
    ConsentAnswer,
    ConsentAnswered,
    ConsentReminderDue,
    PartyRole,
)
from samen_contract.events.meetings import LocationKind, MeetingKind, MeetingScheduled
from samen_kit.testing.names import new_tenant
from samen_kit.testing.waiting import wait_for

from services.notifications.tests.notifications_harness import (
    Running,
    StartService,
    consent_requested,
    guardianship,
)

pytestmark = pytest.mark.integration


def _roster_row(
    pupil: uuid.UUID, guardian: uuid.UUID, email: str, language: str
) -> dict[str, object]:
    return {
        "line": 1,
        "pupil_id": str(pupil),
        "pupil_first_name": "Elif",
        "guardians": [{"guardian_id": str(guardian), "email": email, "language": language}],
    }


async def test_an_invitation_in_turkish_carries_an_ics_with_the_revision_as_sequence(
    running_service: StartService,
) -> None:
    tenant, school, pupil, guardian = new_tenant(), uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    async with running_service() as running:
        await running.import_roster(
            tenant, school, [_roster_row(pupil, guardian, "veli@example.nl", "tr")]
        )
        starts = running.clock.now() + timedelta(days=10)
        meeting = MeetingScheduled(
            meeting_id=uuid.uuid4(),
            pupil_id=pupil,
            school_id=school,
            kind=MeetingKind.MDO,
            starts_at=starts,
            ends_at=starts + timedelta(hours=1),
            revision=2,
            guardian_ids=(guardian,),
            participants=(),
            location_kind=LocationKind.SCHOOL,
            interpreter_needed=True,
            interpreter_language="tr",
        )
        await running.publish_about(tenant, pupil, meeting)
        (mail,) = await wait_for(running.mails)

    assert str(mail["Content-Language"]) == "tr"
    (ics,) = [
        part for part in mail.iter_attachments() if part.get_content_type() == "text/calendar"
    ]
    calendar = Calendar.from_ical(ics.get_payload(decode=True))
    (event,) = calendar.walk("VEVENT")
    assert str(calendar["METHOD"]) == "REQUEST"
    assert event.decoded("SEQUENCE") == 2
    assert str(event["UID"]) == f"meeting-{meeting.meeting_id}@samen.invalid"
    assert event.decoded("DTSTART").astimezone(UTC) == starts.astimezone(UTC)
    assert "Elif" in str(event["SUMMARY"])
    body = mail.get_body(("plain",))
    assert body is not None and "Okulda" in body.get_content()  # "at school", in Turkish


async def test_no_reminder_goes_to_a_guardian_who_answered_meanwhile(
    running_service: StartService,
) -> None:
    tenant, school, pupil = new_tenant(), uuid.uuid4(), uuid.uuid4()
    answered, silent = uuid.uuid4(), uuid.uuid4()
    async with running_service() as running:
        await running.import_roster(
            tenant,
            school,
            [
                _roster_row(pupil, answered, "a@example.nl", "nl"),
                _roster_row(pupil, silent, "b@example.nl", "en") | {"line": 2},
            ],
        )
        request = consent_requested(pupil, school, answered, silent, purpose="assessment")
        answer = ConsentAnswered(
            request_id=request.request_id,
            pupil_id=pupil,
            purpose="assessment",
            purpose_version=1,
            party_id=answered,
            party_role=PartyRole.GUARDIAN,
            answer=ConsentAnswer.AGREE,
            channel=AnswerChannel.GUARDIAN_PAGE,
        )
        reminders = [
            ConsentReminderDue(
                request_id=request.request_id,
                pupil_id=pupil,
                purpose="assessment",
                party_id=party,
                number=1,
            )
            for party in (answered, silent)
        ]
        later = guardianship(pupil, silent)
        events = [request, answer, *reminders, later]
        await running.publish_about(tenant, pupil, *events)
        await wait_for(lambda: _sent_to(running, tenant, silent) == 2)
        notes = await _notifications(running, tenant, pupil)

    reminded = {n["recipient_id"] for n in notes if n["template"] == "consent_reminder"}
    assert reminded == {str(silent)}
    # The answer may even overtake the request itself, which then is not sent either.
    assert _sent_to(running, tenant, answered) <= 1


def _sent_to(running: Running, tenant: str, guardian: uuid.UUID) -> int:
    sent = running.bus(tenant, "NotificationSent")
    return sum(1 for _, data in sent if data["recipient_id"] == str(guardian))


async def _notifications(running: Running, tenant: str, pupil: uuid.UUID) -> list[dict[str, str]]:
    response = await running.http.get(
        f"/v1/pupils/{pupil}/notifications", headers=running.headers(tenant)
    )
    assert response.status_code == 200
    return list(response.json())
