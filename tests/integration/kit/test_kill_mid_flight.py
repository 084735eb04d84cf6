"""SIGKILL between commit and publish delays an event; it never loses or doubles one."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from uuid import UUID

import pytest
from samen_kit.localinfra.process import die_with_parent
from samen_kit.service import build_runtime
from samen_kit.settings import ServiceSettings
from samen_kit.testing.names import new_tenant
from sqlalchemy import select

from tests.integration.kit import proofkit
from tests.integration.kit.proofkit import effect_counts, outbox_state, wait_for
from tests.integration.kit.test_outbox_relay_inbox import _when, running

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[3]


def _env(settings: ServiceSettings) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        SAMEN_SERVICE=settings.service,
        SAMEN_DATABASE_URL=settings.database_url,
        SAMEN_KAFKA_BOOTSTRAP=settings.kafka_bootstrap,
        SAMEN_TOPIC_PREFIX=settings.topic_prefix,
        SAMEN_OUTBOX_POLL_MS="200",
        PYTHONPATH=str(ROOT),
    )
    return env


async def _spawn(settings: ServiceSettings, mode: str, tenant: str) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "tests.integration.kit.proof_worker",
        mode,
        tenant,
        cwd=ROOT,
        env=_env(settings),
        preexec_fn=die_with_parent,  # a killed test run leaves no worker behind
        stdout=asyncio.subprocess.PIPE,
    )


async def _enrolled(sessions: object) -> list[UUID]:
    async with sessions() as session:  # type: ignore[operator]
        return list((await session.execute(select(proofkit.pupils.c.pupil_id))).scalars())


async def test_killed_after_commit_before_publish_publishes_after_restart_once(
    settings_for: Callable[..., ServiceSettings],
) -> None:
    settings = settings_for("consent")
    worker = await _spawn(settings, "commit-then-die", new_tenant())
    out, _ = await worker.communicate()
    assert worker.returncode == -signal.SIGKILL
    committed = [UUID(line) for line in out.decode().split() if _is_uuid(line)]
    assert len(committed) == 5

    producer = build_runtime(settings)
    assert await outbox_state(producer.sessions) == {"total": 5, "published": 0}
    consumer = build_runtime(settings_for("notifications"))
    consumer.add_consumer("proof", proofkit.counting_handler(), sources=["consent"])
    async with running(producer), running(consumer):
        counts = await wait_for(
            lambda: _when(
                effect_counts(consumer.sessions), lambda c: proofkit.all_once(c, committed)
            )
        )
    assert sorted(counts[p] for p in committed) == [1] * 5


async def test_a_service_killed_while_streaming_loses_nothing_and_doubles_nothing(
    settings_for: Callable[..., ServiceSettings],
) -> None:
    settings = settings_for("consent")
    consumer = build_runtime(settings_for("notifications"))
    consumer.add_consumer("proof", proofkit.counting_handler(), sources=["consent"])
    async with running(consumer):
        worker = await _spawn(settings, "stream", new_tenant())
        assert worker.stdout is not None
        printed: set[UUID] = set()
        while len(printed) < 40:  # let it commit and publish a while, then kill it mid-flight
            line = (await worker.stdout.readline()).decode().strip()
            if _is_uuid(line):
                printed.add(UUID(line))
        worker.send_signal(signal.SIGKILL)
        await worker.wait()

        producer = build_runtime(settings)
        async with running(producer):
            enrolled = await _enrolled(producer.sessions)
            counts = await wait_for(
                lambda: _when(
                    effect_counts(consumer.sessions), lambda c: proofkit.all_once(c, enrolled)
                )
            )
            state = await outbox_state(producer.sessions)
    assert printed <= set(enrolled)
    assert state == {"total": len(enrolled), "published": len(enrolled)}
    assert set(counts) == set(enrolled)
    assert set(counts.values()) == {1}


def _is_uuid(text: str) -> bool:
    try:
        UUID(text)
    except ValueError:
        return False
    return True
