"""One rule for what the services accept: text, integers and dates that the database
can hold and that make sense, used by every request schema.

- `OneLine` / `ShortText`, `FreeText` / `LongText`: no control characters (NUL among
  them: PostgreSQL refuses 0x00); line breaks and tabs are allowed in free text (a
  note) but not in one-line text (a title). Bound the length with `Field(max_length=)`.
- `Int32`, `Int64`, `Count`, `Version`: integers that fit their column.
- `SensibleDate`: a date within 1900..2200 (a birth date, an export period);
  `SchoolDate` / `SchoolDateTime`: within 1990..2100 (a meeting, an OPP, a decision).

Each is an `Annotated` type, so FastAPI answers a request that breaks one with a 422
problem before any handler runs, and the OpenAPI documents show the bounds.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Any, Final

from pydantic import AfterValidator, AwareDatetime, Field

#: C0 controls and DEL (NUL included) and the C1 controls; line breaks and tab apart.
_CONTROL: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_CONTROL_OR_BREAK: Final = re.compile(r"[\x00-\x1f\x7f-\x9f]")

#: The pattern OpenAPI shows for one-line text (and that fuzzers generate from).
ONE_LINE_PATTERN: Final = r"^[^\x00-\x1f\x7f-\x9f]*$"
#: The pattern for free text: line breaks and tabs allowed.
FREE_TEXT_PATTERN: Final = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]*$"

INT32_MAX: Final = 2**31 - 1
INT64_MAX: Final = 2**63 - 1

EARLIEST: Final = date(1900, 1, 1)
LATEST: Final = date(2200, 12, 31)


def has_control_characters(value: str, *, allow_breaks: bool = False) -> bool:
    """True when `value` holds a character no stored text may hold."""
    return bool((_CONTROL if allow_breaks else _CONTROL_OR_BREAK).search(value))


def _one_line(value: str) -> str:
    if has_control_characters(value):
        raise ValueError("text may not contain control characters")
    return value


def _free_text(value: str) -> str:
    if has_control_characters(value, allow_breaks=True):
        raise ValueError("text may not contain control characters")
    return value


#: One-line text (a title, a name, a code): no control characters, no line breaks.
#: Bound its length where it is used: `Annotated[OneLine, Field(max_length=200)]`.
OneLine = Annotated[str, Field(pattern=ONE_LINE_PATTERN), AfterValidator(_one_line)]
#: Free text (a note, a reason): line breaks and tabs, but no other control characters.
FreeText = Annotated[str, Field(pattern=FREE_TEXT_PATTERN), AfterValidator(_free_text)]

ShortText = Annotated[OneLine, Field(max_length=200)]
LongText = Annotated[FreeText, Field(max_length=5000)]

Int32 = Annotated[int, Field(ge=-(2**31), le=INT32_MAX)]
Int64 = Annotated[int, Field(ge=-(2**63), le=INT64_MAX)]
#: A count, size or index stored in a BIGINT column.
Count = Annotated[int, Field(ge=0, le=INT64_MAX)]
#: A version number stored in an INTEGER column.
Version = Annotated[int, Field(ge=1, le=INT32_MAX)]


def _within(earliest: date, latest: date) -> AfterValidator:
    """A date (or a moment, by its date) from `earliest` to `latest`, both included."""

    def check(value: Any) -> Any:
        day = value.date() if isinstance(value, datetime) else value
        if not earliest <= day <= latest:
            raise ValueError(f"date must lie between {earliest} and {latest}")
        return value

    return AfterValidator(check)


#: A date of the school's world: 1900-01-01 .. 2200-12-31.
SensibleDate = Annotated[
    date,
    _within(EARLIEST, LATEST),
    Field(description=f"A date between {EARLIEST} and {LATEST}."),
]

#: The dates of school life (meetings, agreements, an OPP, a decision): 1990 .. 2100.
SCHOOL_EARLIEST: Final = date(1990, 1, 1)
SCHOOL_LATEST: Final = date(2100, 12, 31)
_SCHOOL_LIFE = _within(SCHOOL_EARLIEST, SCHOOL_LATEST)

SchoolDate = Annotated[
    date,
    _SCHOOL_LIFE,
    Field(description=f"A date between {SCHOOL_EARLIEST} and {SCHOOL_LATEST}."),
]
#: A moment with a time zone, on a day of school life (never near year 1 or 9999,
#: where converting between zones overflows).
SchoolDateTime = Annotated[
    AwareDatetime,
    _SCHOOL_LIFE,
    Field(description=f"A moment between {SCHOOL_EARLIEST} and {SCHOOL_LATEST}."),
]
