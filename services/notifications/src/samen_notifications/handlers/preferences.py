"""Use case: a guardian changes their own contact preferences on this service's page.

The do-not-contact flag is the school's (court orders, safety) and never changes here.
What waited for a contact point is planned once one is given.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, time
from typing import Any
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from samen_notifications.adapters import contacts
from samen_notifications.adapters.tables import GuardianContactRow
from samen_notifications.domain.contact import DEFAULT_QUIET_HOURS, parse_email, parse_mobile
from samen_notifications.domain.errors import InvalidContactPoint
from samen_notifications.domain.rules import Channel, MessageKind
from samen_notifications.handlers.planning import Planner

GUARDIAN_KINDS = (
    MessageKind.REQUEST,
    MessageKind.REMINDER,
    MessageKind.CONFIRMATION,
    MessageKind.UPDATE,
)
CHOICES = {"both": None, "email": (Channel.EMAIL,), "sms": (Channel.SMS,)}


class PreferencesError(ValueError):
    """`key`: which text of the page explains it (never the value typed)."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


@dataclass(frozen=True, slots=True)
class Preferences:
    language: str
    email: str | None
    mobile: str | None
    channels: str  # both, email, sms
    quiet_start: time
    quiet_end: time

    def values(self) -> dict[str, Any]:
        chosen = CHOICES[self.channels]
        choices = (
            {} if chosen is None else {k.value: [c.value for c in chosen] for k in GUARDIAN_KINDS}
        )
        return {
            "email": self.email,
            "mobile": self.mobile,
            "language": self.language,
            "channel_choices": choices,
            "quiet_start": self.quiet_start,
            "quiet_end": self.quiet_end,
        }


def parse_preferences(form: Mapping[str, str], languages: frozenset[str]) -> Preferences:
    language = form.get("language", "nl")
    if language not in languages:
        raise PreferencesError("invalid_language")
    email = _optional(form.get("email"), parse_email, "invalid_email")
    mobile = _optional(form.get("mobile"), parse_mobile, "invalid_mobile")
    if email is None and mobile is None:
        raise PreferencesError("no_channel")
    channels = form.get("channels", "both")
    if channels not in CHOICES:
        channels = "both"
    return Preferences(
        language,
        email,
        mobile,
        channels,
        _time(form.get("quiet_start"), DEFAULT_QUIET_HOURS.start),
        _time(form.get("quiet_end"), DEFAULT_QUIET_HOURS.end),
    )


def current_preferences(row: GuardianContactRow | None) -> dict[str, Any]:
    """The form's initial values."""
    if row is None:
        return {
            "language": "nl",
            "email": None,
            "mobile": None,
            "channels": "both",
            "quiet_start": "21:00",
            "quiet_end": "07:30",
        }
    chosen = {tuple(v) for v in row.channel_choices.values()}
    only: tuple[str, ...] = next(iter(chosen)) if len(chosen) == 1 else ()
    channels = only[0] if len(only) == 1 and only[0] in CHOICES else "both"
    return {
        "language": row.language,
        "email": row.email,
        "mobile": row.mobile,
        "channels": channels,
        "quiet_start": f"{row.quiet_start or DEFAULT_QUIET_HOURS.start:%H:%M}",
        "quiet_end": f"{row.quiet_end or DEFAULT_QUIET_HOURS.end:%H:%M}",
    }


def _optional(raw: str | None, parse: Any, error: str) -> str | None:
    if raw is None or not raw.strip():
        return None
    try:
        return str(parse(raw))
    except InvalidContactPoint as failure:
        raise PreferencesError(error) from failure


def _time(raw: str | None, default: time) -> time:
    if raw is None or not raw.strip():
        return default
    try:
        return time.fromisoformat(raw.strip())
    except ValueError as error:
        raise PreferencesError("invalid_time") from error


async def save_preferences(
    session: AsyncSession,
    planner: Planner,
    *,
    tenant: str,
    guardian_id: UUID,
    preferences: Preferences,
    now: datetime,
) -> None:
    await contacts.save_guardian_contact(session, tenant, guardian_id, preferences.values(), now)
    await planner.replan_waiting(session, tenant, guardian_id, now)
