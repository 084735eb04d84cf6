"""A single-node Apache Kafka broker in KRaft mode, run with the JDK from Maven's artifacts."""

from __future__ import annotations

import asyncio
import base64
import logging
import os
import resource
import secrets
import shutil
import signal
from dataclasses import dataclass
from pathlib import Path

from aiokafka.admin import AIOKafkaAdminClient

from samen_kit.localinfra import paths
from samen_kit.localinfra.fetch import fetch_kafka, java
from samen_kit.localinfra.process import (
    InfraError,
    describe,
    run_command,
    tail,
    wait_gone,
)
from samen_kit.localinfra.server import HOST, LaunchedServer
from samen_kit.replication import replication_for

log = logging.getLogger(__name__)

# A test run makes topics for every service under many prefixes: thousands of partitions,
# each with a few open files and some heap. 1 GiB and the most open files the system
# allows keep one broker up for a whole run (512 MiB ran out at about 20,000 partitions).
JVM_OPTIONS = ("-Xms256m", "-Xmx1g", "-XX:+UseG1GC", "-Djava.awt.headless=true")
WANTED_OPEN_FILES = 1 << 20
# Any group will do: asking for its coordinator makes the broker create __consumer_offsets,
# so the first real consumer group does not wait for it.
READINESS_GROUP = "samen-localinfra-readiness"


def new_cluster_id() -> str:
    """16 random bytes, URL-safe base64 without padding; never starting with '-' (a flag)."""
    while True:
        cluster_id = base64.urlsafe_b64encode(secrets.token_bytes(16)).rstrip(b"=").decode()
        if not cluster_id.startswith("-"):
            return cluster_id


@dataclass(frozen=True)
class Quorum:
    """The controllers of a cluster of several nodes: node n (from 1) listens on
    `controller_ports[n - 1]`, and every node lists them all (a static quorum)."""

    cluster_id: str
    controller_ports: tuple[int, ...]

    @property
    def size(self) -> int:
        return len(self.controller_ports)

    def voters(self) -> str:
        nodes = enumerate(self.controller_ports, start=1)
        return ",".join(f"{node_id}@{HOST}:{port}" for node_id, port in nodes)


class KafkaNode(LaunchedServer):
    """One broker-and-controller; its data, logs and pid file live in `state_dir`.

    Alone by default; with a `quorum`, node `node_id` of a cluster (see `KafkaCluster`).
    """

    name = "kafka"
    title = "Kafka"
    ready_within = 120.0

    def __init__(
        self,
        port: int = 19092,
        controller_port: int = 19093,
        state_dir: Path | None = None,
        *,
        node_id: int = 1,
        quorum: Quorum | None = None,
    ) -> None:
        self.port = port
        self.controller_port = controller_port
        self.state_dir = (state_dir or paths.default_state_dir() / "kafka").resolve()
        self.node_id = node_id
        self.quorum = quorum

    @property
    def bootstrap_servers(self) -> str:
        return self.address

    @property
    def log_path(self) -> Path:
        return self.state_dir / "logs" / "server.log"

    @property
    def properties_path(self) -> Path:
        return self.state_dir / "server.properties"

    def _ours(self, arguments: list[str]) -> bool:
        return "kafka.Kafka" in arguments and str(self.properties_path) in arguments

    async def _launch(self) -> None:
        """Format storage on first use, then launch the broker."""
        libs = await fetch_kafka()
        self._write_properties()
        if not (self.data_dir / "meta.properties").is_file():
            await self._format(libs)
        command = [*self._java_command(libs), "kafka.Kafka", str(self.properties_path)]
        self._launch_detached(command, preexec_fn=_more_open_files)

    def _write_properties(self) -> None:
        self.state_dir.mkdir(parents=True, exist_ok=True)
        self.properties_path.write_text(
            server_properties(
                self.port, self.controller_port, self.data_dir, self.node_id, self.quorum
            )
        )

    async def _format(self, libs: Path) -> None:
        shutil.rmtree(self.data_dir, ignore_errors=True)  # a half-formatted folder from a crash
        command = [*self._java_command(libs), "kafka.tools.StorageTool", "format"]
        if self.quorum is None:
            command += ["--standalone", "-t", new_cluster_id()]
        else:  # the voters are in the properties; the nodes share the cluster's id
            command += ["-t", self.quorum.cluster_id]
        command += ["-c", str(self.properties_path)]
        result = await run_command(command, cwd=self.state_dir, within=120)
        if result.returncode != 0:
            raise InfraError(f"formatting Kafka storage failed:\n{result.output[-3000:]}")

    def _java_command(self, libs: Path) -> list[str]:
        logging_options = [
            f"-Dlog4j2.configurationFile={paths.log4j_config()}",
            f"-Dkafka.logs.dir={self.log_path.parent}",
        ]
        # The quoted wildcard is expanded by the JVM itself, not by a shell.
        return [java(), *JVM_OPTIONS, *logging_options, "-cp", f"{libs}/*"]

    async def _probe(self) -> None:
        admin = AIOKafkaAdminClient(
            bootstrap_servers=self.bootstrap_servers, request_timeout_ms=5000
        )
        try:
            await admin.start()
            cluster = await admin.describe_cluster()
            if not cluster.get("brokers"):
                raise InfraError("metadata lists no broker")
            await admin.find_coordinator(READINESS_GROUP)
        finally:
            await admin.close()

    def _tail(self) -> str:
        return super()._tail() or tail(self.log_path)

    async def kill(self) -> None:
        """SIGKILL: a crash, no shutdown hook; the data stays for the next `start`."""
        pid = self.pid()
        if pid is None:
            raise InfraError(f"Kafka from {self.state_dir} is not running")
        os.kill(pid, signal.SIGKILL)
        if not await wait_gone([pid], 10.0):
            raise InfraError(f"Kafka {pid} survived SIGKILL")
        log.info("kafka.killed pid=%s", pid)

    def freeze(self) -> None:
        """SIGSTOP: the broker hangs with its ports open (clients time out, not refused)."""
        self._signal(signal.SIGSTOP)

    def thaw(self) -> None:
        self._signal(signal.SIGCONT)

    def _signal(self, sig: signal.Signals) -> None:
        pid = self.pid()
        if pid is None:
            raise InfraError(f"Kafka from {self.state_dir} is not running")
        os.kill(pid, sig)

    async def _problem(self) -> str:
        """Why a metadata round trip and a group coordinator do not answer yet."""
        try:
            await asyncio.wait_for(self._probe(), 10.0)
        except Exception as error:  # any failure is the answer
            return describe(error)
        return ""


def server_properties(
    port: int,
    controller_port: int,
    data_dir: Path,
    node_id: int = 1,
    quorum: Quorum | None = None,
) -> str:
    """KRaft, sized for a 2-core machine. Alone: internal topics with one replica. In a
    quorum of three: three replicas, two of which must have every write (as the kit's
    topics, `samen_kit.replication`), so one node may fail without losing a record."""
    replication = replication_for(1 if quorum is None else quorum.size)
    factor, min_isr = str(replication.factor), str(replication.min_insync)
    controllers = (
        {"controller.quorum.bootstrap.servers": f"{HOST}:{controller_port}"}
        if quorum is None
        else {"controller.quorum.voters": quorum.voters()}
    )
    settings = {
        "process.roles": "broker,controller",
        "node.id": str(node_id),
        **controllers,
        "listeners": f"PLAINTEXT://{HOST}:{port},CONTROLLER://{HOST}:{controller_port}",
        "advertised.listeners": f"PLAINTEXT://{HOST}:{port},CONTROLLER://{HOST}:{controller_port}",
        "controller.listener.names": "CONTROLLER",
        "inter.broker.listener.name": "PLAINTEXT",
        "listener.security.protocol.map": "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
        "log.dirs": str(data_dir),
        "num.network.threads": "2",
        "num.io.threads": "2",
        "num.partitions": "1",
        # The default 128 MiB dedupe buffer is allocated on the heap at start.
        "log.cleaner.dedupe.buffer.size": "16777216",
        "offsets.topic.replication.factor": factor,
        "offsets.topic.num.partitions": "1",
        "transaction.state.log.replication.factor": factor,
        "transaction.state.log.min.isr": min_isr,
        "share.coordinator.state.topic.replication.factor": factor,
        "share.coordinator.state.topic.min.isr": min_isr,
        "default.replication.factor": factor,
        "min.insync.replicas": min_isr,
        "group.initial.rebalance.delay.ms": "0",
        "auto.create.topics.enable": "false",
    }
    return "".join(f"{key}={value}\n" for key, value in settings.items())


def _more_open_files() -> None:
    """For `preexec_fn`: raise the broker's open-file limit as far as it may go (root may
    raise the hard limit too; anyone else up to the hard limit)."""
    _soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    for limit in ((WANTED_OPEN_FILES, max(hard, WANTED_OPEN_FILES)), (hard, hard)):
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, limit)
            return
        except (ValueError, OSError):
            continue
