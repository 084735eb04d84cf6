"""A Kafka broker, a PostgreSQL cluster and the whole platform, all of the fault tests' own.

Or, for the test at scale, three Kafka nodes (`KafkaCluster`) and several instances of
every service (`start_stack(root, cluster=True, instances=2)`).

Everything listens on free ports and keeps its state in one temporary folder, so the
team's instances (and the rest of the suite) never see a fault. The folder is 0755, not
pytest's tmp_path: as root, PostgreSQL runs as `postgres`, who must reach its data.
"""

from __future__ import annotations

import asyncio
import secrets
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from samen_cli.platform import DEFAULT_PORTS, Platform, PlatformConfig
from samen_contract.topics import SERVICES as EVERY_SERVICE
from samen_kit.access.devkeys import dev_guardian_key, dev_staff_key
from samen_kit.localinfra import InfraError, KafkaCluster, KafkaNode, PostgresCluster, free_ports
from samen_kit.localinfra.process import tail

from tests.e2e.faults.faults_wait import poll_until, wait_while_progressing

# Every service the platform runs (`samen_cli.platform`, `make run`).
SERVICES: tuple[str, ...] = EVERY_SERVICE
COMPONENTS = tuple(DEFAULT_PORTS)  # a port for every name
READY_WITHIN = 180.0
LAUNCH_WITHIN = 5.0
REJOIN_PROBE = 10.0  # one look at whether the cluster lists a rejoining node
REJOIN_STALL = 120.0  # its log silent this long: it is not coming back

# A crashed dispatcher's batch is sent again once its lease runs out; the default five
# minutes would make every run wait that long after a kill.
DISPATCH_LEASE_SECONDS = 30


Kafka = KafkaNode | KafkaCluster


class Running(Protocol):
    """A platform that runs: a fault test's `Stack`, or a bare `Platform` on the team's
    Kafka and PostgreSQL (the region benchmark). The load's helpers need only its config."""

    @property
    def config(self) -> PlatformConfig: ...


@dataclass
class Stack:
    root: Path
    kafka: Kafka
    postgres: PostgresCluster
    platform: Platform

    @property
    def config(self) -> PlatformConfig:
        return self.platform.config

    @property
    def cluster(self) -> KafkaCluster:
        """The three Kafka nodes of a stack started with `cluster=True`."""
        if not isinstance(self.kafka, KafkaCluster):
            raise TypeError("this stack runs a single broker")
        return self.kafka


def new_state_root() -> Path:
    root = Path(tempfile.mkdtemp(prefix="samen-faults-"))
    root.chmod(0o755)
    return root


def remove_state_root(root: Path) -> None:
    shutil.rmtree(root, ignore_errors=True)


async def start_infra(root: Path, *, cluster: bool = False) -> tuple[Kafka, PostgresCluster]:
    postgres_port, *kafka_ports = free_ports(7 if cluster else 3)
    kafka: Kafka = (
        KafkaCluster(kafka_ports[:3], kafka_ports[3:], root / "kafka-cluster")
        if cluster
        else KafkaNode(kafka_ports[0], kafka_ports[1], root / "kafka")
    )
    postgres = PostgresCluster(postgres_port, root / "postgres")
    await postgres.start()
    await asyncio.gather(start_broker(kafka), postgres.wait_ready())
    return kafka, postgres


async def start_broker(kafka: Kafka) -> None:
    """Start and wait until ready (a single node, or every node of a cluster)."""
    await _launch(kafka)
    await kafka.wait_ready()


async def _launch(kafka: Kafka) -> None:
    """For a moment after the launch, /proc shows the new process without its command
    line, and `KafkaNode.wait_ready` would take the broker for dead: wait until `pid()`
    recognises it."""
    await kafka.start()
    nodes = kafka.nodes if isinstance(kafka, KafkaCluster) else [kafka]

    async def recognised() -> bool:
        return all(node.pid() is not None for node in nodes)

    await poll_until(recognised, LAUNCH_WITHIN, poll=0.01)  # if not, wait_ready says why


async def rejoin(cluster: KafkaCluster, node: KafkaNode) -> None:
    """Start a killed node again and wait until the cluster lists it as a broker, for as
    long as it works its way back: a node rejoining a busy cluster first catches up on
    the metadata log, which under load took longer than any fixed wait we gave it (120 s
    failed at a load average of 30). Its log growing is the progress; a dead process or a
    silent log for `REJOIN_STALL` seconds is a failure."""
    await _launch(node)

    async def listed() -> bool:
        if node.pid() is None:
            raise AssertionError(f"the node died while rejoining\n{tail(node.out_path)}")
        try:
            await cluster.wait_ready(within=REJOIN_PROBE)
        except InfraError:
            return False
        return True

    async def logged() -> float:
        return float(sum(p.stat().st_size for p in (node.log_path, node.out_path) if p.exists()))

    what = f"Kafka node {node.port} to rejoin"
    await wait_while_progressing(listed, logged, REJOIN_STALL, what)


def platform_config(
    root: Path, kafka: Kafka, postgres: PostgresCluster, instances: int = 1
) -> PlatformConfig:
    """`instances` of each service in `SERVICES`, all signing parent sessions alike."""
    step = instances - 1
    ports = free_ports(len(COMPONENTS) + len(SERVICES) * step)  # all different
    more = ports[len(COMPONENTS) :]
    return PlatformConfig(
        kafka_bootstrap=kafka.bootstrap_servers,
        server_url=postgres.url(),
        state_dir=root / "platform",
        ports=dict(zip(COMPONENTS, ports, strict=False)),
        topic_prefix=f"faults{secrets.token_hex(3)}.",
        database_prefix="faults_",
        extra_env={"SAMEN_DISPATCH_LEASE_SECONDS": str(DISPATCH_LEASE_SECONDS)},
        more_instances={s: tuple(more[n * step : (n + 1) * step]) for n, s in enumerate(SERVICES)},
        session_secret=secrets.token_hex(32),
    )


async def start_stack(root: Path, *, cluster: bool = False, instances: int = 1) -> Stack:
    kafka, postgres = await start_infra(root, cluster=cluster)
    platform = Platform(platform_config(root, kafka, postgres, instances))
    missing = set(SERVICES) - {c.name for c in platform.components}
    if missing:
        raise RuntimeError(f"services not installed: {sorted(missing)}")
    dev_staff_key(platform.config.keys_dir)  # made once, before any service reads them
    dev_guardian_key(platform.config.keys_dir)
    stack = Stack(root, kafka, postgres, platform)
    states = await platform.start_all()
    failed = [name for name, ok in states.items() if not ok]
    if failed:
        await stop_stack(stack)
        raise RuntimeError(f"did not start: {failed}\n{log_tails(platform, failed)}")
    return stack


async def stop_stack(stack: Stack) -> None:
    try:
        await stack.platform.stop_all()
    finally:
        await asyncio.gather(stack.kafka.stop(), stack.postgres.stop())


async def kill_and_restart(platform: Platform, name: str) -> None:
    """SIGKILL (no shutdown hook, no flush), then start the same process again."""
    component = platform.component(name)
    await platform.stop(component, kill=True)
    await platform.start(component)
    if not await platform.wait_ready(component, within=READY_WITHIN):
        raise AssertionError(f"{name} did not come back\n{log_tails(platform, [name])}")


def log_tails(platform: Platform, names: list[str], lines: int = 30) -> str:
    parts = []
    for name in names:
        log = platform.config.logs / f"{name}.log"
        text = log.read_text(errors="replace") if log.exists() else ""
        parts.append(f"--- {log}\n" + "\n".join(text.splitlines()[-lines:]))
    return "\n".join(parts)
