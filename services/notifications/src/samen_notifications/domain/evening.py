"""The event a broadcast invites to (a parents' evening): its data, and the calendar file
that goes with the e-mail (RFC 5545, `METHOD:PUBLISH` of RFC 5546).

PUBLISH rather than REQUEST: the message goes to a whole school or group and asks
nobody to answer through their calendar (a parent who cannot come tells the school), so
it names no attendees, and mail programs offer "add to calendar" instead of accept and
decline buttons whose replies would go to a no-reply address. The UID comes from the
caller's event id, so a corrected invitation sent again lands on the same calendar
entry; SEQUENCE counts minutes since `SEQUENCE_EPOCH` at the sending, so the later
invitation is the newer version (RFC 5545 3.8.7.4) without anyone keeping a counter.
Date, time and place are not personal data; the event carries no names.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from icalendar import Calendar, Event, vCalAddress

from samen_notifications.domain.dates import AMSTERDAM
from samen_notifications.domain.errors import NaiveDatetime
from samen_notifications.domain.ical import (
    PRODID,
    UID_DOMAIN,
    InvalidCalendarEntry,
    amsterdam_timezone,
)
from samen_notifications.domain.rules import CalendarMethod

SEQUENCE_EPOCH = datetime(2025, 1, 1, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class InvitedEvent:
    event_id: uuid.UUID
    title: str
    starts_at: datetime
    ends_at: datetime
    place: str

    def __post_init__(self) -> None:
        for moment in (self.starts_at, self.ends_at):
            if moment.tzinfo is None or moment.utcoffset() is None:
                raise NaiveDatetime("calendar times need time-zone aware datetimes")
        if self.ends_at <= self.starts_at:
            raise InvalidCalendarEntry("an event ends after it starts")

    def to_json(self) -> dict[str, str]:
        return {
            "event_id": str(self.event_id),
            "title": self.title,
            "starts_at": self.starts_at.isoformat(),
            "ends_at": self.ends_at.isoformat(),
            "place": self.place,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> InvitedEvent:
        return cls(
            uuid.UUID(str(data["event_id"])),
            str(data["title"]),
            datetime.fromisoformat(str(data["starts_at"])),
            datetime.fromisoformat(str(data["ends_at"])),
            str(data["place"]),
        )


@dataclass(frozen=True, slots=True)
class Organizer:
    school_name: str
    email: str


def event_uid(event_id: uuid.UUID) -> str:
    return f"event-{event_id}@{UID_DOMAIN}"


def sequence_at(sent_at: datetime) -> int:
    return max(0, int((sent_at - SEQUENCE_EPOCH).total_seconds()) // 60)


def event_calendar(
    event: InvitedEvent, organizer: Organizer, sent_at: datetime, now: datetime, lang: str
) -> bytes:
    """The .ics file's bytes (UTF-8, CRLF line endings, folded lines)."""
    if now.tzinfo is None or sent_at.tzinfo is None:
        raise NaiveDatetime("DTSTAMP and SEQUENCE need time-zone aware datetimes")
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", CalendarMethod.PUBLISH.value)
    calendar.add_component(amsterdam_timezone())
    calendar.add_component(_vevent(event, organizer, sent_at, now, lang))
    return bytes(calendar.to_ical())


def _vevent(
    event: InvitedEvent, organizer: Organizer, sent_at: datetime, now: datetime, lang: str
) -> Event:
    entry = Event()
    entry.add("uid", event_uid(event.event_id))
    entry.add("sequence", sequence_at(sent_at))
    entry.add("dtstamp", now.astimezone(UTC))
    entry.add("dtstart", event.starts_at.astimezone(AMSTERDAM))
    entry.add("dtend", event.ends_at.astimezone(AMSTERDAM))
    entry.add("summary", " ".join(event.title.split()), parameters={"LANGUAGE": lang})
    entry.add("location", event.place, parameters={"LANGUAGE": lang})
    entry.add("status", "CONFIRMED")
    entry.add("transp", "OPAQUE")
    address = vCalAddress(f"mailto:{organizer.email}")
    address.params["CN"] = organizer.school_name
    entry.add("organizer", address)
    return entry
