"""Properties of proofs over random tree sizes, judged by pymerkle where it can judge."""

import pymerkle
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from samen_archive.merkle import leaf_hash, root_hash, verify_consistency, verify_inclusion
from samen_archive.tree_levels import TreeLevels
from samen_audit.domain.frontier import Frontier

pytestmark = pytest.mark.unit


@st.composite
def tree_and_index(draw: st.DrawFn) -> tuple[list[bytes], int]:
    size = draw(st.integers(min_value=1, max_value=300))
    return [leaf_hash(i.to_bytes(4, "big")) for i in range(size)], draw(
        st.integers(min_value=0, max_value=size - 1)
    )


@st.composite
def tree_and_two_sizes(draw: st.DrawFn) -> tuple[list[bytes], int, int]:
    size = draw(st.integers(min_value=1, max_value=300))
    old = draw(st.integers(min_value=1, max_value=size))
    return [leaf_hash(i.to_bytes(4, "big")) for i in range(size)], old, size


def flip(path: list[bytes], position: int) -> list[bytes]:
    changed = list(path)
    changed[position] = bytes([changed[position][0] ^ 1]) + changed[position][1:]
    return changed


@settings(max_examples=150, deadline=None)
@given(tree_and_index())
def test_an_inclusion_proof_verifies_with_ours_and_with_pymerkle(
    case: tuple[list[bytes], int],
) -> None:
    leaves, index = case
    tree = TreeLevels(leaves)
    path, root = tree.inclusion_proof(index), tree.root()
    assert verify_inclusion(leaves[index], index, len(leaves), path, root)
    theirs = pymerkle.InmemoryTree(algorithm="sha256")
    for i in range(len(leaves)):
        theirs.append_entry(i.to_bytes(4, "big"))
    proof = theirs.prove_inclusion(index + 1)
    proof.path = [leaves[index], *path]
    pymerkle.verify_inclusion(leaves[index], theirs.get_root(), proof)


@settings(max_examples=150, deadline=None)
@given(tree_and_index(), st.data())
def test_an_altered_inclusion_proof_fails(
    case: tuple[list[bytes], int], data: st.DataObject
) -> None:
    leaves, index = case
    tree = TreeLevels(leaves)
    path, root = tree.inclusion_proof(index), tree.root()
    if path:
        position = data.draw(st.integers(min_value=0, max_value=len(path) - 1))
        assert not verify_inclusion(leaves[index], index, len(leaves), flip(path, position), root)
    other = data.draw(st.integers(min_value=0, max_value=len(leaves) - 1))
    if leaves[other] != leaves[index]:
        assert not verify_inclusion(leaves[other], index, len(leaves), path, root)


@settings(max_examples=150, deadline=None)
@given(tree_and_two_sizes())
def test_a_consistency_proof_verifies_and_an_altered_one_fails(
    case: tuple[list[bytes], int, int],
) -> None:
    leaves, old, new = case
    tree = TreeLevels(leaves)
    proof = tree.consistency_proof(old, new)
    assert verify_consistency(old, new, root_hash(leaves[:old]), root_hash(leaves), proof)
    for position in range(len(proof)):
        altered = flip(proof, position)
        assert not verify_consistency(old, new, tree.root(old), tree.root(new), altered)


@settings(max_examples=100, deadline=None)
@given(tree_and_two_sizes(), st.data())
def test_a_rewritten_prefix_fails_consistency(
    case: tuple[list[bytes], int, int], data: st.DataObject
) -> None:
    leaves, old, new = case
    changed = data.draw(st.integers(min_value=0, max_value=old - 1))
    rewritten = list(leaves)
    rewritten[changed] = leaf_hash(b"rewritten")
    proof = TreeLevels(rewritten).consistency_proof(old, new)
    assert not verify_consistency(old, new, root_hash(leaves[:old]), root_hash(rewritten), proof)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.binary(max_size=8), max_size=200))
def test_the_frontier_always_gives_the_root_of_all_leaves_so_far(entries: list[bytes]) -> None:
    leaves = [leaf_hash(entry) for entry in entries]
    frontier = Frontier()
    for count, leaf in enumerate(leaves, start=1):
        frontier = frontier.append(leaf)
        assert frontier.root() == root_hash(leaves[:count])
