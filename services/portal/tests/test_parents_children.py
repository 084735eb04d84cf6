"""Which children Mijn kind lists: none for a guardian of one child, otherwise every
child by number (oldest enrolment first) with the class group where it is known."""

from __future__ import annotations

from datetime import date
from uuid import UUID, uuid4

from samen_kit.roster import Pupil
from samen_portal.parents.children import ChildLine, child_lines


def _pupil(enrolled_on: date | None, group: str | None = None) -> Pupil:
    return Pupil("swv-a", uuid4(), uuid4(), None, enrolled_on, None, group)


def _ids(lines: list[ChildLine]) -> list[UUID]:
    return [UUID(line.href.rsplit("/", 1)[1]) for line in lines]


def test_a_guardian_of_one_child_gets_no_list() -> None:
    only = _pupil(date(2024, 8, 19))
    assert child_lines(only.pupil_id, [only], "/ouders/kind") == []


def test_children_are_numbered_from_the_oldest_enrolment_and_this_one_is_marked() -> None:
    younger, older = _pupil(date(2025, 8, 18), "3b"), _pupil(date(2021, 8, 16), "7a")
    lines = child_lines(younger.pupil_id, [younger, older], "/ouders/kind")
    assert _ids(lines) == [older.pupil_id, younger.pupil_id]
    assert [(line.number, line.group, line.current) for line in lines] == [
        (1, "7a", False),
        (2, "3b", True),
    ]
    assert lines[1].href == f"/ouders/kind/{younger.pupil_id}"


def test_a_child_without_a_known_enrolment_day_or_group_is_still_listed() -> None:
    unknown, known = _pupil(None), _pupil(date(2023, 8, 21), "5c")
    lines = child_lines(known.pupil_id, [known, unknown], "/ouders/kind")
    assert _ids(lines) == [unknown.pupil_id, known.pupil_id]
    assert lines[0].group is None
