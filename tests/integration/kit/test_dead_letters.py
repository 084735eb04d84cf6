"""Poison is parked with its reason, the consumer goes on, and replay brings it back."""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Callable
from pathlib import Path
from uuid import UUID, uuid4

import pytest
from aiokafka import AIOKafkaProducer
from samen_contract.topics import dlq_topic, events_topic
from samen_kit.dlq_ops import list_dead_letters
from samen_kit.service import build_runtime
from samen_kit.settings import ServiceSettings
from samen_kit.testing.names import new_tenant

from tests.integration.kit import proofkit
from tests.integration.kit.proofkit import effect_counts, enroll, wait_for
from tests.integration.kit.test_outbox_relay_inbox import _when, running

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[3]


async def _samen(settings: ServiceSettings, *args: str) -> str:
    env = dict(os.environ)
    env.update(
        SAMEN_KAFKA_BOOTSTRAP=settings.kafka_bootstrap, SAMEN_TOPIC_PREFIX=settings.topic_prefix
    )
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "samen_cli",
        *args,
        env=env,
        cwd=ROOT,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    out, _ = await proc.communicate()
    assert proc.returncode == 0, out.decode()
    return out.decode()


async def test_poison_is_parked_the_consumer_goes_on_and_replay_brings_it_back(
    settings_for: Callable[..., ServiceSettings],
) -> None:
    poisoned: set[UUID] = set()
    producer = build_runtime(settings_for("consent"))
    consumer_settings = settings_for("notifications")
    consumer = build_runtime(consumer_settings)
    consumer.add_consumer(
        "proof", proofkit.counting_handler(lambda pupil: pupil in poisoned), sources=["consent"]
    )
    tenant = new_tenant()
    poison = uuid4()
    poisoned.add(poison)
    dlq = consumer_settings.topic_prefix + dlq_topic("notifications")
    async with running(producer), running(consumer):
        before = len(await list_dead_letters(consumer_settings.kafka_bootstrap, dlq))
        await enroll(producer.sessions, producer.writer, tenant, poison)
        healthy = await enroll(producer.sessions, producer.writer, tenant)

        counts = await wait_for(
            lambda: _when(effect_counts(consumer.sessions), lambda c: healthy in c)
        )
        assert poison not in counts
        letters = await wait_for(
            lambda: _when(
                list_dead_letters(consumer_settings.kafka_bootstrap, dlq),
                lambda found: len(found) > before,  # type: ignore[arg-type]
            )
        )
        letter = letters[-1]
        assert letter.info["reason"] == "handler_failed"
        assert "this pupil cannot be handled" in letter.info["error"]
        assert letter.info["consumer"] == "notifications.proof"
        assert letter.info["attempts"] == "3"
        assert letter.event_type == "samen.consent.PupilEnrolled.v1"
        listed = await _samen(consumer_settings, "dlq", "list", "--service", "notifications")
        assert "handler_failed" in listed

        poisoned.clear()  # the bug is fixed
        replayed = await _samen(consumer_settings, "dlq", "replay", "--service", "notifications")
        assert "1 dead letter(s) replayed" in replayed
        counts = await wait_for(
            lambda: _when(effect_counts(consumer.sessions), lambda c: poison in c)
        )
    assert counts[poison] == 1
    assert counts[healthy] == 1


async def test_a_malformed_record_is_parked_with_its_reason(
    settings_for: Callable[..., ServiceSettings],
) -> None:
    settings = settings_for("notifications")
    consumer = build_runtime(settings)
    consumer.add_consumer("proof", proofkit.counting_handler(), sources=["consent"])
    dlq = settings.topic_prefix + dlq_topic("notifications")
    marker = f"broken-{uuid4().hex}".encode()
    async with running(consumer):
        kafka = AIOKafkaProducer(bootstrap_servers=settings.kafka_bootstrap)
        await kafka.start()
        try:
            await kafka.send_and_wait(
                settings.topic_prefix + events_topic("consent"),
                b"{not json",
                key=marker,
                headers=[
                    ("ce_type", b"samen.consent.PupilEnrolled.v1"),
                    ("content-type", b"application/json"),  # FastStream would parse this
                    ("ce_subject", b"\xff\xfe not utf-8"),
                ],
            )
        finally:
            await kafka.stop()

        async def parked() -> object:
            found = await list_dead_letters(settings.kafka_bootstrap, dlq)
            return [letter for letter in found if letter.info.get("reason") == "malformed"]

        letters = await wait_for(parked)
    assert letters[-1].info["error"]
    assert letters[-1].info["attempts"] == "0"
