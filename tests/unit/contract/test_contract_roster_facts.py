"""A pupil's move to another class group travels as ids and a group code only."""

from __future__ import annotations

from uuid import uuid4

import pytest
from pydantic import ValidationError
from samen_contract import registry
from samen_contract.events.consent import PupilGroupChanged

pytestmark = pytest.mark.unit


def test_a_move_to_another_group_is_a_registered_consent_fact() -> None:
    assert registry.event_class_for("samen.consent.PupilGroupChanged.v1") is PupilGroupChanged


def test_a_pupil_may_leave_every_group_behind() -> None:
    moved = PupilGroupChanged(pupil_id=uuid4(), school_id=uuid4(), group=None)
    assert moved.group is None


@pytest.mark.parametrize("code", ["", "7 b", "-7b", "x" * 33, "groep/7"])
def test_a_group_code_that_is_no_code_is_refused(code: str) -> None:
    with pytest.raises(ValidationError):
        PupilGroupChanged(pupil_id=uuid4(), school_id=uuid4(), group=code)
