"""Annotated field types shared by the envelope and event payloads."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated
from uuid import UUID

from pydantic import AfterValidator, AwareDatetime, BeforeValidator, Field


def _to_utc(value: datetime) -> datetime:
    return value.astimezone(UTC)


def _uuid_as_text(value: object) -> object:
    return str(value) if isinstance(value, UUID) else value


def _canonical_uuid_text(value: object) -> str:
    if isinstance(value, UUID):
        return str(value)
    if not isinstance(value, str):
        raise ValueError("must be a UUID")
    return str(UUID(value))  # ValueError on anything that is not a UUID


def _whole_minute(value: datetime) -> datetime:
    if value.second or value.microsecond:
        raise ValueError("must be the start of a minute (seconds and microseconds zero)")
    return value


UtcDatetime = Annotated[AwareDatetime, AfterValidator(_to_utc)]
"""An aware datetime, stored in UTC; naive datetimes are refused."""

MinuteStart = Annotated[AwareDatetime, AfterValidator(_to_utc), AfterValidator(_whole_minute)]

UuidText = Annotated[str, BeforeValidator(_canonical_uuid_text)]
"""A UUID kept as its canonical lowercase text (CloudEvents attributes are strings)."""

Identifier = Annotated[
    str,
    BeforeValidator(_uuid_as_text),
    Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$", max_length=128),
]
"""An opaque id: a UUID's text or a slug such as a tenant key; never free text."""
