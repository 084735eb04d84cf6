"""A standard CloudEvents SDK reads a Samen event off a real Kafka record that the
kit's outbox relay produced."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from aiokafka import AIOKafkaConsumer
from cloudevents.core.bindings import kafka as ce_kafka
from cloudevents.core.formats.json import JSONFormat
from cloudevents.core.v1.event import CloudEvent
from samen_contract.topics import events_topic
from samen_kit.service import build_runtime
from samen_kit.settings import ServiceSettings
from samen_kit.testing.names import new_tenant

from tests.integration.kit.proofkit import enroll, wait_for
from tests.integration.kit.test_outbox_relay_inbox import running

pytestmark = pytest.mark.integration


async def test_the_cloudevents_sdk_reads_an_event_the_kit_published(
    settings_for: Callable[..., ServiceSettings],
) -> None:
    settings = settings_for("consent")
    producer = build_runtime(settings)
    tenant = new_tenant()
    async with running(producer):
        pupil = await enroll(producer.sessions, producer.writer, tenant)
        reader = AIOKafkaConsumer(
            settings.topic_prefix + events_topic("consent"),
            bootstrap_servers=settings.kafka_bootstrap,
            auto_offset_reset="earliest",
            enable_auto_commit=False,
        )
        await reader.start()
        found: list[Any] = []
        try:

            async def read() -> bool:
                batch = await reader.getmany(timeout_ms=500)
                for records in batch.values():
                    for r in records:
                        message = ce_kafka.KafkaMessage(
                            headers={k: v for k, v in r.headers}, key=r.key, value=r.value
                        )
                        event = ce_kafka.from_binary(message, JSONFormat(), CloudEvent)
                        if event.get_extension("tenant") == tenant:
                            found.append(event)
                return bool(found)

            await wait_for(read)
        finally:
            await reader.stop()
    event = found[0]
    assert event.get_type() == "samen.consent.PupilEnrolled.v1"
    assert event.get_source() == "/samen/consent"
    assert event.get_subject() == str(pupil)
    assert event.get_extension("actor") == "system:roster-import"
    assert event.get_extension("sequence") == "1"
    assert event.get_data()["pupil_id"] == str(pupil)
