"""The .ics attachment of meeting messages, parsed back with the icalendar package."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar, Timezone
from samen_notifications.domain.errors import NaiveDatetime
from samen_notifications.domain.ical import (
    CalendarEntry,
    InvalidCalendarEntry,
    meeting_calendar,
    meeting_uid,
)
from samen_notifications.domain.rules import CalendarMethod
from samen_notifications.rendering import render

pytestmark = pytest.mark.unit

AMS = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)
MEETING = uuid.uuid4()
START = datetime(2025, 3, 25, 14, 30, tzinfo=AMS)


def _entry(**overrides: Any) -> CalendarEntry:
    values: dict[str, Any] = {
        "meeting_id": MEETING,
        "sequence": 0,
        "starts_at": START,
        "ends_at": START + timedelta(hours=1),
        "summary": "Gesprek over Noor – OBS De Regenboog",
        "lang": "nl",
        "location": "Lindelaan 12, Utrecht",
        "attendee_email": "ouder@example.nl",
    }
    return CalendarEntry(**(values | overrides))


def _parse(entry: CalendarEntry, method: CalendarMethod = CalendarMethod.REQUEST) -> Calendar:
    return Calendar.from_ical(meeting_calendar(entry, method, NOW))


def _event(calendar: Calendar) -> Any:
    (event,) = calendar.walk("VEVENT")
    return event


def test_an_invitation_is_a_request_for_a_confirmed_meeting() -> None:
    calendar = _parse(_entry())
    assert str(calendar["METHOD"]) == "REQUEST"
    assert str(_event(calendar)["STATUS"]) == "CONFIRMED"


def test_a_cancellation_cancels_the_same_entry() -> None:
    calendar = _parse(_entry(sequence=2), CalendarMethod.CANCEL)
    event = _event(calendar)
    assert (str(calendar["METHOD"]), str(event["STATUS"])) == ("CANCEL", "CANCELLED")
    assert str(event["UID"]) == meeting_uid(MEETING)


def test_the_uid_stays_the_same_for_one_meeting_and_the_sequence_grows() -> None:
    first = _event(_parse(_entry(sequence=0)))
    moved = _event(
        _parse(
            _entry(
                sequence=1,
                starts_at=START + timedelta(days=1),
                ends_at=START + timedelta(days=1, hours=1),
            )
        )
    )
    assert str(first["UID"]) == str(moved["UID"])
    assert (first.decoded("SEQUENCE"), moved.decoded("SEQUENCE")) == (0, 1)


def test_another_meeting_has_another_uid() -> None:
    other = _event(_parse(_entry(meeting_id=uuid.uuid4())))
    assert str(other["UID"]) != meeting_uid(MEETING)


def test_start_and_end_are_amsterdam_wall_times_with_their_tzid() -> None:
    event = _event(
        _parse(
            _entry(
                starts_at=datetime(2025, 7, 1, 12, 30, tzinfo=UTC),
                ends_at=datetime(2025, 7, 1, 13, 30, tzinfo=UTC),
            )
        )
    )
    assert event["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert event["DTSTART"].to_ical() == b"20250701T143000"
    assert event.decoded("DTEND") == datetime(2025, 7, 1, 13, 30, tzinfo=UTC)


def test_the_calendar_defines_amsterdam_summer_and_winter_time() -> None:
    (timezone,) = _parse(_entry()).walk("VTIMEZONE")
    assert isinstance(timezone, Timezone)
    tz = timezone.to_tz()
    assert tz.utcoffset(datetime(2030, 7, 1, 12, 0)) == timedelta(hours=2)
    assert tz.utcoffset(datetime(2030, 1, 1, 12, 0)) == timedelta(hours=1)


def test_a_meeting_across_the_dst_change_keeps_its_wall_clock_time() -> None:
    sunday = datetime(2025, 3, 30, 10, 0, tzinfo=AMS)  # the clocks went forward at 02:00
    event = _event(_parse(_entry(starts_at=sunday, ends_at=sunday + timedelta(hours=1))))
    assert event["DTSTART"].to_ical() == b"20250330T100000"
    assert event.decoded("DTSTART").utcoffset() == timedelta(hours=2)


def test_the_stamp_is_the_given_now_in_utc() -> None:
    assert _event(_parse(_entry())).decoded("DTSTAMP") == NOW


def test_the_summary_and_location_carry_the_guardians_language() -> None:
    event = _event(_parse(_entry(summary="لقاء بخصوص Noor", lang="ar")))
    assert str(event["SUMMARY"]) == "لقاء بخصوص Noor"
    assert event["SUMMARY"].params["LANGUAGE"] == "ar"
    assert str(event["LOCATION"]) == "Lindelaan 12, Utrecht"


def test_the_summary_is_the_rendered_calendar_title_in_the_guardians_language() -> None:
    context = {
        "pupil_first_name": "Noor",
        "school_name": "OBS De Regenboog",
        "school_phone": "010 123 45 67",
        "school_email": "info@example.nl",
        "meeting_kind": "mdo",
        "starts_at": START,
        "ends_at": START + timedelta(hours=1),
        "location": "Lindelaan 12",
        "interpreter": False,
        "deadline": date(2025, 3, 20),
        "action_url": "https://samen.example.nl/a",
        "sms_url": "https://samen.example.nl/k/1",
    }
    title = render("meeting_invitation", "uk", context).calendar_summary
    assert title is not None
    event = _event(_parse(_entry(summary=title, lang="uk")))
    assert str(event["SUMMARY"]) == "Розмова про дитину: Noor – OBS De Regenboog"


def test_a_multi_line_summary_becomes_one_line() -> None:
    assert str(_event(_parse(_entry(summary="Gesprek\nover Noor")))["SUMMARY"]) == (
        "Gesprek over Noor"
    )


def test_the_attendee_answers_on_the_parent_page_not_by_calendar_reply() -> None:
    attendee = _event(_parse(_entry()))["ATTENDEE"]
    assert str(attendee) == "mailto:ouder@example.nl"
    assert attendee.params["RSVP"] == "FALSE"


def test_an_entry_without_location_or_attendee_has_neither() -> None:
    event = _event(_parse(_entry(location=None, attendee_email=None)))
    assert "LOCATION" not in event and "ATTENDEE" not in event


def test_a_meeting_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(InvalidCalendarEntry):
        _entry(ends_at=START - timedelta(minutes=1))


def test_a_negative_sequence_is_refused() -> None:
    with pytest.raises(InvalidCalendarEntry):
        _entry(sequence=-1)


def test_naive_times_are_refused() -> None:
    with pytest.raises(NaiveDatetime):
        _entry(starts_at=datetime(2025, 3, 25, 14, 30))
