"""Rows to response bodies by field name, the one presenter of every service: a
service's presenter names only the fields it works out (a due date, a nested list, a
field the row holds under another name)."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel

Body = TypeVar("Body", bound=BaseModel)


def present(schema: type[Body], source: object, **worked_out: Any) -> Body:
    """`schema` from `source`'s attributes of the same names, and `worked_out`; the body
    is validated as any other (a field neither gives keeps its default or fails)."""
    taken = {
        name: getattr(source, name)
        for name in schema.model_fields
        if name not in worked_out and hasattr(source, name)
    }
    return schema.model_validate({**taken, **worked_out})
