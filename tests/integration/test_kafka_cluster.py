"""Three Kafka nodes on one machine (`KafkaCluster`): the kit's topics get three copies,
two of which must have every write, and a node killed mid-stream loses no acknowledged
record. The cluster is this module's own: free ports, a temporary state folder."""

from __future__ import annotations

import asyncio
import shutil
import tempfile
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType
from samen_contract.topics import events_topic_spec
from samen_kit.localinfra import KafkaCluster, free_ports
from samen_kit.topics import ensure_topics

pytestmark = [pytest.mark.integration, pytest.mark.timeout(300)]

RECORDS = 200


@pytest.fixture(scope="module")
def state_root() -> Iterator[Path]:
    root = Path(tempfile.mkdtemp(prefix="samen-kafka-cluster-"))
    yield root
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="module")
async def cluster(state_root: Path) -> AsyncIterator[KafkaCluster]:
    ports = free_ports(6)
    started = KafkaCluster(ports[:3], ports[3:], state_root / "cluster")
    await started.start()
    try:
        await started.wait_ready()
        yield started
    finally:
        await started.stop()


async def test_the_kits_topics_on_a_three_node_cluster_get_three_copies_two_in_sync(
    cluster: KafkaCluster,
) -> None:
    prefix = f"t{uuid.uuid4().hex[:8]}."
    spec = events_topic_spec("consent")
    (created,) = await ensure_topics(cluster.bootstrap_servers, [spec], prefix=prefix)

    admin = AIOKafkaAdminClient(bootstrap_servers=cluster.bootstrap_servers)
    await admin.start()
    try:
        described = await described_once_known(admin, created)
        configs = await admin.describe_configs([ConfigResource(ConfigResourceType.TOPIC, created)])
    finally:
        await admin.close()
    replicas = {len(partition["replicas"]) for partition in described["partitions"]}
    entries = {entry[0]: entry[1] for entry in configs[0].resources[0][4]}
    assert len(described["partitions"]) == spec.partitions
    assert replicas == {3}
    assert entries["min.insync.replicas"] == "2"
    assert entries["retention.ms"] == spec.config["retention.ms"]


async def test_records_acknowledged_while_a_node_is_killed_are_all_read_after_it_returns(
    cluster: KafkaCluster,
) -> None:
    prefix = f"t{uuid.uuid4().hex[:8]}."
    spec = events_topic_spec("consent")
    (topic,) = await ensure_topics(cluster.bootstrap_servers, [spec], prefix=prefix)
    producer = AIOKafkaProducer(
        bootstrap_servers=cluster.bootstrap_servers, acks="all", enable_idempotence=True
    )
    await producer.start()
    try:
        for n in range(RECORDS // 2):
            await producer.send_and_wait(topic, f"{n}".encode(), key=f"{n % 7}".encode())
        await cluster.nodes[2].kill()  # SIGKILL: two copies remain, as min.insync wants
        for n in range(RECORDS // 2, RECORDS):
            await producer.send_and_wait(topic, f"{n}".encode(), key=f"{n % 7}".encode())
    finally:
        await producer.stop()
    await cluster.nodes[2].start()
    await cluster.wait_ready()

    assert sorted(await read_all(cluster, topic)) == list(range(RECORDS))


async def described_once_known(admin: AIOKafkaAdminClient, topic: str) -> dict[str, Any]:
    """A new topic reaches each broker's metadata a moment after it is created."""
    for _ in range(100):
        (described,) = await admin.describe_topics([topic])
        if described["partitions"]:
            return dict(described)
        await asyncio.sleep(0.2)
    raise AssertionError(f"{topic} has no partitions after 20 s")


async def read_all(cluster: KafkaCluster, topic: str) -> list[int]:
    consumer = AIOKafkaConsumer(
        topic, bootstrap_servers=cluster.bootstrap_servers, auto_offset_reset="earliest"
    )
    await consumer.start()
    values: list[int] = []
    try:
        while len(values) < RECORDS:
            batches = await consumer.getmany(timeout_ms=10_000)
            if not batches:
                break
            values += [int(r.value or b"") for records in batches.values() for r in records]
    finally:
        await consumer.stop()
    return values
