"""The overview's page context: phrase keys, dates and links to each item's own page.

Each item opens on the parent page of the service that owns it; the overview only
points there (the owner shows the names and words, which never travel on the bus).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from samen_portal.parents.overview import Ask, Entry, Question, Theme, by_theme

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

# Where each kind of item opens, in its owning service.
_ASK_PAGES: dict[Ask, tuple[str, str]] = {
    Ask.CONSENT: ("consent", "/ouders/toestemming/{ref}"),
    Ask.ACTION_PART: ("plans", "/ouders/opp/{ref}"),
    Ask.INVITATION: ("meetings", "/ouders/gesprekken/{ref}"),
    Ask.RECORD: ("meetings", "/ouders/verslagen/{ref}"),
}
_THEME_PAGES: dict[Theme, tuple[str, str] | None] = {
    Theme.CONSENT: ("consent", "/ouders/toestemming/{ref}/bewijs"),
    Theme.MEETINGS: ("meetings", "/ouders/gesprekken/{ref}"),
    Theme.OPP: ("plans", "/ouders/opp/{ref}"),
    Theme.REQUESTS: ("admissions", "/ouders/aanvragen/{ref}"),
    Theme.DISPUTES: ("disputes", "/ouders/geschillen/{ref}"),
    Theme.MESSAGES: None,  # a message has no page: the parent has it in their mail
}
# A record's page, rather than its meeting's, for the facts about a record.
_RECORD_KINDS = frozenset({"MeetingRecorded", "AgreementMade", "RecordAcknowledged"})


@dataclass(frozen=True)
class Line:
    phrase: str  # the phrase key of what happened or is asked
    day: date
    due_on: date | None
    href: str | None


def _day(at: datetime) -> date:
    return at.astimezone(AMSTERDAM).date()


def _href(bases: dict[str, str], page: tuple[str, str] | None, ref: object) -> str | None:
    if page is None or ref is None:
        return None
    service, path = page
    return bases[service] + path.format(ref=ref)


def question_lines(questions: list[Question], bases: dict[str, str]) -> list[Line]:
    return [
        Line(f"ask_{q.ask}", _day(q.asked_at), q.due_on, _href(bases, _ASK_PAGES[q.ask], q.ref))
        for q in questions
    ]


def _entry_href(entry: Entry, bases: dict[str, str]) -> str | None:
    if entry.kind in _RECORD_KINDS and "record_id" in entry.details:
        return _href(bases, _ASK_PAGES[Ask.RECORD], entry.details["record_id"])
    return _href(bases, _THEME_PAGES[entry.theme], entry.ref)


def theme_lines(entries: list[Entry], bases: dict[str, str]) -> list[tuple[Theme, list[Line]]]:
    """Per theme (in the page's order), its lines, newest first."""
    return [
        (
            theme,
            [Line(f"ev_{e.kind}", _day(e.at), e.due_on, _entry_href(e, bases)) for e in found],
        )
        for theme, found in by_theme(entries).items()
    ]
