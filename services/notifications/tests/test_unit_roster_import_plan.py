"""The contacts import decides in memory what one call writes: only contact points that
changed (with the values the last line gave them), every pupil's first name, and a
report per line, as if the lines had been saved one by one."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from samen_notifications.handlers.roster_import import (
    GuardianLine,
    RosterLine,
    guardian_values,
    plan_import,
)

pytestmark = pytest.mark.unit

MUM, DAD = uuid.uuid4(), uuid.uuid4()


def _guardian(guardian_id: uuid.UUID, email: str | None = "ouder@example.nl") -> GuardianLine:
    return GuardianLine(guardian_id, email, None, "nl", False)


def _line(n: int, *guardians: GuardianLine, name: str | None = "Sam") -> RosterLine:
    return RosterLine(n, uuid.uuid4(), name, guardians)


def _on_file(line: GuardianLine) -> dict[str, Any]:
    return guardian_values(line)


def test_a_first_import_writes_every_guardian_and_name() -> None:
    lines = [_line(1, _guardian(MUM), _guardian(DAD)), _line(2, _guardian(DAD), name=None)]

    plan = plan_import(lines, {}, {})

    assert plan.contacts.keys() == {MUM, DAD}
    assert plan.first_names == {lines[0].pupil_id: "Sam", lines[1].pupil_id: None}
    assert (plan.result.imported, plan.result.unchanged, plan.result.errors) == (2, 0, [])


def test_a_re_import_of_the_same_rows_writes_no_contact_point_and_counts_unchanged() -> None:
    line = _line(1, _guardian(MUM))

    plan = plan_import([line], {line.pupil_id: "Sam"}, {MUM: _on_file(_guardian(MUM))})

    assert plan.contacts == {}
    assert (plan.result.imported, plan.result.unchanged) == (0, 1)


def test_a_renamed_pupil_counts_as_imported_without_a_contact_change() -> None:
    line = _line(1, _guardian(MUM), name="Samira")

    plan = plan_import([line], {line.pupil_id: "Sam"}, {MUM: _on_file(_guardian(MUM))})

    assert plan.contacts == {} and plan.first_names == {line.pupil_id: "Samira"}
    assert (plan.result.imported, plan.result.unchanged) == (1, 0)


def test_a_guardian_of_two_siblings_is_compared_with_what_the_earlier_line_left() -> None:
    first, same = (
        _line(1, _guardian(MUM, "nieuw@example.nl")),
        _line(2, _guardian(MUM, "nieuw@example.nl")),
    )

    plan = plan_import([first, same], {}, {MUM: _on_file(_guardian(MUM))})

    assert plan.contacts[MUM]["email"] == "nieuw@example.nl"
    # The second line brings nothing new for the guardian; only its pupil's name is new.
    assert (plan.result.imported, plan.result.unchanged) == (2, 0)
    plan_again = plan_import([first, same], plan.first_names, {MUM: plan.contacts[MUM]})
    assert (plan_again.result.imported, plan_again.result.unchanged) == (0, 2)


def test_a_guardian_with_two_addresses_on_two_lines_gets_the_last_one() -> None:
    lines = [
        _line(1, _guardian(MUM, "een@example.nl")),
        _line(2, _guardian(MUM, "twee@example.nl")),
    ]

    plan = plan_import(lines, {}, {})

    assert plan.contacts == {MUM: guardian_values(_guardian(MUM, "twee@example.nl"))}


def test_a_line_with_an_unusable_detail_saves_nothing_of_it_and_is_reported() -> None:
    bad = _line(7, _guardian(MUM), _guardian(DAD, "ouder@"))

    plan = plan_import([bad], {}, {})

    assert plan.contacts == {} and plan.first_names == {}
    assert [error["line"] for error in plan.result.errors] == [7]
    assert plan.result.errors[0]["detail"].startswith("email:")
    assert (plan.result.imported, plan.result.unchanged) == (0, 0)
