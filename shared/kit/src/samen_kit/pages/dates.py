"""Days and times as each language writes them, for phrases that name a date.

A phrase's value may be a `date` (written out: "3 maart 2026", "3 March 2026", ...), a
`TimeSpan` (weekday, day and hours) or anything else (shown as text).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Final
from zoneinfo import ZoneInfo

AMSTERDAM: Final = ZoneInfo("Europe/Amsterdam")

MONTHS: Final[dict[str, tuple[str, ...]]] = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "ar": ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس",
           "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"),
    "tr": ("Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos",
           "Eylül", "Ekim", "Kasım", "Aralık"),
    "pl": ("stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca",
           "sierpnia", "września", "października", "listopada", "grudnia"),
    "uk": ("січня", "лютого", "березня", "квітня", "травня", "червня", "липня",
           "серпня", "вересня", "жовтня", "листопада", "грудня"),
}  # fmt: skip
WEEKDAYS: Final[dict[str, tuple[str, ...]]] = {
    "nl": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "ar": ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"),
    "tr": ("Pazartesi", "Salı", "Çarşamba", "Perşembe", "Cuma", "Cumartesi", "Pazar"),
    "pl": ("poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela"),
    "uk": ("понеділок", "вівторок", "середа", "четвер", "пʼятниця", "субота", "неділя"),
}


def day_in(language: str, day: date) -> str:
    """ "3 maart 2026"; the day before the month in all six languages."""
    return f"{day.day} {MONTHS[language][day.month - 1]} {day.year}"


@dataclass(frozen=True)
class TimeSpan:
    """A meeting's time: "dinsdag 3 maart 2026, 14:00 – 15:00" (Amsterdam time)."""

    starts_at: datetime
    ends_at: datetime

    def in_language(self, language: str) -> str:
        start, end = self.starts_at.astimezone(AMSTERDAM), self.ends_at.astimezone(AMSTERDAM)
        weekday = WEEKDAYS[language][start.weekday()]
        return f"{weekday} {day_in(language, start.date())}, {start:%H:%M} – {end:%H:%M}"


def value_in(language: str, value: object) -> str:
    if isinstance(value, TimeSpan):
        return value.in_language(language)
    if isinstance(value, datetime):
        return day_in(language, value.astimezone(AMSTERDAM).date())
    if isinstance(value, date):
        return day_in(language, value)
    return str(value)
