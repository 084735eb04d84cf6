"""Tenant-scoped queries: every read is narrowed to what the caller may see.

`scoped(select(Pupil), staff)` keeps the caller's tenant and, when the model has a
`school_id`, the caller's schools; a board admin also sees every school of a listed
board (via `board_id`, when the model has one); tenant-wide roles see all schools.
A row outside the scope is simply absent, so the service answers 404 for another
tenant's data exactly as for data that does not exist.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar
from uuid import UUID

from sqlalchemy import ColumnElement, Select, false, or_
from sqlalchemy.orm import QueryableAttribute

from samen_kit.access.staff import StaffPrincipal

TENANT_COLUMN = "tenant"
SCHOOL_COLUMN = "school_id"
BOARD_COLUMN = "board_id"

SelectT = TypeVar("SelectT", bound=Select[Any])


def scoped(statement: SelectT, principal: StaffPrincipal, model: Any | None = None) -> SelectT:
    """Narrow `statement` on `model` (default: the first entity selected)."""
    target = model if model is not None else statement.column_descriptions[0]["entity"]
    tenant = _column(target, TENANT_COLUMN)
    if tenant is None:
        raise TypeError(f"{target!r} has no {TENANT_COLUMN!r} column to scope by")
    statement = statement.where(_is_in(tenant, [principal.tenant]))
    return statement.where(*_school_scope(target, principal))


def visible(
    principal: StaffPrincipal,
    *,
    tenant: str,
    school_id: str | UUID | None = None,
    board_id: str | UUID | None = None,
) -> bool:
    """The same rule for one row already in hand."""
    if tenant != principal.tenant:
        return False
    return school_id is None or principal.covers_school(school_id, board_id)


def _school_scope(target: Any, principal: StaffPrincipal) -> list[ColumnElement[bool]]:
    school = _column(target, SCHOOL_COLUMN)
    if school is None or principal.sees_whole_tenant:
        return []
    board = _column(target, BOARD_COLUMN)
    in_schools = _is_in(school, principal.schools)
    if board is None or not principal.sees_whole_boards:
        return [in_schools]
    return [or_(in_schools, _is_in(board, principal.boards))]


def _column(target: Any, name: str) -> QueryableAttribute[Any] | None:
    column = getattr(target, name, None)
    return column if isinstance(column, QueryableAttribute) else None


def _is_in(column: QueryableAttribute[Any], values: Iterable[str]) -> ColumnElement[bool]:
    """Token claims are text; a UUID column gets UUIDs, and text that is none matches nothing."""
    if _python_type(column) is not UUID:
        return column.in_(sorted(values))
    uuids = [uuid for uuid in map(_uuid_or_none, values) if uuid is not None]
    return column.in_(uuids) if uuids else false()


def _python_type(column: QueryableAttribute[Any]) -> type | None:
    try:
        return column.type.python_type  # type: ignore[no-any-return]
    except NotImplementedError:
        return None


def _uuid_or_none(text: str) -> UUID | None:
    try:
        return UUID(text)
    except ValueError:
        return None
