"""The kit's metrics: lag arithmetic, one scrape's readings in Prometheus' text format,
and the instruments the consumer moves."""

from __future__ import annotations

import pytest
from prometheus_client import REGISTRY
from prometheus_client.parser import text_string_to_metric_families
from samen_kit.metrics.endpoint import exposition
from samen_kit.metrics.instruments import count_dead_letter, handler_timer, service_of
from samen_kit.metrics.scrape import (
    OutboxBacklog,
    PartitionLag,
    Snapshot,
    lag_by_group_and_topic,
    partition_lag,
)

pytestmark = pytest.mark.unit


def samples(text: bytes) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(text.decode())
        for s in family.samples
    }


def test_lag_is_the_records_between_the_position_and_the_highwater() -> None:
    assert partition_lag(highwater=120, position=100) == 20
    assert partition_lag(highwater=100, position=100) == 0


def test_a_position_past_an_older_highwater_is_no_lag_rather_than_negative() -> None:
    assert partition_lag(highwater=90, position=100) == 0


def test_lag_is_summed_over_partitions_per_group_and_topic() -> None:
    lags = [
        PartitionLag("samen.notifications.consent", "samen.consent.events", 3),
        PartitionLag("samen.notifications.consent", "samen.consent.events", 4),
        PartitionLag("samen.notifications.consent", "samen.meetings.events", 1),
        PartitionLag("samen.audit.log", "samen.consent.events", 0),
    ]
    assert lag_by_group_and_topic(lags) == {
        ("samen.notifications.consent", "samen.consent.events"): 7,
        ("samen.notifications.consent", "samen.meetings.events"): 1,
        ("samen.audit.log", "samen.consent.events"): 0,
    }


def test_a_scrape_shows_the_outbox_backlog_its_age_and_the_lag_per_group() -> None:
    snapshot = Snapshot(
        service="consent",
        outbox=OutboxBacklog(rows=12, oldest_age_seconds=4.5),
        published=30,
        lag={("samen.consent.roster", "samen.admissions.events"): 5},
    )
    found = samples(exposition(snapshot))
    assert found[("samen_outbox_backlog", (("service", "consent"),))] == 12
    assert found[("samen_outbox_oldest_age_seconds", (("service", "consent"),))] == 4.5
    assert found[("samen_outbox_published_total", (("service", "consent"),))] == 30
    lag_labels = (
        ("group", "samen.consent.roster"),
        ("service", "consent"),
        ("topic", "samen.admissions.events"),
    )
    assert found[("samen_consumer_lag", lag_labels)] == 5


def test_a_scrape_leaves_the_outbox_out_when_the_database_did_not_answer() -> None:
    found = samples(exposition(Snapshot(service="consent", outbox=None, published=0)))
    names = {name for name, _ in found}
    assert "samen_outbox_backlog" not in names
    assert "samen_outbox_oldest_age_seconds" not in names
    assert "samen_outbox_published_total" in names


def test_a_consumer_is_labelled_with_the_service_its_name_begins_with() -> None:
    assert service_of("notifications.consent") == "notifications"


def _value(name: str, **labels: str) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


def test_each_handled_batch_is_timed_even_when_the_handler_raises() -> None:
    labels = {"service": "unittest", "consumer": "unittest.timed"}
    before = _value("samen_handler_seconds_count", **labels)
    with handler_timer("unittest.timed"):
        pass
    with pytest.raises(RuntimeError), handler_timer("unittest.timed"):
        raise RuntimeError("the batch failed")
    assert _value("samen_handler_seconds_count", **labels) == before + 2


def test_a_parked_record_counts_as_a_dead_letter_of_its_consumer_and_reason() -> None:
    labels = {"service": "unittest", "consumer": "unittest.parking", "reason": "malformed"}
    before = _value("samen_dead_letters_total", **labels)
    count_dead_letter("unittest.parking", "malformed")
    assert _value("samen_dead_letters_total", **labels) == before + 1
