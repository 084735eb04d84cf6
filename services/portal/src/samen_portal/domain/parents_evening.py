"""Inviting the parents of a school, or of one class group of it, to a parents' evening:
who may, and the broadcast the notifications service sends (in Dutch, B1), built from
the posted form. Pure.

The evening travels with the broadcast (date, times, place: not personal data), so every
e-mail carries it as a calendar file. Its id is derived from school, group and day: an
invitation sent again for the same evening (a later start, another room) updates the
entry in the parents' calendars instead of adding a second one. The broadcast's own id
is derived from everything sent, so a form posted twice sends once."""

from __future__ import annotations

import json
import re
import uuid
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from samen_kit.access import Role

from samen_portal.domain.scope import Viewer

INVITERS = frozenset({Role.IB, Role.DIRECTOR})
_DAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december")  # fmt: skip
_ONE_LINE = re.compile(r"^[^\r\n]{2,120}$")
_MAX_NOTE = 2000
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
# Fixed forever: evenings already in parents' calendars carry ids derived from it.
EVENING_NAMESPACE = uuid.UUID("b7c1d0e2-5a4f-4e7b-9c3d-2f8e6a1b0c47")


class InvitationInvalid(ValueError):
    """The form cannot be sent as it is; the message says what to change."""


def may_invite_parents(viewer: Viewer) -> bool:
    """School leaders invite their schools' parents; a teacher, not the whole school."""
    return viewer.role in INVITERS and bool(viewer.principal.schools)


def dutch_day(day: date) -> str:
    return f"{_DAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year}"


def _line(value: str | None, what: str) -> str:
    text = (value or "").strip()
    if not _ONE_LINE.fullmatch(text):
        raise InvitationInvalid(f"Vul {what} in (op één regel).")
    return text


def evening_id(school: str, group: str | None, day: date) -> uuid.UUID:
    return uuid.uuid5(EVENING_NAMESPACE, f"{school}/{group or '*'}/{day.isoformat()}")


def _audience(
    fields: dict[str, str], schools: frozenset[str], groups: frozenset[tuple[str, str]]
) -> tuple[str, str | None]:
    """The school, and the class group when one is chosen (one the school has)."""
    school = fields.get("school", "")
    if school not in schools:
        raise InvitationInvalid("Kies de school.")
    group = fields.get("group", "").strip() or None
    if group is not None and (school, group) not in groups:
        raise InvitationInvalid("Kies een groep van deze school, of de hele school.")
    return school, group


def _times(fields: dict[str, str], today: date) -> tuple[date, time, time]:
    try:
        day = date.fromisoformat(fields.get("day", ""))
        start = time.fromisoformat(fields.get("start", ""))
        end = time.fromisoformat(fields.get("end", ""))
    except ValueError:
        raise InvitationInvalid("Vul een geldige datum en tijden in.") from None
    if day <= today:
        raise InvitationInvalid("Kies een datum na vandaag.")
    if end <= start:
        raise InvitationInvalid("De avond eindigt na de begintijd.")
    return day, start, end


def _dutch_text(
    title: str, day: date, start: time, end: time, place: str, note: str
) -> dict[str, str]:
    when = f"{dutch_day(day)} van {start:%H:%M} tot {end:%H:%M} uur"
    body = f"Wij nodigen u uit voor de ouderavond op {when}.\n\nWaar: {place}."
    body += "\n\nIn de bijlage staat de avond voor uw agenda."
    if note:
        body += f"\n\n{note}"
    # Parents with only a mobile number get no calendar file: the SMS says when and where.
    sms = f"{title} {dutch_day(day)}, {start:%H:%M}-{end:%H:%M} uur, {place}. Welkom!"
    subject = f"Uitnodiging {title[0].lower()}{title[1:]} {dutch_day(day)}"
    return {"subject": subject, "body": body, "sms": sms[:300]}


def invitation_body(
    fields: dict[str, str],
    schools: frozenset[str],
    groups: frozenset[tuple[str, str]],
    today: date,
) -> dict[str, Any]:
    """One message to every parent of the chosen school or group, about one evening.
    `groups`: the (school, group code) pairs the form offered."""
    school, group = _audience(fields, schools, groups)
    day, start, end = _times(fields, today)
    place = _line(fields.get("place"), "waar de avond is")
    sender = _line(fields.get("sender"), "wie de uitnodiging stuurt")
    note = (fields.get("note") or "").strip()
    if len(note) > _MAX_NOTE:
        raise InvitationInvalid("De extra tekst is te lang.")
    title = f"Ouderavond groep {group}" if group else "Ouderavond"
    invitation: dict[str, Any] = {
        "scope": "school",
        "scope_id": school,
        "group": group,
        "sender_name": sender,
        "texts": {"nl": _dutch_text(title, day, start, end, place, note)},
        "event": {
            "event_id": str(evening_id(school, group, day)),
            "title": title,
            "starts_at": datetime.combine(day, start, AMSTERDAM).isoformat(),
            "ends_at": datetime.combine(day, end, AMSTERDAM).isoformat(),
            "place": place,
        },
    }
    sent = json.dumps(invitation, sort_keys=True)
    return {"broadcast_id": str(uuid.uuid5(EVENING_NAMESPACE, sent)), **invitation}
