"""Every level of a Merkle tree over a fixed list of leaf hashes, for making proofs.

Level ``L`` holds the node over leaves ``[j * 2**L, min((j + 1) * 2**L, n))`` at
position ``j``; a node without a partner is carried up unchanged, which is the
RFC 9162 tree. Any RFC node, of this tree or of a smaller prefix of it, is then
a fold of at most log2(n) stored perfect subtrees.
"""

from collections.abc import Iterable, Sequence

from samen_archive.merkle import (
    EMPTY_ROOT,
    LeafRange,
    consistency_path_ranges,
    fold_perfect_subtrees,
    inclusion_path_ranges,
    next_level,
)
from samen_archive.proof_text import path_node_lines


class TreeLevels:
    """The whole tree kept in memory: about two hashes per leaf."""

    def __init__(self, leaves: Sequence[bytes]) -> None:
        levels = [list(leaves)]
        while len(levels[-1]) > 1:
            levels.append(next_level(levels[-1]))
        self._levels = levels

    @property
    def size(self) -> int:
        return len(self._levels[0])

    def root(self, size: int | None = None) -> bytes:
        """MTH of the first ``size`` leaves (all of them by default)."""
        size = self.size if size is None else size
        self._check_range(0, size)
        return EMPTY_ROOT if size == 0 else self.subtree_hash(0, size)

    def subtree_hash(self, start: int, end: int) -> bytes:
        """MTH(D[start:end]) for a range that is a node of some RFC 9162 tree.

        Such a range splits, largest first, into aligned perfect subtrees.
        """
        self._check_range(start, end)
        if start == end:
            raise ValueError("an empty range is no subtree")
        pieces: list[bytes] = []
        position, width = start, end - start
        for level in reversed(range(width.bit_length())):
            if width >> level & 1:
                if position % (1 << level):
                    raise ValueError(f"[{start}, {end}) is not a subtree of an RFC 9162 tree")
                pieces.append(self._levels[level][position >> level])
                position += 1 << level
        return fold_perfect_subtrees(pieces)

    def inclusion_proof(self, index: int, size: int | None = None) -> list[bytes]:
        """The audit path for leaf ``index`` in the tree of ``size`` leaves."""
        size = self.size if size is None else size
        self._check_range(0, size)
        return self._hashes(inclusion_path_ranges(index, size))

    def consistency_proof(self, old_size: int, size: int | None = None) -> list[bytes]:
        """The proof that the tree of ``old_size`` leaves is a prefix of ``size``."""
        size = self.size if size is None else size
        self._check_range(0, size)
        return self._hashes(consistency_path_ranges(old_size, size))

    def audit_path_nodes(self, indices: Iterable[int]) -> dict[LeafRange, bytes]:
        """Every node on the audit path of any of ``indices`` in the whole tree.

        At level L the path of leaf i holds the partner of node i >> L, when it
        has one; shared nodes are listed once.
        """
        nodes: dict[LeafRange, bytes] = {}
        ancestors = set(indices)
        if any(not 0 <= index < self.size for index in ancestors):
            raise ValueError("a leaf index lies outside the tree")
        for level, hashes in enumerate(self._levels[:-1]):
            for partner in {ancestor ^ 1 for ancestor in ancestors}:
                if partner < len(hashes):
                    start = partner << level
                    nodes[(start, min(start + (1 << level), self.size))] = hashes[partner]
            ancestors = {ancestor >> 1 for ancestor in ancestors}
        return nodes

    def path_node_lines(self, indices: Iterable[int]) -> list[str]:
        """``audit_path_nodes`` as format 2's proofs.json lists them (``proof_text``)."""
        lines: list[str] = []
        ancestors = set(indices)
        for height, hashes in enumerate(self._levels[:-1]):
            lines += path_node_lines(hashes, height, self.size, ancestors)
            ancestors = {ancestor >> 1 for ancestor in ancestors}
        return lines

    def _hashes(self, ranges: Iterable[LeafRange]) -> list[bytes]:
        return [self.subtree_hash(start, end) for start, end in ranges]

    def _check_range(self, start: int, end: int) -> None:
        if not 0 <= start <= end <= self.size:
            raise ValueError(f"[{start}, {end}) is outside a tree of {self.size} leaves")
