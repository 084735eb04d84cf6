"""Local Kafka (KRaft, from Maven's artifacts) and PostgreSQL (Debian's packages), no Docker.

One implementation for `samen infra`, the test harness and fault tests, which start
instances of their own on other ports and state folders:

    node = KafkaNode(port, controller_port, state_dir); await node.start(); await node.wait_ready()
    cluster = PostgresCluster(port, state_dir); await cluster.start(); await cluster.wait_ready()

`KafkaCluster` runs three Kafka nodes instead (`samen infra up --cluster`: 127.0.0.1:19192-19194,
controllers 19195-19197, state in deploy/local/.state/kafka-cluster); the kit's topics then
get three copies with `min.insync.replicas=2`.

Keycloak (the staff identity provider, `KeycloakServer`) joins them when asked
(`InfraConfig(identity=True)`; `samen infra` and `samen up` ask), on 127.0.0.1:18080.

Defaults: Kafka 127.0.0.1:19092 (controller 19093), PostgreSQL 127.0.0.1:15432, state in
deploy/local/.state (or `SAMEN_STATE_DIR`).

Beside them, the local stand-ins for external infrastructure that `samen up` starts:
`mailserver` (an SMTP server keeping mail as files) and `sms_simulator` (an SMS gateway
speaking MessageBird's contract).
"""

from samen_kit.localinfra.cli import main
from samen_kit.localinfra.fetch import fetch_kafka, fetch_keycloak
from samen_kit.localinfra.infra import (
    SERVICE_DATABASES,
    InfraConfig,
    InfraStatus,
    ensure_kafka,
    ensure_postgres,
    infra_down,
    infra_status,
    infra_stop_started,
    infra_up,
    port_offset,
)
from samen_kit.localinfra.kafka import KafkaNode
from samen_kit.localinfra.kafka_cluster import KafkaCluster
from samen_kit.localinfra.keycloak import KeycloakServer
from samen_kit.localinfra.paths import default_state_dir, kafka_version
from samen_kit.localinfra.postgres import PostgresCluster
from samen_kit.localinfra.process import InfraError, free_ports
from samen_kit.localinfra.status import ComponentStatus

__all__ = [
    "SERVICE_DATABASES",
    "ComponentStatus",
    "InfraConfig",
    "InfraError",
    "InfraStatus",
    "KafkaCluster",
    "KafkaNode",
    "KeycloakServer",
    "PostgresCluster",
    "default_state_dir",
    "ensure_kafka",
    "ensure_postgres",
    "fetch_kafka",
    "fetch_keycloak",
    "free_ports",
    "infra_down",
    "infra_status",
    "infra_stop_started",
    "infra_up",
    "kafka_version",
    "main",
    "port_offset",
]
