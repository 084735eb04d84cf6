"""What staff ask of the owning services from the pupil page: pure builders of the
request bodies from the posted form, checking what the form can get wrong (in Dutch,
B1) before anything is sent. The services check everything again, with their rules."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from typing import Any
from uuid import UUID, uuid4
from zoneinfo import ZoneInfo

from samen_portal.domain.participants import (
    CHOOSABLE_ROLES,
    ROLE_NAMES,
    field_name,
    missing_roles,
    needs_text,
)

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
MEETING_KINDS: dict[str, str] = {
    "mdo": "Multidisciplinair overleg (MDO)",
    "intake": "Intakegesprek",
    "progress_talk": "Voortgangsgesprek",
    "support_team": "Ondersteuningsteam",
}
DURATIONS = (30, 45, 60, 90)
REQUEST_KINDS: dict[str, dict[str, str]] = {
    "arrangement": {"light": "licht", "medium": "middel", "intensive": "intensief"},
    "tlv": {"sbo": "sbo", "so_low": "so laag", "so_middle": "so midden", "so_high": "so hoog"},
}
_LANGUAGE = re.compile(r"^[A-Za-zÀ-ÿ ()-]{2,35}$")
_MAX_TEXT = 4000


class ActionInvalid(ValueError):
    """The form cannot be sent as it is; the message says what to change."""


def _date(value: str | None, what: str) -> date:
    try:
        return date.fromisoformat(value or "")
    except ValueError:
        raise ActionInvalid(f"Vul een geldige datum in bij {what}.") from None


def _lines(value: str | None, what: str, *, required: bool = True) -> list[str]:
    text = (value or "").strip()
    if len(text) > _MAX_TEXT:
        raise ActionInvalid(f"De tekst bij {what} is te lang.")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if required and not lines:
        raise ActionInvalid(f"Schrijf iets bij {what}.")
    return lines


def _chosen(fields: dict[str, str]) -> dict[str, UUID]:
    chosen: dict[str, UUID] = {}
    for role in CHOOSABLE_ROLES:
        value = fields.get(field_name(role), "").strip()
        if not value:
            continue
        try:
            chosen[role] = UUID(value)
        except ValueError:
            raise ActionInvalid("Kies de deelnemers uit de lijst.") from None
    return chosen


def meeting_body(fields: dict[str, str], pupil_id: UUID, me: UUID, my_role: str) -> dict[str, Any]:
    """A meeting with the parents, the planner and the colleagues they chose (and an
    interpreter when one is needed)."""
    kind = fields.get("kind", "")
    if kind not in MEETING_KINDS:
        raise ActionInvalid("Kies wat voor gesprek het is.")
    chosen = _chosen(fields)
    missing = missing_roles(kind, chosen, my_role)
    if missing:
        names = " en de ".join(ROLE_NAMES[r] for r in missing)
        raise ActionInvalid(f"Kies ook de {names}. {needs_text(kind)}")
    day = _date(fields.get("day"), "datum")
    try:
        start = time.fromisoformat(fields.get("start", ""))
    except ValueError:
        raise ActionInvalid("Vul een geldige begintijd in.") from None
    minutes = int(fields["minutes"]) if fields.get("minutes", "").isdigit() else 0
    if minutes not in DURATIONS:
        raise ActionInvalid("Kies hoe lang het gesprek duurt.")
    starts_at = datetime.combine(day, start, tzinfo=AMSTERDAM)
    interpreter = fields.get("interpreter") == "ja"
    language = fields.get("interpreter_language", "").strip() or None
    if interpreter and (language is None or not _LANGUAGE.fullmatch(language)):
        raise ActionInvalid("Schrijf in welke taal de tolk moet vertalen.")
    return {
        "pupil_id": str(pupil_id),
        "kind": kind,
        "starts_at": starts_at.isoformat(),
        "ends_at": (starts_at + timedelta(minutes=minutes)).isoformat(),
        # The planner takes part; one who also chose themselves is listed once.
        "staff_ids": [str(p) for p in dict.fromkeys([me, *chosen.values()])],
        "interpreter_needed": interpreter,
        "interpreter_language": language if interpreter else None,
    }


def record_body(fields: dict[str, str], me: UUID) -> dict[str, Any]:
    """The record of a meeting held: strengths and concerns always, goals, next steps."""
    return {
        "attended_ids": [str(me)],
        "strengths": _lines(fields.get("strengths"), "sterke kanten"),
        "concerns": _lines(fields.get("concerns"), "zorgen"),
        "goals": _lines(fields.get("goals"), "doelen"),
        "next_steps": _lines(fields.get("next_steps"), "volgende stappen"),
        "guardian_view": (fields.get("guardian_view") or "").strip()[:_MAX_TEXT],
    }


def opp_body(fields: dict[str, str], pupil_id: UUID) -> dict[str, Any]:
    """Extra support started: the OPP is drafted and due within 6 weeks."""
    started = _date(fields.get("started_on"), "start van de ondersteuning")
    return {
        "opp_id": str(uuid4()),
        "pupil_id": str(pupil_id),
        "support_started_on": started.isoformat(),
    }


def request_body(fields: dict[str, str], pupil_id: UUID) -> dict[str, Any]:
    """A request to the samenwerkingsverband (an arrangement or a TLV)."""
    kind, category = fields.get("kind", ""), fields.get("category", "")
    if category not in REQUEST_KINDS.get(kind, {}):
        raise ActionInvalid("Kies wat u aanvraagt en voor welke soort.")
    motivation = " ".join(_lines(fields.get("motivation"), "uw vraag"))
    return {
        "pupil_id": str(pupil_id),
        "kind": kind,
        "category": category,
        "motivation": motivation,
    }
