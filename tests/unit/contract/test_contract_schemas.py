"""The committed JSON Schemas are what the models generate, and stay compatible."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from samen_contract import Envelope, registry
from samen_contract.codec import encode
from samen_contract.compatibility import breaking_changes
from samen_contract.events.consent import PupilEnrolled
from samen_contract.schemas import (
    REGENERATE,
    check,
    default_schema_dir,
    main,
    render,
    schema_of,
    write,
)

pytestmark = pytest.mark.unit

COMMITTED = default_schema_dir()
EnvelopeFor = Callable[..., Envelope]


def _committed(event_type: str) -> dict[str, Any]:
    path = COMMITTED / f"{event_type}.json"
    assert path.exists(), f"no committed schema for {event_type}; run `{REGENERATE}`"
    schema: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return schema


@pytest.mark.parametrize("event_type", registry.event_types())
def test_every_committed_schema_is_compatible_with_its_model(event_type: str) -> None:
    event_class = registry.event_class_for(event_type)
    assert event_class is not None
    changes = breaking_changes(_committed(event_type), schema_of(event_class))
    assert changes == [], f"{event_type} breaks its readers; publish a new major version"


@pytest.mark.parametrize("event_type", registry.event_types())
def test_every_committed_schema_is_what_the_model_generates(event_type: str) -> None:
    event_class = registry.event_class_for(event_type)
    assert event_class is not None
    committed_text = (COMMITTED / f"{event_type}.json").read_text("utf-8")
    assert committed_text == render(schema_of(event_class)), f"stale; run `{REGENERATE}`"


def test_no_committed_schema_lacks_its_event_class() -> None:
    assert check(COMMITTED) == []


@pytest.mark.parametrize("event_type", registry.event_types())
def test_every_committed_schema_is_a_valid_json_schema(event_type: str) -> None:
    jsonschema.Draft202012Validator.check_schema(_committed(event_type))


def test_an_encoded_event_validates_against_its_committed_schema(
    pupil_enrolled: PupilEnrolled, envelope_for: EnvelopeFor
) -> None:
    record = encode(envelope_for(pupil_enrolled), pupil_enrolled)
    validator = jsonschema.Draft202012Validator(
        _committed(PupilEnrolled.event_type()), format_checker=jsonschema.FormatChecker()
    )
    validator.validate(json.loads(record.value))
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(json.loads(record.value) | {"enrolled_on": "18-08-2025"})


def test_a_rendered_schema_is_stable_text_with_a_trailing_newline() -> None:
    text = render(schema_of(PupilEnrolled))
    assert text.endswith("}\n")
    assert text == render(json.loads(text))


@pytest.fixture
def schema_copy(tmp_path: Path) -> Path:
    directory = tmp_path / "schemas"
    shutil.copytree(COMMITTED, directory)
    return directory


def _edit(directory: Path, event_type: str, change: Callable[[dict[str, Any]], None]) -> None:
    path = directory / f"{event_type}.json"
    schema = json.loads(path.read_text("utf-8"))
    change(schema)
    path.write_text(render(schema), "utf-8")


def _add_required_field(schema: dict[str, Any]) -> None:
    # As if the model lost a required field since the schema was committed.
    schema["properties"]["campus_id"] = {"format": "uuid", "type": "string"}
    schema["required"].append("campus_id")


def test_check_reports_a_model_that_broke_its_committed_schema(schema_copy: Path) -> None:
    _edit(schema_copy, PupilEnrolled.event_type(), _add_required_field)
    problems = check(schema_copy)
    assert any("campus_id: field removed" in p and "breaking" in p for p in problems)
    assert main(["check", "--dir", str(schema_copy)]) == 1


def test_write_refuses_a_breaking_change_and_writes_nothing(schema_copy: Path) -> None:
    _edit(schema_copy, PupilEnrolled.event_type(), _add_required_field)
    before = {p.name: p.read_text("utf-8") for p in schema_copy.iterdir()}
    with pytest.raises(ValueError, match="campus_id: field removed"):
        write(schema_copy)
    assert main(["write", "--dir", str(schema_copy)]) == 1
    assert {p.name: p.read_text("utf-8") for p in schema_copy.iterdir()} == before


def test_a_compatible_change_is_regenerated_by_write(schema_copy: Path) -> None:
    def drop_description(schema: dict[str, Any]) -> None:
        del schema["description"]

    _edit(schema_copy, PupilEnrolled.event_type(), drop_description)
    assert check(schema_copy) == [
        f"{PupilEnrolled.event_type()}: committed schema is stale; run `{REGENERATE}`"
    ]
    assert main(["write", "--dir", str(schema_copy)]) == 0
    assert check(schema_copy) == []


def test_a_missing_or_orphaned_schema_is_reported(schema_copy: Path) -> None:
    (schema_copy / f"{PupilEnrolled.event_type()}.json").rename(
        schema_copy / "samen.consent.PupilRenamed.v1.json"
    )
    assert check(schema_copy) == [
        f"samen.consent.PupilEnrolled.v1: no committed schema; run `{REGENERATE}`",
        "samen.consent.PupilRenamed.v1: committed schema has no event class (delete it?)",
    ]
