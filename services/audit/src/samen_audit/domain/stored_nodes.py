"""Which tree nodes a log stores, and how any RFC 9162 node is rebuilt from them.

A log that stores only leaves must hash half the tree for a proof. This one also
stores every perfect subtree of ``2**MIN_LEVEL`` leaves or more when it completes
(about one node per ``2**(MIN_LEVEL - 1)`` leaves). Any node of any tree size is a
fold of aligned perfect subtrees: the large ones are read, the small ones hashed
from at most ``2**MIN_LEVEL - 1`` leaves. So a proof reads a few dozen rows.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from samen_archive.merkle import (
    EMPTY_ROOT,
    LeafRange,
    fold_perfect_subtrees,
    node_hash,
    root_hash,
)

from samen_audit.domain.frontier import Frontier

MIN_LEVEL = 5


@dataclass(frozen=True, order=True)
class Piece:
    """The perfect subtree over leaves ``[position * 2**level, (position + 1) * 2**level)``."""

    level: int
    position: int

    @property
    def start(self) -> int:
        return self.position << self.level

    @property
    def end(self) -> int:
        return (self.position + 1) << self.level


@dataclass(frozen=True)
class StoredNode:
    piece: Piece
    hash: bytes


def grow(
    frontier: Frontier, leaves: Sequence[bytes], min_level: int = MIN_LEVEL
) -> tuple[Frontier, list[StoredNode]]:
    """The frontier after ``leaves``, and the stored nodes they complete.

    The same carries as ``Frontier.append``; each carry is a perfect subtree just
    completed, kept when it is at least ``min_level`` high.
    """
    roots, size = list(frontier.roots), frontier.size
    completed: list[StoredNode] = []
    for leaf in leaves:
        carry, bits, level = leaf, size, 0
        while bits & 1:
            carry = node_hash(roots.pop(), carry)
            bits >>= 1
            level += 1
            if level >= min_level:
                completed.append(StoredNode(Piece(level, ((size + 1) >> level) - 1), carry))
        roots.append(carry)
        size += 1
    return Frontier(size, tuple(roots)), completed


def pieces(start: int, end: int) -> list[Piece]:
    """``[start, end)`` as aligned perfect subtrees, largest first.

    Raises ``ValueError`` for a range that is no node of any RFC 9162 tree.
    """
    if not 0 <= start < end:
        raise ValueError(f"[{start}, {end}) is no subtree")
    found: list[Piece] = []
    position, width = start, end - start
    for level in reversed(range(width.bit_length())):
        if width >> level & 1:
            if position % (1 << level):
                raise ValueError(f"[{start}, {end}) is not a subtree of an RFC 9162 tree")
            found.append(Piece(level, position >> level))
            position += 1 << level
    return found


@dataclass(frozen=True)
class NodeNeeds:
    """What to read to rebuild some ranges: stored nodes, and leaves by index."""

    stored: frozenset[Piece]
    leaves: frozenset[int]


def needs(ranges: Iterable[LeafRange], min_level: int = MIN_LEVEL) -> NodeNeeds:
    stored: set[Piece] = set()
    leaves: set[int] = set()
    for start, end in ranges:
        for piece in pieces(start, end):
            if piece.level >= min_level:
                stored.add(piece)
            else:
                leaves.update(range(piece.start, piece.end))
    return NodeNeeds(frozenset(stored), frozenset(leaves))


def range_hash(
    node: LeafRange,
    stored: Mapping[Piece, bytes],
    leaves: Mapping[int, bytes],
    min_level: int = MIN_LEVEL,
) -> bytes:
    """MTH(D[start:end]) from what ``needs`` named; ``KeyError`` when something is missing."""
    start, end = node
    if start == end:
        return EMPTY_ROOT
    hashes = [_piece_hash(piece, stored, leaves, min_level) for piece in pieces(start, end)]
    return fold_perfect_subtrees(hashes)


def _piece_hash(
    piece: Piece, stored: Mapping[Piece, bytes], leaves: Mapping[int, bytes], min_level: int
) -> bytes:
    if piece.level >= min_level:
        return stored[piece]
    return root_hash([leaves[index] for index in range(piece.start, piece.end)])
