"""The readable parts of a log entry, as the report needs them."""

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any


@dataclass(frozen=True)
class EntryView:
    """One readable entry: its type, time, school and data."""

    event_type: str
    time: datetime | None
    school: str | None
    data: Mapping[str, Any]

    def text(self, name: str) -> str | None:
        value = self.data.get(name)
        return value if isinstance(value, str) else None

    def day(self, name: str) -> date | None:
        """A date field (``YYYY-MM-DD``); None when absent or malformed."""
        value = self.text(name)
        try:
            return date.fromisoformat(value) if value is not None else None
        except ValueError:
            return None


def view_of(entry: bytes) -> EntryView | None:
    """The readable parts of an entry; None for a flagged (raw) one."""
    document = json.loads(entry)
    attributes, data = document.get("attributes", {}), document.get("data")
    if not isinstance(data, dict) or not isinstance(attributes.get("type"), str):
        return None
    school = attributes.get("school") or data.get("school_id")
    return EntryView(
        event_type=attributes["type"],
        time=instant(attributes.get("time")),
        school=school if isinstance(school, str) else None,
        data=data,
    )


def instant(value: object) -> datetime | None:
    """An RFC 3339 time with its offset; anything else is no time at all."""
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None
