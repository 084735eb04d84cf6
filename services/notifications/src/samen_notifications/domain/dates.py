"""Dates and times as parents read them, per language, on the Amsterdam clock.

A small table for the languages that have templates; Polish and Ukrainian use the
genitive month names that a date needs ("4 marca", "4 березня").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from samen_notifications.domain.errors import NaiveDatetime

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@dataclass(frozen=True, slots=True)
class DateWords:
    weekdays: tuple[str, ...]  # Monday first, as date.weekday() counts
    months: tuple[str, ...]  # January first
    pattern: str  # fields: weekday, day, month, year


# fmt: off
DATE_WORDS: dict[str, DateWords] = {
    "nl": DateWords(
        ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
        ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
         "september", "oktober", "november", "december"),
        "{weekday} {day} {month} {year}",
    ),
    "en": DateWords(
        ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
        ("January", "February", "March", "April", "May", "June", "July", "August",
         "September", "October", "November", "December"),
        "{weekday} {day} {month} {year}",
    ),
    "ar": DateWords(
        ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"),
        ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس",
         "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"),
        "{weekday} {day} {month} {year}",
    ),
    "tr": DateWords(
        ("Pazartesi", "Salı", "Çarşamba", "Perşembe", "Cuma", "Cumartesi", "Pazar"),
        ("Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos",
         "Eylül", "Ekim", "Kasım", "Aralık"),
        "{day} {month} {year} {weekday}",
    ),
    "pl": DateWords(
        ("poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela"),
        ("stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia",
         "września", "października", "listopada", "grudnia"),
        "{weekday}, {day} {month} {year}",
    ),
    "uk": DateWords(
        ("понеділок", "вівторок", "середа", "четвер", "пʼятниця", "субота", "неділя"),
        ("січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня",
         "вересня", "жовтня", "листопада", "грудня"),
        "{weekday}, {day} {month} {year} р.",
    ),
}
# fmt: on


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
