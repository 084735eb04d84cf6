"""Dates and times as parents read them, per language, on the Amsterdam clock.

The kit's month and weekday names (Polish and Ukrainian: the genitive month names that a
date needs, "4 marca", "4 березня"), in each language's own order.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from samen_kit.pages.dates import AMSTERDAM as AMSTERDAM  # the zone the domain reads
from samen_kit.pages.dates import MONTHS, WEEKDAYS

from samen_notifications.domain.errors import NaiveDatetime


@dataclass(frozen=True, slots=True)
class DateWords:
    weekdays: tuple[str, ...]  # Monday first, as date.weekday() counts
    months: tuple[str, ...]  # January first
    pattern: str  # fields: weekday, day, month, year


# How each language orders a full date; the words are the kit's, as on the parent pages.
PATTERNS: dict[str, str] = {
    "nl": "{weekday} {day} {month} {year}",
    "en": "{weekday} {day} {month} {year}",
    "ar": "{weekday} {day} {month} {year}",
    "tr": "{day} {month} {year} {weekday}",
    "pl": "{weekday}, {day} {month} {year}",
    "uk": "{weekday}, {day} {month} {year} р.",
}
DATE_WORDS: dict[str, DateWords] = {
    lang: DateWords(WEEKDAYS[lang], MONTHS[lang], pattern) for lang, pattern in PATTERNS.items()
}


def local_moment(moment: datetime, tz: ZoneInfo = AMSTERDAM) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise NaiveDatetime("dates in messages need time-zone aware datetimes")
    return moment.astimezone(tz)


def format_date(value: date, lang: str, tz: ZoneInfo = AMSTERDAM) -> str:
    """`dinsdag 4 maart 2025`; a datetime is first put on the local clock."""
    day = local_moment(value, tz).date() if isinstance(value, datetime) else value
    words = DATE_WORDS[lang]
    return words.pattern.format(
        weekday=words.weekdays[day.weekday()],
        day=day.day,
        month=words.months[day.month - 1],
        year=day.year,
    )


def format_time(value: datetime, tz: ZoneInfo = AMSTERDAM) -> str:
    """`14:30` on the local clock; every supported language writes 24 hours."""
    return f"{local_moment(value, tz):%H:%M}"
