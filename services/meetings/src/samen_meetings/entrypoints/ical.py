"""A meeting as iCalendar (RFC 5545), the same entry the notifications service sends:
UID `meeting-<id>@samen.invalid`, SEQUENCE = the meeting's revision. No names, no
address: the summary names the kind, the location says where in words."""

from __future__ import annotations

from datetime import datetime
from functools import cache

from icalendar import Calendar, Event
from samen_kit.pages import Catalogue

from samen_meetings.adapters.mapping import utc
from samen_meetings.adapters.tables import MeetingRow

PRODID = "-//Samen//meetings//NL"
UID_DOMAIN = "samen.invalid"
CONTENT_TYPE = "text/calendar; charset=utf-8"
PHRASES = "samen_meetings.entrypoints.phrases"
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
    event.add("summary", _both(f"kind_{row.kind}"))
    event.add("location", _both(f"location_{row.location_kind}"))
    event.add("status", _STATUS.get(row.status, "CONFIRMED"))
    event.add("transp", "OPAQUE")
    return event


@cache
def _phrases() -> Catalogue:
    return Catalogue.of(PHRASES)


def _both(key: str) -> str:
    """The pages' words for it, in Dutch and English (a calendar has room for two)."""
    return f"{_phrases().text('nl', key, {})} / {_phrases().text('en', key, {})}"
