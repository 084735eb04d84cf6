"""The calendar file of an invitation to an event (a parents' evening), parsed back with
the icalendar package: PUBLISH to many, one entry per event, Europe/Amsterdam times."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar
from samen_notifications.domain.errors import NaiveDatetime
from samen_notifications.domain.evening import InvitedEvent, Organizer, event_calendar
from samen_notifications.domain.ical import InvalidCalendarEntry

pytestmark = pytest.mark.unit

AMS = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2030, 10, 1, 9, 0, tzinfo=UTC)
EVENT = InvitedEvent(
    uuid.uuid4(),
    "Ouderavond groep 7b",
    datetime(2030, 10, 29, 19, 30, tzinfo=AMS),  # just after the switch to winter time
    datetime(2030, 10, 29, 21, 0, tzinfo=AMS),
    "Aula, Lindelaan 12",
)
ORGANIZER = Organizer("OBS De Regenboog", "noreply@samen.example")


def _vevent(event: InvitedEvent = EVENT, sent_at: datetime = NOW) -> Any:
    calendar = Calendar.from_ical(event_calendar(event, ORGANIZER, sent_at, NOW, "nl"))
    assert str(calendar["METHOD"]) == "PUBLISH"
    [vevent] = calendar.walk("VEVENT")
    return vevent


def test_the_evening_is_published_with_its_times_in_amsterdam_and_its_place() -> None:
    vevent = _vevent()

    assert vevent.decoded("DTSTART") == EVENT.starts_at
    assert vevent.decoded("DTSTART").utcoffset() == timedelta(hours=1)
    assert vevent.decoded("DTEND") == EVENT.ends_at
    assert vevent["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert str(vevent["LOCATION"]) == "Aula, Lindelaan 12"
    assert str(vevent["SUMMARY"]) == "Ouderavond groep 7b"


def test_the_organiser_is_the_school_and_nobody_is_asked_to_answer() -> None:
    vevent = _vevent()

    assert vevent["ORGANIZER"].params["CN"] == "OBS De Regenboog"
    assert "ATTENDEE" not in vevent and "RSVP" not in vevent.to_ical().decode()


def test_a_corrected_invitation_updates_the_same_entry_with_a_higher_sequence() -> None:
    first = _vevent()
    moved = InvitedEvent(
        EVENT.event_id,
        EVENT.title,
        EVENT.starts_at + timedelta(hours=1),
        EVENT.ends_at + timedelta(hours=1),
        EVENT.place,
    )
    later = _vevent(moved, sent_at=NOW + timedelta(days=2))

    assert str(later["UID"]) == str(first["UID"]) == f"event-{EVENT.event_id}@samen.invalid"
    assert int(later["SEQUENCE"]) > int(first["SEQUENCE"])


def test_another_evening_is_another_entry() -> None:
    other = InvitedEvent(uuid.uuid4(), EVENT.title, EVENT.starts_at, EVENT.ends_at, EVENT.place)

    assert str(_vevent(other)["UID"]) != str(_vevent()["UID"])


def test_an_evening_that_ends_before_it_starts_or_has_no_time_zone_is_refused() -> None:
    with pytest.raises(InvalidCalendarEntry):
        InvitedEvent(EVENT.event_id, "x", EVENT.ends_at, EVENT.starts_at, "x")
    with pytest.raises(NaiveDatetime):
        InvitedEvent(EVENT.event_id, "x", datetime(2030, 1, 1, 19), datetime(2030, 1, 1, 21), "x")


def test_the_event_survives_its_stored_form() -> None:
    assert InvitedEvent.from_json(EVENT.to_json()) == EVENT
