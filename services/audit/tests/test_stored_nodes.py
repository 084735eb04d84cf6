"""Stored nodes: a proof rebuilt from them and a few leaves equals one over the whole tree."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from samen_archive.merkle import consistency_path_ranges, inclusion_path_ranges, leaf_hash
from samen_archive.tree_levels import TreeLevels
from samen_audit.domain.frontier import Frontier
from samen_audit.domain.stored_nodes import Piece, grow, needs, pieces, range_hash

pytestmark = pytest.mark.unit


def leaves(count: int) -> list[bytes]:
    return [leaf_hash(i.to_bytes(4, "big")) for i in range(count)]


def grown_in_chunks(
    all_leaves: list[bytes], chunks: list[int], min_level: int
) -> tuple[Frontier, dict[Piece, bytes]]:
    frontier, stored, start = Frontier(), {}, 0
    for chunk in [*chunks, len(all_leaves)]:
        end = min(len(all_leaves), start + chunk)
        frontier, nodes = grow(frontier, all_leaves[start:end], min_level)
        stored.update({node.piece: node.hash for node in nodes})
        start = end
    return frontier, stored


@st.composite
def growing_log(draw: st.DrawFn) -> tuple[list[bytes], list[int], int]:
    size = draw(st.integers(min_value=1, max_value=260))
    chunks = draw(st.lists(st.integers(min_value=1, max_value=40), max_size=8))
    return leaves(size), chunks, draw(st.integers(min_value=1, max_value=5))


@settings(max_examples=120, deadline=None)
@given(growing_log())
def test_growing_in_any_chunks_gives_the_frontier_and_the_perfect_subtrees_of_the_tree(
    case: tuple[list[bytes], list[int], int],
) -> None:
    all_leaves, chunks, min_level = case
    frontier, stored = grown_in_chunks(all_leaves, chunks, min_level)
    tree = TreeLevels(all_leaves)
    assert frontier == Frontier().extend(all_leaves)
    assert all(piece.level >= min_level for piece in stored)
    assert stored == {
        Piece(level, position): tree.subtree_hash(start, start + (1 << level))
        for level in range(min_level, len(all_leaves).bit_length())
        for position in range(len(all_leaves) >> level)
        for start in [position << level]
    }


@settings(max_examples=120, deadline=None)
@given(growing_log(), st.data())
def test_every_proof_node_is_rebuilt_from_stored_nodes_and_few_leaves(
    case: tuple[list[bytes], list[int], int], data: st.DataObject
) -> None:
    all_leaves, chunks, min_level = case
    _, stored = grown_in_chunks(all_leaves, chunks, min_level)
    size = data.draw(st.integers(min_value=1, max_value=len(all_leaves)))
    index = data.draw(st.integers(min_value=0, max_value=size - 1))
    old = data.draw(st.integers(min_value=1, max_value=size))
    ranges = [*inclusion_path_ranges(index, size), *consistency_path_ranges(old, size), (0, size)]
    wanted = needs(ranges, min_level)
    tree = TreeLevels(all_leaves)
    by_index = {i: all_leaves[i] for i in wanted.leaves}
    chosen = {piece: stored[piece] for piece in wanted.stored}
    assert [range_hash(r, chosen, by_index, min_level) for r in ranges] == [
        tree.subtree_hash(start, end) for start, end in ranges
    ]
    assert len(wanted.leaves) < len(ranges) * len(all_leaves).bit_length() * (1 << min_level)


def test_a_range_splits_into_aligned_perfect_subtrees_largest_first() -> None:
    assert pieces(0, 7) == [Piece(2, 0), Piece(1, 2), Piece(0, 6)]
    assert pieces(8, 12) == [Piece(2, 2)]


def test_a_range_that_is_no_node_of_any_tree_is_refused() -> None:
    with pytest.raises(ValueError, match="not a subtree"):
        pieces(1, 3)
