"""Merkle tree hashing exactly as RFC 9162 section 2.1 defines it.

Any independent RFC 9162 (or RFC 6962) implementation must reach the same root
hashes and accept the same proofs; that is what makes the log checkable by
someone who does not trust Samen's code.

Proof layouts are returned as leaf ranges ``(start, end)``, meaning the node
MTH(D[start:end]) in the RFC's notation, so a store can fetch just those nodes.
"""

from collections.abc import Sequence
from hashlib import sha256

HASH_SIZE = 32
LEAF_PREFIX = b"\x00"
NODE_PREFIX = b"\x01"
EMPTY_ROOT = sha256(b"").digest()

LeafRange = tuple[int, int]


def leaf_hash(entry: bytes) -> bytes:
    """SHA-256(0x00 || entry)."""
    return sha256(LEAF_PREFIX + entry).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    """SHA-256(0x01 || left || right)."""
    return sha256(NODE_PREFIX + left + right).digest()


def split_point(width: int) -> int:
    """The largest power of two smaller than ``width`` (``width`` >= 2)."""
    if width < 2:
        raise ValueError("a tree of fewer than two leaves has no split")
    return 1 << ((width - 1).bit_length() - 1)


def root_hash(leaves: Sequence[bytes]) -> bytes:
    """MTH over a list of leaf hashes.

    Pairing level by level and carrying an odd last node up unchanged builds
    the same tree as the RFC's recursive split, without recursion or slices.
    """
    if not leaves:
        return EMPTY_ROOT
    level = list(leaves)
    while len(level) > 1:
        level = next_level(level)
    return level[0]


def next_level(level: Sequence[bytes]) -> list[bytes]:
    """The parents of one level; an unpaired last node is carried up as is."""
    prefix = NODE_PREFIX
    parents = [
        sha256(prefix + left + right).digest()
        for left, right in zip(level[0::2], level[1::2], strict=False)
    ]
    if len(level) % 2:
        parents.append(level[-1])
    return parents


def fold_perfect_subtrees(roots: Sequence[bytes]) -> bytes:
    """MTH of adjacent perfect subtrees given left to right, largest first."""
    if not roots:
        return EMPTY_ROOT
    result = roots[-1]
    for left in reversed(roots[:-1]):
        result = node_hash(left, result)
    return result


def inclusion_path_ranges(index: int, size: int) -> list[LeafRange]:
    """PATH(m, D[n]) of RFC 9162 2.1.3.1 as leaf ranges, bottom-up."""
    if not 0 <= index < size:
        raise ValueError(f"leaf {index} is not in a tree of size {size}")
    ranges: list[LeafRange] = []
    start, end = 0, size
    while end - start > 1:
        middle = start + (1 << ((end - start - 1).bit_length() - 1))  # split_point, inlined
        if index < middle:
            ranges.append((middle, end))
            end = middle
        else:
            ranges.append((start, middle))
            start = middle
    ranges.reverse()
    return ranges


def consistency_path_ranges(old_size: int, new_size: int) -> list[LeafRange]:
    """PROOF(m, D[n]) = SUBPROOF(m, D[n], true) of RFC 9162 2.1.4.1, as ranges."""
    if not 0 <= old_size <= new_size:
        raise ValueError(f"no consistency proof from size {old_size} to {new_size}")
    if old_size in (0, new_size):
        return []
    ranges: list[LeafRange] = []
    start, end, remaining, whole_old_tree = 0, new_size, old_size, True
    while remaining != end - start:
        middle = start + split_point(end - start)
        if remaining <= middle - start:
            ranges.append((middle, end))
            end = middle
        else:
            ranges.append((start, middle))
            remaining -= middle - start
            start = middle
            whole_old_tree = False
    if not whole_old_tree:
        ranges.append((start, end))
    ranges.reverse()
    return ranges


def verify_inclusion(
    leaf: bytes, index: int, size: int, path: Sequence[bytes], root: bytes
) -> bool:
    """RFC 9162 2.1.3.2: does ``path`` prove ``leaf`` at ``index`` under ``root``?"""
    if not 0 <= index < size or not _all_hashes(path, leaf, root):
        return False
    fn, sn, r = index, size - 1, leaf
    for p in path:
        if sn == 0:
            return False
        # node_hash inlined: this loop runs some twenty times for every entry verified.
        if fn & 1 or fn == sn:
            r = sha256(NODE_PREFIX + p + r).digest()
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            r = sha256(NODE_PREFIX + r + p).digest()
        fn >>= 1
        sn >>= 1
    return sn == 0 and r == root


def verify_consistency(
    old_size: int,
    new_size: int,
    old_root: bytes,
    new_root: bytes,
    path: Sequence[bytes],
) -> bool:
    """RFC 9162 2.1.4.2: is the tree of ``old_size`` a prefix of ``new_size``?"""
    if not 0 <= old_size <= new_size or not _all_hashes(path, old_root, new_root):
        return False
    if old_size == 0:
        return not path
    if old_size == new_size:
        return not path and old_root == new_root
    if not path:
        return False
    if old_size & (old_size - 1) == 0:
        path = [old_root, *path]
    return _walk_consistency(old_size, new_size, old_root, new_root, path)


def _walk_consistency(
    old_size: int, new_size: int, old_root: bytes, new_root: bytes, path: Sequence[bytes]
) -> bool:
    fn, sn = old_size - 1, new_size - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    return sn == 0 and fr == old_root and sr == new_root


def _all_hashes(path: Sequence[bytes], *hashes: bytes) -> bool:
    return {len(h) for h in path}.issubset((HASH_SIZE,)) and all(
        len(h) == HASH_SIZE for h in hashes
    )
