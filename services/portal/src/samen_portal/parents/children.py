"""Which of a guardian's children Mijn kind offers to switch to (ADR 0017: one session
opens every child of whom the guardian has parental authority). The platform holds no
names, so a child is told apart by a number and, where the roster knows it, the class
group. Pure: the roster gives the pupils."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from samen_kit.roster import Pupil


@dataclass(frozen=True)
class ChildLine:
    number: int
    group: str | None
    href: str
    current: bool


def child_lines(current: UUID, children: Iterable[Pupil], overview: str) -> list[ChildLine]:
    """Oldest enrolment first (a stable order, so "Kind 1" stays kind 1 from page to
    page); none when there is only the one child, where a list would say nothing."""
    ordered = sorted(children, key=lambda p: (p.enrolled_on or date.min, str(p.pupil_id)))
    if len(ordered) < 2:
        return []
    return [
        ChildLine(
            number=number,
            group=pupil.group,
            href=f"{overview}/{pupil.pupil_id}",
            current=pupil.pupil_id == current,
        )
        for number, pupil in enumerate(ordered, start=1)
    ]
