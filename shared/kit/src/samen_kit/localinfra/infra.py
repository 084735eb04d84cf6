"""The local platform as a whole: Kafka and PostgreSQL (and, when asked, Keycloak) up, down
and status together."""

from __future__ import annotations

import asyncio
import concurrent.futures
import os
from collections.abc import Coroutine
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from samen_kit.localinfra import paths
from samen_kit.localinfra.kafka import KafkaNode
from samen_kit.localinfra.kafka_cluster import KafkaCluster
from samen_kit.localinfra.keycloak import KeycloakServer
from samen_kit.localinfra.postgres import PostgresCluster
from samen_kit.localinfra.server import up
from samen_kit.localinfra.status import ComponentStatus

T = TypeVar("T")

# One database per service (ARCHITECTURE.md: services share no tables).
SERVICE_DATABASES = (
    "samen_consent",
    "samen_notifications",
    "samen_meetings",
    "samen_disputes",
    "samen_audit",
    "samen_plans",
)


def port_offset() -> int:
    """`SAMEN_PORT_OFFSET`: added to every default port, so a second platform (say, a
    test of `make run` itself) can run beside the first."""
    return int(os.environ.get("SAMEN_PORT_OFFSET", "0"))


@dataclass(frozen=True)
class InfraConfig:
    """Ports and state folder of one Kafka-plus-PostgreSQL pair; defaults are the team's.

    `identity`: Keycloak too (`samen infra`, `samen up`). Off by default: it costs tens of
    seconds and half a GiB, which harnesses needing only Kafka and PostgreSQL do not pay.

    `cluster`: three Kafka nodes (`KafkaCluster`) instead of the one broker, on ports and
    in a state folder of their own, so the cluster runs beside the team's broker.
    """

    state_dir: Path = field(default_factory=paths.default_state_dir)
    kafka_port: int = field(default_factory=lambda: 19092 + port_offset())
    kafka_controller_port: int = field(default_factory=lambda: 19093 + port_offset())
    postgres_port: int = field(default_factory=lambda: 15432 + port_offset())
    keycloak_port: int = field(default_factory=lambda: 18080 + port_offset())
    identity: bool = False
    cluster: bool = False
    cluster_ports: tuple[int, ...] = field(
        default_factory=lambda: tuple(port + port_offset() for port in (19192, 19193, 19194))
    )
    cluster_controller_ports: tuple[int, ...] = field(
        default_factory=lambda: tuple(port + port_offset() for port in (19195, 19196, 19197))
    )

    def kafka(self) -> KafkaNode | KafkaCluster:
        if self.cluster:
            return KafkaCluster(
                self.cluster_ports, self.cluster_controller_ports, self.state_dir / "kafka-cluster"
            )
        return KafkaNode(self.kafka_port, self.kafka_controller_port, self.state_dir / "kafka")

    def postgres(self) -> PostgresCluster:
        return PostgresCluster(self.postgres_port, self.state_dir / "postgres")

    def keycloak(self) -> KeycloakServer:
        """The local one, or the one `SAMEN_KEYCLOAK_URL` names (then nothing is started)."""
        return KeycloakServer(self.keycloak_port, self.state_dir / "keycloak")


@dataclass(frozen=True)
class InfraStatus:
    kafka: ComponentStatus
    postgres: ComponentStatus
    keycloak: ComponentStatus | None = None  # only when the config asks for identity

    @property
    def components(self) -> tuple[ComponentStatus, ...]:
        optional = (self.keycloak,) if self.keycloak is not None else ()
        return (self.kafka, self.postgres, *optional)

    @property
    def ready(self) -> bool:
        return all(component.ready for component in self.components)

    @property
    def stopped(self) -> bool:
        return not any(component.running for component in self.components)

    def lines(self) -> list[str]:
        return [component.line() for component in self.components]


async def infra_up(
    config: InfraConfig | None = None,
    *,
    databases: tuple[str, ...] = SERVICE_DATABASES,
    within: float = 180.0,
) -> InfraStatus:
    """Start each (harmless when they run), wait until each answers, create the databases."""
    config = config or InfraConfig()
    kafka, postgres, keycloak = config.kafka(), config.postgres(), config.keycloak()
    servers = [kafka, postgres, keycloak] if config.identity else [kafka, postgres]
    await asyncio.gather(*(up(server, within) for server in servers))
    for name in databases:
        await postgres.create_database(name)
    return await infra_status(config)


async def infra_stop_started(config: InfraConfig, before: InfraStatus) -> None:
    """Stop what `before` shows was not running yet: only what this run started."""
    stops = []
    if not before.kafka.running:
        stops.append(config.kafka().stop())
    if not before.postgres.running:
        stops.append(config.postgres().stop())
    if before.keycloak is not None and not before.keycloak.running:
        stops.append(config.keycloak().stop())
    await asyncio.gather(*stops)


async def infra_down(config: InfraConfig | None = None) -> InfraStatus:
    """Stop each (Keycloak too, when this state dir runs one); the data stays for `up`."""
    config = config or InfraConfig()
    await asyncio.gather(config.kafka().stop(), config.postgres().stop(), config.keycloak().stop())
    return await infra_status(config)


async def infra_status(config: InfraConfig | None = None) -> InfraStatus:
    config = config or InfraConfig()
    kafka, postgres = await asyncio.gather(config.kafka().status(), config.postgres().status())
    keycloak = await config.keycloak().status() if config.identity else None
    return InfraStatus(kafka=kafka, postgres=postgres, keycloak=keycloak)


def ensure_kafka(config: InfraConfig | None = None, timeout: float = 180.0) -> str:
    """Start the local broker if need be (blocking) and return its bootstrap address."""
    kafka = (config or InfraConfig()).kafka()
    run_blocking(up(kafka, timeout))
    return kafka.bootstrap_servers


def ensure_postgres(config: InfraConfig | None = None, timeout: float = 120.0) -> str:
    """Start the local cluster if need be (blocking); the SQLAlchemy URL of database `postgres`."""
    postgres = (config or InfraConfig()).postgres()
    run_blocking(up(postgres, timeout))
    return postgres.url()


def run_blocking(coroutine: Coroutine[Any, Any, T]) -> T:
    """asyncio.run, also from code that already runs inside an event loop (then in a thread)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()
