"""A meeting as iCalendar (RFC 5545), the same entry the notifications service sends:
UID `meeting-<id>@samen.invalid`, SEQUENCE = the meeting's revision. No names, no
address: the summary names the kind, the location says where in words."""

from __future__ import annotations

from datetime import datetime

from icalendar import Calendar, Event

from samen_meetings.adapters.mapping import utc
from samen_meetings.adapters.tables import MeetingRow
from samen_meetings.entrypoints.labels import KINDS, LOCATIONS

PRODID = "-//Samen//meetings//NL"
UID_DOMAIN = "samen.invalid"
CONTENT_TYPE = "text/calendar; charset=utf-8"
_STATUS = {"scheduled": "CONFIRMED", "on_hold": "TENTATIVE", "cancelled": "CANCELLED"}


def meeting_uid(meeting_id: object) -> str:
    return f"meeting-{meeting_id}@{UID_DOMAIN}"


def meeting_calendar(row: MeetingRow, now: datetime) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add_component(_event(row, now))
    return bytes(calendar.to_ical())


def _event(row: MeetingRow, now: datetime) -> Event:
    event = Event()
    event.add("uid", meeting_uid(row.meeting_id))
    event.add("sequence", row.revision)
    event.add("dtstamp", utc(now))
    event.add("dtstart", utc(row.starts_at))
    event.add("dtend", utc(row.ends_at))
    nl, en = KINDS[row.kind]
    event.add("summary", f"{nl} / {en}")
    event.add("location", " / ".join(LOCATIONS[row.location_kind]))
    event.add("status", _STATUS.get(row.status, "CONFIRMED"))
    event.add("transp", "OPAQUE")
    return event
