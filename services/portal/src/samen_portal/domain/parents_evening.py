"""Inviting all parents of a school to a parents' evening: who may, and the broadcast the
notifications service sends (in Dutch, B1), built from the posted form. Pure."""

from __future__ import annotations

import re
from datetime import date, time
from typing import Any

from samen_kit.access import Role

from samen_portal.domain.scope import Viewer

INVITERS = frozenset({Role.IB, Role.DIRECTOR})
_DAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december")  # fmt: skip
_ONE_LINE = re.compile(r"^[^\r\n]{2,120}$")
_MAX_NOTE = 2000


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


def invitation_body(fields: dict[str, str], schools: frozenset[str], today: date) -> dict[str, Any]:
    """One message to every parent of the chosen school, about one evening."""
    school = fields.get("school", "")
    if school not in schools:
        raise InvitationInvalid("Kies de school.")
    try:
        day = date.fromisoformat(fields.get("day", ""))
        start, end = (
            time.fromisoformat(fields.get("start", "")),
            time.fromisoformat(fields.get("end", "")),
        )
    except ValueError:
        raise InvitationInvalid("Vul een geldige datum en tijden in.") from None
    if day <= today:
        raise InvitationInvalid("Kies een datum na vandaag.")
    if end <= start:
        raise InvitationInvalid("De avond eindigt na de begintijd.")
    place = _line(fields.get("place"), "waar de avond is")
    sender = _line(fields.get("sender"), "wie de uitnodiging stuurt")
    note = (fields.get("note") or "").strip()
    if len(note) > _MAX_NOTE:
        raise InvitationInvalid("De extra tekst is te lang.")
    when = f"{dutch_day(day)} van {start:%H:%M} tot {end:%H:%M} uur"
    body = f"Wij nodigen u uit voor de ouderavond op {when}.\n\nWaar: {place}."
    if note:
        body += f"\n\n{note}"
    return {
        "scope": "school",
        "scope_id": school,
        "sender_name": sender,
        "texts": {
            "nl": {
                "subject": f"Uitnodiging ouderavond {dutch_day(day)}",
                "body": body,
                "sms": f"Ouderavond {dutch_day(day)}, {start:%H:%M} uur, {place}. Welkom!"[:300],
            }
        },
    }
