"""Three Kafka nodes in KRaft mode on one machine: a cluster with replicated topics.

Each node is a broker and a controller (`KafkaNode` with a `Quorum`), with a state folder
of its own under the cluster's. Topics get three copies, two of which must have every
write, so one node may be killed without losing an acknowledged record.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
from collections.abc import Sequence
from pathlib import Path

from aiokafka.admin import AIOKafkaAdminClient

from samen_kit.localinfra import paths
from samen_kit.localinfra.kafka import KafkaNode, Quorum
from samen_kit.localinfra.process import InfraError, describe
from samen_kit.localinfra.status import ComponentStatus


def cluster_id_for(state_dir: Path) -> str:
    """The same id for the same folder, so every node (and every restart) agrees without
    a file to share: 16 bytes of the folder's hash, URL-safe base64, not starting with
    '-' (the storage tool would read it as a flag)."""
    digest = hashlib.sha256(str(state_dir.resolve()).encode()).digest()[:16]
    cluster_id = base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
    return "A" + cluster_id[1:] if cluster_id.startswith("-") else cluster_id


class KafkaCluster:
    """`NODES` broker-and-controller nodes; node n keeps its state in `state_dir/node-n`."""

    def __init__(
        self,
        ports: Sequence[int] = (19192, 19193, 19194),
        controller_ports: Sequence[int] = (19195, 19196, 19197),
        state_dir: Path | None = None,
    ) -> None:
        if len(ports) != len(controller_ports) or len(ports) < 2:
            raise ValueError("a cluster needs one controller port per node, two nodes or more")
        self.state_dir = (state_dir or paths.default_state_dir() / "kafka-cluster").resolve()
        quorum = Quorum(cluster_id_for(self.state_dir), tuple(controller_ports))
        self.nodes = [
            KafkaNode(port, controller, self.state_dir / f"node-{n}", node_id=n, quorum=quorum)
            for n, (port, controller) in enumerate(zip(ports, controller_ports, strict=True), 1)
        ]

    @property
    def bootstrap_servers(self) -> str:
        return ",".join(node.bootstrap_servers for node in self.nodes)

    async def start(self) -> None:
        """Start every node (harmless for those that run); they elect a leader together."""
        await asyncio.gather(*(node.start() for node in self.nodes))

    async def wait_ready(self, within: float = 180.0) -> None:
        """Every node answers, and the metadata lists them all as brokers."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + within
        await asyncio.gather(*(node.wait_ready(within) for node in self.nodes))
        # A node answers before the controller has unfenced it as a broker.
        while (brokers := await self._brokers()) != len(self.nodes):
            if loop.time() > deadline:
                raise InfraError(f"the cluster lists {brokers} of {len(self.nodes)} brokers")
            await asyncio.sleep(0.25)

    async def _brokers(self) -> int:
        admin = AIOKafkaAdminClient(
            bootstrap_servers=self.bootstrap_servers, request_timeout_ms=5000
        )
        try:
            await admin.start()
            return len((await admin.describe_cluster())["brokers"])
        finally:
            await admin.close()

    async def stop(self, grace: float = 30.0) -> None:
        await asyncio.gather(*(node.stop(grace) for node in self.nodes))

    async def status(self) -> ComponentStatus:
        nodes = await asyncio.gather(*(node.status() for node in self.nodes))
        running = [node for node in nodes if node.running]
        problems = [f"{node.address} {node.state}" for node in nodes if not node.ready]
        if running and not problems:
            problems = await self._problem()
        return ComponentStatus(
            name="kafka-cluster",
            address=self.bootstrap_servers,
            state_dir=self.state_dir,
            running=bool(running),
            ready=len(running) == len(nodes) and not problems,
            owned=all(node.owned for node in nodes),
            pid=None,
            detail="; ".join(problems),
        )

    async def _problem(self) -> list[str]:
        try:
            brokers = await asyncio.wait_for(self._brokers(), 10.0)
        except Exception as error:  # a status probe reports, it does not raise
            return [describe(error)]
        return [] if brokers == len(self.nodes) else [f"{brokers} of {len(self.nodes)} brokers"]
