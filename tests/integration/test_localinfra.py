"""samen_kit.localinfra runs a real Kafka broker and a real PostgreSQL cluster.

This module starts instances of its own on free ports in a temporary state folder, so
the team's default instances (19092 and 15432) are never touched.
"""

from __future__ import annotations

import asyncio
import shutil
import tempfile
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import asyncpg
import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from samen_kit.localinfra import (
    InfraConfig,
    InfraError,
    KafkaNode,
    PostgresCluster,
    free_ports,
    infra_down,
    infra_status,
    infra_up,
)

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def state_root() -> Iterator[Path]:
    root = Path(tempfile.mkdtemp(prefix="samen-localinfra-"))
    root.chmod(0o755)  # as root, the cluster runs as `postgres`, who must reach its folder
    yield root
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="module")
async def kafka(state_root: Path) -> AsyncIterator[KafkaNode]:
    port, controller_port = free_ports(2)
    node = KafkaNode(port, controller_port, state_root / "kafka")
    await node.start()
    await node.wait_ready()
    yield node
    await node.stop()


@pytest.fixture(scope="module")
async def postgres(state_root: Path) -> AsyncIterator[PostgresCluster]:
    (port,) = free_ports(1)
    cluster = PostgresCluster(port, state_root / "postgres")
    await cluster.start()
    await cluster.wait_ready()
    yield cluster
    await cluster.stop()


def running(pid: int) -> bool:
    """Read from /proc directly, not through the code under test; a zombie has ended."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] not in ("Z", "X")


def process_tree(pid: int) -> list[int]:
    tree = [pid]
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            if parent == pid:
                tree.append(int(entry.name))
    return tree


def processes_mentioning(text: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if text.encode() in (entry / "cmdline").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                continue
    return [pid for pid in found if running(pid)]


async def create_topic(bootstrap: str) -> str:
    topic = f"localinfra-{uuid.uuid4().hex[:8]}"
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        await admin.create_topics([NewTopic(topic, num_partitions=1, replication_factor=1)])
    finally:
        await admin.close()
    return topic


async def produce(bootstrap: str, topic: str, value: bytes) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, enable_idempotence=True, acks="all")
    await producer.start()
    try:
        await producer.send_and_wait(topic, value, key=b"pupil-1")
    finally:
        await producer.stop()


async def consume(bootstrap: str, topic: str, count: int) -> list[bytes]:
    """Read `count` records from the start with a fresh consumer group."""
    consumer = AIOKafkaConsumer(
        topic,
        bootstrap_servers=bootstrap,
        group_id=f"group-{uuid.uuid4().hex[:8]}",
        auto_offset_reset="earliest",
    )
    await consumer.start()
    values: list[bytes] = []
    try:
        async with asyncio.timeout(60):
            while len(values) < count:
                batches = await consumer.getmany(timeout_ms=1000)
                values += [record.value or b"" for batch in batches.values() for record in batch]
    finally:
        await consumer.stop()
    return values


async def test_kafka_delivers_a_record_to_a_consumer_group(kafka: KafkaNode) -> None:
    topic = await create_topic(kafka.bootstrap_servers)

    await produce(kafka.bootstrap_servers, topic, b"ConsentGiven")

    assert await consume(kafka.bootstrap_servers, topic, 1) == [b"ConsentGiven"]


async def test_starting_a_running_broker_again_keeps_the_same_process(kafka: KafkaNode) -> None:
    pid = kafka.pid()

    await kafka.start()

    assert pid is not None
    assert kafka.pid() == pid
    status = await kafka.status()
    assert (status.ready, status.owned, status.pid) == (True, True, pid)


async def test_broker_keeps_its_records_when_stopped_and_started_again(kafka: KafkaNode) -> None:
    topic = await create_topic(kafka.bootstrap_servers)
    await produce(kafka.bootstrap_servers, topic, b"before the outage")
    old_pid = kafka.pid()
    assert old_pid is not None

    await kafka.stop()
    stopped = await kafka.status()
    await kafka.start()
    await kafka.wait_ready()

    assert not running(old_pid)
    assert stopped.state == "stopped"
    assert kafka.pid() not in (None, old_pid)
    assert await consume(kafka.bootstrap_servers, topic, 1) == [b"before the outage"]


async def test_waiting_for_a_broker_that_never_started_fails_at_once(state_root: Path) -> None:
    port, controller_port = free_ports(2)
    node = KafkaNode(port, controller_port, state_root / "kafka-never-started")

    with pytest.raises(InfraError, match="not running"):
        await node.wait_ready(within=30)


async def test_samen_role_runs_sql_over_tcp_in_a_database_of_its_own(
    postgres: PostgresCluster,
) -> None:
    await postgres.create_database("localinfra_sql")
    connection = await asyncpg.connect(postgres.url("localinfra_sql", driver=""))
    try:
        await connection.execute("CREATE TABLE pupil (id uuid PRIMARY KEY)")
        await connection.execute("INSERT INTO pupil VALUES ($1)", uuid.uuid4())
        count = await connection.fetchval("SELECT count(*) FROM pupil")
        owner = await connection.fetchval(
            "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()"
        )
    finally:
        await connection.close()

    assert (count, owner) == (1, "samen")


async def test_tcp_login_with_a_wrong_password_is_refused(postgres: PostgresCluster) -> None:
    url = postgres.url(driver="").replace(":samen@", ":wrong@")

    with pytest.raises(asyncpg.InvalidPasswordError):
        await asyncpg.connect(url)


async def test_starting_a_running_cluster_again_keeps_the_same_process(
    postgres: PostgresCluster,
) -> None:
    pid = postgres.pid()

    await postgres.start()

    assert pid is not None
    assert postgres.pid() == pid
    assert (await postgres.status()).ready


async def test_creating_a_database_twice_is_harmless_and_dropping_removes_it(
    postgres: PostgresCluster,
) -> None:
    await postgres.create_database("localinfra_twice")
    await postgres.create_database("localinfra_twice")
    await postgres.drop_database("localinfra_twice")
    await postgres.drop_database("localinfra_twice")

    with pytest.raises(asyncpg.InvalidCatalogNameError):
        await asyncpg.connect(postgres.url("localinfra_twice", driver=""))


async def test_database_names_that_need_quoting_are_refused(postgres: PostgresCluster) -> None:
    with pytest.raises(ValueError, match="plain database name"):
        await postgres.create_database('x"; DROP DATABASE postgres; --')


async def test_cluster_keeps_its_data_across_a_restart(postgres: PostgresCluster) -> None:
    await postgres.create_database("localinfra_restart")
    url = postgres.url("localinfra_restart", driver="")
    connection = await asyncpg.connect(url)
    await connection.execute("CREATE TABLE outbox (id int); INSERT INTO outbox VALUES (7)")
    await connection.close()
    old_pid = postgres.pid()

    await postgres.restart()

    connection = await asyncpg.connect(url)
    try:
        assert await connection.fetchval("SELECT id FROM outbox") == 7
    finally:
        await connection.close()
    assert old_pid is not None
    assert not running(old_pid)


@pytest.fixture
async def pair(state_root: Path) -> AsyncIterator[InfraConfig]:
    """A Kafka-and-PostgreSQL pair of this test's own, stopped afterwards even on failure."""
    kafka_port, controller_port, postgres_port = free_ports(3)
    config = InfraConfig(state_root / "pair", kafka_port, controller_port, postgres_port)
    yield config
    await infra_down(config)


async def test_infra_down_leaves_no_process_behind(pair: InfraConfig) -> None:
    config = pair
    # Two concurrent `up`s must still start one broker and one cluster.
    first, second = await asyncio.gather(
        infra_up(config, databases=("localinfra_pair",)), infra_up(config, databases=())
    )
    assert first.ready and second.ready
    assert first.kafka.pid == second.kafka.pid
    assert first.postgres.pid == second.postgres.pid
    assert first.kafka.pid is not None and first.postgres.pid is not None
    started = [first.kafka.pid, *process_tree(first.postgres.pid)]
    assert len(processes_mentioning(str(config.state_dir))) == 2  # broker and postmaster

    down = await infra_down(config)

    assert [pid for pid in started if running(pid)] == []
    assert processes_mentioning(str(config.state_dir)) == []
    assert down.stopped
    assert (await infra_status(config)).lines()[0].split()[1] == "stopped"


async def test_a_cluster_wanted_inside_a_private_folder_still_starts() -> None:
    """A clone in root's home (mode 700): PostgreSQL's user cannot pass through it, so
    the cluster keeps its state where it can and is found there again by a second handle."""
    private = _private_folder()
    (port,) = free_ports(1)
    cluster = PostgresCluster(port, private / "clone" / "postgres")
    try:
        await cluster.start()
        await cluster.wait_ready()
        conn = await asyncpg.connect(cluster.url(driver=""))
        try:
            assert await conn.fetchval("SELECT 1") == 1
        finally:
            await conn.close()
        again = PostgresCluster(port, private / "clone" / "postgres")
        assert again.pid() == cluster.pid() is not None
    finally:
        await cluster.stop()
        shutil.rmtree(private, ignore_errors=True)
        if cluster.state_dir != private / "clone" / "postgres":
            shutil.rmtree(cluster.state_dir, ignore_errors=True)


def _private_folder() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="samen-private-"))
    folder.chmod(0o700)
    return folder
