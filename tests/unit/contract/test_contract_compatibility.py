"""Within a major version only optional fields may be added (ARCHITECTURE.md)."""

from __future__ import annotations

import copy
from enum import StrEnum
from typing import Any, ClassVar
from uuid import UUID

import pytest
from pydantic import BaseModel, Field, create_model
from samen_contract import Event
from samen_contract.compatibility import breaking_changes
from samen_contract.events.consent import GuardianshipRecorded
from samen_contract.events.consent import GuardianStanding as _Standing
from samen_contract.schemas import schema_of

pytestmark = pytest.mark.unit

Schema = dict[str, Any]


@pytest.fixture
def committed() -> Schema:
    return schema_of(GuardianshipRecorded)


def _broken(schema: Schema, change: Any) -> Schema:
    copied = copy.deepcopy(schema)
    change(copied)
    return copied


class _Narrow(StrEnum):
    PARENTAL_AUTHORITY = "parental_authority"


def _changed(**fields: Any) -> Schema:
    """The schema a changed `GuardianshipRecorded` would have, named as the committed event
    so only the change differs: a field maps to its type, to (type, default), or to None
    (removed)."""
    declared = {"pupil_id": UUID, "guardian_id": UUID, "standing": _Standing} | fields
    definitions = {
        name: kind if isinstance(kind, tuple) else (kind, ...)
        for name, kind in declared.items()
        if kind is not None
    }
    model = create_model(
        "GuardianshipRecorded",
        __base__=Event,
        __service__=(ClassVar[str], "consent"),
        **definitions,
    )
    return schema_of(model)


def test_the_same_schema_is_compatible(committed: Schema) -> None:
    assert breaking_changes(committed, copy.deepcopy(committed)) == []
    assert breaking_changes(committed, _changed()) == []  # the changed ones start alike


def test_adding_an_optional_field_is_compatible(committed: Schema) -> None:
    changed = _changed(recorded_by_import=(UUID | None, None))

    assert breaking_changes(committed, changed) == []


def test_changing_titles_and_descriptions_is_compatible(committed: Schema) -> None:
    def retitle(schema: Schema) -> None:
        schema["description"] = "Another text."
        schema["properties"]["pupil_id"]["title"] = "Pupil"

    assert breaking_changes(committed, _broken(committed, retitle)) == []


def test_removing_a_field_is_breaking(committed: Schema) -> None:
    assert breaking_changes(committed, _changed(guardian_id=None)) == ["guardian_id: field removed"]


def test_changing_a_fields_type_is_breaking(committed: Schema) -> None:
    changes = breaking_changes(committed, _changed(guardian_id=int))
    assert "guardian_id: type changed from 'string' to 'integer'" in changes
    assert "guardian_id: format changed from 'uuid' to None" in changes


def test_adding_a_required_field_is_breaking(committed: Schema) -> None:
    assert breaking_changes(committed, _changed(school_id=UUID)) == [
        "school_id: required field added"
    ]


def test_removing_an_enum_value_is_breaking(committed: Schema) -> None:
    assert breaking_changes(committed, _changed(standing=_Narrow)) == [
        "standing: enum value 'information_right' removed"
    ]


def test_adding_an_enum_value_is_breaking_because_old_readers_reject_it(committed: Schema) -> None:
    def widen(schema: Schema) -> None:
        schema["$defs"]["GuardianStanding"]["enum"].append("foster_care")

    assert breaking_changes(committed, _broken(committed, widen)) == [
        "standing: enum value 'foster_care' added (old readers reject it)"
    ]


def test_making_an_optional_field_required_and_the_reverse_are_breaking() -> None:
    class Before(Event):
        pupil_id: UUID
        school_id: UUID | None = None

    class After(Event):
        pupil_id: UUID | None = None
        school_id: UUID

    changes = breaking_changes(Before.model_json_schema(), After.model_json_schema())
    assert "school_id: became required" in changes
    assert "school_id: may no longer be null" in changes
    assert "pupil_id: became optional" in changes
    assert "pupil_id: may now be null" in changes


def test_tightening_a_constraint_or_changing_a_default_is_breaking() -> None:
    def constrain(schema: Schema) -> None:
        schema["properties"]["count"]["minimum"] = 2
        schema["properties"]["note_kind"]["default"] = "b"

    class Counted(Event):
        count: int = Field(ge=1)
        note_kind: str = Field(default="a", pattern="^[a-z]$")

    old = Counted.model_json_schema()
    assert breaking_changes(old, _broken(old, constrain)) == [
        "count: minimum changed from 1 to 2",
        "note_kind: default changed from 'a' to 'b'",
    ]


def test_changes_inside_nested_models_and_lists_are_found() -> None:
    class Item(BaseModel):
        agreement_id: UUID

    class Before(Event):
        items: list[Item]

    class ItemAfter(BaseModel):
        agreement_id: int

    class After(Event):
        items: list[ItemAfter]

    assert "items[].agreement_id: type changed from 'string' to 'integer'" in breaking_changes(
        Before.model_json_schema(), After.model_json_schema()
    )
