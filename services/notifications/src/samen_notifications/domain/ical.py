"""The iCalendar (.ics) attachment of a meeting invitation, update or cancellation (RFC 5545/5546).

The UID is derived from the meeting, so every message about one meeting updates the
same calendar entry; SEQUENCE orders them (0 when scheduled, +1 per reschedule and for
the cancellation). Replies go through the parent page, not through the calendar: the
attendee is asked for no RSVP.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from icalendar import (
    Calendar,
    Component,
    Event,
    Timezone,
    TimezoneDaylight,
    TimezoneStandard,
    vCalAddress,
)

from samen_notifications.domain.dates import AMSTERDAM
from samen_notifications.domain.errors import NaiveDatetime, NotificationsError
from samen_notifications.domain.rules import CalendarMethod

PRODID = "-//Samen//notifications//NL"
UID_DOMAIN = "samen.invalid"
DEFAULT_ORGANIZER = "noreply@samen.invalid"


class InvalidCalendarEntry(NotificationsError, ValueError):
    """The meeting's data cannot make a valid calendar entry."""


@dataclass(frozen=True, slots=True)
class CalendarEntry:
    meeting_id: uuid.UUID
    sequence: int
    starts_at: datetime
    ends_at: datetime
    summary: str  # in the guardian's language; names the pupil by first name at most
    lang: str
    location: str | None = None
    organizer_email: str = DEFAULT_ORGANIZER
    attendee_email: str | None = None

    def __post_init__(self) -> None:
        for moment in (self.starts_at, self.ends_at):
            if moment.tzinfo is None or moment.utcoffset() is None:
                raise NaiveDatetime("calendar times need time-zone aware datetimes")
        if self.ends_at <= self.starts_at:
            raise InvalidCalendarEntry("a meeting ends after it starts")
        if self.sequence < 0:
            raise InvalidCalendarEntry("SEQUENCE is never negative")


def meeting_uid(meeting_id: uuid.UUID) -> str:
    return f"meeting-{meeting_id}@{UID_DOMAIN}"


def meeting_calendar(entry: CalendarEntry, method: CalendarMethod, now: datetime) -> bytes:
    """The .ics file's bytes (UTF-8, CRLF line endings, folded lines)."""
    if now.tzinfo is None:
        raise NaiveDatetime("DTSTAMP needs a time-zone aware datetime")
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method.value)
    calendar.add_component(amsterdam_timezone())
    calendar.add_component(_event(entry, method, now))
    return bytes(calendar.to_ical())


def amsterdam_timezone() -> Timezone:
    """Europe/Amsterdam by the EU rule (last Sunday of March and of October, since 1996).

    Written as two yearly rules rather than a list of past dates: compact, valid
    beyond 2038, and what calendar clients handle best.
    """
    timezone = Timezone()
    timezone.add("tzid", AMSTERDAM.key)
    timezone.add_component(_tz_rule(TimezoneDaylight(), "CEST", 1, 2, datetime(1996, 3, 31, 2), 3))
    timezone.add_component(_tz_rule(TimezoneStandard(), "CET", 2, 1, datetime(1996, 10, 27, 3), 10))
    return timezone


def _tz_rule(
    rule: Component, name: str, hours_from: int, hours_to: int, start: datetime, month: int
) -> Component:
    rule.add("tzname", name)
    rule.add("tzoffsetfrom", timedelta(hours=hours_from))
    rule.add("tzoffsetto", timedelta(hours=hours_to))
    rule.add("dtstart", start)
    rule.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1su"})
    return rule


def _event(entry: CalendarEntry, method: CalendarMethod, now: datetime) -> Event:
    event = Event()
    event.add("uid", meeting_uid(entry.meeting_id))
    event.add("sequence", entry.sequence)
    event.add("dtstamp", now.astimezone(UTC))
    event.add("dtstart", entry.starts_at.astimezone(AMSTERDAM))
    event.add("dtend", entry.ends_at.astimezone(AMSTERDAM))
    event.add("summary", " ".join(entry.summary.split()), parameters={"LANGUAGE": entry.lang})
    if entry.location:
        event.add("location", entry.location, parameters={"LANGUAGE": entry.lang})
    cancelled = method is CalendarMethod.CANCEL
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    event.add("transp", "OPAQUE")
    event.add("organizer", vCalAddress(f"mailto:{entry.organizer_email}"))
    if entry.attendee_email:
        event.add("attendee", _attendee(entry.attendee_email))
    return event


def _attendee(email: str) -> vCalAddress:
    attendee = vCalAddress(f"mailto:{email}")
    attendee.params["ROLE"] = "REQ-PARTICIPANT"
    attendee.params["PARTSTAT"] = "NEEDS-ACTION"
    attendee.params["RSVP"] = "FALSE"
    return attendee
