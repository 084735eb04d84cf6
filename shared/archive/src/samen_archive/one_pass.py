"""The whole tree rebuilt once from the leaves: its root, and whether every proof node
the export carries for the selected entries is the rebuilt one.

When both hold, every selected entry whose leaf is the one in leaves.txt is proven
included: its audit path *is* part of the tree that hashes to the signed root. That is
about 2n hashes for the export (n leaves, n - 1 nodes) instead of log2(n) per entry.
When either does not hold, the entry walk checks each proof on its own, so it can name
the first entry a damaged node breaks.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from samen_archive.merkle import EMPTY_ROOT, next_level
from samen_archive.proof_text import path_node_lines


@dataclass(frozen=True)
class RebuiltTree:
    root: bytes
    proof_nodes_match: bool  # every node on a selected entry's path is present and right


def rebuild(
    leaves: Sequence[bytes], nodes: Mapping[str, bytes], selected: Iterable[int]
) -> RebuiltTree:
    """One pass up the levels; only the current level is kept in memory.

    Level ``L`` holds the node over ``[j * 2**L, min((j + 1) * 2**L, n))`` at position
    ``j`` (an unpaired node carried up unchanged), the same keys the exporter writes.
    """
    size = len(leaves)
    if size == 0:
        return RebuiltTree(EMPTY_ROOT, proof_nodes_match=False)
    ancestors = set(selected)
    matches = all(0 <= index < size for index in ancestors)
    level: Sequence[bytes] = leaves
    height = 0
    while len(level) > 1:
        if matches:
            matches = _partners_match(level, height, size, ancestors, nodes)
            ancestors = {ancestor >> 1 for ancestor in ancestors}
        level = next_level(level)
        height += 1
    return RebuiltTree(level[0], proof_nodes_match=matches)


@dataclass(frozen=True)
class WrittenTree:
    root: bytes
    node_lines: list[str]  # format 2's proofs.json lines for the selected entries' paths


def rebuild_writing(leaves: Sequence[bytes], selected: Iterable[int]) -> WrittenTree | None:
    """The root, and the proof nodes as format 2 writes them; ``None`` without leaves
    or with a selected index outside them."""
    size = len(leaves)
    ancestors = set(selected)
    if size == 0 or not all(0 <= index < size for index in ancestors):
        return None
    lines: list[str] = []
    level: Sequence[bytes] = leaves
    height = 0
    while len(level) > 1:
        lines += path_node_lines(level, height, size, ancestors)
        ancestors = {ancestor >> 1 for ancestor in ancestors}
        level = next_level(level)
        height += 1
    return WrittenTree(level[0], lines)


def _partners_match(
    level: Sequence[bytes],
    height: int,
    size: int,
    ancestors: set[int],
    nodes: Mapping[str, bytes],
) -> bool:
    """Each node looked up by its name in proofs.json (``node_key``), written out here
    and compared a level at a time: an export of every entry has a node per entry."""
    partners = {ancestor ^ 1 for ancestor in ancestors}
    last, span = len(level) - 1, 1 << height
    if last in partners:  # the last node of a level may cover fewer leaves
        partners.discard(last)
        if nodes.get(f"{last << height}-{min((last << height) + span, size)}") != level[last]:
            return False
    within = [partner for partner in partners if partner < last]
    names = [f"{partner << height}-{(partner << height) + span}" for partner in within]
    return list(map(nodes.get, names)) == [level[partner] for partner in within]
