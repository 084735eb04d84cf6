"""What stays in Kafka after an erasure: events that carry ids, dates, codes and counts
only. Walks every committed event schema (what readers of the topics rely on) with the
contract's privacy check, so no field of any event could carry data a retention period
would have to erase (docs/retention.md, "What remains in Kafka")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from samen_contract import registry
from samen_contract.privacy import personal_data_findings

pytestmark = pytest.mark.unit

SCHEMAS = Path(__file__).resolve().parents[3] / "shared" / "schemas"
COMMITTED = sorted(SCHEMAS.glob("samen.*.json"))


def test_every_registered_event_has_a_committed_schema_to_walk() -> None:
    assert {path.stem for path in COMMITTED} >= set(registry.event_types())


@pytest.mark.parametrize("schema", COMMITTED, ids=lambda path: path.stem)
def test_no_committed_event_schema_can_carry_erasable_personal_data(schema: Path) -> None:
    assert personal_data_findings(json.loads(schema.read_text())) == []


def test_the_erasure_facts_themselves_carry_ids_codes_and_a_count() -> None:
    erased = [t for t in registry.event_types() if t.endswith(".PersonalDataErased.v1")]
    assert len(erased) == 6  # every service that holds personal data says when it erased
    for event_type in erased:
        event_class = registry.event_class_for(event_type)
        assert event_class is not None
        assert set(event_class.model_fields) == {
            "pupil_id", "kind", "count", "basis", "reason", "erased_on",
        }  # fmt: skip
