"""Explicit topic creation: event topics keep everything, dead letters 30 days."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from dataclasses import replace

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError
from samen_contract.topics import TopicSpec


async def ensure_topics(
    bootstrap: str, specs: Iterable[TopicSpec], *, prefix: str = ""
) -> list[str]:
    """Create the topics that do not exist yet; returns the names created."""
    specs = [replace(spec, name=prefix + spec.name) for spec in specs]
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        missing = [spec for spec in specs if spec.name not in existing]
        if not missing:
            return []
        new = [
            NewTopic(
                name=spec.name,
                num_partitions=spec.partitions,
                replication_factor=1,
                topic_configs=dict(spec.config),
            )
            for spec in missing
        ]
        # Another service may create the same topic at the same moment.
        with contextlib.suppress(TopicAlreadyExistsError):
            await admin.create_topics(new)
        return [spec.name for spec in missing]
    finally:
        await admin.close()
