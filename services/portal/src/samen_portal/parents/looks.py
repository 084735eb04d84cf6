"""Who looked at the child's file (AVG art. 15: the recipients), as a parent sees it:
the kind of person and their organisation, and the day — never who by name, which
the portal does not hold. Pure: the read model gives (role, day) per view."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from samen_kit.access import Role


class Looker(StrEnum):
    TEACHER = "teacher"
    IB = "ib"
    DIRECTOR = "director"
    BOARD = "board"  # the school board
    SWV = "swv"  # the samenwerkingsverband's people
    INSPECTIE = "inspectie"
    SCHOOL_SIDE = "school_side"  # a view recorded before roles were kept


_LOOKERS = {
    Role.TEACHER: Looker.TEACHER,
    Role.IB: Looker.IB,
    Role.DIRECTOR: Looker.DIRECTOR,
    Role.BOARD_ADMIN: Looker.BOARD,
    Role.INSPECTIE: Looker.INSPECTIE,
}


@dataclass(frozen=True, order=True)
class Look:
    day: date
    looker: Looker


def looker_of(role: str | None) -> Looker:
    known = {r.value: r for r in Role}.get(role or "")
    if known is None:
        return Looker.SCHOOL_SIDE
    return _LOOKERS.get(known, Looker.SWV)


def who_looked(views: Iterable[tuple[str | None, date]]) -> list[Look]:
    """One line per kind of person and day, newest day first."""
    return sorted({Look(day, looker_of(role)) for role, day in views}, reverse=True)
