"""SQLModel fields whose column type SQLModel does not infer: a time with its zone, long
text and JSONB. Declared once, so a service's tables name only what differs.

A field is optional in Python (default None) unless `required`: the row must then be
given the value. Nullability is the column's, independent of that.
"""

from collections.abc import Callable
from typing import Any

from sqlalchemy import Column, DateTime, Text
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field


def instant_field(*, nullable: bool = False, index: bool = False, required: bool = False) -> Any:
    column = Column(DateTime(timezone=True), nullable=nullable, index=index)
    return Field(default=... if required else None, sa_column=column)


def text_field(
    *, nullable: bool = False, required: bool = False, default: str | None = None
) -> Any:
    return Field(default=... if required else default, sa_column=Column(Text, nullable=nullable))


def jsonb_field(factory: Callable[[], Any] | None = None, *, nullable: bool = False) -> Any:
    """With `factory`, a new value per row; without, required (None when `nullable`)."""
    column = Column(JSONB, nullable=nullable)
    if factory is not None:
        return Field(default_factory=factory, sa_column=column)
    return Field(default=None if nullable else ..., sa_column=column)
