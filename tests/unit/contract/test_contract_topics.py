from __future__ import annotations

import pytest
from samen_contract.errors import UnknownService
from samen_contract.topics import (
    EVENT_TOPIC_PARTITIONS,
    SERVICES,
    dlq_topic,
    events_topic,
    service_of_topic,
    topic_specs,
)

pytestmark = pytest.mark.unit

THIRTY_DAYS_MS = str(30 * 24 * 3600 * 1000)


def test_each_service_owns_one_event_topic_and_one_dead_letter_topic() -> None:
    assert events_topic("consent") == "samen.consent.events"
    assert dlq_topic("consent") == "samen.consent.dlq"
    assert [s.name for s in topic_specs()] == [
        name for s in SERVICES for name in (f"samen.{s}.events", f"samen.{s}.dlq")
    ]


def test_event_topics_keep_everything_with_a_fixed_partition_count() -> None:
    event_specs = [s for s in topic_specs() if s.name.endswith(".events")]
    assert len(event_specs) == len(SERVICES)
    for spec in event_specs:
        assert spec.config["retention.ms"] == "-1"
        assert spec.partitions == EVENT_TOPIC_PARTITIONS == 6


def test_dead_letters_are_kept_thirty_days() -> None:
    dlq_specs = [s for s in topic_specs() if s.name.endswith(".dlq")]
    assert len(dlq_specs) == len(SERVICES)
    assert {s.config["retention.ms"] for s in dlq_specs} == {THIRTY_DAYS_MS}


@pytest.mark.parametrize("service", ["billing", "", "Consent", "consent.events"])
def test_an_unknown_service_has_no_topic(service: str) -> None:
    with pytest.raises(UnknownService):
        events_topic(service)
    with pytest.raises(UnknownService):
        dlq_topic(service)


def test_the_owner_of_a_topic_is_read_from_its_name() -> None:
    assert service_of_topic("samen.meetings.events") == "meetings"
    assert service_of_topic("samen.audit.dlq") == "audit"
    with pytest.raises(UnknownService):
        service_of_topic("samen.meetings.other")
