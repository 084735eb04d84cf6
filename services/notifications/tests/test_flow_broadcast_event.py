"""An invitation to one class group's parents' evening: over real SMTP, only that group's
guardians get it, and the e-mail carries the evening as a calendar file that parses with
the right times in Europe/Amsterdam."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from email.message import EmailMessage
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar
from samen_contract.events.consent import GuardianshipRecorded, GuardianStanding, PupilEnrolled
from samen_kit.access import Role
from samen_kit.testing.names import new_tenant
from samen_kit.testing.waiting import wait_for

from services.notifications.tests.notifications_harness import Running, StartService

pytestmark = pytest.mark.integration

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
STARTS = datetime(2031, 3, 27, 19, 30, tzinfo=AMSTERDAM)  # after the switch to summer time
ENDS = datetime(2031, 3, 27, 21, 0, tzinfo=AMSTERDAM)


async def _enrol(running: Running, tenant: str, school: uuid.UUID, group: str) -> uuid.UUID:
    """A pupil of `group` with one guardian, whose e-mail address names the group."""
    pupil, guardian = await running.import_family(
        tenant, school, first_name="Kind", email=f"ouder-{group}@example.nl"
    )
    enrolled = PupilEnrolled(
        pupil_id=pupil, school_id=school, enrolled_on=date(2030, 8, 19), group=group
    )
    standing = GuardianStanding.PARENTAL_AUTHORITY
    recorded = GuardianshipRecorded(pupil_id=pupil, guardian_id=guardian, standing=standing)
    await running.publish(
        (running.envelope(enrolled, tenant=tenant, subject=str(pupil)), enrolled),
        (running.envelope(recorded, tenant=tenant, subject=str(pupil)), recorded),
    )
    return guardian


def _invitation(school: uuid.UUID, event_id: uuid.UUID) -> dict[str, object]:
    return {
        "broadcast_id": str(uuid.uuid4()),
        "scope": "school",
        "scope_id": str(school),
        "group": "7b",
        "sender_name": "Juf Anna",
        "texts": {"nl": {"subject": "Ouderavond groep 7b", "body": "Welkom op de ouderavond."}},
        "event": {
            "event_id": str(event_id),
            "title": "Ouderavond groep 7b",
            "starts_at": STARTS.isoformat(),
            "ends_at": ENDS.isoformat(),
            "place": "Aula, Lindelaan 12",
        },
    }


def _calendar(mail: EmailMessage) -> Calendar:
    assert mail.get_content_type() == "multipart/mixed"
    [part] = [p for p in mail.iter_attachments() if p.get_content_type() == "text/calendar"]
    assert part.get_param("method") == "PUBLISH"
    return Calendar.from_ical(part.get_payload(decode=True))


async def test_only_the_invited_groups_guardians_get_the_evening_as_one_calendar_entry(
    running_service: StartService,
) -> None:
    tenant, school, event_id = new_tenant(), uuid.uuid4(), uuid.uuid4()
    async with running_service() as running:
        await _enrol(running, tenant, school, "7b")
        await _enrol(running, tenant, school, "8a")
        headers = running.headers(tenant, Role.IB, schools=(school,))

        async def invited() -> dict[str, object] | None:
            answer = await running.http.post(
                "/v1/broadcasts", json=_invitation(school, event_id), headers=headers
            )
            assert answer.status_code == 202, answer.text
            found: dict[str, object] = answer.json()
            return found if found["recipients"] == 1 else None

        await wait_for(invited)
        [mail] = await wait_for(lambda: running.mails("ouder-7b@example.nl") or None)
        corrected = _invitation(school, event_id) | {"broadcast_id": str(uuid.uuid4())}
        again = await running.http.post("/v1/broadcasts", json=corrected, headers=headers)
        assert again.status_code == 202
        mails = await wait_for(
            lambda: m if len(m := running.mails("ouder-7b@example.nl")) == 2 else None
        )

    assert running.mails("ouder-8a@example.nl") == []
    [first, second] = [_calendar(m).walk("VEVENT")[0] for m in mails]
    calendar = _calendar(mail)
    assert str(calendar["METHOD"]) == "PUBLISH"
    [timezone] = calendar.walk("VTIMEZONE")
    assert str(timezone["TZID"]) == "Europe/Amsterdam"
    [event] = calendar.walk("VEVENT")
    assert event.decoded("DTSTART") == STARTS and event.decoded("DTEND") == ENDS
    assert event["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert str(event["LOCATION"]) == "Aula, Lindelaan 12"
    assert "ATTENDEE" not in event
    assert str(first["UID"]) == str(second["UID"]) == f"event-{event_id}@samen.invalid"
    assert first["SUMMARY"] == second["SUMMARY"] == "Ouderavond groep 7b"
