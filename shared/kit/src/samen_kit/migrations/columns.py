"""Column shorthands for revisions written out by hand: NOT NULL unless `nullable=True`
(most columns are), other arguments (`primary_key`, `index`, `server_default`) as
`sa.Column` takes them. They spell a type out, never take it from a model: a revision
keeps its meaning when the model changes."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB


def _column(
    name: str, type_: Any, args: tuple[Any, ...], nullable: bool, kw: dict[str, Any]
) -> sa.Column[Any]:
    return sa.Column(name, type_, *args, nullable=nullable, **kw)


def text(
    name: str, length: int | None = None, *args: Any, nullable: bool = False, **kw: Any
) -> sa.Column[Any]:
    """VARCHAR(`length`); TEXT without one."""
    return _column(name, sa.String(length) if length else sa.Text(), args, nullable, kw)


def uuid(name: str, *args: Any, nullable: bool = False, **kw: Any) -> sa.Column[Any]:
    return _column(name, sa.Uuid(), args, nullable, kw)


def moment(name: str, *args: Any, nullable: bool = False, **kw: Any) -> sa.Column[Any]:
    """An instant: TIMESTAMP WITH TIME ZONE."""
    return _column(name, sa.DateTime(timezone=True), args, nullable, kw)


def day(name: str, *args: Any, nullable: bool = False, **kw: Any) -> sa.Column[Any]:
    return _column(name, sa.Date(), args, nullable, kw)


def flag(name: str, *args: Any, nullable: bool = False, **kw: Any) -> sa.Column[Any]:
    return _column(name, sa.Boolean(), args, nullable, kw)


def integer(name: str, *args: Any, nullable: bool = False, **kw: Any) -> sa.Column[Any]:
    return _column(name, sa.Integer(), args, nullable, kw)


def jsonb(name: str, *args: Any, nullable: bool = False, **kw: Any) -> sa.Column[Any]:
    return _column(name, JSONB(), args, nullable, kw)
