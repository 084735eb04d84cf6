"""Calendar days in Europe/Amsterdam; instants stored and compared in UTC."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def require_aware(at: datetime) -> datetime:
    """The same instant in UTC; a naive datetime is refused, it names no instant."""
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError(f"{at.isoformat()} has no time zone")
    return at.astimezone(UTC)


def local_date(at: datetime) -> date:
    """The calendar day in Amsterdam on which the instant falls."""
    return require_aware(at).astimezone(AMSTERDAM).date()


def end_of_day(day: date) -> datetime:
    """The instant `day` ends in Amsterdam (the midnight that starts the next day), in UTC.

    Built from the calendar day, so a day of 23 or 25 hours (DST) ends at its own midnight.
    """
    next_midnight = datetime.combine(day + timedelta(days=1), time(0), tzinfo=AMSTERDAM)
    return next_midnight.astimezone(UTC)
