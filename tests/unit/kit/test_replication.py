"""How many copies of a partition the kit asks for, and what a cluster node is told."""

from pathlib import Path

import pytest
from samen_kit.localinfra.kafka import Quorum, server_properties
from samen_kit.localinfra.kafka_cluster import cluster_id_for
from samen_kit.replication import Replication, replication_for

pytestmark = pytest.mark.unit


def properties(text: str) -> dict[str, str]:
    return dict(line.split("=", 1) for line in text.splitlines())


def test_a_single_broker_keeps_one_copy_that_alone_confirms_a_write() -> None:
    assert replication_for(1) == Replication(factor=1, min_insync=1)


def test_a_three_broker_cluster_keeps_three_copies_of_which_two_confirm_a_write() -> None:
    assert replication_for(3) == Replication(factor=3, min_insync=2)


def test_a_larger_cluster_still_keeps_three_copies() -> None:
    assert replication_for(9) == Replication(factor=3, min_insync=2)


def test_a_cluster_without_brokers_is_refused() -> None:
    with pytest.raises(ValueError):
        replication_for(0)


def test_a_node_of_a_three_node_quorum_lists_every_voter_and_replicates_internal_topics() -> None:
    quorum = Quorum("AAAAAAAAAAAAAAAAAAAAAA", (29195, 29196, 29197))
    node = properties(server_properties(29193, 29196, Path("/data"), node_id=2, quorum=quorum))

    assert node["node.id"] == "2"
    assert node["controller.quorum.voters"] == (
        "1@127.0.0.1:29195,2@127.0.0.1:29196,3@127.0.0.1:29197"
    )
    assert "controller.quorum.bootstrap.servers" not in node
    assert node["offsets.topic.replication.factor"] == "3"
    assert node["default.replication.factor"] == "3"
    assert node["min.insync.replicas"] == "2"
    assert node["transaction.state.log.min.isr"] == "2"


def test_a_single_node_bootstraps_from_its_own_controller_with_one_copy() -> None:
    node = properties(server_properties(19092, 19093, Path("/data")))

    assert node["controller.quorum.bootstrap.servers"] == "127.0.0.1:19093"
    assert "controller.quorum.voters" not in node
    assert node["offsets.topic.replication.factor"] == "1"
    assert node["min.insync.replicas"] == "1"


def test_the_nodes_of_one_cluster_folder_agree_on_its_id_and_another_folder_differs() -> None:
    first = cluster_id_for(Path("/state/kafka-cluster"))

    assert first == cluster_id_for(Path("/state/kafka-cluster"))
    assert first != cluster_id_for(Path("/elsewhere/kafka-cluster"))
    assert len(first) == 22 and not first.startswith("-")
