"""The one-pass rebuild agrees with the RFC 9162 root and with the exporter's proof nodes."""

from __future__ import annotations

from collections.abc import Iterable

import pytest
from samen_archive.layout import node_key
from samen_archive.merkle import leaf_hash, root_hash
from samen_archive.one_pass import rebuild
from samen_archive.tree_levels import TreeLevels


def leaves_of(size: int) -> list[bytes]:
    return [leaf_hash(b"entry %d" % i) for i in range(size)]


def path_nodes(leaves: list[bytes], selected: Iterable[int]) -> dict[str, bytes]:
    """The exporter's nodes, under their names in proofs.json."""
    return {node_key(r): node for r, node in TreeLevels(leaves).audit_path_nodes(selected).items()}


@pytest.mark.parametrize("size", [1, 2, 3, 7, 8, 9, 33, 100])
def test_the_rebuilt_root_is_the_rfc_root_and_every_exported_node_fits(size: int) -> None:
    leaves = leaves_of(size)
    selected = range(0, size, 3)
    nodes = path_nodes(leaves, selected)
    tree = rebuild(leaves, nodes, selected)
    assert tree.root == root_hash(leaves)
    assert tree.proof_nodes_match


def test_an_altered_node_does_not_fit() -> None:
    leaves = leaves_of(33)
    nodes = path_nodes(leaves, [8])
    nodes["9-10"] = leaf_hash(b"forged")
    assert not rebuild(leaves, nodes, [8]).proof_nodes_match


def test_a_missing_node_does_not_fit() -> None:
    leaves = leaves_of(33)
    nodes = path_nodes(leaves, [8, 20])
    del nodes["0-8"]
    assert not rebuild(leaves, nodes, [8, 20]).proof_nodes_match


def test_an_index_outside_the_tree_does_not_fit() -> None:
    leaves = leaves_of(5)
    assert not rebuild(leaves, path_nodes(leaves, [1]), [1, 5]).proof_nodes_match
