"""The compact frontier of a growing log: one perfect subtree root per set bit of its size.

A log that keeps only this (at most 64 hashes) can append in O(log n) and
compute its root without reading old leaves, so the service persists it.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from samen_archive.merkle import HASH_SIZE, fold_perfect_subtrees, node_hash


@dataclass(frozen=True)
class Frontier:
    """Roots of the perfect subtrees covering leaves ``0..size-1``, largest first."""

    size: int = 0
    roots: tuple[bytes, ...] = ()

    def __post_init__(self) -> None:
        if self.size < 0 or len(self.roots) != self.size.bit_count():
            raise ValueError(f"a frontier of size {self.size} needs {self.size.bit_count()} roots")
        if any(len(root) != HASH_SIZE for root in self.roots):
            raise ValueError("every frontier root is a 32-byte hash")

    def append(self, leaf: bytes) -> "Frontier":
        """The frontier after one more leaf hash."""
        if len(leaf) != HASH_SIZE:
            raise ValueError("a leaf hash is 32 bytes")
        roots = list(self.roots)
        carry, size = leaf, self.size
        # Each trailing one bit of the old size is a subtree of the new leaf's width.
        while size & 1:
            carry = node_hash(roots.pop(), carry)
            size >>= 1
        roots.append(carry)
        return Frontier(self.size + 1, tuple(roots))

    def extend(self, leaves: Sequence[bytes]) -> "Frontier":
        frontier = self
        for leaf in leaves:
            frontier = frontier.append(leaf)
        return frontier

    def root(self) -> bytes:
        """MTH of the whole log."""
        return fold_perfect_subtrees(self.roots)

    def to_bytes(self) -> bytes:
        """The roots concatenated; with the size this is all there is to store."""
        return b"".join(self.roots)

    @classmethod
    def from_bytes(cls, size: int, data: bytes) -> "Frontier":
        if len(data) % HASH_SIZE:
            raise ValueError("frontier bytes are a whole number of hashes")
        roots = tuple(data[i : i + HASH_SIZE] for i in range(0, len(data), HASH_SIZE))
        return cls(size, roots)
