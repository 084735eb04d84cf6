"""Explicit topic creation: event topics keep everything, dead letters 30 days; as many
copies as the cluster's size allows (`samen_kit.replication`)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from dataclasses import replace

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError
from samen_contract.topics import TopicSpec

from samen_kit.replication import Replication, replication_for


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
        # Sized by the brokers the cluster has now: topics are made when the platform is
        # first deployed, with every broker up.
        cluster = await admin.describe_cluster()
        replication = replication_for(len(cluster["brokers"]))
        new = [new_topic(spec, replication) for spec in missing]
        # Another service may create the same topic at the same moment.
        with contextlib.suppress(TopicAlreadyExistsError):
            await admin.create_topics(new)
        return [spec.name for spec in missing]
    finally:
        await admin.close()


def new_topic(spec: TopicSpec, replication: Replication) -> NewTopic:
    return NewTopic(
        name=spec.name,
        num_partitions=spec.partitions,
        replication_factor=replication.factor,
        topic_configs={**spec.config, "min.insync.replicas": str(replication.min_insync)},
    )
